"""Every fault of the feedback store is contained: logged once, never raised to the visitor,
repaired when it can be, and the store comes back by itself.

Read-only and full disks are real: a small tmpfs mounted in a user and mount namespace of the
test's own (`unshare -rm`), so they need no root and touch nothing outside the test.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from oscp_qa import feedback
from oscp_qa.feedback import DOWN, FeedbackStore

LOGGER = "oscp_qa.feedback"


@pytest.fixture
def sqlite_store(tmp_path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "feedback.db")


def failures(caplog) -> int:
    return caplog.text.count("feedback store failed")


def test_a_lock_held_elsewhere_is_waited_for_at_most_a_second_and_logged_once(sqlite_store, caplog):
    holder = sqlite3.connect(sqlite_store.backend.path, isolation_level=None)
    holder.execute("begin exclusive")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        for _ in range(3):
            start = time.monotonic()
            assert sqlite_store.log("no_answer", "search") is None
            assert time.monotonic() - start < 1.5
        holder.rollback()
        holder.close()
        assert sqlite_store.log("no_answer", "search") is not None
    assert failures(caplog) == 1
    assert "works again" in caplog.text


def test_after_a_fault_it_cannot_repair_feedback_is_off_for_a_while(sqlite_store, monkeypatch):
    def full(sql, params=()):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_store.backend, "run", full)
    assert sqlite_store.log("no_answer", "search") is None
    assert not sqlite_store.enabled
    monkeypatch.undo()
    assert sqlite_store.log("no_answer", "search") is None       # still off
    sqlite_store.off_until = 0                                    # the minute is up
    assert sqlite_store.log("no_answer", "search") is not None


def test_a_file_corrupted_while_running_is_moved_aside_and_made_again(sqlite_store, caplog):
    path = sqlite_store.backend.path
    sqlite_store.log("no_answer", "search")
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"garbage" * 1000)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert sqlite_store.log("no_answer", "search") is not None
    assert sqlite_store.count() == 1
    [aside] = path.parent.glob("feedback.db.corrupt-*")
    assert aside.read_bytes().startswith(b"garbage")
    assert failures(caplog) == 1 and "moved the corrupt feedback file aside" in caplog.text


def test_a_file_deleted_while_running_is_made_again(sqlite_store):
    path = sqlite_store.backend.path
    sqlite_store.log("no_answer", "search")
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    assert sqlite_store.log("clarify", "clarify") is not None
    assert sqlite_store.report().by_status == {"answered": 0, "clarify": 1, "no_answer": 0}


def test_a_folder_that_cannot_hold_the_file_leaves_feedback_off(tmp_path, caplog):
    (tmp_path / "file").write_text("")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        store = FeedbackStore(tmp_path / "file" / "feedback.db")
        assert store.log("no_answer", "search") is None
    assert not store.enabled and failures(caplog) == 1
    with pytest.raises(feedback.FeedbackUnavailable, match="cannot be read just now"):
        store.report()


def test_a_lone_surrogate_is_stored_not_raised(feedback_target):
    store = FeedbackStore(**feedback_target)
    record = store.log("no_answer", "search", DOWN, ["caf\udce9", "\ud800"])
    assert record is not None
    assert store.share(record, "what about \ud83d alone?")
    assert store.report().sent[0].question == "what about ? alone?"


# --- read-only and full disks, for real ----------------------------------------------------------

SCRIPT = """
import logging, os, subprocess, sys
logging.basicConfig(level=logging.WARNING, format="%(name)s %(message)s")
from oscp_qa.feedback import FeedbackStore
folder = sys.argv[1]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", folder], check=True)
store = FeedbackStore(os.path.join(folder, "feedback.db"))
assert store.log("no_answer", "search") is not None, "the store did not work before the fault"
{fault}
results = [store.log("no_answer", "search", 0, ["weather"]) for _ in range(3)]
print("RESULTS", results, "ENABLED", store.enabled)
"""
FAULTS = {
    "read-only": 'subprocess.run(["mount", "-o", "remount,ro", folder], check=True)',
    "disk full": 'try:\n    open(os.path.join(folder, "filler"), "wb").write(b"x" * 400_000)\n'
                 'except OSError:\n    pass',
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_read_only_or_full_disk_is_logged_once_and_feedback_goes_off(tmp_path, fault):
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"]).returncode:
        pytest.skip("needs `unshare -rm` (user namespaces) to mount a small disk")
    folder = tmp_path / "disk"
    folder.mkdir()
    script = textwrap.dedent(SCRIPT).replace("{fault}", FAULTS[fault])
    done = subprocess.run(["unshare", "-rm", sys.executable, "-c", script, str(folder)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "RESULTS [None, None, None] ENABLED False" in done.stdout
    assert done.stderr.count("feedback store failed") == 1, done.stderr
    assert "Traceback" not in done.stderr


# --- PostgreSQL ----------------------------------------------------------------------------------


def test_an_unreachable_server_is_logged_once_and_costs_seconds_at_most(caplog):
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        start = time.monotonic()
        store = FeedbackStore(url="postgresql://oscp:oscp@127.0.0.1:9/none")   # nothing listens
        assert store.log("no_answer", "search") is None
        assert time.monotonic() - start < 3
    assert failures(caplog) == 1
    with pytest.raises(feedback.FeedbackUnavailable):
        store.report()


def test_a_dropped_table_is_made_again(postgres_database):
    import psycopg

    store = FeedbackStore(url=postgres_database)
    with psycopg.connect(postgres_database) as conn:
        conn.execute("drop table feedback")
    assert store.log("no_answer", "search") is not None
    assert store.count() == 1


def test_a_locked_table_is_waited_for_at_most_a_second(postgres_database, caplog):
    import psycopg

    store = FeedbackStore(url=postgres_database)
    with psycopg.connect(postgres_database) as holder:
        holder.execute("lock table feedback in access exclusive mode")
        with caplog.at_level(logging.WARNING, logger=LOGGER):
            for _ in range(2):
                start = time.monotonic()
                assert store.log("no_answer", "search") is None
                assert time.monotonic() - start < 1.8
    assert failures(caplog) == 1 and "lock timeout" in caplog.text
    assert store.log("no_answer", "search") is not None         # the lock is gone: it works
