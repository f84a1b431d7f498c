"""What the pages share: the engine (once per server), this session's conversation, and how an
answer is drawn. Rendering only; what is shown comes from oscp_qa."""

from __future__ import annotations

import logging
import re
import sqlite3

import pandas as pd
import streamlit as st

from oscp_qa import charts, health, knowledge, settings, store
from oscp_qa.answer import Answer, Fact, Status
from oscp_qa.assistant import Assistant, Engine
from oscp_qa.briefing import Briefing
from oscp_qa.conversation import Conversation, Turn
from oscp_qa.errors import OscpQaError
from oscp_qa.feedback import DOWN, FeedbackStore
from oscp_qa.health import Health

log = logging.getLogger("oscp_qa.app")

CHAT_PAGE = "app_pages/chat.py"
PENDING = "pending_question"           # a question a button asked, waiting for the chat page
FIGURES_AS_TABLE = "The figures as a table"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


@st.cache_resource(show_spinner="Loading the plan…")
def _service(root: str, db_path: str) -> tuple[Health, Engine | None]:
    """Checked and loaded once per server process: broken knowledge falls back to the last
    good database (health.start logs why), and no database at all means maintenance."""
    found = health.start(root, db_path)
    if found.database is None:
        return found, None
    try:
        return found, Engine(found.database)
    except (OscpQaError, sqlite3.Error) as error:
        log.error("cannot load the database %s: %s", found.database, error)
        return Health(database=None, problem=f"The database {found.database} cannot be read: "
                                             f"{error}", knowledge_error=found.knowledge_error), None


def _served() -> tuple[Health, Engine | None]:
    return _service(str(knowledge.DEFAULT_ROOT), str(store.DEFAULT_DB))  # $OSCP_QA_KNOWLEDGE, $OSCP_QA_DB


def engine() -> Engine:
    """The read-only knowledge, loaded once per server process and shared by every session.
    With nothing to answer from, the page shows the maintenance message and stops."""
    served = _served()[1]
    if served is None:
        st.title("OSCP Q&A is closed for maintenance")
        st.markdown("The assistant is being updated and cannot answer just now. Please try "
                    "again later.\n\nIf you or someone else is in danger, call 999.")
        st.stop()
    return served


def achievements_title() -> str:
    """The Achievements page's name in the menu: the plan's own title for the section, such as
    "Achievements in 2021", once the plan is loaded."""
    served = _served()[1]
    return served.plans.newest.info.sections.achievements if served else "Achievements"


def knowledge_health() -> Health:
    """How this server's knowledge stands, for staff: healthy, answering from the last good
    database, or closed. Visitors never see it."""
    return _served()[0]


def show_knowledge_health_to_staff() -> None:
    """Staff-only: say plainly when the knowledge files are broken, naming file, row and field."""
    found = knowledge_health()
    if not found.healthy:
        st.error(plain(found.problem))
    if found.knowledge_error:
        st.code(found.knowledge_error, language=None, wrap_lines=True)


@st.cache_resource
def _feedback(url: str, path: str, days: str) -> FeedbackStore | None:
    """Opened (and purged of old rows) once per server process and these settings."""
    try:
        return FeedbackStore(path, url=url)
    except (OscpQaError, ValueError) as error:
        log.warning("feedback is off: %s", error)
        return None


def feedback() -> FeedbackStore | None:
    """The feedback store, or None if its settings are wrong: answering never depends on it.
    A store that fails later switches itself off and on again (see oscp_qa.feedback)."""
    return _feedback(*(settings.get(name) for name in
                       ("OSCP_QA_FEEDBACK_URL", "OSCP_QA_FEEDBACK_DB", "OSCP_QA_FEEDBACK_DAYS")))


def conversation() -> Conversation:
    """This browser session's conversation; other sessions never see it."""
    if "conversation" not in st.session_state:
        st.session_state.conversation = Conversation(Assistant(engine()), feedback())
    return st.session_state.conversation


def briefing() -> Briefing:
    """This browser session's briefing, which answers are added to from any page."""
    if "briefing" not in st.session_state:
        st.session_state.briefing = Briefing(plan=engine().plans.newest.title)
    return st.session_state.briefing


def sign_in_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section: without one there is no sign-in,
    and so no Staff page at all."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:           # Streamlit's "no secrets file" error is one
        return False


def signed_in_staff() -> bool:
    """Signed in, with an address on the staff allow-list (OSCP_QA_STAFF)."""
    user = st.user
    return (sign_in_configured() and bool(user.get("is_logged_in"))
            and settings.is_staff(user.get("email"), user.get("email_verified")))


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


def render_turn(turn: Turn, latest: bool, on_rate, on_send) -> None:
    with st.chat_message("user"):
        st.text(turn.question)
    with st.chat_message("assistant"):
        render_answer(turn.answer, turn.id, latest)
        if Status(turn.answer.status) != Status.clarify:     # a question back is no answer
            _briefing_button(turn)
        if on_rate:
            st.feedback("thumbs", key=f"feedback-{turn.id}", on_change=on_rate, args=(turn.id,))
        if on_rate and turn.rating == DOWN:
            _send_button(turn, on_send)


def _send_button(turn: Turn, on_send) -> None:
    if turn.sent:
        st.button("Sent to the team", key=f"send-{turn.id}", disabled=True, icon=":material/check:")
    else:
        st.button("Send this question to the team", key=f"send-{turn.id}", on_click=on_send,
                  args=(turn.id,), icon=":material/outgoing_mail:",
                  help="Sends the words of your question, with personal details such as names, "
                       "numbers and addresses taken out, so the team can improve the answers. "
                       "Otherwise only your thumbs down is kept.")


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
