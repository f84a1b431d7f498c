"""What the partnership achieved in the year before the plan, grouped by theme."""

import streamlit as st

from app_pages import ui
from oscp_qa import browse

engine = ui.engine()
info = engine.plans.newest.info
themes = browse.achievement_themes(engine)

st.title(info.sections.achievements)
st.markdown(f"What the plan says OSCP and its partners achieved in {info.achievements_year}, "
            "by theme.")
theme = st.selectbox("Show the theme", [None, *themes], key="filter-achievement-theme",
                     format_func=lambda v: "All themes" if v is None else themes[v])

for label, items in browse.achievements_by_theme(engine, theme).items():
    st.header(label)
    for item in items:
        st.subheader(item.title)
        st.markdown(ui.plain(item.summary))
        with st.expander("Key facts and the plan's own words"):
            if item.facts:
                st.markdown("\n".join(f"- **{ui.plain(k)}:** {ui.plain(v)}" for k, v in item.facts))
            st.markdown(f"The plan: “{ui.plain(item.text)}”")
        ui.ask_about(item.question, f"Ask about {item.title}", key=f"ask-{item.id}")
