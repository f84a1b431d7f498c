"""Misspellings looked up without comparing them with every known phrase.

A phrase within k edits (Damerau-Levenshtein: insert, delete, substitute, swap) of a typed
text is at most k letters longer or shorter, and shares most of its letter pairs: one edit
breaks at most three of the text's pairs ("crime" -> "cirme" breaks cr, ri, im), so at least
(distinct pairs of the text - 3k) of them are in the phrase. An index from each letter pair to
the phrases holding it finds the few phrases passing both tests; rapidfuzz then scores only
those, in the order they were given. So the answer is exactly what scoring every phrase gives
(`tests/test_fuzzy.py` checks it against a full scan), at a cost that grows with the phrases
sharing the text's pairs, not with the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

PAIRS_BROKEN_PER_EDIT = 3   # a swap "ab" -> "ba" breaks the pairs before, across and after it
_SHIFT = 21                 # bits of one Unicode code point


class TypoIndex:
    """Known phrases, indexed by their length and their letter pairs."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = list(dict.fromkeys(phrases))   # a repeat never beats its first copy
        self.lengths = np.array([len(p) for p in self.phrases], dtype=np.int32)
        codes, owners = _pairs(self.phrases)
        shift = np.uint64(max(1, len(self.phrases)).bit_length())   # 2**shift > phrase number
        if 2 * _SHIFT + int(shift) > 64:
            raise ValueError(f"too many phrases to index: {len(self.phrases)}")
        keys = np.sort((codes << shift) | owners.astype(np.uint64))  # by pair, then by phrase
        keys = keys[_run_starts(keys)]                                 # each pair once a phrase
        self._owners = (keys & ((np.uint64(1) << shift) - np.uint64(1))).astype(np.int32)
        codes = keys >> shift
        starts = np.flatnonzero(_run_starts(codes))
        stops = np.append(starts[1:], len(codes)) if len(codes) else starts
        self._postings = dict(zip(codes[starts].tolist(), zip(starts.tolist(), stops.tolist(),
                                                              strict=True), strict=True))

    def __len__(self) -> int:
        return len(self.phrases)

    def candidates(self, text: str, max_edits: int) -> list[str]:
        """The phrases that may be within `max_edits` of `text`, in their first order: every
        phrase that is, and usually few that are not."""
        if not self.phrases:
            return []
        near = np.abs(self.lengths - len(text)) <= max_edits
        pairs = {ord(a) << _SHIFT | ord(b) for a, b in zip(text, text[1:], strict=False)}
        needed = len(pairs) - PAIRS_BROKEN_PER_EDIT * max_edits
        if needed > 0:
            spans = [self._postings[p] for p in pairs if p in self._postings]
            if not spans:
                return []
            shared = np.bincount(np.concatenate([self._owners[a:b] for a, b in spans]),
                                 minlength=len(self.phrases))
            near &= shared >= needed
        return [self.phrases[i] for i in np.flatnonzero(near)]

    def closest(self, text: str, max_edits: int) -> str | None:
        """The first phrase with the fewest edits from `text`, if within `max_edits`: what
        rapidfuzz's extractOne over every phrase returns."""
        found = process.extractOne(text, self.candidates(text, max_edits),
                                   scorer=DamerauLevenshtein.distance, processor=None,
                                   score_cutoff=max_edits)
        return found[0] if found else None


def _pairs(phrases: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every letter pair of every phrase as (code, phrase number), one array each."""
    if not phrases:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    joined = "\0".join(phrases)
    if joined.count("\0") != len(phrases) - 1:
        raise ValueError("a phrase holds the character NUL")
    letters = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    owner = np.cumsum(letters == 0)              # "\0" between phrases: the next one's number
    inside = (letters[:-1] != 0) & (letters[1:] != 0)
    codes = (letters[:-1].astype(np.uint64) << np.uint64(_SHIFT)) | letters[1:].astype(np.uint64)
    return codes[inside], owner[:-1][inside]


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values in a sorted array starts, as a mask."""
    starts = np.ones(len(values), dtype=bool)
    starts[1:] = values[1:] != values[:-1]
    return starts
