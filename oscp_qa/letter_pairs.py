"""Which phrases may be within k edits of a text, found by their letter pairs (numpy).

A phrase within k edits (Damerau-Levenshtein: insert, delete, substitute, swap) of a typed text
is at most k letters longer or shorter, and holds most of the text's letter pairs: one edit
breaks at most three of them ("crime" -> "cirme" breaks cr, ri, im), so at least (distinct pairs
of the text - 3k) are in the phrase. An index from each pair to the phrases holding it counts
that for every phrase at once. Imported only for vocabularies large enough to need it, so a
small one does not pay for loading numpy.
"""

from __future__ import annotations

import numpy as np

PAIRS_BROKEN_PER_EDIT = 3   # a swap "ab" -> "ba" breaks the pairs before, across and after it
_SHIFT = 21                 # bits of one Unicode code point


class LetterPairs:
    """Phrases indexed by their length and their letter pairs."""

    def __init__(self, phrases: list[str]):
        self.count = len(phrases)
        self.lengths = np.array([len(p) for p in phrases], dtype=np.int32)
        codes, owners = _pairs(phrases)
        shift = np.uint64(max(1, len(phrases)).bit_length())      # 2**shift > phrase number
        if 2 * _SHIFT + int(shift) > 64:
            raise ValueError(f"too many phrases to index: {len(phrases)}")
        keys = np.sort((codes << shift) | owners.astype(np.uint64))  # by pair, then by phrase
        keys = keys[_run_starts(keys)]                                 # each pair once a phrase
        self._owners = (keys & ((np.uint64(1) << shift) - np.uint64(1))).astype(np.int32)
        codes = keys >> shift
        starts = np.flatnonzero(_run_starts(codes))
        stops = np.append(starts[1:], len(codes)) if len(codes) else starts
        self._postings = dict(zip(codes[starts].tolist(), zip(starts.tolist(), stops.tolist(),
                                                              strict=True), strict=True))

    def candidates(self, text: str, max_edits: int) -> list[int]:
        """The numbers, in order, of the phrases that may be within `max_edits` of `text`:
        every phrase that is, and usually few that are not."""
        near = np.abs(self.lengths - len(text)) <= max_edits
        pairs = {ord(a) << _SHIFT | ord(b) for a, b in zip(text, text[1:], strict=False)}
        needed = len(pairs) - PAIRS_BROKEN_PER_EDIT * max_edits
        if needed > 0:
            spans = [self._postings[p] for p in pairs if p in self._postings]
            if not spans:
                return []
            shared = np.bincount(np.concatenate([self._owners[a:b] for a, b in spans]),
                                 minlength=self.count)
            near &= shared >= needed
        return np.flatnonzero(near).tolist()


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
