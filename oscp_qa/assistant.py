"""The public entry point: Assistant().ask(text) -> Answer, with the conversation remembered.

Several assistants (one per user) share one Engine: the database, vocabulary and rules are
loaded once per process and only read afterwards.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

from . import intents, knowledge, limits, safeguarding, store
from .answer import Answer, Status
from .compose import compose
from .passages import sentences
from .plans import Plans
from .question import Context, Frame, Match
from .retrieve import Database
from .understand import Understander
from .vocabulary import Vocabulary

log = logging.getLogger(__name__)
# Under test a crash must fail the test rather than become a polite apology.
RAISE_ERRORS = os.environ.get("OSCP_QA_RAISE_ERRORS") == "1"


class Engine:
    """Everything read-only an assistant needs, built once and shared between conversations."""

    def __init__(self, db_path: Path | str, plan: str | None = None):
        self.database = Database(db_path)
        language = self.database.language
        self.rules = language.intents
        self.settings = language.settings
        self.vocabulary = Vocabulary(language, self.database.entities())
        self.plans = Plans(self.database,  # every plan, or only the one asked for
                           [self.database.plan(plan)] if plan else self.database.plans)
        self.understander = Understander(language, self.vocabulary, self.plans.newest)
        self.figure_values = self.plans.figure_values()
        self.headline = next((m.id for m in language.measures if m.unnamed), None)


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
        scope = engine.plans
        urgent = safeguarding.signpost(engine.database, text, scope.title)  # safeguarding first
        if urgent:
            return self._after_help(urgent, text)
        if not isinstance(text, str) or not text.strip():
            examples = scope.plan.info.examples[:2]
            return Answer(status=Status.clarify, plan=scope.title, intent="empty",
                          text=f"Please type a question about the plan, for example: "
                               f"“{examples[0]}”", options=examples)
        frame, match = self.interpret(text)
        scope = scope.naming(frame, match)
        try:
            answer = limits.check(scope, frame, match)
            if answer is None:
                answer, match = compose(scope, match, frame)
        except Exception:  # a bug must not end the conversation; it is logged for the team
            log.exception("failed to answer %r as %s", text[:200], match.intent)
            if RAISE_ERRORS:
                raise
            return Answer(status=Status.no_answer, plan=scope.title, intent=match.intent,
                          text="Sorry, something went wrong while answering that. Please try "
                               "asking in another way.")
        unplaced = self._unplaced_numbers(frame)
        if unplaced and answer.status != Status.clarify:
            answer.text += (f"\n\n(The number{'s' if len(unplaced) > 1 else ''} {', '.join(unplaced)} "
                            "in your question is not a year, quarter or figure the plan uses, "
                            "so it was not used.)")
        if frame.truncated:
            answer.text = (f"(Your question was longer than {engine.settings.max_question_chars} "
                           f"characters, so only the start was read.)\n\n{answer.text}")
        self._remember(frame, match, answer)
        return answer

    def interpret(self, text: str) -> tuple[Frame, Match]:
        """What the question says and the intent chosen in this conversation: everything
        before an answer is composed (`oscp-qa explain` shows it)."""
        engine = self.engine
        frame = self._headline_meant(engine.understander.parse(text))
        match = intents.match(frame, engine.rules, self.context, engine.plans.newest.info.latest_year,
                              engine.settings.min_intent_score)
        return frame, match

    def _headline_meant(self, frame: Frame) -> Frame:
        """"Which rose faster, Oxford or Oxfordshire?" with no figure named, in a conversation
        on none: the plan's headline figure, whose label the answer states."""
        if frame.measure or self.context.measure or len(frame.areas) < 2 \
                or not frame.signals.change_cue or frame.topic_words \
                or frame.glossary or frame.programme or frame.duties or frame.pcc \
                or not self.engine.headline:
            return frame
        return frame.model_copy(update={"measure": self.engine.headline, "measure_tabled": True})

    def _after_help(self, urgent: Answer, text: str) -> Answer:
        """Help first. A programme, or the partnership's work, the question asks about is told
        after the help. A figure it also asks for ("I don't feel safe on Cowley Road. How many
        assaults have there been there?") is still asked of the plan and answered after the
        help; when the plan lacks it, the answer says so, and is no answer."""
        frame, match = self.interpret(text)
        if urgent.status == Status.answered and ((
                frame.programme and frame.asks != "figure" and match.intent == "achievement")
                or (match.intent == "work_on" and frame.asks not in (  # "is the partnership
                    "person", "how_to", "contact", "place"))):  # doing anything?"; not "who
            # can help me?", which the help answers
            scope = self.engine.plans.naming(frame, match)  # "tell me about the scheme to check
            if limits.check(scope, frame, match) is None:  # if a drink has been spiked": the
                told, _ = compose(scope, match, frame)  # scheme, after the help
                if told.status == Status.answered:
                    return urgent.model_copy(update={
                        "text": f"{urgent.text}\n\n**What the plan says:** {told.text}",
                        "sources": list(dict.fromkeys(urgent.sources + told.sources))})
        if urgent.status != Status.answered or not (
                frame.wants_number or frame.asks in ("count", "percentage")):
            return urgent
        scope = self.engine.plans.naming(frame, match)
        reply = limits.check(scope, frame, match)
        told = sentences(text.strip())  # "I don't feel safe as a trans woman. How many
        if reply is None and len(told) > 1 and not safeguarding.signpost(  # transphobic hate
                self.engine.database, told[-1], scope.title):  # crime victims?": the figure;
            reply, _ = compose(scope, match, frame)  # not "how many times must I say I have
        if reply is None or reply.status == Status.clarify:  # been trafficked", which asks
            return urgent  # for none
        return urgent.model_copy(update={
            "status": reply.status, "text": f"{urgent.text}\n\n**On your question:** {reply.text}",
            "sources": list(dict.fromkeys(urgent.sources + reply.sources))})

    def _unplaced_numbers(self, frame: Frame) -> list[str]:
        """Numbers read exactly that match nothing in the plan: said, never silently dropped."""
        if frame.features.achievement_number or frame.signals.quoted_percent is not None \
                or frame.asks == "yes_no":  # a number claimed is checked, not dropped
            return []
        in_phrases = {frame.tokens[i] for t in frame.tags for i in range(t.start, t.end)}
        counting = self.engine.settings.counting_numbers_up_to  # "priority 1" counts things
        return [n.text for n in frame.numbers
                if n.value > counting and n.value not in self.engine.figure_values
                and n.text not in in_phrases]

    def _remember(self, frame: Frame, match: Match, answer: Answer) -> None:
        if answer.status == Status.clarify:
            return
        kind, _, name = (answer.subject or "").partition(":")
        programme = frame.programme or (name if kind == "achievement" else None) or (
            self.context.programme if frame.follow_up else None)  # the one answered about
        rows = self.engine.plans.plan.achievements() if programme else []
        heading = next((r["heading"] for r in rows if r["id"] == programme), None)
        kin = [r["id"] for r in rows if r["heading"] == heading]
        places = [u for u in frame.unknown + frame.context if u.role == "place"] or match.places
        ranked, _, top = (answer.subject or "").partition(":")  # "that" after a ranking
        if ranked == "category" and not match.categories:
            match = match.model_copy(update={"categories": [top]})
        if ranked == "area" and not match.areas:
            match = match.model_copy(update={"areas": [top]})
        if match.measure:
            same = self.context.measure == match.measure
            earlier = [p for p in dict.fromkeys(self.context.earlier_periods + self.context.periods)
                       if p not in match.periods] \
                if same and self.context.periods != match.periods else []  # "2019", "2020?",
            # "2021?", then "total them": every year of the run
            parts = [c for c in dict.fromkeys(self.context.earlier_categories
                                              + self.context.categories)
                     if c not in match.categories] if same and set(self.context.categories) != set(
                match.categories) else []  # "race", "and faith?", "disablist?", then "combined?"
            run = list(dict.fromkeys(self.context.quarter_run + match.quarters)) \
                if same and self.context.periods == match.periods else list(match.quarters)
            self.context = Context(intent=match.intent, measure=match.measure, areas=match.areas,
                                   readings=frame.related if frame.measure
                                   else self.context.readings,
                                   topic_parts=frame.loose_categories if frame.measure
                                   else self.context.topic_parts,
                                   by_topic=bool(getattr(self.engine.plans.measures.get(
                                       match.measure), "by_topic", False)),
                                   area_op=match.area_op, periods=match.periods,
                                   earlier_periods=earlier,
                                   quarters=match.quarters, quarter_run=run,
                                   categories=match.categories,
                                   earlier_categories=parts,
                                   excluded_categories=match.excluded_categories,
                                   subject=answer.subject, programme=programme,
                                   programme_kin=kin, places=places)
        else:  # "What does FGM stand for?" then "how many cases?": the topic stays
            self.context = Context(intent=match.intent, subject=answer.subject, programme=programme,
                                   programme_kin=kin, measure=frame.measure, categories=frame.categories,
                                   places=places)
