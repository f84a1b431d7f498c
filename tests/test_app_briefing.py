"""The briefing in the app, through AppTest: add answers from the chat, arrange them on the
Briefing page, add headings, notes and topic packs, and download the files."""

from __future__ import annotations

import io
from pathlib import PurePosixPath

import docx
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from test_app import HATE_CRIME, ask, click, new_app, page_text, switch

from oscp_qa import export

DOMESTIC_ABUSE = "Is domestic abuse going down?"


@pytest.fixture(autouse=True)
def app_env(monkeypatch, db_path, tmp_path):
    monkeypatch.setenv("OSCP_QA_DB", str(db_path))
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """What each download button would send the browser, by the file id in its URL."""
    served: dict[str, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = keep(self, path_or_data, mimetype, kind, filename)
        served[file_id] = self.get_file(file_id).content
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return served


def download(app, downloads: dict[str, bytes], key: str) -> bytes:
    [button] = [b for b in app.get("download_button") if b.proto.id.endswith(key)]
    return downloads[PurePosixPath(button.proto.url).stem]


def briefing_of(app):
    return app.session_state["briefing"]


def questions(app) -> list[str]:
    """Each item's question, or the author's text for a heading or a note."""
    return [item.question or item.text for item in briefing_of(app).items]


def add_answers(*asked: str):
    """A new session that asks each question and adds each answer to the briefing."""
    app = new_app()
    for question in asked:
        ask(app, question)
        click(app, "Add to briefing")
    return app


def submit(app, kind: str, text: str):
    field = app.text_input(key="new-heading") if kind == "heading" else app.text_area(key="new-note")
    field.set_value(text)
    [b for b in app.button if b.label == f"Add {kind}"][0].click()
    app.run()
    assert not app.exception, app.exception


def test_every_answer_can_be_added_once():
    app = new_app()
    ask(app, HATE_CRIME)
    assert [b.label for b in app.button].count("Add to briefing") == 1
    click(app, "Add to briefing")
    added = [b for b in app.button if b.label == "Added to briefing"]
    assert len(added) == 1 and added[0].disabled
    ask(app, DOMESTIC_ABUSE)
    assert [b.label for b in app.button].count("Add to briefing") == 1
    assert questions(app) == [HATE_CRIME]


def test_a_clarifying_question_has_no_add_button():
    app = new_app()
    ask(app, "compare")
    assert "Add to briefing" not in [b.label for b in app.button]


def test_the_briefing_page_lists_the_answers_and_reorders_them():
    app = add_answers(HATE_CRIME, DOMESTIC_ABUSE)
    switch(app, "briefing")
    assert app.title[0].value == "Your briefing"
    assert app.header[0].value == "Items in the briefing (2)"
    text = page_text(app)
    assert "**1. Answer to:** how did hate crime compare? (15 figures, a chart)" in text
    assert "**2. Answer to:** Is domestic abuse going down? (10 figures, a chart)" in text
    assert app.button(key=f"up-{briefing_of(app).items[0].id}").disabled
    click(app, "Move item 2 up")
    assert questions(app) == [DOMESTIC_ABUSE, HATE_CRIME]
    click(app, "Move item 1 down")
    assert questions(app) == [HATE_CRIME, DOMESTIC_ABUSE]
    click(app, "Remove item 1")
    assert questions(app) == [DOMESTIC_ABUSE]
    assert app.header[0].value == "Items in the briefing (1)"


def test_headings_and_notes_are_added_and_shown_as_typed():
    app = new_app()
    switch(app, "briefing")
    assert "Nothing yet." in page_text(app)
    submit(app, "heading", "Hate crime **now**")
    submit(app, "note", "See <b>Table 8</b> [here](http://x.test)")
    assert questions(app) == ["Hate crime **now**", "See <b>Table 8</b> [here](http://x.test)"]
    text = page_text(app)
    assert "**1. Heading:** Hate crime \\*\\*now\\*\\*" in text
    preview = app.markdown[-1].value
    assert "#### Hate crime \\*\\*now\\*\\*" in preview
    assert "\\<b\\>Table 8\\</b\\> \\[here\\](http\\://x.test)" in preview


def test_an_empty_heading_is_refused_with_a_message():
    app = new_app()
    switch(app, "briefing")
    submit(app, "heading", "   ")
    assert app.error[0].value == "A heading needs some text."
    assert questions(app) == []


def test_a_topic_pack_adds_its_heading_and_answers(engine):
    from oscp_qa.briefing import find_pack

    app = new_app()
    switch(app, "briefing")
    click(app, "Add the Hate crime pack")
    pack = find_pack("hate-crime")
    assert questions(app) == ["Hate crime"] + [q.ask for q in pack.questions]
    assert app.header[0].value == f"Items in the briefing ({len(pack.questions) + 1})"


def test_adding_a_pack_leaves_the_chat_s_conversation_alone():
    app = add_answers("council asb cases 2019")
    switch(app, "briefing")
    click(app, "Add the Total crime pack")
    switch(app, "chat")
    ask(app, "and the following year?")
    assert "2020: **3,609**" in app.chat_message[-1].markdown[0].value


def test_downloads_are_the_briefing_in_its_new_order(downloads):
    app = add_answers(HATE_CRIME, DOMESTIC_ABUSE)
    switch(app, "briefing")
    click(app, "Move item 2 up")
    app.text_input(key="briefing-title").set_value("Safety update").run()
    briefing = briefing_of(app)
    assert briefing.title == "Safety update"

    markdown = download(app, downloads, "download-md").decode("utf-8")
    assert markdown == export.to_markdown(briefing)
    assert markdown.startswith("# Safety update\n")
    assert (markdown.index("## Domestic abuse offences recorded")
            < markdown.index("## Victims of hate crime by area"))

    document = docx.Document(io.BytesIO(download(app, downloads, "download-docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if h not in ("Figures", "Sources", "Caveats")] == [
        "Safety update", "Domestic abuse offences recorded", "Victims of hate crime by area"]
    assert len(document.tables) == 2 and len(document.inline_shapes) == 2
    assert "3,846" in [row.cells[1].text for row in document.tables[1].rows]
    labels = {b.proto.label for b in app.get("download_button")}
    assert labels == {"Download as Markdown (.md)", "Download as Word (.docx)",
                      "Download as PDF (.pdf)", "Save the briefing to open later (.json)"}


def test_an_empty_briefing_offers_no_download():
    app = new_app()
    switch(app, "briefing")
    assert not app.get("download_button")
    assert "Add something to the briefing first." in page_text(app)


def test_starting_a_new_briefing_empties_it():
    app = add_answers(HATE_CRIME)
    switch(app, "briefing")
    click(app, "Start a new briefing")
    assert questions(app) == []
    switch(app, "chat")
    assert "Add to briefing" in [b.label for b in app.button]    # the chat is not affected


def test_each_answer_is_headed_by_its_title_which_can_be_edited():
    app = add_answers(HATE_CRIME, "What is Nightsafe?")
    switch(app, "briefing")
    first, second = briefing_of(app).items
    assert app.text_input(key=f"heading-{first.id}").value == "Victims of hate crime by area"
    assert app.text_input(key=f"heading-{second.id}").value == "What is Nightsafe?"
    app.text_input(key=f"heading-{first.id}").set_value("Hate crime in 2021").run()
    assert briefing_of(app).items[0].label == "Hate crime in 2021"
    assert "#### Hate crime in 2021" in app.markdown[-1].value
    app.text_input(key=f"heading-{first.id}").set_value("  ").run()
    assert app.error[0].value == "A heading needs some text."
    assert briefing_of(app).items[0].label == "Hate crime in 2021"


def test_the_preview_s_figures_table_is_narrow():
    app = add_answers(HATE_CRIME)
    switch(app, "briefing")
    preview = app.markdown[-1].value
    assert "| Figure | Value | Period | Source |" in preview
    assert "How it was worked out" not in preview


def test_a_saved_briefing_opens_again_in_another_session(downloads):
    app = add_answers(HATE_CRIME, DOMESTIC_ABUSE)
    switch(app, "briefing")
    submit(app, "note", "Check with the police.")
    app.text_input(key="briefing-title").set_value("Safety update").run()
    saved = download(app, downloads, "download-json")
    before = briefing_of(app)

    other = new_app()
    switch(other, "briefing")
    other.get("file_uploader")[0].set_value(("safety.json", saved, "application/json")).run()
    assert not other.exception, other.exception
    assert briefing_of(other) == before
    assert other.text_input(key="briefing-title").value == "Safety update"
    assert other.header[0].value == "Items in the briefing (3)"
    assert "Opened safety.json." in [s.value for s in other.success]


def test_a_file_that_is_not_a_saved_briefing_is_refused_and_nothing_changes():
    app = add_answers(HATE_CRIME)
    switch(app, "briefing")
    app.get("file_uploader")[0].set_value(("notes.json", b'{"title": "x"}', "application/json")).run()
    assert app.error[0].value.startswith("notes.json is not a briefing saved by OSCP Q&A")
    assert questions(app) == [HATE_CRIME]
