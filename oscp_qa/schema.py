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


def _plan_year(text: str) -> str:
    """The year a plan is for, "2022-23": plans are ordered by it, the newest answering first."""
    found = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not found or int(found.group(2)) != (int(found.group(1)) + 1) % 100:
        raise PydanticCustomError("plan_year", "'{year}' is not a plan year such as 2022-23",
                                  {"year": text})
    return text


PlanYear = Annotated[str, AfterValidator(_plan_year)]


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
    by_topic: bool = False    # its categories are other topics (repeat victimisation of domestic
    # abuse, CSE, ...): another topic named with it asks for a category it does not have
    leaves_out: list[str] = []  # what its table does not count ("fraud"): asked "including
    # fraud", the plan has no figure
    unnamed: bool = False     # the figure meant when areas are compared and none is named
    # ("which rose faster, Oxford or Oxfordshire?"): the plan's headline measure


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
    restricts: bool = False           # a subgroup ("children"): asked of a table that does not
                                      # break it out, it narrows what is counted


BoostName = Literal["areas", "duty_named", "about_named", "achievement", "achievement_named",
                    "achievement_number", "achievement_text", "achievement_place",
                    "achievement_sum", "glossary",
                    "glossary_only", "bodies_asked", "all_parts", "fraction_quoted",
                    "how_counted", "figures_asked", "passage_priority", "passage_duty",
                    "passage_about", "passage_achievements",
                    "others_asked", "pcc_asked", "work_asked", "duty_asked"]


class IntentRule(Strict):
    """One intent, declared as data: what it needs, what signals it, how to explain it. Its
    example questions name a plan's years and topics, so they are the plan's (examples.yaml)."""

    id: str
    help: str
    requires: list[Literal["measure", "glossary", "duty", "achievement"]] = []
    base: float = 0.0
    cues: list[str] = []
    weight: float = 1.0
    boosts: dict[BoostName, float] = {}


class Settings(Strict):
    letters_per_edit: int = Field(description="a misspelt word may differ from a known one by one "
                                  "edit (Damerau-Levenshtein) per this many letters, at least one")
    fuzzy_min_length: int = Field(description="shorter words are never fuzzy-matched")
    min_intent_score: float = Field(description="below this the question falls back to search")
    max_question_chars: int = Field(description="longer questions are cut to this length")
    search_results: int = Field(description="how many plan sections a search answer quotes")
    holdings_shown: int = Field(description="how many of the plan's tables a 'not included' "
                                "answer names, nearest in wording first")
    topic_rows: int = Field(description="how many priorities or achievements a search on a "
                            "topic's words returns at most, before relevance_share keeps the best")
    phrase_rows: int = Field(description="how many achievements a search for a topic's phrase "
                             "returns at most")
    relevance_share: float = Field(gt=0, le=1, description="a priority or achievement found by "
                                   "a topic's words is kept when it scores at least this share "
                                   "of the best one's score")
    passage_share: float = Field(gt=0, le=1, description="a passage is what a question in words "
                                 "is about when it holds this share of the words' weight")
    scheme_lead: float = Field(gt=1, description="a programme found by a story's words is the one "
                               "meant when its share is this many times the next passage's")
    leading_share: float = Field(gt=0, le=1, description="a passage well ahead of the others "
                                 "and holding this share of a question in other words than the "
                                 "plan's is what it is about")
    leading_words: int = Field(ge=2, description="... when it holds at least this many of them")
    passages_shown: int = Field(ge=1, description="how many passages an answer spread over "
                                "several of them names")
    stem_letters: int = Field(ge=1, description="a passage speaks of a word when it holds the "
                              "word's first this many letters")
    sentence_share: float = Field(gt=0, le=1, description="a passage is quoted only when one "
                                  "sentence holds at least this share of the words asked about")
    clarify_options: int = Field(ge=1, description="how many figures a question back offers")
    counting_numbers_up_to: int = Field(description="numbers in a question up to this are counts "
                                        "of things ('priority 1'); a larger one the plan does not "
                                        "print is said to be unused")


class Words(Strict):
    """The small word lists the understanding stage reads; each name says what it signals."""

    follow_up_openers: list[str]
    follow_up_refs: list[str]
    wants_number: list[str]
    negations: list[str]
    oscp_priority_list: list[str]
    which_pcc: list[str]
    pcc_list: list[str]
    time_words: list[str]
    circumstance_words: list[str]
    circumstance_asks: list[str]
    circumstance_not: list[str]
    person_roles: list[str]
    bodies: list[str]
    others: list[str]
    there: list[str]
    back_references: list[str]
    rising: list[str]
    falling: list[str]
    pcc_names: list[str]
    after_words: list[str]
    second_words: list[str]
    lowest_words: list[str]
    percent_words: list[str]
    dimension_area: list[str]
    dimension_period: list[str]
    dimension_quarter: list[str]
    dimension_category: list[str]
    glossary_filler: list[str]
    not_priority_topics: list[str]
    achievement_cues: list[str]
    stopwords: list[str]
    count_of_uses: list[str]
    kin: dict[str, str]             # a word a question uses -> the plan's word for it, lemmas
    filler: list[str]
    quarters: dict[str, list[str]]
    quarter_runs: dict[str, list[str]]
    months: list[str]
    spread: list[str]
    fractions: dict[str, float]
    fraction_ways: dict[str, list[str]]
    of_those: list[str]
    comparing: list[str]
    calendar_year: list[str]
    yes_no_phrases: list[str]
    marks: list[str]
    shorthand: dict[str, str]
    pace: list[str]
    not_a_way: list[str]
    belongs_to: list[str]
    all_parts: list[str]
    taken_out: list[str]
    apart: list[str]
    part_of: list[str]
    subset_verbs: list[str]
    partitive: list[str]
    multiples: dict[str, float]
    times_asked: list[str]          # "how many times more?": one figure as a multiple of another
    than: list[str]
    next_quarter: list[str]
    future: list[str]
    forecast: list[str]
    people_nouns: list[str]
    people_units: list[str]
    people_modifiers: list[str]
    before_verbs: list[str]
    self_described: list[str]
    self_described_ends: list[str]
    requests: list[str]
    involvement: list[str]
    recorded_things: list[str]
    each_area: list[str]
    opinion: list[str]
    table_years: list[str]
    actual_count: list[str]
    counting_verbs: list[str]
    auxiliaries: list[str]
    broken_down: list[str]
    present_time: list[str]
    previous_quarter: list[str]
    name_ends: list[str]
    than_year: list[str]
    more_than: list[str]
    per_time: dict[Literal["month", "day"], list[str]]
    less_than: list[str]
    which_when: dict[Literal["month", "day", "time"], list[str]]
    times_of_day: list[str]
    provider_verbs: list[str]
    contrasts: list[str]
    days: list[str]
    cost_to_join: list[str]
    members_of: list[str]
    divided: list[str]
    refers: list[str]
    permission_asks: list[str]
    public_words: list[str]
    not_counted_as: list[str]
    put_back: list[str]
    put_back_negated: list[str]
    located: list[str]
    points: list[str]
    leading: list[str]
    frequency: list[str]
    same_period: list[str]
    whole_year: list[str]
    occasions: list[str]
    of_change: list[str]
    contributed: list[str]
    outcome_asked: list[str]
    outcome_said: list[str]
    agents: list[str]
    force_names: list[str]
    recording: list[str]
    headed: list[str]
    average: list[str]
    adding: list[str]
    besides: list[str]
    plan_only: list[str]
    kinds_of: list[str]
    verbs_in_s: list[str]
    justice_outcomes: list[str]
    programme_kinds: list[str]
    clause_openers: list[str]
    everyday_months: list[str]
    month_prepositions: list[str]
    whole_year_months: list[str]
    latest_year: list[str]
    previous_year: list[str]
    next_year: list[str]
    generic_topics: list[str]
    hedges: list[str]
    claim_ends: list[str]
    statement_verbs: list[str]  # "environmental was the biggest?": a statement asked as a claim
    left_out_said: list[str]    # "crime (fraud excluded)": the table's own scope restated
    levels: list[str]           # "higher", "more": two levels compared, not a movement
    choices: list[str]          # "high or low?": which of two ways, not yes or no
    parent_refs: list[str]
    voice_phrases: list[str]  # the plan's words for hearing residents, not a question's
    asks: dict[str, list[str]]
    yes_no_openers: list[str]
    remainder_of: list[str]
    outside_of: list[str]
    every_year: list[str]
    range_words: list[str]
    quote_check: list[str]
    place_prepositions: list[str]

    def phrases(self) -> list[str]:
        """Every phrase of every list: words with a job of their own."""
        found: list[str] = []
        for value in self.model_dump(exclude={"kin", "opinion", "involvement", "voice_phrases",
                                              "justice_outcomes", "verbs_in_s", "which_when",
                                              "provider_verbs", "contrasts", "times_of_day",
                                              "days", "cost_to_join", "members_of",
                                              "circumstance_words", "circumstance_asks",
                                              "circumstance_not", "permission_asks",
                                              "public_words", "divided",
                                              "refers", "statement_verbs",
                                              "left_out_said", "levels",
                                              "choices"}).values():
            # kin pairs words for finding passages, opinion marks a judgement ("a safe city"),
            # involvement a body's part ("join"), voice_phrases are the plan's words,
            # justice_outcomes restrict what is counted ("arrests"), verbs_in_s only end a
            # list's things, and the rest ("which nights", "is it free", "members of") say
            # what is asked of a thing named elsewhere, statement_verbs only make a statement of
            # a question; none gives its words a job of their own
            if not isinstance(value, dict):
                found += value
                continue
            for key, item in value.items():  # lists of phrases; or a phrase and its value
                found += item if isinstance(item, list) else [key] + (
                    [item] if isinstance(item, str) else [])
        return found


class Elsewhere(Strict):
    """Where to find what the plan does not hold; reviewed like the figures."""

    id: str
    about: list[str] = Field(min_length=1, description="measures or topics it answers for")
    text: str
    url: str | None = None


class Language(Strict):
    areas: list[Area]
    measures: list[Measure]
    categories: list[Category]
    terms: list[Term]
    intents: list[IntentRule]
    words: Words
    restrictions: dict[str, list[str]]
    places: list[str]
    within_oxford: list[str]
    signposts: list[Elsewhere]
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
    plan_answers: bool = Field(True, description="false for a question the plan cannot answer "
                               "('how do I report ...'): the signposts come with status no_answer")


class Safeguarding(Strict):
    intro: str = Field(min_length=1)
    closing: str = Field(min_length=1)
    typo_min_letters: int = Field(ge=4, description="words this long may match with one typo")
    read_chars: int = Field(ge=500, description="how much of a question is read")
    counting: list[str] = Field(description="phrases that ask for the plan's figures")
    personal: list[str] = Field(description="words by which a question speaks of the asker")
    signposts: list[Signpost] = Field(min_length=1)
    situations: list[Situation] = Field(min_length=1)


# --- one plan ------------------------------------------------------------------------------------


class PlanSections(Strict):
    """The titles of the plan's sections (as sections.yaml gives them) that answers cite."""

    introduction: str
    duties: str
    priorities: str
    achievements: str


class PccWording(Strict):
    """How the plan says its priorities line up with the Police and Crime Commissioner's."""

    aligned: str = Field(description="the plan's sentence on the alignment, without its full stop")
    listed: str = Field(description="the line before the PCC priorities the plan lists")
    not_listed: str | None = Field(None, description="what the plan says of PCC priorities it "
                                   "does not list")
    not_listed_note: str | None = Field(None, description="the note (notes-text.yaml) saying "
                                        "why, shown on the Priorities page")
    in_plan: int | None = Field(None, description="how many priorities the plan says the Police "
                                "and Crime Plan sets out, listed or not")


class SearchHints(Strict):
    """The words a browse page's search box suggests, from this plan."""

    priorities: str
    glossary: str


class Plan(Strict):
    """plan.yaml: what the code needs to know of one plan, so that none of it is in Python."""

    id: str
    title: str
    published_by: str
    plan_year: PlanYear = Field(description="no two plans share one: the later year is newer")
    latest_year: int = Field(description="the year 'last year' means; figures must hold it")
    achievements_year: str = Field(description="the year the plan's achievements are of")
    source_file: str
    home_area: str = Field(description="the area a share is of when a question names none")
    sections: PlanSections
    pcc: PccWording
    examples: list[str] = Field(min_length=2, description="the empty chat's example questions; "
                                "the first two are also offered for an empty question and after "
                                "an answer with no topic to follow")
    search_hints: SearchHints


class Examples(Strict):
    """examples.yaml: questions in this plan's words that each intent must answer."""

    intents: dict[str, list[Annotated[str, Field(min_length=1)]]]


class Figure(Strict):
    table: str
    measure: str
    area: str
    period: Period | None = Field(None, description="empty when the plan does not give the period")
    quarter: str | None = None
    category: str | None = None
    stat: Literal["count", "percent", "printed_change", "printed_change_pct", "printed_share_pct"]
    value: FiniteFloat
    unit: str
    row_label: str


class Direction(Strict):
    table: str
    measure: str
    area: str | None = Field(None, description="empty when the plan names no area")
    period: Period | None = Field(None, description="empty when the plan gives no period")
    compared_with: Period | None = None
    category: str | None = None
    direction: Literal["increase", "decrease", "largest"] = Field(
        description="a change against compared_with, or the largest group of the breakdown")
    quote: str


class Table(Strict):
    id: str
    label: str
    title: str
    counts: str
    section: str
    measure: str
    notes: list[str] = []
    together: list[list[str]] = Field([], description="parts the table counts together and never "
                                      "gives apart, each as the ways it is written (the first is "
                                      "shown); a question naming some of them but not all asks "
                                      "for a figure the table does not give")


class Note(Strict):
    id: str
    about: str
    text: str
    explains: Literal["printed_percent", "unexplained_mark", "reason"] | None = Field(
        None, description="printed_percent: why a per cent the plan prints differs from the one "
        "worked out; answers give it beside the printed figure. unexplained_mark: a mark the "
        "plan prints (an asterisk) and never explains; asked what it means, the answer is that "
        "the plan does not say. reason: the plan's own reason for a change; answers about the "
        "change give it after the figures")


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
    part_of: str | None = Field(None, description="the achievement this one was set up under")


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
    named_only: bool = Field(False, description="the plan names it in passing and never says "
                             "what it is: 'what is it?' is not answered from the plan")
    in_plan: str | None = None
    partnership: bool = Field(False, description="the partnership under another name, its "
                              "board, or a body it brings together: naming it ('is the council "
                              "required to have one?') does not take a question off the "
                              "partnership")


class Quote(Strict):
    section: str
    text: str


class Duty(Strict):
    id: str
    name: str
    aliases: list[str] = []
    text: str
    summary: str
    overview: Quote | None = Field(None, description="the plan's own words, verbatim, in the "
                                   "section the duty's text points to ('an overview of Oxford "
                                   "is shown below'): what the duty's work is for")


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
    examples: Examples
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
