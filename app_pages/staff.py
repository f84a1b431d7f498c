"""For staff: what people asked that the plan could not answer, and how answers were rated."""

import pandas as pd
import streamlit as st

from app_pages import ui

ui.show_knowledge_health_to_staff()
store = ui.feedback()
if store is None:
    st.title("Unanswered questions")
    st.error("The feedback file cannot be opened, so there is nothing to show. "
             "Check that OSCP_QA_FEEDBACK_DB names a file the app can write.")
    st.stop()
ratings = store.ratings()
unanswered = store.unanswered(limit=50)
disliked = store.disliked(limit=20)

st.title("Unanswered questions")
st.markdown(
    "Questions the assistant could not answer from the plan, or had to ask the person to "
    "clarify, most frequent first. Only the question, how it was answered, the time and any "
    "thumbs up or down are kept: nothing about who asked. Use them to decide what to add to "
    "the knowledge files.")

left, right = st.columns(2)
left.metric("Answers rated helpful (thumbs up)", ratings.up)
right.metric("Answers rated unhelpful (thumbs down)", ratings.down)

st.header("Most frequent unanswered questions")
if unanswered:
    st.table(ui.plain_table(pd.DataFrame({
        "Question": [q.question for q in unanswered],
        "Times asked": [q.times for q in unanswered],
        "No answer": [q.no_answer for q in unanswered],
        "Needed clarifying": [q.clarify for q in unanswered],
        "Last asked (UTC)": [q.last_asked.replace("T", " ")[:16] for q in unanswered],
    })), hide_index=True, alt="Unanswered questions, most frequent first")
else:
    st.markdown("No unanswered questions yet.")

st.header("Answers rated unhelpful")
if disliked:
    st.table(ui.plain_table(pd.DataFrame({"Question": [q for q, _ in disliked],
                                          "Thumbs down": [n for _, n in disliked]})),
             hide_index=True, alt="Questions whose answers were rated unhelpful")
else:
    st.markdown("No answer has been rated unhelpful yet.")
st.markdown(f"Feedback file: `{store.path.name}`")
