"""Stage one: read a question into a ParsedQuestion, with no knowledge of the conversation."""

from __future__ import annotations

from collections import Counter

from . import numbers
from .normalise import normalise
from .question import ParsedQuestion
from .schema import Language
from .vocabulary import Tag, Vocabulary


class Understander:
    def __init__(self, language: Language, vocabulary: Vocabulary):
        self.language = language
        self.vocabulary = vocabulary
        self.words = language.words
        self.terms = language.terms

    def parse(self, text: str) -> ParsedQuestion:
        limit = self.language.settings.max_question_chars
        truncated = len(text) > limit
        tokens = normalise(text[:limit]).split()
        tags = self.vocabulary.tag(tokens)
        found = numbers.read(tokens, self.words)
        parsed = ParsedQuestion(
            text=text[:limit], tokens=tokens, tags=tags, truncated=truncated,
            periods=found.years, quarters=found.quarters, relative=found.relative,
            numbers=found.numbers,
        )
        self._read_topic(parsed)
        parsed.areas = _unique(t.value for t in tags if t.kind == "area")
        for kind in ("glossary", "achievement", "duty"):
            setattr(parsed, _plural(kind), _unique(t.value for t in tags if t.kind == kind))
        parsed.pcc = [int(v) for v in _unique(t.value for t in tags if t.kind == "pcc")]
        term_spans = {i for t in tags if t.kind in ("term", "area") for i in range(t.start, t.end)}
        masked = " " + " ".join("_" if i in term_spans else w for i, w in enumerate(tokens)) + " "
        for name in ("latest_year", "previous_year", "next_year"):  # "most recent" is no ranking
            for phrase in self.words[name]:
                masked = masked.replace(f" {phrase} ", " _ ")
        parsed.masked = masked
        padded = " " + " ".join(tokens) + " "
        parsed.follow_up = (
            any(padded.startswith(f" {w} ") for w in self.words["follow_up_openers"])
            or any(f" {w} " in padded for w in self.words["follow_up_refs"])
        )
        parsed.wants_number = any(f" {w} " in padded for w in self.words["wants_number"])
        covered = {i for t in tags for i in range(t.start, t.end)}
        parsed.topic_words = [
            w for i, w in enumerate(tokens)
            if i not in covered and w.isalpha() and len(w) > 2 and w not in self.vocabulary.known_words
        ]
        return parsed

    def _read_topic(self, parsed: ParsedQuestion) -> None:
        """Pick the measure most of the question's topic words agree on, then its categories."""
        term_tags = [t for t in parsed.tags if t.kind == "term"]
        votes: Counter[str] = Counter()
        order: list[str] = []
        for tag in term_tags:
            term = self.terms[int(tag.value)]
            for meaning in term.means:
                votes[meaning.measure] += 1
                if term.anchor and meaning.measure not in order:
                    order.append(meaning.measure)
        if not order:
            return
        parsed.measure = max(order, key=lambda m: (votes[m], -order.index(m)))
        parsed.alternatives = [m for m in order
                               if m != parsed.measure and votes[m] == votes[parsed.measure]]
        after = set(self.words["after_words"])
        for tag in term_tags:
            for meaning in self.terms[int(tag.value)].means:
                if meaning.measure == parsed.measure and meaning.category:
                    target = parsed.excluded_categories if _preceded_by(parsed.tokens, tag, after) \
                        else parsed.categories
                    if meaning.category not in target:
                        target.append(meaning.category)


def _preceded_by(tokens: list[str], tag: Tag, words: set[str]) -> bool:
    before = tokens[max(0, tag.start - 2):tag.start]
    return any(w in words or " ".join(before) in words for w in before)


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _plural(kind: str) -> str:
    return {"glossary": "glossary", "achievement": "achievements", "duty": "duties"}[kind]
