"""The one way into the database: a Repository per plan that keeps what never changes, so an
answer costs a query or two, and no other module runs SQL on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oscp_qa import Assistant, Engine

PACKAGE = Path(__file__).resolve().parent.parent / "oscp_qa"
APP = Path(__file__).resolve().parent.parent / "app_pages"
# the feedback store's own database is not the plans' one
MAY_RUN_SQL = {"retrieve.py", "store.py", "feedback_sqlite.py", "feedback_postgres.py"}


def statements(engine: Engine) -> list[str]:
    """The SQL the engine's connection runs from now on (not what SQLite runs inside FTS5)."""
    found: list[str] = []
    engine.database.conn.set_trace_callback(
        lambda sql: None if sql.startswith("--") or "'main'." in sql else found.append(sql))
    return found


@pytest.mark.parametrize("question", [
    "How did hate crime compare?",
    "How did domestic abuse offences change over the years?",
    "How much did crime go up in Oxfordshire between 2020 and 2021?",
    "What are OSCP's priorities?",
])
def test_an_answer_costs_a_few_queries_and_none_once_read(db_path, question):
    engine = Engine(db_path)  # nothing read yet
    assistant = Assistant(engine)
    issued = statements(engine)
    assistant.ask(question)
    first = len(issued)
    assistant.reset()
    issued.clear()
    assistant.ask(question)
    assert first <= 6, issued
    assert all("_fts" in sql for sql in issued), issued  # only full-text searches are re-run


def test_tables_notes_and_figures_are_read_once(db_path):
    engine = Engine(db_path)
    plan = engine.plans.newest
    issued = statements(engine)
    for _ in range(3):
        plan.tables()
        plan.notes("table-4")
        plan.figures("da_offences", area=["oxford"])
        plan.dimension("da_offences", "period")
    assert len(issued) == 3, issued  # tables, notes, the measure's figures


def test_a_repository_answers_for_its_own_plan_only(engine):
    plan = engine.plans.newest
    rows = plan.figures("total_crime")
    assert rows and {r["plan"] for r in rows} == {plan.id}
    assert engine.database.plan(plan.id) is plan
    with pytest.raises(KeyError, match="no plan 'oscp-1999-00'"):
        engine.database.plan("oscp-1999-00")


@pytest.mark.parametrize("path", sorted([*PACKAGE.glob("*.py"), *APP.glob("*.py")]),
                         ids=lambda p: p.name)
def test_no_other_module_runs_sql_on_the_database(path):
    if path.name in MAY_RUN_SQL:
        return
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\.execute\(|\bconn\b|sqlite3\.connect", text), path.name
