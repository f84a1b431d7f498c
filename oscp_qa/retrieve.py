"""Stage three: read what an answer needs from the database. Read-only, parameterised queries."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from pathlib import Path

from . import store
from .schema import Language, Safeguarding


class Repository:
    """One database shared by every conversation; each thread gets its own read-only connection."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()
        self._dimensions: dict[tuple[str, str, str], tuple[str, ...]] = {}
        self.language = Language.model_validate_json(
            self._rows("select json from language where id = 1")[0]["json"])
        self.plans = self._rows("select * from plans order by plan_year desc")
        self.safeguarding = Safeguarding.model_validate_json(
            self._rows("select json from safeguarding where id = 1")[0]["json"])

    @property
    def conn(self) -> sqlite3.Connection:
        if not hasattr(self._local, "conn"):
            self._local.conn = store.connect(self.path)
        return self._local.conn

    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    # --- names the understanding stage needs ------------------------------------------------------

    def entities(self) -> list[tuple[str, str, str]]:
        """(kind, value, phrase) for every name the plans use, for the vocabulary."""
        found: list[tuple[str, str, str]] = []
        for row in self._rows("select term, stands_for, aliases from glossary"):
            names = [row["term"], row["stands_for"] or "", *_split(row["aliases"])]
            found += [("glossary", row["term"], n) for n in names if n]
        for row in self._rows("select id, title, aliases from achievements"):
            found += [("achievement", row["id"], n) for n in [row["title"], *_split(row["aliases"])]]
        for row in self._rows("select achievement, value from achievement_facts where kind = 'place'"):
            found += [("place", row["achievement"], p) for p in re.split(r",| and ", row["value"])
                      if p.strip()]
        for row in self._rows("select id, name, aliases from duties"):
            found += [("duty", row["id"], n) for n in [row["name"], *_split(row["aliases"])]]
        for row in self._rows("select label, measure from tables"):
            if any(ch.isdigit() for ch in row["label"]):  # "Table 5", not "Crime in Oxford (text)"
                found.append(("table", row["measure"], row["label"]))
        for row in self._rows("select number, keywords from pcc_priorities"):
            found += [("pcc", str(row["number"]), k) for k in _split(row["keywords"])]
        return found

    # --- statistics -------------------------------------------------------------------------------

    def figures(self, plan: str, measure: str, stat: str = "count", **filters) -> list[sqlite3.Row]:
        """Figures of a measure; each filter is a list of accepted values (None: any)."""
        sql = "select * from figures where plan = ? and measure = ? and stat = ?"
        params: list = [plan, measure, stat]
        for column in ("area", "period", "quarter", "category"):
            values = filters.get(column)
            if values:
                sql += f" and {column} in ({', '.join('?' * len(values))})"
                params += list(values)
        return self._rows(sql + " order by rowid", tuple(params))

    def dimension(self, plan: str, measure: str, column: str) -> list[str]:
        """The distinct values a measure has in one column (its years, areas or categories).
        Asked several times per question and never changing, so kept after the first read."""
        assert column in ("area", "period", "quarter", "category")
        key = (plan, measure, column)
        if key not in self._dimensions:
            rows = self._rows(
                f"select {column} from figures where plan = ? and measure = ? and stat in "
                f"('count', 'percent') and {column} is not null group by {column} "
                f"order by min(rowid)", (plan, measure))
            self._dimensions[key] = tuple(r[0] for r in rows)
        return list(self._dimensions[key])

    def directions(self, plan: str, measure: str, categories: list[str] | None = None):
        rows = self._rows("select * from directions where plan = ? and measure = ? order by rowid",
                          (plan, measure))
        return [r for r in rows if not categories or r["category"] in categories]

    def tables_for(self, plan: str, measure: str) -> list[sqlite3.Row]:
        return self._rows("select * from tables where plan = ? and measure = ?", (plan, measure))

    def table(self, plan: str, table_id: str) -> sqlite3.Row | None:
        rows = self._rows("select * from tables where plan = ? and id = ?", (plan, table_id))
        return rows[0] if rows else None

    def notes(self, plan: str, table_id: str) -> list[sqlite3.Row]:
        table = self.table(plan, table_id)
        ids = json.loads(table["notes"]) if table else []
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return self._rows(f"select * from notes where plan = ? and id in ({marks})", (plan, *ids))

    def figure_values(self, plan: str) -> set[float]:
        """Every value the plan prints, to tell a figure quoted back from an unknown number."""
        return {r[0] for r in self._rows("select distinct value from figures where plan = ?", (plan,))}

    def measures_with_figures(self, plan: str, period: str | None = None) -> list[str]:
        sql = "select measure from figures where plan = ? and stat in ('count', 'percent')"
        params: tuple = (plan,)
        if period:
            sql, params = sql + " and period = ?", (plan, period)
        return [r[0] for r in self._rows(sql + " group by measure order by min(rowid)", params)]

    # --- the plan's words -------------------------------------------------------------------------

    def pcc_priorities(self, plan: str) -> list[sqlite3.Row]:
        return self._rows("select * from pcc_priorities where plan = ? order by number", (plan,))

    def priorities(self, plan: str) -> list[sqlite3.Row]:
        return self._rows("select * from priorities where plan = ? order by position", (plan,))

    def themes(self, plan: str) -> dict[str, str]:
        return {r["id"]: r["label"] for r in self._rows("select * from themes where plan = ?", (plan,))}

    def achievement(self, plan: str, achievement_id: str) -> sqlite3.Row | None:
        rows = self._rows("select * from achievements where plan = ? and id = ?", (plan, achievement_id))
        return rows[0] if rows else None

    def achievement_facts(self, plan: str, achievement_id: str) -> list[sqlite3.Row]:
        return self._rows("select * from achievement_facts where plan = ? and achievement = ?",
                          (plan, achievement_id))

    def achievements(self, plan: str) -> list[sqlite3.Row]:
        return self._rows("select * from achievements where plan = ? order by position", (plan,))

    def glossary_term(self, plan: str, term: str) -> sqlite3.Row | None:
        rows = self._rows("select * from glossary where plan = ? and term = ?", (plan, term))
        return rows[0] if rows else None

    def duties(self, plan: str) -> list[sqlite3.Row]:
        return self._rows("select * from duties where plan = ? order by rowid", (plan,))

    def about(self, plan: str) -> list[sqlite3.Row]:
        return self._rows("select * from about where plan = ? order by rowid", (plan,))

    def search(self, table: str, plan: str, words: list[str], limit: int = 3,
               phrase: bool = False) -> list[sqlite3.Row]:
        """Full-text search for any of the words, or for them as one phrase. Only letters and
        digits are kept and each part is quoted, so no FTS5 syntax reaches MATCH."""
        assert table in store.FTS
        terms = [w for w in dict.fromkeys(re.findall(r"[a-z0-9]+", " ".join(words).lower()))]
        if not terms:
            return []
        query = f'"{" ".join(terms)}"' if phrase else " OR ".join(f'"{t}"' for t in terms)
        return self._rows(
            f"select t.*, bm25({table}_fts) as rank from {table}_fts "
            f"join {table} t on t.rowid = {table}_fts.rowid "
            f"where {table}_fts match ? and t.plan = ? order by rank limit ?",
            (query, plan, limit))


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]
