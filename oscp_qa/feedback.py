"""What people thought of the answers, in a small SQLite file of its own.

Kept apart from the knowledge database, which is read-only and ships with the app: this file is
the app's only state. A row holds the question, how it was answered, when (UTC, to the second)
and a thumbs up or down; nothing about who asked. Questions the plan could not answer, or that
needed a clarification, are logged even without a rating, so staff can see what people miss.
Obvious personal details typed into a question (e-mail addresses, phone numbers, postcodes) are
replaced before the text is stored.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .answer import Status

ENV_VAR = "OSCP_QA_FEEDBACK_DB"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "feedback.db"
MAX_QUESTION_CHARS = 500
UP, DOWN = 1, 0                      # the values st.feedback("thumbs") returns
UNANSWERED = (Status.no_answer.value, Status.clarify.value)

SCHEMA = """
create table if not exists questions (
    id integer primary key,
    asked_at text not null,
    question text not null,
    status text not null check (status in ('answered', 'clarify', 'no_answer')),
    rating integer check (rating in (0, 1))
);
create index if not exists questions_status on questions (status);
"""

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w£,.])\+?\d[\d ()-]{8,}\d(?![\w,.])")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I)
YEAR = re.compile(r"(19|20)\d\d")


class UnansweredQuestion(BaseModel):
    """A question (as typed, first spelling seen) the plan could not answer, and how often."""

    model_config = ConfigDict(extra="forbid")

    question: str
    times: int
    last_asked: str
    no_answer: int
    clarify: int


class Ratings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    up: int = 0
    down: int = 0


def default_path() -> Path:
    """The feedback file: $OSCP_QA_FEEDBACK_DB if set, else data/feedback.db."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


def redact(question: str) -> str:
    """The question without obvious personal details, cut to a sane length."""
    text = EMAIL.sub("[e-mail]", question.strip()[:MAX_QUESTION_CHARS])
    text = PHONE.sub(_phone, text)
    return POSTCODE.sub("[postcode]", text)


def _phone(match: re.Match) -> str:
    """A run of ten or more digits is a phone number, unless it is a list of years."""
    groups = re.findall(r"\d+", match.group())
    if sum(map(len, groups)) < 10 or all(YEAR.fullmatch(g) for g in groups):
        return match.group()
    return "[phone]"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _status(status: Status | str) -> str:
    return Status(status).value


def _rating(rating: int | None) -> int | None:
    if rating not in (None, UP, DOWN):
        raise ValueError(f"rating must be {UP} (up), {DOWN} (down) or None, not {rating!r}")
    return rating


class FeedbackStore:
    """The feedback file. Safe to share between sessions: each call opens its own connection."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("pragma journal_mode = wal")
            conn.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.row_factory = sqlite3.Row
        return conn

    def _write(self, sql: str, params: tuple) -> sqlite3.Cursor:
        conn = self._connect()
        try:
            with conn:
                return conn.execute(sql, params)
        finally:
            conn.close()

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        conn = self._connect()
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def log(self, question: str, status: Status | str, rating: int | None = None) -> int:
        """Record one question and how it was answered; returns the row id for a later rating."""
        cursor = self._write(
            "insert into questions (asked_at, question, status, rating) values (?, ?, ?, ?)",
            (_now(), redact(question), _status(status), _rating(rating)))
        return int(cursor.lastrowid)

    def rate(self, record: int, rating: int | None) -> None:
        """Set (or, with None, take back) the thumbs up or down on a logged question."""
        self._write("update questions set rating = ? where id = ?", (_rating(rating), record))

    def unanswered(self, limit: int = 20) -> list[UnansweredQuestion]:
        """The questions most often left unanswered or needing a clarification, most frequent
        first; spellings differing only in case and surrounding space count as one."""
        rows = self._read(
            "select min(question) as question, count(*) as times, max(asked_at) as last_asked, "
            "sum(status = 'no_answer') as no_answer, sum(status = 'clarify') as clarify "
            f"from questions where status in ({', '.join('?' * len(UNANSWERED))}) "
            "group by lower(trim(question)) order by times desc, last_asked desc limit ?",
            (*UNANSWERED, limit))
        return [UnansweredQuestion(**dict(row)) for row in rows]

    def ratings(self) -> Ratings:
        row = self._read("select sum(rating = 1) as up, sum(rating = 0) as down from questions")[0]
        return Ratings(up=row["up"] or 0, down=row["down"] or 0)

    def disliked(self, limit: int = 20) -> list[tuple[str, int]]:
        """Questions whose answers got a thumbs down, most often first."""
        rows = self._read(
            "select min(question) as question, count(*) as times from questions where rating = 0 "
            "group by lower(trim(question)) order by times desc, max(asked_at) desc limit ?",
            (limit,))
        return [(row["question"], row["times"]) for row in rows]

    def count(self) -> int:
        return self._read("select count(*) from questions")[0][0]
