"""Figures for the rest of an area: "Oxfordshire outside Oxford" is Oxfordshire's figure less
Oxford's, "Thames Valley outside Oxfordshire" Thames Valley's less Oxfordshire's. The plan
prints neither, so every one is worked out with the arithmetic shown."""

from __future__ import annotations

from collections import defaultdict

from . import format as fmt
from . import verdicts
from .answer import Answer, Chart, ChartPoint, Fact
from .figures import answer_with, measure_title, years_to_compare
from .plans import Plans
from .question import Frame, Match


def remainder(scope: Plans, match: Match, frame: Frame) -> Answer:
    """The rest of an area, for the years asked; as a change when a change was asked."""
    op = match.area_op
    label = f"{scope.area(op.whole)} outside {scope.area(op.part)}"
    changing = match.intent in ("change", "trend")
    if changing:
        start, end = years_to_compare(scope, match)
        periods = [start, end] if match.intent == "change" else []
    else:
        periods = match.periods or scope.dimension(match.measure, "period")[-1:]
    rows = scope.select(match.model_copy(update={"areas": [op.whole, op.part], "periods": periods}))
    rows = [r for r in rows if r["unit"] != "per cent"]
    pairs: dict[tuple, dict[str, object]] = defaultdict(dict)
    for row in rows:
        pairs[(row["period"], row["quarter"], row["category"])][row["area"]] = row
    lines = [f"{measure_title(scope, match)}, {label} (the plan gives no figure for it, so it is "
             f"{scope.area(op.whole)}'s figure less {scope.area(op.part)}'s):"]
    facts, series = [], {}
    for (period, quarter, category), pair in pairs.items():
        if op.whole not in pair or op.part not in pair:
            continue
        whole, part = pair[op.whole], pair[op.part]
        value = whole["value"] - part["value"]
        arithmetic = f"{fmt.number(whole['value'])} − {fmt.number(part['value'])}"
        when = ", ".join(filter(None, [scope.quarter(quarter), period, scope.category(category)]))
        lines.append(f"- {when}: **{fmt.number(value)}** ({arithmetic})")
        series[(quarter, category, period)] = value
        facts += [scope.fact(whole), scope.fact(part),
                  Fact(label=f"{measure_title(scope, match)} ({label}, {when})", value=value,
                       unit=whole["unit"], area=label, period=period,
                       source=scope.fact(whole).source, derived=arithmetic)]
    if not facts:
        raise scope.refuse(f"The plan does not give both {scope.area(op.whole)}'s and "
                           f"{scope.area(op.part)}'s {scope.measures[match.measure].label} for "
                           f"the same years, so it cannot work out {label}.", match)
    if changing:  # and the part's own change beside it: "did the rest rise faster than Oxford?"
        part_series = {key: pairs[(key[2], key[0], key[1])][op.part]["value"] for key in series}
        lines += _changes(series, label) + _changes(part_series, scope.area(op.part))
        slices = _years_of(series)
        if frame.asks == "yes_no" and len(slices) == 1 and len(slices[0]) > 1:  # one strand
            # over two years or more: one verdict
            lines.insert(0, _faster(series, part_series, label, scope.area(op.part), frame))
    elif match.intent == "total" or (frame.asks == "count" and not match.categories and len(
            {key[1] for key in series}) > 1):  # "how many hate crime victims outside Oxford?":
        # every strand, and all of them together
        if scope.measures[match.measure].summable or len(match.categories) > 1:  # "FGM + FM"
            facts += _totals(series, label, measure_title(scope, match), lines, facts[0].source)
        if len({key[2] for key in series}) > 1:  # "the five-year total"
            facts += _over_years(series, label, measure_title(scope, match), lines,
                                 facts[0].source)
    elif match.intent == "share":  # "what share of the county's is outside Oxford?"
        facts += _shares(series, pairs, op.whole, label, scope.area(op.whole), lines,
                         facts[0].source)
    chart = Chart(kind="line" if changing else "bar", title=f"{measure_title(scope, match)}: {label}",
                  x_label="Year", y_label=rows[0]["unit"].capitalize(),
                  points=[ChartPoint(x=p, y=v, series=scope.category(c) or label)
                          for (_, c, p), v in series.items()])
    return answer_with(scope, match, lines, rows, facts=facts, chart=chart)


def _totals(series: dict[tuple, float], label: str, title: str, lines: list[str],
            source: str) -> list[Fact]:
    """'All strands together': the remainder's parts added up for each year, with the working."""
    by_period: dict[str, list[float]] = defaultdict(list)
    for (_, _, period), value in series.items():
        by_period[period].append(value)
    found = []
    for period, values in by_period.items():
        if len(values) < 2:
            continue
        arithmetic = " + ".join(fmt.number(v) for v in values)
        lines.append(f"All together, {period}: **{fmt.number(sum(values))}** ({arithmetic})")
        found.append(Fact(label=f"Total {title} ({label}, {period})", value=sum(values),
                          area=label, period=period, source=source, derived=arithmetic))
    return found


def _years_of(series: dict[tuple, float]) -> list[list[tuple[str, float]]]:
    """The remainder's (year, value) points for each strand and quarter, in year order."""
    by_slice: dict[tuple, list[tuple[str, float]]] = defaultdict(list)
    for (quarter, category, period), value in series.items():
        by_slice[(quarter, category)].append((period, value))
    return [sorted(points) for points in by_slice.values()]


def _over_years(series: dict[tuple, float], label: str, title: str, lines: list[str],
                source: str) -> list[Fact]:
    """The remainder added up over the years asked, strand by strand, with the working."""
    found = []
    for points in _years_of(series):
        years = f"{points[0][0]} to {points[-1][0]}"
        arithmetic = " + ".join(fmt.number(v) for _, v in points)
        value = sum(v for _, v in points)
        lines.append(f"Added up, {years}: **{fmt.number(value)}** ({arithmetic})")
        found.append(Fact(label=f"Total {title} ({label}, {years})", value=value, area=label,
                          period=years, source=source, derived=arithmetic))
    return found


def _shares(series: dict[tuple, float], pairs: dict, whole: str, label: str, whole_label: str,
            lines: list[str], source: str) -> list[Fact]:
    """The remainder as a share of the whole it is taken from, with the working."""
    found = []
    for (quarter, category, period), value in series.items():
        total = pairs[(period, quarter, category)][whole]["value"]
        share = round(value / total * 100, 2)
        working = f"{fmt.number(value)} ÷ {fmt.number(total)} × 100"
        lines.append(f"That is **{fmt.percent(share)}** of {whole_label}'s {period} figure "
                     f"({working}).")
        found.append(Fact(label=f"{label} as a share of {whole_label} ({period})", value=share,
                          unit="per cent", area=label, period=period, source=source,
                          derived=working))
    return found


def _faster(rest: dict[tuple, float], part: dict[tuple, float], label: str, name: str,
            frame: Frame) -> str:
    """"Did the rest of the county see a bigger jump than Oxford?": yes or no first, by per
    cent when a percentage was asked, else by the number."""
    def moved(series: dict[tuple, float]) -> float:
        (_, old), *_, (_, new) = _years_of(series)[0]
        return fmt.pct_change(old, new) if frame.signals.by_percent else new - old
    a, b = moved(rest), moved(part)
    bigger = a < b if frame.signals.lowest or frame.signals.direction == "down" else a > b
    show = (lambda v: fmt.percent(v, True)) if frame.signals.by_percent else fmt.signed
    return f"**{'Yes' if bigger else 'No'}.** {label}: {show(a)}; {name}: {show(b)}."


def _changes(series: dict[tuple, float], label: str) -> list[str]:
    """The change in the remainder from its first year to its last, with the working."""
    lines = []
    for points in _years_of(series):
        (first, old), (last, new) = points[0], points[-1]
        if first == last:
            continue
        diff, pct = new - old, fmt.pct_change(old, new)
        lines.append(f"From {first} to {last}, {label} changed by **{fmt.signed(diff)}** "
                     f"({fmt.number(new)} − {fmt.number(old)}), **{fmt.percent(pct, True)}** "
                     f"({fmt.signed(diff)} ÷ {fmt.number(old)} × 100).")
    return lines


def difference(scope: Plans, match: Match, frame: Frame) -> Answer:
    """'How many more in Oxfordshire than in Oxford?': one area's figure less the other's, for
    the same year, strand and quarter, with the working."""
    first, second = match.areas[:2]
    periods = match.periods or scope.dimension(match.measure, "period")[-1:]
    rows = [r for r in scope.select(match.model_copy(update={"periods": periods[-1:]}))
            if r["unit"] != "per cent"]
    pairs: dict[tuple, dict[str, object]] = defaultdict(dict)
    for row in rows:
        pairs[(row["period"], row["quarter"], row["category"])][row["area"]] = row
    lines = [f"{measure_title(scope, match)}: {scope.area(first)} against {scope.area(second)}:"]
    facts, sums = [], {first: [], second: []}
    for (period, quarter, category), pair in pairs.items():
        if first not in pair or second not in pair:
            continue
        a, b = pair[first], pair[second]
        diff = a["value"] - b["value"]
        when = ", ".join(filter(None, [scope.quarter(quarter), scope.when(a), scope.category(category)]))
        lines.append(f"- {when}: {scope.area(first)} {fmt.number(a['value'])}, {scope.area(second)} "
                     f"{fmt.number(b['value'])}: **{fmt.signed(diff)}** ({fmt.number(a['value'])} − "
                     f"{fmt.number(b['value'])})")
        sums[first].append(a["value"])
        sums[second].append(b["value"])
        facts.append(Fact(label=f"{scope.area(first)} less {scope.area(second)} ({when})", value=diff,
                          unit=a["unit"], area=f"{scope.area(first)} − {scope.area(second)}",
                          period=period, source=scope.fact(a).source,
                          derived=f"{fmt.number(a['value'])} − {fmt.number(b['value'])}"))
    if not facts:
        raise scope.refuse(f"The plan does not give {scope.measures[match.measure].label} for both "
                           f"{scope.area(first)} and {scope.area(second)} in the same year.", match)
    times = frame.signals.multiple is not None or frame.signals.times_asked
    if times and len(facts) == 1 and sums[second][0]:  # "more than ten times Oxford's?"
        verdict, working = verdicts.multiple(sums[first][0], sums[second][0],
                                             frame.signals.multiple, frame.signals.fraction_way,
                                             (scope.area(first), scope.area(second)))
        lines.insert(0, verdict)
        facts.append(Fact(label=f"{scope.area(first)} as a multiple of {scope.area(second)}",
                          value=round(sums[first][0] / sums[second][0], 2), unit="times",
                          source=facts[0].source, derived=working))
    elif frame.asks == "yes_no" and frame.signals.than and len(facts) == 1:  # "is Oxford's
        fewer = frame.signals.lowest or frame.signals.direction == "down"  # higher than the
        held = facts[0].value < 0 if fewer else facts[0].value > 0  # county's?": the first
        lines.insert(0, "**Yes.**" if held else "**No.**")  # named against the second
    if len(facts) > 1 and scope.measures[match.measure].summable and not match.categories:
        total_a, total_b = sum(sums[first]), sum(sums[second])
        lines.append(f"All together: **{fmt.signed(total_a - total_b)}** ({fmt.number(total_a)} − "
                     f"{fmt.number(total_b)}), {fmt.number(total_a)} being "
                     f"{' + '.join(fmt.number(v) for v in sums[first])}.")
    return answer_with(scope, match, lines, rows, facts=facts + [scope.fact(r) for r in rows])
