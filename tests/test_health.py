"""Start-up with broken knowledge keeps the last good database answering, and `oscp-qa check`
reports the replica unhealthy until the knowledge is fixed, writing nothing."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import KNOWLEDGE, digest

from oscp_qa import Assistant, Engine, health, store
from oscp_qa.cli import main

DUTIES = Path("plans/oscp-2022-23/duties.yaml")
SERVING_OLD = ("The knowledge files are invalid, so answers come from the last good database, "
               "{db}, built before the change.")
CLOSED = ("The knowledge files are invalid and there is no usable database, so visitors see a "
          "maintenance message.")


@pytest.fixture
def db(tmp_path, db_path) -> Path:
    """A copy of the session's good database, built from the unbroken knowledge."""
    copy = tmp_path / "data" / "oscp.db"
    copy.parent.mkdir()
    shutil.copy(db_path, copy)
    return copy


def break_duties(root: Path) -> str:
    """Give duties.yaml a key twice; return the error it should be reported with."""
    path = root / DUTIES
    path.write_text("duties: []\nduties: []\n", encoding="utf-8")
    return f"{path}, line 2, field 'duties': key 'duties' is given twice, on lines 1 and 2; keep one"


def check(root: Path, db: Path, *more: str):
    return CliRunner().invoke(main, ["check", "--knowledge", str(root), "--db", str(db), *more])


# --- start-up -----------------------------------------------------------------------------------


def test_start_with_broken_knowledge_keeps_the_last_good_database(root, db, caplog):
    error = break_duties(root)
    before = digest(db)
    with caplog.at_level("ERROR", logger="oscp_qa.health"):
        found = health.start(root, db)
    assert found.database == db and not found.healthy
    assert found.problem == SERVING_OLD.format(db=db)
    assert found.knowledge_error == error
    assert f"{SERVING_OLD.format(db=db)} {error}" in caplog.text
    assert digest(db) == before
    answer = Assistant(Engine(found.database)).ask("hate crime in oxford")
    assert "**420**" in answer.text


def test_start_with_broken_knowledge_and_no_database_has_nothing_to_serve(root, tmp_path):
    error = break_duties(root)
    found = health.start(root, tmp_path / "none.db")
    assert (found.database, found.problem, found.knowledge_error) == (None, CLOSED, error)
    assert not (tmp_path / "none.db").exists()


def test_start_with_good_knowledge_builds_and_is_healthy(root, tmp_path):
    found = health.start(root, tmp_path / "new.db")
    assert found.healthy and found.database == tmp_path / "new.db"
    assert store.built_hash(found.database)


def test_start_that_cannot_write_serves_the_old_database(root, db, monkeypatch):
    (root / DUTIES).write_text((root / DUTIES).read_text() + "\n# a valid edit\n")

    def full_disk(kb, path):
        raise store.DatabaseError(f"cannot write the database {path}: disk full")
    monkeypatch.setattr(store, "build", full_disk)
    found = health.start(root, db)
    assert found.database == db and found.knowledge_error is None
    assert found.problem == (f"The database could not be rebuilt (cannot write the database {db}: "
                             f"disk full), so answers come from the last good database, {db}, "
                             "built before the change.")


# --- oscp-qa check ------------------------------------------------------------------------------


def test_check_healthy(root, db):
    result = check(KNOWLEDGE, db)
    assert (result.exit_code, result.stdout) == (
        0, f"Healthy: answering from {db}, built from the current knowledge files.\n")


@pytest.mark.parametrize("database", ["last good", "none", "corrupt"])
def test_check_broken_knowledge_exits_1(root, db, database):
    error = break_duties(root)
    if database == "none":
        db.unlink()
    elif database == "corrupt":
        db.write_bytes(b"not a database" * 100)
    before = db.read_bytes() if db.exists() else None
    result = check(root, db)
    problem = SERVING_OLD.format(db=db) if database == "last good" else CLOSED
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Unhealthy: {problem}\n{error}\n"
    assert (db.read_bytes() if db.exists() else None) == before, "a check writes nothing"


@pytest.mark.parametrize("state, problem", [
    ("stale", "The database {db} is older than the knowledge files: rebuild it with "
              "`oscp-qa build`, or restart the app."),
    ("missing", "There is no usable database at {db}: build it with `oscp-qa build`, or start "
                "the app."),
])
def test_check_valid_knowledge_without_its_database_exits_1(root, db, state, problem):
    if state == "stale":
        (root / DUTIES).write_text((root / DUTIES).read_text() + "\n# a valid edit\n")
    else:
        db.unlink()
    result = check(root, db)
    assert result.exit_code == 1
    assert result.stderr == f"Unhealthy: {problem.format(db=db)}\n"
    assert db.exists() == (state == "stale"), "a check builds nothing"


class _Health(http.server.BaseHTTPRequestHandler):
    body = b"ok"

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/_stcore/health"
    httpd.shutdown()
    httpd.server_close()


def test_check_with_a_server_that_answers_ok(db, server):
    assert check(KNOWLEDGE, db, "--server", server).exit_code == 0


def test_check_with_a_server_that_is_down(db):
    with socket.socket() as probe:              # a port nothing listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/_stcore/health"
    result = check(KNOWLEDGE, db, "--server", url)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Unhealthy: The server at {url} does not answer: ")
