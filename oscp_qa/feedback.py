"""What people thought of the answers: kept small, kept briefly, and never in the visitor's way.

By default a row holds no free text: the time (UTC, to the second), how the question was
answered (status and intent), any thumbs up or down, and the words the assistant did not know,
after redaction. The question's own text is kept only when the visitor sends it to the team,
and then redacted too. Rows older than the retention period are deleted on start-up and by
`oscp-qa feedback purge`.

Every fault of the store (locked, corrupt, deleted, read-only, full) is contained here: it is
logged once; a lock held too long costs only that write; a deleted or corrupt SQLite file is
made again; anything else switches feedback off for a minute. Writing never raises; reading
for staff raises FeedbackUnavailable.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from . import settings
from .answer import Status
from .errors import FeedbackUnavailable
from .redact import redact, remove_details

log = logging.getLogger(__name__)

UP, DOWN = 1, 0                      # the values st.feedback("thumbs") returns
UNANSWERED = (Status.no_answer.value, Status.clarify.value)
OFF_FOR = 60.0                       # seconds feedback stays off after a fault it cannot repair
WORD = re.compile(r"[a-z][a-z'-]{1,39}")
T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Ratings(Model):
    up: int = 0
    down: int = 0


class WordCount(Model):
    word: str
    times: int


class SentQuestion(Model):
    """A question a visitor chose to send to the team, redacted."""

    asked_at: str
    status: str
    intent: str
    question: str


class Report(Model):
    """What staff see, on the Staff page and from `oscp-qa feedback`."""

    store: str
    kept_days: int
    rows: int
    by_status: dict[str, int]
    ratings: Ratings
    unknown_words: list[WordCount]
    sent: list[SentQuestion]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _rating(rating: int | None) -> int | None:
    if rating not in (None, UP, DOWN):
        raise ValueError(f"rating must be {UP} (up), {DOWN} (down) or None, not {rating!r}")
    return rating


def _words(words: list[str]) -> str:
    """Unknown words as stored: redacted, lower case, letters only, each once."""
    return " ".join(dict.fromkeys(WORD.findall(remove_details(" ".join(words)).lower())))


def open_backend(url: str = "", path: str = ""):
    """The PostgreSQL store if a postgresql:// URL is given, else the SQLite file."""
    url = url or settings.get("OSCP_QA_FEEDBACK_URL")
    if url.startswith(("postgresql://", "postgres://")):
        from .feedback_postgres import PostgresBackend  # psycopg is loaded only when used
        return PostgresBackend(url)
    if url:
        raise ValueError("OSCP_QA_FEEDBACK_URL must start with postgresql://")
    from .feedback_sqlite import SqliteBackend
    return SqliteBackend(path or settings.get("OSCP_QA_FEEDBACK_DB"))


class FeedbackStore:
    """The feedback store. Safe to share between sessions and threads."""

    def __init__(self, path=None, *, url: str = "", kept_days: int | None = None,
                 purge: bool = True):
        """Opens (creating the table if need be) and, unless told not to, purges old rows."""
        self.backend = open_backend(url, str(path or ""))
        self.kept_days = kept_days or settings.retention_days()
        self.off_until = 0.0
        self.failing = False
        self._flag = threading.Lock()      # so that sessions failing together log it once
        if self._guard("open", lambda: self.backend.create() or True, False) and purge:
            self.purge()

    @property
    def where(self) -> str:
        return self.backend.describe()

    @property
    def enabled(self) -> bool:
        return time.monotonic() >= self.off_until

    # --- containing faults -----------------------------------------------------------------

    def _guard(self, what: str, action: Callable[[], T], fallback: T) -> T:
        """Run `action`; on a store error log it once, repair what can be repaired and try
        again, else return `fallback`, switching feedback off for a while unless the error
        was a lock that may be free next time."""
        if not self.enabled:
            return fallback
        try:
            result = action()
        except self.backend.errors as error:
            with self._flag:
                first, self.failing = not self.failing, True
            if first:
                log.warning("feedback store failed to %s (%s): %s", what, self.where, error)
            try:
                if self.backend.transient(error) or not self.backend.recover(error):
                    raise
                result = action()
            except self.backend.errors as final:
                if not self.backend.transient(final):
                    self.off_until = time.monotonic() + OFF_FOR
                return fallback
        if self.failing:
            with self._flag:
                was, self.failing = self.failing, False
            if was:
                log.warning("feedback store works again (%s)", self.where)
        return result

    def _run(self, what: str, sql: str, params: tuple = ()):
        return self._guard(what, lambda: self.backend.run(sql, params), None)

    # --- writing: never raises -------------------------------------------------------------

    def log(self, status: Status | str, intent: str = "", rating: int | None = None,
            unknown_words: list[str] = ()) -> int | None:
        """Record how one question was answered; the row id for a later rating, or None if
        the store is failing."""
        rows = self._run("log", "insert into feedback (asked_at, status, intent, rating, "
                         "unknown_words) values (?, ?, ?, ?, ?) returning id",
                         (_now().isoformat(), Status(status).value, intent[:40], _rating(rating),
                          _words(list(unknown_words))))
        return int(rows[0][0]) if rows else None

    def rate(self, record: int, rating: int | None) -> None:
        """Set (or, with None, take back) the thumbs up or down on a logged question."""
        self._run("rate", "update feedback set rating = ? where id = ?", (_rating(rating), record))

    def share(self, record: int, question: str) -> bool:
        """Keep the question's text, redacted, because the visitor chose to send it."""
        done = self._run("share", "update feedback set question = ? where id = ? returning id",
                         (redact(question), record))
        return bool(done)

    def purge(self) -> int | None:
        """Delete rows older than the retention period; how many, or None if it failed."""
        cutoff = (_now() - timedelta(days=self.kept_days)).isoformat()
        rows = self._run("purge", "delete from feedback where asked_at < ? returning id", (cutoff,))
        return None if rows is None else len(rows)

    # --- reading, for staff ----------------------------------------------------------------

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        rows = self._run("read", sql, params)
        if rows is None:
            raise FeedbackUnavailable(f"The feedback store ({self.where}) cannot be read just "
                                      "now; the app's log says why.")
        return rows

    def count(self) -> int:
        return self._read("select count(*) from feedback")[0][0]

    def ratings(self) -> Ratings:
        up, down = self._read("select coalesce(sum(case when rating = 1 then 1 else 0 end), 0), "
                              "coalesce(sum(case when rating = 0 then 1 else 0 end), 0) "
                              "from feedback")[0]
        return Ratings(up=up, down=down)

    def report(self, words: int = 30, sent: int = 50) -> Report:
        by_status = dict(self._read("select status, count(*) from feedback group by status"))
        unknown = Counter(word for (row,) in self._read(
            "select unknown_words from feedback where status in (?, ?) and unknown_words <> ''",
            UNANSWERED) for word in row.split())
        shared = self._read("select asked_at, status, intent, question from feedback where "
                            "question is not null order by asked_at desc, id desc limit ?", (sent,))
        return Report(
            store=self.where, kept_days=self.kept_days, rows=sum(by_status.values()),
            by_status={s.value: by_status.get(s.value, 0) for s in Status},
            ratings=self.ratings(),
            unknown_words=[WordCount(word=w, times=n) for w, n in unknown.most_common(words)],
            sent=[SentQuestion(asked_at=a, status=s, intent=i, question=q)
                  for a, s, i, q in shared])
