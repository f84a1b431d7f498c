"""What the assistant keeps about a visit, for how long, and what it never keeps."""

import streamlit as st

from app_pages import ui

store = ui.feedback()
days = store.kept_days if store else 0

st.title("Privacy")
st.markdown(f"""
The assistant does not ask who you are, and it does not keep your questions.

## What is kept, for {days} days

For a question it could not answer, and for any answer you rate with a thumbs up or down:

- when it was asked (the date and time, to the second),
- how it was answered (answered, not answered, or needed clarifying) and what kind of question
  it seemed to be,
- your thumbs up or down, if you gave one,
- words in the question the assistant did not know, with personal details (names, phone
  numbers, e-mail and street addresses, postcodes, dates of birth, National Insurance, card
  and account numbers) taken out first.

Nothing else: not the question, not the answer, and nothing about you, your browser or your
address on the internet. After {days} days these records are deleted.

## When you send a question to the team

Beside a thumbs down you can choose **Send this question to the team**. Only then are the words
of that question kept, with the personal details above taken out, for the same {days} days, so
that the team can improve the answers. Please do not type anything personal into a question.

## Your conversation

The conversation on screen lives only in this browser tab while it is open. **Clear
conversation** removes it, and closing the tab ends it. Nothing in it is stored.

## If you need help now

This assistant answers questions about the partnership's plan. It is not a way to report a
crime or ask for help: in an emergency call 999, otherwise 101.
""")
