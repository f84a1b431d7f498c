"""Safeguarding first: a question saying someone is in danger, abused, exploited, wants to report
a crime or is thinking of self-harm is answered with where to get help, before the plan is read.

The phrases and signposts are data (knowledge/language/safeguarding.yaml); this module only reads
a question against them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .answer import Answer, Status
from .schema import Safeguarding

INTENT = "safeguarding"
_APOSTROPHES = re.compile(r"['’‘`]")
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped ("I'm" is "im"), other punctuation a space."""
    return _WORD.findall(_APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).lower()))


class Signposting:
    """The phrases of every situation, indexed by their first word, and the signposts."""

    def __init__(self, data: Safeguarding):
        self.data = data
        self.signposts = {s.id: s for s in data.signposts}
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for situation in data.situations:
            for phrase in situation.phrases:
                split = tuple(words(phrase))
                if split:
                    self.phrases.setdefault(split[0], []).append((split, situation.id))
        self.vocabulary = {w for group in self.phrases.values() for split, _ in group for w in split}
        self.long_words = sorted(w for w in self.vocabulary if len(w) >= data.typo_min_letters)
        self.counting = [tuple(words(phrase)) for phrase in data.counting]
        self.personal = set(data.personal)

    def situations(self, text: str) -> list[str]:
        """The ids of the situations `text` describes, in the data file's order."""
        tokens = words(text[:self.data.read_chars])
        read = {token: self._read(token) for token in set(tokens)}
        tokens = [read[token] for token in tokens]
        if self._counts_figures(tokens):
            return []
        found = set()
        for start, token in enumerate(tokens):
            for split, situation in self.phrases.get(token, ()):
                if tuple(tokens[start:start + len(split)]) == split:
                    found.add(situation)
        return [s.id for s in self.data.situations if s.id in found]

    def _counts_figures(self, tokens: list[str]) -> bool:
        """"How many children have been exploited?" asks for a figure and speaks of no one."""
        asks = any(tuple(tokens[i:i + len(p)]) == p for p in self.counting
                   for i in range(len(tokens)))
        return asks and not self.personal & set(tokens)

    def _read(self, token: str) -> str:
        """The phrase word a question's word stands for: itself, or a long phrase word one typo
        away, unless the two differ only by a final "s" ("victims" is not "victim")."""
        if token in self.vocabulary or len(token) < self.data.typo_min_letters - 1:
            return token
        close = process.extract(token, self.long_words, scorer=DamerauLevenshtein.distance,
                                processor=None, score_cutoff=1, limit=None)
        for word, _, _ in sorted(close, key=lambda found: found[1]):
            if token.rstrip("s") != word.rstrip("s"):
                return word
        return token

    def answer(self, text: str, plan: str) -> Answer | None:
        """The signposting answer, or None when the question says no one needs help now."""
        situations = {s.id: s for s in self.data.situations}
        found = [situations[s] for s in self.situations(text)]
        names = [n for s in found for n in s.signposts]
        signposts = [self.signposts[n] for n in dict.fromkeys(names)]
        if not signposts:
            return None
        lines = "\n".join(f"- {s.text}" for s in signposts)
        status = Status.answered if any(s.plan_answers for s in found) else Status.no_answer
        return Answer(status=status, intent=INTENT, plan=plan,
                      text=f"{self.data.intro}\n\n{lines}\n\n{self.data.closing}",
                      sources=list(dict.fromkeys(s.source for s in signposts)))


@lru_cache(maxsize=8)
def _signposting(repo) -> Signposting:
    """One matcher per database, built on first use (a Repository is hashed by identity)."""
    return Signposting(repo.safeguarding)


def signpost(repo, text, plan: str) -> Answer | None:
    """Where to get help, if `text` says someone needs it now; None otherwise."""
    if not isinstance(text, str):
        return None
    return _signposting(repo).answer(text, plan)
