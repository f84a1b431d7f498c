"""Answers made of figures: look up, compare, change, trend, share, rank, total.

Every number stated is a figure row of the plan or arithmetic on such rows, written out.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from . import format as fmt
from . import verdicts
from .answer import Answer, Chart, ChartPoint, Fact, Status
from .plans import Plans
from .question import Frame, Match


class Change(NamedTuple):
    """One area's (or part's) change between two years, as shown."""
    where: str
    pct: float
    diff: float
    area: str

def answer_with(scope: Plans, match: Match, lines: list[str], rows: list[sqlite3.Row],
            facts: list[Fact] | None = None, chart: Chart | None = None) -> Answer:
    return Answer(
        status=Status.answered, text="\n".join(lines + scope.provenance(rows)), intent=match.intent,
        facts=(facts or []) or [scope.fact(r) for r in rows],
        sources=scope.sources(rows), caveats=scope.caveats(rows),
        chart=chart, plan=scope.title_of(rows),
    )


def measure_title(scope: Plans, match: Match) -> str:
    label = scope.measures[match.measure].label
    return label[0].upper() + label[1:]


def value_text(row: sqlite3.Row) -> str:
    return fmt.number(row["value"]) + ("%" if row["unit"] == "per cent" else "")


def unit_text(row: sqlite3.Row) -> str:
    """" victims"; a count of nothing says so, for "were there any?"."""
    if row["unit"] == "per cent":
        return ""
    return f" {row['unit']} (none)" if row["value"] == 0 else f" {row['unit']}"


def bar_chart(scope: Plans, title: str, rows: list[sqlite3.Row], x, x_label: str) -> Chart:
    unit = rows[0]["unit"]
    return Chart(kind="bar", title=title, x_label=x_label, y_label=unit.capitalize(),
                 points=[ChartPoint(x=x(r), y=r["value"]) for r in rows])


def lookup(scope: Plans, match: Match, frame: Frame) -> Answer:
    rows = scope.select(match, all_categories="category" in frame.signals.dimensions
                        and not match.categories)  # "by type": every part, and the total
    if frame.signals.per:  # "what's that a month?"
        lines, facts = _spread(scope, match, rows, frame.signals.per)
        if lines:
            given = [f"- {scope.describe(r)}: **{value_text(r)}**{unit_text(r)}" for r in rows]
            return answer_with(scope, match, [f"{measure_title(scope, match)}:", *given, *lines],
                               rows, facts=facts + [scope.fact(r) for r in rows])
    if len(rows) == 1:
        row = rows[0]
        lines = [f"{measure_title(scope, match)} — {scope.describe(row)}: "
                 f"**{value_text(row)}**{unit_text(row)}."]
        lines += _context_sentence(scope, match, row)
        return answer_with(scope, match, lines, rows)
    lines = [f"{measure_title(scope, match)}:"]
    lines += [f"- {scope.describe(r)}: **{value_text(r)}**{unit_text(r)}" for r in rows]
    chart = None
    if len({r["area"] for r in rows}) > 1 and len({(r["period"], r["category"]) for r in rows}) == 1:
        chart = bar_chart(scope, measure_title(scope, match), rows, lambda r: scope.area(r["area"]), "Area")
    elif len({r["category"] for r in rows}) > 1 and len({r["area"] for r in rows}) == 1:
        chart = bar_chart(scope, measure_title(scope, match), rows, lambda r: scope.category(r["category"]),
                     "Category")
    return answer_with(scope, match, lines, rows, chart=chart)


def _spread(scope: Plans, match: Match, rows: list[sqlite3.Row], per: str) -> tuple[list, list]:
    """Each figure spread evenly over the months or days of its period, with the working: the
    lines, and the derived facts. A quarter has three months; days only for whole years."""
    lines, facts = [], []
    for row in rows:
        if row["unit"] == "per cent":
            continue
        if per == "month":
            parts, name = (3 if row["quarter"] else 12), "months"
        elif row["quarter"] or not row["period"]:
            continue
        else:
            start = date(int(row["period"][:4]), 4 if "/" in row["period"] else 1, 1)
            parts, name = (start.replace(year=start.year + 1) - start).days, "days"
        value = round(row["value"] / parts, 2)
        working = f"{fmt.number(row['value'])} ÷ {parts}"
        lines.append(f"That is **{fmt.number(value)}** a {per} on average for "
                     f"{scope.describe(row)} ({working} {name}).")
        facts.append(Fact(label=f"{measure_title(scope, match)} a {per} ({scope.describe(row)})",
                          value=value, unit=row["unit"], area=scope.area(row["area"]),
                          period=row["period"], source=scope.fact(row).source, derived=working))
    return lines, facts


def _context_sentence(scope: Plans, match: Match, row: sqlite3.Row) -> list[str]:
    """One sentence of meaning: the change on the year before, or the share of the total."""
    measure = scope.measures[match.measure]
    if row["category"] and measure.total_category and row["category"] != measure.total_category:
        total = scope.figures(measure.id, area=[row["area"]],
                                   period=[row["period"]], category=[measure.total_category])
        if total:
            share = row["value"] / total[0]["value"] * 100
            return [f"That is {fmt.percent(share)} of {scope.area(row['area'])}'s total of "
                    f"{fmt.number(total[0]['value'])} ({fmt.number(row['value'])} ÷ "
                    f"{fmt.number(total[0]['value'])})."]
    series = scope.figures(measure.id, area=[row["area"]],
                                category=[row["category"]] if row["category"] else None)
    series = [r for r in series if r["quarter"] is None and row["quarter"] is None]
    earlier = [r for r in series if (r["period"] or "") < (row["period"] or "")]
    if earlier and row["unit"] != "per cent":
        before = earlier[-1]
        diff = row["value"] - before["value"]
        word = "up" if diff > 0 else "down" if diff < 0 else "unchanged"
        return [f"That is {word} {fmt.number(abs(diff))} on {before['period']} "
                f"({fmt.number(row['value'])} − {fmt.number(before['value'])}), "
                f"{fmt.percent(fmt.pct_change(before['value'], row['value']), True)}."]
    return []


def compare_areas(scope: Plans, match: Match, frame: Frame) -> Answer:
    if len(match.areas) < 2:
        match = match.model_copy(update={"areas": []})
    if not match.periods:
        periods = scope.dimension(match.measure, "period")
        match = match.model_copy(update={"periods": periods[-1:]})
    rows = [r for r in scope.select(match) if not scope.areas[r["area"]].covers]
    if not rows:  # the plan does not say which area its figures are for: nothing to compare
        return lookup(scope, match, frame)
    by_slice = defaultdict(list)
    for row in rows:
        by_slice[(row["period"], row["quarter"], row["category"])].append(row)
    lines = [f"{measure_title(scope, match)}, by area:"]
    for (period, quarter, category), group in by_slice.items():
        head = ", ".join(filter(None, [scope.quarter(quarter), period, scope.category(category)]))
        cells = "; ".join(f"{scope.area(r['area'])} **{value_text(r)}**" for r in group)
        lines.append(f"- {head}: {cells}")
    first = next(iter(by_slice.values()))
    totals = _area_totals(scope, match, rows) if len(by_slice) > 1 else {}
    if totals:
        lines.append("Totals of the parts: " + "; ".join(
            f"{scope.area(a)} **{fmt.number(v)}** ({arithmetic})" for a, (v, arithmetic) in totals.items()))
    values = {a: v for a, (v, _) in totals.items()} or {r["area"]: r["value"] for r in first}
    lines += _parent_shares(scope, values, first[0]["unit"])
    chart = bar_chart(scope, f"{measure_title(scope, match)} by area", first, lambda r: scope.area(r["area"]),
                 "Area")
    if len(by_slice) > 1:
        chart.points = [ChartPoint(x=scope.area(r["area"]), y=r["value"],
                                   series=scope.category(r["category"]) or r["period"]) for r in rows]
    return answer_with(scope, match, lines, rows, chart=chart)


def _area_totals(scope: Plans, match: Match, rows: list[sqlite3.Row]) -> dict:
    """Per-area sums of all the parts, where they may be added (the plan prints no total)."""
    if (not scope.measures[match.measure].summable or match.categories
            or len({r["period"] for r in rows}) > 1):
        return {}
    totals: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        totals[row["area"]].append(row["value"])
    return {a: (sum(v), " + ".join(fmt.number(x) for x in v)) for a, v in totals.items()}


def _parent_shares(scope: Plans, values: dict[str, float], unit: str) -> list[str]:
    """"Oxford's 594 is 44.07% of Oxfordshire's 1,348": each area against the nearest area
    above it that is shown."""
    if unit == "per cent":
        return []
    lines = []
    for area, value in values.items():
        parent = scope.areas[area].parent
        while parent and parent not in values:
            parent = scope.areas[parent].parent
        if parent and values[parent]:
            lines.append(f"{scope.area(area)}'s {fmt.number(value)} is "
                         f"{fmt.percent(value / values[parent] * 100)} of {scope.area(parent)}'s "
                         f"{fmt.number(values[parent])} ({fmt.number(value)} ÷ "
                         f"{fmt.number(values[parent])}).")
    return lines


def _given_for(periods: list[str]) -> str:
    """'for 2021 only', or, when the plan states no period, that it does not."""
    return f"for {fmt.listing(periods)} only" if periods else "without stating a period"


def years_to_compare(scope: Plans, match: Match) -> tuple[str, str]:
    """The two years a change is between: as asked, or the asked year and the one before."""
    periods = scope.dimension(match.measure, "period")
    asked = sorted(match.periods)
    if len(asked) >= 2:
        return asked[0], asked[-1]
    if asked:
        earlier = [p for p in periods if p < asked[0]]
        later = [p for p in periods if p > asked[0]]
        if not earlier and later and "periods" in match.carried:  # "the rise?" after a 2020
            return asked[0], later[0]  # figure, where 2020 is the first year: the rise from it
        if not earlier:
            raise scope.refuse(
                f"The plan has no year before {asked[0]} for {scope.measures[match.measure].label},"
                f" so it cannot show a change. It covers {fmt.listing(periods)}.", match)
        return earlier[-1], asked[0]
    if len(periods) < 2:
        raise scope.refuse(
            f"The plan gives {scope.measures[match.measure].label} {_given_for(periods)}, "
            f"so it cannot show a change over time.", match)
    return periods[-2], periods[-1]


def change(scope: Plans, match: Match, frame: Frame) -> Answer:
    start, end = years_to_compare(scope, match)
    rows = scope.select(match.model_copy(update={"periods": [start, end]}))
    lines, facts = [f"{measure_title(scope, match)}, {start} to {end}:"], []
    verdict = None  # "the plan says it fell by 8.43%, is that right?": checked on the first area
    changes: list[Change] = []
    for (area, category, quarter), pair in _group(rows).items():
        if len(pair) < 2:
            continue
        old, new = pair[0], pair[-1]
        diff, pct = new["value"] - old["value"], fmt.pct_change(old["value"], new["value"])
        where = ", ".join(filter(None, [scope.area(area), scope.category(category),
                                        scope.quarter(quarter)]))
        lines.append(
            f"- {where}: {fmt.number(old['value'])} → {fmt.number(new['value'])}, "
            f"**{fmt.signed(diff)}** ({fmt.number(new['value'])} − {fmt.number(old['value'])}), "
            f"**{fmt.percent(pct, True)}** ({fmt.signed(diff)} ÷ {fmt.number(old['value'])}), "
            f"{'up' if diff > 0 else 'down' if diff < 0 else 'no change'}.")
        lines += printed_change(scope, match, area, f"{start}-{end}", diff, pct)
        changes.append(Change(where, pct, diff, area))
        if frame.signals.quoted_percent is not None and verdict is None:
            verdict = verdicts.quoted_percent(frame.signals.quoted_percent, pct,
                                              _printed_pct(scope, match, area, start, end),
                                              frame.percent_way)
        facts += [scope.fact(old), scope.fact(new),
                  Fact(label=f"Change {start} to {end} ({where})", value=diff, unit=old["unit"],
                       area=scope.area(area), period=f"{start}-{end}", source=scope.fact(new).source,
                       derived=f"{fmt.number(new['value'])} − {fmt.number(old['value'])}"),
                  Fact(label=f"Per cent change {start} to {end} ({where})", value=round(pct, 2),
                       unit="per cent", area=scope.area(area), period=f"{start}-{end}",
                       source=scope.fact(new).source,
                       derived=f"{fmt.signed(diff)} ÷ {fmt.number(old['value'])} × 100")]
    if not changes:  # "Jan-Mar 2021/22 against 2020/21": one of them is blank
        for period in (start, end):
            scope.select(match.model_copy(update={"periods": [period]}))  # says which is
        raise scope.refuse(f"The plan has no pair of figures for {measure_title(scope, match)} "
                           f"in {start} and {end} to compare.", match)
    counts = [n for n in frame.numbers if n.kind == "count" and (frame.signals.checking or n.by)]
    if verdict is None and (frame.signals.checking or frame.asks == "yes_no") and counts \
            and len(changes) == 1:  # "were there more than 1,000 fewer?": the amount checked
        only = changes[0]  # "went up by 933 between 2019 and 2020?"
        verdict = verdicts.quoted_change(counts[0].value, only.diff, _years_changed_by(
            scope, match, only.area, counts[0].value), counts[0].way)
    if frame.signals.points and len(changes) == 2:
        lines.append(_points_gap(*changes))
    elif frame.signals.spread and len(changes) == 2:  # "the gap between the two increases?"
        lines.append(_amount_gap(*changes))
    if verdict is None and frame.asks == "yes_no" and frame.signals.than and len(changes) == 2 \
            and len(match.areas) == 2:  # "is that more than Oxford's rise?": the first named
        verdict = _more_than(changes, match.areas, frame)
    series = {", ".join(filter(None, [scope.area(a), scope.category(c), scope.quarter(q)])):
              [(r["period"], r["value"]) for r in pair]
              for (a, c, q), pair in _group(rows).items() if len(pair) == 2}
    if verdict is None and series and frame.signals.either_way:  # "up or down?"
        verdict = verdicts.which_way(series)
    if verdict is None and series and frame.asks == "yes_no" and frame.signals.direction:
        way = verdicts.asked_way(frame.signals.direction, frame.periods, start) \
            if frame.signals.than else frame.signals.direction  # "is it higher?"
        verdict = verdicts.latest_step(series, way)
    if verdict:
        lines.insert(0, verdict)
    lines += _reasons(scope, match, end)
    return answer_with(scope, match, lines, rows, facts=facts, chart=_line(scope, match, rows))


def _reasons(scope: Plans, match: Match, year: str) -> list[str]:
    """The plan's own reason for a change to the year asked, where it gives one."""
    return list(dict.fromkeys(n["text"] for t in scope.tables_for(match.measure)
                              for n in scope.plan.notes(t["id"])
                              if n["explains"] == "reason" and year[:4] in n["text"]))


def _years_changed_by(scope: Plans, match: Match, area: str, amount: float) -> str | None:
    """The two years between which the figure changed by this amount, if any do."""
    rows = sorted(scope.select(match.model_copy(update={"periods": [], "areas": [area]})),
                  key=lambda r: r["period"] or "")
    return next((f"from {a['period']} to {b['period']}" for i, a in enumerate(rows)
                 for b in rows[i + 1:] if a["category"] == b["category"]
                 and a["quarter"] == b["quarter"] and abs(b["value"] - a["value"]) == abs(amount)),
                None)


def _more_than(changes: list[Change], areas: list[str], frame: Frame) -> str:
    """Whether the first area's change is more than the second's: by per cent when asked."""
    by = {c.area: c for c in changes}
    (a, pa, da, _), (b, pb, db, _) = by[areas[0]], by[areas[1]]
    less = frame.signals.lowest or frame.signals.direction == "down"

    def more(first: float, second: float) -> bool:
        return first < second if less else first > second
    rate = f"{a}: {fmt.percent(pa, True)}; {b}: {fmt.percent(pb, True)}"
    if frame.signals.by_percent:
        return f"**{'Yes' if more(pa, pb) else 'No'}.** {rate}."
    number = f"{a}: {fmt.signed(da)}; {b}: {fmt.signed(db)}"
    if more(da, db) == more(pa, pb):
        return f"**{'Yes' if more(da, db) else 'No'}.** {number}."
    return (f"**{'Yes' if more(da, db) else 'No'}** by number ({number}), **but "
            f"{'not' if more(da, db) else 'yes'}** as a rate ({rate}).")  # "went up by more?"


def _points_gap(first: Change, second: Change) -> str:
    """Two percentage changes apart, in percentage points, larger first."""
    (high, a, _, _), (low, b, _, _) = sorted([first, second], key=lambda c: -c.pct)
    minus = f"{a:.2f} − {b:.2f}" if b >= 0 else f"{a:.2f} − ({b:.2f})"
    return (f"Gap: **{a - b:.2f}** percentage points, about {a - b:.1f} ({high} "
            f"{fmt.percent(a, True)} against {low} {fmt.percent(b, True)}: {minus}).")


def _amount_gap(first: Change, second: Change) -> str:
    """Two changes apart, in the table's unit, larger first."""
    (high, _, a, _), (low, _, b, _) = sorted([first, second], key=lambda c: -c.diff)
    minus = f"{fmt.number(a)} − {fmt.number(b)}" if b >= 0 else \
        f"{fmt.number(a)} − ({fmt.signed(b)})"
    return (f"Gap between the two changes: **{fmt.number(a - b)}** ({high} {fmt.signed(a)} "
            f"against {low} {fmt.signed(b)}: {minus}).")


def _group(rows: list[sqlite3.Row]) -> dict:
    groups = defaultdict(list)
    for row in rows:
        groups[(row["area"], row["category"], row["quarter"])].append(row)
    for group in groups.values():
        group.sort(key=lambda r: r["period"])
    return groups


def printed_change(scope: Plans, match: Match, area: str, span: str, diff: float,
                    pct: float) -> list[str]:
    """The plan's own printed change, where it differs from the arithmetic."""
    notes = []
    for row in scope.figures(match.measure, "printed_change", area=[area],
                                  period=[span]):
        if row["value"] != diff:
            notes.append(f"  {scope.the_plan(row)} prints {fmt.signed(row['value'])} ({row['table']}).")
    for row in scope.figures(match.measure, "printed_change_pct", area=[area],
                                  period=[span]):
        if abs(row["value"] - round(pct, 2)) >= 0.005 and abs(row["value"] - round(pct)) > 0:
            table = scope.table_of(row)
            notes.append(f"  {scope.the_plan(row)} prints {fmt.printed_percent(row['value'], True)} "
                         f"({table['label']}); " + _why_differs(scope, row))
    return notes


def printed_quoted(scope: Plans, match: Match, frame: Frame) -> Answer:
    """"What does the +124 under the council's figures refer to?": the change a table prints,
    quoted back, told as the change between the two years it spans, with the arithmetic."""
    label = scope.measures[match.measure].label
    lines, rows = [], []
    for stat in ("printed_change", "printed_change_pct"):
        for row in scope.figures(match.measure, stat):
            if not any(abs(abs(row["value"]) - n.value) < 0.005 for n in frame.numbers):
                continue
            start, _, end = row["period"].partition("-")
            counts = {r["period"]: r["value"] for r in scope.figures(
                match.measure, area=[row["area"]], period=[start, end],
                category=[row["category"]] if row["category"] else None)}
            percent = stat == "printed_change_pct"
            printed = fmt.printed_percent(row["value"], True) if percent else fmt.signed(row["value"])
            way = "an increase" if row["value"] > 0 else "a decrease"
            working, note = "", ""
            if start in counts and end in counts:
                diff = counts[end] - counts[start]
                working = (f": {fmt.number(counts[start])} → {fmt.number(counts[end])}, "
                           f"{fmt.signed(diff)} ({fmt.number(counts[end])} − "
                           f"{fmt.number(counts[start])})")
                pct = fmt.pct_change(counts[start], counts[end])
                if percent:
                    working += f", {fmt.percent(pct, True)} ({fmt.signed(diff)} ÷ " \
                               f"{fmt.number(counts[start])})"
                    note = f" {_why_differs(scope, row)}" if abs(row["value"] - pct) >= 0.05 else ""
            lines.append(f"**{printed}** is the change the plan prints for {label} in "
                         f"{scope.area(row['area'])} from {start} to {end}, {way}{working}.{note}")
            lines += [f"How the plan is read here: {n['text']}" for n in scope.notes_of(row)
                      if f"'{printed}'" in n["text"]]  # "Table 2 prints '+124' under ..."
            rows.append(row)
    return Answer(status=Status.answered, intent=match.intent, plan=scope.title,
                  text="\n".join(lines), sources=scope.sources(rows))


def _printed_pct(scope: Plans, match: Match, area: str, start: str, end: str) -> float | None:
    rows = scope.figures(match.measure, "printed_change_pct", area=[area],
                              period=[f"{start}-{end}"])
    return rows[0]["value"] if rows else None


def _why_differs(scope: Plans, row: sqlite3.Row) -> str:
    notes = [n["text"] for n in scope.notes_of(row)
             if n["explains"] == "printed_percent"]
    return notes[0] if notes else "the figure above is worked out from the table's counts."


def _line(scope: Plans, match: Match, rows: list[sqlite3.Row]) -> Chart:
    return Chart(kind="line", title=measure_title(scope, match), x_label="Year",
                 y_label=rows[0]["unit"].capitalize(),
                 points=[ChartPoint(x=scope.when(r), y=r["value"],
                                    series=", ".join(filter(None, [scope.area(r["area"]),
                                                                   scope.category(r["category"])])))
                         for r in rows])


def trend(scope: Plans, match: Match, frame: Frame) -> Answer:
    if match.periods:
        scope.select(match)  # a year asked that the plan does not have is said, not skipped
    run = match.periods if len(match.periods) >= 2 else []  # "every year from 2017 to 2020"
    rows = scope.select(match.model_copy(update={"periods": run}))
    periods = sorted({r["period"] for r in rows if r["period"]})
    if len(periods) < 2:
        raise scope.refuse(
            f"The plan gives {scope.measures[match.measure].label} {_given_for(periods)}, "
            f"so it shows no trend over time. " + lookup(scope, match, frame).text, match,
            scope.sources(rows[:1]))
    if any(r["quarter"] for r in rows):  # each quarter's run over the years
        answer = lookup(scope, match, frame)
        verdict = _trend_verdict(scope, frame, rows) if len({r["quarter"] for r in rows}) == 1 \
            else None  # "has the January-March figure risen each year?"
        if verdict:
            answer.text = f"{verdict}\n\n{answer.text}"
        return answer
    lines = [f"{measure_title(scope, match)}, {periods[0]} to {periods[-1]}:"]
    for (area, category, _), series in _group(rows).items():
        first, last = series[0], series[-1]
        peak = max(series, key=lambda r: r["value"])
        low = min(series, key=lambda r: r["value"])
        diff = last["value"] - first["value"]
        word = "increased" if diff > 0 else "decreased" if diff < 0 else "was unchanged"
        values = ", ".join(f"{r['period']} {fmt.number(r['value'])}" for r in series)
        where = ", ".join(filter(None, [scope.area(area), scope.category(category)]))
        pct = fmt.pct_change(first["value"], last["value"]) if first["value"] else None
        share = f", {fmt.percent(pct, True)} ({fmt.signed(diff)} ÷ {fmt.number(first['value'])})" \
            if pct is not None else ""
        lines.append(f"- {where}: {values}. Overall it {word} by {fmt.number(abs(diff))} "
                     f"({fmt.number(last['value'])} − {fmt.number(first['value'])}){share}; "
                     f"highest in {peak['period']}, lowest in {low['period']}.")
        if len(series) > 2:  # each year against the one before: where it sped up or turned
            steps = [f"{a['period']} to {b['period']} **{fmt.signed(b['value'] - a['value'])}** "
                     f"({fmt.number(b['value'])} − {fmt.number(a['value'])})"
                     for a, b in pairwise(series)]
            lines.append(f"  Year on year: {'; '.join(steps)}.")
    verdict = _trend_verdict(scope, frame, rows)
    return answer_with(scope, match, ([verdict] if verdict else []) + lines, rows,
                       chart=_line(scope, match, rows))


def _trend_verdict(scope: Plans, frame: Frame, rows: list) -> str | None:
    """Yes or no first, of each series (an area, a part, a quarter) over the years: "has it
    risen every year?", "is it going down?", "up or down?"."""
    series = {", ".join(filter(None, [scope.area(a), scope.category(c), scope.quarter(q)])):
              [(r["period"], r["value"]) for r in group if r["value"] is not None]
              for (a, c, q), group in _group(rows).items()}
    series = {where: points for where, points in series.items() if len(points) >= 2}
    if not series:
        return None
    if frame.signals.every_year and frame.asks == "yes_no":  # not "a high or low year, over
        return verdicts.every_year(series, frame.signals.direction)  # the five years?"
    if frame.signals.either_way:
        return verdicts.which_way(series)
    if frame.asks == "yes_no" and frame.signals.direction:
        return verdicts.latest_step(series, frame.signals.direction)
    return None


def said(scope: Plans, row) -> str:
    """One direction the text gives in words, with the plan's sentence."""
    what = scope.category(row["category"]) or scope.measures[row["measure"]].label
    where = f" in {scope.area(row['area'])}" if row["area"] else ""
    when = f" in {row['period']}" if row["period"] else ""
    if row["direction"] == "largest":
        went = f" was the **largest group**{where}{when}"
    else:
        compared = f" compared with {row['compared_with']}" if row["compared_with"] else ""
        went = f"{where} **{row['direction']}d**{when}{compared}"
    unnamed = "" if row["area"] else " The plan names no area."
    return f"{what[:1].upper() + what[1:]}{went}.{unnamed} The plan: “{row['quote']}”"


def direction(scope: Plans, match: Match, frame: Frame) -> Answer:
    """For charts the text describes without figures: the direction, and no number."""
    rows = scope.directions(match.measure, match.categories or None)
    if not rows:
        rows = scope.directions(match.measure)
    named = {r["area"] for r in rows if r["area"]}
    missing = [a for a in match.areas if named and a not in named]
    if missing:  # "public order offences across Oxfordshire": the text speaks of Oxford only
        raise scope.refuse(
            f"The plan describes {scope.measures[match.measure].label} for "
            f"{fmt.listing([scope.area(a) for a in sorted(named)])} only; it says nothing of "
            f"{fmt.listing([scope.area(a) for a in missing])}.", match, scope.sources(rows[:1]))
    if frame.signals.second or (frame.signals.lowest and match.intent == "rank"):  # "the second
        raise scope.refuse(  # largest group?" of a chart described by its largest only
            f"The plan describes {scope.measures[match.measure].label} only in words: "
            + " ".join(said(scope, row) for row in rows), match, scope.sources(rows[:1]))
    wanted = {"up": "increase", "down": "decrease"}.get(frame.signals.direction or "")
    if wanted and not match.categories:  # "which offences fell?": those first
        rows = sorted(rows, key=lambda r: r["direction"] != wanted)
    lines = [f"- {said(scope, row)}" for row in rows]
    ways = {row["direction"] for row in rows}
    if frame.asks == "yes_no" and frame.signals.direction and len(ways) == 1 and ways <= {
            "increase", "decrease"}:  # "did it go down?": the plan's word first
        lines.insert(0, "Yes." if (frame.signals.direction == "up") == (ways == {"increase"})
                     else "No.")
    table = scope.table_of(rows[0])
    sources = scope.sources(rows[:1])
    caveats = scope.caveats(rows[:1])
    counting = scope.language.settings.counting_numbers_up_to  # "chart 2" names, not claims
    quoted = list(dict.fromkeys(f"{n.text}%" if n.kind == "percent" else n.text
                                for n in frame.numbers if n.kind == "percent"
                                or (n.kind == "count" and n.value > counting)))
    if quoted and (frame.asks == "yes_no" or frame.signals.checking):  # "fell by 5%, right?":
        # the way can be told, the amount cannot
        return Answer(status=Status.no_answer, intent=match.intent, sources=sources,
                      caveats=caveats, plan=scope.title_of(rows),
                      text=f"The plan gives no figure for {scope.measures[match.measure].label} "
                           f"to check {fmt.listing(quoted)} against: it describes it only in "
                           f"words.\n" + "\n".join(line for line in lines
                                                    if line not in ("Yes.", "No.")))
    way_asked = frame.signals.either_way or (frame.asks == "yes_no" and frame.signals.direction)
    value_asked = match.intent == "lookup" and frame.asks == "figure" and frame.signals.what_is \
        and not (frame.signals.change_cue or frame.signals.direction)
    if (frame.wants_number or value_asked) and not way_asked:  # "what was Oxford's crime
        # severity score?" asks for the score; "better or worse, going by the figures?" asks
        missing = "" if table["label"].endswith("(text)") else \
            f" ({table['label']} is missing from its text)"
        text = (f"The plan gives no figure for {scope.measures[match.measure].label}{missing}: it "
                f"describes it only in words.\n" + "\n".join(lines))
        return Answer(status=Status.no_answer, text=text, intent=match.intent, sources=sources,
                      caveats=caveats, plan=scope.title_of(rows))
    return Answer(status=Status.answered, text="\n".join(lines), intent=match.intent,
                  sources=sources, caveats=caveats, plan=scope.title_of(rows))
