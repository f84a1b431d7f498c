"""How numbers and labels read in answers: thousands separators, signed changes, per cents."""

from __future__ import annotations


def number(value: float) -> str:
    """1,474 for whole numbers; two decimals otherwise."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + number(value)


def percent(value: float, signed_: bool = False) -> str:
    text = f"{value:.2f}%"
    return ("+" + text) if signed_ and value > 0 else text


def pct_change(old: float, new: float) -> float:
    return (new - old) / old * 100


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

