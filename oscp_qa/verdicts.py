"""Yes or no first, for questions that ask one: "has it gone up every year?", "the plan says it
fell by 8.43%, is that right?". The figures and the working follow the verdict."""

from __future__ import annotations

from . import format as fmt


def every_year(series: dict[str, list[tuple[str, float]]], way: str | None) -> str:
    """Whether each series moved the way asked ("up" unless "down") in every step, naming
    the years that broke the run."""
    way = way or "up"
    word = "rose" if way == "up" else "fell"
    verdicts = []
    for where, points in series.items():
        steps = [(a[0], b[0], b[1] - a[1]) for a, b in zip(points, points[1:], strict=False)]
        broke = [s for s in steps if (s[2] <= 0 if way == "up" else s[2] >= 0)]
        if not broke:
            verdicts.append(f"{where}: yes, it {word} every year")
        else:
            years = ", ".join(f"{a} to {b} ({_moved(d)})" for a, b, d in broke)
            verdicts.append(f"{where}: no, it did not {'rise' if way == 'up' else 'fall'} "
                            f"from {years}")
    overall = "Yes" if all(": yes" in v for v in verdicts) else "No"
    return f"**{overall}.** " + "; ".join(verdicts) + "."


def latest_step(series: dict[str, list[tuple[str, float]]], way: str) -> str:
    """'Is it going down?': the latest year's change, area by area, answers yes or no."""
    verdicts = []
    for where, points in series.items():
        (before, old), (last, new) = points[-2], points[-1]
        moved = "up" if new > old else "down" if new < old else None
        said = f"it {_moved(new - old)} from {before} to {last}"
        verdicts.append((moved == way, f"{where}: {'yes' if moved == way else 'no'}, {said}"))
    overall = "Yes" if all(ok for ok, _ in verdicts) else \
        "No" if not any(ok for ok, _ in verdicts) else "Partly"
    return f"**{overall}.** " + "; ".join(v for _, v in verdicts) + "."


def which_way(series: dict[str, list[tuple[str, float]]]) -> str:
    """'Up or down?': the way each series went from its first year to its last, in a word."""
    ways = []
    for where, points in series.items():
        moved = points[-1][1] - points[0][1]
        ways.append(f"{where}: {'up' if moved > 0 else 'down' if moved < 0 else 'unchanged'}")
    return "**" + "; ".join(ways) + ".**"


def _moved(change: float) -> str:
    """A step in words a reader scans for ("it fell by 149"), not a sign alone."""
    if not change:
        return "was unchanged"
    return f"{'rose' if change > 0 else 'fell'} by {fmt.number(abs(change))}"


def multiple(first: float, second: float, times: float | None, way: str | None,
             names: tuple[str, str] | None = None) -> tuple[str, str]:
    """'More than double?': the first figure as a multiple of the second, worked out, and the
    yes or no ("about" holds within a tenth of the multiple asked); "how many times?" (no
    multiple quoted): the multiple alone."""
    ratio = first / second
    working = f"{fmt.number(first)} ÷ {fmt.number(second)}"
    said = f"{names[0][:1].upper()}{names[0][1:]} is **{ratio:.2f}** times {names[1]}" if names else \
        f"It is **{ratio:.2f}** times"
    if times is None:
        return f"{said} ({working}).", working
    held = {"more": ratio > times, "less": ratio < times,
            "about": abs(ratio - times) <= times / 10}[way or "about"]
    return f"**{'Yes' if held else 'No'}.** {said} ({working}).", working


def asked_way(way: str, periods_named: list[str], start: str) -> str:
    """The way asked, from the earlier year to the later: "more in 2018/19 than in 2021/22?"
    names the earlier year first, so asks whether it went down."""
    if len(periods_named) == 2 and periods_named[0] == start:
        return "down" if way == "up" else "up"
    return way


def quoted_percent(quoted: float, worked: float, printed: float | None,
                   way: str | None = None) -> str:
    """Check a percentage the user quotes against the arithmetic and the plan's own print;
    "by more than 10%?" holds of any change above it."""
    said = f"{fmt.number(abs(quoted))}%"
    if way:
        held = holds(abs(worked), abs(quoted), way)
        return (f"**{'Yes' if held else 'No'}.** Worked out, the change is "
                f"{fmt.percent(worked, True)}{', ' if held else ', not '}{WAYS[way]} {said}.")
    close = abs(abs(quoted) - abs(worked)) < 0.05 or round(abs(worked)) == abs(quoted)
    if close:
        return f"**Yes.** {said} matches the figures: worked out, the change is {fmt.percent(worked, True)}."
    if printed is not None and abs(abs(printed) - abs(quoted)) < 0.05:
        return (f"**No.** The plan prints {said}, but worked out from its own figures the change is "
                f"{fmt.percent(worked, True)}.")
    return (f"**No.** Worked out from the plan's figures the change is {fmt.percent(worked, True)}, "
            f"not {said}.")


def fraction(share: float, quoted: float, way: str) -> str:
    """'Is Oxford more than half the county's?': yes or no against the share worked out; 'about'
    holds within a tenth of the share quoted."""
    held = {"more": share > quoted, "less": share < quoted,
            "about": abs(share - quoted) <= quoted / 10}[way]
    return f"{'Yes' if held else 'No'}: it is {fmt.percent(share)}."


WAYS = {"more": "more than", "less": "less than", "about": "about"}


def holds(value: float, quoted: float, way: str | None) -> bool:
    """A figure against a number quoted "over", "under", "about" it, or as it is (a share
    quoted as its whole per cent holds: "16%" of 16.4%)."""
    if way == "more":
        return value > quoted
    if way == "less":
        return value < quoted
    if way == "about":
        return abs(value - quoted) <= abs(quoted) / 10
    return abs(value - quoted) < 0.05 or (value != int(value) and round(value) == quoted)


def quoted_figures(quoted: list[tuple[float, str | None]], shown: list[float],
                   unit: str = "", pound: str = "") -> str | None:
    """"I have 44 and 188, correct?": yes when every number quoted is one of the figures
    shown. "Oxford had 1,917 offences - correct?": yes or no against the figure shown, when
    every figure shown gives the same verdict. None when they cannot settle it, for the
    figures to speak for themselves."""
    if quoted and all(way is None and any(holds(v, q, None) for v in shown) for q, way in quoted):
        return f"**Yes**: the plan gives " \
               f"{fmt.listing([pound + fmt.number(q) + unit for q, _ in quoted])}."
    if len(quoted) != 1 or not shown or max(shown) > 1.05 * min(shown):  # several figures:
        return None  # the claim may be of their sum; one figure, maybe printed and worked out
    number, way = quoted[0]
    held = {holds(v, number, way) for v in shown}
    if len(held) != 1:
        return None
    value = f"{pound}{fmt.number(shown[0])}{unit}"
    said = f"{pound}{fmt.number(number)}{unit}"
    said = f"{WAYS[way]} {said}" if way else said
    if held.pop():
        return f"**Yes.** The figure is {value}" + (f", {said}." if way else ".")
    return f"**No.** The figure is {value}, not {said}."


def quoted_change(quoted: float, worked: float, elsewhere: str | None,
                  way: str | None = None) -> str:
    """"It went up by 933 between 2019 and 2020, can you check?": the change worked out, and
    which years the number quoted is the change between, if any; "by over 4,600?" holds of
    any change above it."""
    if way:
        held = holds(abs(worked), abs(quoted), way)
        return (f"**{'Yes' if held else 'No'}.** The change is {fmt.signed(worked)}"
                f"{', ' if held else ', not '}{WAYS[way]} {fmt.number(abs(quoted))}.")
    if abs(abs(quoted) - abs(worked)) < 0.5:
        return f"**Yes.** The change is {fmt.signed(worked)}."
    found = f" ({fmt.number(abs(quoted))} is the change {elsewhere}.)" if elsewhere else ""
    return f"**No.** The change is {fmt.signed(worked)}, not {fmt.number(abs(quoted))}.{found}"


def quoted_share(quoted: float, worked: float, way: str | None = None) -> str:
    """"The plan says 28% - does that add up?": right to the number quoted, or only rounded;
    "about 28%?", "over a quarter?" hold of any share that near or above it."""
    if way:
        held = holds(worked, quoted, way)
        return (f"**{'Yes' if held else 'No'}.** Worked out, the share is {worked:.2f}%"
                f"{', ' if held else ', not '}{WAYS[way]} {fmt.number(quoted)}%.")
    if abs(quoted - worked) < 0.05:
        return f"**Yes.** Worked out, the share is {worked:.2f}%."
    if int(worked) == int(quoted) or round(worked) == quoted:
        return (f"**Roughly.** Worked out, the share is {worked:.2f}%, which "
                f"{'rounds' if round(worked) == quoted else 'is cut'} to {fmt.number(quoted)}%.")
    return f"**No.** Worked out, the share is {worked:.2f}%, not {fmt.number(quoted)}%."
