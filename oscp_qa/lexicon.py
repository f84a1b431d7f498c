"""The closed world: what a word no vocabulary knows is doing in a question.

A place (from the places file) means the plan's Oxford, Oxfordshire or Thames Valley figure is
not the answer; a restriction (an outcome, a subgroup, a time, a part of a place) narrows what
is counted to something the plan does not break out; anything else is neither. Words are
compared by their lemma (simplemma), so "arrests" and "arrested" are both "arrest".
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

from .fuzzy import TypoIndex
from .normalise import normalise
from .question import Unknown
from .schema import Language
from .vocabulary import Tag


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="en").lower()


@lru_cache(maxsize=4096)
def is_english(word: str) -> bool:
    """An everyday English word ("reading", "march"), as opposed to a name or a typo."""
    return simplemma.is_known(word, lang="en")


NAMES = {"glossary", "achievement", "duty"}  # the plan's own names, not its topic words


class Lexicon:
    def __init__(self, language: Language, known_words: set[str]):
        self.known = known_words | set(language.words.filler)
        # Words whose job is to ask, not to narrow: never a restriction, whatever the list says.
        self.function_words = set(language.words.stopwords) | set(language.words.filler)
        self.restrictions = {normalise(word): kind for kind, words in language.restrictions.items()
                             for word in words}
        self.places = {tuple(normalise(p).split()): p for p in language.places}
        self.within = {tuple(normalise(p).split()): p for p in language.within_oxford}
        self.places = {k: v for k, v in {**self.places, **self.within}.items() if k}
        self.longest = max((len(k) for k in self.places), default=0)
        self.prepositions = set(language.words.place_prepositions)
        settings = language.settings
        self.min_length, self.letters_per_edit = settings.fuzzy_min_length, settings.letters_per_edit
        topic_words = {w for term in language.terms for p in term.phrases  # "knive crime":
                       for w in normalise(p).split()}  # "knive" is "knife" of "knife crime"
        self.known_lemmas = {lemma(w) for w in self.known | topic_words if w.isalpha()}
        self.long_known = TypoIndex(sorted(w for w in self.known | topic_words
                                           if len(w) >= self.min_length and w.isalpha()))
        lemma("arrests"), is_english("reading")  # simplemma's dictionary (0.5 s) loads at start-up,
        # not on some visitor's first question

    lemma = staticmethod(lemma)

    def spell(self, tokens: list[str]) -> list[str]:
        """A misspelt word with a job of its own ("perccentage", "compaired") is that word: one
        edit per `letters_per_edit` letters, never for a number, a place or a real word."""
        return [self._spelt(t) for t in tokens]

    def _spelt(self, token: str) -> str:
        if (len(token) < self.min_length or token in self.known or not token.isalpha()
                or (token,) in self.places or is_english(token)):
            return token
        found = self.long_known.closest(token, max(1, len(token) // self.letters_per_edit))
        return found or self.long_known.begun(token) or token

    def drop_misread_places(self, tokens: list[str], tags: list[Tag]) -> list[Tag]:
        """A place read as a misspelt known word ("Thame" as "Thames") is a place; words all
        spelt right are no misspelt name ("a safer place" is not the Safe Places scheme), nor
        a misspelt topic unless they are a form of a known word."""
        return [t for t in tags if not (t.fuzzy and (
            tuple(tokens[t.start:t.end]) in self.places
            or (t.kind in NAMES and all(is_english(w) for w in tokens[t.start:t.end]))
            or (t.kind == "term" and all(is_english(w) for w in tokens[t.start:t.end]) and (
                all(lemma(w) not in self.known_lemmas for w in tokens[t.start:t.end])
                or {lemma(w) for w in tokens[t.start:t.end]}
                != {lemma(w) for w in (t.read_as or "").split()}))))]  # "facial" is no
        # misspelt "racial", nor "offices" "officers"; "knifes" is "knife"

    def drop_verbs(self, tokens: list[str], tags: list[Tag], before: set[str]) -> list[Tag]:
        """A name that is an everyday verb, used as one ("what's it trying to prevent?"), is
        no name: the word before it says so."""
        return [t for t in tags if not (
            t.kind in NAMES and t.end - t.start == 1 and t.start
            and tokens[t.start - 1] in before and is_english(tokens[t.start]))]

    def unknowns(self, tokens: list[str], tags: list[Tag],
                 proper: frozenset[str] = frozenset()) -> list[Unknown]:
        """Every word no vocabulary covers, with its role; and the places the plan names
        (as achievements' places), which still restrict a figure to somewhere it has none.
        `proper`: words written with a capital inside a sentence ("my friend says Reading")."""
        covered = {i for t in tags for i in range(t.start, t.end)}
        named = {i for t in tags if t.kind != "area" for i in range(t.start, t.end)}
        found = [Unknown(word=self.places[key], role="place", kind="mentioned", at=t.start)
                 for t in tags if t.kind in ("place", "achievement")
                 and (key := tuple(tokens[t.start:t.end])) in self.places]
        index = 0
        while index < len(tokens):
            size = self._place_at(tokens, index, covered, named, proper)
            if size:
                key = tuple(tokens[index:index + size])
                found.append(Unknown(word=self.places[key], role="place", at=index,
                                     kind="within" if key in self.within else ""))
                index += size
                continue
            word = tokens[index]
            index += 1
            if index - 1 in covered or not any(c.isalpha() for c in word):
                continue
            joined = f"{word}-{tokens[index]}" if index < len(tokens) else word  # "under 18"
            kind = (self.restrictions.get(word) or self.restrictions.get(lemma(word))
                    or self.restrictions.get(joined) or self.restrictions.get(joined.rstrip("s")))
            if word in self.known and not (kind and word not in self.function_words):
                continue
            if kind:
                found.append(Unknown(word=word, role="restriction", kind=kind, at=index - 1))
            elif word.replace("-", "").isalpha() and len(word) > 2:
                found.append(Unknown(word=word, role="other", at=index - 1))
        return found

    def _place_at(self, tokens: list[str], index: int, covered: set[int], named: set[int],
                  proper: frozenset[str]) -> int:
        """The length of the place name starting here, or 0. An everyday word that is also a
        place ("Reading") counts only after a word such as "in" or "for", opening the question
        before a topic ("reading hate crime figures?"), ending it after "about" ("what about
        reading?") or written with a capital inside a sentence; a longer name holding an
        area's ("Oxford Parkway") is the place, not the area."""
        for size in range(min(self.longest, len(tokens) - index), 0, -1):
            key = tuple(tokens[index:index + size])
            if key not in self.places or (covered if size == 1 else named) & set(
                    range(index, index + size)):
                continue
            if size == 1 and key[0] in self.known:  # "march" in "january to march"
                return 0
            everyday = size == 1 and is_english(key[0])
            opens_topic = index == 0 and index + 1 in covered  # "reading hate crime figures?"
            follows_up = tokens[index - 1:] == ["about", key[0]]  # "what about reading?"
            if everyday and not (index and tokens[index - 1] in self.prepositions) \
                    and not opens_topic and not follows_up and key[0] not in proper:
                return 0
            return size
        return 0
