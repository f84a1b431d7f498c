"""What the understanding stage makes of a question, and what the conversation remembers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .numbers import NumberMention
from .vocabulary import Tag


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ParsedQuestion(Model):
    """Everything read from one question, before any conversation is taken into account."""

    text: str
    tokens: list[str]
    tags: list[Tag] = []
    measure: str | None = None
    alternatives: list[str] = []      # other measures the topic words fit as well
    categories: list[str] = []
    excluded_categories: list[str] = []
    areas: list[str] = []
    periods: list[str] = []
    quarters: list[str] = []
    relative: str | None = None
    numbers: list[NumberMention] = []
    glossary: list[str] = []
    achievements: list[str] = []
    duties: list[str] = []
    pcc: list[int] = []
    masked: str = ""                  # the text with topic words blanked, for intent cues
    follow_up: bool = False
    wants_number: bool = False
    topic_words: list[str] = []       # words no vocabulary knows
    truncated: bool = False


class Context(Model):
    """What a follow-up may leave unsaid: the last question's resolved subject."""

    intent: str | None = None
    measure: str | None = None
    areas: list[str] = []
    periods: list[str] = []
    quarters: list[str] = []
    categories: list[str] = []
    subject: str = ""                 # e.g. "achievement:op-vigilant", "pcc:2"


class Match(Model):
    """The chosen intent and the slots it will answer with, after follow-ups are resolved."""

    intent: str
    score: float
    scores: dict[str, float]
    measure: str | None = None
    areas: list[str] = []
    periods: list[str] = []
    quarters: list[str] = []
    categories: list[str] = []
    excluded_categories: list[str] = []
    carried: list[str] = []           # slots taken from the conversation
    subject: str | None = None        # the achievement, term or PCC priority asked about
