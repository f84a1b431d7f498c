"""Every table of the plan: what it counts, its figures as a chart and a table, its caveats."""

from collections import Counter

import streamlit as st

from app_pages import ui
from oscp_qa import browse, charts

engine = ui.engine()
tables = browse.statistics(engine)
labels = Counter(t.label for t in tables)

st.title("Statistics in the plan")
st.markdown(
    f"The {engine.plans.newest.title} gives its figures in {len(tables)} tables, charts and sentences, "
    "listed here in the plan's order. Each shows what it counts, its figures as a table you can "
    "download, a chart where there is something to draw, and the caveats to bear in mind.")

for section, members in browse.sections(tables).items():
    st.header(section)
    for table in members:
        st.subheader(table.heading)
        st.markdown(f"**What it counts:** {ui.plain(table.counts)}")
        if table.chart:
            st.altair_chart(charts.to_altair(table.chart), alt=charts.alt_text(table.chart))
        elif table.directions:
            st.markdown("The plan gives no figures here, only which way things went:")
            st.markdown("\n".join(f"- {ui.plain(d)}" for d in table.directions))
        elif table.figures.empty:
            st.markdown("The plan gives no figures for this, so there is nothing to chart.")
        else:
            st.markdown("There is nothing to chart: the figure is in the table below.")
        if not table.figures.empty:
            st.table(ui.plain_table(table.figures), hide_index=True,
                     alt=f"Figures of {table.heading}")
            st.download_button(
                f"Download {table.label if labels[table.label] == 1 else table.title} as CSV",
                table.figures.to_csv(index=False), file_name=table.file_name, mime="text/csv",
                key=f"csv-{table.id}", on_click="ignore", icon=":material/download:")
        if table.caveats:
            with st.expander(f"Caveats ({len(table.caveats)})"):
                st.markdown("\n".join(f"- {ui.plain(c)}" for c in table.caveats))
        name = table.label if labels[table.label] == 1 else f"“{table.title}”"
        ui.ask_about(table.question, f"Ask about {name}", key=f"ask-{table.id}")
