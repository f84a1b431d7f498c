"""The feedback file: what it stores (and does not), ratings, the unanswered list, and the
conversation that feeds it."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from oscp_qa import feedback, store
from oscp_qa.conversation import Conversation
from oscp_qa.feedback import DOWN, UP, FeedbackStore


@pytest.fixture
def log(tmp_path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "feedback.db")


def test_the_file_holds_only_question_status_time_and_rating(log):
    log.log("What is Nightsafe?", "answered", UP)
    with sqlite3.connect(log.path) as conn:
        columns = [row[1] for row in conn.execute("pragma table_info(questions)")]
        tables = [row[0] for row in conn.execute("select name from sqlite_master where type='table'")]
        row = conn.execute("select asked_at, question, status, rating from questions").fetchone()
    assert columns == ["id", "asked_at", "question", "status", "rating"]
    assert tables == ["questions"]
    asked_at, question, status, rating = row
    assert (question, status, rating) == ("What is Nightsafe?", "answered", 1)
    assert asked_at.endswith("+00:00") and len(asked_at) == 25     # UTC, to the second


def test_default_path_is_its_own_file_and_the_environment_overrides_it(monkeypatch, tmp_path):
    monkeypatch.delenv(feedback.ENV_VAR, raising=False)
    assert feedback.default_path() == feedback.DEFAULT_PATH
    assert feedback.DEFAULT_PATH.name == "feedback.db"
    assert feedback.DEFAULT_PATH != store.DEFAULT_DB
    monkeypatch.setenv(feedback.ENV_VAR, str(tmp_path / "elsewhere.db"))
    assert FeedbackStore().path == tmp_path / "elsewhere.db"
    assert (tmp_path / "elsewhere.db").is_file()


@pytest.mark.parametrize("typed,stored", [
    ("What is Nightsafe?", "What is Nightsafe?"),
    ("email me at jo.bloggs@example.org please", "email me at [e-mail] please"),
    ("call 01865 249811 about ASB", "call [phone] about ASB"),
    ("my number is +44 (0)1865 249 811", "my number is [phone]"),
    ("burglary near OX4 1AB?", "burglary near [postcode]?"),
    ("crime in OX4?", "crime in OX4?"),                          # a district alone is no address
    ("compare 2017 2018 2019 2020 2021", "compare 2017 2018 2019 2020 2021"),
    ("What was the £426,000 for?", "What was the £426,000 for?"),
    ("   spaces around   ", "spaces around"),
])
def test_personal_details_are_removed_before_storing(log, typed, stored):
    assert feedback.redact(typed) == stored
    log.log(typed, "no_answer")
    assert log.unanswered()[0].question == stored


def test_long_questions_are_cut(log):
    log.log("x" * 5000, "no_answer")
    assert len(log.unanswered()[0].question) == feedback.MAX_QUESTION_CHARS


def test_unanswered_counts_spellings_together_most_frequent_first(log):
    for question, status in [("What is the weather?", "no_answer"), ("compare", "clarify"),
                             ("compare ", "clarify"), ("Compare", "no_answer"),
                             ("What is Nightsafe?", "answered")]:
        log.log(question, status)
    found = [(q.question, q.times, q.no_answer, q.clarify) for q in log.unanswered()]
    assert found == [("Compare", 3, 1, 2), ("What is the weather?", 1, 1, 0)]
    assert len(log.unanswered(limit=1)) == 1


def test_ratings_can_be_set_changed_and_taken_back(log):
    record = log.log("how did hate crime compare?", "answered", UP)
    assert log.ratings().model_dump() == {"up": 1, "down": 0}
    log.rate(record, DOWN)
    assert log.ratings().model_dump() == {"up": 0, "down": 1}
    assert log.disliked() == [("how did hate crime compare?", 1)]
    log.rate(record, None)
    assert log.ratings().model_dump() == {"up": 0, "down": 0}


@pytest.mark.parametrize("call", [
    lambda s: s.log("q", "answered", 5),
    lambda s: s.rate(1, -1),
    lambda s: s.log("q", "maybe"),
])
def test_bad_values_are_refused(log, call):
    with pytest.raises(ValueError):
        call(log)


def test_many_sessions_can_write_at_once(log):
    def write(n):
        for i in range(20):
            log.log(f"question {n}-{i}", "no_answer")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert log.count() == 160


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
    assert log.ratings().model_dump() == {"up": 0, "down": 1}


@pytest.mark.parametrize("question,status", [
    ("How many burglaries were there?", "no_answer"), ("compare", "clarify")])
def test_unanswered_and_clarified_questions_are_logged_at_once(conversation, log, question, status):
    turn = conversation.ask(question)
    assert turn.answer.status.value == status
    [logged] = log.unanswered()
    assert logged.question == question
    conversation.rate(turn.id, DOWN)
    assert log.count() == 1 and log.ratings().down == 1


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


def test_a_conversation_works_without_a_feedback_file(engine):
    from oscp_qa import Assistant

    conversation = Conversation(Assistant(engine))
    turn = conversation.ask("compare")
    conversation.rate(turn.id, UP)
    assert conversation.turn(turn.id).rating == UP
