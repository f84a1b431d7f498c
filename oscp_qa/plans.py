"""What an answer is composed from: every plan's data, newest plan first, the labels for its
ids, and the checks that turn a request no plan can meet into a plain "the plan does not
include ...".

A figure comes from the newest plan that prints it; a year only an older plan prints still
comes from that one, and the answer says which plan each year is from and where a later plan
revised an earlier one's figure. Words (priorities, achievements, duties) come from one plan:
the newest, or the one the question names ("the 2022-23 plan").
"""

from __future__ import annotations

import sqlite3
from functools import cached_property

from . import format as fmt
from .answer import Answer, Fact, Status
from .intents import FIGURE_INTENTS
from .question import Frame, Match
from .retrieve import Database, Repository

NO_PERIOD = "period not stated in the plan"   # a figure the plan gives without its period
KEY = ("area", "period", "quarter", "category", "stat")   # what a figure is a figure of


class Refusal(Exception):
    """The plan cannot answer as asked; carries the no-answer to give instead."""

    def __init__(self, answer: Answer):
        super().__init__(answer.text)
        self.answer = answer


class Plans:
    """The plans an answer reads, newest first. `plan` is the one whose words answer."""

    def __init__(self, database: Database, plans: list[Repository],
                 plan: Repository | None = None):
        self.database, self.all = database, plans
        self.newest = plans[0]
        self.plan = plan or self.newest
        self.title = self.plan.title
        self._by_id = {p.id: p for p in plans}
        language = self.language = database.language
        self.areas = {a.id: a for a in language.areas}
        self.measures = {m.id: m for m in language.measures}
        self.categories = {c.id: c.label for c in language.categories}
        self.words = language.words

    def naming(self, frame: Frame, match: Match) -> Plans:
        """As this question reads them. An answer in words comes from the plan the question
        names by its year ("the priorities in the 2022-23 plan") or by the year its
        achievements are of ("achievements in 2021"), else from the newest; a programme or term
        asked about, from the newest of those plans that has it. Figures come from every plan."""
        if match.intent in FIGURE_INTENTS or len(self.all) == 1:
            return self
        named = self.all
        for year in ("plan_year", "achievements_year"):  # "2022-23" is read as the period "2022/23"
            found = [p for p in self.all
                     if str(getattr(p.info, year)).replace("-", "/") in frame.periods]
            if found:
                named = found
                break
        holding = [p for p in named if _holds(p, match.subject)] or \
            [p for p in self.all if _holds(p, match.subject)]
        chosen = (holding or named)[0]
        return self if chosen is self.plan else Plans(self.database, self.all, chosen)

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

    def table_of(self, row) -> dict | None:
        """The table a figure or direction row is printed in, in its own plan."""
        return self._by_id[row["plan"]].table(row["table"])

    def sources(self, rows) -> list[str]:
        """'OSCP Rolling Plan 2022-23, Table 4: …' for each table the rows (figures, directions
        or tables) are from, in order."""
        found = []
        for plan, table_id in _tables(rows):
            table = self._by_id[plan].table(table_id)
            title = self._by_id[plan].title
            found.append(f"{title}, {table['label']}: {table['title']}" if table else title)
        return found

    def fact(self, row: sqlite3.Row, label: str | None = None) -> Fact:
        plan = self._by_id[row["plan"]]
        table = plan.table(row["table"])
        return Fact(
            label=label or f"{self.measures[row['measure']].label} ({self.describe(row)})",
            value=row["value"], unit=row["unit"], area=self.area(row["area"]),
            period=self.when(row),
            source=f"{plan.title}, {table['label']}, row '{row['row_label']}'",
        )

    def notes_of(self, row) -> list[sqlite3.Row]:
        """The notes on the table a figure row is printed in."""
        return self._by_id[row["plan"]].notes(row["table"])

    def caveats(self, rows) -> list[str]:
        """The notes on the tables the rows are from, each once."""
        seen: dict[tuple[str, str], str] = {}
        for plan, table_id in _tables(rows):
            for note in self._by_id[plan].notes(table_id):
                seen.setdefault((plan, note["id"]), note["text"])
        return list(dict.fromkeys(seen.values()))

    def programme_facts(self, achievement_id: str, kinds: set[str], up: bool = False) -> tuple:
        """The achievement's facts of these kinds, or those of the one that continues it (the
        next under the same heading, pointing back to it), or, for who is behind it or when
        the question asks of what it was set up under (`up`: "how much was behind the project
        that launched it?"), of the ones it was set up under (their money is the whole's, not
        its own otherwise): (row, facts), facts empty if none."""
        rows = self.plan.achievements()
        at = next((i for i, r in enumerate(rows) if r["id"] == achievement_id), None)
        if at is None:
            return None, []
        chain = [rows[at]]
        following = self.plan.continuation(achievement_id, self.words.back_references)
        if following:
            chain.append(following)
        by_id = {r["id"]: r for r in rows}
        while (up or kinds & {"partners", "funder"}) and chain[-1]["part_of"] in by_id \
                and by_id[chain[-1]["part_of"]] not in chain:
            chain.append(by_id[chain[-1]["part_of"]])
        for row in chain:
            facts = [f for f in self.plan.achievement_facts(row["id"])
                     if f["kind"] in kinds]
            if facts:
                return row, facts
        return rows[at], []

    # --- figures, from the newest plan that prints each ---------------------------------------

    def figures(self, measure: str, stat: str = "count", **filters) -> list[sqlite3.Row]:
        """A measure's figures (each filter a list of accepted values, None: any): each from
        the newest plan that prints a figure of that area, year, quarter and category."""
        found, held = [], set()
        for plan in self.all:
            rows = plan.figures(measure, stat, **filters)
            found += [r for r in rows if _key(r) not in held]
            held |= {_key(r) for r in rows}
        return _in_order(found)

    def dimension(self, measure: str, column: str) -> list[str]:
        """The values a measure has in one column in any plan; years in order."""
        values = list(dict.fromkeys(v for plan in self.all for v in plan.dimension(measure, column)))
        return sorted(values) if column == "period" and len(self.all) > 1 else values

    def directions(self, measure: str, categories: list[str] | None = None) -> list[sqlite3.Row]:
        """The directions of change the newest plan to give any for the measure states."""
        return next((rows for plan in self.all if (rows := plan.directions(measure, categories))),
                    [])

    def tables_for(self, measure: str) -> list[dict]:
        """The measure's tables in the plan whose words answer, else in the newest that has one."""
        return next((t for plan in [self.plan, *self.all] if (t := plan.tables_for(measure))), [])

    def measures_with_figures(self, period: str | None = None) -> list[str]:
        return list(dict.fromkeys(m for plan in self.all for m in plan.measures_with_figures(period)))

    def figure_values(self) -> set[float]:
        return set().union(*(plan.figure_values() for plan in self.all))

    def the_plan(self, row) -> str:
        """'The plan' a printed figure is from; by its title where there are several."""
        return "The plan" if len(self.all) == 1 else f"The {self._by_id[row['plan']].title}"

    def title_of(self, rows) -> str:
        """The plan, or plans, the rows are from: what the answer names as its plan."""
        titles = [p.title for p in self.all if any(r["plan"] == p.id for r in rows)]
        return fmt.listing(titles) or self.title

    def provenance(self, rows) -> list[str]:
        """Where there is more than one plan: which years come from which, and each figure a
        later plan revised, with both values. Nothing where there is one plan."""
        if len(self.all) == 1 or not rows:
            return []
        years = {p.id: sorted({r["period"] or NO_PERIOD for r in rows if r["plan"] == p.id})
                 for p in self.all}
        used = [p for p in self.all if years[p.id]]
        if len(used) == 1:
            lines = [f"From the {used[0].title}."]
        else:
            text = "; ".join(f"{fmt.listing(years[p.id])} from the {p.title}" for p in used)
            lines = [f"{text[:1].upper()}{text[1:]}."]
        for row in rows:
            for older, value in self._revised(row):
                label = self.measures[row["measure"]].label
                lines.append(
                    f"Revised figure: the {self._by_id[row['plan']].title} gives {label} "
                    f"({self.describe(row)}) as {fmt.number(row['value'])}; the {older.title} "
                    f"printed {fmt.number(value)}.")
        return lines

    def _revised(self, row: sqlite3.Row) -> list[tuple[Repository, float]]:
        """Older plans that print a different value for the same figure as this row."""
        at = [p.id for p in self.all].index(row["plan"])
        found = []
        for older in self.all[at + 1:]:
            same = [r for r in older.figures(row["measure"], row["stat"]) if _key(r) == _key(row)]
            found += [(older, r["value"]) for r in same if r["value"] != row["value"]][:1]
        return found

    # --- choosing figures ------------------------------------------------------------------------

    def holdings(self, near: str = "") -> str:
        """One line on what figures the plan does hold, offered when it cannot answer: the few
        nearest in wording to what was asked, and how many more the Statistics page lists."""
        held = self.measures_with_figures()
        asked = set(near.lower().split())
        words = self._label_words
        ranked = sorted(held, key=lambda m: -len(asked & words[m]))
        shown = ranked[:self.language.settings.holdings_shown]
        labels = [self.measures[m].label for m in shown]
        more = len(held) - len(shown)
        tail = f", and {more} more tables on the Statistics page" if more > 0 else ""
        return f"The {self.title} has figures for {fmt.listing(labels)}{tail}."

    @cached_property
    def _label_words(self) -> dict[str, frozenset[str]]:
        """Each measure's label as words, for `holdings`: split once, not on every refusal."""
        return {m.id: frozenset(m.label.lower().split()) for m in self.measures.values()}

    def refuse(self, text: str, match: Match, sources: list[str] | None = None) -> Refusal:
        return Refusal(Answer(status=Status.no_answer, text=text, intent=match.intent,
                              sources=sources or [], plan=self.title))

    def select(self, match: Match, *, all_categories: bool = False,
               any_period: bool = False) -> list[sqlite3.Row]:
        """The count figures a figure-intent needs, or a Refusal saying what the plan lacks."""
        measure = self.measures[match.measure]
        dims = {c: self.dimension(measure.id, c)
                for c in ("area", "period", "quarter", "category")}
        if not dims["area"]:  # every figure has an area; its period may be unstated
            said = " ".join(f"({t['label']}: {t['counts']})"
                            for t in self.tables_for(measure.id))
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
        rows = self.figures(measure.id, "count", area=areas, period=periods,
                                 quarter=match.quarters or None, category=categories)
        rows += self.figures(measure.id, "percent", area=areas, period=periods,
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
            if match.periods and not any_period and "periods" not in match.carried:  # a year
                # the conversation was on asks nothing of a table that states none
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
        return list(dict.fromkeys(self.when(r) for r in self.figures(measure)))


def _holds(plan: Repository, subject: str | None) -> bool:
    """Whether the plan has the programme or term a subject ("achievement:op-vigilant") names."""
    kind, _, name = (subject or "").partition(":")
    if kind == "achievement":
        return plan.achievement(name) is not None
    if kind == "glossary":
        return plan.glossary_term(name) is not None
    return True


def _key(row: sqlite3.Row) -> tuple:
    return tuple(row[c] for c in KEY)


def _tables(rows) -> list[tuple[str, str]]:
    """(plan, table id) of figure or direction rows (their `table`) or table rows (their `id`),
    each once, in order."""
    return list(dict.fromkeys((r["plan"], r["table"] if "table" in r.keys() else r["id"])
                              for r in rows))


def _in_order(rows: list[sqlite3.Row]) -> list[sqlite3.Row]:
    """Rows from one plan stay in its order; rows from several are put series by series
    (area, quarter, category, stat, as first met), each series by year."""
    if len({r["plan"] for r in rows}) < 2:
        return rows
    series = list(dict.fromkeys(_key(r)[:1] + _key(r)[2:] for r in rows))
    return sorted(rows, key=lambda r: (series.index(_key(r)[:1] + _key(r)[2:]), r["period"] or ""))
