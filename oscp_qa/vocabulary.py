"""Find the known phrases in a question: topics, areas, terms, programmes, duties.

One gazetteer holds every phrase, longest match first. Words left over may still match a
phrase when misspelt (edit distance, looked up through `fuzzy.TypoIndex`), but numbers never do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from .fuzzy import TypoIndex
from .normalise import normalise
from .schema import Language


class Tag(BaseModel):
    """A phrase found in the question and what it may mean."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str          # term | area | glossary | achievement | place | duty | pcc | table
    value: str         # term index, area id, glossary term, achievement id (of a place:
                       # the achievement that names it), duty id, pcc
                       # number, the measure a table counts
    start: int         # token span in the normalised question
    end: int
    fuzzy: bool = False
    read_as: str | None = None  # of a fuzzy match: the known phrase the words were read as


class Entry(NamedTuple):
    """A known phrase as the words a question is read into, and what it means."""

    words: tuple[str, ...]
    kind: str
    value: str
    spellable: bool    # a misspelling of it counts: not when it holds a number


def entry(phrase: str, kind: str, value: str) -> Entry:
    return Entry(tuple(normalise(phrase).split()), kind, value, not any(map(str.isdigit, phrase)))


class Gazetteer:
    """Phrases of one layer, matched longest first; words left over may match when misspelt."""

    def __init__(self, entries: Iterable[Entry], known_words: set[str], min_length: int,
                 letters_per_edit: int):
        self.phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.known_words, self.min_length = known_words, min_length
        self.letters_per_edit = letters_per_edit
        self.longest = 0
        by_length: dict[int, list[str]] = {}
        for key, kind, value, spellable in entries:
            if key and (kind, value) not in self.phrases.get(key, []):
                self.phrases.setdefault(key, []).append((kind, value))
                self.longest = max(self.longest, len(key))
                if spellable:
                    by_length.setdefault(len(key), []).append(" ".join(key))
        self._typos = {size: TypoIndex(texts) for size, texts in by_length.items()}

    def tag(self, tokens: list[str]) -> list[Tag]:
        tags: list[Tag] = []
        covered = [False] * len(tokens)
        index = 0
        while index < len(tokens):
            for size in range(min(self.longest, len(tokens) - index), 0, -1):
                meanings = self.phrases.get(tuple(tokens[index:index + size]))
                if meanings:
                    tags += [Tag(kind=k, value=v, start=index, end=index + size) for k, v in meanings]
                    covered[index:index + size] = [True] * size
                    index += size
                    break
            else:
                index += 1
        return tags + self._fuzzy(tokens, covered)

    def _fuzzy(self, tokens: list[str], covered: list[bool]) -> list[Tag]:
        """Misspelt phrases of up to three words, a few edits away from a known phrase."""
        found: list[Tag] = []
        index = 0
        while index < len(tokens):
            for size in (3, 2, 1):
                window = tokens[index:index + size]
                if len(window) < size or any(covered[index:index + size]) or not self._fuzzable(window):
                    continue
                text = " ".join(window)
                limit = max(1, len(text) // self.letters_per_edit)
                typos = self._typos.get(size)
                best = (typos.closest(text, limit) or (typos.begun(text) if size == 1 else None)
                        if typos else None)
                if best is not None:
                    found += [Tag(kind=k, value=v, start=index, end=index + size, fuzzy=True,
                                  read_as=best) for k, v in self.phrases[tuple(best.split())]]
                    covered[index:index + size] = [True] * size
                    index += size - 1
                    break
            index += 1
        return found

    def _fuzzable(self, window: list[str]) -> bool:
        text = " ".join(window)
        return (len(text) >= self.min_length
                and not any(ch.isdigit() for ch in text)
                and not all(word in self.known_words for word in window))


class Vocabulary:
    """Two layers: the language (topics, areas) and the plan's own names (terms, programmes,
    duties). Each is matched on its own, so a programme's name never hides a topic word."""

    def __init__(self, language: Language, entities: list[tuple[str, str, str]]):
        self.stopwords = set(language.words.stopwords)
        settings = language.settings
        self.known_words = self.stopwords | _known_words(language)
        fuzzy = (self.known_words, settings.fuzzy_min_length, settings.letters_per_edit)
        self.language = Gazetteer(
            [entry(phrase, "term", str(index)) for index, term in enumerate(language.terms)
             for phrase in term.phrases]
            + [entry(alias, "area", area.id) for area in language.areas for alias in area.aliases],
            *fuzzy)
        names = [entry(phrase, kind, value) for kind, value, phrase in entities]
        self.names = Gazetteer([e for e in names if e.kind == "glossary"
                                or e.words not in self.language.phrases], *fuzzy)

    def tag(self, tokens: list[str]) -> list[Tag]:
        return sorted(self.language.tag(tokens) + self.names.tag(tokens), key=lambda t: t.start)


def _known_words(language: Language) -> set[str]:
    """Correctly spelt words with a job of their own (intent cues, word lists): never read as
    a misspelling of a topic ("stand for" is not "strand")."""
    phrases = [cue for rule in language.intents for cue in rule.cues]
    phrases += language.words.phrases()
    return {word for phrase in phrases for word in normalise(phrase).split()}
