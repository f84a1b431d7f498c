"""Read years, financial years, quarters and other numbers from normalised text, exactly.

Numbers are never fuzzy-matched: "1005" is 1005, and a number that is not a year or a quarter
is kept as a plain number for the caller to place or to report as unplaced.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

YEAR_RANGE = range(1990, 2040)
QUARTERS = ("apr-jun", "jul-sep", "oct-dec", "jan-mar")   # a financial year's, in order
_FINANCIAL = re.compile(r"^(\d{4}|\d{2})[/-](\d{2}|\d{4})$")   # "2021/22", "21/22"
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_CHANGE_AFTER = {"change", "changes", "rise", "increase", "fall", "drop", "decrease", "difference",
                 "up", "down", "growth"}


class NumberMention(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    text: str
    kind: str  # "percent" | "money" | "count"
    way: str | None = None  # "more", "less" or "about": said just before it ("over 4,600")
    by: bool = False  # "by" before it, or before its way: an amount of change ("rose by 800")


class Periods(BaseModel):
    model_config = ConfigDict(extra="forbid")

    years: list[str] = []           # "2021" or "2018/19", in the order written
    quarters: list[str] = []        # "jul-sep"
    relative: str | None = None     # "latest" | "previous" | "next"
    numbers: list[NumberMention] = []


def financial_year(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def _financial(token: str) -> str | None:
    """'2021/22', '2021-2022' or '21/22': the financial year starting in 2021."""
    found = _FINANCIAL.match(token)
    if not found:
        return None
    start = int(found.group(1)) + (2000 if len(found.group(1)) == 2 else 0)
    end = int(found.group(2)[-2:])
    return financial_year(start) if start in YEAR_RANGE and end == (start + 1) % 100 else None


def read(tokens: list[str], words) -> Periods:
    """Years and quarters from the tokens; other numbers are kept as plain mentions."""
    found = Periods()
    text = " " + " ".join(tokens) + " "
    for run, phrases in words.quarter_runs.items():  # "April to December": three quarters
        if any(f" {phrase} " in text for phrase in phrases):
            found.quarters += [q for q in run.split() if q not in found.quarters]
    for quarter, phrases in words.quarters.items():
        if any(f" {phrase} " in text for phrase in phrases) and quarter not in found.quarters:
            found.quarters.append(quarter)
    for name, relative in (("latest_year", "latest"), ("previous_year", "previous"),
                           ("next_year", "next")):
        if any(f" {phrase} " in text for phrase in getattr(words, name)):
            found.relative = relative
    for index, token in enumerate(tokens):
        token = token.removeprefix("+")  # "+124": a change as printed
        before = tokens[index - 1] if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        financial = _financial(token)
        if financial:
            found.years.append(financial)
            continue
        then = tokens[index + 2] if index + 2 < len(tokens) else ""
        if token.isdigit() and len(token) == 4 and int(token) in YEAR_RANGE and (
                after != "%" or then in _CHANGE_AFTER):  # "2021, % change": the year, then what
            # is asked of it
            found.years.append(token)
        elif _NUMBER.match(token) and not re.match(r"^\d+-\d+$", token):
            kind = "percent" if after in {"%", "percent"} or (after == "per" and "cent" in text) \
                else "money" if before == "£" or after in {"pounds", "quid"} else "count"
            way = _way_before(tokens, index, words)
            found.numbers.append(NumberMention(value=float(token.replace(",", "")), text=token,
                                               kind=kind, way=way, by=_by_before(tokens, index)))
    return found


def _way_before(tokens: list[str], index: int, words) -> str | None:
    """"Over 4,600", "about £400,000": how a number is quoted, by the words just before it."""
    before = [t for t in tokens[max(0, index - 4):index] if t != "£"]
    return next((way for way, phrases in words.fraction_ways.items() for phrase in phrases
                 if before[-len(phrase.split()):] == phrase.split()), None)


_CHANGED = {"fewer", "more", "less", "higher", "lower", "extra", "up", "down", "increase",
            "decrease", "rise", "fall", "drop"}


def _by_before(tokens: list[str], index: int) -> bool:
    """"Rose by 800", "by more than 800", "1,000 fewer": the number is how much something
    changed."""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return "by" in [t for t in tokens[max(0, index - 4):index] if t != "£"] or after in _CHANGED
