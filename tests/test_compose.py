"""How composed answers read: text laid out for Markdown (the chat, the CLI and exports all show
it), and follow-up suggestions that do not repeat the answer."""

from __future__ import annotations

import pytest

from oscp_qa.compose import paragraphs


@pytest.mark.parametrize("text,shown", [
    ("Figures:\n- a\n- b\nTotal: 3", "Figures:\n- a\n- b\n\nTotal: 3"),
    ("- a\n  indented, stays with a\n- b", "- a\n  indented, stays with a\n- b"),
    ("one line\nanother line", "one line\n\nanother line"),
    ("**Bold title** (theme): text\n\nThe plan: quote", "**Bold title** (theme): text\n\nThe plan: quote"),
    ("1. first\n2. second\nAfter", "1. first\n2. second\n\nAfter"),
])
def test_answer_lines_become_paragraphs(text, shown):
    assert paragraphs(text) == shown


@pytest.mark.parametrize("question,offered", [
    ("Is domestic abuse going down?", False),           # its chart has Oxford and Oxfordshire
    ("how did total crime change from 2020 to 2021?", False),
    ("how did hate crime compare?", False),
    ("hate crime in Oxford", True),                     # one area: comparing is new
])
def test_comparing_areas_is_offered_only_when_the_answer_did_not(assistant, question, offered):
    suggestions = assistant.ask(question).suggestions
    assert any(s.startswith("Compare ") for s in suggestions) is offered, suggestions


def test_a_figure_of_nothing_says_none(assistant):
    answer = assistant.ask("were any forced marriage victims recorded in Oxford?")
    assert "**0** victims (none)" in answer.text


def test_a_change_says_which_way_in_words(assistant):
    assert "1,894), down." in assistant.ask("change in domestic abuse offences in Oxford from 2017 to "
                                      "2021").text


def test_a_programme_answer_names_what_was_set_up_for_it(assistant):
    answer = assistant.ask("What training is offered to Nightsafe members?")
    linked = answer.text.split("Linked to it in the plan:")[1]
    assert "Bystander Intervention" in linked and "SAVI" in linked


def test_the_plan_in_brief_gives_each_headline_figure_with_its_working(assistant):
    """"Summarise the plan": each whole-year figure for Oxford in its latest year, the change
    on the year before worked out, and hate crime's strands added up (the plan prints no
    total)."""
    answer = assistant.ask("give me the key stats for a briefing")
    assert answer.intent == "summary" and answer.status.value == "answered"
    text = answer.text
    assert "**15,964**; +1,474 on 2020 (15,964 − 14,490)" in text
    assert "**1,768**; -149 on 2020 (1,768 − 1,917)" in text
    assert "594** (420 + 40 + 44 + 64 + 26)" in text
    assert "**14** priorities" in text


def test_a_summary_of_a_topic_is_that_topic_s(assistant):
    answer = assistant.ask("Summarise the plan's 2022-23 commitments on domestic abuse.")
    assert answer.intent != "summary"
