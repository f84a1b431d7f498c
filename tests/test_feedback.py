"""The feedback store, on SQLite and on PostgreSQL: what it keeps (and does not), for how long,
ratings, the staff report, writes from many threads and processes, and the conversation that
feeds it."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from oscp_qa import feedback, settings
from oscp_qa.conversation import Conversation
from oscp_qa.feedback import DOWN, UP, FeedbackStore

COLUMNS = ["id", "asked_at", "status", "intent", "rating", "unknown_words", "question"]


@pytest.fixture
def log(feedback_target) -> FeedbackStore:
    return FeedbackStore(**feedback_target)


def rows(store: FeedbackStore) -> list[tuple]:
    return store.backend.run(f"select {', '.join(COLUMNS[1:])} from feedback order by id")


def test_a_row_holds_no_free_text_by_default(log):
    log.log("no_answer", "search", None, ["weather", "Cowley"])
    [(asked_at, status, intent, rating, words, question)] = rows(log)
    assert (status, intent, rating, words, question) == ("no_answer", "search", None,
                                                          "weather cowley", None)
    assert asked_at.endswith("+00:00") and len(asked_at) == 25     # UTC, to the second


def test_the_sqlite_file_has_one_table_of_these_columns_and_drops_the_old_one(tmp_path):
    path = tmp_path / "feedback.db"
    with sqlite3.connect(path) as conn:         # the first version kept every question's text
        conn.execute("create table questions (id integer primary key, question text)")
        conn.execute("insert into questions (question) values ('my name is Jo')")
    FeedbackStore(path)
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        columns = [r[1] for r in conn.execute("pragma table_info(feedback)")]
    assert tables == ["feedback"] and columns == COLUMNS


def test_unknown_words_are_kept_redacted_and_once(log):
    log.log("no_answer", "search", None,
            ["weather", "jo@example.org", "07700900123", "weather", "ox4", "1ab", "\ud800x"])
    assert rows(log)[0][4] == "weather"


def test_the_text_is_kept_only_when_sent_and_then_redacted(log):
    record = log.log("answered", "compare_areas", DOWN)
    assert rows(log)[0][5] is None
    assert log.share(record, "my name is Jo Bloggs, ring 07700 900123.")
    assert rows(log)[0][5] == "my name is [name], ring [phone]."
    assert not log.share(record + 100, "no such row")


def test_ratings_can_be_set_changed_and_taken_back(log):
    record = log.log("answered", "compare_areas", UP)
    assert log.ratings().model_dump() == {"up": 1, "down": 0}
    log.rate(record, DOWN)
    assert log.ratings().model_dump() == {"up": 0, "down": 1}
    log.rate(record, None)
    assert log.ratings().model_dump() == {"up": 0, "down": 0}


@pytest.mark.parametrize("call", [
    lambda s: s.log("answered", "x", 5),
    lambda s: s.rate(1, -1),
    lambda s: s.log("maybe"),
])
def test_bad_values_are_refused(log, call):
    with pytest.raises(ValueError):
        call(log)


def test_the_report_counts_statuses_ratings_unknown_words_and_lists_sent_questions(log):
    log.log("no_answer", "search", None, ["weather"])
    log.log("clarify", "clarify", None, ["weather", "parking"])
    log.log("answered", "lookup", UP, ["ignored"])              # answered: its words are not missed
    sent = log.log("no_answer", "search", DOWN, ["parking"])
    log.share(sent, "What about parking on Cowley Road?")
    report = log.report()
    assert report.rows == 4 and report.kept_days == settings.retention_days()
    assert report.by_status == {"answered": 1, "clarify": 1, "no_answer": 2}
    assert report.ratings.model_dump() == {"up": 1, "down": 1}
    assert [(w.word, w.times) for w in report.unknown_words] == [("weather", 2), ("parking", 2)]
    assert [s.question for s in report.sent] == ["What about parking on Cowley Road?"]


def backdate(store: FeedbackStore, days: int) -> None:
    old = (datetime.now(UTC) - timedelta(days=days)).replace(microsecond=0).isoformat()
    store.backend.run("update feedback set asked_at = ?", (old,))


def test_rows_older_than_the_retention_period_are_purged(feedback_target):
    store = FeedbackStore(**feedback_target, kept_days=30)
    store.log("no_answer", "search")
    backdate(store, 31)
    store.log("clarify", "clarify")
    assert store.purge() == 1
    assert [r[1] for r in rows(store)] == ["clarify"]


def test_starting_up_purges(feedback_target, monkeypatch):
    store = FeedbackStore(**feedback_target)
    store.log("no_answer", "search")
    backdate(store, 8)
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DAYS", "7")
    assert FeedbackStore(**feedback_target).count() == 0


@pytest.mark.parametrize("days", ["0", "-3", "ninety", "1.5"])
def test_a_bad_retention_period_is_refused_with_its_name(monkeypatch, days):
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DAYS", days)
    with pytest.raises(settings.SettingError, match="OSCP_QA_FEEDBACK_DAYS"):
        settings.retention_days()


def test_the_environment_chooses_the_store(monkeypatch, tmp_path):
    monkeypatch.delenv("OSCP_QA_FEEDBACK_URL", raising=False)
    monkeypatch.delenv("OSCP_QA_FEEDBACK_DB", raising=False)
    assert feedback.open_backend().path == settings.REPO / "data" / "feedback.db"
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "elsewhere.db"))
    assert FeedbackStore().where == "SQLite file elsewhere.db"
    monkeypatch.setenv("OSCP_QA_FEEDBACK_URL", "postgresql://u:secret@db.invalid:5432/fb")
    backend = feedback.open_backend()
    assert backend.describe() == "PostgreSQL database fb on db.invalid"      # no password
    monkeypatch.setenv("OSCP_QA_FEEDBACK_URL", "mysql://u@h/db")
    with pytest.raises(ValueError, match="postgresql://"):
        feedback.open_backend()


def test_many_sessions_can_write_at_once(log):
    def write(n):
        for _ in range(20):
            log.log("no_answer", f"t{n}")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert log.count() == 160


def write_from_a_process(target: dict, n: int) -> None:
    store = FeedbackStore(**target)
    for i in range(25):
        record = store.log("no_answer", "search", None, [f"word{'x' * (n + 1)}"])
        assert record is not None, "a write was lost"
        store.rate(record, i % 2)


def test_several_processes_can_write_at_once(feedback_target):
    """As replicas do: each its own process, all starting (and creating the table) together."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=write_from_a_process, args=(feedback_target, n))
                 for n in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    store = FeedbackStore(**feedback_target)
    assert store.count() == 100
    assert store.ratings().model_dump() == {"up": 48, "down": 52}


# --- the conversation that feeds the log --------------------------------------------------------


@pytest.fixture
def conversation(engine, log):
    from oscp_qa import Assistant

    return Conversation(Assistant(engine), log)


def test_answered_questions_are_logged_only_when_rated(conversation, log):
    turn = conversation.ask("how did hate crime compare?")
    assert log.count() == 0
    conversation.rate(turn.id, UP)
    conversation.rate(turn.id, DOWN)                    # a change updates the same row
    assert log.count() == 1
    assert rows(log)[0][:5] == (rows(log)[0][0], "answered", turn.answer.intent, DOWN, "")


@pytest.mark.parametrize("question,status,words", [
    ("What is the weather in Cowley?", "no_answer", "weather cowley"),
    ("compare", "clarify", "")])
def test_unanswered_and_clarified_questions_are_logged_at_once_without_their_text(
        conversation, log, question, status, words):
    turn = conversation.ask(question)
    assert turn.answer.status.value == status
    [(_, logged_status, intent, rating, unknown, text)] = rows(log)
    assert (logged_status, intent, rating, unknown, text) == (status, turn.answer.intent, None,
                                                              words, None)


def test_personal_details_never_reach_the_unknown_words(conversation, log):
    turn = conversation.ask("my name is Jo Bloggs, I live at 12 Cowley Road, ring 07700 900123. "
                            "What is the weather?")
    conversation.rate(turn.id, DOWN)
    stored = rows(log)[0][4]
    for detail in ("jo", "bloggs", "12", "07700", "900123", "road"):
        assert detail not in stored.split()
    assert "weather" in stored


def test_sending_a_question_needs_a_thumbs_down_and_keeps_it_redacted(conversation, log):
    turn = conversation.ask("How did hate crime compare? I'm Jo Bloggs")
    assert not conversation.send(turn.id)                   # no thumbs down: nothing is sent
    conversation.rate(turn.id, UP)
    assert not conversation.send(turn.id)
    conversation.rate(turn.id, DOWN)
    assert conversation.send(turn.id) and conversation.turn(turn.id).sent
    assert [s.question for s in log.report().sent] == ["How did hate crime compare? I'm [name]"]


def test_a_sent_question_keeps_only_what_the_assistant_read(conversation, log, engine):
    limit = engine.settings.max_question_chars
    turn = conversation.ask("How did hate crime compare? " + "and again " * limit)
    conversation.rate(turn.id, DOWN)
    assert conversation.send(turn.id)
    [sent] = log.report().sent
    assert sent.question == turn.question[:limit].strip()


def test_clearing_forgets_the_turns_and_the_topic_but_not_the_log(conversation, log):
    conversation.ask("Is domestic abuse going down?")
    conversation.ask("What is the weather?")
    conversation.clear()
    assert conversation.turns == [] and conversation.last is None
    assert conversation.ask("what about in oxfordshire?").answer.status.value == "clarify"
    assert log.count() == 2


def test_an_empty_question_is_not_logged(conversation, log):
    assert conversation.ask("   ").answer.status.value == "clarify"
    assert log.count() == 0


def test_a_conversation_works_without_a_feedback_store(engine):
    from oscp_qa import Assistant

    conversation = Conversation(Assistant(engine))
    turn = conversation.ask("compare")
    conversation.rate(turn.id, DOWN)
    assert conversation.turn(turn.id).rating == DOWN and not conversation.send(turn.id)
