"""The Streamlit app through AppTest: asking, suggestions, clarifications, no-answers, feedback,
clearing, the browse pages and their filters, and sessions kept apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from oscp_qa.feedback import FeedbackStore

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
if str(APP.parent) not in sys.path:       # app_pages is importable the way `streamlit run` sees it
    sys.path.insert(0, str(APP.parent))
TIMEOUT = 60
HATE_CRIME = "how did hate crime compare?"


@pytest.fixture(autouse=True)
def app_env(monkeypatch, db_path, tmp_path):
    """Each test: the session's test database and a feedback file of its own."""
    monkeypatch.setenv("OSCP_QA_DB", str(db_path))
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    monkeypatch.delenv("OSCP_QA_FEEDBACK_URL", raising=False)


@pytest.fixture
def feedback(tmp_path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "feedback.db")


def new_app() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not app.exception, app.exception
    return app


@pytest.fixture
def app() -> AppTest:
    return new_app()


def ask(app: AppTest, question: str) -> AppTest:
    app.chat_input[0].set_value(question).run()
    assert not app.exception, app.exception
    return app


def click(app: AppTest, label: str) -> AppTest:
    matches = [b for b in app.button if b.label == label]
    assert matches, f"no button {label!r} in {[b.label for b in app.button]}"
    matches[0].click().run()
    assert not app.exception, app.exception
    return app


def messages(app: AppTest) -> list[tuple[str, str]]:
    """(who, what) per chat message: the user's plain text, or the answer's first Markdown."""
    found = []
    for message in app.chat_message:
        if message.name == "user":
            found.append(("user", message.text[0].value))
        else:
            found.append(("assistant", message.markdown[0].value))
    return found


def page_text(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def switch(app: AppTest, page: str) -> AppTest:
    app.switch_page(f"app_pages/{page}.py").run()
    assert not app.exception, app.exception
    return app


# --- the chat -----------------------------------------------------------------------------------


def test_empty_chat_welcomes_and_offers_examples(app):
    assert app.title[0].value == "Ask about the OSCP Rolling Plan 2022-23"
    welcome = page_text(app)
    for words in ("OSCP Rolling Plan 2022-23", "2022-23", "Oxford, Oxfordshire and Thames Valley"):
        assert words in welcome
    examples = [b.label for b in app.button if b.key.startswith("example-")]
    assert 6 <= len(examples) <= 8
    for question in ("How did hate crime compare?", "What does DAHA mean?", "ASB Oxford vs county"):
        assert question in examples
    assert not app.chat_message


def test_every_example_question_is_answered(engine):
    from oscp_qa import Assistant

    for question in engine.plans.newest.info.examples:
        assert Assistant(engine).ask(question).status.value == "answered", question


def test_asking_shows_the_answer_its_figures_chart_table_and_sources(app):
    ask(app, HATE_CRIME)
    assert messages(app)[0] == ("user", HATE_CRIME)
    who, text = messages(app)[1]
    assert who == "assistant"
    for figure in ("**420**", "**873**", "**3,846**"):
        assert figure in text
    answer = app.chat_message[1]
    assert answer.get("arrow_vega_lite_chart") or answer.get("vega_lite_chart")
    table, sources = answer.expander[0], answer.expander[1]
    assert table.label == "The figures as a table"        # one click away, after the chart
    chart_table = table.table[0].value
    assert list(chart_table.columns) == ["Area", "Group", "Victims"]
    assert {"Oxford", "Oxfordshire", "Thames Valley"} <= set(chart_table["Area"])
    assert "3,846" in set(chart_table["Victims"])
    assert sources.label == "Sources and caveats"
    assert "Table 8" in "\n".join(m.value for m in sources.markdown)
    assert "Clear conversation" in [b.label for b in app.button]


def test_the_chart_comes_before_its_table_and_nothing_else_repeats_it(app):
    ask(app, "Is domestic abuse going down?")
    kinds = [getattr(e, "type", "") for e in app.chat_message[1].children.values()]
    assert kinds[:4] == ["markdown", "vega_lite_chart", "expander", "expander"], kinds
    assert "table" not in kinds                       # the table is only inside the expander
    assert "Compare domestic abuse" not in " ".join(b.label for b in app.button), \
        "the answer already compares the areas"


def test_the_question_is_shown_as_plain_text_not_markdown(app):
    question = "**bold** [a link](http://example.test) <b>html</b> :red[colour]"
    ask(app, question)
    user = app.chat_message[0]
    assert user.text[0].value == question
    assert not user.markdown


def test_clicking_a_suggestion_asks_it(app):
    ask(app, HATE_CRIME)
    suggestion = "What do the figures for victims of hate crime include?"
    click(app, suggestion)
    assert [m for m in messages(app) if m[0] == "user"][-1] == ("user", suggestion)
    assert "hate crime" in messages(app)[-1][1].lower()


def test_an_example_button_asks_its_question(app):
    click(app, "What is Nightsafe?")
    assert messages(app)[0] == ("user", "What is Nightsafe?")
    assert "Nightsafe Oxford Network" in messages(app)[1][1]


def test_a_clarification_offers_its_options_as_buttons(app, feedback):
    ask(app, "compare")
    assert messages(app)[1][1].startswith("Which figure do you mean?")
    option = "Police-recorded ASB incidents in 2021"
    assert option in [b.label for b in app.button]
    click(app, option)
    assert messages(app)[2] == ("user", option)
    assert "1,731" in messages(app)[3][1]
    assert feedback.report().by_status["clarify"] == 1


def test_a_question_the_plan_cannot_answer_says_so_and_is_logged(app, feedback):
    ask(app, "How many burglaries were there?")
    assert "does not include figures for burglary" in messages(app)[1][1]
    assert feedback.report().by_status["no_answer"] == 1


def test_thumbs_up_and_down_are_saved(app, feedback):
    ask(app, HATE_CRIME)
    app.feedback[0].set_value(1).run()
    assert feedback.ratings().up == 1
    app.feedback[0].set_value(0).run()
    assert (feedback.ratings().up, feedback.ratings().down) == (0, 1)
    assert "Thank you" in page_text(app)


def test_answered_questions_are_not_logged_without_a_rating(app, feedback):
    ask(app, HATE_CRIME)
    assert feedback.count() == 0


def test_clear_conversation_starts_again(app):
    ask(app, "Is domestic abuse going down?")
    click(app, "Clear conversation")
    assert not app.chat_message
    assert any(b.key.startswith("example-") for b in app.button)
    ask(app, "what about in oxfordshire?")          # the assistant forgot the topic too
    assert messages(app)[1][1].startswith("Which figure do you mean?")


def test_two_sessions_do_not_share_a_conversation():
    first, second = new_app(), new_app()
    ask(first, "Is domestic abuse going down?")
    assert len(first.chat_message) == 2
    second.run()
    assert not second.chat_message
    ask(second, "what about in oxfordshire?")
    assert messages(second)[1][1].startswith("Which figure do you mean?")
    ask(first, "what about in oxfordshire?")
    assert "Oxfordshire: 2017 6,986" in messages(first)[3][1]
    assert len(first.chat_message) == 4 and len(second.chat_message) == 2


# --- the browse pages ---------------------------------------------------------------------------


def test_statistics_lists_every_table_with_chart_table_caveats_and_download(app, engine):
    from oscp_qa import browse

    switch(app, "statistics")
    tables = browse.statistics(engine)
    headings = [h.value for h in app.subheader]
    assert headings == [t.heading for t in tables]
    assert "Table 8: Victims of Hate Crime Offences by Hate Crime Strand - All Occurrences" in headings
    with_figures = [t for t in tables if not t.figures.empty]
    assert len(app.get("download_button")) == len(with_figures)
    assert len(app.table) == len(with_figures)
    assert len([e for e in app.expander if e.label.startswith("Caveats")]) == \
        len([t for t in tables if t.caveats])
    assert "What it counts:" in page_text(app)


def test_ask_about_a_table_opens_the_chat_with_its_question(app):
    switch(app, "statistics")
    click(app, "Ask about Table 8")
    assert messages(app)[0] == ("user", "Tell me about victims of hate crime")
    assert "**3,846**" in messages(app)[1][1]


def showing(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("Showing"))


def test_priorities_filter_by_pcc_priority_theme_and_words(app):
    switch(app, "priorities")
    assert showing(app) == "Showing **14** of 14 priorities."
    app.selectbox(key="filter-pcc").set_value(2).run()
    assert showing(app) == "Showing **2** of 14 priorities."
    app.selectbox(key="filter-pcc").set_value("none").run()
    assert showing(app) == "Showing **3** of 14 priorities."
    app.selectbox(key="filter-pcc").set_value(None).run()
    app.selectbox(key="filter-theme").set_value("hate-crime").run()
    assert showing(app) == "Showing **1** of 14 priorities."
    assert "Develop a hate crime action plan" in page_text(app)
    app.selectbox(key="filter-theme").set_value(None).run()
    app.text_input(key="filter-text").set_value("night").run()
    assert showing(app) == "Showing **2** of 14 priorities."
    app.text_input(key="filter-text").set_value("no such words anywhere").run()
    assert showing(app) == "Showing **0** of 14 priorities."


def test_achievements_filter_by_theme(app):
    switch(app, "achievements")
    assert len(app.header) > 3
    app.selectbox(key="filter-achievement-theme").set_value("domestic-abuse").run()
    assert [h.value for h in app.header] == ["Domestic abuse"]
    assert [h.value for h in app.subheader] == [
        "DAHA Accreditation and Domestic Abuse Housing Link Workers",
        "Scrutiny Review into Domestic Abuse Services"]


def test_duties_list_and_ask_about_one(app):
    switch(app, "duties")
    assert [h.value for h in app.header] == [
        "Strategic Intelligence Assessment", "Domestic Homicide Reviews",
        "Community Trigger Reviews", "Reducing reoffending"]
    click(app, "Ask about Community Trigger Reviews")
    assert messages(app)[0] == ("user", "What is the Community Trigger Reviews duty?")
    assert "anti-social behaviour" in messages(app)[1][1]


def test_glossary_search(app, engine):
    from oscp_qa import browse

    total, daha = len(browse.glossary(engine)), len(browse.glossary(engine, "daha"))
    switch(app, "glossary")
    assert showing(app) == f"Showing **{total}** of {total} terms."
    app.text_input(key="glossary-query").set_value("daha").run()
    assert 1 < daha < total
    assert showing(app) == f"Showing **{daha}** of {total} terms."
    assert app.selectbox(key="glossary-term").value == "DAHA"
    click(app, "Ask about this term")
    assert messages(app)[0] == ("user", "What does DAHA mean?")


def test_glossary_page_shows_general_knowledge_as_not_from_the_plan(app):
    switch(app, "glossary")
    app.text_input(key="glossary-query").set_value("DWP").run()
    shown = [m.value for m in app.markdown]
    assert any(v.startswith("**DWP**: Department for Work and Pensions (general knowledge, not "
                            "from the plan)") for v in shown), shown
    assert any(v.startswith("*General knowledge, not from the plan:* The Department for Work")
               for v in shown), shown


# --- how text is prepared for Markdown ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "**bold** _it_ `code` [link](http://x.test) <b>tag</b> # heading",
    ":red[colour] $x^2$ ~strike~ | pipe | 1. list - item + plus",
])
def test_plain_escapes_every_markdown_character(text):
    from app_pages.ui import MARKDOWN_SPECIALS, plain

    escaped = plain(text)
    assert escaped.replace("\\", "") == text                       # nothing else changes
    assert escaped.count("\\") == len(MARKDOWN_SPECIALS.findall(text))  # one per special
