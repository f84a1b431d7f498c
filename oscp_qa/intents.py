"""Stage two: score every intent rule on a frame and keep the best, resolving follow-ups.

Rules are data (knowledge/language/intents.yaml); this module only knows how to score them.
A follow-up's frame merges into the conversation's: what it restates replaces, what it adds
narrows, and the operation carries over unless a new one is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import lemma
from .numbers import QUARTERS, financial_year
from .passages import ROOT
from .question import Context, Frame, Match
from .schema import IntentRule

FIGURE_INTENTS = {"lookup", "change", "trend", "compare_areas", "share", "rank", "total"}
CARRIED_INTENTS = FIGURE_INTENTS - {"lookup"}
FOLLOW_ON_INTENTS = FIGURE_INTENTS | {"why", "method"}
LIST_INTENTS = {"priorities", "achievements", "duties"}
_OF_A_YEAR = re.compile(r"\b(?:percentage|percent|cent|%) of (?:the )?(?:19|20)\d\d\b")
POINTERS = {"it", "they", "this", "that"}  # words pointing back at what was last answered


def cue_hits(rule: IntentRule, masked: str) -> list[str]:
    return [cue for cue in rule.cues if f" {cue} " in masked]


def score(rule: IntentRule, frame: Frame, known: set[str]) -> float | None:
    """The rule's score for this question, or None when something it requires is unknown."""
    if any(need not in known for need in rule.requires):
        return None
    hits = cue_hits(rule, frame.masked)
    total = rule.base + rule.weight * min(len(hits), 2)
    return total + sum(add for name, add in rule.boosts.items() if getattr(frame.features, name))


def match(frame: Frame, rules: list[IntentRule], context: Context, latest_year: int,
          min_score: float) -> Match:
    """The best-scoring intent with its slots; "clarify" or "search" when none fits."""
    frame = _follow_subject(frame, context)
    features = frame.features
    known = {name for name in ("glossary", "achievement") if getattr(features, name)}
    places = {w for u in frame.unknown if u.role == "place" for w in u.word.lower().split()}
    only_place = bool(places) and set(frame.content_words) <= places  # "and in Blackbird Leys?"
    if (features.achievement_place or only_place) and (frame.follow_up or frame.wants_number) \
            and context.measure:
        known.discard("achievement")  # "and in Didcot?", "the figure for Witney?" after a
        # figure: a place, not a programme, even one named in a programme's title
    if features.achievement_text and not features.achievement_named and frame.measure_tabled \
            and frame.quarters:  # "domestic occurrences for
        known.discard("achievement")  # the first three quarters of 2021/22": the table's
        # quarters, not a programme sharing a few of the words
    if features.priorities_named and not features.achievement_named:
        known.discard("achievement")  # "how much money is set aside for the priorities?": the
        # priorities, not the one programme whose sum the word "money" finds
    if features.duty_named:
        known.add("duty")
    if frame.measure or (context.measure and _follows_on(frame, rules)) or frame.counted_topic:
        known.add("measure")
    scores = {r.id: s for r in rules if (s := score(r, frame, known)) is not None}
    if frame.measure or frame.glossary or features.achievement or frame.duties:
        scores.pop("summary", None)  # "summarise the plan on domestic abuse": that topic's
    best = max(scores, key=lambda k: (scores[k], -[r.id for r in rules].index(k)), default=None)
    if (best is None or scores[best] < min_score) and context.programme and not frame.measure \
            and not frame.features.achievement and not frame.follow_up \
            and not _own_topic(frame, context):
        # "which councils were involved?" after a scheme: asked of the scheme
        return match(frame.model_copy(update={"follow_up": True}), rules, context, latest_year,
                     min_score)
    for before, after, when in REREADINGS:  # another reading, on grounds besides the cues
        if best == before and after in scores and when(frame, context):
            best, scores = after, _standing(scores, after, min_score)
    carried = _entity_asked_again(frame, context) \
        if not (best in FIGURE_INTENTS - {"lookup"} and context.measure) else None  # "which
    # one has the fewest victims?" after what hate crime is: its figures ranked
    if carried:  # "who delivers it?" after a priority, a duty or a term: that one, again
        best, scores = carried, _standing(scores, carried, min_score)
    if frame.signals.item_number and context.intent in LIST_INTENTS and not frame.measure:
        best, scores = context.intent, _standing(scores, context.intent, min_score)  # "what's
        carried = best  # number 3?" after a list: its third item
    if (frame.signals.of_those or frame.signals.others) and context.intent in LIST_INTENTS:
        # "which ones are on ASB?", "what are the other three?"
        best = context.intent
        scores = _standing(scores, best, min_score)
    if (best is None or scores[best] < min_score) and frame.glossary and not frame.measure \
            and (frame.asks in ("money", "how_much", "count", "date", "person", "place")
                 or (frame.asks == "yes_no" and not frame.unknown)):
        best = "glossary"  # "how much was the Safer Streets 3 funding?": of the term named;
        # "is the county CCTV hub happening?" (every word known): what the plan says of it
        scores = _standing(scores, best, min_score)
    if best == "method" and frame.asks != "how_counted" and (
            frame.signals.average or frame.signals.ranking or frame.signals.share_cue):
        operation = max((i for i in FIGURE_INTENTS - {"lookup"} if scores.get(i)), default=None,
                        key=lambda i: scores[i])
        if operation:  # "average quarterly figure, based on the three quarters?": worked out
            best, scores = operation, _standing(scores, operation, min_score)
    if frame.signals.marks and (frame.measure or context.measure) and "method" in scores:
        best = "method"  # "what does the asterisk next to the 2021 figure mean?": the table's notes
        scores = _standing(scores, best, min_score)
    if best is None or scores[best] < min_score:
        fallback = "search" if frame.topic_words else "clarify"
        return Match(intent=fallback, score=0.0, scores=scores)
    subject = None
    if carried:
        subject = context.subject
    elif best == "achievement":
        subject = f"achievement:{frame.programme}"
    elif best == "glossary":
        subject = f"glossary:{frame.glossary[0]}"
    if best == "priorities" and context.subject.startswith("pcc") and (
            context.subject != "pcc-list" or frame.signals.others  # "which ones does OSCP
            or frame.signals.of_those):  # align to?" after the PCC's: those it lists
        subject = context.subject
    if best == "priorities" and context.subject == "oscp-list" and frame.signals.of_those:
        subject = context.subject  # "which of them sit under PCC priority 2?" after OSCP's
    slots: dict = {"intent": best, "score": scores[best], "scores": scores, "subject": subject,
                   "places": context.places if frame.signals.there else []}
    if best in FIGURE_INTENTS or best in ("method", "why"):
        slots.update(_figure_slots(best, frame, context, latest_year))
    return Match(**slots)


def _rest_of_area(frame: Frame, context: Context) -> bool:
    """"And if you exclude Oxfordshire?": the rest of an area, not what a table leaves out."""
    return bool(frame.area_op or (context.area_op and frame.follow_up))


def _who_works_on_it(frame: Frame, context: Context) -> bool:
    """"Who's doing the modern slavery side?": who works on it, not a figure."""
    return frame.asks == "person"


def _who_checks(frame: Frame, context: Context) -> bool:
    """"Who checks they do what the priorities say?": the board the partnership's words name."""
    return frame.asks == "person" and frame.features.passage_about


def _a_count_not_a_plan(frame: Frame, context: Context) -> bool:
    """"How many police officers has the PCC recruited?": a count, not a priority."""
    return frame.asks == "count" and bool(frame.measure) and not frame.features.priorities_named


def _a_count_not_a_reason(frame: Frame, context: Context) -> bool:
    """"How many people were targeted because of their skin colour?": a count of those
    targeted, not the reason for a figure."""
    return frame.asks == "count"


def _work_on_another_topic(frame: Frame, context: Context) -> bool:
    """"What is OSCP doing about hate crime?", then "and ASB?": its work on ASB."""
    return context.intent == "work_on" and frame.follow_up and frame.asks == "figure" \
        and not (frame.areas or frame.periods or frame.wants_number)


def _the_priority_naming_it(frame: Frame, context: Context) -> bool:
    """"The Nightsafe priority says it builds on an earlier project": the priority that names
    the programme, when the question says it asks of a priority and one holds its words."""
    best = max((p.share for p in frame.passages), default=0.0)
    return frame.features.priorities_named and frame.asks not in (
        "count", "money", "how_much", "date", "place") and any(  # as much as any other does
        p.kind == "priority" and p.share >= best for p in frame.passages)


def _priorities_counted(frame: Frame, context: Context) -> bool:
    """"How many priorities are listed in the priorities table?": the priorities, counted."""
    return frame.asks == "count" and frame.features.priorities_named


def _told_by_a_programme(frame: Frame, context: Context) -> bool:
    """"Why were two of the slavery cases closed?": the achievement telling of the cases, not
    the table of victims, which does not break them down by "closed"."""
    return frame.features.restriction_told


def _untabled_topic_covered(frame: Frame, context: Context) -> bool:
    """"Is cycle crime covered in the plan?": a topic with no table, asked of with no figure in
    view, is asked of the partnership's work on it."""
    return bool(frame.measure) and not frame.measure_tabled and frame.asks == "yes_no" \
        and not (frame.wants_number or frame.areas or frame.periods or frame.numbers)


def _involvement_asked(frame: Frame, context: Context) -> bool:
    """"Is the partnership involved in Prevent?": its work on the thing named, not what the
    thing is or its figures."""
    return frame.signals.involvement and frame.asks == "yes_no" \
        and bool(frame.glossary or frame.measure) and not frame.features.achievement \
        and not (frame.wants_number or frame.areas or frame.periods or frame.numbers)


def _a_level_claimed(frame: Frame, context: Context) -> bool:
    """"There were fewer than 1,800 offences in 2021, right?": a year's figure against a number
    quoted "fewer than" it, not a change ("fell by more than 100?" is one)."""
    return frame.asks == "yes_no" and len(frame.periods) <= 1 and any(
        n.way and not n.by and n.kind == "count" for n in frame.numbers)


def _a_part_as_percent(frame: Frame, context: Context) -> bool:
    """"Oxford hate crime victims - % race-based?", "were most of them the community kind?":
    one part as a per cent of the whole."""
    return (frame.signals.by_percent or frame.signals.fraction is not None) \
        and len(frame.categories) == 1 and not (
        frame.signals.change_cue or frame.signals.direction or frame.signals.quoted_percent)


def _a_share_changing(frame: Frame, context: Context) -> bool:
    """"Has Oxford's share of county crime gone up since 2020?": the share's change."""
    return frame.signals.share_cue


def _of_a_year(frame: Frame, context: Context) -> bool:
    """"The drop as a percentage of the 2020 figure": a change over a year's figure, not a
    share of another area."""
    return bool(_OF_A_YEAR.search(" ".join(frame.tokens)))


def _residents_voice(frame: Frame, context: Context) -> bool:
    """"How will OSCP find out what local people are worried about?": how residents are heard,
    which its priorities and achievements say, not what the partnership is."""
    return frame.asks == "voice"


# (reading chosen by its cues, the reading meant, when), tried in order
REREADINGS: list[tuple[str, str, Callable[[Frame, Context], bool]]] = [
    ("about", "work_on", _residents_voice),
    *((text, "work_on", _involvement_asked) for text in ("about", "glossary", "lookup")),
    ("method", "lookup", _rest_of_area),
    ("lookup", "work_on", _who_works_on_it),
    ("priorities", "about", _who_checks),
    ("priorities", "lookup", _a_count_not_a_plan),
    ("why", "lookup", _a_count_not_a_reason),
    ("lookup", "work_on", _work_on_another_topic),
    ("lookup", "work_on", _untabled_topic_covered),
    ("achievement", "priorities", _the_priority_naming_it),
    ("about", "priorities", _priorities_counted),
    *((figures, "achievement", _told_by_a_programme) for figures in ("lookup", "why", "change")),
    ("method", "work_on", _untabled_topic_covered),
    ("change", "share", _a_share_changing),
    ("change", "lookup", _a_level_claimed),
    ("lookup", "share", _a_part_as_percent),
    ("share", "change", _of_a_year),
]


ENTITY_INTENTS = {"priority": "priorities", "duty": "duties", "glossary": "glossary",
                  "about": "about"}


def _own_topic(frame: Frame, context: Context) -> bool:
    """"Rough sleeper count in Oxford in 2021?" after a scheme: a figure asked for a place or
    a year, of words no vocabulary knows and the scheme's text does not hold, is a topic of
    the question's own ("which organisations took part?" is not)."""
    return bool(frame.topic_words and (frame.areas or frame.periods)) \
        and not any(p.id == context.programme for p in frame.passages)


def _entity_asked_again(frame: Frame, context: Context) -> str | None:
    """The intent of the priority, duty or term the last answer was about, when a follow-up
    refers to it ("who is it done with?") and names nothing of its own."""
    kind = context.subject.partition(":")[0]
    pointed = frame.features.achievement_text and bool(POINTERS & set(frame.tokens))  # "and
    # what area does it cover?" after a duty: the duty, not a programme sharing two of its words
    own = frame.measure or (frame.features.achievement and not pointed) or frame.glossary \
        or frame.duties or frame.pcc or (frame.periods and frame.asks != "count") \
        or (frame.areas and frame.asks != "yes_no")  # "does it just cover the city?" asks of
    # the duty where it applies
    bare = not (frame.topic_words or frame.named_phrases)  # "through whose work?": nothing of
    # its own to ask about
    return ENTITY_INTENTS.get(kind) if (frame.follow_up or bare) and not own else None


def _standing(scores: dict[str, float], chosen: str, min_score: float) -> dict[str, float]:
    """The scores with a reading chosen on other grounds than its cues kept above the bar."""
    return {**scores, chosen: max(scores.get(chosen, 0.0), min_score)}


def _follow_subject(frame: Frame, context: Context) -> Frame:
    """"How many cases has it handled?" after a programme: "it" is that programme; so is one
    found only by a word the text of a programme on another theme shares ("which organisations
    took part?"), or asked of with a topic the plan has no table for ("how many officers?")."""
    features = frame.features
    if context.subject.startswith("priority:") and any(  # "what project does it build on?"
            f"priority:{p.id}" == context.subject for p in frame.passages[:1]):  # of the
        return frame  # priority just given, whose words it holds, not of a programme it names
    by_words = features.achievement_text and frame.programme not in context.programme_kin
    in_passage = any(p.id == context.programme for p in frame.passages)
    shares = {p.id: p.share for p in frame.passages}
    holds_more = frame.follow_up and shares.get(context.programme or "", 0) >= max(
        shares.values(), default=1) > shares.get(frame.programme or "", 0)  # "does it link up
    # with the police cameras?" after Nightsafe, whose words hold more than the CCTV upgrades'
    by_words = by_words or holds_more
    bare_count = context.intent == "achievement" and not frame.measure and (
        (frame.asks == "count" and (not frame.counted or in_passage))
        or (frame.asks in ("date", "place", "name") and not features.glossary))  # "how many have been
    # closed?", "how many recommendations?" after the review, whose words speak of them; "start
    # yr in Oxford?" after Op Vigilant
    bare_count = bare_count or (frame.counts_in_words and not frame.areas and not frame.periods)
    # "how many cases has it handled?" after the slavery pathway: cases it counts in words
    speaks_of = frame.follow_up or in_passage
    untabled = bool(frame.measure) and not frame.measure_tabled and speaks_of \
        and frame.asks in ("count", "yes_no")  # "how many officers work on it?", "do the
    # officers wear uniform?" after Op Vigilant, whose words speak of officers
    effect = frame.follow_up and frame.asks == "yes_no" and bool(  # "has it brought crime
        frame.signals.change_cue or frame.signals.direction) and bool(  # down there?": what the
        POINTERS & set(frame.tokens))  # programme did to a figure
    if (context.programme and (frame.follow_up or by_words or untabled or bare_count)
            and (not frame.measure or untabled or effect)
            and not features.glossary_only and (not features.achievement or by_words)):
        features = frame.features.model_copy(update={"achievement": True, "achievement_named": True})
        return frame.model_copy(update={"features": features,
                                        "programme": _sibling(frame, context) or context.programme})
    return frame


def _sibling(frame: Frame, context: Context) -> str | None:
    """"How many of those have been closed?" after the new pathway: the achievement under the
    same heading that holds the follow-up's words (the cases it was used in), not the pathway."""
    best = next((p for p in frame.passages[:1] if p.kind == "achievement"), None)
    if not best or best.id not in context.programme_kin:
        return None
    narrowing = {lemma(u.word)[:ROOT] for u in frame.restrictions}  # a word that would restrict the
    return best.id if narrowing & set(best.held) else None  # programme, which the other says


def _follows_on(frame: Frame, rules: list[IntentRule]) -> bool:
    """A question without a topic can only lean on the last one if it says something more:
    an area, a year, a quarter, a category, a follow-up word, a change quoted ("by about
    500?") or an intent's cue."""
    return bool(frame.areas or frame.periods or frame.relative or frame.quarters
                or any(n.by for n in frame.numbers)
                or frame.signals.others or frame.signals.per
                or frame.categories or frame.excluded_categories or frame.area_op
                or frame.loose_categories
                or frame.follow_up or frame.wants_number
                or (bool(frame.unknown) and all(u.role == "restriction" for u in frame.unknown)
                    and len(frame.content_words) <= 2)  # "under 18s?": the last figure, narrowed
                or any(cue_hits(r, frame.masked) for r in rules if r.id in FOLLOW_ON_INTENTS))


def _figure_slots(intent: str, frame: Frame, context: Context, latest_year: int) -> dict:
    """Take what the question says; take the rest from the conversation when it follows on."""
    asked = intent  # before the conversation's operation is carried over
    kept_table = frame.follow_up and not frame.areas and not frame.periods and bool(
        frame.loose_categories.get(context.measure or "")) and (  # "and modern slavery?": a
        context.by_topic or frame.measure is None)  # part of it; "the repeat rate for CSE?"
    # after CSE victims names the other table
    same_topic = frame.measure is None or frame.measure == context.measure or kept_table
    follows = context.measure is not None and (frame.measure is None or frame.follow_up or (
        (frame.signals.times_asked or frame.signals.adding  # "add the 18-24 group", "how many
         or (len(frame.tokens) <= 2 and frame.categories))  # times bigger is race?": a multiple
        and frame.measure == context.measure))  # needs the other figure, the last one; "faith?"
    # after race victims in Oxford: that part, there
    carried: list[str] = []
    slots: dict = {"measure": frame.measure or context.measure or frame.counted_topic,
                   "carried": carried,
                   "other_measure": frame.second_measure}
    if (intent == "compare_areas" and follows and frame.sharpened and not frame.measure
            and frame.sharpened != context.measure):  # "and what the police recorded?"
        slots["measure"], slots["other_measure"] = frame.sharpened, context.measure
    elif context.by_topic and frame.follow_up and frame.measure not in (None, context.measure) \
            and not (frame.categories or frame.areas or frame.periods):  # "repeat victimisation
        slots["measure"], slots["topic_before"] = context.measure, frame.measure  # for DA", "and
        slots["categories"] = list(frame.loose_categories.get(context.measure, []))  # for hate?"
    elif (named := frame.measure or frame.sharpened) and context.measure not in (None, named) \
            and frame.follow_up and frame.signals.than:  # "how many more cases did the council
        slots["measure"], slots["other_measure"] = named, context.measure  # investigate than
        # that?" after the police's incidents
    elif kept_table:  # "what about CSE victims?" after repeat victims: that table's CSE row
        slots["measure"] = context.measure
    elif follows and not frame.measure and frame.sharpened in context.readings:
        slots["measure"] = frame.sharpened  # "asb oxford", then "what about the council figures?"
    if frame.measure is None and context.measure:
        carried.append("measure")
    if (intent == "lookup" and follows and same_topic and context.intent in CARRIED_INTENTS
            and not (context.intent in ("change", "rank", "trend") and frame.periods)
            and not (context.intent == "rank" and frame.asks == "count")  # "how many was that?"
            and not (context.intent == "compare_areas" and (frame.areas or frame.area_op))):
        intent = context.intent
        carried.append("intent")
    if intent == "total" and frame.signals.share_cue and len(frame.areas) >= 2:  # "combined
        intent = "share"  # victims: Oxfordshire as a share of Thames Valley's combined total?"
    if frame.signals.of_change and len(frame.areas) >= 2 and intent in FIGURE_INTENTS:  # "how
        intent = "share"  # much of the county's rise came from Oxford?": a part of its change
    if frame.signals.points and frame.signals.share_cue and len(frame.areas) >= 2 \
            and frame.categories and intent in FIGURE_INTENTS:  # "the percentage point gap
        intent = "share"  # between race's share of hate crime in Oxford and in Oxfordshire"
    if intent in ("lookup", "compare_areas") and frame.signals.points:  # "how many percentage
        intent = "change"  # points higher?": a gap between two changes
    if frame.signals.quoted_percent is not None and follows and same_topic \
            and context.intent in ("share", "change") and not frame.measure:  # "the plan says
        intent = context.intent  # 28% - does that add up?": the share just worked out, checked
        carried.append("intent")
    if intent == "lookup" and frame.asks == "yes_no" and frame.signals.direction and (
            frame.than_year or len(frame.periods) == 2):  # "higher than in 2017?": a change,
        intent = "change"  # of whole years or of the quarters named
    if intent == "total" and frame.signals.change_cue and len(frame.periods) == 2 \
            and not frame.signals.average:  # "2020 and 2021, plus how much it changed"
        intent = "change"
    if intent == "lookup" and not frame.periods and not frame.quarters \
            and not frame.signals.than and len(frame.categories) < 2 and len(frame.areas) < 2 \
            and ((frame.asks == "yes_no" and frame.signals.direction)
                 or frame.signals.either_way):  # "are domestic abuse
        intent = "trend"  # numbers falling?", "is hate crime rising or falling?"
    if intent == "lookup" and frame.signals.by_percent and frame.signals.direction \
            and frame.asks != "count":  # "crime in Oxford up 10% - the exact figure?": a change
        intent = "change"
    if intent == "lookup" and frame.asks == "count" and len(frame.categories) >= 2 \
            and frame.excluded_categories:  # "how many were A or B rather than C?": A and B
        intent = "total"
    against_last = follows and intent == "change" and frame.asks == "count" \
        and len(frame.areas) == 1 and not frame.periods and not frame.signals.than \
        and len(context.areas) == 1 and frame.areas != context.areas  # "how many more in
    # Oxfordshire?" after Oxford's figure: more than there
    if against_last:
        carried.append("than")
    compared = intent in ("compare_areas", "share") or frame.signals.points or (
        frame.signals.than and frame.follow_up) or against_last  # "how many points higher was
    # that than Thames Valley's?", "is that more than Oxford's rise?": that area and the one
    if (intent == "compare_areas" and follows and same_topic
            and context.intent in ("change", "trend", "share")):  # "how does that compare with X?"
        intent = context.intent
        carried.append("intent")
    slots["intent"] = intent
    if intent == "share" and context.intent == "share" and len(context.areas) == 1 \
            and context.categories and not frame.signals.share_cue:  # "race's share of all
        compared = False  # Oxford's hate crime", then "and for the county?": the county's own
    areas = list(frame.areas)
    area_op = frame.area_op
    if follows and intent == "share" and context.area_op and areas == [context.area_op.whole] \
            and not area_op:  # "minus the city?", then "what share of the county is that?"
        areas = []
    if follows and not areas and not area_op and (context.areas or context.area_op):
        areas, area_op = list(context.areas), context.area_op
        carried.append("areas")
    elif follows and context.areas and compared and not area_op and len(areas) < 2:  # "and
        # Oxfordshire's share of Thames Valley?" names both areas anew
        areas = list(dict.fromkeys(areas + context.areas if against_last  # more there than
                                   else context.areas + areas))  # in the last one
        carried.append("areas")
    if area_op:  # the areas an operation names are its operands, not areas to list
        areas = [a for a in areas if a not in (area_op.whole, area_op.part)]
    slots["areas"], slots["area_op"] = areas, area_op
    slots["periods"] = _periods(frame, context if follows else Context(), latest_year)
    if (follows and frame.relative == "previous" and not frame.periods and context.periods
            and (frame.signals.change_cue or asked == "compare_areas") and not frame.areas
            and intent in ("trend", "change", "lookup", "compare_areas")):
        slots["intent"] = "change"  # "up or down on the year before?", "how does that compare
        slots["periods"] += context.periods[-1:]  # with the year before?": that year to this one
        slots["areas"] = list(context.areas)
    if intent == "lookup" and follows and frame.signals.by_percent and len(slots["periods"]) == 2 \
            and not frame.signals.share_cue:  # "2020 to 2021", then "as a %?": the change
        slots["intent"] = "change"
    if intent == "change" and frame.signals.ranking and "period" in frame.signals.dimensions \
            and not frame.periods:  # "between which two years did it change least?"
        slots["intent"] = "rank"
    if intent == "change" and frame.signals.every_year and len(slots["periods"]) != 2 \
            and not frame.quarters:  # "has it fallen every year since 2018?": each step
        slots["intent"] = "trend"
    if intent == "compare_areas" and len(slots["periods"]) >= 2:  # "2021 vs 2020": a change
        slots["intent"] = "change"
    elif intent == "rank" and frame.area_op and frame.signals.change_cue:  # "did the rest of
        slots["intent"] = "change"  # the county see a bigger jump than Oxford?": both changes
    elif intent == "trend" and len(frame.periods) == 2 and not frame.since and (
            not frame.period_range or frame.signals.by_percent):  # "2021/22 versus 2020/21,
        # up or down?", "year-on-year % change, 2019/20 to 2020/21?": those two years
        slots["intent"] = "change"
    elif (asked == "compare_areas" and follows and len(frame.periods) == 1 and not frame.areas
          and not frame.area_op and context.periods
          and context.periods[-1:] != frame.periods):  # "how does that
        slots["intent"] = "change"  # compare with 2020?": the same figure, the other year
        slots["periods"] = sorted({frame.periods[0], *context.periods[-1:]})
        slots["areas"] = list(context.areas)
    if slots["intent"] == "change" and follows and not frame.periods and context.earlier_periods:
        slots["periods"] = sorted(set(context.earlier_periods[-1:] + context.periods))  # "the
        # difference?": from the year asked just before
    if (slots["intent"] == "change" and follows and len(frame.periods) == 1 and context.periods
            and context.periods[-1] != frame.periods[0]):  # "how much higher than 2020?"
        slots["periods"] = sorted({frame.periods[0], context.periods[-1]})
    if slots["intent"] == "total" and frame.signals.average and follows and not frame.periods \
            and len(context.periods) == 1:  # "2019", "2020", "2021", then "average?": of them all
        slots["periods"] = []
    elif slots["intent"] == "total" and follows and not frame.periods and context.earlier_periods \
            and len(context.periods) == 1 and not frame.categories:  # "2019", "2020?", "2021?",
        slots["periods"] = sorted({*context.earlier_periods, *context.periods})  # "total them"
    elif not frame.periods and not frame.relative and follows and context.periods:
        carried.append("periods")
    if slots["intent"] == "total" and follows and same_topic and frame.signals.adding \
            and frame.periods and context.periods:  # "add the 2020 figure to that"
        slots["periods"] = sorted(set(frame.periods + context.periods))
    slots["quarters"] = list(frame.quarters)
    if not frame.quarters and follows and same_topic and context.quarters \
            and not frame.signals.whole_year:  # "total for the year?": every quarter of it
        run = slots["intent"] == "total" and len(context.quarter_run) > 1  # "Apr-Jun", "Jul-Sep?",
        slots["quarters"] = list(context.quarter_run if run else context.quarters)  # "total?"
        carried.append("quarters")
    if follows and frame.quarter_step and len(context.quarters) == 1 and context.periods:
        slots["periods"], slots["quarters"] = _step_quarter(  # "and the next quarter?"
            context.periods[-1], context.quarters[0], frame.quarter_step)
    slots["categories"] = list(frame.loose_categories[context.measure]) if kept_table else \
        list(frame.categories) or (
            [] if frame.measure else list(frame.loose_categories.get(slots["measure"], [])))
    if slots["intent"] == "total" and follows and same_topic and frame.signals.adding \
            and frame.categories and context.categories:  # "add the 18-24 group"
        slots["categories"] = list(dict.fromkeys(list(context.categories) + slots["categories"]))
    slots["excluded_categories"] = list(frame.excluded_categories)
    if frame.signals.others and follows and same_topic and context.categories:
        slots["categories"], slots["excluded_categories"] = [], list(context.categories)
        carried.append("categories")
    elif frame.signals.times_asked and follows and same_topic and len(dict.fromkeys(
            slots["categories"] + list(context.categories))) == 2:  # "how many times bigger is
        slots["categories"] = list(dict.fromkeys(  # race?" after race and faith, or after
            slots["categories"] + list(context.categories)))  # faith alone: race over faith
        carried.append("categories")
    elif frame.signals.than and follows and same_topic and context.categories and not set(
            slots["categories"]) & set(context.categories):  # "is that more than FGM?"
        slots["categories"] = list(context.categories) + slots["categories"]
        carried.append("categories")
    elif slots["intent"] == "share" and frame.measure == context.measure and context.categories \
            and not frame.categories and len(frame.areas) <= 1:  # "race hate crime oxford", then
        slots["categories"] = list(context.categories)  # "what share of all hate crime victims?"
        carried.append("categories")
    elif frame.measure and frame.follow_up and context.measure not in (None, frame.measure) \
            and not slots["categories"] and slots["measure"] == frame.measure:  # "CSE victims",
        # then "how many were repeat victims?"
        slots["categories"] = list(context.topic_parts.get(frame.measure, []))
        slots["topic_before"] = context.measure
    elif slots["intent"] == "total" and follows and same_topic and not frame.categories \
            and context.earlier_categories:  # "race", "and faith?", "both together?"
        slots["categories"] = list(dict.fromkeys(context.earlier_categories + context.categories))
        carried.append("categories")
    elif not slots["categories"] and not frame.excluded_categories and follows and same_topic \
            and (context.categories or context.excluded_categories) \
            and not frame.features.all_parts \
            and not (slots["intent"] == "rank" and (frame.signals.second or context.intent == "rank")) \
            and not (slots["intent"] == "total" and context.intent == "rank") \
            and "category" not in frame.signals.dimensions:  # "break that down by type", "and
        # the second biggest?", "and smallest?" after the biggest, "add up the total" after
        # which is biggest: all of them
        slots["categories"] = list(context.categories)
        slots["excluded_categories"] = list(context.excluded_categories)
        carried.append("categories")
    return slots


def _step_quarter(period: str, quarter: str, step: int) -> tuple[list, list]:
    """The quarter `step` places on in the financial year's order, into the next or the
    previous year ("2018/19", "jan-mar" +1 is "2019/20", "apr-jun")."""
    at = QUARTERS.index(quarter) + step
    return [financial_year(int(period[:4]) + at // len(QUARTERS))], [QUARTERS[at % len(QUARTERS)]]


def _periods(frame: Frame, context: Context, latest_year: int) -> list[str]:
    """Explicit years, else a year relative to the conversation's ("the year before")."""
    if frame.periods:
        periods = list(frame.periods)
        if frame.relative == "previous" and len(periods) == 1:  # "2021/22 against the year
            start = int(periods[0][:4]) - 1  # before": 2020/21 too
            periods.insert(0, str(start) if periods[0].isdigit() else financial_year(start))
        if (frame.since or frame.than_year) and periods[0].isdigit():
            periods.append(str(latest_year))
        if (frame.period_range or frame.since) and all(p.isdigit() for p in periods):
            periods = [str(y) for y in range(int(periods[0]), int(periods[-1]) + 1)]
        return periods
    if frame.year_step and context.periods:  # "the same quarter two years before that"
        last = context.periods[-1]
        start = int(last[:4]) + frame.year_step
        return [str(start) if last.isdigit() else financial_year(start)]
    if frame.relative == "latest":
        return [str(latest_year)]
    if frame.relative in ("previous", "next") and (context.periods or context.measure):
        step = -1 if frame.relative == "previous" else 1  # of the year asked, else of the
        last = context.periods[-1] if context.periods else str(latest_year)  # latest shown
        if last.isdigit():
            return [str(int(last) + step)]
        start = int(last[:4]) + step
        return [f"{start}/{(start + 1) % 100:02d}"]
    return list(context.periods)
