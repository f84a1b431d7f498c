"""Details next to what the plan says but not in it: which things, who sits on a body, whether
it costs anything, what the public may do, on which days. Each is refused with what the plan
does say; the detail it does give is still answered."""

from __future__ import annotations

import pytest

from oscp_qa import Status


@pytest.mark.parametrize("question, missing", [
    ("Which fast food places are signed up to Nightsafe?", "does not name the fast food places"),
    ("What were the 48 recommendations of the DA scrutiny review?",
     "does not name the recommendations"),                        # a number of them, unnamed
    ("which minicab companies belong to the Nightsafe network?",
     "does not name the minicab companies"),                      # words the plan never uses
    ("List the venues that received the drink spiking testing kits.", "does not name the venues"),
    ("Which of the 48 scrutiny review recommendations have been finished?",
     "does not name the scrutiny review recommendations"),
    ("Which student unions took part in Safe Journey, Safe Destination?",
     "does not name the student unions"),
    ("Which streets are the drug hotspots the CCTV was aimed at?", "does not name the streets"),
    ("Apart from the Covered Market, which streets got the mobile cameras?",
     "does not name the streets"),
])
def test_things_spoken_of_only_as_a_kind_are_not_named(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and missing in answer.text


@pytest.mark.parametrize("question, named", [
    ("which district councils took part in safe journey?", "Vale of White Horse"),
    ("which organisations are members of Nightsafe?", "Street Pastors"),
    ("which places got the mobile cctv units?", "Covered Market"),
    ("Which teams make up the council's ASB service?", "Investigation Team"),
])
def test_things_the_plan_names_are_answered(assistant, question, named):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and named in answer.text


@pytest.mark.parametrize("question, missing", [
    ("Which organisations are members of the Bike Crime Reduction Partnership?",
     "does not say who its members are"),
    ("who sits on the partnership's Executive Board?", "does not say who its members are"),
    ("is SAVI free for pubs to use?", "costs anything"),
    ("my bar wants to join nightsafe, is there a fee?", "costs anything"),
    ("On which nights of the week do Operation Vigilant patrols operate?", "on which days"),
    ("when's the common place consultation closing? want to have my say", "when"),
])
def test_members_costs_and_times_the_plan_never_gives(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and missing in answer.text


def test_leave_the_public_is_not_said_to_have_is_not_given(assistant):
    assistant.ask("what is the interact dashboard?")
    answer = assistant.ask("can residents log into it?")
    assert answer.status == Status.no_answer and "whether the public can" in answer.text


def test_leave_to_use_what_a_programme_offers_is_answered(assistant):
    answer = assistant.ask("my phone always dies on the way home - can I charge it at the train "
                           "station?")
    assert answer.status == Status.answered and "Didcot" in answer.text


def test_when_a_review_happens_is_answered_by_its_circumstances(assistant):
    answer = assistant.ask("When does a domestic homicide review happen?")
    assert answer.status == Status.answered and "death" in answer.text


def test_an_initialism_is_expanded_to_the_term_the_plan_writes_in_full(assistant):
    answer = assistant.ask("DHR stands for?")
    assert answer.status == Status.answered and "Domestic Homicide Review" in answer.text


def test_a_follow_up_asking_what_it_was_called_names_the_programme(assistant):
    assistant.ask("What was the £426,000 awarded for?")
    answer = assistant.ask("What was the resulting partnership project called?")
    assert answer.status == Status.answered and "Safe Journey, Safe Destination" in answer.text


def test_one_of_the_cases_a_programme_counts_is_not_described_on_its_own(assistant):
    answer = assistant.ask("What happened in the fourth case handled through the new modern "
                           "slavery pathway?")
    assert answer.status == Status.no_answer and "does not number them" in answer.text


def test_how_a_sum_was_split_is_not_given(assistant):
    assistant.ask("the £426,000 VAWG funding")
    answer = assistant.ask("how was it split between projects?")
    assert answer.status == Status.no_answer and "gives only the whole" in answer.text \
        and "£426,000" in answer.text


def test_what_came_of_a_programme_is_read_in_the_achievement_going_on_with_it(assistant):
    answer = assistant.ask("has the new slavery response actually helped anybody?")
    assert answer.status == Status.answered and "four cases" in answer.text \
        and "successful outcomes" in answer.text


def test_a_case_picked_out_by_what_the_plan_tells_of_it_is_answered(assistant):
    answer = assistant.ask("Which partners took part in the successful disruption in the third "
                           "modern slavery case?")
    assert answer.status == Status.answered and "Fire Service" in answer.text


def test_a_thing_with_no_figures_asked_of_a_table_is_not_answered_by_the_table(assistant):
    answer = assistant.ask("What is the council's target response time for ASB reports?")
    assert answer.status == Status.no_answer and "response times" in answer.text


@pytest.mark.parametrize("question", [
    "Where will the Oxfordshire CCTV Hub be located?",
    "What was the average age of domestic abuse victims in Oxford?",
    "How many domestic abuse victims were aged between 16 and 17?",
    "which district council put the most money into safe journey safe destination?",
    "My friend reckons Reading has more hate crime than Oxford. Is that right?",
])
def test_a_detail_next_to_what_the_plan_says_is_no_answer(assistant, question):
    assert assistant.ask(question).status == Status.no_answer


def test_a_sum_asked_and_none_given_is_no_answer(assistant):
    """"Which duty gets the biggest share of the budget?": words naming no sum do not answer."""
    assistant.ask("What are OSCP's statutory duties?")
    answer = assistant.ask("Which of those duties receives the largest share of the "
                           "partnership's budget?")
    assert answer.status == Status.no_answer and "no sum" in answer.text


def test_where_the_plan_mentions_a_term_is_still_answered(assistant):
    answer = assistant.ask("Where does the plan mention Victims First Specialist Service?")
    assert answer.status == Status.answered


def test_a_clause_saying_what_prompted_the_question_restricts_nothing(assistant):
    answer = assistant.ask("After reports of racist abuse in the city centre, how many victims "
                           "of race hate crime were recorded in Oxford in 2021?")
    assert answer.status == Status.answered and "420" in answer.text


def test_whether_the_partnership_is_involved_is_answered_from_its_work(assistant):
    answer = assistant.ask("Is the partnership involved in Prevent?")
    assert answer.text.startswith("**Yes.**") and "Prevent and Protect Duty" in answer.text


def test_what_a_partner_put_in_is_not_the_award_it_shares_in(assistant):
    """The plan's sum for Safe Journey, Safe Destination is the council's award; a partner's
    own contribution it does not give, and the award is not offered as that."""
    answer = assistant.ask("how much did the county council contribute to Safe Journey Safe "
                           "Destination?")
    assert answer.status == Status.no_answer
    assert "does not say how much Oxfordshire County Council put in" in answer.text
    assistant.reset()
    answer = assistant.ask("how much money did the PCC give to Safe Journey, Safe Destination?")
    assert answer.status == Status.answered and "£426,000" in answer.text


def test_who_runs_a_course_is_not_whom_it_is_for(assistant):
    answer = assistant.ask("who runs the drink spiking awareness course?")
    assert answer.status == Status.no_answer and "Who it is for" not in answer.text
    assistant.reset()
    answer = assistant.ask("who is the drink spiking awareness course for?")
    assert answer.status == Status.answered and "bar and security staff" in answer.text


def test_whether_a_programme_cut_crime_is_a_result_the_plan_does_not_report(assistant):
    answer = assistant.ask("Did Op Beaming II cut knife offending in Blackbird Leys?")
    assert answer.status == Status.no_answer and "reports no results" in answer.text
    assistant.reset()
    answer = assistant.ask("has operation vigilant brought down sexual offences?")
    assert answer.status == Status.no_answer and "reports no results" in answer.text


def test_whether_the_public_may_have_a_thing_is_not_said_by_naming_it(assistant):
    """The programme's own name ("kits") says nothing of whether residents can get one."""
    answer = assistant.ask("can residents get a drink spiking testing kit?")
    assert answer.status == Status.no_answer and "whether the public can" in answer.text


@pytest.mark.parametrize("question", [
    "What time do the Op Vigilant patrols start?",     # a year of introduction is no time of day
    "What hours is the Safe Places scheme open?",
    "What does the modern slavery coordinator earn?",
])
def test_a_time_of_day_or_a_wage_the_plan_does_not_give_is_not_answered(assistant, question):
    assert assistant.ask(question).status == Status.no_answer


@pytest.mark.parametrize("turns", [
    ["safe journey safe destination", "what did the evaluation show?"],
    ["What is Operation Vigilant?", "what happened to the people it caught?"],
])
def test_what_came_of_a_programme_is_a_result_the_plan_does_not_report(assistant, turns):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == Status.no_answer and "reports no results" in answer.text


def test_a_count_the_plan_writes_in_words_is_led_by_its_figure(assistant):
    answer = assistant.ask("how many housing link workers did the council take on?")
    assert answer.status == Status.answered
    assert answer.text.startswith("Staff recruited: **2** (two full time")
