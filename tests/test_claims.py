"""A claim put as a question ("Oxford had 1,917 offences in 2021 - correct?") is a yes-or-no
question: the verdict first, against the plan's figure, then the figures."""

from __future__ import annotations

import pytest
from conftest import ask

from oscp_qa import Status


@pytest.mark.parametrize("question, verdict", [
    ("Oxford had 1,917 domestic abuse offences in 2021 - correct?", "**No.** The figure is 1,768"),
    ("Oxford had 1,768 domestic abuse offences in 2021 - correct?", "**Yes**"),
    ("I read Oxfordshire crime rose by over 4,600 in 2021. Correct?", "**Yes.**"),
    ("Oxfordshire crime rose by under 4,600 in 2021, right?", "**No.**"),
    ("Does Oxford account for about 28 per cent of police-recorded ASB in Oxfordshire?",
     "**Yes.**"),
    ("The scrutiny review into domestic abuse services made 48 recommendations - correct?",
     "**Yes**"),
    ("the scrutiny review made 50 recommendations, right?", "**No.** The figure is 48"),
    ("Public order offences in Oxford went up in 2021 compared with 2020 - right?", "Yes"),
    ("Oxford had more homophobic than disablist hate crime victims in 2021 - correct?", "Yes"),
    ("Council ASB cases rose by more than 800 between 2019 and 2020 — true?", "**Yes.**"),
    ("Oxford crime rose by 10 per cent in 2021 - true?", "**Yes.**"),
    ("Oxfordshire crime went up 15% in 2021, true?", "**No.**"),
    ("is oxford more than 10 per cent of thames valley crime", "No: it is 9.3%"),
    ("Safe Journey got £500,000, right?", "**No.** The figure is £426,000"),
    ("OSCP has four statutory duties, true?", "OSCP is required by law to do **4** things"),
    ("Is Oxford's ASB higher than Oxfordshire's?", "**No.**"),
    ("Is Oxford's ASB lower than Oxfordshire's?", "**Yes.**"),
    ("there were fewer than 1,800 domestic abuse offences in Oxford in 2021, right?",
     "**Yes.** The figure is 1,768"),  # the year's figure, not its change
    ("there were more than 1,800 domestic abuse offences in Oxford in 2021, right?", "**No.**"),
    ("Were there at least 1,700 police ASB incidents in Oxford?", "**Yes.** The figure is 1,731"),
    ("was there a 15% rise in crime in oxford in 2021?", "**No.**"),
    ("were there more than 1,000 fewer DA offences in oxfordshire in 2021",
     "**No.** The change is -695"),
    ("did crime in oxford rise by more than 2,000 in 2021?", "**No.** The change is +1,474"),
])
def test_a_claim_is_answered_yes_or_no_first(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and answer.text.startswith(verdict)


def test_a_number_quoted_against_several_figures_gets_no_verdict(assistant):
    """594 is the five strands added up: against any one strand it is not "no"."""
    answer = assistant.ask("hate crime in oxford was 594 in 2021, correct?")
    assert not answer.text.startswith(("**No", "No"))


def test_a_count_quoted_in_words_is_never_confirmed_by_a_passage_search(assistant):
    answer = assistant.ask("I was told the new anti-slavery pathway has been used in ten "
                           "cases. Correct?")
    assert not answer.text.startswith("**Yes")


def test_a_share_changing_is_asked_of_the_share_not_the_counts(assistant):
    answer = assistant.ask("has oxford's share of county crime gone up since 2020")
    assert answer.intent == "share" and answer.text.startswith("No")  # 34.5% to 34.3%


@pytest.mark.parametrize("turns, verdict", [
    (["Was July to September 2020/21 the highest quarter for Oxford domestic occurrences "
      "involving children?"], "**Yes.**"),
    (["was 2017 the lowest year for domestic abuse in oxfordshire?"], "**Yes.**"),
    (["What's the DA offences figure for Oxfordshire in 2021?",
      "My colleague says that's the lowest in five years for the county too. True?"],
     "**No.** 2021 had 7,156"),
    (["Is race hate crime the biggest strand in Oxford?"], "**Yes.**"),
    (["Is faith hate crime the smallest strand in Oxford?"], "**No.** Faith had 40"),
])
def test_the_one_named_as_highest_or_lowest_is_checked(assistant, turns, verdict):
    assistant.reset()
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.text.startswith(verdict)


def test_a_place_a_programme_names_is_a_yes(assistant):
    answer = assistant.ask("Was street lighting improved in Witney as part of the VAWG work?")
    assert answer.text.startswith("**Yes**") and "Witney" in answer.text
    answer = assistant.ask("was street lighting improved in Banbury?")
    assert answer.status == Status.no_answer


def test_a_claimed_result_of_an_operation_is_not_confirmed(assistant):
    """The plan says what Op Beaming II did, not whether knife crime fell after it: neither a
    place named in it nor the operation itself makes the claim true."""
    answer = assistant.ask("People say knife crime in Blackbird Leys dropped after Op Beaming II. "
                           "Is that true?")
    assert answer.status == Status.no_answer and not answer.text.startswith("**Yes")


@pytest.mark.parametrize("question, verdict", [
    ("I heard Oxford's percentage rise in crime was bigger than Thames Valley's. Correct?",
     "**Yes.**"),
    ("was thames valley's percentage rise in crime bigger than oxford's?", "**No.**"),
])
def test_two_areas_changes_claimed_are_set_against_each_other(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.text.startswith(verdict) and "Oxfordshire:" not in answer.text


def test_one_quarter_over_the_years_gets_a_verdict(assistant):
    """January to March: 353, 370, 395 (2021/22 blank): it rose every year the plan gives."""
    answer = assistant.ask("Has the January-March quarter figure for children in DA occurrences "
                           "risen each year?")
    assert answer.text.startswith("**Yes.**") and "353" in answer.text


def test_figures_claimed_for_two_parts_are_not_a_comparison_of_them(assistant):
    """"Race 400, faith 40 - right?" claims two figures; that race is more than faith does not
    make it right."""
    answer = assistant.ask("Oxford race hate crime was 400, faith 40 - right?")
    assert not answer.text.startswith(("Yes", "**Yes"))
    answer = assistant.ask("Oxford race hate crime was 420, faith 40 - right?")
    assert answer.text.startswith("**Yes**")
    answer = assistant.ask("were there more homophobic than disablist hate crime victims in "
                           "Oxford in 2021?")
    assert answer.text.lstrip("*").startswith("Yes")


def test_is_that_right_checks_the_claim_not_the_last_answer(assistant):
    """"Is that right?" refers to what the question itself claims: the year and area of the
    previous question do not carry into it."""
    assistant.reset()
    assistant.ask("Is it true that Oxford had 73 modern slavery victims in 2020?")
    answer = assistant.ask("The plan says domestic abuse fell by 8.43% - is that right?")
    assert "8.43%" in answer.text and "2019 to 2020" not in answer.text


@pytest.mark.parametrize("claim, verdict", [
    ("I was told the new anti-slavery pathway has been used in ten cases. Correct?",
     "**No.** The figure is 4, not 10."),
    ("the new modern slavery approach has been used in 10 cases, right?",
     "**No.** The figure is 4, not 10."),
    ("the scrutiny review made 48 recommendations, right?", "**Yes"),
])
def test_a_programmes_count_claimed_is_checked_against_the_count_it_states(assistant, claim,
                                                                          verdict):
    answer = assistant.ask(claim)
    assert answer.status == Status.answered and answer.text.startswith(verdict)


def test_a_claim_of_none_is_checked_as_zero(assistant):
    answer = assistant.ask("Someone at the meeting said there were no FGM victims in Oxford in "
                           "2021. Is that right?")
    assert answer.text.lstrip("*").startswith("Yes")
    answer = assistant.ask("I heard there were no forced marriage victims in thames valley - true?")
    assert answer.text.lstrip("*").startswith("No") and "4" in answer.text


def test_a_five_year_low_claimed_is_checked_against_the_lowest_year(assistant):
    answer = assistant.ask("domestic abuse in oxford in 2021 was at a five-year low - right?")
    assert answer.text.lstrip("*").startswith("Yes") and "1,768" in answer.text
    answer = assistant.ask("was domestic abuse in oxfordshire at a five-year low in 2021?")
    assert answer.text.lstrip("*").startswith("No") and "6,986" in answer.text


@pytest.mark.parametrize("question, verdict", [
    ("environmental was the biggest type of police ASB in oxford?", "**No.** Environmental had 163"),
    ("oxford had 1731 police asb incidents in 2021 yeah?", "**Yes**"),
    ("I read that crime in the Thames Valley rose by more than 10% in 2021. Is that so?",
     "**No.** Worked out, the change is +9.0%, not more than 10%"),
    ("did oxford crime rise by more than 10% in 2021?", "**Yes.**"),
    ("Were most of the anti-social behaviour incidents police recorded in Oxford in 2021 the "
     "'community' kind?", "Yes: it is 73.1%"),
    ("Is it accurate that Oxford's recorded domestic abuse offences peaked in 2020 over the "
     "2017-2021 period?", "**Yes.**"),
    ("Is it correct that transphobic hate crime had the fewest victims of the five strands in "
     "Oxford, Oxfordshire and Thames Valley alike?", "**Yes.**"),
])
def test_a_claim_said_as_a_statement_or_with_a_way_is_checked(assistant, question, verdict):
    """A statement ending in a question mark is a claim; "more than 10%" holds of any change
    above it, so a 9% rise is no even though it rose."""
    assert assistant.ask(question).text.startswith(verdict)


@pytest.mark.parametrize("turns, verdict", [
    (("oxford crime 2020?", "and 2021?", "so thats about a 10% jump?"), "**Yes.**"),
    (("DA offences oxford 2017", "and 2021?", "so its gone down?"), "**Yes.**"),
    (("DA offences went down in Oxford in 2021?", "By about 500 offences?"),
     "**No.** The change is -149, not about 500"),
])
def test_a_claim_about_the_figure_just_given_is_checked(assistant, turns, verdict):
    assert ask(assistant, *turns).text.startswith(verdict)


@pytest.mark.parametrize("claim", [
    "A colleague says Oxford's crime severity score fell by 5% in 2020/21. Can the plan confirm the 5%?",
    "op beaming II took 50 knives off the streets - correct?",
])
def test_a_number_the_plan_has_nothing_to_check_against_is_no_answer(assistant, claim):
    """The way may be told (the score fell), the amount claimed cannot: no yes, no figure."""
    answer = assistant.ask(claim)
    assert answer.status == Status.no_answer
    assert not answer.text.lstrip("*").startswith(("Yes", "No."))


def test_a_choice_between_two_areas_is_not_answered_yes(assistant):
    answer = assistant.ask("did crime grow faster in oxford or oxfordshire in 2021?")
    assert not answer.text.lstrip("*").startswith(("Yes", "No"))
    assert "11.0%" in answer.text and "10.2%" in answer.text
