"""Models of the knowledge files. Strict, so that a typo in a key fails loudly with its place."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    period: str | None = Field(None, description="empty when the plan does not give the period")
    quarter: str | None = None
    category: str | None = None
    stat: Literal["count", "percent", "printed_change", "printed_change_pct", "printed_share_pct"]
    value: float
    unit: str
    row_label: str


class Direction(Strict):
    table: str
    measure: str
    area: str | None = Field(None, description="empty when the plan names no area")
    period: str
    compared_with: str | None = None
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
    """A term the plan uses. `meaning` holds only what the plan says of it (tests/test_faithful.py
    checks it against the plan's text); what the plan does not say is marked as general knowledge
    by a field, and answers and pages show it as not from the plan."""

    term: str
    stands_for: str | None = None
    stands_for_source: Literal["plan", "general"] = Field(
        "plan", description="general: the plan does not spell the term out; the expansion is "
        "general knowledge")
    aliases: list[str] = []
    meaning: str
    general: str | None = Field(None, description="general knowledge, not from the plan")
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
    plans: list[PlanKnowledge] = Field(min_length=1)
    content_hash: str
