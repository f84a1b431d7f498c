"""Understanding in general, not case by case: properties over the question banks' answerable
figure questions, the closed world of places and restrictions, and every intent's examples."""

from __future__ import annotations

import json

import pytest
from conftest import REPO, ask, has_number, numbers_in
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from oscp_qa import Status

BANKS = [REPO / "tests" / "questions" / name for name in ("tuning.jsonl", "heldout.jsonl")]
FIGURE_KINDS = {"lookup", "change", "compare", "trend", "total", "share", "rank", "arithmetic"}


def _figure_cases() -> list[tuple[str, list[list[str]]]]:
    """Single questions the plan answers with figures, and the numbers a right answer holds."""
    found = []
    for bank in BANKS:
        for line in bank.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            expect = case["expect"]
            if (len(case["turns"]) == 1 and expect["status"] == "answered" and expect["numbers"]
                    and FIGURE_KINDS & set(case["tags"])):
                found.append((case["turns"][0], expect["numbers"]))
    return found


CASES = _figure_cases()
PLACES = ["in Carterton", "for Banbury", "in Swindon", "in Blackbird Leys ward", "in Reading",
          "for Chipping Norton", "in Milton Keynes", "in Jericho"]
RESTRICTIONS = ["that led to a charge", "that were resolved", "involving under-18s",
                "at night", "in the city centre", "that were antisemitic", "at weekends",
                "which ended in a conviction"]
FILLERS = [("please could you tell me ", ""), ("hi, quick one: ", ""), ("", " please"),
           ("", ", thanks"), ("I'd like to know ", ""), ("", " - cheers")]
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _holds(text: str, numbers: list[list[str]]) -> bool:
    present = numbers_in(text)
    return all(any(abs(p - abs(float(v))) < 1e-9 for p in present for v in group)
               for group in numbers)


def _states_figures(assistant, question: str) -> bool:
    """The question is answered with figures from the tables (not a date from a programme)."""
    assistant.reset()
    return bool(assistant.ask(question).facts)


def _with(question: str, tail: str) -> str:
    return f"{question.rstrip(' ?.')} {tail}?"


def test_the_banks_hold_enough_figure_questions():
    assert len(CASES) >= 60


@SETTINGS
@given(case=st.sampled_from(CASES), place=st.sampled_from(PLACES))
def test_an_unknown_place_turns_a_figure_into_no_answer(assistant, case, place):
    assume(_states_figures(assistant, case[0]))
    assistant.reset()
    answer = assistant.ask(_with(case[0], place))
    assert answer.status == Status.no_answer, (case[0], place, answer.text)
    assert place.split()[-1 if "ward" not in place else -3] in answer.text or "ward" in place


@SETTINGS
@given(case=st.sampled_from(CASES), restriction=st.sampled_from(RESTRICTIONS))
def test_a_restriction_the_plan_does_not_break_out_turns_a_figure_into_no_answer(
        assistant, case, restriction):
    assume(_states_figures(assistant, case[0]))
    assistant.reset()
    answer = assistant.ask(_with(case[0], restriction))
    assert answer.status == Status.no_answer, (case[0], restriction, answer.text)


@SETTINGS
@given(case=st.sampled_from(CASES), filler=st.sampled_from(FILLERS))
def test_filler_and_politeness_leave_the_figures_unchanged(assistant, case, filler):
    question, numbers = case
    assistant.reset()
    plain = assistant.ask(question)
    assistant.reset()
    padded = assistant.ask(f"{filler[0]}{question}{filler[1]}")
    assert padded.status == plain.status
    assert _holds(padded.text, numbers) == _holds(plain.text, numbers), (question, filler)
    assert [f.value for f in padded.facts] == [f.value for f in plain.facts]


@SETTINGS
@given(case=st.sampled_from(CASES))
def test_a_typo_in_a_long_word_leaves_the_figures_unchanged(assistant, case):
    """One letter doubled in the question's longest word ("domesstic"): a typo, not a word."""
    question, numbers = case
    words = question.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]) if words[i].isalpha() else 0)
    if len(words[longest]) < 8 or not words[longest].isalpha():
        return
    word = words[longest]
    words[longest] = word[:4] + word[3] + word[4:]
    assistant.reset()
    plain = assistant.ask(question)
    assistant.reset()
    typo = assistant.ask(" ".join(words))
    assert [f.value for f in typo.facts] == [f.value for f in plain.facts], (question, words)


@pytest.mark.parametrize("question, missing", [
    ("crime figures for Carterton", "Carterton"),
    ("domestic abuse in Swindon", "Swindon"),
    ("how many hate crimes in Oxford were islamophobic?", "islamophobic"),
    ("how many domestic abuse offences in Oxford led to a charge in 2021?", "charge"),
    ("burglary in the city centre", "burglary"),
])
def test_a_refusal_names_what_is_missing(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer
    assert missing.lower() in answer.text.lower()


def test_a_follow_up_with_an_unknown_place_is_refused_like_a_question(assistant):
    assert assistant.ask("hate crime in Oxford").status == Status.answered
    answer = assistant.ask("and in Chipping Norton?")
    assert answer.status == Status.no_answer and "Chipping Norton" in answer.text
    answer = assistant.ask("what about Blackbird Leys?")  # where a programme ran: no figures
    assert answer.status == Status.no_answer and "Blackbird Leys" in answer.text


def test_a_place_the_plan_names_is_answered_from_what_it_says(assistant):
    answer = assistant.ask("what was done in Didcot?")
    assert answer.status == Status.answered and "Didcot" in answer.text
    for figure_asked in ("crime figures for Didcot", "what's the figure for Witney?",
                         "how many crimes in didcot?"):
        assistant.reset()
        answer = assistant.ask(figure_asked)
        assert answer.status == Status.no_answer and "only in what was done" in answer.text


def test_an_everyday_word_that_is_also_a_place_is_a_place_only_where_one_goes(assistant):
    assert assistant.ask("how much crime was recorded in Reading in 2021?").status == \
        Status.no_answer
    assistant.reset()
    answer = assistant.ask("domestic abuse occurrences involving children in January to March 2021")
    assert answer.status == Status.answered


def test_the_rest_of_the_county_is_worked_out(assistant):
    answer = assistant.ask("total recorded crime in the rest of the county in 2021")
    assert "30,633" in answer.text and "46,597 − 15,964" in answer.text
    derived = [f for f in answer.facts if f.derived]
    assert derived and derived[0].value == 30633


def test_every_strand_but_one_is_worked_out(assistant):
    answer = assistant.ask("hate crime victims in Oxford other than race in 2021")
    assert "174" in answer.text and "40 + 44 + 64 + 26" in answer.text


@pytest.mark.parametrize("question, kind", [
    ("how many arrests did Operation Vigilant make?", "count"),
    ("how much did the Safe Places scheme cost?", "money"),
    ("How much money is set aside for the priorities?", "money"),  # not one programme's award
    ("who chairs the OSCP?", "named_person"),
    ("who is the police and crime commissioner?", "named_person"),
    ("which councillor chaired the DA scrutiny review", "named_person"),
    ("the link workers: what are their names?", "named_person"),
    ("What's the email address for the partnership?", "contact"),
    ("does the Safe Places scheme have a website?", "contact"),
    ("how can I contact the Nightsafe network?", "contact"),
])
def test_an_answer_of_the_kind_asked_or_no_answer(assistant, question, kind):
    frame, _ = assistant.interpret(question)
    assert frame.asks == kind
    assert assistant.ask(question).status == Status.no_answer


def test_each_intents_examples_resolve_to_that_intent(engine, kb):
    from oscp_qa import Assistant

    examples = next(p for p in kb.plans if p.plan.id == engine.plans.newest.id).examples.intents
    for rule in engine.rules:
        for example in examples[rule.id]:
            assistant = Assistant(engine)
            if "measure" in rule.requires and not assistant.interpret(example)[0].measure:
                assistant.ask("total recorded crime in Oxford")  # "why?" follows a figure
            _, match = assistant.interpret(example)
            assert match.intent == rule.id, (rule.id, example, match.scores)


def test_a_crash_inside_ask_fails_under_test(assistant, monkeypatch):
    from oscp_qa import compose

    def broken(*args):
        raise RuntimeError("composer bug")

    monkeypatch.setitem(compose.COMPOSERS, "lookup", broken)
    with pytest.raises(RuntimeError, match="composer bug"):
        assistant.ask("hate crime in Oxford in 2021")


def test_a_sentence_that_asks_nothing_is_context(assistant):
    answer = assistant.ask("My son's school in Littlemore is worried about kids carrying knives. "
                           "Is weapon possession going up or down in Oxford?")
    assert answer.status == Status.answered and "decreased" in answer.text
    assistant.reset()
    assert assistant.ask("crime in Banbury. How much?").status == Status.no_answer


def test_there_refers_to_the_place_the_conversation_was_on(assistant):
    assistant.ask("I live near Temple Cowley. Did we get new CCTV?")
    answer = assistant.ask("Has it reduced crime round there?")
    assert answer.status == Status.no_answer and "Temple Cowley" in answer.text


def test_a_count_of_something_no_table_holds_is_not_a_neighbouring_count(assistant):
    answer = assistant.ask("How many spiking incidents were reported in Oxford in 2021?")
    assert answer.status == Status.no_answer


def test_a_later_plan_year_is_refused_for_text_answers(assistant):
    answer = assistant.ask("What are the partnership's priorities for 2023-24?")
    assert answer.status == Status.no_answer and "2023/24" in answer.text


@pytest.mark.parametrize("question, first", [
    ("how much money was awarded for safe journey safe destination?", "£426,000"),
    ("when was operation vigilant introduced?", "2019"),
])
def test_a_programme_answer_leads_with_the_kind_asked(assistant, question, first):
    answer = assistant.ask(question)
    assert first in answer.text.splitlines()[0]


@pytest.mark.parametrize("question", [
    "How many of the council's 2021 ASB cases did the Community Response Team handle?",
    "ASB cases: how many by the Community Response Team rather than the ASB Investigation Team?",
    "How many domestic abuse non-crime occurrences involving children in April to June 2021/22?",
    "DA crimes and non-crime occurrences involving children split for 2020/21",
])
def test_a_part_a_table_counts_together_with_others_has_no_figure(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer
    assert "together and gives no separate figures" in answer.text


def test_naming_every_part_a_table_counts_together_is_its_figure(assistant):
    answer = assistant.ask("How many ASB cases did the ASB Investigation Team and Community "
                           "Response Team investigate in 2021?")
    assert answer.status == Status.answered and "3,733" in answer.text


@pytest.mark.parametrize("question, whole", [
    ("Of the £426,000, how much went on street lighting?", "£426,000"),
    ("of the 48 recommendations of the domestic abuse scrutiny review, how many are done?", "48"),
])
def test_a_part_of_a_whole_the_question_quotes_is_not_the_whole(assistant, question, whole):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer
    assert "gives only the whole" in answer.text and whole in answer.text


@pytest.mark.parametrize("question", [
    "when is the next OSCP meeting?",
    "how often does the partnership meet?",
])
def test_a_detail_the_partnership_passage_does_not_hold_is_not_answered_by_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "where it describes the partnership" in answer.text


@pytest.mark.parametrize("question, holds", [
    ("when was oscp set up?", "1998"),
    ("who reviews the priorities?", "Executive Board"),
    ("what is the partnership trying to achieve?", "safer place"),
])
def test_a_detail_the_partnership_passage_holds_is_answered(assistant, question, holds):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and holds in answer.text


@pytest.mark.parametrize("question, word", [
    ("how many of the council's 2021 ASB cases were repeat complainants?", "complainants"),
    ("how many of Oxford's domestic abuse offences in 2021 involved strangulation?",
     "strangulation"),
])
def test_an_unknown_word_naming_which_of_the_things_counted_is_a_restriction(
        assistant, question, word):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and word in answer.text


def test_a_category_after_were_is_the_part_asked(assistant):
    answer = assistant.ask("Of the police ASB reports in Oxford, how many were classed as "
                           "environmental?")
    assert answer.status == Status.answered and "163" in answer.text


def test_a_topic_word_inside_a_name_is_part_of_the_name(assistant):
    answer = assistant.ask("What is the Bike Crime Reduction Partnership?")
    assert answer.intent == "glossary" and "cycle crime" in answer.text


def test_how_residents_can_take_part_is_answered_from_the_priorities(assistant):
    answer = assistant.ask("how can residents get involved in community safety?")
    assert answer.status == Status.answered and "Common Place" in answer.text


def test_a_word_cut_short_reads_as_the_word(assistant):
    answer = assistant.ask("enviro asb in oxford 2021")
    assert answer.status == Status.answered and "163" in answer.text


def test_a_joining_word_after_were_is_no_restriction(assistant):
    answer = assistant.ask("how many modern slavery victims were in Oxfordshire but outside "
                           "Oxford in 2021?")
    assert answer.status == Status.answered and "182 − 73" in answer.text


def test_a_count_of_another_unit_than_the_table_counts_has_no_figure(assistant):
    answer = assistant.ask("How many hate crime offences (not victims) were there in Oxford?")
    assert answer.status == Status.no_answer and "counts victims, not offences" in answer.text
    assert assistant.ask("hate crime victims, not offences, in Oxford").status == Status.answered


def test_which_month_is_not_answered_by_a_duration(assistant):
    answer = assistant.ask("Which month does Op Beaming II run in?")
    assert answer.status == Status.no_answer and "which month" in answer.text
    assert "month long" in assistant.ask("how long does op beaming II last?").text


def test_words_joined_by_a_slash_are_read_apart(assistant):
    answer = assistant.ask("What's the male/female split of domestic abuse victims in Oxford?")
    assert answer.status == Status.no_answer and "“male”" in answer.text


def test_asked_for_a_helpline_the_plan_lacks_the_answer_points_to_one(assistant):
    answer = assistant.ask("Is there a domestic abuse helpline number I can ring?")
    assert answer.status == Status.no_answer and "0808 2000 247" in answer.text


def test_what_a_table_leaves_out_asked_back_in_has_no_figure(assistant):
    answer = assistant.ask("total crime in oxford in 2021 including fraud")
    assert answer.status == Status.no_answer and "leave out fraud" in answer.text
    assert "15,964" in assistant.ask("total crime excluding fraud in oxford 2021").text


@pytest.mark.parametrize("question", [
    "how many police officers has the PCC recruited in 2022?",
    "How much money is OSCP spending on its priorities?",
])
def test_a_count_or_sum_the_priorities_do_not_hold_is_not_answered_by_them(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer
    assert "police officers" in answer.text or "no amount of money" in answer.text


def test_how_many_priorities_is_still_a_count_of_priorities(assistant):
    answer = assistant.ask("how many priorities are there for domestic abuse?")
    assert answer.intent == "priorities" and answer.status == Status.answered


def test_does_it_count_x_is_answered_from_the_note_that_says_so(assistant):
    answer = assistant.ask("Do the ONS figures count crimes against shops and other businesses?")
    assert answer.status == Status.answered and answer.intent == "method"
    assert answer.text.startswith("On that, the plan says: The ONS crime data does not include "
                                  "crimes against businesses")


def test_a_short_form_of_a_word_reads_as_the_word(assistant):
    answer = assistant.ask("kids dom abuse occurences oct-dec 2019/20")
    assert answer.status == Status.answered and "373" in answer.text


def test_what_is_being_done_about_a_topic_in_a_place_the_plan_names(assistant):
    answer = assistant.ask("My son is frightened about knife crime at his school in Blackbird "
                           "Leys. Is anything being done about knives there?")
    assert answer.status == Status.answered and "Beaming" in answer.text


def test_a_question_that_is_little_more_than_a_term_asks_what_it_means(assistant):
    answer = assistant.ask("What's the PCC?")
    assert answer.intent == "glossary" and "Police and Crime Commissioner" in answer.text


@pytest.mark.parametrize("question, status, holds", [
    ("Which towns got improved street lighting?", Status.answered, "Abingdon, Didcot and Witney"),
    ("which venues got the drink spiking testing kits?", Status.no_answer,
     "does not name the venues"),
    ("which organisations took part in Op Beaming II?", Status.answered, "Turning Point"),
    ("free phone charging at train stations? which stations", Status.answered,
     "Oxford and Didcot rail stations"),
    ("which wards have the most crime?", Status.no_answer, "“wards”"),
])
def test_which_things_a_programme_names(assistant, question, status, holds):
    answer = assistant.ask(question)
    assert answer.status == status and holds in answer.text


@pytest.mark.parametrize("question", ["Is fraud counted in the total recorded crime figures?",
                                      "does total crime include fraud?"])
def test_is_what_a_table_leaves_out_counted(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and answer.text.startswith("**No.**")
    assert "leave out fraud" in answer.text.splitlines()[0]
    assert assistant.ask("Including fraud, how many crimes did Oxford record in 2021?").status \
        == Status.no_answer


@pytest.mark.parametrize("turns, holds", [
    (["What's priority number four in the Thames Valley Police and Crime Plan?"],
     "lists only PCC priorities 1 and 2"),
    (["Who coordinates the response when a modern slavery case is flagged?", "what's their name?"],
     "names no one in that role"),
    (["By what percentage did reports about drug hotspots drop while the mobile CCTV units were "
      "deployed?"], "gives no percentage"),
    (["In actual numbers, how many modern slavery victims were repeat victims?"],
     "only as percentages"),
    (["When will the Executive Board next review progress on the priorities?"],
     "does not say when"),
    (["What does the Modern Slavery Coordinator do?", "what's their salary?"],
     "does not say how much money"),
    (["has the community trigger ever been used? how many times"], "does not say how many"),
    (["What time are the Safe Places open until?"], "does not say when"),
    (["What targets has OSCP set for its hate crime action plan?"], "describes it only in words"),
    (["cctv hub priority", "where would the hub be?"], "does not say where"),
    (["what's oscp doing about hate crime?", "when will that be published?"], "gives no date"),
    (["what nights do the street pastors go out?"], "does not say on which days"),
])
def test_a_detail_the_plan_does_not_give(assistant, turns, holds):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == Status.no_answer and holds in answer.text


def test_a_loose_how_many_of_a_percentage_gets_the_percentage(assistant):
    assistant.ask("CSE victims oxford")
    answer = assistant.ask("and how many were repeat victims?")
    assert answer.status == Status.answered and "17%" in answer.text


def test_a_longer_asking_phrase_holding_a_shorter_one_says_what_is_asked(assistant):
    answer = assistant.ask("where can I find the free phone charging shelves?")
    assert answer.status == Status.answered and "Didcot rail stations" in answer.text
    assert assistant.ask("where can I report a burglary?").status == Status.no_answer


@pytest.mark.parametrize("question, holds", [
    ("In 2021, how many non-fraud crimes were logged in Oxfordshire outside Oxford city?",
     "46,597 − 15,964"),
    ("Of the city, the county and Thames Valley, which had the steepest percentage jump in "
     "recorded crime between 2020 and 2021?", "largest percentage change was in Oxfordshire"),
    ("How many DA occurrences involving children were there in Oxford in 2019/20 all told?",
     "(362 + 385 + 373 + 370)"),
])
def test_words_saying_how_things_were_counted_do_not_narrow_them(assistant, question, holds):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and holds in answer.text.replace("**", "")


def test_victimised_three_times_still_narrows(assistant):
    answer = assistant.ask("How many domestic abuse victims were victimised three or more times?")
    assert answer.status == Status.no_answer


@pytest.mark.parametrize("question, asks", [
    ("What does the Anti-Slavery Coordinator do when a case is flagged to them?", "figure"),
    ("Operation Vigilant: when was it introduced?", "date"),
    ("when was oscp set up?", "date"),
    ("what does the plan say about people who live in Oxford?", "figure"),
])
def test_a_lone_wh_word_asks_only_where_it_opens_a_question(engine, question, asks):
    assert engine.understander.parse(question).asks == asks


def test_how_many_duties_counts_them(assistant):
    answer = assistant.ask("How many things is OSCP legally obliged to do, according to the plan?")
    assert answer.status == Status.answered and "**4** things" in answer.text
    assert assistant.ask("When does the Serious Violence Duty come into force?").status \
        == Status.no_answer


def test_what_has_happened_this_year_is_after_the_plan(assistant):
    answer = assistant.ask("Has anyone been given an ASB injunction or a criminal behaviour "
                           "order in Oxford this year?")
    assert answer.status == Status.no_answer and "cannot say what has happened since" in answer.text


@pytest.mark.parametrize("question, status", [
    ("did Safe Journey, Safe Destination carry on in the end?", Status.no_answer),
    ("Was the Nightsafe network expanded in 2022?", Status.no_answer),
    ("has the council got DAHA accreditation yet?", Status.answered),  # "working towards" it
])
def test_what_came_of_the_work_later_is_after_the_plan(assistant, question, status):
    answer = assistant.ask(question)
    assert answer.status == status
    if status == Status.no_answer:  # said as after the year the plan reports on
        assert "2021" in answer.text.split("\n")[0]


def test_what_is_done_about_a_topic_the_pcc_priority_speaks_of(assistant):
    answer = assistant.ask("What is the partnership's stance on county lines gangs?")
    assert answer.status == Status.answered and "PCC priority 2" in answer.text


def test_dates_the_partnership_passage_does_not_give(assistant):
    answer = assistant.ask("What are the milestone dates in OSCP's 2022-23 action plan?")
    assert answer.status == Status.no_answer and "does not say when" in answer.text


def test_who_opening_a_question_asks_who_though_it_speaks_of_money(assistant):
    frame, _ = assistant.interpret("who got the funding to buy drink spiking test kits?")
    assert frame.asks == "person"
    frame, _ = assistant.interpret("What are the Domestic Abuse Housing Link workers paid?")
    assert frame.asks == "money"


def test_non_crime_is_not_the_crime_topic(assistant):
    frame, _ = assistant.interpret("does that include non-crime occurrences?")
    assert frame.measure != "total_crime"
    answer = assistant.ask("how many non-crime occurrences involving children in 2020/21?")
    assert answer.status == Status.no_answer and "together" in answer.text


@pytest.mark.parametrize("question, holds", [
    ("any new CCTV in Cowley?", "Temple Cowley"),
    ("knife crime in Blackbird Leys - what are the police doing?", "Op Beaming II"),
])
def test_a_place_the_plan_names_in_what_was_done_is_answered_from_it(assistant, question, holds):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and holds in answer.text


@pytest.mark.parametrize("question", ["knife crime figures for Blackbird Leys",
                                      "crime in Didcot?", "how safe is Abingdon?",
                                      "Is there a curfew for teenagers in Blackbird Leys?"])
def test_a_place_the_plan_names_has_no_figures_of_its_own(assistant, question):
    assert assistant.ask(question).status == Status.no_answer


def test_not_counting_what_a_table_leaves_out_is_the_table_itself(assistant):
    answer = assistant.ask("How many crimes were recorded in Oxford in 2021? not counting fraud")
    assert answer.status == Status.answered and "15,964" in answer.text
    assert assistant.ask("crimes in Oxford in 2021 counting fraud").status == Status.no_answer


@pytest.mark.parametrize("question, share", [
    ("are CSE victims often targeted again?", "17%"),
    ("what percentage of domestic abuse victims were victimised twice?", "16%"),
])
def test_victimised_again_is_repeat_victimisation(assistant, question, share):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and share in answer.text


def test_a_pcc_priority_asked_of_in_words_is_the_priorities(assistant):
    answer = assistant.ask("Is recruiting more police officers part of this plan at all?")
    assert answer.status == Status.answered and answer.text.startswith("Yes, as PCC priority 1")
    assert assistant.ask("how many police officers were recruited?").status == Status.no_answer


def test_a_story_before_the_question_is_context_not_restriction(assistant):
    frame, _ = assistant.interpret("My daughter walks home from town late at night and I worry "
                                   "sick. Is anything being done to keep women safe at night?")
    assert {u.word for u in frame.context} >= {"daughter", "walks"}
    assert "daughter" not in {u.word for u in frame.unknown}
    frame, _ = assistant.interpret("crime in Banbury. How much?")  # the question leans on it
    assert "Banbury" in {u.word for u in frame.unknown}


@pytest.mark.parametrize("question, place", [
    ("what about antisocial behaviour at the Castle Quarter?", "castle"),
    ("any hate crime stats for matches at the kassam?", "kassam"),
])
def test_an_unknown_word_after_at_the_is_somewhere_the_plan_has_no_figures_for(
        assistant, question, place):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and f"“{place}”" in answer.text
    assert assistant.ask("ASB across Thames Valley in 2021 - near enough 24,000?").status \
        == Status.answered  # "near enough" places nothing


def test_the_phrase_opening_a_question_says_what_it_asks(assistant):
    frame, _ = assistant.interpret("Which towns got improved street lighting under the women's "
                                   "safety funding?")
    assert frame.asks == "place"
    frame, _ = assistant.interpret("What are the Domestic Abuse Housing Link workers paid?")
    assert frame.asks == "money"


def test_the_leys_is_blackbird_leys_where_the_plan_names_it(assistant):
    answer = assistant.ask("naloxone was handed out on the Leys during a police operation - "
                           "who was doing that?")
    assert answer.status == Status.answered and "Turning Point" in answer.text


def test_race_hate_crime_is_one_topic_not_two(assistant):
    frame, _ = assistant.interpret("race hate crime victims in oxfordshire outside the city")
    assert frame.measure == "hate_crime" and frame.second_measure is None


def test_a_financial_year_of_a_table_in_calendar_years_spans_both(assistant):
    text = assistant.ask("% rise in crime for thames valley excluding oxfordshire, 2020-21").text
    assert "**+8.2%** (+9,445 ÷ 115,077 × 100)" in text
    answer = assistant.ask("Total domestic occurrences involving children for financial year "
                           "2020/21?")
    assert answer.status == Status.answered and "1,581" in answer.text


def test_which_part_rose_most_needs_two_years(assistant):
    answer = assistant.ask("Which hate crime strand in Oxford rose the most compared with the "
                           "year before?")
    assert answer.status == Status.no_answer and "for 2021 only" in answer.text


@pytest.mark.parametrize("question, asks", [
    ("who runs it?", "person"),  # of a programme or priority: the body named
    ("who leads the Executive Board?", "named_person"),
    ("who is in charge of the ASB team?", "named_person"),
])
def test_who_runs_asks_for_a_body_unless_it_heads_one(engine, question, asks):
    assert engine.understander.parse(question).asks == asks


@pytest.mark.parametrize("question", [
    "What does the asterisk next to the 2021 ASB case figure (3733) mean?",
    "there's a little star next to the 2021 council asb number, what does it mean?",
])
def test_a_mark_the_plan_never_explains_is_said_so_of_the_table_printing_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "never explains the asterisk" in answer.text
    assert "Table 2" in answer.sources[0]


def test_a_second_place_of_a_chart_described_by_its_largest_only_is_refused(assistant):
    answer = assistant.ask("Which age group of domestic abuse perpetrators was second largest?")
    assert answer.status == Status.no_answer and "only in words" in answer.text
    assert assistant.ask("Which age group of domestic abuse perpetrators was largest?").status \
        == Status.answered


def test_a_topic_with_words_of_what_is_done_about_it_is_the_work_on_it(assistant):
    answer = assistant.ask("If someone fleeing domestic abuse goes to the council for housing, "
                           "what support is there?")
    assert answer.intent == "work_on" and "Housing Link" in answer.text
    assert assistant.ask("domestic abuse offences in oxford").intent == "lookup"


def test_where_can_i_of_a_programme_with_a_place_is_that_place(assistant):
    answer = assistant.ask("Where can I charge my phone for free if I'm heading home late?")
    assert answer.status == Status.answered and "Didcot rail stations" in answer.text
    assert assistant.ask("how do I report noisy neighbours?").status == Status.no_answer


def test_a_breakdown_the_plan_lacks_is_refused_whatever_the_wording_routes_to(assistant):
    answer = assistant.ask("What is the ethnicity breakdown of domestic abuse victims in Oxford?")
    assert answer.status == Status.no_answer and "“ethnicity”" in answer.text


def test_victims_again_is_repeat_victimisation(assistant):
    answer = assistant.ask("How often do domestic abuse victims end up being victims again?")
    assert answer.status == Status.answered and "16%" in answer.text


def test_the_way_a_chart_in_words_moved_is_answered_though_figures_are_mentioned(assistant):
    answer = assistant.ask("Has shoplifting in Oxford got better or worse, going by the 2021 "
                           "figures?")
    assert answer.status == Status.answered and "decreased" in answer.text
    assert assistant.ask("By what percentage did shoplifting fall in Oxford?").status \
        == Status.no_answer


def test_a_place_word_naming_an_occasion_restricts_nothing(assistant):
    answer = assistant.ask("For my ward briefing: what was Oxford's total recorded crime in 2021?")
    assert answer.status == Status.answered and "15,964" in answer.text
    assert assistant.ask("crime in my ward in 2021").status == Status.no_answer


@pytest.mark.parametrize("question", ["who monitors the priorities?",
                                      "who actually checks they're doing what they say in the "
                                      "priorities?"])
def test_who_keeps_watch_on_the_priorities_is_the_board(assistant, question):
    assert "Executive Board" in assistant.ask(question).text


@pytest.mark.parametrize("question, status", [
    ("Did Safe Journey, Safe Destination actually reduce attacks on women? Any results yet?",
     Status.no_answer),
    ("did the mobile cctv vans actually make a difference?", Status.answered),  # reports fell
    ("has the new modern slavery approach actually helped anyone?", Status.answered),
    ("What did residents say in the Common Place consultation - what were the top concerns?",
     Status.no_answer),  # a priority to consult; no findings reported
])
def test_what_came_of_a_programme_is_answered_only_where_the_plan_reports_it(
        assistant, question, status):
    assert assistant.ask(question).status == status


def test_what_is_being_done_is_about_the_thing_not_who_does_it(assistant):
    answer = assistant.ask("people dealing drugs in the park near me, is the council doing "
                           "anything?")
    assert answer.intent == "work_on" and "Problem Solving Officer" in answer.text


def test_is_anything_being_done_asks_what_is_done(assistant):
    answer = assistant.ask("is it safe for my daughter to walk home from town at night? is "
                           "anything being done?")
    assert answer.intent == "work_on" and "Safe Journey" in answer.text


def test_different_kinds_asks_for_the_kinds(assistant):
    answer = assistant.ask("The police split ASB reports into different kinds, don't they? What "
                           "are the kinds?")
    assert answer.status == Status.answered and "community" in answer.text
    assert assistant.ask("how many different victims of hate crime were there in Oxford?").status \
        == Status.no_answer  # distinct people, which the plan does not count


def test_words_spelt_right_are_no_misspelt_name(engine):
    frame = engine.understander.parse("how does the partnership intend to make Oxford a safer "
                                      "place?")
    assert "safe-places" not in frame.achievements
    frame = engine.understander.parse("what is the nightsaf network?")  # a real misspelling
    assert frame.programme == "nightsafe-oxford-network"


@pytest.mark.parametrize("question", [
    "A resident is unhappy with how their ASB complaints were handled - what can they do?",
    "i've complained about the neighbours ASB for months and nothing happens. is there some way "
    "to make them review it?",
])
def test_asb_complaints_not_dealt_with_point_to_the_community_trigger(assistant, question):
    answer = assistant.ask(question)
    assert answer.intent == "duties" and "Community Trigger" in answer.text
    assert assistant.ask("ASB cases in Oxford in 2021").intent != "duties"


@pytest.mark.parametrize("question, verdict", [
    ("was the council busier with ASB than the old bill in oxford in 2021?", "Yes."),
    ("were there more police ASB incidents than council cases in oxford in 2021?", "No."),
])
def test_two_tables_compared_are_judged_in_the_order_named(assistant, question, verdict):
    """Council cases 3,733 against police incidents 1,731."""
    text = assistant.ask(question).text.replace("**", "")
    assert text.startswith(verdict) and "3,733" in text and "1,731" in text


def test_a_programme_named_beside_a_topic_with_no_table_is_the_programme(assistant):
    answer = assistant.ask("what counts as predatory behaviour for the vigilant officers?")
    assert answer.intent == "achievement" and "inappropriate touching" in answer.text
    assert assistant.ask("knife crime figures for blackbird leys").status == Status.no_answer


def test_a_thing_counted_that_no_vocabulary_knows_is_not_the_table_s(assistant):
    answer = assistant.ask("How many National Referral Mechanism referrals for modern slavery came "
                           "from Oxford in 2021?")
    assert answer.status == Status.no_answer and "73" not in answer.text.split("\n")[0]
    assert "360" in assistant.ask("how many young DA victims aged 18-24").text


def test_a_topic_the_plan_describes_in_words_is_kept_beside_a_programme(engine):
    frame = engine.understander.parse("since Operation Vigilant started, has the crime severity "
                                      "score gone down?")
    assert frame.measure == "crime_severity"


@pytest.mark.parametrize("turns, status", [
    (["will asb go down next year"], Status.no_answer),
    (["domestic abuse trend oxford", "will it keep falling?"], Status.no_answer),
    (["council ASB cases 2020", "by how much did they rise the next year?"], Status.answered),
])
def test_a_figure_forecast_is_refused_but_the_table_s_next_year_is_not(assistant, turns, status):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == status
    assert ("makes no forecast" in answer.text) == (status == Status.no_answer)


def test_a_longer_place_holding_an_area_s_name_is_the_place(assistant):
    assistant.ask("free phone charging at stations")
    answer = assistant.ask("is there one at oxford parkway?")
    assert answer.status == Status.no_answer
    assert "Oxford Parkway" in answer.text and "Oxford and Didcot rail stations" in answer.text


@pytest.mark.parametrize("turns, status", [
    (["which pubs and shops are safe places?"], Status.no_answer),
    (["which venues got drink spiking kits?"], Status.no_answer),
    (["which towns got better street lighting?"], Status.answered),  # the plan names them
])
def test_which_things_a_programme_never_names_are_not_answered(assistant, turns, status):
    assert assistant.ask(turns[-1]).status == status


@pytest.mark.parametrize("question, status", [
    ("how many people have the domestic abuse housing link workers helped?", Status.no_answer),
    ("how many victims in total across the AS MART cases?", Status.no_answer),
    ("how many modern slavery cases has the new approach been used on?", Status.answered),
    ("how many recs came out of the council's DA scrutiny review?", Status.answered),
    ("how many link workers were hired?", Status.answered),
])
def test_a_programme_s_count_answers_only_a_count_of_the_thing_asked(assistant, question, status):
    answer = assistant.ask(question)
    assert answer.status == status
    if status == Status.no_answer:
        assert answer.text.startswith("The plan does not say how many")


def test_an_age_band_the_plan_does_not_give_is_refused(assistant):
    assert assistant.ask("DA victims aged 50-64?").status == Status.no_answer
    assert "360" in assistant.ask("DA victims aged 18-24?").text


@pytest.mark.parametrize("question", [
    "do you reckon the partnership is doing a good job?",
    "honestly, is oxford a safe city for students?",
    "which of the night-time schemes worked best?",
])
def test_a_judgement_asked_for_is_not_given(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "gives no judgement" in answer.text


@pytest.mark.parametrize("question, status", [
    ("Is anything being done about speeding cars and road safety on my street?", Status.no_answer),
    ("is anyone doing anything about spiking?", Status.answered),         # the plan's own word
    ("does the plan do anything about terrorism", Status.answered),       # counter-terrorism
    ("Does the partnership have anything planned on alcohol-fuelled violence in town?",
     Status.answered),
    ("Fireworks at night are a nightmare round here. What is the partnership doing about them?",
     Status.no_answer),                                                  # told, then pointed at
    ("Knife crime really scares me. What is being done about it?", Status.answered),
    ("Any plans on parking problems on the pavement?", Status.no_answer),  # parking: no park
])
def test_work_on_a_thing_the_plan_never_names_is_refused(assistant, question, status):
    assert assistant.ask(question).status == status


def test_a_year_s_figure_of_a_programme_holding_none_is_refused(assistant):
    answer = assistant.ask("drink spiking incidents reported in 2021")
    assert answer.status == Status.no_answer and "Drink spiking testing kits" in answer.text
    assert assistant.ask("has crime in oxford gone up recently?").status == Status.answered


def test_figures_asked_for_an_area_are_not_a_term_s_meaning(assistant):
    answer = assistant.ask("Is there an equivalent children's DA occurrences table for "
                           "Oxfordshire as a whole - what are the county figures?")
    assert answer.intent != "glossary" and answer.status == Status.no_answer
    assert assistant.ask("what does DA stand for?").intent == "glossary"


def test_when_of_a_priority_that_gives_no_date_is_refused(assistant):
    assistant.ask("is there a hate crime action plan?")
    answer = assistant.ask("when is it being published?")
    assert answer.status == Status.no_answer and "does not say when" in answer.text


def test_how_much_money_finds_the_programme_its_words_fit_that_holds_a_sum(assistant):
    answer = assistant.ask("how much did the council get for women's safety at night?")
    assert answer.status == Status.answered and "£426,000" in answer.text.split("\n")[0]


def test_a_printed_mark_or_number_quoted_is_explained_from_the_notes(assistant):
    answer = assistant.ask("In Table 2 there's a '+124' under the figures - what does it represent?")
    assert "2020 to 2021" in answer.text and "3,733 − 3,609" in answer.text
    assert "Table 2 prints '+124'" in answer.text
    answer = assistant.ask("what does the asterisk next to 3733 mean")
    assert answer.status == Status.no_answer and answer.text.startswith("The plan does not explain")


def test_the_pcc_plan_s_priorities_are_counted_and_unlisted_ones_refused(assistant):
    answer = assistant.ask("how many priorities are in the pcc police and crime plan")
    assert answer.text.startswith("The plan says the Police and Crime Plan sets out **5**")
    answer = assistant.ask("What are the third, fourth and fifth priorities in the Police and "
                           "Crime Plan?")
    assert answer.status == Status.no_answer


def test_a_figure_up_by_a_percentage_asks_for_the_change(assistant):
    answer = assistant.ask("plan says crime in oxford up 10% - whats the exact figure")
    assert answer.intent == "change" and "+10.2%" in answer.text.replace("**", "")


def test_which_offences_fell_lists_those_that_fell_first(assistant):
    answer = assistant.ask("which offences fell in Oxford in 2021?")
    assert answer.text.replace("**", "").startswith("- Possession of weapons in Oxford decreased")


@pytest.mark.parametrize("question, status, holds", [
    ("What was Oxford's crime severity score?", Status.no_answer, "gives no figure"),
    ("what's this crime severity score thing ive seen mentioned", Status.answered, "higher weight"),
    ("what on earth is a crime severity score?", Status.answered, "higher weight"),
    ("what happened to the crime severity score?", Status.answered, "decreased"),
])
def test_a_score_described_in_words_gives_its_meaning_and_way_not_a_value(
        assistant, question, status, holds):
    answer = assistant.ask(question)
    assert answer.status == status and holds in answer.text.replace("**", "")


def test_is_a_body_involved_in_a_programme_that_names_it_starts_with_yes(assistant):
    answer = assistant.ask("Is Oxford Brookes involved in the women's safety work?")
    assert answer.text.startswith("**Yes**: the plan names Oxford Brookes University")
    for question in ("did the mobile CCTV units make any difference?",
                     "did the council get its DAHA accreditation in the end?"):  # no one's part
        assert not assistant.ask(question).text.startswith("**Yes**")


def test_the_force_named_after_what_it_records_is_the_recorder_not_an_area(assistant):
    answer = assistant.ask("In 2021, how many more ASB cases did the council investigate than "
                           "ASB incidents TVP recorded in Oxford?")
    text = answer.text.replace("**", "")
    assert "Thames Valley" not in text and "2,002 (3,733 − 1,731)" in text
    assert "7.2%" in assistant.ask("Oxford's share of Thames Valley police-recorded ASB in "
                                   "2021?").text.replace("**", "")


def test_a_dated_question_no_table_holds_gets_no_quoted_passage_as_its_answer(assistant):
    assert assistant.ask("Prevent referrals from oxford last year?").status == Status.no_answer
    answer = assistant.ask("Which offence category does the plan single out as significantly up "
                           "in Oxford in 2021?")
    assert answer.status == Status.answered and "Public order" in answer.text


@pytest.mark.parametrize("question, status, holds", [
    ("My daughter gets the last train back into Oxford and her phone is always flat by then. Is "
     "there anything at the station to help with that?", Status.answered, "charging shelves"),
    ("I drive a taxi late at night round the city centre - is there some network I could join?",
     Status.answered, "Nightsafe"),
    ("Is St Aldates police station open to the public at weekends?", Status.no_answer, ""),
])
def test_is_there_anything_told_with_a_story_finds_the_one_programme_well_ahead(
        assistant, question, status, holds):
    answer = assistant.ask(question)
    assert answer.status == status and holds in answer.text


@pytest.mark.parametrize("question", [
    "my friend's sister was killed by her ex. does the partnership ever look into deaths like "
    "that?",
    "My cousin was killed by her ex-partner last year. Does anyone ever look back at how that was "
    "allowed to happen?",
])
def test_a_killing_by_a_partner_told_as_a_story_finds_domestic_homicide_reviews(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and "Domestic Homicide Review" in answer.text


def test_what_is_a_term_the_plan_only_names_is_not_answered_from_general_knowledge(assistant):
    answer = assistant.ask("What is naloxone?")
    assert answer.status == Status.no_answer and answer.text.startswith(
        "The plan does not say what naloxone is")
    assert "Turning Point" in assistant.ask("who provided naloxone?").text


@pytest.mark.parametrize("question, start", [
    ("are domestic abuse numbers falling?", "**Yes.** Oxford: yes, it fell by 149"),
    ("Are crime levels rising accross Oxfordshire?", "**Yes.** Oxfordshire: yes, it rose by 4,624"),
    ("is hate crime rising or falling?", "The plan gives victims of hate crime for 2021 only"),
])
def test_is_it_rising_or_falling_without_a_year_asks_the_latest_way(assistant, question, start):
    assert assistant.ask(question).text.startswith(start)


def test_explain_what_x_is_asks_its_meaning_and_plus_the_change_asks_the_change(assistant):
    answer = assistant.ask("Hi, quick one - can you explain what the Crime Severity Score is?")
    assert answer.status == Status.answered and "higher weight" in answer.text
    answer = assistant.ask("Oxfordshire's total recorded crime for 2020 and for 2021, plus how "
                           "much it changed?")
    assert "4,624" in answer.text and answer.intent == "change"


@pytest.mark.parametrize("question, asks", [
    ("Can you give me the exact Crime Severity Score figure for Oxford in 2020/21?", "figure"),
    ("could you tell me if crime went up in Oxford?", "yes_no"),
])
def test_a_request_put_as_a_question_is_no_yes_no(engine, question, asks):
    assert engine.understander.parse(question).asks == asks


@pytest.mark.parametrize("question, asks", [
    ("Who is responsible for reviewing the monitoring of OSCP's action plan?", "person"),
    ("who leads the Executive Board?", "named_person"),
])
def test_who_leads_a_body_asks_a_name_but_who_does_a_task_asks_a_body(engine, question, asks):
    assert engine.understander.parse(question).asks == asks


@pytest.mark.parametrize("question, holds", [
    ("county lines - what's being done?", "county lines"),
    ("bike theft - what's the partnership doing?", "Bike Crime Reduction Partnership"),
    ("alcohol-related violence - what's planned?", "Problem Solving Officer"),
])
def test_shorthand_topic_then_what_is_done_asks_the_work(assistant, question, holds):
    answer = assistant.ask(question)
    assert answer.intent == "work_on" and holds.lower() in answer.text.lower()


def test_who_is_asking_restricts_nothing(assistant):
    answer = assistant.ask("I'm a school governor and I was wondering how many domestic abuse "
                           "occurrences involving children there were over the whole of 2020/21?")
    assert answer.status == Status.answered and "1,581" in answer.text
    assert assistant.ask("as a share of Banbury's crime, how much is Oxford's?").status \
        == Status.no_answer


@pytest.mark.parametrize("question, status", [
    ("Please provide the number of people who have used the Safe Places.", Status.no_answer),
    ("Please provide the date of the next OSCP meeting.", Status.no_answer),
    ("Summarise the plan's 2022-23 commitments on domestic abuse.", Status.answered),
    ("hate crime - rising or falling?", Status.no_answer),
])
def test_instructions_and_shorthand_ask_what_their_words_ask(assistant, question, status):
    assert assistant.ask(question).status == status


def test_police_response_times_are_a_topic_the_plan_has_no_figures_for(assistant):
    answer = assistant.ask("how quickly do police respond in oxford?")
    assert answer.status == Status.no_answer
    assert answer.text.startswith("The OSCP Rolling Plan 2022-23 does not include figures for "
                                  "police response times")


@pytest.mark.parametrize("question, holds", [
    ("I was reading the plan and it says Oxford's crime went up by 10 per cent. Could you check "
     "whether that figure is actually correct?", "10.2"),
    ("hiya, is the council dealing with more antisocial behaviour cases nowadays than it used "
     "to?", "3,733"),
])
def test_what_the_asker_was_doing_and_now_against_before_restrict_nothing(assistant, question, holds):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and holds in answer.text


@pytest.mark.parametrize("question, status", [
    ("What did Neighbourhood Watch do in that knife crime operation in Blackbird Leys?",
     Status.answered),   # the operation's own place
    ("knife crime incidents in blackbird leys last year?", Status.no_answer),  # a figure there
])
def test_a_place_a_programme_names_answers_what_was_done_there_not_a_figure(
        assistant, question, status):
    assert assistant.ask(question).status == status


def test_a_count_of_people_from_a_table_of_occurrences_is_refused(assistant):
    answer = assistant.ask("How many children in Oxford are living with domestic abuse?")
    assert answer.status == Status.no_answer and "not children" in answer.text
    assert "360" in assistant.ask("how many people aged 18 to 24 were victims of domestic "
                                  "abuse?").text


def test_an_everyday_word_opening_the_question_before_a_topic_is_the_place(assistant):
    assert assistant.ask("reading hate crime figures?").status == Status.no_answer
    answer = assistant.ask("I was reading the plan and it says Oxford's crime went up by 10 per "
                           "cent. Is that right?")
    assert answer.status == Status.answered


def test_a_topic_the_repeat_table_does_not_break_out_is_no_figure(assistant):
    """Repeat victimisation is given for some topics only; hate crime victims who were repeat
    victims are not a share of hate crime the plan can give."""
    answer = assistant.ask("What percentage of hate crime victims in Oxford were repeat victims?")
    assert answer.status == Status.no_answer and "44.1" not in answer.text


def test_a_sum_in_a_term_s_meaning_answers_how_much(assistant):
    answer = assistant.ask("how much was the vawg money")
    assert answer.status == Status.answered and "£426,000" in answer.text


@pytest.mark.parametrize("question, word, written", [
    ("how many cases thru the pathway", "through", "thru"),
    ("whats this crime severity score thing people keep quoting", "what", "whats"),
])
def test_shorthand_is_read_as_the_word(assistant, question, word, written):
    frame, _ = assistant.interpret(question)
    assert word in frame.tokens and written not in frame.tokens


@pytest.mark.parametrize("question", [
    "How can I tell the partnership what worries me about safety in my area?",
    "how do I raise concerns about drug dealing on my street",
])
def test_how_to_be_heard_is_the_plan_s_consultation_and_how_to_report(assistant, question):
    """Telling the partnership one's worries is how it hears residents (its Common Place
    consultation); reporting a crime is signposted, not answered from the plan."""
    answer = assistant.ask(question)
    assert answer.status == Status.answered and "Common Place" in answer.text
    assert "101" in answer.text


def test_what_topic_work_the_partnership_does_is_its_work_on_the_topic(assistant):
    answer = assistant.ask("What counter-terrorism work does OSCP support?")
    assert "Prevent" in answer.text and "1998" not in answer.text


@pytest.mark.parametrize("question", [
    "What's the email address to report safety concerns to the OSCP?",
    "what are the partnership's opening hours?",
])
def test_contact_details_are_never_the_plan_s(assistant, question):
    """The plan gives no contact details, whatever they are asked of (here the partnership,
    whose description would otherwise be offered)."""
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "contact" in answer.text


def test_what_money_bought_is_the_thing_not_the_sum(assistant):
    frame, _ = assistant.interpret("What did OSCP provide funding to TVP to buy?")
    assert frame.asks == "spent_on"
    assert "spiking" in assistant.ask("What did OSCP provide funding to TVP to buy?").text
    frame, _ = assistant.interpret("how much did OSCP give TVP to buy the drink spiking kits?")
    assert frame.asks == "money"


def test_a_kind_of_crime_named_beside_crime_is_the_topic_of_the_work_asked(assistant):
    """"Online scams and cyber crime": the plan does nothing on scams; that it does much on
    crime in general is no answer."""
    answer = assistant.ask("What's being done about online scams and cyber crime?")
    assert answer.status == Status.no_answer and "scams" in answer.text
    assert assistant.ask("what is being done about crime?").status == Status.answered


def test_yes_or_no_of_a_term_with_every_word_known_is_what_the_plan_says_of_it(assistant):
    answer = assistant.ask("I heard there might be one big CCTV hub for the whole county. "
                           "Is that actually happening?")
    assert answer.status == Status.answered and "feasibility" in answer.text
    answer = assistant.ask("Can ordinary members of the public log into the Interact dashboard?")
    assert answer.status == Status.no_answer  # "ordinary members": a detail it does not give


def test_a_clause_saying_how_things_feel_restricts_nothing(assistant):
    """"feels like there's knives everywhere now": context; the question is the clause after."""
    answer = assistant.ask("feels like theres knives everywhere now, has weapon crime gone up?")
    assert answer.status == Status.answered and "Possession of weapons" in answer.text
    frame, _ = assistant.interpret("has weapon crime in cowley gone up, i think")
    assert any(u.role == "place" for u in frame.unknown)  # the last clause is never context


@pytest.mark.parametrize("turns, funder", [
    (["drink spiking — what's being done?", "who funded the kits?"], "OSCP"),
    (["who paid for the Safe Places scheme"], "Police and Crime Commissioner"),  # its parent's
])
def test_who_paid_is_the_programme_s_funder(assistant, turns, funder):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == Status.answered and funder in answer.text


def test_a_topic_word_inside_a_long_name_is_the_name(assistant):
    """"violence" in "violence against women and girls" is not violent crime."""
    frame, _ = assistant.interpret("The council got half a million pounds for violence against "
                                   "women and girls work - true?")
    assert frame.measure is None and "VAWG" in frame.glossary
    assert any(n.value == 500000 and n.kind == "money" for n in frame.numbers)


def test_how_much_of_a_programme_found_by_its_words_is_its_sum(assistant):
    answer = assistant.ask("How much was Oxford City Council awarded to tackle violence against "
                           "women and girls?")
    assert answer.intent == "achievement" and "£426,000" in answer.text


@pytest.mark.parametrize("turns", [
    ["Is Oxford the safest city in the Thames Valley?"],  # a judgement
    ["is the plan any good?"],
    ["will the Serious Violence Duty actually make any difference?"],  # a result to come
    ["Has the number of DA housing link workers gone up since this plan?"],  # after the plan
    ["what's the Nightsafe network?", "how can my takeaway sign up to join it?"],  # how to
])
def test_what_the_plan_cannot_say_is_no_answer(assistant, turns):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == Status.no_answer


@pytest.mark.parametrize("question, intent", [
    ("what's the plan doing on bike theft", "work_on"),  # "doing on" a topic: its work
    ("what's being done on hate crime?", "work_on"),
    ("What is the council doing to make women feel safer getting home late at night?", "work_on"),
    ("oscp plans re cctv for 22-23?", "work_on"),  # "re" is "on"
    ("Briefly explain the Crime Severity Score and who developed it.", "glossary"),  # what it is
    ("explain the fall in domestic abuse", "why"),  # why it fell
    ("oxford hate crime victims - % race-based?", "share"),  # one part as a per cent
    ("Please provide the 2021 figure.", "clarify"),  # "provide" is how it is asked
    ("List the council teams that handle anti-social behaviour.", "method"),  # who counts them
    ("has domestic abuse in oxford been higher or lower lately?", "trend"),  # either way
])
def test_the_wording_chooses_the_intent(assistant, question, intent):
    _, match = assistant.interpret(question)
    assert match.intent == intent


@pytest.mark.parametrize("question, label", [
    ("Which table shows hate crime victims by strand?", "Table 8"),
    ("what table are the council's ASB cases in?", "Table 2"),
    ("Which chart shows the ages of domestic abuse perpetrators?", "Chart 4"),
])
def test_which_table_names_the_table_that_counts_it(assistant, question, label):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and answer.text.startswith(f"**{label}:")


def test_several_terms_asked_at_once_are_each_expanded(assistant):
    answer = assistant.ask("What do FGM and HBV stand for?")
    assert answer.status == Status.answered
    assert "Female Genital Mutilation" in answer.text and "Honour Based Violence" in answer.text
    assistant.reset()
    neither = assistant.ask("what do JTAC and TTCG stand for?")  # the plan expands neither
    assert neither.status == Status.no_answer


def test_a_count_the_plan_states_in_words_answers_how_many_of_a_programme(assistant):
    """"Four cases" of the new slavery pathway, asked of the pathway or after it; the victims
    table counts victims, not cases through the pathway."""
    first = assistant.ask("how many cases thru the new anti slavery pathway so far")
    assert first.status == Status.answered and "**4** (four cases)" in first.text.split("\n")[0]
    assistant.reset()
    later = ask(assistant, "AS MART - what is it?", "how many cases handled?")
    assert later.status == Status.answered and "four cases" in later.text
    assistant.reset()
    victims = assistant.ask("how many modern slavery victims in oxford?")
    assert victims.status == Status.answered and "**73**" in victims.text


def test_a_ranking_of_a_table_with_one_area_ranks_its_years(assistant):
    answer = assistant.ask("biggest yoy jump in council asb cases?")
    assert answer.status == Status.answered and "2019 to 2020" in answer.text
    assert has_number(answer.text, 809) and "3,609 − 2,800" in answer.text


def test_a_part_of_another_table_after_against_restricts(assistant):
    answer = assistant.ask("how many hate crimes against older people were recorded in Oxford?")
    assert answer.status == Status.no_answer and "older people" in answer.text


@pytest.mark.parametrize("turns, total, working", [
    (("oxford crime in 2021", "add the 2020 figure to that"), 30454, "14,490 + 15,964"),
    (("DA victims 25-49", "add the 18-24 group"), 1482, "360 + 1,122"),
])
def test_adding_a_figure_to_the_last_one_totals_them(assistant, turns, total, working):
    answer = ask(assistant, *turns)
    assert answer.status == Status.answered and has_number(answer.text, total)
    assert working in answer.text


@pytest.mark.parametrize("question, named", [
    ("does the partnership work with the universities?", "Oxford Brookes University"),
    ("were the unis involved in the women's night safety project?", "Oxford Brookes University"),
    ("Does Oxford Brookes University take part in the work on women's safety?",
     "Oxford Brookes University"),
])
def test_a_body_asked_about_is_found_among_a_programmes_partners(assistant, question, named):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and answer.text.startswith("**Yes**")
    assert named in answer.text.split("\n")[0]


def test_programmes_set_aside_leave_the_others_under_their_heading(assistant):
    answer = assistant.ask("Apart from CCTV and lighting, what other changes to the streets "
                           "were made?")
    assert answer.status == Status.answered
    listed = answer.text.split("\n", 1)[1]
    assert "sight-lines" in listed.lower()
    assert "Improved street lighting" not in listed and "Upgrading of CCTV" not in listed
    assistant.reset()
    county = assistant.ask("domestic abuse offences in Oxfordshire in 2021 apart from Oxford")
    assert county.status == Status.answered and has_number(county.text, 5388)


def test_an_outcome_the_plan_never_reports_is_not_answered_by_what_was_done(assistant):
    answer = assistant.ask("Has anyone in Oxford actually been charged with spiking someone's "
                           "drink?")
    assert answer.status == Status.no_answer and "charged" in answer.text
    assistant.reset()
    phone = assistant.ask("is there anywhere I can charge my mobile when I'm out late?")
    assert phone.status == Status.answered and "charging shelves" in phone.text.lower()


def test_an_expansion_the_plan_never_prints_is_no_answer_when_the_plans_is_asked(assistant):
    in_plan = assistant.ask("what does HMO stand for in the plan?")
    assert in_plan.status == Status.no_answer and "House in Multiple Occupation" in in_plan.text
    assert "not from the plan" in in_plan.text
    assistant.reset()
    anywhere = assistant.ask("what does HMO stand for?")
    assert anywhere.status == Status.answered and "House in Multiple Occupation" in anywhere.text


def test_an_item_of_the_last_list_is_found_by_its_number(assistant):
    third = ask(assistant, "what are the pcc's priorities", "whats number 3?")
    assert third.status == Status.no_answer and "does not give priority 3" in third.text
    assistant.reset()
    second = ask(assistant, "what are the pcc's priorities", "and number 2?")
    assert second.status == Status.answered and "county lines" in second.text
    assistant.reset()
    own = ask(assistant, "list oscp's priorities", "tell me about number 3")
    assert own.status == Status.answered and "Modern Slavery Strategy" in own.text


def test_which_ones_of_a_kind_the_plan_names_only_as_a_kind_is_no_answer(assistant):
    schools = assistant.ask("Which schools in Blackbird Leys ran the Mini Police?")
    assert schools.status == Status.no_answer and "does not name the schools" in schools.text
    assistant.reset()
    councils = assistant.ask("which district councils took part in safe journey safe destination?")
    assert councils.status == Status.answered and "Vale of White Horse" in councils.text


@pytest.mark.parametrize("turns", [
    ("scrutiny review of DA services", "how many recommendations have been completed so far?"),
    ("What did the domestic abuse scrutiny review recommend?",
     "how many of those have been done so far?"),
])
def test_how_many_are_done_of_what_the_plan_says_is_still_to_come(assistant, turns):
    answer = ask(assistant, *turns)
    assert answer.status == Status.no_answer and "will be completed" in answer.text
    assistant.reset()
    made = ask(assistant, turns[0], "how many recommendations did it make?")
    assert made.status == Status.answered and has_number(made.text, 48)


@pytest.mark.parametrize("question", [
    "Who wrote the report on modern slavery that the plan mentions?",
    "Who wrote the commissioned report into modern slavery and exploitation?",
])
def test_who_wrote_a_report_the_plan_names_no_author_of_is_no_answer(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "does not say who wrote it" in answer.text


def test_kinds_of_what_a_table_never_breaks_down_are_no_answer(assistant):
    work = assistant.ask("What kind of work were the slavery victims being forced to do?")
    assert work.status == Status.no_answer and "kind of work" in work.text
    assistant.reset()
    crimes = assistant.ask("Which kinds of crime went down in Oxford in 2021?")
    assert crimes.status == Status.answered and "weapons" in crimes.text.lower()


def test_a_kind_of_programme_on_a_topic_with_no_table_finds_the_programme(assistant):
    answer = assistant.ask("is there an operation on knife crime?")
    assert answer.status == Status.answered and "Op Beaming II" in answer.text
    assistant.reset()
    figures = assistant.ask("knife crime figures for oxford 2021")
    assert figures.status == Status.no_answer
    assert "does not include figures for knife crime." in figures.text


@pytest.mark.parametrize("question", [
    "how can residents actually tell the partnership what worries us about crime round here?",
    "How will OSCP find out what local people are worried about in terms of community safety?",
])
def test_how_residents_are_heard_is_the_consultation(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and "Common Place" in answer.text


def test_a_real_word_is_no_misspelt_topic(assistant):
    """"facial" is a word of its own, not "racial" misspelt; "investigate" is a form of the
    council table's "investigated"."""
    answer = assistant.ask("Does Oxford's CCTV network use live facial recognition?")
    assert answer.status == Status.no_answer and "420" not in answer.text
    answer = assistant.ask("how many asb cases did the city council's team investigate in 2021")
    assert answer.status == Status.answered and "3,733" in answer.text


def test_a_time_in_the_story_told_is_not_the_time_asked(assistant):
    answer = assistant.ask("I've been called a racial slur twice this month at the bus stop and "
                           "nobody did anything. How many race hate crime victims were recorded "
                           "in Oxford?")
    assert answer.status == Status.answered and "420" in answer.text


@pytest.mark.parametrize("question", ["is cycle crime covered in the plan?",
                                      "does the plan cover stolen bikes?"])
def test_a_topic_with_no_table_asked_of_is_answered_from_the_work_on_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and "Bike Crime Reduction Partnership" in answer.text


@pytest.mark.parametrize("question", [
    "The Nightsafe priority says it builds on an earlier project. Which one?",
    "What's the Nightsafe priority for 22-23 trying to tackle?"])
def test_the_priority_naming_a_programme_is_what_a_question_on_that_priority_asks(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and "Safer Streets 3" in answer.text


def test_a_topic_with_figures_and_no_work_on_it_is_answered_from_its_figures(assistant):
    answer = assistant.ask("The shops on Cornmarket say shoplifting is out of control. What does "
                           "the plan say about shoplifting?")
    assert answer.status == Status.answered and "decrease" in answer.text


@pytest.mark.parametrize("question", [
    "what happened to the victims in the slavery cases that were closed?",
    "why were two of the slavery cases closed?"])
def test_what_no_table_breaks_out_is_told_by_the_achievement_holding_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and "housing" in answer.text


def test_whether_a_priority_is_under_a_pcc_priority_is_checked_against_its_link(assistant):
    answer = assistant.ask("Is the bike crime priority part of the county lines heading?")
    assert answer.text.lstrip("*").startswith("No") and "PCC priority 1" in answer.text


@pytest.mark.parametrize("turns, working", [
    (["faith hate crime victims in oxford", "how many more in thames valley?"], "235 − 40"),
    (["total crime oxford 2021", "how many more in oxfordshire?"], "46,597 − 15,964"),
])
def test_how_many_more_in_another_area_is_more_than_in_the_last(assistant, turns, working):
    """A follow-up naming another area and asking how many more compares the two areas, the
    one named first, rather than asking how the figure changed over time."""
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == Status.answered and working in answer.text


@pytest.mark.parametrize("question, verdict, latest", [
    ("Is domestic abuse in Oxford at a five-year low?", "**Yes.**", "1,768"),
    ("Is domestic abuse in Oxfordshire at a five-year low?", "**No.** 2021 had 7,156", "6,986"),
    ("people say domestic abuse in Oxford is at its highest in five years - true?", "**No.**",
     "1,917"),
])
def test_a_high_or_low_claimed_of_no_year_is_claimed_of_the_latest(assistant, question, verdict,
                                                                     latest):
    answer = assistant.ask(question)
    assert answer.status == Status.answered and answer.text.startswith(verdict)
    assert latest in answer.text


def test_a_count_asked_of_the_duty_just_given_is_not_a_count_of_the_duties(assistant):
    assistant.ask("what is the duty to carry out domestic homicide reviews?")
    answer = assistant.ask("how many were carried out in 2021?")
    assert answer.status == Status.no_answer
    assert "does not say how many for Domestic Homicide Reviews" in answer.text


def test_a_topic_the_plan_has_no_table_for_beats_a_column_reached_by_a_breakdown(assistant):
    """"Older people" is a column of domestic abuse victims' ages; "scams" names fraud outright,
    which the plan does not count, so the question is refused, not given the ages' figure."""
    answer = assistant.ask("how many pensioners in Oxford fell victim to scams in 2021?")
    assert answer.status == Status.no_answer and "362" not in answer.text
    assistant.reset()
    answer = assistant.ask("How many crimes were recorded in Oxford in 2021, excluding fraud?")
    assert answer.status == Status.answered and "15,964" in answer.text


@pytest.mark.parametrize("question, status", [
    ("how many Thames Valley modern slavery victims were trafficked rather than enslaved?",
     Status.no_answer),                                  # one figure for both in Table 7
    ("how many hate crime victims in Oxford were homophobic rather than transphobic?",
     Status.answered),                                   # both are strands of Table 8
])
def test_a_count_split_into_kinds_is_given_only_where_both_are_parts_of_its_table(
        assistant, question, status):
    assert assistant.ask(question).status == status


def test_a_word_negating_a_known_one_restricts_the_figure(assistant):
    """"Non-police agencies": all but the police reports the table counts."""
    answer = assistant.ask("Thames Valley modern slavery victims known to non-police agencies")
    assert answer.status == Status.no_answer and "613" not in answer.text.split("closest")[0]


@pytest.mark.parametrize("question, status", [
    ("What did the partnership achieve in 2020?", Status.no_answer),
    ("what night-time economy work was done in 2019?", Status.no_answer),
    ("When was Operation Vigilant introduced?", Status.answered),   # its words name 2019
    ("what were OSCP's achievements in 2021?", Status.answered),
])
def test_the_work_of_a_year_the_plan_does_not_report_is_refused(assistant, question, status):
    answer = assistant.ask(question)
    assert answer.status == status
    if status == Status.no_answer:
        assert "reports what the partnership did in 2021" in answer.text


def test_whether_a_programme_carries_on_is_after_the_plan_unless_it_is_annual(assistant):
    answer = assistant.ask("Will the Nightsafe network continue next year?")
    assert answer.status == Status.no_answer and "does not say what will become of it" in answer.text
    assistant.reset()
    answer = assistant.ask("Will Op Beaming run again next year?")
    assert answer.status == Status.answered and "annual" in answer.text


def test_a_real_word_is_not_read_as_a_misspelling_of_another(assistant):
    """"Offices" is a word of its own, not a misspelt "officers"."""
    frame, _ = assistant.interpret("Where are OSCP's offices?")
    assert frame.measure != "police_numbers"


@pytest.mark.parametrize("question", ["terrorism incidents oxford",
                                      "community trigger cases 2021"])
def test_incidents_of_a_topic_with_no_table_are_figures_the_plan_lacks(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == Status.no_answer and "gives no figures for that" in answer.text


def test_a_change_as_a_percentage_of_a_year_is_the_change_not_a_share(assistant):
    answer = assistant.ask("the fall in Oxford domestic abuse offences from 2020 to 2021 as a "
                           "percentage of the 2020 figure?")
    assert answer.intent == "change" and "-149 ÷ 1,917" in answer.text


def test_quarters_of_a_table_named_are_its_figures_not_a_programme_sharing_words(assistant):
    answer = assistant.ask("Combined child-involved domestic occurrences for the first three "
                           "quarters of 2021/2022?")
    assert answer.status == Status.answered and "1,203" in answer.text
