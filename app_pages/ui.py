"""What the pages share: the engine (once per server), this session's conversation, and how an
answer is drawn. Rendering only; what is shown comes from oscp_qa."""

from __future__ import annotations

import logging
import os
import re
import sqlite3

import pandas as pd
import streamlit as st

from oscp_qa import charts, knowledge, store
from oscp_qa.answer import Answer, Fact, Status
from oscp_qa.assistant import Assistant, Engine, shared_engine
from oscp_qa.briefing import Briefing
from oscp_qa.conversation import Conversation, Turn
from oscp_qa.feedback import FeedbackStore, default_path

log = logging.getLogger("oscp_qa.app")

STAFF_ENV = "OSCP_QA_STAFF_PAGE"       # "off" hides the staff page
CHAT_PAGE = "app_pages/chat.py"
PENDING = "pending_question"           # a question a button asked, waiting for the chat page
EXAMPLES = [  # the empty chat's buttons: one of each kind of question the plan can answer
    "How did hate crime compare?",
    "Is domestic abuse going down?",
    "ASB Oxford vs county",
    "What are OSCP's priorities?",
    "What is Nightsafe?",
    "What does DAHA mean?",
    "How did total crime change from 2020 to 2021?",
    "What statutory duties does OSCP have?",
]
FIGURES_AS_TABLE = "The figures as a table"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


@st.cache_resource(show_spinner="Loading the plan…")
def _engine(root: str, db_path: str) -> Engine:
    return shared_engine(root, db_path)


def engine() -> Engine:
    """The read-only knowledge, loaded once per server process and shared by every session."""
    return _engine(str(knowledge.DEFAULT_ROOT), str(store.DEFAULT_DB))  # $OSCP_QA_KNOWLEDGE, $OSCP_QA_DB


@st.cache_resource
def _feedback(path: str) -> FeedbackStore:
    return FeedbackStore(path)


def feedback() -> FeedbackStore | None:
    """The feedback file, or None if it cannot be opened: answering never depends on it."""
    path = default_path()
    try:
        return _feedback(str(path))
    except (OSError, sqlite3.Error) as error:
        log.warning("feedback is off: cannot open %s: %s", path, error)
        return None


def conversation() -> Conversation:
    """This browser session's conversation; other sessions never see it."""
    if "conversation" not in st.session_state:
        st.session_state.conversation = Conversation(Assistant(engine()), feedback())
    return st.session_state.conversation


def briefing() -> Briefing:
    """This browser session's briefing, which answers are added to from any page."""
    if "briefing" not in st.session_state:
        st.session_state.briefing = Briefing(plan=engine().scope.title)
    return st.session_state.briefing


def staff_page_enabled() -> bool:
    return os.environ.get(STAFF_ENV, "on").strip().lower() not in ("off", "0", "false", "no")


def plain(text: str) -> str:
    """Text for st.markdown with every Markdown character escaped, so it shows as typed."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def plain_table(frame: pd.DataFrame) -> pd.DataFrame:
    """st.table reads Markdown in cells; the plan's words should show exactly as written."""
    shown = charts.readable(frame)
    return shown.map(lambda v: plain(v) if isinstance(v, str) else v)


def queue(question: str) -> None:
    """Button callback: ask this question on the next run of the chat page."""
    st.session_state[PENDING] = question


def ask_about(question: str, label: str, key: str) -> None:
    """An "Ask about this" button on a browse page: opens the chat with the question asked."""
    if st.button(label, key=key, help=f"Asks the assistant: “{question}”",
                 icon=":material/forum:"):
        queue(question)
        st.switch_page(CHAT_PAGE)


# --- an answer ----------------------------------------------------------------------------------


def facts_frame(facts: list[Fact], detailed: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame({
        "Figure": [f.label[:1].upper() + f.label[1:] for f in facts],
        "Value": [f.value for f in facts],
        "Unit": [f.unit for f in facts],
    })
    if detailed:
        frame["Source"] = [f.source for f in facts]
        frame["How it was worked out"] = [f.derived or "As printed in the plan" for f in facts]
    return frame


def render_turn(turn: Turn, latest: bool, on_rate) -> None:
    with st.chat_message("user"):
        st.text(turn.question)
    with st.chat_message("assistant"):
        render_answer(turn.answer, turn.id, latest)
        if Status(turn.answer.status) != Status.clarify:     # a question back is no answer
            _briefing_button(turn)
        if on_rate:
            st.feedback("thumbs", key=f"feedback-{turn.id}", on_change=on_rate, args=(turn.id,))


def _briefing_button(turn: Turn) -> None:
    if briefing().contains(turn.id):
        st.button("Added to briefing", key=f"brief-{turn.id}", disabled=True, icon=":material/check:")
    else:
        st.button("Add to briefing", key=f"brief-{turn.id}", icon=":material/playlist_add:",
                  on_click=lambda: briefing().add_answer(turn.question, turn.answer, item_id=turn.id),
                  help="Adds this answer, as it is, to your briefing (see the Briefing page).")


def render_answer(answer: Answer, key: str, latest: bool) -> None:
    """The answer, then its chart; the same figures as a table are one click away, in an
    expander a keyboard or screen reader opens like any other button."""
    st.markdown(answer.text)
    if answer.chart and answer.chart.points:
        picture, frame = charts.render(answer.chart)
        st.altair_chart(picture, alt=charts.alt_text(answer.chart))
        with st.expander(FIGURES_AS_TABLE):
            st.table(plain_table(frame), hide_index=True,
                     alt=f"The figures of the chart “{answer.chart.title}”")
    elif answer.facts:
        with st.expander(FIGURES_AS_TABLE):
            st.table(plain_table(facts_frame(answer.facts)), hide_index=True,
                     alt="The figures in this answer")
    if answer.sources or answer.caveats or answer.facts:
        with st.expander("Sources and caveats"):
            _sources(answer)
    if latest:
        _next_questions(answer, key)


def _sources(answer: Answer) -> None:
    if answer.sources:
        st.markdown("**Sources**")
        st.markdown("\n".join(f"- {plain(s)}" for s in answer.sources))
    if answer.caveats:
        st.markdown("**Caveats**")
        st.markdown("\n".join(f"- {plain(c)}" for c in answer.caveats))
    if answer.facts:
        st.markdown("**Where each figure comes from**")
        st.table(plain_table(facts_frame(answer.facts, detailed=True)), hide_index=True,
                 alt="Each figure of this answer with its source")


def _next_questions(answer: Answer, key: str) -> None:
    if Status(answer.status) == Status.clarify and answer.options:
        heading, questions = "Did you mean one of these?", answer.options
    else:
        heading, questions = "You could also ask:", answer.suggestions
    if not questions:
        return
    st.markdown(f"**{heading}**")
    for i, question in enumerate(dict.fromkeys(questions)):
        st.button(question, key=f"next-{key}-{i}", on_click=queue, args=(question,))
