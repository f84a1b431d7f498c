"""What the understanding stage makes of a question (one frozen Frame), and what the
conversation remembers. Composers read a Frame and the data, never the question's words."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .numbers import NumberMention
from .vocabulary import Tag

# What kind of answer the question asks for: a "how many" wants a count, a "who" a person or
# organisation. "figure" is a figure of no particular kind ("hate crime in Oxford"); "voice"
# asks how residents' concerns reach the partnership ("how can I tell the partnership ...?"),
# "contact" for an email address, a phone number or opening hours; "spent_on" what money
# bought; "funder" who paid for it; "author" who wrote a report.
AnswerKind = Literal["how_to", "contact", "voice", "spent_on", "funder", "author", "how_much",
                     "count", "money", "percentage", "named_person", "person", "place", "expansion",
                     "date", "reason", "yes_no", "definition", "list", "name", "how_counted",
                     "figure"]
Dimension = Literal["area", "period", "quarter", "category"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unknown(Frozen):
    """A word no vocabulary knows, and the part it plays in the question."""

    word: str
    role: Literal["place", "restriction", "other"]
    kind: str = ""          # a restriction's: outcome, subgroup, time, location, ...; a place's:
                            # "mentioned" (the plan names it), "within" (a part of Oxford)
    at: int = -1            # its first token


class Passage(Frozen):
    """A passage of the plan's words a question in words may be about, and how much of it."""

    kind: Literal["priority", "achievement", "duty", "about"]
    id: str
    share: float                    # the weight of the question's words it holds, of them all
    held: list[str] = []            # the roots of the words it holds
    titled: int = 0                 # how many of them are in its title


class AreaOp(Frozen):
    """'The rest of the county': the figure of `whole` less that of `part`."""

    whole: str
    part: str


class Signals(Frozen):
    """What the question's wording asks of the composers, read once here."""

    lowest: bool = False            # "smallest", "least"
    second: bool = False            # "second highest"
    by_percent: bool = False        # "percentage rise"
    points: bool = False            # "how many percentage points higher?": a gap of two changes
    each_area: bool = False         # "a share of the total in each": a part's share of each
                                    # area's own total, not one area's share of another's
    parent: bool = False            # "the project that launched it": what it was set up under
    checking: bool = False          # "44 and 188 - correct?": figures quoted to be checked
    whole_year: bool = False        # "total for the year?" after a quarter: all its quarters
    of_change: bool = False         # "of the county's rise, how much was Oxford's?"
    outcome: bool = False           # "did it work?", "any results yet?": what came of it
    change_cue: bool = False        # "rise", "fall": a ranking by change
    every_year: bool = False        # "has it gone up every year", "each year"
    marks: bool = False             # "what does the asterisk mean?": a mark printed in a table
    calendar: bool = False          # "calendar year 2020": January to December, regrouped
    of_those: bool = False          # "which ones are about ASB?": a filter on the last list
    spread: bool = False            # "the gap between the highest and the lowest"
    plan_only: bool = False         # "what does HMO stand for in the plan?": the plan's words
    adding: bool = False            # "add the 2020 figure to that": the last figure and this
    average: bool = False           # "the average a year across the three years"
    per: Literal["month", "day"] | None = None   # "how many a month?": spread evenly
    either_way: bool = False        # "up or down?": which way, said in a word
    which_when: Literal["month", "day", "time"] | None = None  # "which month does it run?",
                                    # "on which nights?", "what time?": only a month's or a
                                    # day's name, or a time of day, answers
    provider: bool = False          # "who runs the course?": who provides it, not whom it is for
    partitive: bool = False         # "how many of the recommendations ...?": some of a whole
    ranking: bool = False           # "biggest", "which strand": one of several asked for
    share_cue: bool = False         # "share", "proportion": what is ranked may be a share
    future: bool = False            # "when is the next one due?": after the plan was written
    forecast: bool = False          # "will it keep falling?": a figure not yet counted
    opinion: bool = False           # "do you reckon they do a good job?": a judgement asked for
    involvement: bool = False       # "is Oxford Brookes involved in it?": a body's part asked
    cost_to_join: bool = False      # "is it free for pubs?", "is there a fee?"
    circumstances: bool = False     # "when does a review happen?": in what case, not a date
    divided: bool = False           # "how was it split between projects?": parts of a whole
    refers: bool = False            # "what does the +124 refer to?": a figure quoted to explain
    what_is: bool = False           # opens "what is / are / was ...": a meaning or a value
    present: bool = False           # "this year", "lately": now, not the plan's years
    actual_count: bool = False      # "in actual numbers": a count, not a percentage
    multiple: float | None = None   # "more than double": one figure as a multiple of another
    times_asked: bool = False       # "how many times more?": the multiple itself
    # (its way, more, less or about, is `fraction_way`)
    others: bool = False            # "and the other strands?"
    than: bool = False              # "how many more in Oxfordshire than in Oxford?"
    there: bool = False             # "round there": the place the conversation was on
    direction: Literal["up", "down"] | None = None   # the way "is it going down?" asks about
    level_only: bool = False        # the way is said only by "higher", "more" ...: two levels
    # compared ("how much higher was Oxfordshire's than Oxford's in 2021?"), not a movement
    dimensions: list[Dimension] = []  # what a ranking ranks, as the question says it, in order
    negation: bool = False          # "not aligned to a PCC priority"
    lists_oscp: bool = False        # "which OSCP priorities", "list"
    names_pcc: bool = False         # "PCC", "Police and Crime Plan"
    which_pcc: bool = False         # "which PCC priority"
    pcc_list: bool = False          # "the PCC's priorities": the Police and Crime Plan's own
    mentions_oscp: bool = False
    item_number: int | None = None  # "what's number 3?", "the second one": an item of a list
    pcc_number: int | None = None   # "PCC priority 2", "the second PCC priority"
    about: list[str] = []           # the partnership's facts the question names
    quoted_percent: float | None = None   # "the plan says it fell by 12%": a figure to check
    fraction: float | None = None   # "is Oxford more than half the county's?": a share to check
    fraction_way: Literal["more", "less", "about"] | None = None


class Features(Frozen):
    """What the question names beyond topics: the intent rules' boosts read these by name."""

    areas: bool = False             # two or more areas
    duty_named: bool = False
    about_named: bool = False
    achievement: bool = False
    achievement_named: bool = False
    achievement_number: bool = False
    achievement_text: bool = False
    achievement_place: bool = False   # found only by a place it names ("Didcot")
    achievement_sum: bool = False   # "how much did the council get for ...?": the passage
                                    # its words fit that holds a sum
    glossary: bool = False
    glossary_only: bool = False
    fraction_quoted: bool = False   # "more than half", "roughly a quarter": a share to check
    all_parts: bool = False         # "all strands", "every category": the parts added up
    bodies_asked: bool = False      # "which council teams ...?": the bodies doing or counting it
    part_of_quoted: bool = False    # "of the 48 recommendations, how many ...?": a part of a whole
    priorities_named: bool = False  # "how many priorities ...?", not a count of something else
    work_asked: bool = False        # "fleeing domestic abuse, what housing support is there?":
                                    # a topic named, and words of what is done about it, no figure
    duty_asked: bool = False        # ... or words of a statutory duty ("my ASB complaints were
                                    # not dealt with, what can I do?": the Community Trigger)
    pcc_asked: bool = False         # "is recruiting more police officers part of the plan?":
                                    # a PCC priority's words, asked of in words, not a count
    how_counted: bool = False       # "do the figures count crimes against shops?"
    figures_asked: bool = False     # a table's topic, an area or year and a word asking for figures
                                    # ("what are the county figures?"): no term's meaning
    passage_priority: bool = False  # the passage holding most of its words is a priority,
    passage_duty: bool = False      # a statutory duty,
    passage_about: bool = False     # or a fact about the partnership
    passage_achievements: bool = False  # several achievements hold them
    others_asked: bool = False      # "apart from CCTV and lighting, what else was done?"
    restriction_told: bool = False  # "the slavery cases that were closed": an achievement tells
                                    # of what no table breaks out


class Frame(Frozen):
    """Everything read from one question, before the conversation is taken into account."""

    text: str
    tokens: list[str]
    tags: list[Tag] = []
    asks: AnswerKind = "figure"
    measure: str | None = None
    alternatives: list[str] = []      # other measures the topic words fit as well
    related: list[str] = []           # other measures some of the same words name ("ASB")
    categories: list[str] = []
    excluded_categories: list[str] = []
    second_measure: str | None = None  # another topic named beside the first ("crime or ASB?")
    named_first: str | None = None    # of the two, the one the question names first
    sharpened: str | None = None      # the one measure words such as "council" and "cases"
                                      # point to when no topic is named
    counting: bool = False            # a count is asked with no topic: the sharpened measure is it
    loose_categories: dict[str, list[str]] = {}   # measure -> categories named with no topic
                                                  # ("and how many were environmental?")
    areas: list[str] = []
    area_op: AreaOp | None = None
    periods: list[str] = []
    period_range: bool = False        # "from 2017 to 2019": every year between the two
    since: bool = False               # "since 2017": from that year to the latest
    quarter_step: int = 0             # "the next quarter": +1; "the quarter before": -1
    year_step: int = 0                # "two years before that": -2; "three years later": +3
    asked_for: str | None = None      # "which venues ...?": the things a list is to name
    counted: list[str] = []           # "how many modern slavery cases ...": what a count counts
    count_state: str | None = None    # "how many done / closed so far?": a state of the things
    counts_in_words: bool = False     # "how many cases?": a thing the plan counts in words for
                                      # a programme ("four cases"), not only in a table
    worked_on: list[str] = []         # "doing about speeding cars and ...": what work is about
    worked_on_told: bool = False      # "E-scooters are a menace. What's being done about them?":
                                      # it was told in the sentence before
    than_year: bool = False           # "higher than in 2017": that year against the latest
    quarters: list[str] = []
    relative: str | None = None
    numbers: list[NumberMention] = []
    glossary: list[str] = []
    achievements: list[str] = []
    duties: list[str] = []
    pcc: list[int] = []
    set_aside: list[str] = []         # "apart from CCTV and lighting": achievements named to be
                                      # left out of those asked for
    aside_words: list[str] = []       # "apart from the Covered Market": the words set aside
    may_do: list[str] = []            # "can residents log into it?": what the asker or the
                                      # public asks leave to do ("log")
    members_of: str | None = None     # "who sits on the Executive Board?": the body whose
                                      # members are asked for
    programme: str | None = None      # the achievement the question is about: named, by a
                                      # sum it quotes, or by its words
    masked: str = ""                  # the text with topic words blanked, for intent cues
    follow_up: bool = False
    measure_tabled: bool = False      # the measure read has figures in the plan ("officers" has none)
    wants_number: bool = False
    topic_words: list[str] = []       # content words no vocabulary knows, for full-text search
    content_words: list[str] = []     # the question's content words, for full-text search
    topic_terms: list[str] = []       # the words of the question's topic phrases
    topic_phrases: list[str] = []     # every way of saying the question's first topic
    named_phrases: list[str] = []     # the phrases of the question that name something known
    passages: list[Passage] = []      # the plan's passages holding most of its words, best
    passages_share: float = 0.0       # first, and the share of its words they hold together
    unknown: list[Unknown] = []
    context: list[Unknown] = []       # places and restrictions in a sentence that asks nothing
                                      # ("My son's school in Littlemore is worried. Is ...?")
    signals: Signals = Signals()
    features: Features = Features()
    truncated: bool = False

    @property
    def counted_topic(self) -> str | None:
        """The table a count with no topic word is of ("how many cases did the council
        handle?"), unless a programme is named: then it is what is counted, not a neighbour."""
        return self.sharpened if self.counting and not self.features.achievement else None

    @property
    def percent_way(self) -> str | None:
        """How the percentage quoted is claimed: "more than 10%" holds of 12%."""
        return next((n.way for n in self.numbers if n.kind == "percent"), None)

    @property
    def restrictions(self) -> list[Unknown]:
        return [u for u in self.unknown if u.role == "restriction"]


class Context(Model):
    """What a follow-up may leave unsaid: the last question's resolved subject."""

    intent: str | None = None
    measure: str | None = None
    readings: list[str] = []          # other tables the same words fit ("ASB": the council's)
    by_topic: bool = False            # its table is broken down by topic (repeat victimisation)
    topic_parts: dict[str, list[str]] = {}  # the same topic's part of another table ("CSE"
                                            # of repeat victimisation, after CSE victims)
    areas: list[str] = []
    area_op: AreaOp | None = None
    periods: list[str] = []
    earlier_periods: list[str] = []   # the years asked before a follow-up changed them
    quarters: list[str] = []
    quarter_run: list[str] = []       # the quarters of one year asked one after another
    categories: list[str] = []
    earlier_categories: list[str] = []  # the parts asked before a follow-up changed them
    excluded_categories: list[str] = []
    subject: str = ""                 # e.g. "achievement:op-vigilant", "pcc:2"
    programme: str | None = None      # the achievement last named, which "it" may refer to
    programme_kin: list[str] = []     # achievements under the same heading as that one
    places: list[Unknown] = []        # places named that the plan has no figures for


class Match(Frozen):
    """The chosen intent and the slots it will answer with, after follow-ups are resolved."""

    intent: str
    score: float
    scores: dict[str, float]
    measure: str | None = None
    other_measure: str | None = None  # a second topic to set beside the first
    areas: list[str] = []
    area_op: AreaOp | None = None
    periods: list[str] = []
    quarters: list[str] = []
    categories: list[str] = []
    excluded_categories: list[str] = []
    carried: list[str] = []           # slots taken from the conversation
    topic_before: str | None = None   # the conversation's table, when this one is asked of it
    places: list[Unknown] = []        # a place "there" refers to, from the conversation
    subject: str | None = None        # the achievement, term or PCC priority asked about
