"""What an answer is composed from: one plan's data, the labels for its ids, and the checks
that turn a request the plan cannot meet into a plain "the plan does not include ..."."""

from __future__ import annotations

import sqlite3

from . import format as fmt
from .answer import Answer, Fact, Status
from .question import Match
from .retrieve import Repository
from .schema import Plan

NO_PERIOD = "period not stated in the plan"   # a figure the plan gives without its period


class Refusal(Exception):
    """The plan cannot answer as asked; carries the no-answer to give instead."""

    def __init__(self, answer: Answer):
        super().__init__(answer.text)
        self.answer = answer


class Scope:
    def __init__(self, repo: Repository, plan: sqlite3.Row):
        self.repo, self.plan = repo, plan
        self.plan_id, self.title = plan["id"], plan["title"]
        self.info = Plan.model_validate_json(plan["json"])   # plan.yaml: its sections, wording
        language = repo.language
        self.areas = {a.id: a for a in language.areas}
        self.measures = {m.id: m for m in language.measures}
        self.categories = {c.id: c.label for c in language.categories}
        self.words = language.words

    # --- labels ----------------------------------------------------------------------------------

    def area(self, area_id: str | None) -> str:
        return self.areas[area_id].label if area_id in self.areas else (area_id or "")

    def category(self, category_id: str | None) -> str:
        return self.categories.get(category_id or "", category_id or "")

    def quarter(self, quarter: str | None) -> str:
        phrases = self.words.quarters.get(quarter or "")
        if not phrases:
            return quarter or ""
        return " ".join(w if w == "to" else w.capitalize() for w in phrases[0].split())

    def when(self, row: sqlite3.Row) -> str:
        period = row["period"] or NO_PERIOD
        return f"{self.quarter(row['quarter'])} {period}" if row["quarter"] else period

    def describe(self, row: sqlite3.Row, with_area: bool = True) -> str:
        """'Oxford, 2021, race' for a figure row."""
        parts = [self.area(row["area"])] if with_area else []
        parts.append(self.when(row))
        if row["category"]:
            parts.append(self.category(row["category"]))
        return ", ".join(parts)

    def table_source(self, table_id: str) -> str:
        table = self.repo.table(self.plan_id, table_id)
        return f"{self.title}, {table['label']}: {table['title']}" if table else self.title

    def fact(self, row: sqlite3.Row, label: str | None = None) -> Fact:
        table = self.repo.table(self.plan_id, row["table"])
        return Fact(
            label=label or f"{self.measures[row['measure']].label} ({self.describe(row)})",
            value=row["value"], unit=row["unit"], area=self.area(row["area"]),
            period=self.when(row), source=f"{table['label']}, row '{row['row_label']}'",
        )

    def caveats(self, table_ids) -> list[str]:
        seen: dict[str, str] = {}
        for table_id in dict.fromkeys(table_ids):
            for note in self.repo.notes(self.plan_id, table_id):
                seen.setdefault(note["id"], note["text"])
        return list(seen.values())

    def programme_facts(self, achievement_id: str, kinds: set[str]) -> tuple:
        """The achievement's facts of these kinds, or those of the one that continues it (the
        next under the same heading, pointing back to it): (row, facts), facts empty if none."""
        rows = self.repo.achievements(self.plan_id)
        at = next((i for i, r in enumerate(rows) if r["id"] == achievement_id), None)
        if at is None:
            return None, []
        chain = [rows[at]]
        if at + 1 < len(rows) and rows[at + 1]["heading"] == rows[at]["heading"] and any(
                ref in rows[at + 1]["text"].lower() for ref in self.words.back_references):
            chain.append(rows[at + 1])
        for row in chain:
            facts = [f for f in self.repo.achievement_facts(self.plan_id, row["id"])
                     if f["kind"] in kinds]
            if facts:
                return row, facts
        return rows[at], []

    # --- choosing figures ------------------------------------------------------------------------

    def holdings(self, near: str = "") -> str:
        """One line on what figures the plan does hold, offered when it cannot answer: the few
        nearest in wording to what was asked, and how many more the Statistics page lists."""
        held = self.repo.measures_with_figures(self.plan_id)
        asked = set(near.lower().split())
        ranked = sorted(held, key=lambda m: -len(asked & set(self.measures[m].label.lower().split())))
        shown = ranked[:self.repo.language.settings.holdings_shown]
        labels = [self.measures[m].label for m in shown]
        more = len(held) - len(shown)
        tail = f", and {more} more tables on the Statistics page" if more > 0 else ""
        return f"The {self.title} has figures for {fmt.listing(labels)}{tail}."

    def refuse(self, text: str, match: Match, sources: list[str] | None = None) -> Refusal:
        return Refusal(Answer(status=Status.no_answer, text=text, intent=match.intent,
                              sources=sources or [], plan=self.title))

    def select(self, match: Match, *, all_categories: bool = False,
               any_period: bool = False) -> list[sqlite3.Row]:
        """The count figures a figure-intent needs, or a Refusal saying what the plan lacks."""
        measure = self.measures[match.measure]
        dims = {c: self.repo.dimension(self.plan_id, measure.id, c)
                for c in ("area", "period", "quarter", "category")}
        if not dims["area"]:  # every figure has an area; its period may be unstated
            said = " ".join(f"({t['label']}: {t['counts']})"
                            for t in self.repo.tables_for(self.plan_id, measure.id))
            raise self.refuse(
                f"The {self.title} does not include figures for {measure.label}. "
                f"{said + ' ' if said else ''}{self.holdings(measure.label)}", match)
        areas = self._areas(match, dims["area"], measure.label)
        periods = self._periods(match, dims, measure.label, any_period)
        for quarter in match.quarters:
            if quarter not in dims["quarter"]:
                raise self.refuse(f"The plan gives {measure.label} by year, not by quarter.", match)
        categories = [c for c in match.categories if c in dims["category"]] or None
        if categories is None and not all_categories and measure.default_category:
            categories = [measure.default_category]
        rows = self.repo.figures(self.plan_id, measure.id, "count", area=areas, period=periods,
                                 quarter=match.quarters or None, category=categories)
        rows += self.repo.figures(self.plan_id, measure.id, "percent", area=areas, period=periods,
                                  category=categories)
        if not rows:
            wanted = ", ".join(filter(None, [self.quarter(q) for q in match.quarters] + periods))
            raise self.refuse(
                f"The plan leaves {measure.label} for {wanted or 'that'} blank: it has no figure. "
                f"It gives figures for {fmt.listing(self._whens(measure.id))}.", match)
        return rows

    def _areas(self, match: Match, available: list[str], label: str) -> list[str] | None:
        if not match.areas:
            return None
        chosen = [a for a in available
                  if a in match.areas or set(self.areas[a].covers) & set(match.areas)]
        missing = [a for a in match.areas
                   if not any(a == c or a in self.areas[c].covers for c in chosen)]
        if missing:
            have = fmt.listing([self.area(a) for a in available])
            raise self.refuse(
                f"The plan gives {label} for {have} only; it has no figure for "
                f"{fmt.listing([self.area(a) for a in missing])}.", match)
        return chosen

    def _periods(self, match: Match, dims: dict, label: str, any_period: bool) -> list[str] | None:
        if not dims["period"]:  # the plan states no period: it has no figure it says is for a year
            if match.periods and not any_period:
                raise self.refuse(
                    f"The plan gives {label} without stating a period, so it has no figure it "
                    f"says is for {fmt.listing(match.periods)}. Ask about {label} without a year "
                    f"to see what it gives.", match)
            return None
        periods = list(match.periods)
        financial = all("/" in p for p in dims["period"])
        if financial:  # a calendar year asked of a financial-year table: the year that holds it
            back = 1 if match.quarters == ["jan-mar"] else 0
            periods = [p if "/" in p else f"{int(p) - back}/{(int(p) + 1 - back) % 100:02d}"
                       for p in periods]
        missing = [p for p in periods if p not in dims["period"]]
        if missing and not any_period:
            span = fmt.listing(dims["period"])
            raise self.refuse(
                f"The plan gives {label} for {span} only; it has no figure for "
                f"{fmt.listing(missing)}.", match)
        return periods or None

    def _whens(self, measure: str) -> list[str]:
        return list(dict.fromkeys(self.when(r) for r in self.repo.figures(self.plan_id, measure)))
