"""Models of the knowledge files. Strict, so that a typo in a key fails loudly with its place."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, FiniteFloat
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_PERIOD = re.compile(r"(\d{4})(?:/(\d{2})|-(\d{4}))?")


def _period(text: str) -> str:
    """A year (2021), a financial year (2021/22) or a run of years (2020-2021), in order."""
    found = _PERIOD.fullmatch(text)
    start = int(found.group(1)) if found else 0
    if found and found.group(2) and int(found.group(2)) != (start + 1) % 100:
        found = None
    if found and found.group(3) and int(found.group(3)) <= start:
        found = None
    if not found:
        raise PydanticCustomError(
            "period", "'{period}' is not a year (2021), a financial year (2021/22) or a run of "
            "years (2020-2021)", {"period": text})
    return text


Period = Annotated[str, AfterValidator(_period)]


# --- language: shared by every plan -------------------------------------------------------------


class Area(Strict):
    id: str
    label: str
    aliases: list[str]
    parent: str | None = None
    covers: list[str] = []


class Measure(Strict):
    id: str
    label: str
    unit: str
    default_category: str | None = None
    total_category: str | None = None
    summable: bool = False
    counts: bool = True       # its figures number things: a count is a whole number


class Category(Strict):
    id: str
    label: str


class Meaning(Strict):
    measure: str
    category: str | None = None


class Term(Strict):
    phrases: list[str] = Field(min_length=1)
    means: list[Meaning] = Field(min_length=1)
    anchor: bool = True


class IntentRule(Strict):
    """One intent, declared as data: what it needs, what signals it, how to explain it."""

    id: str
    help: str
    examples: list[str] = Field(min_length=1)
    requires: list[Literal["measure", "glossary", "duty", "achievement"]] = []
    base: float = 0.0
    cues: list[str] = []
    weight: float = 1.0
    boosts: dict[str, float] = {}


class Settings(Strict):
    letters_per_edit: int = Field(description="a misspelt word may differ from a known one by one "
                                  "edit (Damerau-Levenshtein) per this many letters, at least one")
    fuzzy_min_length: int = Field(description="shorter words are never fuzzy-matched")
    min_intent_score: float = Field(description="below this the question falls back to search")
    max_question_chars: int = Field(description="longer questions are cut to this length")
    search_results: int = Field(description="how many plan sections a search answer quotes")


class Language(Strict):
    areas: list[Area]
    measures: list[Measure]
    categories: list[Category]
    terms: list[Term]
    intents: list[IntentRule]
    words: dict[str, list[str] | dict[str, list[str]]]
    settings: Settings


class PackQuestion(Strict):
    ask: str = Field(min_length=1)
    expect: str = Field(description="the intent that should answer it; the tests check it does")


class TopicPack(Strict):
    """A ready set of questions for a briefing on one topic. Only questions: every figure in a
    briefing comes from the assistant's answers to them."""

    id: str
    label: str
    description: str
    questions: list[PackQuestion] = Field(min_length=1)


# --- safeguarding: shared by every plan ---------------------------------------------------------


class Signpost(Strict):
    """One place to get help. Its source says where its contact details were checked."""

    id: str
    text: str = Field(min_length=1)
    source: str = Field(min_length=1)


class Situation(Strict):
    """What a question says when someone needs help now, and the signposts it gets, in order."""

    id: str
    signposts: list[str] = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)


class Safeguarding(Strict):
    intro: str = Field(min_length=1)
    closing: str = Field(min_length=1)
    typo_min_letters: int = Field(ge=4, description="words this long may match with one typo")
    read_chars: int = Field(ge=500, description="how much of a question is read")
    signposts: list[Signpost] = Field(min_length=1)
    situations: list[Situation] = Field(min_length=1)


# --- one plan ------------------------------------------------------------------------------------


class Plan(Strict):
    id: str
    title: str
    published_by: str
    plan_year: str
    latest_year: int
    source_file: str


class Figure(Strict):
    table: str
    measure: str
    area: str
    period: Period
    quarter: str | None = None
    category: str | None = None
    stat: Literal["count", "percent", "printed_change", "printed_change_pct", "printed_share_pct"]
    value: FiniteFloat
    unit: str
    row_label: str


class Direction(Strict):
    table: str
    measure: str
    area: str
    period: Period
    compared_with: Period | None = None
    category: str | None = None
    direction: Literal["increase", "decrease"]
    quote: str


class Table(Strict):
    id: str
    label: str
    title: str
    counts: str
    section: str
    measure: str
    notes: list[str] = []


class Note(Strict):
    id: str
    about: str
    text: str


class PccPriority(Strict):
    number: int
    text: str
    keywords: list[str] = []


class Theme(Strict):
    id: str
    label: str


class OscpPriority(Strict):
    id: str
    pcc_priority: int | None
    theme: str
    text: str
    keywords: list[str] = []


class Priorities(Strict):
    pcc_priorities: list[PccPriority]
    themes: list[Theme]
    oscp_priorities: list[OscpPriority]


class KeyFact(Strict):
    label: str
    value: str
    kind: str


class Achievement(Strict):
    id: str
    theme: str
    heading: str
    title: str
    aliases: list[str] = []
    text: str
    summary: str
    facts: list[KeyFact] = []


class GlossaryTerm(Strict):
    term: str
    stands_for: str | None = None
    aliases: list[str] = []
    meaning: str
    in_plan: str | None = None


class Duty(Strict):
    id: str
    name: str
    aliases: list[str] = []
    text: str
    summary: str


class AboutFact(Strict):
    id: str
    question_cues: list[str] = []
    text: str


class About(Strict):
    name: str
    short_name: str
    facts: list[AboutFact]


class Section(Strict):
    id: str
    title: str
    parent: str | None = None
    text: str


class PlanKnowledge(Strict):
    plan: Plan
    tables: list[Table]
    figures: list[Figure]
    directions: list[Direction]
    notes: list[Note]
    priorities: Priorities
    achievements: list[Achievement]
    glossary: list[GlossaryTerm]
    duties: list[Duty]
    about: About
    sections: list[Section]


class KnowledgeBase(Strict):
    language: Language
    safeguarding: Safeguarding
    plans: list[PlanKnowledge] = Field(min_length=1)
    content_hash: str
