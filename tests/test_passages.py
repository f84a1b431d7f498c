"""Finding the passage a question in words is about by the rare words they share, and
answering from several passages, or refusing, when none holds most of it."""

from __future__ import annotations

import pytest
from conftest import SOURCE_TEXT

from oscp_qa import Status


def _passage_text(assistant, passage) -> str:
    plan = assistant.engine.plans.plan
    rows = {"priority": lambda: {str(r["position"]): r["text"] for r in plan.priorities()},
            "achievement": lambda: {r["id"]: r["text"] for r in plan.achievements()},
            "duty": lambda: {r["id"]: r["text"] for r in plan.duties()},
            "about": lambda: {r["id"]: r["text"] for r in plan.about()}}
    return rows[passage.kind]()[passage.id]


@pytest.mark.parametrize("question, holds", [
    ("What tool will partners use to understand local community safety trends and evaluate "
     "interventions?", "Interact"),
    ("Which organisation will OSCP work with to get ready for the Serious Violence Duty?",
     "Violence Reduction Unit"),
    ("How will most of the scrutiny review recommendations be delivered?", "DAHA"),
    ("is there going to be one county-wide CCTV centre?", "CCTV Hub"),  # everyday words
])
def test_the_passage_holding_the_rarer_words_comes_first(assistant, question, holds):
    frame, _ = assistant.interpret(question)
    assert holds in _passage_text(assistant, frame.passages[0])


def test_a_passage_sharing_only_common_words_is_not_the_programme(assistant):
    """"How long do police take to turn up?" shares "long" and "turn" with Op Beaming's text
    ("month long"), and nothing else: that is no reason to describe Op Beaming."""
    answer = assistant.ask("how long do police take to turn up to a 999 call in oxford?")
    assert answer.status == Status.no_answer and "Beaming" not in answer.text


def test_words_spread_over_several_passages_are_answered_from_all_of_them(assistant):
    answer = assistant.ask("What training are bar staff and door supervisors getting about "
                           "sexual harassment and vulnerable customers?")
    assert answer.status == Status.answered
    assert "Drink Spiking Awareness Course" in answer.text and "SAVI" in answer.text


def test_passages_each_sharing_one_word_are_no_answer(assistant):
    answer = assistant.ask("Is St Aldates police station open to the public at weekends?")
    assert answer.status == Status.no_answer


def test_a_count_asked_of_a_priority_is_not_the_priority(assistant):
    assistant.ask("Tell me about the scrutiny review into domestic abuse services.")
    answer = assistant.ask("How many of the recommendations have actually been implemented so far?")
    assert answer.status == Status.no_answer


def test_how_to_apply_for_a_review_is_not_in_the_duty(assistant):
    answer = assistant.ask("How do I ask for a Community Trigger review?")
    assert answer.status == Status.no_answer


def test_figures_now_are_after_the_plan(assistant):
    answer = assistant.ask("how many ASB incidents in Oxford this year?")
    assert answer.status == Status.no_answer
    assert "run to 2021" in answer.text and "1,731" not in answer.text.split("\n")[0]


def test_a_follow_up_category_stays_in_the_table_asked_about(assistant):
    assistant.ask("What share of domestic abuse victims were victimised on two occasions?")
    answer = assistant.ask("and for child sexual exploitation?")
    assert answer.status == Status.answered and "17%" in answer.text


def test_achievements_under_one_heading_the_words_fit_equally_are_all_listed(assistant):
    answer = assistant.ask("what did the partnership do during covid?")
    assert answer.status == Status.answered
    for title in ("Re-opening the city", "Addressing non-compliance with Covid restrictions",
                  "Support for vulnerable residents"):
        assert title in answer.text


def test_the_partnership_named_beside_a_term_is_not_the_term_asked_about(assistant):
    answer = assistant.ask("What will OSCP use Common Place for?")
    assert "consultation" in answer.text and "stands for" not in answer.text


def test_a_count_the_partnership_passage_does_not_hold_is_refused(assistant):
    answer = assistant.ask("How many organisations are members of OSCP?")
    assert answer.status == Status.no_answer and "does not say how many" in answer.text


def test_a_figure_asked_of_a_duty_is_not_the_duty(assistant):
    answer = assistant.ask("whats the reoffending rate in oxford")
    assert answer.status == Status.no_answer and "no figure" in answer.text


def test_the_partnership_passage_holding_the_words_comes_before_a_cued_one(assistant):
    answer = assistant.ask("what does the partnership have to do by law?")
    assert answer.text.startswith("Oxford Safer Communities Partnership are required by law to")


@pytest.mark.parametrize("turns", [
    ["What are the other three priorities in the Police and Crime Plan?"],
    ["how many priorities are in the police and crime plan?", "what are the other three then?"],
])
def test_the_pcc_priorities_the_plan_does_not_list_are_refused(assistant, turns):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == Status.no_answer and "lists only PCC priorities 1" in answer.text


def test_a_topic_word_inside_a_plan_s_name_is_part_of_the_name(assistant):
    frame, _ = assistant.interpret("how many priorities are in the police and crime plan?")
    assert frame.measure is None


def test_a_programme_found_only_by_a_named_term_s_words_is_not_the_answer(assistant):
    """"Safer" in "Safer Streets 3" is no reason to give the £426,000 of Safe Journey, Safe
    Destination as the Safer Streets 3 funding."""
    answer = assistant.ask("how much was the safer streets 3 funding?")
    assert answer.status == Status.no_answer and "426" not in answer.text


def test_a_topic_no_priority_speaks_of_is_a_plain_no(assistant):
    answer = assistant.ask("speeding cars on my road are a nightmare - is that one of their "
                           "priorities?")
    assert answer.status == Status.no_answer and answer.text.startswith("No: none of OSCP's 14")


def test_a_part_of_a_table_asked_without_the_other_is_refused(assistant):
    answer = assistant.ask("how many DA crimes (not non-crime occurrences) involving children "
                           "were there in 2020/21?")
    assert answer.status == Status.no_answer and "together" in answer.text


def test_everyday_words_find_the_plan_s_own(assistant):
    answer = assistant.ask("if you feel unsafe on a night out is there somewhere you can go?")
    assert answer.status == Status.answered and "Safe Places" in answer.text


def test_a_quote_answers_how_often_only_with_a_time_in_it(assistant):
    assistant.ask("who monitors the oscp action plan?")
    answer = assistant.ask("how often does it meet?")
    assert answer.status == Status.no_answer and not answer.text.startswith("From the plan")


def test_what_was_done_on_a_theme_lists_the_achievements_under_its_heading(assistant):
    answer = assistant.ask("What did the partnership do to help during Covid?")
    assert answer.intent == "achievements"
    assert "Broad Street Meadow" in answer.text and "house parties" in answer.text


def test_a_duty_answer_quotes_the_overview_its_text_points_to(assistant):
    """The first duty ends "an overview of Oxford is shown below"; what the assessment aims to
    improve is said there, in "Crime in Oxford", and is quoted from there word for word."""
    answer = assistant.ask("What does the annual strategic assessment aim to improve?")
    quoted = answer.text.split("it adds: “")[1].split("”")[0]
    plan = " ".join(SOURCE_TEXT.read_text(encoding="utf-8").split())
    assert "safeguarding" in quoted and quoted in plan
    assert any("Crime in Oxford" in s for s in answer.sources)


@pytest.mark.parametrize("question, named", [
    ("safer streets 3 start and end dates?", "Safer Streets 3"),
    ("when did the Bike Crime Reduction Partnership start?", "Bike Crime Reduction Partnership"),
])
def test_a_partnership_word_asked_of_something_else_is_not_the_partnership(
        assistant, question, named):
    """"start" asks when the partnership began only when the partnership is what is asked of:
    of a programme or term the plan dates nothing, and says so by name."""
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "1998" not in answer.text
    assert named in answer.text


def test_a_partner_named_leaves_the_question_on_the_partnership(assistant):
    answer = assistant.ask("is the council legally required to run this safer communities "
                           "thing or did they just choose to?")
    assert "Crime and Disorder Act" in answer.text


def test_a_programme_found_by_some_words_is_no_answer_for_people_it_never_mentions(assistant):
    """Drink spiking kits share "funding" and "clubs" (venues) with the question, but say
    nothing of young people: the plan reports no youth clubs."""
    answer = assistant.ask("Does the partnership fund any youth clubs?")
    assert answer.status == Status.no_answer and "youth" in answer.text
