"""OSCP's priorities for the plan year, filtered by PCC priority, theme and words."""

import streamlit as st

from app_pages import ui
from oscp_qa import browse

engine = ui.engine()
info = engine.plans.newest.info
pcc = browse.pcc_priorities(engine)
themes = browse.priority_themes(engine)
total = len(browse.priorities(engine))

st.title(f"OSCP's priorities for {info.plan_year}")
st.markdown(f"OSCP has {total} priorities. {ui.plain(info.pcc.aligned)} (PCC). "
            f"{ui.plain(info.pcc.listed)}")
st.markdown("\n".join(f"{n}. {ui.plain(text)}" for n, text in pcc.items()))
if info.pcc.not_listed_note:
    with st.expander("Why only these PCC priorities?"):
        st.markdown(ui.plain(browse.note(engine, info.pcc.not_listed_note)))

st.header("Find a priority")
left, right = st.columns(2)
chosen_pcc = left.selectbox(
    "PCC priority", [None, *pcc, browse.NO_PCC], key="filter-pcc",
    format_func=lambda v: "Any" if v is None else (
        "Not linked to a PCC priority" if v == browse.NO_PCC else f"PCC priority {v}"))
chosen_theme = right.selectbox("Theme", [None, *themes], key="filter-theme",
                               format_func=lambda v: "Any theme" if v is None else themes[v])
words = st.text_input("Words in the priority", key="filter-text",
                      placeholder=f"for example: {info.search_hints.priorities}")

found = browse.priorities(engine, chosen_pcc, chosen_theme, words)
st.markdown(f"Showing **{len(found)}** of {total} priorities.")
for item in found:
    with st.container(border=True):
        st.markdown(f"**Priority {item.number}.** {ui.plain(item.text)}")
        pcc_text = f"PCC priority {item.pcc_priority}" if item.pcc_priority else "No PCC priority"
        st.markdown(f"{pcc_text} · Theme: {ui.plain(item.theme_label)}")
        ui.ask_about(item.question, f"Ask about priority {item.number}",
                     key=f"ask-priority-{item.number}")
