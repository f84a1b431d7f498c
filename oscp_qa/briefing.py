"""A briefing: answers collected for council staff, with headings and notes of their own.

A briefing holds the assistant's answers exactly as they were given, so an export states only
the figures the assistant answered from the plan. Topic packs add ready sets of answers: they
hold questions only (knowledge/plans/<plan>/topic_packs.yaml), each asked through the assistant.
No Streamlit here: the app, the CLI and the tests all build briefings with these functions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import knowledge
from .answer import Answer, Status
from .assistant import Assistant
from .errors import BriefingError
from .schema import TopicPack

DEFAULT_TITLE = "Briefing"
SAVED_KIND = "oscp-qa briefing"    # marks a saved briefing file, so another JSON file is refused
MAX_HEADING_CHARS = 120
MAX_NOTE_CHARS = 1000


class ItemKind(StrEnum):
    answer = "answer"      # a question and the assistant's answer to it
    heading = "heading"    # a heading of the author's own, grouping the items after it
    note = "note"          # a short note of the author's own: never a figure from the plan


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=new_id)
    kind: ItemKind
    question: str = ""
    answer: Answer | None = None
    text: str = ""         # the heading or the note; for an answer, its heading in the briefing

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Item:
        if self.kind == ItemKind.answer and self.answer is None:
            raise ValueError("an answer item needs its answer")
        if self.kind != ItemKind.answer and (self.answer is not None or not self.text.strip()):
            raise ValueError(f"a {self.kind} item needs text and no answer")
        return self

    @property
    def label(self) -> str:
        """How the item is named in a list of items and headed in an export."""
        return self.text or self.question


class Briefing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = DEFAULT_TITLE
    created: date = Field(default_factory=date.today)
    plan: str = ""         # the plan it draws on, as answers name it
    items: list[Item] = []

    # --- adding ---------------------------------------------------------------------------------

    def add_answer(self, question: str, answer: Answer, item_id: str | None = None) -> Item:
        """Add an answer as it was given. A clarifying question is not an answer, so it is refused."""
        if Status(answer.status) == Status.clarify:
            instead = (f"Ask one of these instead: {'; '.join(answer.options)}." if answer.options
                       else f"The assistant replied: {answer.text}")
            raise BriefingError(f"“{question}” needs clarifying before it can go in a briefing. "
                                + instead)
        item = Item(kind=ItemKind.answer, question=question, answer=answer.model_copy(deep=True),
                    text=title_of(question, answer), **({"id": item_id} if item_id else {}))
        self.plan = self.plan or answer.plan
        self.items.append(item)
        return item

    def add_heading(self, text: str) -> Item:
        return self._add_own(ItemKind.heading, text, MAX_HEADING_CHARS)

    def rename(self, item_id: str, text: str) -> None:
        """Change an answer's or a heading's heading; the answer itself never changes."""
        item = self.items[self.index(item_id)]
        item.text = _checked(ItemKind.heading, text, MAX_HEADING_CHARS)

    def add_note(self, text: str) -> Item:
        return self._add_own(ItemKind.note, text, MAX_NOTE_CHARS)

    def _add_own(self, kind: ItemKind, text: str, limit: int) -> Item:
        item = Item(kind=kind, text=_checked(kind, text, limit))
        self.items.append(item)
        return item

    # --- arranging ------------------------------------------------------------------------------

    def index(self, item_id: str) -> int:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                return i
        raise BriefingError(f"No item {item_id!r} in this briefing.")

    def move(self, item_id: str, offset: int) -> None:
        """Move an item up (offset -1) or down (+1); at either end it stays where it is."""
        i = self.index(item_id)
        j = min(max(i + offset, 0), len(self.items) - 1)
        self.items.insert(j, self.items.pop(i))

    def remove(self, item_id: str) -> None:
        self.items.pop(self.index(item_id))

    def clear(self) -> None:
        self.items = []

    def contains(self, item_id: str) -> bool:
        return any(item.id == item_id for item in self.items)

    # --- reading --------------------------------------------------------------------------------

    @property
    def answers(self) -> list[Item]:
        return [item for item in self.items if item.kind == ItemKind.answer]

    @property
    def plans(self) -> list[str]:
        """Every plan the briefing draws on: its own, then any other an answer names."""
        return list(dict.fromkeys(p for p in [self.plan] + [i.answer.plan for i in self.answers] if p))

    @property
    def sources(self) -> list[str]:
        """Every source of every answer, once each, in the order they first appear."""
        return list(dict.fromkeys(s for item in self.answers for s in item.answer.sources))


# --- titles, saving and opening -----------------------------------------------------------------


def _checked(kind: ItemKind, text: str, limit: int) -> str:
    text = " ".join(text.split())
    if not text:
        raise BriefingError(f"A {kind} needs some text.")
    if len(text) > limit:
        raise BriefingError(f"A {kind} can be at most {limit} characters; this one has {len(text)}.")
    return text


def sentence_case(text: str) -> str:
    """First letter capital, the rest as written: names and acronyms ("Oxford", "ASB") keep
    their capitals, a question typed in lower case gets one."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def title_of(question: str, answer: Answer) -> str:
    """An answer's heading: its chart's title where it draws one ("Victims of hate crime by
    area"), otherwise the question as asked, tidied."""
    title = answer.chart.title if answer.chart and answer.chart.points else question
    return sentence_case(title)[:MAX_HEADING_CHARS]


class SavedBriefing(BaseModel):
    """A briefing as saved to a file: marked as one, so it can be opened again later."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["oscp-qa briefing"] = SAVED_KIND
    version: Literal[1] = 1
    briefing: Briefing


def to_json(briefing: Briefing) -> str:
    return SavedBriefing(briefing=briefing).model_dump_json(indent=2)


def from_json(data: str | bytes, name: str = "the file") -> Briefing:
    """A saved briefing, exactly as it was saved; anything else is refused in plain words."""
    try:
        return SavedBriefing.model_validate_json(data).briefing
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise BriefingError(f"{name} is not a briefing saved by OSCP Q&A ({where}: "
                            f"{first['msg']}).") from None


# --- building briefings from questions ----------------------------------------------------------


def from_questions(assistant: Assistant, questions: Iterable[str], title: str = DEFAULT_TITLE,
                   packs: Iterable[TopicPack] = ()) -> Briefing:
    """A briefing of the questions' answers, then each topic pack's under its own heading. The
    questions are asked in order as one conversation, so a follow-up ("and in 2020?") carries
    its topic; a question that needs clarifying raises BriefingError with the options."""
    briefing = Briefing(title=title, plan=assistant.engine.plans.newest.title)
    for question in questions:
        briefing.add_answer(question, assistant.ask(question))
    for pack in packs:
        add_pack(briefing, pack, Assistant(assistant.engine))
    return briefing


def add_pack(briefing: Briefing, pack: TopicPack, assistant: Assistant) -> list[Item]:
    """Add a pack's heading and its answers. Each question starts a new conversation, so no
    question borrows a topic from the one before it."""
    added = [briefing.add_heading(pack.label)]
    for question in pack.questions:
        assistant.reset()
        added.append(briefing.add_answer(question.ask, assistant.ask(question.ask)))
    assistant.reset()
    return added


@lru_cache(maxsize=4)
def _packs(root: str) -> tuple[TopicPack, ...]:
    return tuple(knowledge.load_topic_packs(root))


def topic_packs(root: Path | str | None = None) -> list[TopicPack]:
    """The newest plan's topic packs, read once per process."""
    return list(_packs(str(root or knowledge.DEFAULT_ROOT)))


def find_pack(name: str, root: Path | str | None = None) -> TopicPack:
    """A pack by its id or its label, in any case: "hate-crime", "Hate crime"."""
    wanted = name.strip().lower()
    packs = topic_packs(root)
    for pack in packs:
        if wanted in (pack.id, pack.label.lower()):
            return pack
    raise BriefingError(f"There is no topic pack “{name}”. The packs are: "
                        + ", ".join(f"{p.id} ({p.label})" for p in packs) + ".")
