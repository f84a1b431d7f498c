"""The feedback store in one SQLite file: the default, for one machine.

Every call opens its own short connection, waiting at most a second in all for a lock, so a file
held by another process costs a visitor a second at most, never the answer. Sessions of one
process take turns on a lock of their own first, so they never starve one another at SQLite's
lock. A file deleted while the app runs is made again; a corrupt one is moved aside and replaced.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_WAIT = 1.0       # seconds
SCHEMA = """
create table if not exists feedback (
    id integer primary key,
    asked_at text not null,
    status text not null check (status in ('answered', 'clarify', 'no_answer')),
    intent text not null default '',
    rating integer check (rating in (0, 1)),
    unknown_words text not null default '',
    question text
);
create index if not exists feedback_asked_at on feedback (asked_at);
drop table if exists questions;
"""
# `questions` was the first version's table: it kept every question's text without asking.
CORRUPT = ("file is not a database", "malformed")


class SqliteBackend:
    errors = (sqlite3.Error, OSError)

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.turn = threading.Lock()

    def describe(self) -> str:
        return f"SQLite file {self.path.name}"

    def create(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        try:
            conn.execute("pragma journal_mode = wal")
            conn.executescript(SCHEMA)
        finally:
            conn.close()

    def _connect(self, timeout: float = LOCK_WAIT) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=timeout)
        conn.execute("pragma synchronous = normal")     # WAL: safe, and no fsync per row
        return conn

    def run(self, sql: str, params: tuple = ()) -> list[tuple]:
        """One statement in its own transaction; its rows, if it returns any."""
        start = time.monotonic()
        if not self.turn.acquire(timeout=LOCK_WAIT):
            raise sqlite3.OperationalError("database is locked (busy in this process)")
        try:
            conn = self._connect(max(0.05, LOCK_WAIT - (time.monotonic() - start)))
            try:
                with conn:
                    return conn.execute(sql, params).fetchall()
            finally:
                conn.close()
        finally:
            self.turn.release()

    @staticmethod
    def transient(error: Exception) -> bool:
        """A lock held too long: this write is dropped, the next one may well work."""
        return "locked" in str(error) or "busy" in str(error)

    def recover(self, error: Exception) -> bool:
        """Make the file again if it was deleted or is no longer a database; True if it did."""
        message = str(error)
        if self.path.exists():
            if "no such table" in message:
                self.create()
                return True
            if not any(sign in message for sign in CORRUPT):
                return False
            aside = self.path.with_name(f"{self.path.name}.corrupt-{datetime.now(UTC):%Y%m%dT%H%M%S}")
            self.path.replace(aside)
            log.warning("moved the corrupt feedback file aside to %s", aside)
        for suffix in ("-wal", "-shm"):       # a journal left by the old file must not replay
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        self.create()
        return True
