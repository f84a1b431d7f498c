"""Shared fixtures: one database built from the default knowledge for the whole session, one
read-only Engine on it, and a fresh Assistant (a new conversation) for every test."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

# Under test a crash inside Assistant.ask raises instead of becoming an apology, so a test can
# fail on it. Set before oscp_qa is imported, which reads it once.
os.environ["OSCP_QA_RAISE_ERRORS"] = "1"

from oscp_qa import Answer, Assistant, Engine, Status, knowledge, store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
KNOWLEDGE = REPO / "knowledge"
PLAN_DIR = KNOWLEDGE / "plans" / "oscp-2022-23"
FIGURES_CSV = PLAN_DIR / "figures.csv"
# The plan's text ships with its knowledge folder (a copy of ../shared/source), so CI has it.
SOURCE_TEXT = PLAN_DIR / "oscp-rolling-plan-2022-23.txt"

# The same number reader the evaluation script (/work/shared/eval/score.py) uses.
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers_in(text: str) -> list[float]:
    """Every number written in `text`, thousands separators removed ("1,474" -> 1474.0)."""
    found = []
    for match in NUMBER.finditer(text):
        token = match.group().rstrip(",")
        try:
            found.append(float(token.replace(",", "")))
        except ValueError:
            pass
    return found


def has_number(text: str, value: float, tolerance: float = 1e-9) -> bool:
    """Whether `value` (sign ignored, as score.py does) is written in `text`."""
    return any(abs(found - abs(value)) < tolerance for found in numbers_in(text))


def ask(assistant: Assistant, *turns: str) -> Answer:
    """Ask each turn in order, as one conversation; return the last answer."""
    answer = None
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer is not None
    return answer


def status_of(answer: Answer) -> str:
    return Status(answer.status).value


def read_figures(path: Path = FIGURES_CSV) -> list[dict]:
    """figures.csv read directly (not through oscp_qa), values as floats."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["value"] = float(row["value"])
    return rows


@pytest.fixture(scope="session")
def kb():
    return knowledge.load()


@pytest.fixture(scope="session")
def db_path(tmp_path_factory, kb) -> Path:
    return store.build(kb, tmp_path_factory.mktemp("db") / "oscp.db")


@pytest.fixture(scope="session")
def engine(db_path) -> Engine:
    return Engine(db_path)


@pytest.fixture
def assistant(engine) -> Assistant:
    """A fresh conversation on the shared engine."""
    return Assistant(engine)


@pytest.fixture(scope="session")
def figures() -> list[dict]:
    return read_figures()


@pytest.fixture(scope="session")
def figure(figures):
    """One figure's value: figure(measure, area, period, category=, quarter=, stat=, table=)."""

    def lookup(measure, area, period, category="", quarter="", stat="count", table=None):
        found = [r["value"] for r in figures
                 if (r["measure"], r["area"], r["period"], r["category"], r["quarter"], r["stat"])
                 == (measure, area, period, category or "", quarter or "", stat)
                 and table in (None, r["table"])]
        assert len(found) == 1, (measure, area, period, category, quarter, stat, found)
        return found[0]

    return lookup


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    return SOURCE_TEXT.read_text(encoding="utf-8").splitlines()


# --- the feedback store's backends: SQLite always, PostgreSQL when a server is there ---------

POSTGRES_URL = "postgresql://oscp:oscp@127.0.0.1:5432/postgres"   # .ci/run makes this role


@pytest.fixture(scope="session")
def postgres_database():
    """A database of this test run's own on the PostgreSQL server at $OSCP_QA_TEST_POSTGRES_URL
    (a role that may create databases); skipped without a server, failed without one under CI."""
    import os
    import uuid

    import psycopg

    url = os.environ.get("OSCP_QA_TEST_POSTGRES_URL", POSTGRES_URL)
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed under CI and is not there: {error}")
        pytest.skip(f"no PostgreSQL server at {url.split('@')[-1]}")
    name = f"oscp_feedback_{uuid.uuid4().hex[:10]}"
    admin.execute(f"create database {name}")
    yield url.rsplit("/", 1)[0] + "/" + name
    admin.execute(f"drop database {name} with (force)")
    admin.close()


@pytest.fixture(params=["sqlite", "postgres"])
def feedback_target(request, tmp_path) -> dict:
    """Where a FeedbackStore under test writes: a fresh SQLite file, or an empty table in this
    run's PostgreSQL database. Passed as FeedbackStore(**feedback_target)."""
    if request.param == "sqlite":
        return {"path": tmp_path / "feedback.db"}
    import psycopg

    url = request.getfixturevalue("postgres_database")
    with psycopg.connect(url) as conn:
        conn.execute("drop table if exists feedback")
    return {"url": url}


def digest(path: Path) -> str:
    """A file's content hash, to show a database was (or was not) rewritten."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def root(tmp_path) -> Path:
    """A writable copy of the knowledge folder, for tests that break or change it."""
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy
