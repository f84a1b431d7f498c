"""The chat: ask about the plan, see answers with their figures, charts and sources."""

import streamlit as st

from app_pages import ui
from oscp_qa import overview
from oscp_qa.feedback import UP

NOT_SENT = "question-not-sent"      # the feedback store failed to keep a sent question
engine = ui.engine()
conversation = ui.conversation()
scope = engine.plans


def rate(turn_id: str) -> None:
    conversation.rate(turn_id, st.session_state.get(f"feedback-{turn_id}"))


def send(turn_id: str) -> None:
    if not conversation.send(turn_id):
        st.session_state[NOT_SENT] = True


def privacy_notice() -> None:
    """Beside the chat box: what is kept, for how long, and where to read more."""
    store = conversation.feedback
    st.markdown("Your questions are not stored. " + (
        f"For {store.kept_days} days we keep only how each was answered, any thumbs up or down, "
        "and words the assistant did not know, with personal details removed." if store else
        "Feedback is off, so nothing about this visit is kept."))
    st.page_link("app_pages/privacy.py", label="Privacy: what is kept", icon=":material/shield:")


def welcome() -> None:
    st.markdown(overview.welcome(scope))
    st.header("Try one of these questions")
    columns = st.columns(2)
    for i, question in enumerate(scope.plan.info.examples):
        columns[i % 2].button(question, key=f"example-{i}", on_click=ui.queue, args=(question,),
                              width="stretch")


st.title(f"Ask about the {scope.title}")

prompt = st.chat_input("Type your question about the plan", key="chat-input")
question = prompt or st.session_state.pop(ui.PENDING, None)
if question:
    conversation.ask(question)

if not conversation.turns:
    welcome()
else:
    st.button("Clear conversation", key="clear", on_click=conversation.clear,
              icon=":material/delete:",
              help="Start again: the conversation on screen is removed. Your questions are not "
                   "stored; see Privacy for the little that is kept.")
    for turn in conversation.turns:
        ui.render_turn(turn, latest=turn is conversation.last,
                       on_rate=rate if conversation.feedback else None, on_send=send)
    last = conversation.last
    if st.session_state.pop(NOT_SENT, False):
        st.markdown("Sorry, the question could not be sent just now. Please try again later.")
    elif last.rating is not None:
        st.markdown("Thank you for your feedback." if last.rating == UP else
                    "Thank you. If you send the question to the team, they can see what was "
                    "asked and improve the answer.")
privacy_notice()
