"""Which of the plan's passages a question in words is about: a priority, an achievement, a
statutory duty or a fact about the partnership, found by the rare words they share.

A word the plan uses in one passage tells more than one it uses in twenty, so each word weighs
its inverse document frequency, and a question word the plan never uses weighs as much as the
rarest. A passage's share is the weight of the question's words it holds over the weight of them
all: a passage that merely shares "work" and "partners" with the question scores low.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from .question import Passage
from .retrieve import Repository

ROOT = 6  # "evaluate" and "evaluation", "consult" and "consultation" share their first letters
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def word_root(word: str, lemma: Callable[[str], str], kin: dict[str, str]) -> str:
    """The root a word is matched by: the kin named for the word itself ("parking", which is no
    "park"), else for its lemma ("drunken": alcohol), else the lemma's first letters."""
    base = lemma(word)
    return kin.get(word, kin.get(base, base))[:ROOT]


def sentences(text: str) -> list[str]:
    """A passage's sentences, split where a full stop, question or exclamation mark ends one."""
    return _SENTENCE_END.split(text)


class Passages:
    def __init__(self, plan: Repository, lemma: Callable[[str], str], kin: dict[str, str]):
        self.lemma, self.kin = lemma, kin
        units = [("priority", str(r["position"]), "", [r["text"], r["keywords"]])
                 for r in plan.priorities()]
        units += [("achievement", r["id"], r["title"], [r["heading"], r["aliases"], r["text"], r["facts"]])
                  for r in plan.achievements()]
        units += [("duty", r["id"], r["name"], [r["aliases"], r["text"]]) for r in plan.duties()]
        units += [("about", r["id"], "", [r["text"]]) for r in plan.about()]
        self.units = [(kind, key, self.roots(title.lower().split()),
                       self.roots(" ".join([title, *(p or "" for p in parts)]).lower().split()))
                      for kind, key, title, parts in units]
        counts = Counter(root for *_, roots in self.units for root in roots)
        self.unseen = math.log(len(self.units) * 2)
        self.weight = {root: math.log(len(self.units) / n) for root, n in counts.items()}

    def roots(self, words: Iterable[str]) -> set[str]:
        found = set()
        for word in (part for w in words for part in w.split("-")):  # "open-space": open, space
            word = "".join(c for c in word if c.isalnum())
            if len(word) > 2:
                found.add(word_root(word, self.lemma, self.kin))
        return found

    def find(self, words: list[str]) -> list[Passage]:
        """The passages holding some of the words, best first, each with the share it holds."""
        return self._found(self.roots(words))

    def together(self, words: list[str], near: float, most: int) -> tuple[list[Passage], float]:
        """The passages scoring `near` of the best (at most `most`), and the share of the
        words they hold between them: "training for bar staff on harassment" is spread over
        several achievements, none of which holds most of it. A passage sharing one word with
        the question is no sign that it speaks of what was asked, so it adds nothing to it."""
        asked = self.roots(words)
        found = self._found(asked)
        kept = [p for p in found if p.share >= near * found[0].share][:most] if found else []
        held = {root for p in kept if len(p.held) >= 2 for root in p.held}
        return kept, self._share(held, self._total(asked))

    def _found(self, asked: set[str]) -> list[Passage]:
        total = self._total(asked)
        found = [(Passage(kind=kind, id=key, share=self._share(asked & roots, total),
                          held=sorted(asked & roots), titled=len(asked & title)), len(roots))
                 for kind, key, title, roots in self.units if asked & roots]
        return [p for p, _ in sorted(found, key=lambda f: (-f[0].share, -f[0].titled, f[1]))]
        # of passages holding as much, the one named by them, then the one they are most of

    def _total(self, asked: set[str]) -> float:
        return sum(self.weight.get(r, self.unseen) for r in asked)

    def _share(self, held: set[str], total: float) -> float:
        return round(sum(self.weight[r] for r in held) / total, 3) if total else 0.0
