"""The chat: ask about the plan, see answers with their figures, charts and sources."""

import streamlit as st

from app_pages import ui
from oscp_qa import browse
from oscp_qa.feedback import UP

engine = ui.engine()
conversation = ui.conversation()
scope = engine.scope


def rate(turn_id: str) -> None:
    conversation.rate(turn_id, st.session_state.get(f"feedback-{turn_id}"))


def welcome() -> None:
    areas = [a.label for a in scope.areas.values() if not a.covers]
    priorities = len(browse.priorities(engine))
    st.markdown(
        f"Ask a question about the **{scope.title}**, the plan of the "
        f"{scope.plan['published_by']} for {scope.plan['plan_year']}. "
        f"It gives figures for {', '.join(areas[:-1])} and {areas[-1]}, mostly for "
        f"{scope.plan['latest_year'] - 1} and {scope.plan['latest_year']}, and sets out "
        f"{priorities} priorities, the partnership's achievements in {scope.plan['latest_year']}, "
        "its statutory duties and the terms it uses.\n\n"
        "Every answer says which part of the plan it comes from. The assistant knows only "
        "what is in the plan, so it will say so when the plan does not cover something.")
    st.header("Try one of these questions")
    columns = st.columns(2)
    for i, question in enumerate(ui.EXAMPLES):
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
              icon=":material/delete:", help="Start again; the assistant forgets this chat.")
    for turn in conversation.turns:
        ui.render_turn(turn, latest=turn is conversation.last,
                       on_rate=rate if conversation.feedback else None)
    last = conversation.last
    if last.rating is not None:
        st.markdown("Thank you for your feedback." if last.rating == UP else
                   "Thank you. Questions with poor answers are reviewed to improve the assistant.")
