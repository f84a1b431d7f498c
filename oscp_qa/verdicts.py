"""Yes or no first, for questions that ask one: "has it gone up every year?", "the plan says it
fell by 8.43%, is that right?". The figures and the working follow the verdict."""

from __future__ import annotations

from . import format as fmt


def every_year(series: dict[str, list[tuple[str, float]]]) -> str:
    """Whether each series rose (or fell) in every step, naming the years that broke the run."""
    verdicts = []
    for where, points in series.items():
        steps = [(a[0], b[0], b[1] - a[1]) for a, b in zip(points, points[1:], strict=False)]
        up = [s for s in steps if s[2] > 0]
        down = [s for s in steps if s[2] < 0]
        if len(up) == len(steps):
            verdicts.append(f"{where}: yes, it rose every year")
        elif len(down) == len(steps):
            verdicts.append(f"{where}: it fell every year")
        else:
            breaks = ", ".join(f"{a} to {b} ({fmt.signed(d)})" for a, b, d in steps if d <= 0)
            verdicts.append(f"{where}: no, not every year: it did not rise from {breaks}")
    overall = "Yes" if all("yes" in v for v in verdicts) else "No"
    return f"**{overall}.** " + "; ".join(verdicts) + "."


def quoted_percent(quoted: float, worked: float, printed: float | None) -> str:
    """Check a percentage the user quotes against the arithmetic and the plan's own print."""
    close = abs(abs(quoted) - abs(worked)) < 0.05 or round(abs(worked)) == abs(quoted)
    said = f"{fmt.number(abs(quoted))}%"
    if close:
        return f"**Yes.** {said} matches the figures: worked out, the change is {fmt.percent(worked, True)}."
    if printed is not None and abs(abs(printed) - abs(quoted)) < 0.05:
        return (f"**No.** The plan prints {said}, but worked out from its own figures the change is "
                f"{fmt.percent(worked, True)}.")
    return (f"**No.** Worked out from the plan's figures the change is {fmt.percent(worked, True)}, "
            f"not {said}.")
