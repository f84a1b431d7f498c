"""The app through AppTest, on what it keeps and who sees it: the notice by the chat box, the
privacy page, sending a question to the team, the Staff page behind sign-in, the one error
boundary, and feedback-store faults that must never cost a visitor the answer."""

from __future__ import annotations

import logging
import sqlite3
import time

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, HATE_CRIME, TIMEOUT, ask, click, messages, new_app, switch

from oscp_qa.feedback import FeedbackStore

AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "oscp-qa", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration"}
STAFF = {"is_logged_in": True, "email": "jo.bloggs@oxford.gov.uk", "email_verified": True}
OUTSIDER = {"is_logged_in": True, "email": "someone@example.org", "email_verified": True}
VISITOR_TEXT = "Call me Alex :material/home: see https://evil.example/x **now**"
SENT_AS = "Call me [name] :material/home: see https://evil.example/x **now**"


@pytest.fixture(autouse=True)
def app_env(monkeypatch, db_path, tmp_path):
    monkeypatch.setenv("OSCP_QA_DB", str(db_path))
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    monkeypatch.delenv("OSCP_QA_FEEDBACK_URL", raising=False)
    monkeypatch.setenv("OSCP_QA_STAFF", "@oxford.gov.uk, boss@example.org")


@pytest.fixture
def feedback(tmp_path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "feedback.db")


def everything_shown(app: AppTest) -> str:
    """Every value the page would send to a browser, as one string."""
    return "\n".join(str(getattr(node, "value", "") or getattr(node, "label", "") or "")
                     for node in app._tree.main.children.values() for node in _walk(node))


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def signed_in_app(user: dict | None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.secrets["auth"] = AUTH
    if user:
        app.user = user
    app.run()
    assert not app.exception, app.exception
    return app


def send_a_question(text: str = VISITOR_TEXT) -> None:
    """A visitor thumbs an answer down and sends its question to the team."""
    app = ask(new_app(), text)
    app.feedback[0].set_value(0).run()
    click(app, "Send this question to the team")


# --- what the visitor is told, and chooses -------------------------------------------------------


def test_the_chat_box_says_what_is_kept_and_for_how_long(app_env):
    app = new_app()
    notice = app.markdown[-1].value
    assert "Your questions are not stored" in notice and "90 days" in notice
    switch(app, "privacy")
    assert app.title[0].value == "Privacy"
    assert "What is kept, for 90 days" in app.markdown[0].value


def test_a_thumbs_down_offers_to_send_the_question_and_only_then_keeps_it(feedback):
    app = ask(new_app(), "How did hate crime compare? ring 07700 900123, thanks")
    assert "Send this question to the team" not in [b.label for b in app.button]
    app.feedback[0].set_value(0).run()
    assert feedback.report().sent == []
    click(app, "Send this question to the team")
    assert [s.question for s in feedback.report().sent] == [
        "How did hate crime compare? ring [phone], thanks"]
    assert "Sent to the team" in [b.label for b in app.button if b.disabled]


# --- the Staff page -----------------------------------------------------------------------------


def test_without_sign_in_configured_there_is_no_staff_page():
    app = new_app()
    with pytest.raises(ValueError, match="not a registered page|Could not find"):
        app.switch_page("app_pages/staff.py").run()


@pytest.mark.parametrize("user,shown", [
    (None, "Sign in"),
    ({"is_logged_in": False}, "Sign in"),
    (OUTSIDER, "not on the staff list"),
    ({**STAFF, "email_verified": False}, "not on the staff list"),
])
def test_only_signed_in_staff_see_what_visitors_sent(user, shown):
    send_a_question()
    app = switch(signed_in_app(user), "staff")
    everything = everything_shown(app)
    assert shown in everything
    assert "Alex" not in everything and "evil.example" not in everything and "[name]" not in everything


def test_staff_see_visitor_text_as_plain_text_only():
    send_a_question()
    app = switch(signed_in_app(STAFF), "staff")
    assert [t.value for t in app.text] == [SENT_AS]
    assert all("evil.example" not in m.value for m in [*app.markdown, *app.caption])
    assert app.metric[1].value == "1"                          # one thumbs down


def test_a_domain_on_the_list_does_not_let_in_a_lookalike():
    app = switch(signed_in_app({**STAFF, "email": "x@evil-oxford.gov.uk"}), "staff")
    assert "not on the staff list" in everything_shown(app)


# --- one error boundary ---------------------------------------------------------------------------


def test_a_failing_page_shows_a_plain_message_and_logs_the_detail(monkeypatch, caplog):
    from oscp_qa.conversation import Conversation

    def broken(self, question):
        raise RuntimeError("/srv/secret/path exploded")

    monkeypatch.setattr(Conversation, "ask", broken)
    app = new_app()
    with caplog.at_level(logging.ERROR, logger="oscp_qa.app"):
        app.chat_input[0].set_value(HATE_CRIME).run()
    assert not app.exception
    assert "Sorry, something went wrong on this page" in app.error[0].value
    assert "/srv/secret/path" not in everything_shown(app)
    assert "/srv/secret/path exploded" in caplog.text


# --- faults of the feedback store: the visitor still gets the answer -----------------------------


def answer_of(app: AppTest) -> str:
    return messages(app)[-1][1]


def test_a_locked_feedback_file_costs_at_most_a_second(tmp_path, feedback, caplog):
    app = new_app()
    holder = sqlite3.connect(tmp_path / "feedback.db", isolation_level=None)
    holder.execute("begin exclusive")
    try:
        with caplog.at_level(logging.WARNING, logger="oscp_qa.feedback"):
            start = time.monotonic()
            ask(app, "How many burglaries were there?")
            ask(app, "What is the weather?")
            took = time.monotonic() - start
    finally:
        holder.rollback()
        holder.close()
    assert "does not include figures for burglary" in messages(app)[1][1]
    assert messages(app)[3][0] == "assistant"
    assert took < 2 * 1.0 + 1.5                      # at most one lock wait per question
    assert caplog.text.count("feedback store failed") == 1


@pytest.mark.parametrize("fault", ["corrupt", "deleted"])
def test_a_corrupt_or_deleted_file_is_made_again(tmp_path, feedback, fault):
    app = ask(new_app(), "How many burglaries were there?")
    path = tmp_path / "feedback.db"
    for name in (path, tmp_path / "feedback.db-wal", tmp_path / "feedback.db-shm"):
        name.unlink(missing_ok=True)
    if fault == "corrupt":
        path.write_bytes(b"this is not a database" * 100)
    ask(app, "What is the weather?")
    assert messages(app)[3][0] == "assistant" and "weather" in messages(app)[3][1].lower()
    assert feedback.report().by_status["no_answer"] == 1          # the new file has the new row
    app.feedback[-1].set_value(0).run()
    assert feedback.ratings().down == 1


def test_the_chat_still_answers_when_the_feedback_file_cannot_be_opened(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(blocker / "feedback.db"))
    app = ask(new_app(), HATE_CRIME)
    assert "**3,846**" in messages(app)[1][1]
    app.feedback[0].set_value(0).run()
    click(app, "Send this question to the team")
    assert "could not be sent just now" in app.markdown[-2].value
    assert not app.exception
    app = switch(signed_in_app(STAFF), "staff")
    assert "cannot be read just now" in app.error[0].value
