"""The briefing: answers collected from the chat and from topic packs, arranged, headed,
previewed, downloaded as Word, PDF or Markdown, and saved to a file to open again. Everything it
shows comes from oscp_qa.briefing, .export and .pdf."""

import re

import streamlit as st

from app_pages import ui
from oscp_qa import briefing as briefings
from oscp_qa import export, pdf
from oscp_qa.answer import Status
from oscp_qa.assistant import Assistant
from oscp_qa.errors import BriefingError

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROBLEM = "briefing-problem"       # a message from a callback, shown on the next run
OPENED = "briefing-opened"         # the name of the file just opened, said on the next run
TITLE = "briefing-title"

engine = ui.engine()
brief = ui.briefing()


def add_pack(pack_id: str) -> None:
    # Assigned, not left bare: Streamlit's "magic" would write a bare expression's value.
    _ = briefings.add_pack(brief, briefings.find_pack(pack_id), Assistant(engine))


def add_own(kind: str) -> None:
    """Form callback: add the author's heading or note typed in the form."""
    text = st.session_state.get(f"new-{kind}", "")
    try:
        _ = brief.add_heading(text) if kind == "heading" else brief.add_note(text)
    except BriefingError as error:
        st.session_state[PROBLEM] = str(error)


def set_title() -> None:
    brief.title = st.session_state[TITLE].strip() or briefings.DEFAULT_TITLE


def rename(item_id: str) -> None:
    """Text-input callback: the item's new heading; an empty one is refused and put back."""
    key = f"heading-{item_id}"
    try:
        brief.rename(item_id, st.session_state[key])
    except BriefingError as error:
        st.session_state[PROBLEM] = str(error)
        st.session_state[key] = brief.items[brief.index(item_id)].label


def open_saved() -> None:
    """File-uploader callback: this session's briefing becomes the one in the file."""
    upload = st.session_state.get("briefing-file")
    if upload is None:
        return
    try:
        opened = briefings.from_json(upload.getvalue(), name=upload.name)
    except BriefingError as error:
        st.session_state[PROBLEM] = str(error)
        return
    for key in [k for k in st.session_state if str(k).startswith("heading-")]:
        del st.session_state[key]                 # the old items' heading fields
    st.session_state.briefing = opened
    st.session_state[TITLE] = opened.title
    st.session_state[OPENED] = upload.name


def describe(number: int, item: briefings.Item) -> str:
    if item.kind == briefings.ItemKind.heading:
        return f"**{number}. Heading:** {ui.plain(item.text)}"
    if item.kind == briefings.ItemKind.note:
        return f"**{number}. Your note:** {ui.plain(item.text)}"
    answer = item.answer
    parts = [f"{len(answer.facts)} figure{'' if len(answer.facts) == 1 else 's'}"] if answer.facts else []
    if export.has_chart(answer):
        parts.append("a chart")
    if Status(answer.status) == Status.no_answer:
        parts.append("the plan does not answer it")
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"**{number}. Answer to:** {ui.plain(item.question)}{detail}"


def file_stem(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "briefing"


def items() -> None:
    st.header(f"Items in the briefing ({len(brief.items)})")
    if not brief.items:
        st.markdown("Nothing yet. Use **Add to briefing** under an answer in the chat, add a "
                    "topic pack below, or add a heading or a note of your own.")
        return
    last = len(brief.items)
    for number, item in enumerate(brief.items, start=1):
        with st.container(border=True):
            st.markdown(describe(number, item))
            if item.kind != briefings.ItemKind.note:
                st.text_input(f"Heading of item {number}", value=item.label,
                              key=f"heading-{item.id}", on_change=rename, args=(item.id,),
                              max_chars=briefings.MAX_HEADING_CHARS)
            up, down, remove = st.columns(3)
            up.button(f"Move item {number} up", key=f"up-{item.id}", disabled=number == 1,
                      on_click=brief.move, args=(item.id, -1), icon=":material/arrow_upward:")
            down.button(f"Move item {number} down", key=f"down-{item.id}", disabled=number == last,
                        on_click=brief.move, args=(item.id, 1), icon=":material/arrow_downward:")
            remove.button(f"Remove item {number}", key=f"remove-{item.id}",
                          on_click=brief.remove, args=(item.id,), icon=":material/delete:")
    st.button("Start a new briefing", key="briefing-clear", on_click=brief.clear,
              help="Removes every item; the chat is not affected.")


def own_text() -> None:
    st.header("Add a heading or a note of your own")
    st.markdown("Headings group the items after them. Notes are shown as yours, never as the "
                "plan's words, so keep figures to the answers.")
    with st.form("add-heading", clear_on_submit=True):
        st.text_input("Heading", key="new-heading", max_chars=briefings.MAX_HEADING_CHARS)
        st.form_submit_button("Add heading", on_click=add_own, args=("heading",))
    with st.form("add-note", clear_on_submit=True):
        st.text_area("Note", key="new-note", max_chars=briefings.MAX_NOTE_CHARS, height=100)
        st.form_submit_button("Add note", on_click=add_own, args=("note",))


def topic_packs() -> None:
    st.header("Add a topic pack")
    st.markdown("A pack adds a heading and the assistant's answers to a set of questions on one "
                "topic. Remove any you do not need.")
    for pack in briefings.topic_packs():
        st.button(f"Add the {pack.label} pack", key=f"pack-{pack.id}", on_click=add_pack,
                  args=(pack.id,), icon=":material/library_add:")
        st.markdown(ui.plain(pack.description))


def downloads() -> None:
    st.header("Download")
    if not brief.items:
        st.markdown("Add something to the briefing first.")
        return
    stem = file_stem(brief.title)
    files = [("Download as Word (.docx)", export.to_docx, "docx", DOCX_MIME),
             ("Download as PDF (.pdf)", pdf.to_pdf, "pdf", "application/pdf"),
             ("Download as Markdown (.md)", export.to_markdown, "md", "text/markdown"),
             ("Save the briefing to open later (.json)", briefings.to_json, "json",
              "application/json")]
    for label, write, suffix, mime in files:
        st.download_button(label, write(brief), file_name=f"{stem}.{suffix}", mime=mime,
                           key=f"download-{suffix}", on_click="ignore", icon=":material/download:")


def open_file() -> None:
    st.header("Open a saved briefing")
    st.file_uploader("A briefing saved from this page (.json); it replaces the one above",
                     type=["json"], key="briefing-file", on_change=open_saved)
    if opened := st.session_state.pop(OPENED, None):
        st.success(f"Opened {opened}.")


st.title("Your briefing")
st.markdown("Collect answers about the plan into a briefing, arrange them, add your own headings "
            "and notes, and download it for Word, as PDF or as Markdown, or save it to open "
            "again later. Every figure in it is as the assistant answered it, with its source.")
if TITLE not in st.session_state:
    st.session_state[TITLE] = brief.title
st.text_input("Briefing title", key=TITLE, on_change=set_title,
              max_chars=briefings.MAX_HEADING_CHARS)
if problem := st.session_state.pop(PROBLEM, None):
    st.error(problem)

items()
own_text()
topic_packs()
downloads()
open_file()
if brief.items:
    st.header("Preview")
    st.markdown("The figures' units, areas and arithmetic are in the downloaded files.")
    with st.container(border=True):
        st.markdown(export.to_markdown(brief, top_level=3, fact_headings=export.PREVIEW_HEADINGS))
