"""What the browse pages show: the plan's tables, priorities, achievements, duties and glossary,
as lists and DataFrames, filtered here so that every filter is testable without the app.

Each item carries `question`: what its "Ask about this" button asks the assistant.
The pages show the newest plan, read through its Repository.
"""

from __future__ import annotations

import sqlite3

import pandas as pd
from pydantic import BaseModel, ConfigDict

from . import figures
from .answer import Chart, ChartPoint
from .assistant import Engine
from .plans import NO_PERIOD
from .schema import Table
from .texts import GENERAL

STAT_HEADINGS = {
    "count": "Count",
    "percent": "Per cent",
    "printed_change": "Change, as printed",
    "printed_change_pct": "Per cent change, as printed",
    "printed_share_pct": "Share in per cent, as printed",
}
NO_PCC = "none"                    # the priorities filter value for rows with no PCC priority


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str


class Priority(Item):
    number: int
    text: str
    pcc_priority: int | None
    theme: str
    theme_label: str
    keywords: list[str]


class Achievement(Item):
    id: str
    theme: str
    theme_label: str
    heading: str
    title: str
    summary: str
    text: str
    facts: list[tuple[str, str]]


class Duty(Item):
    id: str
    name: str
    summary: str
    text: str


class Term(Item):
    term: str
    stands_for: str
    stands_for_general: bool = False    # the plan does not spell the term out
    meaning: str
    general: str = ""                   # general knowledge, not from the plan
    in_plan: str
    aliases: list[str]


class StatTable(Table):
    """One table (or chart, or sentence giving figures) of the plan, ready to show."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    question: str
    caveats: list[str]
    figures: pd.DataFrame
    chart: Chart | None
    directions: list[str] = []

    @property
    def heading(self) -> str:
        return f"{self.label}: {self.title}"

    @property
    def file_name(self) -> str:
        return f"oscp-{self.id}.csv"


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _matches(words: str, *fields: str) -> bool:
    """Every word of the filter appears somewhere in the fields (case ignored)."""
    haystack = " ".join(f or "" for f in fields).lower()
    return all(word in haystack for word in words.lower().split())


# --- statistics ---------------------------------------------------------------------------------


def statistics(engine: Engine) -> list[StatTable]:
    """Every table of the plan, in the plan's order, with its figures, caveats and chart."""
    return [_stat_table(engine, table) for table in engine.plans.newest.tables()]


def sections(tables: list[StatTable]) -> dict[str, list[StatTable]]:
    grouped: dict[str, list[StatTable]] = {}
    for table in tables:
        grouped.setdefault(table.section, []).append(table)
    return grouped


def _stat_table(engine: Engine, table: dict) -> StatTable:
    scope, plan = engine.plans, engine.plans.newest
    figures = plan.table_figures(table["id"])
    directions = plan.table_directions(table["id"])
    measure = scope.measures[table["measure"]]
    question = (f"Tell me about {measure.label}" if figures or directions
                else f"What do the figures for {measure.label} include?")
    return StatTable(
        **{k: v for k, v in table.items() if k != "plan"}, question=question,
        caveats=scope.caveats([table]), figures=figures_frame(engine, figures),
        chart=table_chart(engine, table["title"], figures),
        directions=[_direction(engine, row) for row in directions])


def figures_frame(engine: Engine, rows: list[sqlite3.Row]) -> pd.DataFrame:
    """A table's figures as the CSV download holds them; columns the table never uses dropped."""
    scope = engine.plans
    frame = pd.DataFrame({
        "Area": [scope.area(r["area"]) for r in rows],
        "Period": [r["period"] or NO_PERIOD for r in rows],
        "Quarter": [scope.quarter(r["quarter"]) for r in rows],
        "Breakdown": [scope.category(r["category"]) for r in rows],
        "Figure": [STAT_HEADINGS.get(r["stat"], r["stat"]) for r in rows],
        "Value": [r["value"] for r in rows],
        "Unit": [r["unit"] for r in rows],
        "As printed in the plan": [r["row_label"].strip('"') for r in rows],
    })
    keep = [c for c in frame.columns if c == "Value" or frame[c].astype(str).str.strip().any()]
    return frame[keep]


def table_chart(engine: Engine, title: str, rows: list[sqlite3.Row]) -> Chart | None:
    """A chart of a table's counts (or per cents): a line where it runs over three or more
    periods or quarters, labelled bars otherwise. None for tables with nothing to draw."""
    scope = engine.plans
    rows = [r for r in rows if r["stat"] == "count"] or [r for r in rows if r["stat"] == "percent"]
    if not rows:
        return None
    measure = scope.measures[rows[0]["measure"]]
    parts = [r for r in rows if r["category"] != measure.total_category]
    rows = parts or rows
    unit = rows[0]["unit"].capitalize()
    areas = list(dict.fromkeys(r["area"] for r in rows))
    periods = list(dict.fromkeys(r["period"] for r in rows))
    categories = list(dict.fromkeys(r["category"] for r in rows if r["category"]))

    def point(x: str, row: sqlite3.Row, series: str = "") -> ChartPoint:
        return ChartPoint(x=x, y=row["value"], series=series)

    if any(r["quarter"] for r in rows):
        return Chart(kind="line", title=title, x_label="Quarter", y_label=unit,
                     points=[point(f"{r['period']} {_short_quarter(r['quarter'])}", r)
                             for r in rows])
    if len(periods) >= 3:
        series = len(areas) > 1
        return Chart(kind="line", title=title, x_label="Year", y_label=unit,
                     points=[point(r["period"], r, scope.area(r["area"]) if series else "")
                             for r in rows])
    if len(areas) == 1:
        return Chart(kind="bar", title=title, x_label="Breakdown" if categories else "Year",
                     y_label=unit,
                     points=[point(scope.category(r["category"]) or r["period"], r) for r in rows])
    grouped = len(categories) > 1 or len(periods) > 1
    return Chart(kind="bar", title=title, x_label="Area", y_label=unit,
                 points=[point(scope.area(r["area"]), r,
                               (scope.category(r["category"]) or r["period"]) if grouped else "")
                         for r in rows])


def _short_quarter(quarter: str) -> str:
    """'apr-jun' -> 'Apr–Jun', short enough for an axis label."""
    return "–".join(part.capitalize() for part in quarter.split("-"))


def _direction(engine: Engine, row: sqlite3.Row) -> str:
    return figures.said(engine.plans, row).replace("**", "")


# --- priorities ---------------------------------------------------------------------------------


def pcc_priorities(engine: Engine) -> dict[int, str]:
    return {r["number"]: r["text"] for r in engine.plans.newest.pcc_priorities()}


def themes(engine: Engine) -> dict[str, str]:
    return engine.plans.newest.themes()


def note(engine: Engine, note_id: str) -> str:
    row = engine.plans.newest.note(note_id)
    return row["text"] if row else ""


def priorities(engine: Engine, pcc: int | str | None = None, theme: str | None = None,
               text: str = "") -> list[Priority]:
    """OSCP's priorities in the plan's order. pcc: a PCC priority number, NO_PCC for rows
    linked to none, None for any; theme: a theme id or None; text: words to find."""
    labels = themes(engine)
    found = []
    for row in engine.plans.newest.priorities():
        keywords = _split(row["keywords"])
        label = labels.get(row["theme"], row["theme"])
        if pcc == NO_PCC and row["pcc_priority"] is not None:
            continue
        if pcc not in (None, NO_PCC) and row["pcc_priority"] != int(pcc):
            continue
        if theme and row["theme"] != theme:
            continue
        if text and not _matches(text, row["text"], label, *keywords):
            continue
        found.append(Priority(
            number=row["position"], text=row["text"], pcc_priority=row["pcc_priority"],
            theme=row["theme"], theme_label=label, keywords=keywords,
            question=f"Which OSCP priorities are about {label.lower()}?"))
    return found


def priorities_frame(items: list[Priority]) -> pd.DataFrame:
    return pd.DataFrame({
        "No.": [p.number for p in items],
        "Priority": [p.text for p in items],
        "PCC priority": [str(p.pcc_priority) if p.pcc_priority else "None" for p in items],
        "Theme": [p.theme_label for p in items],
    })


def priority_themes(engine: Engine) -> dict[str, str]:
    """The themes that at least one priority has, in the plan's order."""
    labels = themes(engine)
    used = dict.fromkeys(r["theme"] for r in engine.plans.newest.priorities())
    return {t: labels.get(t, t) for t in used}


# --- achievements, duties, glossary -------------------------------------------------------------


def achievements(engine: Engine, theme: str | None = None) -> list[Achievement]:
    labels = themes(engine)
    plan = engine.plans.newest
    found = []
    for row in plan.achievements():
        if theme and row["theme"] != theme:
            continue
        facts = [(f["label"], f["value"]) for f in plan.achievement_facts(row["id"])]
        found.append(Achievement(
            id=row["id"], theme=row["theme"], theme_label=labels.get(row["theme"], row["theme"]),
            heading=row["heading"], title=row["title"], summary=row["summary"], text=row["text"],
            facts=facts, question=f"What is {row['title']}?"))
    return found


def achievements_by_theme(engine: Engine, theme: str | None = None) -> dict[str, list[Achievement]]:
    """Achievements of the year grouped under their theme's label, themes in the plan's order."""
    grouped: dict[str, list[Achievement]] = {}
    for item in achievements(engine, theme):
        grouped.setdefault(item.theme_label, []).append(item)
    return grouped


def achievement_themes(engine: Engine) -> dict[str, str]:
    labels = themes(engine)
    used = dict.fromkeys(r["theme"] for r in engine.plans.newest.achievements())
    return {t: labels.get(t, t) for t in used}


def duties(engine: Engine) -> list[Duty]:
    return [Duty(id=r["id"], name=r["name"], summary=r["summary"], text=r["text"],
                 question=f"What is the {r['name']} duty?")
            for r in engine.plans.newest.duties()]


def glossary(engine: Engine, query: str = "") -> list[Term]:
    """Glossary terms, alphabetical; with a query, those whose term, expansion, other names or
    meaning hold every word of it, terms whose names match listed first."""
    rows = engine.plans.newest.glossary()
    terms = [Term(term=r["term"], stands_for=r["stands_for"] or "", meaning=r["meaning"],
                  stands_for_general=r["stands_for_source"] == "general",
                  general=r["general"] or "", in_plan=r["in_plan"] or "", aliases=_split(r["aliases"]),
                  question=f"Where does the plan mention {r['term']}?" if r["named_only"]
                  else f"What does {r['term']} mean?") for r in rows]  # the plan never says
    # what a term named only in passing is, so its button asks where it is named
    terms.sort(key=lambda t: t.term.lower())
    if not query.strip():
        return terms
    named = [t for t in terms if _matches(query, t.term, t.stands_for, *t.aliases)]
    described = [t for t in terms if t not in named and _matches(query, t.meaning, t.general)]
    return named + described


def glossary_frame(items: list[Term]) -> pd.DataFrame:
    return pd.DataFrame({
        "Term": [t.term for t in items],
        "Stands for": [t.stands_for for t in items],
        "Meaning": [t.meaning for t in items],
        f"{GENERAL[:1].upper()}{GENERAL[1:]}": [
            "; ".join(filter(None, [f"stands for {t.stands_for}" if t.stands_for_general else "",
                                    t.general])) for t in items],
        "Where the plan uses it": [t.in_plan for t in items],
    })
