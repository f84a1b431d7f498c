"""OSCP Q&A in the browser: `streamlit run streamlit_app.py`.

The pages live in app_pages/; this script only names them and runs the one asked for, inside
the app's one error boundary: a visitor sees a plain message, the log gets the detail.
"""

import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:        # so pages can `import app_pages` under AppTest too
    sys.path.insert(0, str(HERE))

import streamlit as st  # noqa: E402

from app_pages import ui  # noqa: E402

# A local icon: a :material/...: one would be fetched from a font host by every visitor.
st.set_page_config(page_title="OSCP Q&A", page_icon=str(HERE / "app_pages" / "favicon.png"),
                   layout="centered")

try:
    # One flat list: Streamlit's sectioned navigation puts <header> elements straight inside its
    # <ul>, which screen readers (and axe-core) reject as a broken list.
    pages = [
        st.Page("app_pages/chat.py", title="Ask a question", icon=":material/forum:", default=True),
        st.Page("app_pages/briefing.py", title="Briefing", icon=":material/description:"),
        st.Page("app_pages/statistics.py", title="Statistics", icon=":material/bar_chart:"),
        st.Page("app_pages/priorities.py", title="Priorities", icon=":material/flag:"),
        st.Page("app_pages/achievements.py", title=ui.achievements_title(),
                icon=":material/emoji_events:"),
        st.Page("app_pages/duties.py", title="Statutory duties", icon=":material/gavel:"),
        st.Page("app_pages/glossary.py", title="Glossary", icon=":material/menu_book:"),
    ]
    pages.append(st.Page("app_pages/privacy.py", title="Privacy", icon=":material/shield:"))
    if ui.sign_in_configured():          # no sign-in, no Staff page: not even its address
        pages.append(st.Page("app_pages/staff.py", title="Staff", icon=":material/lock:"))
    st.navigation(pages).run()
except Exception:
    logging.getLogger("oscp_qa.app").exception("a page failed")
    st.error("Sorry, something went wrong on this page. Please try again; if it happens again, "
             "the team has been told.")
