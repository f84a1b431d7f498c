"""Arithmetic over sets, each with its working shown and re-checked: differences of areas,
complements of categories, sums over runs of years, whole years of quarters, two topics side by
side, and the yes-or-no verdicts built on them. Figures are the plan's (Tables 1 to 5)."""

from __future__ import annotations

import pytest
from conftest import ask
from test_arithmetic import derived_facts, evaluate

from oscp_qa import Status


def _checked(answer) -> list:
    """Every derived fact's formula gives its value; returns the derived facts."""
    found = derived_facts(answer)
    for fact in found:
        assert evaluate(fact.derived) == pytest.approx(fact.value, abs=0.005), fact
    return found


@pytest.mark.parametrize("question, value, working", [
    ("total recorded crime in the rest of the county in 2021", 30633, "46,597 − 15,964"),
    ("recorded crime in Thames Valley excluding Oxfordshire, 2020", 115077, "157,050 − 41,973"),
    ("police ASB incidents in Oxfordshire outside Oxford in 2021", 4308, "6,039 − 1,731"),
    ("domestic abuse offences in Oxfordshire excluding Oxford in 2019", 5427, "7,285 − 1,858"),
])
def test_the_rest_of_an_area(assistant, question, value, working):
    answer = ask(assistant, question)
    assert answer.status == Status.answered
    assert working in answer.text
    assert value in [f.value for f in _checked(answer)]


def test_the_rest_of_an_area_as_a_change(assistant):
    answer = ask(assistant, "change in recorded crime in Thames Valley outside Oxfordshire from "
                            "2020 to 2021")
    assert "+9,445" in answer.text and "124,522 − 115,077" in answer.text


def test_the_rest_of_the_county_as_a_follow_up(assistant):
    answer = ask(assistant, "oxford crime 2020", "and the rest of the county?")
    assert "27,483" in answer.text


def test_how_many_more_in_one_area_than_another(assistant):
    answer = ask(assistant, "how many more crimes in Oxfordshire than in Oxford in 2021?")
    assert "+30,633" in answer.text and "46,597 − 15,964" in answer.text
    _checked(answer)


def test_rising_faster_compares_the_two_changes(assistant):
    answer = ask(assistant, "did crime rise faster in the county than in oxford?")
    assert "+10.2%" in answer.text and "+11.0%" in answer.text


@pytest.mark.parametrize("turns, value, working", [
    (["hate crime victims in Oxford other than race in 2021"], 174, "40 + 44 + 64 + 26"),
    (["race hate crime in Oxford", "and the other strands?"], 174, "40 + 44 + 64 + 26"),
])
def test_every_category_but_the_ones_excluded(assistant, turns, value, working):
    answer = ask(assistant, *turns)
    assert working in answer.text
    assert value in [f.value for f in _checked(answer)]


def test_a_sum_over_a_run_of_years(assistant):
    answer = ask(assistant, "sum of domestic abuse offences in Oxford from 2017 to 2019")
    assert "**5,648** (1,894 + 1,896 + 1,858)" in answer.text
    answer = ask(assistant, "total domestic abuse offences in Oxford over the five years")
    assert "**9,333**" in answer.text


def test_two_topics_side_by_side(assistant):
    answer = ask(assistant, "how many ASB cases did the council investigate in 2021?",
                 "how does that compare with what the police recorded?")
    assert "3,733" in answer.text and "1,731" in answer.text
    assert "**2,002** (3,733 − 1,731)" in answer.text


def test_excluding_a_measure_names_no_second_topic(assistant):
    answer = ask(assistant, "Oxford's total recorded crime for 2020, excluding fraud?")
    assert answer.status == Status.answered and "14,490" in answer.text


@pytest.mark.parametrize("question, verdict", [
    ("has domestic abuse in Oxfordshire gone up every year?", "**No.**"),
    ("Has the number of ASB cases handled by the council gone up every year?", "**Yes.**"),
    ("is domestic abuse going down?", "**Yes.**"),
    ("the plan says crime in Oxford rose by 10%, is that right?", "**Yes.**"),
    ("Table 4 shows Oxford's DA offences down 8.43% - is that the right percentage change from "
     "2020 to 2021?", "**No.**"),
])
def test_yes_or_no_comes_first(assistant, question, verdict):
    answer = ask(assistant, question)
    assert answer.text.startswith(verdict), answer.text


def test_a_follow_up_difference_uses_both_years_asked(assistant):
    answer = ask(assistant, "council asb cases 2019", "and 2021?", "what's the difference?")
    assert "+933" in answer.text


def test_the_first_three_quarters_of_two_years(assistant):
    answer = ask(assistant, "Table 5: total DA occurrences involving children for April-December "
                            "2021 compared with April-December 2020.")
    assert "**1,186** (387 + 440 + 359)" in answer.text
    assert "**1,203** (400 + 428 + 375)" in answer.text and "+17" in answer.text
    _checked(answer)


@pytest.mark.parametrize("question, value, working", [
    ("calendar year 2020 total of domestic occurrences involving children", 1556,
     "370 + 387 + 440 + 359"),
    ("Table 5 regrouped: January to December 2021, children in DA incidents", 1598,
     "395 + 400 + 428 + 375"),
])
def test_a_calendar_year_regrouped_from_financial_quarters(assistant, question, value, working):
    answer = ask(assistant, question)
    assert answer.status == Status.answered and working in answer.text
    assert value in [f.value for f in _checked(answer)]


def test_a_calendar_year_with_a_quarter_missing_is_refused(assistant):
    answer = ask(assistant, "children in DA incidents, calendar year 2018")
    assert answer.status == Status.no_answer and "2018" in answer.text


@pytest.mark.parametrize("question, working, verdict", [
    ("how many more personal than environmental ASB incidents in Oxford?", "302 − 163", None),
    ("across Thames Valley, is disablist hate crime more common than homophobic?", "671 − 592",
     "Yes."),
    ("in Oxford, were there more transphobic than homophobic hate crime victims?", "26 − 64",
     "No."),
])
def test_two_parts_of_one_table_against_each_other(assistant, question, working, verdict):
    answer = ask(assistant, question)
    assert working in answer.text
    assert verdict is None or answer.text.startswith(verdict)
    _checked(answer)


def test_an_average_a_year_shows_its_division(assistant):
    answer = ask(assistant, "average council ASB cases a year 2019 to 2021")
    assert "10,142 ÷ 3" in answer.text and 3380.67 in [f.value for f in _checked(answer)]


def test_a_share_over_the_years_each_with_its_division(assistant):
    answer = ask(assistant, "has Oxford's share of county domestic abuse shrunk since 2017?")
    assert answer.text.startswith("Yes.")
    assert "1,894 ÷ 6,986 × 100" in answer.text and "1,768 ÷ 7,156 × 100" in answer.text
    assert [f.period for f in _checked(answer)][:5] == ["2017", "2018", "2019", "2020", "2021"]


@pytest.mark.parametrize("question, verdict", [
    ("is oxford more than half the county's hate crime overall?", "No: it is 44.1%."),
    ("is oxfordshire roughly a quarter of thames valley's police asb?", "Yes: it is 25.1%."),
    ("is oxford about a third of the county's crime?", "Yes: it is 34.3%."),
])
def test_a_share_quoted_in_words_is_checked(assistant, question, verdict):
    answer = ask(assistant, question)
    assert answer.text.startswith(verdict)
    _checked(answer)


def test_the_gap_between_the_highest_and_the_lowest_is_worked_out(assistant):
    answer = ask(assistant, "gap between the highest and lowest quarterly figures in Table 5?")
    assert "87" in answer.text and "440 − 353" in answer.text


@pytest.mark.parametrize("question, first, working", [
    ("are domestic abuse offences in Oxfordshire still higher than in 2017?", "**Yes.**",
     "7,156 − 6,986"),
    ("was domestic abuse in Oxford higher in 2021 than in 2017?", "**No.**", "1,768 − 1,894"),
    ("did recorded crime in Oxford fall in 2021?", "**No.**", "15,964 − 14,490"),
    ("after the fall in 2021, is domestic abuse in Oxfordshire still higher than in 2017?",
     "**Yes.**", "7,156 − 6,986"),
])
def test_a_yes_or_no_change_leads_with_the_verdict(assistant, question, first, working):
    answer = ask(assistant, question)
    assert answer.status == Status.answered
    assert answer.text.startswith(first) and working in answer.text
    _checked(answer)


@pytest.mark.parametrize("question, value, working", [
    ("what share of Oxfordshire's recorded crime in 2021 was outside Oxford?", 65.74,
     "30,633 ÷ 46,597 × 100"),
    ("total domestic abuse offences in Oxfordshire outside Oxford from 2017 to 2021", 27108,
     "5,092 + 5,267 + 5,427 + 5,934 + 5,388"),
    ("FGM and forced marriage victims added together in Thames Valley outside Oxfordshire", 13,
     "9 + 4"),
    ("hate crime victims in Thames Valley, all strands, not counting Oxford", 4913,
     "3,426 + 195 + 627 + 528 + 137"),
])
def test_the_rest_of_an_area_as_a_share_or_a_sum(assistant, question, value, working):
    answer = ask(assistant, question)
    assert answer.status == Status.answered and working in answer.text
    assert value in [f.value for f in _checked(answer)]


@pytest.mark.parametrize("question, first", [
    ("were there more DA occurrences involving children in April to December 2021/22 than in "
     "April to December 2018/19?", "**Yes.**"),
    ("were there more DA occurrences involving children in April to December 2018/19 than in "
     "April to December 2021/22?", "**No.**"),
    ("was there more crime in Oxford in 2020 than in 2021?", "**No.**"),
    ("was there less crime in Oxford in 2020 than in 2021?", "**Yes.**"),
])
def test_more_in_one_year_than_another_is_answered_for_the_year_named_first(
        assistant, question, first):
    answer = ask(assistant, question)
    assert answer.text.startswith(first)
    _checked(answer)


@pytest.mark.parametrize("turns, value, working", [
    (["How many ASB cases did the city council investigate in 2021?",
      "What's that per month on average?"], 311.08, "3,733 ÷ 12"),
    (["how many domestic abuse offences a day were recorded in Oxford in 2020?"], 5.24,
     "1,917 ÷ 366"),   # 2020 was a leap year
    (["DA occurrences involving children a month in April to June 2021/22"], 133.33, "400 ÷ 3"),
])
def test_a_figure_spread_over_its_months_or_days(assistant, turns, value, working):
    answer = ask(assistant, *turns)
    assert answer.status == Status.answered and working in answer.text
    assert value in [f.value for f in _checked(answer)]


def test_the_parts_named_rather_than_another_are_added_up(assistant):
    answer = ask(assistant, "how many police ASB incidents in Oxfordshire in 2021 were personal "
                            "or environmental rather than community?")
    assert "1,849" in answer.text and "Environmental and Personal" in answer.text
    _checked(answer)


def test_the_gap_between_two_years_changes(assistant):
    answer = ask(assistant, "how much smaller was the 2021 year-on-year rise in council ASB cases "
                            "than the 2020 rise?")
    assert "**685** (+809 − +124)" in answer.text
    assert 685 in [f.value for f in _checked(answer)]


def test_a_share_of_two_parts_together(assistant):
    answer = ask(assistant, "what share of Oxford's hate crime victims were homophobic or "
                            "transphobic?")
    assert "15.2%" in answer.text and "90 (64 + 26) of 594" in answer.text
    _checked(answer)


@pytest.mark.parametrize("question, first, value", [
    ("for which hate crime strand is Oxfordshire the biggest share of Thames Valley?",
     "Highest: **transphobic**", 33.74),
    ("which hate crime strand is the smallest share of Oxford's total?", "Lowest: **transphobic**",
     4.38),
])
def test_shares_ranked_across_the_parts(assistant, question, first, value):
    answer = ask(assistant, question)
    assert answer.text.startswith(first)
    assert value in [f.value for f in _checked(answer)]


def test_the_year_a_share_was_lowest(assistant):
    answer = ask(assistant, "which year was Oxford's share of the county's domestic abuse lowest?")
    assert answer.text.startswith("Lowest: **2020**, 24.4%.")
    assert 24.42 in [f.value for f in _checked(answer)]


@pytest.mark.parametrize("question, verdict", [
    ("was 2020 the peak year for domestic abuse in both Oxford and Oxfordshire?", "**Yes.**"),
    ("was 2021 the lowest year for domestic abuse in both Oxford and Oxfordshire?",
     "**No**, only for Oxford."),
])
def test_a_year_ranked_in_each_area_on_its_own(assistant, question, verdict):
    answer = ask(assistant, question)
    assert answer.text.startswith(verdict)
    assert "- Oxford: the" in answer.text and "- Oxfordshire: the" in answer.text


@pytest.mark.parametrize("question, first, value", [
    ("council ASB cases in 2021: more than double what the police logged for Oxford?",
     "**Yes.** It is **2.16** times (3,733 ÷ 1,731).", 2.16),
    ("were there more than twice as many personal as environmental ASB incidents in Oxford?",
     "**No.** Personal is **1.85** times Environmental (302 ÷ 163).", 1.85),
    ("how many times more community ASB than environmental ASB did Oxford have?",
     "Community is **7.77** times Environmental (1,266 ÷ 163).", 7.77),
    ("is thames valley's 2021 crime total more than ten times oxford's? what's the multiple?",
     "**Yes.** Thames Valley is **10.72** times Oxford (171,119 ÷ 15,964).", 10.72),
])
def test_one_figure_as_a_multiple_of_another(assistant, question, first, value):
    answer = ask(assistant, question)
    assert answer.text.startswith(first)
    assert value in [f.value for f in _checked(answer)]


def test_one_part_against_the_others_added_up(assistant):
    answer = ask(assistant, "by how many victims did race hate crime in Oxfordshire exceed the "
                            "other four strands combined?")
    assert "the others **475** (61 + 188 + 171 + 55)" in answer.text
    assert 398 in [f.value for f in _checked(answer)]


def test_always_the_busiest_quarter_is_checked_year_by_year(assistant):
    answer = ask(assistant, "is July to September always the busiest quarter for DA occurrences "
                            "involving children?")
    assert answer.text.startswith("**Yes.**") and answer.text.count("the highest quarter is") == 4


def test_years_of_quarters_ranked_by_their_totals(assistant):
    answer = ask(assistant, "which year had the most DA occurrences involving children?")
    assert "the highest whole year is **2020/21** with **1,581**" in answer.text
    assert "Left out: 2021/22" in answer.text
    assert 1581 in [f.value for f in _checked(answer)]
