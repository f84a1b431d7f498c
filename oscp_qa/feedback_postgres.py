"""The feedback store in PostgreSQL: one store for every replica behind a load balancer.

Chosen by OSCP_QA_FEEDBACK_URL=postgresql://…. Same table as the SQLite file. Each call takes its
own connection; a lock is waited for at most a second and a statement runs at most two, so a
slow database costs a visitor seconds at most, never the answer.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import psycopg
from psycopg import errors as pg_errors

log = logging.getLogger(__name__)

OPTIONS = "-c lock_timeout=1000 -c statement_timeout=2000"
CONNECT_TIMEOUT = 2         # seconds; libpq's least
SCHEMA_LOCK = 0x05C9_0FEB   # an advisory lock id: replicas starting together create it once
SCHEMA = [
    f"select pg_advisory_xact_lock({SCHEMA_LOCK})",
    """create table if not exists feedback (
        id bigint generated always as identity primary key,
        asked_at text not null,
        status text not null check (status in ('answered', 'clarify', 'no_answer')),
        intent text not null default '',
        rating integer check (rating in (0, 1)),
        unknown_words text not null default '',
        question text
    )""",
    "create index if not exists feedback_asked_at on feedback (asked_at)",
]


class PostgresBackend:
    errors = (psycopg.Error, OSError)

    def __init__(self, url: str):
        self.url = url

    def describe(self) -> str:
        """Where it is, without the password."""
        parts = urlsplit(self.url)
        return f"PostgreSQL database {parts.path.lstrip('/')} on {parts.hostname}"

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT, options=OPTIONS)

    def create(self) -> None:
        with self._connect() as conn:
            for statement in SCHEMA:
                conn.execute(statement)

    def run(self, sql: str, params: tuple = ()) -> list[tuple]:
        """One statement in its own transaction (SQL written with ?); its rows, if any."""
        with self._connect() as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []

    @staticmethod
    def transient(error: Exception) -> bool:
        """A lock or statement that took too long: only this write is dropped."""
        return isinstance(error, pg_errors.LockNotAvailable | pg_errors.QueryCanceled)

    def recover(self, error: Exception) -> bool:
        """Make the table again if it was dropped; True if it did."""
        if not isinstance(error, pg_errors.UndefinedTable):
            return False
        self.create()
        return True
