"""The abbreviations, programmes and bodies the plan names, searchable."""

import streamlit as st

from app_pages import ui
from oscp_qa import browse
from oscp_qa.texts import GENERAL

engine = ui.engine()
total = len(browse.glossary(engine))

st.title("Glossary")
st.markdown(f"{total} abbreviations, programmes, operations and organisations the plan uses, "
            "with what they mean and where the plan uses them.")
query = st.text_input("Search the glossary", key="glossary-query",
                      placeholder=f"for example: {engine.plans.newest.info.search_hints.glossary}")
found = browse.glossary(engine, query)
st.markdown(f"Showing **{len(found)}** of {total} terms.")
if not found:
    st.markdown("No term matches. Try fewer or shorter words.")
else:
    st.header("Ask about a term")
    terms = {t.term: t for t in found}
    term = st.selectbox("Term", list(terms), key="glossary-term")
    ui.ask_about(terms[term].question, "Ask about this term", key="ask-term")

    st.header("Terms")
    st.download_button("Download these terms as CSV",
                       browse.glossary_frame(found).to_csv(index=False),
                       file_name="oscp-glossary.csv", mime="text/csv", key="csv-glossary",
                       on_click="ignore", icon=":material/download:")
    for item in found:
        with st.container(border=True):
            name = f"**{ui.plain(item.term)}**"
            if item.stands_for:
                name += f": {ui.plain(item.stands_for)}"
                name += f" ({GENERAL})" if item.stands_for_general else ""
            st.markdown(name)
            st.markdown(ui.plain(item.meaning))
            if item.general:
                st.markdown(f"*{GENERAL[:1].upper()}{GENERAL[1:]}:* {ui.plain(item.general)}")
            if item.in_plan:
                st.markdown(f"Where the plan uses it: {ui.plain(item.in_plan)}")
