"""Stage three: read what an answer needs from the database. Read-only, parameterised queries;
the only place besides store.py that runs SQL on it."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from pathlib import Path

from . import store
from .schema import Language, Plan, Safeguarding


class Database:
    """One database shared by every conversation; each thread gets its own read-only connection.
    What is the same for every plan (the language, safeguarding, the names in the vocabulary)
    is read here; a plan's own rows through its Repository."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()
        self.language = Language.model_validate_json(
            self.rows("select json from language where id = 1")[0]["json"])
        self.safeguarding = Safeguarding.model_validate_json(
            self.rows("select json from safeguarding where id = 1")[0]["json"])
        self.plans = [Repository(self, row)  # newest first: a plan supersedes the ones before it
                      for row in self.rows("select * from plans order by plan_year desc")]

    @property
    def conn(self) -> sqlite3.Connection:
        if not hasattr(self._local, "conn"):
            self._local.conn = store.connect(self.path)
        return self._local.conn

    def rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def plan(self, plan_id: str) -> Repository:
        found = [p for p in self.plans if p.id == plan_id]
        if not found:
            raise KeyError(f"no plan '{plan_id}' in {self.path}; it holds "
                           f"{', '.join(p.id for p in self.plans)}")
        return found[0]

    def entities(self) -> list[tuple[str, str, str]]:
        """(kind, value, phrase) for every name the plans use, for the vocabulary."""
        found: list[tuple[str, str, str]] = []
        for row in self.rows("select term, stands_for, aliases from glossary"):
            names = [row["term"], row["stands_for"] or "", *_split(row["aliases"])]
            found += [("glossary", row["term"], n) for n in names if n]
        for row in self.rows("select id, title, aliases from achievements"):
            found += [("achievement", row["id"], n) for n in [row["title"], *_split(row["aliases"])]]
        for row in self.rows("select achievement, value from achievement_facts where kind = 'place'"):
            found += [("place", row["achievement"], p) for p in re.split(r",| and ", row["value"])
                      if p.strip()]
        for row in self.rows("select id, name, aliases from duties"):
            found += [("duty", row["id"], n) for n in [row["name"], *_split(row["aliases"])]]
        for row in self.rows("select label, measure from tables"):
            if any(ch.isdigit() for ch in row["label"]):  # "Table 5", not "Crime in Oxford (text)"
                found.append(("table", row["measure"], row["label"]))
        for row in self.rows("select number, keywords from pcc_priorities"):
            found += [("pcc", str(row["number"]), k) for k in _split(row["keywords"])]
        return found


class Repository:
    """One plan's rows. What never changes while the database is open (its tables, notes, each
    measure's figures and directions, its lists of priorities, achievements, duties and terms)
    is read once, on first use, so an answer costs a query or two, not one per row."""

    def __init__(self, database: Database, row: sqlite3.Row):
        self.database = database
        self.info = Plan.model_validate_json(row["json"])
        self.id, self.title = self.info.id, self.info.title
        self.short_name = row["short_name"]  # "OSCP": the plan's subject, not a term asked of
        self._cache: dict[tuple, object] = {}

    def __repr__(self) -> str:
        return f"Repository({self.id!r})"

    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self.database.rows(sql, (self.id, *params))

    def _kept(self, key: tuple, read):
        """`read()` the first time `key` is asked for, the same rows every time after."""
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    # --- tables and their notes -------------------------------------------------------------------

    def tables(self) -> list[dict]:
        """Every table (or chart, or sentence giving figures) in the plan's order; `notes` is
        the list of its note ids."""
        return self._kept(("tables",), lambda: [
            {**dict(r), "notes": json.loads(r["notes"]), "together": json.loads(r["together"])}
            for r in self._rows("select * from tables where plan = ? order by rowid")])

    def table(self, table_id: str) -> dict | None:
        return next((t for t in self.tables() if t["id"] == table_id), None)

    def tables_for(self, measure: str) -> list[dict]:
        return [t for t in self.tables() if t["measure"] == measure]

    def _notes(self) -> dict[str, sqlite3.Row]:
        return self._kept(("notes",), lambda: {
            r["id"]: r for r in self._rows("select * from notes where plan = ? order by rowid")})

    def note(self, note_id: str) -> sqlite3.Row | None:
        return self._notes().get(note_id)

    def notes(self, table_id: str) -> list[sqlite3.Row]:
        """A table's notes, ordered by id."""
        table = self.table(table_id)
        return [n for n in map(self.note, sorted(table["notes"] if table else [])) if n]

    # --- statistics -------------------------------------------------------------------------------

    def _measure(self, measure: str) -> list[sqlite3.Row]:
        return self._kept(("figures", measure), lambda: self._rows(
            "select * from figures where plan = ? and measure = ? order by rowid", (measure,)))

    def figures(self, measure: str, stat: str = "count", **filters) -> list[sqlite3.Row]:
        """Figures of a measure in the plan's order; each filter is a list of accepted values
        (None: any)."""
        wanted = {c: set(v) for c, v in filters.items() if v}
        assert set(wanted) <= {"area", "period", "quarter", "category"}, wanted
        return [r for r in self._measure(measure) if r["stat"] == stat  # as SQL's "in": no NULL
                and all(r[c] is not None and r[c] in values for c, values in wanted.items())]

    def dimension(self, measure: str, column: str) -> list[str]:
        """The distinct values a measure has in one column (its years, areas or categories),
        in the order the plan first gives them."""
        assert column in ("area", "period", "quarter", "category")
        values = [r[column] for r in self._measure(measure)
                  if r["stat"] in ("count", "percent") and r[column] is not None]
        return list(dict.fromkeys(values))

    def directions(self, measure: str, categories: list[str] | None = None) -> list[sqlite3.Row]:
        rows = self._kept(("directions", measure), lambda: self._rows(
            "select * from directions where plan = ? and measure = ? order by rowid", (measure,)))
        return [r for r in rows if not categories or r["category"] in categories]

    def table_figures(self, table_id: str) -> list[sqlite3.Row]:
        """Every figure one table prints, in its order (the Statistics page)."""
        return self._rows('select * from figures where plan = ? and "table" = ? order by rowid',
                          (table_id,))

    def table_directions(self, table_id: str) -> list[sqlite3.Row]:
        return self._rows('select * from directions where plan = ? and "table" = ? order by rowid',
                          (table_id,))

    def figure_values(self) -> set[float]:
        """Every value the plan prints, to tell a figure quoted back from an unknown number."""
        values = {r[0] for r in self._rows("select distinct value from figures where plan = ?")}
        return values | {abs(v) for v in values}  # "-8.43%" is quoted as "8.43%"

    def measures_printing(self, value: float) -> list[str]:
        """The measures a value is printed in ("the asterisk next to 3733")."""
        return [r[0] for r in self._rows("select distinct measure from figures where plan = ? "
                                         "and value = ?", (value,))]

    def measures_with_figures(self, period: str | None = None) -> list[str]:
        """The measures with a count or percent (for a period), in the plan's order; kept, as
        it groups every figure and each refusal asks for it."""
        sql = "select measure from figures where plan = ? and stat in ('count', 'percent')"
        params: tuple = ()
        if period:
            sql, params = sql + " and period = ?", (period,)
        return list(self._kept(("measures_with_figures", period), lambda: [
            r[0] for r in self._rows(sql + " group by measure order by min(rowid)", params)]))

    # --- the plan's words -------------------------------------------------------------------------

    def _all(self, table: str, order: str = "rowid") -> list[sqlite3.Row]:
        assert table in ("pcc_priorities", "priorities", "themes", "achievements", "glossary",
                         "duties", "about")
        return self._kept((table,), lambda: self._rows(
            f"select * from {table} where plan = ? order by {order}"))

    def pcc_priorities(self) -> list[sqlite3.Row]:
        return self._all("pcc_priorities", "number")

    def priorities(self) -> list[sqlite3.Row]:
        return self._all("priorities", "position")

    def themes(self) -> dict[str, str]:
        return {r["id"]: r["label"] for r in self._all("themes")}

    def achievements(self) -> list[sqlite3.Row]:
        return self._all("achievements", "position")

    def achievement(self, achievement_id: str) -> sqlite3.Row | None:
        return next((r for r in self.achievements() if r["id"] == achievement_id), None)

    def continuation(self, achievement_id: str, back_references: list[str]) -> sqlite3.Row | None:
        """The achievement that goes on with this one: the next under the same heading, pointing
        back to it ("There have been four cases where this approach has been used")."""
        rows = self.achievements()
        at = next((i for i, r in enumerate(rows) if r["id"] == achievement_id), None)
        if at is None or at + 1 >= len(rows) or rows[at + 1]["heading"] != rows[at]["heading"]:
            return None
        following = rows[at + 1]
        return following if any(ref in following["text"].lower() for ref in back_references) \
            else None

    def partners(self, achievement_id: str) -> list[str]:
        """The partners or members a programme's facts name, one by one ("Oxford Brookes
        University", "fast food outlets")."""
        return [p.strip() for f in self.achievement_facts(achievement_id) if f["kind"] == "partners"
                for p in re.split(r",| and ", f["value"]) if p.strip()]

    def achievement_facts(self, achievement_id: str) -> list[sqlite3.Row]:
        facts = self._kept(("achievement_facts",), lambda: self._rows(
            "select * from achievement_facts where plan = ? order by rowid"))
        return [f for f in facts if f["achievement"] == achievement_id]

    def glossary(self) -> list[sqlite3.Row]:
        return self._all("glossary")

    def glossary_term(self, term: str) -> sqlite3.Row | None:
        return next((r for r in self.glossary() if r["term"] == term), None)

    def duties(self) -> list[sqlite3.Row]:
        return self._all("duties")

    def about(self) -> list[sqlite3.Row]:
        return self._all("about")

    def search(self, table: str, words: list[str], limit: int = 3,
               phrase: bool = False) -> list[sqlite3.Row]:
        """Full-text search for any of the words, or for them as one phrase. Only letters and
        digits are kept and each part is quoted, so no FTS5 syntax reaches MATCH."""
        assert table in store.FTS
        terms = [w for w in dict.fromkeys(re.findall(r"[a-z0-9]+", " ".join(words).lower()))]
        if not terms:
            return []
        if phrase:  # "Oxfordshire's Modern Slavery Strategy" holds "oxfordshire modern slavery
            # strategy": the index splits the possessive's s off as a word of its own
            said = [terms] + [terms[:i] + ["s"] + terms[i:] for i in range(1, len(terms))]
            query = " OR ".join(f'"{" ".join(t)}"' for t in said)
        else:
            query = " OR ".join(f'"{t}"' for t in terms)
        return self.database.rows(
            f"select t.*, bm25({table}_fts) as rank from {table}_fts "
            f"join {table} t on t.rowid = {table}_fts.rowid "
            f"where {table}_fts match ? and t.plan = ? order by rank limit ?",
            (query, self.id, limit))


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]
