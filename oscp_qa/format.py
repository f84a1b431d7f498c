"""How numbers and labels read in answers: thousands separators, signed changes, per cents (worked
out ones to one decimal place, the plan's own as printed)."""

from __future__ import annotations


def number(value: float) -> str:
    """1,474 for whole numbers; two decimals otherwise."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + number(value)


def percent(value: float, signed_: bool = False) -> str:
    """A worked-out per cent as a reader takes it in, "44.1%"; `facts` keep the exact value."""
    text = f"{value:,.1f}%"
    return ("+" + text) if signed_ and value > 0 else text


def printed_percent(value: float, signed_: bool = False) -> str:
    """A per cent the plan prints, as it prints it ("+11.01%"), so it can be found in the plan."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") + "%"
    return ("+" + text) if signed_ and value > 0 else text


def pct_change(old: float, new: float) -> float:
    return (new - old) / old * 100


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

