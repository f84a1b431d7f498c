"""`oscp-qa feedback` and `oscp-qa feedback purge`: the Staff page's report on the server."""

from __future__ import annotations

from click.testing import CliRunner
from test_feedback import backdate

from oscp_qa.cli import main
from oscp_qa.feedback import DOWN, UP, FeedbackStore, Report


def run(*args):
    return CliRunner().invoke(main, list(args))


def filled(feedback_target, monkeypatch) -> FeedbackStore:
    for name, value in feedback_target.items():
        monkeypatch.setenv(f"OSCP_QA_FEEDBACK_{'DB' if name == 'path' else 'URL'}", str(value))
    store = FeedbackStore(**feedback_target)
    store.log("no_answer", "search", None, ["weather"])
    store.log("answered", "lookup", UP)
    sent = store.log("answered", "compare_areas", DOWN)
    store.share(sent, "Why **no** map? :material/home: http://x.example")
    return store


def test_the_report_is_the_staff_pages(feedback_target, monkeypatch):
    store = filled(feedback_target, monkeypatch)
    result = run("feedback", "--json")
    assert result.exit_code == 0
    assert Report.model_validate_json(result.output) == store.report()
    text = run("feedback").output
    assert "Answers rated helpful: 1; unhelpful: 1." in text
    assert "     1  weather" in text
    assert "'Why **no** map? :material/home: http://x.example'" in text


def test_purge_deletes_what_is_older_than_the_retention_period(feedback_target, monkeypatch):
    store = filled(feedback_target, monkeypatch)
    backdate(store, 91)
    store.log("clarify", "clarify")
    result = run("feedback", "purge")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Removed 3 rows older than 90 days from the ")
    assert store.count() == 1


def test_a_bad_setting_is_named_and_exits_1(monkeypatch, tmp_path):
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "f.db"))
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DAYS", "forever")
    result = run("feedback", "purge")
    assert result.exit_code == 1
    assert "OSCP_QA_FEEDBACK_DAYS must be a whole number of days" in result.output
    assert "Traceback" not in result.output
