"""OSCP's priorities for the plan year, filtered by PCC priority, theme and words."""

import streamlit as st

from app_pages import ui
from oscp_qa import browse

engine = ui.engine()
pcc = browse.pcc_priorities(engine)
themes = browse.priority_themes(engine)
total = len(browse.priorities(engine))

st.title(f"OSCP's priorities for {engine.plans.newest.info.plan_year}")
st.markdown(
    f"OSCP has {total} priorities. Most support one of the priorities of the Thames Valley "
    "Police and Crime Commissioner (PCC); the plan lists these PCC priorities:")
st.markdown("\n".join(f"{n}. {ui.plain(text)}" for n, text in pcc.items()))
with st.expander("Why only these PCC priorities?"):
    st.markdown(ui.plain(browse.note(engine, "diagram-1-missing")))

st.header("Find a priority")
left, right = st.columns(2)
chosen_pcc = left.selectbox(
    "PCC priority", [None, *pcc, browse.NO_PCC], key="filter-pcc",
    format_func=lambda v: "Any" if v is None else (
        "Not linked to a PCC priority" if v == browse.NO_PCC else f"PCC priority {v}"))
chosen_theme = right.selectbox("Theme", [None, *themes], key="filter-theme",
                               format_func=lambda v: "Any theme" if v is None else themes[v])
words = st.text_input("Words in the priority", key="filter-text",
                      placeholder="for example: night, cycle, county lines")

found = browse.priorities(engine, chosen_pcc, chosen_theme, words)
st.markdown(f"Showing **{len(found)}** of {total} priorities.")
for item in found:
    with st.container(border=True):
        st.markdown(f"**Priority {item.number}.** {ui.plain(item.text)}")
        pcc_text = f"PCC priority {item.pcc_priority}" if item.pcc_priority else "No PCC priority"
        st.markdown(f"{pcc_text} · Theme: {ui.plain(item.theme_label)}")
        ui.ask_about(item.question, f"Ask about priority {item.number}",
                     key=f"ask-priority-{item.number}")
