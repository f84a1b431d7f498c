"""The public entry point: Assistant().ask(text) -> Answer, with the conversation remembered.

Several assistants (one per user) share one Engine: the database, vocabulary and rules are
loaded once per process and only read afterwards.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

from . import intents, knowledge, safeguarding, store
from .answer import Answer, Status
from .compose import compose
from .question import Context, Match, ParsedQuestion
from .retrieve import Repository
from .scope import Scope
from .understand import Understander
from .vocabulary import Vocabulary

log = logging.getLogger(__name__)


class Engine:
    """Everything read-only an assistant needs, built once and shared between conversations."""

    def __init__(self, db_path: Path | str, plan: str | None = None):
        self.repo = Repository(db_path)
        language = self.repo.language
        self.rules = language.intents
        self.settings = language.settings
        self.vocabulary = Vocabulary(language, self.repo.entities())
        self.understander = Understander(language, self.vocabulary)
        plans = {row["id"]: row for row in self.repo.plans}
        self.scope = Scope(self.repo, plans[plan] if plan else self.repo.plans[0])
        self.figure_values = self.repo.figure_values(self.scope.plan_id)
        self.intent_words = {cue for rule in self.rules if rule.id != "glossary"
                             for cue in rule.cues if " " not in cue}
        self.about_cues = [c for row in self.repo.about(self.scope.plan_id)
                           for c in row["question_cues"].split(" | ") if c]


@lru_cache(maxsize=8)
def shared_engine(root: str, db_path: str, plan: str | None = None) -> Engine:
    store.ensure(root, db_path)
    return Engine(db_path, plan)


_engine_lock = threading.Lock()


class Assistant:
    """One conversation with the plan."""

    def __init__(self, engine: Engine | None = None, *, knowledge_root: Path | str | None = None,
                 db_path: Path | str | None = None, plan: str | None = None):
        if engine is None:
            with _engine_lock:
                engine = shared_engine(str(knowledge_root or knowledge.DEFAULT_ROOT),
                                       str(db_path or store.DEFAULT_DB), plan)
        self.engine = engine
        self.context = Context()

    def reset(self) -> None:
        """Forget the conversation."""
        self.context = Context()

    def ask(self, text: str) -> Answer:
        engine = self.engine
        scope = engine.scope
        urgent = safeguarding.signpost(engine.repo, text, scope.title)  # safeguarding first
        if urgent:
            return urgent
        if not isinstance(text, str) or not text.strip():
            return Answer(status=Status.clarify, plan=scope.title, intent="empty",
                          text="Please type a question about the plan, for example: "
                               "“How did hate crime compare across areas?”",
                          options=["How did hate crime compare across areas?",
                                   "What are OSCP's priorities?"])
        parsed, features, match = self.interpret(text)
        try:
            answer = compose(scope, match, parsed)
        except Exception:  # a bug must not end the conversation; it is logged for the team
            log.exception("failed to answer %r as %s", text[:200], match.intent)
            return Answer(status=Status.no_answer, plan=scope.title, intent=match.intent,
                          text="Sorry, something went wrong while answering that. Please try "
                               "asking in another way.")
        unplaced = self._unplaced_numbers(parsed, features)
        if unplaced and answer.status != Status.clarify:
            answer.text += (f"\n\n(The number{'s' if len(unplaced) > 1 else ''} {', '.join(unplaced)} "
                            "in your question is not a year, quarter or figure the plan uses, "
                            "so it was not used.)")
        if parsed.truncated:
            answer.text = (f"(Your question was longer than {engine.settings.max_question_chars} "
                           f"characters, so only the start was read.)\n\n{answer.text}")
        self._remember(match, answer)
        return answer

    def interpret(self, text: str) -> tuple[ParsedQuestion, dict, Match]:
        """What the question says, what it names, and the intent chosen in this conversation:
        everything before an answer is composed (`oscp-qa explain` shows it)."""
        engine = self.engine
        parsed = engine.understander.parse(text)
        features = self._features(parsed)
        match = intents.match(parsed, engine.rules, features, self.context,
                              engine.scope.plan["latest_year"], engine.settings.min_intent_score)
        match.subject = features.get(f"{match.intent}_subject") or (
            self.context.subject if match.intent == "priorities" else None)
        return parsed, features, match

    def _unplaced_numbers(self, parsed: ParsedQuestion, features: dict) -> list[str]:
        """Numbers read exactly that match nothing in the plan: said, never silently dropped."""
        if features.get("achievement_number"):
            return []
        in_phrases = {parsed.tokens[i] for t in parsed.tags for i in range(t.start, t.end)}
        return [n.text for n in parsed.numbers  # small ones are counts of things: "priority 1"
                if n.value > 5 and n.value not in self.engine.figure_values
                and n.text not in in_phrases]

    def _features(self, parsed: ParsedQuestion) -> dict:
        """What the question holds beyond its words: named programmes, terms, duties."""
        features: dict = {"areas": len(parsed.areas) >= 2, "duty_named": bool(parsed.duties)}
        padded = " " + " ".join(parsed.tokens) + " "
        features["about_named"] = any(f" {c} " in padded for c in self.engine.about_cues)
        achievement, how = self._achievement(parsed)
        if achievement:
            features.update({"achievement": True, f"achievement_{how}": True,
                             "achievement_subject": f"achievement:{achievement}"})
        if parsed.glossary:
            features.update({"glossary": True, "glossary_only": self._glossary_only(parsed),
                             "glossary_subject": f"glossary:{parsed.glossary[0]}"})
        return features

    def _glossary_only(self, parsed: ParsedQuestion) -> bool:
        """The question is little more than a term: "ONS?", "is TVP the police?". A topic the
        plan counts ("hate crime?") is read as a request for its figures instead."""
        inside = {i for t in parsed.tags if t.kind == "glossary" for i in range(t.start, t.end)}
        areas = {i for t in parsed.tags if t.kind == "area" for i in range(t.start, t.end)} - inside
        filler = set(self.engine.repo.language.words["glossary_filler"]) | self.engine.vocabulary.stopwords
        rest = [w for i, w in enumerate(parsed.tokens) if i not in inside and w not in filler]
        return (not parsed.measure and len(rest) <= 1 and not areas
                and not set(rest) & self.engine.intent_words)

    def _achievement(self, parsed: ParsedQuestion) -> tuple[str | None, str]:
        """The achievement a question is about: by name, by a sum or count it quotes, by its
        words, or the one the conversation is on."""
        if parsed.achievements:
            return parsed.achievements[0], "named"
        repo, plan = self.engine.repo, self.engine.scope.plan_id
        for number in parsed.numbers:
            for row in repo.search("achievements", plan, [number.text.replace(",", " ")], 1):
                if number.text in row["text"] or number.text in row["facts"]:
                    return row["id"], "number"
        words = [w for w in parsed.masked.split() if w.isalpha() and len(w) > 2
                 and w not in self.engine.vocabulary.stopwords]
        best, overlap = None, 0
        for row in repo.search("achievements", plan, words, 3):
            body = " ".join([row["title"], row["aliases"], row["text"], row["facts"]]).lower()
            found = sum(_stem(w) in body for w in dict.fromkeys(words))
            if found > overlap:
                best, overlap = row["id"], found
        if overlap >= 2:
            return best, "text"
        kind, _, value = self.context.subject.partition(":")
        if kind == "achievement" and parsed.follow_up and not parsed.measure and not parsed.glossary:
            return value, "named"
        return None, ""

    def _remember(self, match: Match, answer: Answer) -> None:
        if answer.status == Status.clarify:
            return
        if match.measure:
            self.context = Context(intent=match.intent, measure=match.measure, areas=match.areas,
                                   periods=match.periods, quarters=match.quarters,
                                   categories=match.categories, subject=answer.subject)
        else:
            self.context = Context(intent=match.intent, subject=answer.subject)


def _stem(word: str) -> str:
    """Crude stem so 'disrupting' finds 'disruption'."""
    return re.sub(r"(ing|ion|ed|es|s)$", "", word)[:6] or word
