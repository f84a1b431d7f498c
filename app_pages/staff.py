"""For signed-in staff only: how answers were rated, what the assistant did not know, and the
questions visitors chose to send. Anyone else sees a sign-in button and nothing a visitor typed.

This page exists only when sign-in is configured ([auth] in .streamlit/secrets.toml).
"""

import pandas as pd
import streamlit as st

from app_pages import ui
from oscp_qa import settings
from oscp_qa.errors import FeedbackUnavailable

st.title("Staff: feedback")

if not st.user.get("is_logged_in"):
    st.markdown("This page is for staff of the partnership. Sign in with your work account to "
                "see how the assistant's answers were rated.")
    st.button("Sign in", key="sign-in", on_click=st.login, icon=":material/login:")
    st.stop()
if not ui.signed_in_staff():
    st.markdown(f"You are signed in as {ui.plain(st.user.get('email') or 'an account')}, which "
                "is not on the staff list. Ask the team that runs this site to add you.")
    st.button("Sign out", key="sign-out", on_click=st.logout, icon=":material/logout:")
    st.stop()

st.button("Sign out", key="sign-out", on_click=st.logout, icon=":material/logout:")
ui.show_knowledge_health_to_staff()
store = ui.feedback()
try:
    if store is None:
        raise FeedbackUnavailable("Feedback is off: its settings are wrong; the app's log says why.")
    report = store.report()
except FeedbackUnavailable as error:
    st.error(str(error))
    st.stop()

st.markdown(
    f"What the assistant keeps, for {report.kept_days} days: when each question was asked, how "
    "it was answered, any thumbs up or down, and the words it did not know, with personal "
    "details taken out. A question's words are kept only when the visitor chose to send them.")
left, middle, right = st.columns(3)
left.metric("Answers rated helpful", report.ratings.up)
middle.metric("Answers rated unhelpful", report.ratings.down)
right.metric("Not answered or needed clarifying",
             report.by_status["no_answer"] + report.by_status["clarify"])

st.header("Words the assistant did not know")
if report.unknown_words:
    st.table(ui.plain_table(pd.DataFrame({
        "Word": [w.word for w in report.unknown_words],
        "Times, in unanswered questions": [w.times for w in report.unknown_words],
    })), hide_index=True, alt="Words the assistant did not know, most frequent first")
else:
    st.markdown("None yet.")

st.header("Questions visitors sent to the team")
if not report.sent:
    st.markdown("None yet.")
for sent in report.sent:          # a visitor's words: shown as plain text, never as Markdown
    with st.container(border=True):
        st.caption(f"{sent.asked_at.replace('T', ' ')[:16]} UTC · {sent.status.replace('_', ' ')}"
                   f" · {ui.plain(sent.intent)}")
        st.text(sent.question)
st.caption(f"Feedback store: {ui.plain(report.store)}. Staff: {len(settings.staff_allow_list())} "
           "addresses or domains on the list.")
