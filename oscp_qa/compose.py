"""Stage four: turn a Match into an Answer, through a registry keyed by intent."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import breakdowns, figures, limits, quarters, remainders, side_by_side, texts, verdicts
from . import format as fmt
from .answer import Answer, Status
from .intents import FIGURE_INTENTS
from .normalise import count_said
from .plans import Plans, Refusal
from .question import Frame, Match

LIST_OR_INDENTED = re.compile(r"\s|[-*+] |\d+[.)] ")
Composer = Callable[[Plans, Match, Frame], Answer]

COMPOSERS: dict[str, Composer] = {
    "lookup": figures.lookup,
    "compare_areas": figures.compare_areas,
    "change": figures.change,
    "trend": figures.trend,
    "share": breakdowns.share,
    "rank": breakdowns.rank,
    "total": breakdowns.total,
    "method": texts.method,
    "why": texts.why,
    "priorities": texts.priorities,
    "achievement": texts.achievement,
    "achievements": texts.achievements,
    "glossary": texts.glossary,
    "duties": texts.duties,
    "about": texts.about,
    "work_on": texts.work_on,
    "summary": texts.summary,
    "search": texts.search,
    "clarify": texts.clarify,
}


def _printed_quoted(scope: Plans, match: Match, frame: Frame) -> bool:
    """"What does the +124 refer to?": a change the table prints, quoted to be explained."""
    return bool(match.measure and frame.numbers and frame.signals.refers) and any(
        abs(abs(r["value"]) - n.value) < 0.005 for stat in ("printed_change", "printed_change_pct")
        for r in scope.figures(match.measure, stat) for n in frame.numbers)


def _words_only_other_ask(scope: Plans, match: Match, frame: Frame) -> bool:
    """"Is the severity score just a count?": a yes or no about a chart the text describes in
    words only, asked of something other than its way."""
    return (match.intent == "lookup" and frame.asks == "yes_no" and not frame.signals.direction
            and _directions_only(scope, match.measure))


def _words_only(scope: Plans, match: Match, frame: Frame) -> bool:
    """A chart the text describes in words only: every figure intent gets its direction."""
    return match.intent in FIGURE_INTENTS and _directions_only(scope, match.measure)


def _two_measures(scope: Plans, match: Match, frame: Frame) -> bool:
    """"How many more X than Y?": two topics, each from its own table."""
    return (match.intent in ("compare_areas", "rank") or (
        match.intent in ("change", "lookup", "trend") and frame.signals.than)) \
        and bool(match.other_measure) and match.other_measure != match.measure


def _calendar(scope: Plans, match: Match, frame: Frame) -> bool:
    """"Calendar year 2020" of a table in financial-year quarters."""
    return match.intent in ("total", "lookup") and frame.signals.calendar \
        and bool(scope.dimension(match.measure, "quarter"))


def _part_against_rest(scope: Plans, match: Match, frame: Frame) -> bool:
    """"Did race exceed the other four strands combined?", "the gap between race and all the
    other strands" (of parts that do not overlap); "is HBV more than FGM and forced marriage
    combined?" (the parts named, added up as a total of them would be)."""
    if match.intent not in FIGURE_INTENTS:
        return False
    named = frame.signals.than and len(match.categories) >= 3 and not match.excluded_categories
    return named or (frame.signals.others and (frame.signals.than or frame.signals.spread)
                     and len(match.categories) == 1 and scope.measures[match.measure].summable)


def _rest_of_area(scope: Plans, match: Match, frame: Frame) -> bool:
    """"Oxfordshire outside Oxford", "the rest of the county"."""
    return match.intent in FIGURE_INTENTS and match.area_op is not None


def _two_areas_apart(scope: Plans, match: Match, frame: Frame) -> bool:
    """"How many more in A than in B?", "how many times more in A?" (not "did it rise faster
    in A?")."""
    times = frame.signals.multiple is not None or frame.signals.times_asked  # "ten times?"
    return (match.intent == "change" or (match.intent == "compare_areas" and times)) \
        and len(match.areas) == 2 and len(match.periods) <= 1 and (
        ((frame.signals.than or "than" in match.carried)
         and (times or not frame.signals.direction or frame.signals.level_only))
        or len(scope.dimension(match.measure, "period")) < 2)


def _years_of_quarters(scope: Plans, match: Match, frame: Frame) -> bool:
    """Years of a quarterly table compared by their totals."""
    return match.intent == "change" and len(match.quarters) != 1 \
        and bool(scope.dimension(match.measure, "quarter"))


def _complement(scope: Plans, match: Match, frame: Frame) -> bool:
    """"Hate crime other than race": the parts left after those taken out."""
    return match.intent in ("lookup", "total", "compare_areas") \
        and bool(match.excluded_categories) and not match.categories


def _two_parts(scope: Plans, match: Match, frame: Frame) -> bool:
    """Two categories of one table set against each other in one area: "how many more
    personal than environmental?", "is disablist more common than homophobic?"."""
    return (len(match.categories) == 2 and len(match.areas) <= 1 and not match.quarters
            and not match.area_op
            and (match.intent in ("change", "compare_areas") or (
                match.intent in ("rank", "lookup")  # "the gap between personal and
                and (frame.asks == "yes_no" or frame.signals.times_asked  # environmental"
                     or frame.signals.spread)))
            and (frame.signals.than or frame.asks == "yes_no" or frame.signals.times_asked
                 or len(scope.dimension(match.measure, "period")) < 2))


# Operations over sets that take a question from its intent's composer: the first that fits.
OPERATIONS: list[tuple[Callable[[Plans, Match, Frame], bool], Composer]] = [
    (_printed_quoted, figures.printed_quoted),
    (_words_only_other_ask, texts.method),
    (_words_only, figures.direction),
    (_two_measures, side_by_side.compare_measures),
    (_calendar, quarters.calendar_total),
    (_part_against_rest, side_by_side.part_against_rest),
    (_two_parts, side_by_side.compare_categories),
    (_rest_of_area, remainders.remainder),
    (_two_areas_apart, remainders.difference),
    (_years_of_quarters, quarters.change_of_totals),
    (_complement, breakdowns.complement),
]


def _as_the_table_counts_years(scope: Plans, match: Match) -> Match:
    """"2020-21" of a table in calendar years is 2020 to 2021 when it has both years."""
    held = scope.dimension(match.measure, "period") if match.measure in scope.measures else []
    if not held or any("/" in p for p in held):
        return match
    periods: list[str] = []
    for period in match.periods:
        start = period.partition("/")[0]
        both = [start, str(int(start) + 1)] if "/" in period else [period]
        periods += both if all(p in held for p in both) else [period]
    return match.model_copy(update={"periods": list(dict.fromkeys(periods))})


def compose(scope: Plans, match: Match, frame: Frame) -> tuple[Answer, Match]:
    """The answer, and the match it was made from (another reading may have answered)."""
    match = _as_the_table_counts_years(scope, match)
    composer = next((c for fits, c in OPERATIONS if fits(scope, match, frame)),
                    COMPOSERS[match.intent])
    try:
        answer = composer(scope, match, frame)
    except Refusal as refusal:
        answer, match = _other_reading(scope, composer, match, frame, refusal) or (refusal.answer, match)
        if answer.status == Status.no_answer and match.measure:  # where such figures are published
            later = any(p > max(scope.dimension(match.measure, "period"),
                                default="") for p in match.periods)
            answer.text = "\n\n".join([answer.text, *limits.pointers(
                scope, [match.measure] + (["later_year"] if later else []))])
    if answer.status == Status.no_answer and match.intent == "work_on" and frame.measure_tabled:
        answer, match = _figures_instead(scope, match, frame) or (answer, match)
    verdict = _claim_checked(scope, frame, match, answer) \
        if (frame.signals.checking or frame.asks == "yes_no") and answer.status == Status.answered \
        and not answer.text.lstrip("*").startswith(("Yes", "No", "Roughly", "Partly")) else None
    if verdict:  # "I have a note saying 44 and 188 - correct?"
        answer.text = f"{verdict}\n\n{answer.text}"
    elif unchecked := _unchecked_claim(scope, frame, answer):
        answer = answer.model_copy(update={
            "status": Status.no_answer,
            "text": f"The plan gives no figure to check {fmt.listing(unchecked)} against: it "
                    f"does not count that.\n\n{answer.text}"})
    if frame.asks == "money" and answer.status == Status.answered and "£" not in answer.text:
        answer = answer.model_copy(update={  # "which duty gets the biggest share of the budget?"
            "status": Status.no_answer,  # answered by a text naming no sum is not answered
            "text": f"The plan gives no sum of money for that.\n\n{answer.text}"})
    if not answer.suggestions and answer.status == Status.answered:
        answer.suggestions = suggest(scope, match, answer)
    if len(scope.all) > 1 and answer.status == Status.answered and answer.plan not in answer.text:
        answer.text += f"\n\nFrom the {answer.plan}."  # which of the plans it is
    answer.text = paragraphs(answer.text)
    return answer, match


def _figures_instead(scope: Plans, match: Match, frame: Frame) -> tuple[Answer, Match] | None:
    """"What does the plan say about shoplifting?": no work on it, but its figures."""
    figures_match = match.model_copy(update={"intent": "lookup", "measure": frame.measure,
                                             "categories": frame.categories})
    composer = next((c for fits, c in OPERATIONS if fits(scope, figures_match, frame)),
                    COMPOSERS["lookup"])
    try:
        told = composer(scope, figures_match, frame)
    except Refusal:
        return None
    return (told, figures_match) if told.status == Status.answered else None


def _claim_checked(scope: Plans, frame: Frame, match: Match, answer: Answer) -> str | None:
    """Yes or no to the numbers a claim quotes ("Oxford had 1,917 offences in 2021 - correct?"),
    against the figures the answer gives: a programme's are read from its key facts."""
    years = {float(p[:4]) for p in match.periods}
    quoted = [(n.value, n.way) for n in frame.numbers
              if n.kind in ("count", "percent", "money") and n.value not in years]
    percent = any(n.kind == "percent" for n in frame.numbers)
    shown = [v for f in answer.facts if (f.unit == "per cent") == percent
             for v in _values(f.value) if v not in years]
    kind, _, programme = answer.subject.partition(":")
    money = any(n.kind == "money" for n in frame.numbers)
    if kind == "achievement" and not shown:  # "made 48 recommendations - correct?": its count
        _, facts = scope.programme_facts(programme, {"sum"} if money else {"count"})  # or sum
        shown = [v for f in facts or scope.plan.achievement_facts(programme)
                 for v in _values(f["value"])]
    return verdicts.quoted_figures(quoted, shown, "%" if percent else "", "£" if money else "")


def _unchecked_claim(scope: Plans, frame: Frame, answer: Answer) -> list[str]:
    """"Op Beaming II took 50 knives off the streets - correct?": the counts claimed of a
    programme whose words give no count to set against them."""
    if answer.status != Status.answered or not answer.subject.startswith("achievement:") \
            or not (frame.signals.checking or frame.asks == "yes_no"):
        return []
    counting = scope.language.settings.counting_numbers_up_to
    return [n.text for n in frame.numbers if n.kind == "count" and n.value > counting]


def _values(value: float | str) -> list[float]:
    """A figure, or the counts a programme's fact states in figures or words ("four cases")."""
    if isinstance(value, float | int):
        return [float(value)]
    found = count_said(value)  # "£426,000", "48 recommendations", "four cases"
    return [float(found)] if found is not None else []


def paragraphs(text: str) -> str:
    """The answer's lines as Markdown will show them: a plain line straight after another line
    would join it (or join the list item above), so it becomes a paragraph of its own; list
    items and indented lines stay as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip() and not LIST_OR_INDENTED.match(line) and out and out[-1].strip():
            out.append("")
        out.append(line)
    return "\n".join(out)


def _other_reading(scope: Plans, composer: Composer, match: Match, frame: Frame,
                   refusal: Refusal) -> tuple[Answer, Match] | None:
    """When the topic words fit another measure as well ("ASB": the police's incidents, 2021
    only, or the council's cases, 2019 to 2021), answer from the one that has what was asked,
    saying so."""
    if match.intent not in FIGURE_INTENTS or frame.measure != match.measure \
            or frame.sharpened == match.measure:  # "police-recorded ASB": no other reading
        return None
    for other in frame.alternatives:
        reading = match.model_copy(update={"measure": other})
        try:
            answer = composer(scope, reading, frame)
        except Refusal:
            continue
        if answer.status == Status.answered:
            answer.text = (f"{refusal.answer.text}\n\nIt does give "
                           f"{scope.measures[other].label}:\n\n{answer.text}")
            return answer, reading
    return None


def _directions_only(scope: Plans, measure: str | None) -> bool:
    """A chart the text describes in words only."""
    return bool(measure) and bool(scope.directions(measure)) \
        and not scope.dimension(measure, "period")


def suggest(scope: Plans, match: Match, answer: Answer) -> list[str]:
    """Follow-up questions that the plan can answer, phrased as a person would ask them."""
    if not match.measure or match.measure not in scope.measures:
        return scope.plan.info.examples[:2]
    label = scope.measures[match.measure].label
    periods = scope.dimension(match.measure, "period")
    areas = [a for a in scope.dimension(match.measure, "area")
             if not scope.areas[a].covers]
    found = []
    if len({f.area for f in answer.facts if f.area}) < 2 and len(areas) > 1:  # not shown already
        found.append(f"Compare {label} across areas")
    if match.intent not in ("change", "trend") and len(periods) > 1 and "/" not in periods[0]:
        found.append(f"How did {label} change from {periods[-2]} to {periods[-1]}?")
    if match.intent != "method":
        found.append(f"What do the figures for {label} include?")
    return found[:3]
