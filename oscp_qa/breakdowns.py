"""Answers that work across a breakdown: a share of a whole, a ranking, a total."""

from __future__ import annotations

import sqlite3
from itertools import pairwise

from . import format as fmt
from . import verdicts
from .answer import Answer, Fact
from .figures import (
    answer_with,
    bar_chart,
    lookup,
    measure_title,
    printed_change,
    unit_text,
    value_text,
    years_to_compare,
)
from .plans import Plans
from .quarters import grand_total
from .question import Frame, Match


def _whole(scope: Plans, match: Match, area: str, period: str, categories: list[str]):
    """An area's figure for the parts named, added up ("homophobic or transphobic"), or with
    none named the total a share is of: the printed total, or the sum of the parts."""
    measure = scope.measures[match.measure]
    if not categories and measure.total_category:
        categories = [measure.total_category]
    rows = scope.figures(measure.id, area=[area], period=[period],
                         **({"category": categories} if categories else {}))
    if not rows or (categories and len(rows) < len(categories)):
        return None
    if len(rows) > 1 and not measure.summable and not categories:
        return None
    total = sum(r["value"] for r in rows)
    arithmetic = " + ".join(fmt.number(r["value"]) for r in rows)
    return total, f"{fmt.number(total)} ({arithmetic})" if len(rows) > 1 else fmt.number(total), rows


def share(scope: Plans, match: Match, frame: Frame) -> Answer:
    measure = scope.measures[match.measure]
    if measure.unit == "per cent":  # the plan's figures are already shares
        return lookup(scope, match, frame)
    held = scope.dimension(measure.id, "period")
    periods = sorted(match.periods) or held[-1:]
    if not periods:
        scope.select(match)  # says what the plan lacks
    over_time = len(held) > 1 and (frame.since or frame.signals.change_cue or len(periods) > 1
                                   or frame.signals.every_year or "period" in frame.signals.dimensions)
    if frame.signals.fraction is not None and not frame.since and len(periods) < 2:
        over_time = False  # "is Oxford more than 10 per cent of it?": this year's share
    parts = match.categories or scope.dimension(measure.id, "category")
    if frame.signals.ranking and len(parts) > 1 and len(match.areas) == 1 or (
            frame.signals.ranking and len(match.areas) >= 2 and len(parts) > 1):
        return _rank_shares(scope, match, frame, periods[-1], parts)  # "for which strand ...?"
    if len(match.areas) >= 2 and match.categories and (
            frame.signals.each_area or frame.signals.points  # "community ASB as a share of the
            or (frame.signals.ranking and len(match.categories) == 1)):  # total in each", "which
        return _shares_of_each(scope, match, frame, periods[-1])  # area had the highest
    # proportion of personal ASB?"
    earlier = [p for p in held if p < periods[-1]]
    if frame.signals.of_change and earlier and len(match.areas) >= 2:  # "of the 4,624 extra in
        return _share_of_change(scope, match, earlier[-1], periods[-1])  # the county, the city's?"
    if not over_time:
        lines, rows, fact, *_ = _share_in(scope, match, periods[-1])
        if frame.signals.quoted_percent is not None:  # "the plan says 28%, does it add up?"
            lines.insert(0, verdicts.quoted_share(frame.signals.quoted_percent, fact.value,
                                                     frame.percent_way))
        elif frame.asks == "yes_no" and frame.signals.fraction is not None:
            lines.insert(0, verdicts.fraction(fact.value, frame.signals.fraction,
                                              frame.signals.fraction_way))
        return answer_with(scope, match, lines, rows, facts=[fact] + [scope.fact(r) for r in rows])
    span = held if not match.periods else [p for p in held if p >= periods[0]] \
        if frame.since or len(periods) == 1 else [p for p in held if periods[0] <= p <= periods[-1]]
    lines, rows, facts = [], [], []
    for period in span:  # "has Oxford's share shrunk since 2017?": the share each year
        found = _share_in(scope, match, period)
        lines.append(f"- {period}: **{fmt.percent(found[2].value)}** ({found[2].derived})")
        rows += found[1]
        facts.append(found[2])
    first, last = facts[0], facts[-1]
    low = min(facts, key=lambda f: f.value)
    lines.insert(0, f"{found[3]}, {span[0]} to {span[-1]}:")
    moved = last.value - first.value
    if frame.asks == "yes_no" and frame.signals.direction:  # "has it shrunk?": the answer first
        held_way = moved < 0 if frame.signals.direction == "down" else moved > 0
        lines.insert(0, "Yes." if held_way else "No.")
    elif frame.signals.ranking:  # "which year was it lowest?"
        end = low if frame.signals.lowest else max(facts, key=lambda f: f.value)
        lines.insert(0, f"{'Lowest' if frame.signals.lowest else 'Highest'}: **{end.period}**, "
                        f"{fmt.percent(end.value)}.")
    went = "rose" if moved > 0 else "fell" if moved < 0 else "was unchanged"
    lines.append(f"From {first.period} to {last.period} the share {went}, from "
                 f"{fmt.percent(first.value)} to {fmt.percent(last.value)}; it was lowest in "
                 f"{low.period}.")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def _shares_of_each(scope: Plans, match: Match, frame: Frame, period: str) -> Answer:
    """A part's share of each area's own total, area by area, and the gap between them in
    percentage points: "is personal ASB a bigger slice of the total in Oxford or Oxfordshire?"."""
    lines, rows, facts, exact = [], [], [], []
    for area in match.areas:
        found = _share_in(scope, match.model_copy(update={"areas": [area]}), period)
        lines += found[0]
        rows += found[1]
        facts.append(found[2])
        exact.append(found[4])
    if len(facts) == 2:
        first, names = facts[0], [scope.area(x) for x in match.areas]
        gap = round(exact[0] - exact[1], 2)  # from the shares unrounded, shown to three places
        bigger = names[0] if gap > 0 else names[1]
        lines.append(f"The gap is **{fmt.number(abs(gap))} percentage points** ({exact[0]:.3f} "
                     f"− {exact[1]:.3f}); the share is bigger in {bigger}."
                     if gap else "The shares are the same.")
        facts.append(Fact(label=f"Gap between the shares, {names[0]} less {names[1]}", value=gap,
                          unit="percentage points", period=period, source=first.source,
                          derived=f"{exact[0]:.3f} − {exact[1]:.3f}"))
    if frame.signals.ranking:  # "which area had the highest proportion?"
        pick = min if frame.signals.lowest else max
        top = pick(range(len(exact)), key=lambda i: exact[i])
        lines.insert(0, f"{'Lowest' if frame.signals.lowest else 'Highest'}: "
                        f"**{scope.area(match.areas[top])}**, {fmt.percent(exact[top])}.")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def _rank_shares(scope: Plans, match: Match, frame: Frame, period: str,
                 parts: list[str]) -> Answer:
    """'For which strand is Oxfordshire the biggest share of Thames Valley?': each part's share,
    worked out, highest first (lowest first if asked)."""
    found = []
    for part in parts:
        if part == scope.measures[match.measure].total_category:
            continue
        lines, rows, fact, *_ = _share_in(scope, match.model_copy(update={"categories": [part]}),
                                         period)
        found.append((fact, lines[0], rows, part))
    found.sort(key=lambda f: f[0].value, reverse=not frame.signals.lowest)
    best, _, _, part = found[0]
    lines = [f"{'Lowest' if frame.signals.lowest else 'Highest'}: **{scope.category(part)}**, "
             f"{fmt.percent(best.value)}."] + [f"- {line}" for _, line, _, _ in found]
    return answer_with(scope, match, lines, [r for _, _, rows, _ in found for r in rows],
                       facts=[f for f, *_ in found])


def _share_of_change(scope: Plans, match: Match, start: str, end: str) -> Answer:
    """One area's part of a wider area's change between two years, with the working."""
    part_area = max(match.areas, key=lambda a: _depth(scope, a))
    whole_area = next((a for a in match.areas if a != part_area), None) \
        or scope.areas[part_area].parent
    found = {(area, period): _whole(scope, match, area, period, list(match.categories))
             for area in (part_area, whole_area) for period in (start, end)}
    if not all(found.values()):
        raise scope.refuse(f"The plan does not give the figures needed for that share of "
                           f"{scope.measures[match.measure].label}.", match)
    part = found[(part_area, end)][0] - found[(part_area, start)][0]
    whole = found[(whole_area, end)][0] - found[(whole_area, start)][0]
    if not whole:
        raise scope.refuse(f"{scope.area(whole_area)} did not change from {start} to {end}.",
                           match)
    pct = part / whole * 100
    name, wide = scope.area(part_area), scope.area(whole_area)
    lines = [f"{name} accounts for **{fmt.percent(pct)}** of {wide}'s change in "
             f"{measure_title(scope, match).lower()} from {start} to {end}: {fmt.signed(part)} of "
             f"{fmt.signed(whole)} ({fmt.signed(part)} ÷ {fmt.signed(whole)} × 100 = {pct:.2f}).",
             f"- {name}: {fmt.number(found[(part_area, start)][0])} → "
             f"{fmt.number(found[(part_area, end)][0])}",
             f"- {wide}: {fmt.number(found[(whole_area, start)][0])} → "
             f"{fmt.number(found[(whole_area, end)][0])}"]
    rows = [r for value in found.values() for r in value[2]]
    return answer_with(scope, match, lines, rows)


def _share_in(scope: Plans, match: Match, period: str) -> tuple[list[str], list, Fact, str, float]:
    """One area's or category's share of its whole in one year, with the working, a title
    for a run of years, and the share unrounded (for a gap between two shares)."""
    measure = scope.measures[match.measure]
    scope.select(match.model_copy(update={"periods": [period]}), all_categories=True)
    categories = list(match.categories)
    category = fmt.listing([scope.category(c) for c in categories]) if categories else None
    if len(match.areas) >= 2 or (match.areas and not category):
        part_area = max(match.areas, key=lambda a: _depth(scope, a))
        whole_area = next((a for a in match.areas if a != part_area), None) \
            or scope.areas[part_area].parent
        part = _whole(scope, match, part_area, period, categories)
        whole = _whole(scope, match, whole_area, period, categories) if whole_area else None
        what = f"{category + ' ' if category else ''}{measure.label}"
        part_label, whole_label = scope.area(part_area), scope.area(whole_area)
    else:
        area = match.areas[0] if match.areas else scope.plan.info.home_area
        part_area = area
        if not category:
            raise scope.refuse("A share of what? Name a category or two areas, for example "
                               f"“what share of Oxfordshire's {measure.label} is in Oxford?”", match)
        part = _whole(scope, match, area, period, categories)
        whole = _whole(scope, match, area, period, [])
        what = measure.label
        part_label = f"{category} in {scope.area(area)}"
        whole_label = f"all of {scope.area(area)}'s"
        whole_area = area
    if not part or not whole:
        raise scope.refuse(f"The plan does not give the figures needed for that share of "
                           f"{measure.label}.", match)
    pct = part[0] / whole[0] * 100
    lines = [f"{part_label[:1].upper()}{part_label[1:]} accounts for **{fmt.percent(pct)}** of "
             f"{whole_label} {what} in {period} ({part[1]} of {whole[1]}: "
             f"{fmt.number(part[0])} ÷ {fmt.number(whole[0])} × 100 = {pct:.2f})."]
    printed = [r for r in scope.figures(measure.id, "printed_share_pct",
                                             period=[period], area=[part_area])
               if scope.areas[r["area"]].parent == whole_area and not category]
    for row in printed:
        lines.append(f"{scope.the_plan(row)} says {fmt.number(row['value'])} per cent; worked out from the "
                     f"table it is {fmt.percent(pct)}, which rounds to {round(pct)}%.")
    rows = part[2] + whole[2] + list(printed)
    fact = Fact(label=f"Share: {part_label} of {whole_label} {what}", value=round(pct, 2),
                unit="per cent", area=scope.area(whole_area), period=period,
                source=scope.fact(part[2][0]).source,
                derived=f"{fmt.number(part[0])} ÷ {fmt.number(whole[0])} × 100")
    return lines, rows, fact, f"{part_label}'s share of {whole_label} {what}", pct


def _depth(scope: Plans, area: str) -> int:
    depth = 0
    while scope.areas[area].parent:
        area, depth = scope.areas[area].parent, depth + 1
    return depth


def _dimension(scope: Plans, match: Match, frame: Frame) -> str:
    """What a ranking ranks: as the question says it, where the measure has it."""
    has_categories = bool(scope.dimension(match.measure, "category"))
    said = [d for d in frame.signals.dimensions if d != "category" or has_categories]
    if "quarter" in said or (match.quarters == [] and any("/" in p for p in match.periods)):
        return "quarter"
    if said:
        return said[0]
    claimed_part = has_categories and len(match.categories) == 1 and frame.asks == "yes_no" \
        and not frame.periods and not frame.quarters  # "is race the biggest strand?": the one
    # named against the others, in each area named
    if len(match.areas) >= 2 and not claimed_part:  # "of the city, the county and Thames
        return "area"  # Valley, which rose most?"
    if has_categories and (len(match.categories) != 1 or (  # "is race the biggest strand?":
            frame.asks == "yes_no" and not frame.periods and not frame.quarters)):  # the one
        return "category"  # named against the others
    several_areas = len(scope.dimension(match.measure, "area")) > 1  # the council's cases are
    return "area" if not match.areas and several_areas else "period"  # Oxford's alone


def rank(scope: Plans, match: Match, frame: Frame) -> Answer:
    if frame.signals.share_cue:  # "which year was Oxford's share lowest?": shares ranked
        return share(scope, match, frame)
    dimension = _dimension(scope, match, frame)
    measure = scope.measures[match.measure]
    open_ = {"area": {"areas": []} if len(match.areas) < 2 else {},
             "category": {"categories": []} if len(match.categories) < 2 else {},
             "period": {"periods": []}, "quarter": {"quarters": []}}[dimension]
    if dimension != "period" and not match.periods and dimension != "quarter":
        open_["periods"] = scope.dimension(measure.id, "period")[-1:]
    rows = scope.select(match.model_copy(update=open_), all_categories=True)
    rows = [r for r in rows if (r["category"] is None or r["category"] != measure.total_category)
            and r["category"] not in match.excluded_categories
            and not (dimension == "area" and scope.areas[r["area"]].covers)]
    if dimension == "area" and frame.signals.change_cue:
        return _rank_change(scope, match, frame)
    if dimension == "category" and frame.signals.change_cue:  # "which strand rose most?"
        years_to_compare(scope, match)  # refuses when the plan gives one year only
    if dimension == "period" and frame.signals.change_cue and not match.quarters:
        return _rank_steps(scope, match, frame, rows)
    lowest = frame.signals.lowest
    if dimension == "area" and measure.summable and not match.categories:
        return _rank_area_totals(scope, match, rows, lowest)
    if dimension == "period" and any(r["quarter"] for r in rows) and not match.quarters:
        return _rank_years_of_quarters(scope, match, frame, rows)
    if dimension == "period" and len({(r["area"], r["category"]) for r in rows}) > 1:
        return _rank_within(scope, match, frame, rows, dimension)
    if dimension == "quarter" and (frame.signals.every_year or frame.quarters) \
            and len({r["period"] for r in rows}) > 1:  # "always the busiest quarter?"
        return _rank_within(scope, match, frame, rows, dimension)
    if dimension == "category" and len(match.areas) >= 2:  # "fewest in each area alike?"
        return _rank_within(scope, match, frame, rows, dimension)
    ordered = sorted(rows, key=lambda r: r["value"], reverse=not lowest)
    key = {"area": lambda r: scope.area(r["area"]), "category": lambda r: scope.category(r["category"]),
           "period": lambda r: scope.when(r), "quarter": lambda r: scope.when(r)}[dimension]
    position = 1 if frame.signals.second else 0
    if len(ordered) <= position:
        raise scope.refuse("There are not enough figures to rank.", match)
    top = ordered[position]
    word = "lowest" if lowest else "highest"
    if position:
        word = "second " + word
    if match.excluded_categories:
        word += " after " + fmt.listing([scope.category(c) for c in match.excluded_categories])
    lines = [f"{measure_title(scope, match)}: the {word} {dimension} is **{key(top)}** with "
             f"**{value_text(top)}**{unit_text(top)} ({scope.describe(top)})."]
    lines.append("In order: " + "; ".join(f"{key(r)} {value_text(r)}" for r in ordered) + ".")
    claimed = _claimed(match, dimension, ordered) if frame.asks == "yes_no" else None
    if claimed is None and frame.asks == "yes_no" and dimension == "period" \
            and len({r["period"] for r in ordered}) == len(ordered):  # "is it at a five-year
        claimed = max(ordered, key=lambda r: r["period"])  # high?": the latest year is claimed
    if claimed is not None:  # "was July to September 2020/21 the highest quarter?"
        named = key(claimed)
        lines.insert(0, "**Yes.**" if claimed is top else f"**No.** {named[:1].upper()}"
                                                          f"{named[1:]} had {value_text(claimed)}.")
    if frame.signals.spread and len(ordered) > 1:  # "the gap between the highest and lowest"
        high, low = max(ordered, key=lambda r: r["value"]), min(ordered, key=lambda r: r["value"])
        lines.append(f"The gap between the highest ({key(high)}) and the lowest ({key(low)}) is "
                     f"**{fmt.number(high['value'] - low['value'])}** ({fmt.number(high['value'])} "
                     f"− {fmt.number(low['value'])}).")
    chart = bar_chart(scope, f"{measure_title(scope, match)} by {dimension}", ordered, key,
                      dimension.capitalize())
    answer = answer_with(scope, match, lines, ordered, chart=chart)
    if dimension in ("area", "category"):  # "what percent of the total was that?": the top one
        answer.subject = f"{dimension}:{top[dimension]}"
    return answer


def _claimed(match: Match, dimension: str, ordered: list) -> sqlite3.Row | None:
    """The one ranked figure the question names as the top one ("was 2021 the lowest?"); of
    several, the first named ("peaked in 2020 over 2017 to 2021?")."""
    named = {"area": match.areas, "category": match.categories,
             "period": match.periods, "quarter": match.quarters}
    asked = [d for d in ("area", "category", "period", "quarter") if d == dimension
             or (dimension in ("period", "quarter") and d in ("period", "quarter"))]
    if not any(named[d] for d in asked):
        return None
    rows = [r for r in ordered if all(not named[d] or r[d] in named[d] for d in asked)]
    if len(rows) > 1 and dimension in ("period", "quarter"):
        first = named[dimension][0] if named[dimension] else None
        rows = [r for r in rows if r[dimension] == first]
    return rows[0] if len(rows) == 1 else None


def _rank_area_totals(scope: Plans, match: Match, rows: list[sqlite3.Row], lowest: bool) -> Answer:
    """Areas ranked by the sum of their parts, where the plan prints no total."""
    totals: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        totals.setdefault(row["area"], []).append(row)
    ordered = sorted(totals.items(), key=lambda kv: sum(r["value"] for r in kv[1]), reverse=not lowest)
    area, parts = ordered[0]
    lines = [f"{measure_title(scope, match)}: the {'lowest' if lowest else 'highest'} area is "
             f"**{scope.area(area)}** with **{fmt.number(sum(r['value'] for r in parts))}** "
             f"({' + '.join(fmt.number(r['value']) for r in parts)})."]
    lines.append("In order: " + "; ".join(
        f"{scope.area(a)} {fmt.number(sum(r['value'] for r in group))}" for a, group in ordered) + ".")
    return answer_with(scope, match, lines, rows)


def _rank_steps(scope: Plans, match: Match, frame: Frame, rows: list[sqlite3.Row]) -> Answer:
    """'Which year saw the big jump?': each year against the one before, largest step first."""
    series: dict[tuple, list[sqlite3.Row]] = {}
    for row in sorted(rows, key=lambda r: r["period"] or ""):
        if row["period"] and row["unit"] != "per cent":
            series.setdefault((row["area"], row["category"]), []).append(row)
    steps = [(b["value"] - a["value"], a, b) for group in series.values()
             for a, b in pairwise(group)]
    if not steps:
        raise scope.refuse(f"The plan gives {scope.measures[match.measure].label} for one year "
                           f"only, so there is no change from year to year to rank.", match)
    lowest = frame.signals.lowest or frame.signals.direction == "down"
    least = frame.signals.lowest and frame.signals.direction is None  # "changed least": the
    steps.sort(key=lambda s: abs(s[0]) if least else s[0], reverse=not lowest)  # smallest step
    diff, a, b = steps[0]
    kind = "smallest change" if least else ("largest rise" if diff > 0 else "smallest fall") \
        if not lowest else ("largest fall" if diff < 0 else "smallest rise")
    where = ", ".join(filter(None, [scope.area(b["area"]), scope.category(b["category"])]))
    lines = [f"{measure_title(scope, match)}: the {kind} from one year to the next was "
             f"**{a['period']} to {b['period']}** ({where}): **{fmt.signed(diff)}** "
             f"({fmt.number(b['value'])} − {fmt.number(a['value'])})."]
    lines += [f"- {', '.join(filter(None, [scope.area(b['area']), scope.category(b['category'])]))}, "
              f"{a['period']} to {b['period']}: {fmt.signed(d)} ({fmt.number(b['value'])} − "
              f"{fmt.number(a['value'])})" for d, a, b in steps]
    facts = [scope.fact(r) for r in rows]
    if frame.signals.than and len(steps) >= 2:  # "how much smaller was the 2021 rise than 2020's?"
        (big, a1, b1), (small, a2, b2) = sorted(steps[:2], key=lambda s: s[0], reverse=True)
        working = f"{fmt.signed(big)} − {fmt.signed(small)}"
        lines.append(f"Between the two: **{fmt.number(big - small)}** ({working}).")
        facts.append(Fact(label=f"Gap between the changes {a1['period']} to {b1['period']} and "
                                f"{a2['period']} to {b2['period']}", value=big - small,
                          unit=b1["unit"], area=scope.area(b1["area"]),
                          source=scope.fact(b1).source, derived=working))
    return answer_with(scope, match, lines, rows, facts=facts)


def _rank_years_of_quarters(scope: Plans, match: Match, frame: Frame,
                            rows: list[sqlite3.Row]) -> Answer:
    """'Which year had the most?' of a table in quarters: each whole year added up and ranked;
    a year with a blank quarter is left out, and said to be."""
    quarters = scope.dimension(match.measure, "quarter")
    years: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        years.setdefault(row["period"], []).append(row)
    whole = {p: g for p, g in years.items() if len(g) == len(quarters)}
    if not whole:
        raise scope.refuse("The plan gives no whole year of quarters to rank.", match)
    ordered = sorted(whole.items(), key=lambda kv: sum(r["value"] for r in kv[1]),
                     reverse=not frame.signals.lowest)
    word = "lowest" if frame.signals.lowest else "highest"
    top, group = ordered[0]
    lines = [f"{measure_title(scope, match)}: the {word} whole year is **{top}** with "
             f"**{fmt.number(sum(r['value'] for r in group))}**."]
    facts = []
    for period, group in ordered:
        total = sum(r["value"] for r in group)
        working = " + ".join(fmt.number(r["value"]) for r in group)
        lines.append(f"- {period}: **{fmt.number(total)}** ({working})")
        facts.append(Fact(label=f"{measure_title(scope, match)}, {period} (all four quarters)",
                          value=total, unit=group[0]["unit"], area=scope.area(group[0]["area"]),
                          period=period, source=scope.fact(group[0]).source, derived=working))
    part = [p for p in years if p not in whole]
    if part:
        lines.append(f"Left out: {fmt.listing(part)}, for which the plan gives only some quarters.")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def _rank_within(scope: Plans, match: Match, frame: Frame, rows: list[sqlite3.Row],
                 dimension: str) -> Answer:
    """'Was 2020 the peak year in both Oxford and Oxfordshire?', 'is July to September always
    the busiest quarter?': each area (or part, or year) ranked on its own, and the year or
    quarter named checked against each."""
    lowest, word = frame.signals.lowest, "lowest" if frame.signals.lowest else "highest"
    unit = "year" if dimension == "period" else dimension
    groups: dict[tuple, list[sqlite3.Row]] = {}
    for row in rows:  # quarters are ranked year by year, parts area by area and year by year
        year = row["period"] if dimension in ("quarter", "category") else None
        category = None if dimension == "category" else row["category"]
        groups.setdefault((row["area"], category, year), []).append(row)
    label = (lambda r: scope.category(r["category"])) if dimension == "category" else scope.when
    lines, tops = [], []
    for (area, category, year), group in groups.items():
        ordered = sorted(group, key=lambda r: r["value"], reverse=not lowest)
        top = ordered[0]
        tops.append(top)
        where = ", ".join(filter(None, [scope.area(area), scope.category(category), year]))
        lines.append(f"- {where}: the {word} {unit} is **{label(top)}** with "
                     f"**{value_text(top)}**{unit_text(top)}; in order: "
                     + "; ".join(f"{label(r)} {value_text(r)}" for r in ordered) + ".")
    named = {"quarter": frame.quarters, "category": match.categories}.get(dimension, frame.periods)
    if frame.asks == "yes_no" and named:  # "was 2020 the peak in both?"
        held = [t for t in tops if t[dimension] in named]
        only = fmt.listing([", ".join(filter(None, [scope.area(t["area"]), scope.category(
            t["category"])])) for t in held])  # "for Oxfordshire as well as Oxford?": not both
        verdict = "**Yes.**" if len(held) == len(tops) else "**No.**" if not held else \
            f"**No**, only for {only}."
        lines.insert(0, verdict)
    lines.insert(1 if lines[0].startswith("**") else 0,
                 f"{measure_title(scope, match)}, the {word} {unit} for each:")
    return answer_with(scope, match, lines, rows)


def _rank_change(scope: Plans, match: Match, frame: Frame) -> Answer:
    start, end = years_to_compare(scope, match)
    rows = scope.select(match.model_copy(update={"areas": [], "periods": [start, end]}))
    by_area: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        by_area.setdefault(row["area"], []).append(row)
    use_pct = frame.signals.by_percent
    changes = []
    for area, pair in by_area.items():
        pair.sort(key=lambda r: r["period"])
        old, new = pair[0]["value"], pair[-1]["value"]
        changes.append((area, new - old, fmt.pct_change(old, new), old, new))
    if len(match.areas) == 2:  # "was Oxford's rise bigger than Thames Valley's?": those two
        changes = [c for c in changes if c[0] in match.areas]
    lowest = frame.signals.lowest
    index = 2 if use_pct else 1
    changes.sort(key=lambda c: c[index], reverse=not lowest)
    area, diff, pct, old, new = changes[0]
    measure = "percentage change" if use_pct else "change"
    headline = (f"**{fmt.percent(pct, True)}** ({fmt.signed(diff)} ÷ {fmt.number(old)})" if use_pct
                else f"**{fmt.signed(diff)}**{unit_text(rows[0])} ({fmt.number(new)} − {fmt.number(old)})")
    lines = [f"{measure_title(scope, match)}, {start} to {end}: the {'smallest' if lowest else 'largest'} "
             f"{measure} was in **{scope.area(area)}**: {headline}."]
    lines += printed_change(scope, match, area, f"{start}-{end}", diff, pct)
    lines += [f"- {scope.area(a)}: {fmt.signed(d)} ({fmt.number(o)} → {fmt.number(n)}), "
              f"{fmt.percent(p, True)}" for a, d, p, o, n in changes]
    if frame.asks == "yes_no" and len(match.areas) == 2:  # the first named, the one asked of
        lines.insert(0, "**Yes.**" if area == match.areas[0] else "**No.**")
    answer = answer_with(scope, match, lines, rows)
    answer.subject = f"area:{area}"  # "how much higher was that than Thames Valley's?"
    return answer


def total(scope: Plans, match: Match, frame: Frame) -> Answer:
    measure = scope.measures[match.measure]
    if frame.signals.per:  # "on average a month": each figure spread over its months
        return lookup(scope, match, frame)
    if measure.total_category and not match.categories:
        return _printed_total(scope, match)
    rows = scope.select(match, all_categories=True)
    quarters = scope.dimension(measure.id, "quarter")
    groups: dict[tuple, list[sqlite3.Row]] = {}
    if quarters:
        across = "quarter"
    elif len(match.categories) > 1 or measure.summable:
        across = "category"
    elif len(match.periods) > 1 or frame.signals.every_year or frame.signals.average or (
            "period" in frame.signals.dimensions and not match.periods):  # "all three years"
        across = "period"
    else:  # nothing to add up: a sum over every year is not what "total" means here
        return lookup(scope, match, frame)
    if across == "quarter" and frame.features.all_parts and not match.periods:
        return grand_total(scope, match, rows, len(quarters))  # "all the quarterly figures"
    for row in rows:
        key = tuple(row[c] for c in ("area", "period", "category", "quarter") if c != across)
        groups.setdefault(key, []).append(row)
    lines, facts = [], []
    for group in groups.values():
        if across == "quarter" and len(group) < len(match.quarters or quarters) \
                and not frame.signals.average:  # "the total of those three quarters" is asked
            given = fmt.listing([scope.quarter(r["quarter"]) for r in group])
            blank = fmt.listing([scope.quarter(q) for q in match.quarters or quarters
                                 if q not in {r["quarter"] for r in group}])
            whole = "total of the quarters asked" if match.quarters else "full-year total"
            raise scope.refuse(
                f"The plan leaves {blank} {group[0]['period']} blank, so it has no {whole}. "
                f"The ones it gives ({given}) add up to "
                f"{fmt.number(sum(r['value'] for r in group))} "
                f"({' + '.join(fmt.number(r['value']) for r in group)}).", match)
        value = sum(r["value"] for r in group)
        arithmetic = " + ".join(fmt.number(r["value"]) for r in group)
        head = scope.describe(group[0]) if across != "period" else scope.area(group[0]["area"])
        if across == "category":
            head = f"{scope.area(group[0]['area'])}, {group[0]['period']}"
            if match.categories:  # "environmental and personal"
                head += ", " + fmt.listing([scope.category(r["category"]) for r in group])
        if across == "quarter":
            head = f"{scope.area(group[0]['area'])}, {group[0]['period']} (" + (
                "all four quarters" if len(group) == len(quarters) else
                f"the {len(group)} quarters it gives") + ")"
        lines.append(f"- {head}: **{fmt.number(value)}** ({arithmetic})")
        if frame.signals.average and len(group) > 1:  # a year, a quarter, or a type ("strand")
            mean = round(value / len(group), 2)
            each = {"period": "year", "quarter": "quarter"}.get(across, "type")
            lines.append(f"  Average a {each}: **{fmt.number(mean)}** "
                         f"({fmt.number(value)} ÷ {len(group)} {each}s)")
            facts.append(Fact(label=f"Average {measure.label} a {each} ({head})", value=mean,
                              unit=group[0]["unit"], area=scope.area(group[0]["area"]),
                              source=scope.fact(group[0]).source,
                              derived=f"({arithmetic}) ÷ {len(group)}"))
        if across == "category" and measure.total_category:
            printed = scope.figures(measure.id, area=[group[0]["area"]],
                                         period=[group[0]["period"]], category=[measure.total_category])
            lines += [f"  {scope.the_plan(r)}'s printed total for all types is {fmt.number(r['value'])}."
                      for r in printed]
            for r in printed if frame.signals.by_percent or frame.signals.share_cue else []:
                share = round(100 * value / r["value"], 2)  # "both together as a % of the total?"
                lines.append(f"  That is **{fmt.percent(share)}** of it ({fmt.number(value)} ÷ "
                             f"{fmt.number(r['value'])} × 100 = {share:.2f}).")
                facts.append(Fact(label=f"Share of the total ({head})", value=share,
                                  unit="per cent", area=scope.area(r["area"]),
                                  source=scope.fact(r).source,
                                  derived=f"{fmt.number(value)} ÷ {fmt.number(r['value'])} × 100"))
        facts.append(Fact(label=f"Total {measure.label} ({head})", value=value,
                          unit=group[0]["unit"], area=scope.area(group[0]["area"]),
                          source=scope.fact(group[0]).source, derived=arithmetic))
    lines.insert(0, f"{measure.label[:1].upper()}{measure.label[1:]}, added up:"
                    if measure.label.lower().startswith("total") else f"Total {measure.label}:")
    if across == "category" and not measure.total_category:
        lines.append("The plan prints no total; each is the sum of the parts shown.")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def _printed_total(scope: Plans, match: Match) -> Answer:
    rows = scope.select(match)
    lines = [f"Total {scope.measures[match.measure].label} (the plan's printed total):"]
    lines += [f"- {scope.describe(r)}: **{value_text(r)}**{unit_text(r)}" for r in rows]
    return answer_with(scope, match, lines, rows)


def complement(scope: Plans, match: Match, frame: Frame) -> Answer:
    """Every category but the ones excluded ("hate crime other than race"): the printed total
    less them, or the sum of the others, with the working."""
    measure = scope.measures[match.measure]
    periods = match.periods or scope.dimension(measure.id, "period")[-1:]
    rows = scope.select(match.model_copy(update={"periods": periods[-1:]}), all_categories=True)
    excluded = set(match.excluded_categories)
    by_area: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        if row["unit"] != "per cent" and row["category"] and not scope.areas[row["area"]].covers:
            by_area.setdefault(row["area"], []).append(row)
    left_out = fmt.listing([scope.category(c) for c in match.excluded_categories])
    lines = [f"{measure_title(scope, match)} other than {left_out}, {periods[-1]}:"]
    facts = []
    for area, group in by_area.items():
        total = next((r for r in group if r["category"] == measure.total_category), None)
        out = [r for r in group if r["category"] in excluded]
        rest = [r for r in group if r["category"] not in excluded and r is not total]
        if not out or not rest:
            continue
        if total is not None:
            value = total["value"] - sum(r["value"] for r in out)
            arithmetic = " − ".join(fmt.number(r["value"]) for r in [total, *out])
        else:
            value = sum(r["value"] for r in rest)
            arithmetic = " + ".join(fmt.number(r["value"]) for r in rest)
        parts = "; ".join(f"{scope.category(r['category'])} {fmt.number(r['value'])}" for r in rest)
        lines.append(f"- {scope.area(area)}: **{fmt.number(value)}** ({arithmetic}): {parts}")
        facts.append(Fact(label=f"{measure_title(scope, match)} other than {left_out} "
                                f"({scope.area(area)}, {periods[-1]})", value=value,
                          unit=group[0]["unit"], area=scope.area(area), period=periods[-1],
                          source=scope.fact(group[0]).source, derived=arithmetic))
    if not facts:
        raise scope.refuse(f"The plan does not break {measure.label} down so that {left_out} "
                           "can be taken out.", match)
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])
