"""What the law requires of the partnership."""

import streamlit as st

from app_pages import ui
from oscp_qa import browse

engine = ui.engine()
items = browse.duties(engine)

st.title("Statutory duties")
st.markdown(f"The plan lists {len(items)} things {engine.plans.newest.info.published_by} "
            "is required by law to do.")
for item in items:
    st.header(item.name)
    st.markdown(ui.plain(item.summary))
    st.markdown(f"The plan: “{ui.plain(item.text)}”")
    ui.ask_about(item.question, f"Ask about {item.name}", key=f"ask-{item.id}")
