"""Quarterly figures added up: years, or runs of quarters ("April to December"), compared as
totals, and calendar years regrouped from financial ones, each sum written out."""

from __future__ import annotations

from . import format as fmt
from . import verdicts
from .answer import Answer, Fact
from .figures import answer_with, measure_title, years_to_compare
from .numbers import financial_year
from .plans import Plans
from .question import Frame, Match


def change_of_totals(scope: Plans, match: Match, frame: Frame) -> Answer:
    """Years of quarterly figures are compared by their totals (of the quarters asked, or all
    four), each added up in the open."""
    start, end = years_to_compare(scope, match)
    rows = scope.select(match.model_copy(update={"periods": [start, end]}))
    quarters = match.quarters or scope.dimension(match.measure, "quarter")
    present = sorted({r["period"] for r in rows})  # "2021" asked of financial years is 2021/22
    start, end = present[0], present[-1]
    years = _by_year([r for r in rows if r["period"] in (start, end)])
    for period, (total, working, group) in years.items():
        if len(group) < len(quarters):
            raise scope.refuse(
                f"The plan gives only {len(group)} quarters for {period}, so it has no full-year "
                f"total to compare; those quarters add up to {fmt.number(total)} ({working}).",
                match)
    totals = {p: total for p, (total, _, _) in years.items()}
    sums = {p: working for p, (_, working, _) in years.items()}
    old, new = totals[start], totals[end]
    diff, pct = new - old, fmt.pct_change(old, new)
    where = scope.area(rows[0]["area"])
    span = "whole years" if not match.quarters else \
        fmt.listing([scope.quarter(q) for q in match.quarters]) + " of"
    lines = [f"{measure_title(scope, match)}, {where}, {span} {start} and {end}:",
             *[f"- {p}: **{fmt.number(v)}** ({sums[p]})" for p, v in totals.items()],
             f"Change: **{fmt.signed(diff)}** ({fmt.number(new)} − {fmt.number(old)}), "
             f"**{fmt.percent(pct, True)}** ({fmt.signed(diff)} ÷ {fmt.number(old)} × 100)."]
    if frame.asks == "yes_no" and frame.signals.direction:  # "were there more than in ...?"
        way = verdicts.asked_way(frame.signals.direction, frame.periods, start)
        lines.insert(0, verdicts.latest_step({where: [(start, old), (end, new)]}, way))
    source = scope.fact(rows[0]).source
    facts = [Fact(label=f"{measure_title(scope, match)} ({where}, {span} {p})", value=v,
                  unit=rows[0]["unit"], area=where, period=p, source=source, derived=sums[p])
             for p, v in totals.items()]
    facts.append(Fact(label=f"Change {start} to {end} ({where})", value=diff, unit=rows[0]["unit"],
                      area=where, period=f"{start}-{end}", source=source,
                      derived=f"{fmt.number(new)} − {fmt.number(old)}"))
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])


def grand_total(scope: Plans, match: Match, rows: list, quarters: int) -> Answer:
    """Every quarter the table gives, every year, added up: each year's sum, then theirs; a
    year with blank quarters is named."""
    years = _by_year(rows)
    total = sum(t for t, _, _ in years.values())
    working = " + ".join(fmt.number(t) for t, _, _ in years.values())
    label = scope.measures[match.measure].label
    lines = [f"Every quarterly figure for {label}, added up:", f"**{fmt.number(total)}** ({working})"]
    lines += [f"- {year}: {fmt.number(t)} ({w})"
              + (f", the {len(group)} quarters it gives" if len(group) < quarters else "")
              for year, (t, w, group) in years.items()]
    fact = Fact(label=f"Total {label}, every quarter given", value=total, unit=rows[0]["unit"],
                source=scope.fact(rows[0]).source, derived=working)
    return answer_with(scope, match, lines, rows, facts=[fact] + [scope.fact(r) for r in rows])


def _by_year(rows: list) -> dict[str, tuple[float, str, list]]:
    """Each year's quarters added up, with the working, in the order the rows give them."""
    years: dict[str, list] = {}
    for row in rows:
        years.setdefault(row["period"], []).append(row)
    return {year: (sum(r["value"] for r in group),
                   " + ".join(fmt.number(r["value"]) for r in group), group)
            for year, group in years.items()}


def calendar_total(scope: Plans, match: Match, frame: Frame) -> Answer:
    """'Calendar year 2020' of a table in financial years: January to March from the year that
    ends in it, April to December from the year that starts in it, added up in the open."""
    years = [p for p in match.periods if "/" not in p]
    if not years:
        raise scope.refuse("Name the calendar year to add up, for example 2020.", match)
    lines, facts, used = [f"{measure_title(scope, match)}, calendar years (January to December), "
                          f"from the plan's financial-year quarters:"], [], []
    for year in years:
        wanted = [(financial_year(int(year) - 1), "jan-mar")] + [
            (financial_year(int(year)), q) for q in ("apr-jun", "jul-sep", "oct-dec")]
        found = [r for period, quarter in wanted for r in scope.figures(
            match.measure, "count", area=match.areas or None, period=[period],
            quarter=[quarter], category=match.categories or None)]
        areas = list(dict.fromkeys(r["area"] for r in found)) or [None]
        for area in areas:  # each area's year on its own, never two areas added together
            used += _calendar_year(scope, match, year, wanted,
                                   [r for r in found if r["area"] == area], lines, facts)
    return answer_with(scope, match, lines, used, facts=facts + [scope.fact(r) for r in used])


def _calendar_year(scope: Plans, match: Match, year: str, wanted: list, rows: list,
                   lines: list[str], facts: list[Fact]) -> list:
    """One area's calendar year: its line and fact added, its rows returned."""
    if len(rows) < len(wanted):
        held = fmt.listing([f"{scope.quarter(r['quarter'])} {r['period']}" for r in rows])
        raise scope.refuse(
            f"The plan does not give all four quarters of {year}: it has "
            f"{held or 'none of them'}, so it has no calendar-year total for {year}.", match)
    value = sum(r["value"] for r in rows)
    working = " + ".join(fmt.number(r["value"]) for r in rows)
    where = scope.area(rows[0]["area"])
    lines.append(f"- {where}, {year}: **{fmt.number(value)}** ({working}: "
                 + ", ".join(f"{scope.quarter(r['quarter'])} {r['period']}" for r in rows) + ")")
    facts.append(Fact(label=f"{measure_title(scope, match)} ({where}, calendar year {year})",
                      value=value, unit=rows[0]["unit"], area=where, period=year,
                      source=scope.fact(rows[0]).source, derived=working))
    return rows
