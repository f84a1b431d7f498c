"""Find the known phrases in a question: topics, areas, terms, programmes, duties.

One gazetteer holds every phrase, longest match first. Words left over may still match a
phrase when misspelt (rapidfuzz, edit distance), but numbers never do.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from pydantic import BaseModel, ConfigDict

from .normalise import normalise
from .schema import Language


class Tag(BaseModel):
    """A phrase found in the question and what it may mean."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str          # term | area | glossary | achievement | duty | pcc
    value: str         # term index, area id, glossary term, achievement id, duty id, pcc number
    start: int         # token span in the normalised question
    end: int
    fuzzy: bool = False


class Vocabulary:
    """Every phrase the assistant knows, from the language files and the plan's own names."""

    def __init__(self, language: Language, entities: list[tuple[str, str, str]]):
        self.phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for index, term in enumerate(language.terms):
            for phrase in term.phrases:
                self._add(phrase, "term", str(index))
        for area in language.areas:
            for alias in area.aliases:
                self._add(alias, "area", area.id)
        for kind, value, phrase in entities:
            self._add(phrase, kind, value)
        self.longest = max(len(key) for key in self.phrases)
        self.stopwords = set(language.words["stopwords"])
        self.settings = language.settings
        self._by_length: dict[int, list[str]] = {}
        for key in self.phrases:
            if not any(any(ch.isdigit() for ch in word) for word in key):
                self._by_length.setdefault(len(key), []).append(" ".join(key))

    def _add(self, phrase: str, kind: str, value: str) -> None:
        key = tuple(normalise(phrase).split())
        if key and (kind, value) not in self.phrases.get(key, []):
            self.phrases.setdefault(key, []).append((kind, value))

    def tag(self, tokens: list[str]) -> list[Tag]:
        """Greedy longest match, then a fuzzy pass over the words no phrase covered."""
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
        tags += self._fuzzy(tokens, covered)
        return sorted(tags, key=lambda t: t.start)

    def _fuzzy(self, tokens: list[str], covered: list[bool]) -> list[Tag]:
        """Misspelt phrases of one or two words: one edit allowed per five letters."""
        found: list[Tag] = []
        index = 0
        while index < len(tokens):
            for size in (2, 1):
                window = tokens[index:index + size]
                if len(window) < size or any(covered[index:index + size]) or not self._fuzzable(window):
                    continue
                text = " ".join(window)
                limit = max(1, len(text) // 5 - 1) if size == 1 else max(1, len(text) // 6)
                best = process.extractOne(
                    text, self._by_length.get(size, []), scorer=DamerauLevenshtein.distance,
                    processor=None, score_cutoff=limit,
                )
                if best is not None:
                    key = tuple(best[0].split())
                    found += [Tag(kind=k, value=v, start=index, end=index + size, fuzzy=True)
                              for k, v in self.phrases[key]]
                    covered[index:index + size] = [True] * size
                    index += size - 1
                    break
            index += 1
        return found

    def _fuzzable(self, window: list[str]) -> bool:
        text = " ".join(window)
        return (len(text) >= self.settings.fuzzy_min_length
                and not any(ch.isdigit() for ch in text)
                and not all(word in self.stopwords for word in window))
