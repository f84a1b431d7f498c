"""The app with broken knowledge, through AppTest: visitors still get answers from the last good
database and never see the fault; staff see it named; with no database at all, every page shows
a plain maintenance message, never a traceback."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import KNOWLEDGE
from streamlit.testing.v1 import AppTest
from test_app_privacy import AUTH, STAFF

from oscp_qa import knowledge, store

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
if str(APP.parent) not in sys.path:
    sys.path.insert(0, str(APP.parent))
PAGES = ["chat", "briefing", "statistics", "priorities", "achievements", "duties", "glossary"]
MAINTENANCE = "OSCP Q&A is closed for maintenance"


@pytest.fixture
def broken(tmp_path, monkeypatch) -> str:
    """The app's knowledge folder, with a duplicate key in duties.yaml; returns the error."""
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    duties = root / "plans/oscp-2022-23/duties.yaml"
    duties.write_text("duties: []\nduties: []\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "DEFAULT_ROOT", root)
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    monkeypatch.setenv("OSCP_QA_STAFF", "@oxford.gov.uk")
    return f"{duties}, line 2, field 'duties': key 'duties' is given twice, on lines 1 and 2; keep one"


@pytest.fixture
def last_good(tmp_path, db_path, monkeypatch) -> Path:
    copy = tmp_path / "oscp.db"
    shutil.copy(db_path, copy)
    monkeypatch.setattr(store, "DEFAULT_DB", copy)
    return copy


def run(page: str) -> AppTest:
    """The page as a visitor sees it; the staff page as signed-in staff see it."""
    app = AppTest.from_file(str(APP), default_timeout=60)
    if page == "staff":
        app.secrets["auth"] = AUTH
        app.user = STAFF
    app.run()
    if page != "chat":
        app.switch_page(f"app_pages/{page}.py").run()
    assert not app.exception, app.exception
    return app


def everything_shown(app: AppTest) -> str:
    return "\n".join([*(m.value for m in app.markdown), *(e.value for e in app.error),
                      *(c.value for c in app.code), *(t.value for t in app.title)])


def test_visitors_get_answers_from_the_last_good_database(broken, last_good):
    app = run("chat")
    app.chat_input[0].set_value("hate crime in oxford").run()
    assert not app.exception, app.exception
    assert "**420**" in app.chat_message[1].markdown[0].value
    assert "duties.yaml" not in everything_shown(app)
    assert MAINTENANCE not in everything_shown(app)


def test_staff_see_the_knowledge_error(broken, last_good):
    app = run("staff")
    from app_pages.ui import plain

    assert app.error[0].value == plain(
        "The knowledge files are invalid, so answers come from the last good database, "
        f"{last_good}, built before the change.")
    assert app.code[0].value == broken


def test_staff_see_nothing_when_the_knowledge_is_sound(tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(store, "DEFAULT_DB", db_path)
    monkeypatch.setenv("OSCP_QA_STAFF", "@oxford.gov.uk")
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    app = run("staff")
    assert not app.error and not app.code


@pytest.mark.parametrize("page", PAGES)
def test_no_database_shows_maintenance_on_every_page(broken, tmp_path, monkeypatch, page):
    monkeypatch.setattr(store, "DEFAULT_DB", tmp_path / "none" / "oscp.db")
    app = run(page)
    assert [t.value for t in app.title] == [MAINTENANCE]
    assert app.markdown[0].value == ("The assistant is being updated and cannot answer just now. "
                                     "Please try again later.\n\nIf you or someone else is in "
                                     "danger, call 999.")
    assert not app.chat_input
    assert "duties.yaml" not in everything_shown(app)


def test_staff_see_why_the_site_is_closed(broken, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "DEFAULT_DB", tmp_path / "none" / "oscp.db")
    app = run("staff")
    assert "there is no usable database" in app.error[0].value
    assert app.code[0].value == broken
