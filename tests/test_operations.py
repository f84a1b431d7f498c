"""One question, one operation: each question (our own wording: paraphrases, informal, typos,
spoken years) must reach the right intent and status, with the numbers it needs in the text."""

from __future__ import annotations

import pytest
from conftest import has_number, numbers_in, status_of

A, N = "answered", "no_answer"

CASES = [
    # question, intent, status, numbers that must appear in the text
    # --- lookup
    ("how many crimes were recorded in oxford in twenty twenty one", "lookup", A, [15964]),
    ("whats the crime figure for the county in 2020", "lookup", A, [41973]),
    ("thames valey total crime twenty twenty", "lookup", A, [157050]),
    ("council asb cases in twenty nineteen", "lookup", A, [2800]),
    ("domestic abuse offences oxfordshire two thousand and eighteen", "lookup", A, [7163]),
    ("domestic abuse ofences in oxfordshre 2017", "lookup", A, [6986]),
    ("hw many racist hate crimes in the county", "lookup", A, [873]),
    ("how many FGM victims were there in thames valley", "lookup", A, [9]),
    ("honour based violence victims oxford", "lookup", A, [10]),
    ("modern slavery victims oxfordshire", "lookup", A, [182]),
    ("environmental asb oxfordshire", "lookup", A, [570]),
    ("domestic abuse occurrences involving children oct-dec 2019/20", "lookup", A, [373]),
    ("repeat victimisation for modern slavery victims", "lookup", A, [16]),
    ("hate crme in oxford", "lookup", A, [420, 40, 44, 64, 26]),
    # --- compare areas
    ("oxford vs oxfordshire vs thames valley crime 2021", "compare_areas", A,
     [15964, 46597, 171119]),
    ("compare transphobic hate crime across all areas", "compare_areas", A, [26, 55, 163]),
    ("modern slavery victims: county vs force area", "compare_areas", A, [182, 613]),
    ("how does CSE in the city compare with thames valley", "compare_areas", A, [24, 314]),
    # --- change
    ("how did crime change in the city between 2020 and 2021", "change", A, [1474, 10.2]),
    ("how many more ASB cases did the council deal with in 2020 than 2019", "change", A, [809]),
    ("by how much did domestic abuse offences in oxfordshire fall in 2021", "change", A, [695]),
    # --- trend
    ("is domestic abuse going down in oxford", "trend", A, [1894, 1917, 1768]),
    ("trend in council asb cases over the years", "trend", A, [2800, 3609, 3733]),
    # --- share
    ("what share of thames valley race hate crime is in oxford", "share", A, [10.9]),
    ("what proportion of oxford's asb incidents were personal", "share", A, [17.4]),
    # --- rank
    ("which hate crime strand was lowest in oxford", "rank", A, [26]),
    ("which year had the fewest domestic abuse offences in oxford", "rank", A, [2021, 1768]),
    ("which quarter of 2020/21 had the most children involved in domestic incidents", "rank", A,
     [440]),
    ("domestic abuse: which year was highest in oxford", "rank", A, [2020, 1917]),
    ("which area had the most modern slavery victims", "rank", A, [613]),
    # --- total
    ("total hate crime in the city", "total", A, [594]),
    ("whole year total of children in domestic abuse occurrences 2020/21", "total", A, [1581]),
    # --- method and why
    ("how is the modern slavery figure counted", "method", A, []),
    ("does the hate crime table include a total", "method", A, []),
    ("why did recorded crime go up", "why", A, []),
    ("why did domestic abuse fall in 2021", "why", A, []),
    # --- priorities
    ("which priorities link to pcc priority 2", "priorities", A, [2]),
    ("list every oscp priority tied to the pcc's first priority", "priorities", A, [9]),
    ("how many oscp priorities have no pcc priority", "priorities", A, [3]),
    ("how many priorities does oscp have", "priorities", A, [14]),
    ("is cycle crime a priority", "priorities", A, []),
    ("what is the first pcc priority", "priorities", A, []),
    # --- achievements, glossary, duties, about
    ("what is operation vigilant", "achievement", A, [2019]),
    ("how many recommendations did the scrutiny review make", "achievement", A, [48]),
    ("how many cases used the new modern slavery approach", "achievement", A, []),
    ("what does VAWG stand for", "glossary", A, []),
    ("what does TVP mean", "glossary", A, []),
    ("what are oscp's statutory duties", "duties", A, []),
    ("is reducing reoffending a legal duty", "duties", A, []),
    ("when was the partnership set up", "about", A, [1998]),
    ("who oversees oscp's action plan", "about", A, []),
    # --- search fallback
    ("what is the justice system", "duties", A, []),  # the duty whose text speaks of it
    ("tell me about unicorns", "search", N, []),
]


@pytest.mark.parametrize("question, intent, status, numbers", CASES, ids=[c[0][:60] for c in CASES])
def test_operation(assistant, question, intent, status, numbers):
    answer = assistant.ask(question)
    assert (answer.intent, status_of(answer)) == (intent, status), answer.text
    for number in numbers:
        assert has_number(answer.text, number), (number, answer.text)
    if status == A:
        assert answer.sources, "an answer names where it comes from"


TERMS = [
    # question, fragments that must appear (any case)
    ("is anti-social behaviour among oscp's priorities?", ["enforcement"]),
    ("is cycle crime a priority", ["Bike Crime Reduction Partnership"]),
    ("does oscp have a priority on cctv", ["CCTV Hub"]),
    ("oscp priorities about domestic abuse", ["DAHA"]),
    ("what is the first pcc priority", ["police officers"]),
    ("which priorities link to pcc priority 2", ["Modern Slavery", "Serious Violence"]),
    ("how many oscp priorities have no pcc priority", ["Common Place", "Interact", "membership"]),
    ("what is operation vigilant", ["predatory"]),
    ("what does VAWG stand for", ["Violence Against Women and Girls"]),
    ("what does TVP mean", ["Thames Valley Police"]),
    ("what's a DHR", ["Domestic Homicide"]),
    ("what are oscp's statutory duties", ["Strategic Intelligence Assessment", "Domestic Homicide",
                                          "Community Trigger", "reoffending"]),
    ("how is the modern slavery figure counted", ["police"]),
    ("why did recorded crime go up", ["Covid"]),
    ("what is the justice system", ["reoffending"]),
    ("what does the plan say about the Covered Market", ["CCTV"]),
    ("tell me about op beaming", ["knife", "Blackbird"]),
    ("what was the £426,000 for?", ["women and girls"]),
]


@pytest.mark.parametrize("question, fragments", TERMS, ids=[t[0][:60] for t in TERMS])
def test_answer_mentions(assistant, question, fragments):
    answer = assistant.ask(question)
    assert status_of(answer) == A, answer.text
    for fragment in fragments:
        assert fragment.lower() in answer.text.lower(), (fragment, answer.text)


@pytest.mark.parametrize("question, count", [
    ("which priorities link to pcc priority 2", 2),
    ("list every oscp priority tied to the pcc's first priority", 9),
    ("how many oscp priorities aren't connected to a pcc priority", 3),
    ("list all oscp priorities", 14),
])
def test_priorities_listed_match_the_count(assistant, question, count):
    answer = assistant.ask(question)
    listed = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(listed) == count, answer.text
    assert has_number(answer.text, count)


@pytest.mark.parametrize("question, pcc", [
    ("which priorities link to pcc priority 2", "PCC priority 2"),
    ("list every oscp priority tied to the pcc's first priority", "PCC priority 1"),
])
def test_priorities_filtered_by_pcc_all_carry_that_number(assistant, question, pcc):
    answer = assistant.ask(question)
    listed = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert listed and all(pcc in line for line in listed), answer.text


@pytest.mark.parametrize("question", [
    "tell me about unicorns",
    "what about the weather in oxford",
])
def test_search_fallback_says_what_the_plan_holds(assistant, question):
    answer = assistant.ask(question)
    assert status_of(answer) == N
    assert "does not include" in answer.text
    assert "has figures for" in answer.text


# --- found while writing these tests -------------------------------------------------------------


@pytest.mark.parametrize("question, value", [
    ("children involved in domestic abuse occurrences january to march 2019", 353),
    ("da occurrences with children jan-mar 2020", 370),
    ("domestic occurrences involving children january to march 2021", 395),
])
def test_january_to_march_of_a_calendar_year_is_the_end_of_the_financial_year(assistant, value,
                                                                             question):
    """Table 5's 'January to March 2018/2019' is January to March 2019 (note table-5-quarters)."""
    answer = assistant.ask(question)
    assert status_of(answer) == A
    assert has_number(answer.text, value), answer.text


def test_january_to_march_2022_is_the_blank_quarter(assistant):
    answer = assistant.ask("da occurrences involving children january to march 2022")
    assert status_of(answer) == N
    assert "2021/22" in answer.text and "blank" in answer.text.lower(), answer.text


@pytest.mark.parametrize("question", [
    "number of domestic abuse victims aged 18 to 24",
    "over 65 domestic abuse victims",
    "domestic abuse victims in the 25 to 49 age group",
])
def test_numbers_naming_an_age_group_are_not_reported_unused(assistant, question):
    answer = assistant.ask(question)
    assert status_of(answer) == A
    assert "not used" not in answer.text, answer.text


def test_labels_keep_their_capitals(assistant):
    answer = assistant.ask("what happened to the crime severity score")
    assert status_of(answer) == A
    assert "ONS" in answer.text and "Ons " not in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "which area has the most hate crime",
    "where was hate crime highest",
])
def test_rank_areas_of_a_summable_measure_ranks_each_area_once(assistant, question):
    answer = assistant.ask(question)
    assert answer.intent == "rank"
    order = next(line for line in answer.text.splitlines() if line.startswith("In order"))
    for area in ("Oxford ", "Oxfordshire ", "Thames Valley "):
        assert order.count(area) == 1, order
    assert has_number(answer.text, 5507), "Thames Valley's total, 3,846 + 235 + 671 + 592 + 163"


@pytest.mark.parametrize("question, value", [
    ("domestic abuse offences in oxford, most recent year", 1768),
    ("race hate crime in oxford in the most recent year", 420),
    ("council asb cases, latest year", 3733),
])
def test_most_recent_year_is_a_lookup_not_a_ranking(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.intent == "lookup", answer.text
    assert has_number(answer.text, value) and has_number(answer.text, 2021), answer.text


@pytest.mark.parametrize("question, fragment", [
    ("is there anything about naloxone", "naloxone"),
    ("what does the plan say about safeguarding", "safeguarding"),
])
def test_a_named_plan_term_is_answered_from_the_plan(assistant, question, fragment):
    answer = assistant.ask(question)
    assert status_of(answer) == A, answer.text
    assert fragment in answer.text.lower()


def test_numbers_in_reads_like_the_scorer():
    assert numbers_in("1,474 and 10.17% (−149), 2018/19") == [1474, 10.17, 149, 2018, 19]


def test_two_levels_compared_are_the_gap_between_areas(assistant):
    """"How much higher was Oxfordshire's crime than Oxford's in 2021?": 46,597 − 15,964, not
    each area's change since 2020."""
    answer = assistant.ask("how much higher was oxfordshire's crime than oxford's in 2021?")
    assert has_number(answer.text, 30633) and not has_number(answer.text, 4624)


def test_how_many_times_more_is_the_multiple(assistant):
    answer = assistant.ask("How many times more crime did the Thames Valley record than "
                           "Oxfordshire in 2021?")
    assert "3.67" in answer.text and "171,119 ÷ 46,597" in answer.text


def test_areas_compared_with_no_figure_named_take_the_headline_figure(assistant):
    answer = assistant.ask("Which climbed more in percentage terms in 2021, Oxford or "
                           "Oxfordshire as a whole?")
    assert answer.text.startswith("Total recorded crime (excluding fraud)")
    assert has_number(answer.text, 10.2) and has_number(answer.text, 11.0)


def test_the_fastest_rise_is_by_percentage(assistant):
    answer = assistant.ask("which area saw crime grow fastest in 2021?")
    assert "largest percentage change was in **Oxfordshire**" in answer.text


def test_a_parts_share_of_each_area_is_ranked(assistant):
    answer = assistant.ask("Which area had the highest proportion of personal ASB incidents in "
                           "2021: Oxford, Oxfordshire or Thames Valley?")
    assert answer.text.startswith("Highest: **Oxfordshire**, 21.2%")


def test_one_part_against_the_rest_put_together(assistant):
    answer = assistant.ask("race hate vs all the other strands put together in oxford - how "
                           "much bigger?")
    assert has_number(answer.text, 174) and has_number(answer.text, 246)


def test_the_tables_own_scope_restated_asks_nothing_of_it(assistant):
    answer = assistant.ask("what's the city's overall recorded crime for 2021 in the plan "
                           "(fraud excluded)?")
    assert status_of(answer) == "answered" and has_number(answer.text, 15964)
