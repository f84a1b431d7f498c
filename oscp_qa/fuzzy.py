"""Misspellings looked up without comparing them with every known phrase.

The closest known phrase to a typed text, a few edits away, is what rapidfuzz's `extractOne`
over every phrase returns. A large vocabulary first narrows the phrases to score to those of
about the right length sharing enough letter pairs (`letter_pairs.LetterPairs`), kept in their
order, so the answer is the same (`tests/test_fuzzy.py` checks it against a full scan) at a cost
that grows with the phrases resembling the text, not with the vocabulary. A small one is simply
scanned: that is quicker than narrowing it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

SCAN_BELOW = 1000   # phrases; fewer are scored one by one (the real plan's lists are 200 or so)


class TypoIndex:
    """Known phrases, to find the closest one to a misspelling."""

    def __init__(self, phrases: Iterable[str], scan_below: int = SCAN_BELOW):
        self.phrases = list(dict.fromkeys(phrases))   # a repeat never beats its first copy
        self._pairs = None
        if len(self.phrases) >= scan_below:
            from .letter_pairs import LetterPairs  # numpy: loaded only when a vocabulary needs it
            self._pairs = LetterPairs(self.phrases)

    def __len__(self) -> int:
        return len(self.phrases)

    def candidates(self, text: str, max_edits: int) -> list[str]:
        """The phrases that may be within `max_edits` of `text`, in their first order: every
        phrase that is, and usually few that are not."""
        if self._pairs is None:
            return self.phrases
        return [self.phrases[i] for i in self._pairs.candidates(text, max_edits)]

    def closest(self, text: str, max_edits: int) -> str | None:
        """The first phrase with the fewest edits from `text`, if within `max_edits`: what
        rapidfuzz's extractOne over every phrase returns."""
        found = process.extractOne(text, self.candidates(text, max_edits),
                                   scorer=DamerauLevenshtein.distance, processor=None,
                                   score_cutoff=max_edits)
        return found[0] if found else None

    @cached_property
    def _in_order(self) -> list[str]:
        return sorted(self.phrases)

    def begun(self, text: str) -> str | None:
        """The one-word phrase `text` is the start of, as a word cut short ("enviro" for
        "environment"); None unless every phrase it starts begins with that one
        ("environmental"). "Break" is no cut-short "break-ins": only plain words are."""
        found = []
        for phrase in self._in_order[bisect_left(self._in_order, text):]:
            if not phrase.startswith(text):
                break
            found.append(phrase)
        if not all(p.isalpha() for p in found):
            return None
        return found[0] if found and all(p.startswith(found[0]) for p in found) else None
