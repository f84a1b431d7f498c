"""Two topics, or two parts of one table, side by side for one area and year ("which is higher,
hate crime or ASB?", "and what the police recorded?", "more personal than environmental?"),
each figure from its table and the difference worked out."""

from __future__ import annotations

from collections import defaultdict

from . import format as fmt
from . import verdicts
from .answer import Answer, Fact
from .figures import answer_with, measure_title, value_text
from .plans import Plans
from .question import Frame, Match


def compare_measures(scope: Plans, match: Match, frame: Frame) -> Answer:
    measures = [match.measure, match.other_measure]
    if frame.named_first == match.other_measure:  # the verdict is of the one named first
        measures.reverse()
    dims = {m: {c: scope.dimension(m, c) for c in ("area", "period", "category")}
            for m in measures}
    shared_periods = [p for p in dims[measures[0]]["period"] if p in dims[measures[1]]["period"]]
    shared_areas = [a for a in dims[measures[0]]["area"] if a in dims[measures[1]]["area"]
                    and not scope.areas[a].covers]
    areas = match.areas or shared_areas[:1]
    lines, rows = [], []
    for measure in measures:
        held = dims[measure]["period"]
        asked = [p for p in match.periods if p in held]
        period = (asked or [p for p in shared_periods if p in held] or held)[-1:] if held else []
        mine = match.model_copy(update={
            "measure": measure, "other_measure": None, "periods": period,
            "areas": [a for a in areas if a in dims[measure]["area"]] or areas,
            "categories": [c for c in match.categories + frame.loose_categories.get(measure, [])
                           if c in dims[measure]["category"]],
            "excluded_categories": []})
        found = [r for r in scope.select(mine) if r["unit"] != "per cent"]
        rows += found
        label = scope.measures[measure].label
        lines += [f"- {label[:1].upper() + label[1:]}, {scope.describe(r)}: **{value_text(r)}** "
                  f"{r['unit']}" for r in found]
    first = [r for r in rows if r["measure"] == measures[0]]
    second = [r for r in rows if r["measure"] == measures[1]]
    if len(first) == 1 and len(second) == 1:
        a, b = first[0], second[0]
        high, low = (a, b) if a["value"] >= b["value"] else (b, a)
        label = scope.measures[high["measure"]].label
        same = a["period"] == b["period"] and a["area"] == b["area"]
        lines.append(f"{label[:1].upper() + label[1:]} is the higher by "
                     f"**{fmt.number(high['value'] - low['value'])}** ({fmt.number(high['value'])} − "
                     f"{fmt.number(low['value'])})" + ("." if same else
                     ", though the two figures are for different years or areas."))
    lines.insert(0, "Side by side, each from its own table (they count different things):")
    times = frame.signals.multiple is not None or frame.signals.times_asked
    if times and len(first) == 1 and len(second) == 1 and second[0]["value"]:
        verdict, working = verdicts.multiple(first[0]["value"], second[0]["value"],
                                             frame.signals.multiple, frame.signals.fraction_way)
        lines.insert(0, verdict)  # "more than double what the police logged?"
        return answer_with(scope, match, lines, rows, facts=[
            *[scope.fact(r) for r in rows],
            Fact(label="How many times", value=round(first[0]["value"] / second[0]["value"], 2),
                 unit="times", source=scope.fact(first[0]).source, derived=working)])
    if _compared(frame) and len(first) == 1 and len(second) == 1:  # "were there more X
        fewer = frame.signals.lowest or frame.signals.direction == "down"  # than Y?"
        more = first[0]["value"] > second[0]["value"]
        lines.insert(0, "Yes." if more != fewer and first[0]["value"] != second[0]["value"]
                     else "No.")
    return answer_with(scope, match, lines, rows)


def part_against_rest(scope: Plans, match: Match, frame: Frame) -> Answer:
    """'By how many did race exceed the other four strands combined?': one part against the
    others added up, for each area and year, with the working."""
    part, named = match.categories[0], match.categories[1:]  # the others named, else all
    total = scope.measures[match.measure].total_category
    periods = match.periods or scope.dimension(match.measure, "period")[-1:]
    rows = [r for r in scope.select(match.model_copy(update={"periods": periods, "categories": []}),
                                    all_categories=True)
            if r["unit"] != "per cent" and r["category"] != total]
    groups: dict[tuple, list] = defaultdict(list)
    for row in rows:
        groups[(row["area"], row["period"])].append(row)
    name = scope.category(part)
    them = fmt.listing([scope.category(c) for c in named]) if named else "the others"
    lines, facts = [f"{measure_title(scope, match)}: {name} against "
                    f"{them if named else 'the other parts'} together:"], []
    differences = []
    for (area, period), group in groups.items():
        mine = [r for r in group if r["category"] == part]
        others = [r for r in group if r["category"] != part and (not named or r["category"] in named)]
        if not mine or not others:
            continue
        rest = sum(r["value"] for r in others)
        added = " + ".join(fmt.number(r["value"]) for r in others)
        diff = mine[0]["value"] - rest
        where = f"{scope.area(area)}, {period}"
        differences.append(diff)
        lines.append(f"- {where}: {name} **{value_text(mine[0])}**, {them} **{fmt.number(rest)}** "
                     f"({added}); difference **{fmt.signed(diff)}** "
                     f"({fmt.number(mine[0]['value'])} − {fmt.number(rest)})")
        facts += [Fact(label=f"The parts other than {name} ({where})", value=rest,
                       unit=mine[0]["unit"], area=scope.area(area), period=period,
                       source=scope.fact(mine[0]).source, derived=added),
                  Fact(label=f"{name} less the other parts ({where})", value=diff,
                       unit=mine[0]["unit"], area=scope.area(area), period=period,
                       source=scope.fact(mine[0]).source,
                       derived=f"{fmt.number(mine[0]['value'])} − {fmt.number(rest)}")]
    if not facts:
        raise scope.refuse(f"The plan does not give {name} beside the other parts of "
                           f"{scope.measures[match.measure].label}.", match)
    if _compared(frame):  # "is it more than the others combined?": the answer first
        fewer = frame.signals.lowest or frame.signals.direction == "down"
        held = [d < 0 if fewer else d > 0 for d in differences]
        lines.insert(0, "Yes." if all(held) else "No." if not any(held) else "It differs by area:")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def compare_categories(scope: Plans, match: Match, frame: Frame) -> Answer:
    """'How many more personal than environmental?', 'is disablist more common than
    homophobic?': two parts of one table for the same area and year, the difference worked out."""
    first, second = match.categories[:2]
    periods = match.periods or scope.dimension(match.measure, "period")[-1:]
    found = scope.select(match.model_copy(update={"periods": periods, "categories": [first, second]}))
    rows = [r for r in found if r["unit"] != "per cent"] or found  # rates, when that is all
    pairs: dict[tuple, dict[str, object]] = defaultdict(dict)
    for row in rows:
        pairs[(row["area"], row["period"], row["quarter"])][row["category"]] = row
    names = scope.category(first), scope.category(second)
    lines = [f"{measure_title(scope, match)}: {names[0]} against {names[1]}:"]
    facts, differences = [], []
    for pair in pairs.values():
        if first not in pair or second not in pair:
            continue
        a, b = pair[first], pair[second]
        diff = a["value"] - b["value"]
        working = f"{fmt.number(a['value'])} − {fmt.number(b['value'])}"
        where = f"{scope.area(a['area'])}, {scope.when(a)}"
        points = " percentage points" if a["unit"] == "per cent" else ""
        lines.append(f"- {where}: {names[0]} **{value_text(a)}**, {names[1]} **{value_text(b)}**; "
                     f"difference **{fmt.signed(diff)}**{points} ({working})")
        facts.append(Fact(label=f"{names[0]} less {names[1]} ({where})", value=diff,
                          unit=a["unit"], area=scope.area(a["area"]), period=a["period"],
                          source=scope.fact(a).source, derived=working))
        differences.append(diff)
        if (frame.signals.multiple or frame.signals.times_asked) and b["value"]:  # "more than
            # twice as many personal?", "how many times more?"
            verdict, working = verdicts.multiple(a["value"], b["value"], frame.signals.multiple,
                                                 frame.signals.fraction_way, names)
            lines.append(f"  {verdict}" if len(pairs) > 1 else verdict)
            facts.append(Fact(label=f"{names[0]} as a multiple of {names[1]} ({where})",
                              value=round(a["value"] / b["value"], 2), unit="times",
                              area=scope.area(a["area"]), period=a["period"],
                              source=scope.fact(a).source, derived=working))
    if not facts:
        raise scope.refuse(f"The plan does not give {names[0]} and {names[1]} for the same area "
                           f"and year, so it cannot compare them.", match)
    if (frame.signals.multiple or frame.signals.times_asked) and len(pairs) == 1 \
            and facts[-1].unit == "times":
        lines.insert(0, lines.pop())  # the one yes or no first
    if _compared(frame) and not frame.signals.multiple:  # "is X more than Y?" (or "fewer
        fewer = frame.signals.lowest or frame.signals.direction == "down"  # than"): the answer
        held = [d < 0 if fewer else d > 0 for d in differences]  # first
        lines.insert(0, "Yes." if all(held) else "No." if not any(held)
                     else "It differs by area:")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def _compared(frame: Frame) -> bool:
    """A yes or no that sets one against the other ("were there more X than Y?"); not a claim
    of their figures ("race 420, faith 40 - right?"), which is checked against them."""
    return frame.asks == "yes_no" and (frame.signals.than or frame.signals.ranking)
