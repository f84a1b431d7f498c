"""Conversations: follow-ups carry what was said before, reset() forgets it, vague questions get
a choice of concrete questions, and what the plan lacks gets a plain no_answer."""

from __future__ import annotations

import pytest
from conftest import ask, has_number, numbers_in, read_figures, status_of

from oscp_qa import Assistant

FIGURES = read_figures()

FOLLOW_UPS = [
    # turns, intent of the last answer, numbers it must show, numbers it must not show
    (["recorded crime in oxford in 2021", "and in Oxfordshire?"], "lookup", [46597], [15964]),
    (["faith hate crime in the city", "and county-wide?"], "lookup", [61], [40]),
    (["faith hate crime oxford", "and county-wide?", "and thames valley?"], "lookup", [235], [61]),
    (["CSE victims across thames valley", "what about the city itself?"], "lookup", [24], [314]),
    (["council asb cases 2020", "what about 2019?"], "lookup", [2800], [3609]),
    (["domestic abuse offences oxford 2020", "and in oxfordshire?", "what about 2018?"], "lookup",
     [7163], [1896, 7851]),
    (["crime in oxford 2021", "how does that compare with thames valley?"], "compare_areas",
     [15964, 171119], []),
    (["modern slavery victims in oxford", "how does that compare with Thames Valley?"],
     "compare_areas", [73, 613], []),
    (["how did crime change in oxford from 2020 to 2021", "and in Oxfordshire?"], "change",
     [4624, 11.02], [1474]),
    (["domestic abuse offences oxfordshire 2018", "and the following year?"], "lookup", [7285],
     []),
    (["domestic abuse offences oxfordshire 2018", "and the year before?"], "lookup", [6986],
     [7285]),
    (["children in domestic abuse jul-sep 2019/20", "and the following year?"], "lookup", [440],
     [387, 359, 395]),
    (["children in domestic abuse incidents jul-sep 2018/19", "and jan-mar?"], "lookup", [353],
     [414]),
    (["council asb cases 2019", "and the following year?", "and the following year?"], "lookup",
     [3733], []),
    (["compare hate crime across areas", "what about transphobic?"], "compare_areas",
     [26, 55, 163], [420, 873]),
    (["total hate crime in oxford", "and in thames valley?"], "total", [5507], [594]),
    (["which hate crime strand was highest in oxford", "and in oxfordshire?"], "rank", [873],
     [420]),
    (["da offences oxford 2020", "what's the trend?"], "trend", [1894, 1917, 1768], []),
    (["hate crime in oxford", "how many were recorded in 2021?"], "lookup", [420, 26], []),
]


@pytest.mark.parametrize("turns, intent, shown, hidden", FOLLOW_UPS,
                         ids=[" / ".join(f[0])[:70] for f in FOLLOW_UPS])
def test_follow_up_carries_the_conversation(assistant, turns, intent, shown, hidden):
    answer = ask(assistant, *turns)
    assert (status_of(answer), answer.intent) == ("answered", intent), answer.text
    for number in shown:
        assert has_number(answer.text, number), (number, answer.text)
    for number in hidden:
        assert not has_number(answer.text, number), (number, answer.text)


@pytest.mark.parametrize("turns, fragment", [
    (["how did crime change in oxford from 2020 to 2021", "why?"], "covid"),
    (["domestic abuse offences in oxford 2021", "why?"], "covid"),
    (["tell me about SAVI", "who is it aimed at?"], "licensed premises"),
    (["what is operation vigilant", "when was it introduced?"], "2019"),
    (["which pcc priority does the modern slavery work link to",
      "what does that pcc priority say?"], "county lines"),
])
def test_follow_up_on_words(assistant, turns, fragment):
    answer = ask(assistant, *turns)
    assert status_of(answer) == "answered", answer.text
    assert fragment in answer.text.lower(), answer.text


def test_why_follow_up_is_about_the_measure_asked(assistant):
    answer = ask(assistant, "how did crime change in oxford from 2020 to 2021", "why?")
    assert answer.intent == "why"
    assert any("Table 1" in source for source in answer.sources), answer.sources


# --- reset ---------------------------------------------------------------------------------------

RESETS = [
    ("council asb cases 2020", "what about 2019?", [2800, 3609]),
    ("hate crime race oxford", "and in thames valley?", [3846, 420]),
    ("how did crime change in oxford from 2020 to 2021", "and in Oxfordshire?", [4624, 1474]),
    ("domestic abuse offences oxfordshire 2018", "and the following year?", [7285, 7163]),
]


@pytest.mark.parametrize("first, follow_up, numbers", RESETS, ids=[r[1] for r in RESETS])
def test_reset_forgets(assistant, first, follow_up, numbers):
    assistant.ask(first)
    assistant.reset()
    answer = assistant.ask(follow_up)
    assert status_of(answer) in ("clarify", "no_answer"), answer.text
    for number in numbers:
        assert not has_number(answer.text, number), answer.text


def test_conversations_on_one_engine_are_separate(engine):
    first, second = Assistant(engine), Assistant(engine)
    first.ask("council asb cases 2020")
    answer = second.ask("what about 2019?")
    assert status_of(answer) == "clarify"
    assert status_of(first.ask("what about 2019?")) == "answered"


# --- clarify -------------------------------------------------------------------------------------

VAGUE = [
    "how many were there?",
    "what's the figure for 2020?",
    "what was the share?",
    "how much did it go up?",
    "give me the total",
    "why?",
    "and in Oxfordshire?",
    "what about 2019?",
    "numbers please",
    "is it going up?",
    "which was larger",
    "and the year before?",
    "compare them",
]


@pytest.mark.parametrize("question", VAGUE)
def test_vague_question_without_context_asks_which(assistant, question):
    answer = assistant.ask(question)
    assert status_of(answer) == "clarify", answer.text
    assert 2 <= len(answer.options) <= 4, answer.options
    assert not answer.facts


@pytest.mark.parametrize("question", ["how many were there?", "what's the figure for 2020?",
                                      "what about 2019?"])
def test_clarify_options_can_be_answered(engine, question):
    options = Assistant(engine).ask(question).options
    assert options
    for option in options:
        answer = Assistant(engine).ask(option)
        assert status_of(answer) == "answered", (option, answer.text)


@pytest.mark.parametrize("question, year", [("what's the figure for 2020?", "2020"),
                                            ("what about 2019?", "2019")])
def test_clarify_options_keep_the_year_asked(assistant, question, year):
    answer = assistant.ask(question)
    assert answer.options and all(year in option for option in answer.options), answer.options


# --- no answer -----------------------------------------------------------------------------------


def values_except(measure: str, period: str | None) -> set[float]:
    """The measure's counts for every period but the one asked: none may be given as the
    answer. With no measure, every count of 100 or more in the plan."""
    if measure is None:
        return {r["value"] for r in FIGURES if r["stat"] == "count" and r["value"] >= 100}
    return {r["value"] for r in FIGURES
            if r["measure"] == measure and r["stat"] == "count" and r["period"] != period}


NO_ANSWERS = [
    # turns, measure and period asked (for the figures that must not appear), what the plan
    # does hold that the text must say
    (["hate crime victims in oxford in 2019"], "hate_crime", "2019", ["2021"]),
    (["domestic abuse offences oxford 2016"], "da_offences", "2016", ["2017", "2021"]),
    (["recorded crime in oxfordshire back in 2019"], "total_crime", "2019", ["2020", "2021"]),
    (["asb cases the council investigated in 2018"], "asb_council", "2018", ["2019", "2021"]),
    (["police asb incidents in 2020"], "asb_police", "2020", ["2021"]),
    (["modern slavery victims oxford", "what about 2020?"], "modern_slavery", "2020", ["2021"]),
    (["domestic abuse offences in oxford, latest year", "what about 2022?"], "da_offences",
     "2022", ["2021"]),
    (["which year had the most domestic abuse in oxford", "what about 2022?"], "da_offences",
     "2022", ["2021"]),
    (["council asb cases 2021", "and the following year?"], "asb_council", "2022", ["2021"]),
    (["how many burglaries were there in oxford last year"], None, None, ["has figures for"]),
    (["what's oxford's crime rate per 1,000 residents"], None, None, ["has figures for"]),
    (["how many police officers does thames valley have"], None, None, ["has figures for"]),
    (["number of sexual offences in the city"], None, None, ["has figures for"]),
    (["children in domestic abuse incidents jan-mar 2021/22"], "da_children", "2021/22",
     ["blank", "October to December 2021/22"]),
    (["total children in domestic abuse occurrences for 2021/22"], "da_children", "2021/22",
     ["blank"]),
    (["by what percentage did public order offences rise"], "crime_types", None,
     ["Chart 2", "increased"]),
    (["how many robberies were there in oxford in 2021"], "crime_types", None,
     ["Chart 2", "decreased"]),
    (["exact % fall in shoplifting in the city"], "crime_types", None, ["Chart 2", "decreased"]),
    (["violent crime in oxford", "what was the percentage?"], "crime_types", None, ["Chart 2"]),
    (["robbery in oxford", "by how much, in per cent?"], "crime_types", None, ["Chart 2"]),
]


@pytest.mark.parametrize("turns, measure, period, holds", NO_ANSWERS,
                         ids=[" / ".join(n[0])[:70] for n in NO_ANSWERS])
def test_no_answer_says_what_the_plan_holds(assistant, turns, measure, period, holds):
    answer = ask(assistant, *turns)
    assert status_of(answer) == "no_answer", answer.text
    assert not answer.facts, "a no_answer presents no figure"
    for fragment in holds:
        assert fragment.lower() in answer.text.lower(), (fragment, answer.text)
    wrong = values_except(measure, period) & set(numbers_in(answer.text))
    assert not wrong, f"figures {wrong} from another year or topic: {answer.text}"


@pytest.mark.parametrize("turns, present, absent", [
    # another table the same words name: the council's cases, not the police's incidents
    (["police asb oxford", "and the council figures?"], [3733], [1731]),
    # a term's table is not switched by a word of another ("cases" is the council's word)
    (["What does FGM stand for?", "how many cases in Thames Valley?"], [9], [3733]),
    # "compare with 2020" after one year: the change between the two
    (["total crime oxford 2021", "how does that compare with 2020?"], [14490, 15964, 1474], []),
    # "is that more than X?": the part asked about first, the new one second
    (["homophobic hate crime in Oxford", "is that higher than disablist?"], [64, 44, 20], []),
    # "as a % of all": the part carried into a share of its area
    (["transphobic hate crime oxford", "as a % of all oxford hate crime?"], [26, 594], [1348]),
])
def test_follow_ups_resolve_against_the_last_answer(assistant, turns, present, absent):
    answer = ask(assistant, *turns)
    assert status_of(answer) == "answered"
    assert all(has_number(answer.text, n) for n in present), answer.text
    assert not any(has_number(answer.text, n) for n in absent), answer.text


def test_which_ones_filters_the_list_just_given(assistant):
    answer = ask(assistant, "what are oscp's priorities?", "which ones are about asb?")
    assert answer.intent == "priorities" and "anti-social behaviour" in answer.text.lower()


def test_a_follow_up_found_only_by_a_shared_word_stays_on_the_programme(assistant):
    assistant.ask("What was Op Beaming II?")
    answer = assistant.ask("Which organisations took part?")
    assert answer.subject == "achievement:op-beaming-ii" and "Turning Point" in answer.text


def test_a_follow_up_may_move_to_a_programme_on_the_same_theme(assistant):
    assistant.ask("What is the Nightsafe Oxford Network?")
    answer = assistant.ask("What training do its members get?")
    assert answer.subject == "achievement:nightsafe-training-programmes"


def test_who_set_up_an_initiative_is_answered_from_the_one_it_was_set_up_under(assistant):
    assistant.ask("What is the Safe Places scheme?")
    answer = assistant.ask("who set it up?")
    assert status_of(answer) == "answered"
    assert answer.text.startswith("Safe Places scheme is one of the initiatives of Safe Journey")
    assert "Oxford City Council" in answer.text


def test_the_money_of_the_whole_is_not_given_as_a_parts(assistant):
    assistant.ask("What is the Safe Places scheme?")
    answer = assistant.ask("how much money did it get?")
    assert status_of(answer) == "no_answer" and "426,000" not in answer.text.splitlines()[0]


@pytest.mark.parametrize("turns, first, working", [
    (["kids involved in DA oct-dec 21/22", "up or down on the yr before?"],
     "**Oxford, October to December: up.**", "375 − 359"),
    (["crime in oxford 2021", "how does that compare with the year before?"], None,
     "15,964 − 14,490"),
])
def test_the_year_before_a_figure_is_compared_with_it(assistant, turns, first, working):
    for turn in turns:
        answer = assistant.ask(turn)
    assert status_of(answer) == "answered" and working in answer.text
    assert first is None or answer.text.startswith(first)


@pytest.mark.parametrize("turns, status, holds", [
    (["what is DAHA", "how many link workers were recruited for it?"], "answered", "two full time"),
    (["Tell me about the scrutiny review into domestic abuse services.",
      "How many of the recommendations have been implemented so far?"], "no_answer", None),
])
def test_a_count_of_a_programme_or_of_some_of_it(assistant, turns, status, holds):
    for turn in turns:
        answer = assistant.ask(turn)
    assert status_of(answer) == status and (holds is None or holds in answer.text)


@pytest.mark.parametrize("first, then, holds", [
    ("kids in DA incidents oct-dec 2018/19", "and the next quarter?", "January to March 2018/19"),
    ("kids in DA incidents jan-mar 2018/19", "and the next quarter?", "April to June 2019/20"),
    ("kids in DA incidents apr-jun 2019/20", "what about the quarter before?",
     "January to March 2018/19"),
])
def test_the_quarter_next_to_the_last_one(assistant, first, then, holds):
    assistant.ask(first)
    assert holds in assistant.ask(then).text


def test_the_quarters_words_name_are_the_financial_years(kb):
    from oscp_qa.numbers import QUARTERS
    assert set(kb.language.words.quarters) == set(QUARTERS)


def test_how_many_of_one_part_after_a_ranking_is_that_parts_figure(assistant):
    assistant.ask("Which age group had the most domestic abuse victims?")
    answer = assistant.ask("and how many were over 65?")
    assert status_of(answer) == "answered" and "**362**" in answer.text


@pytest.mark.parametrize("first, then, holds", [
    ("DA occurrences involving children Oct-Dec 2021/22", "and the same quarter two years before?",
     "October to December 2019/20: **373**"),
    ("domestic abuse offences in oxford in 2021", "what about three years earlier?",
     "Oxford, 2018: **1,896**"),
])
def test_some_years_before_the_last_figure(assistant, first, then, holds):
    assistant.ask(first)
    assert holds in assistant.ask(then).text


def test_that_after_a_ranking_is_the_top_one(assistant):
    assistant.ask("Oxfordshire hate crime victims across every strand")
    assistant.ask("which strand was the biggest?")
    answer = assistant.ask("what percent of the total was that?")
    assert "Race in Oxfordshire accounts for **64.8%**" in answer.text


def test_break_that_down_by_type_gives_every_part(assistant):
    assistant.ask("police asb numbers for oxford")
    answer = assistant.ask("break that down by type")
    assert all(f"**{n}**" in answer.text for n in ("1,266", "163", "302"))


def test_who_is_doing_a_topic_is_answered_from_its_work_not_its_figures(assistant):
    assistant.ask("What does the plan say about county lines gangs?")
    answer = assistant.ask("who's doing the modern slavery side of that?")
    assert answer.intent == "work_on" and "Anti-Slavery Coordinator" in answer.text


def test_what_the_plan_puts_a_change_down_to(assistant):
    assistant.ask("by roughly what percent did oxford's recorded crime go up last year?")
    answer = assistant.ask("what does the plan put that down to?")
    assert answer.intent == "why" and "Covid" in answer.text


def test_a_follow_up_naming_a_part_of_the_last_table_stays_in_it(assistant):
    """"And modern slavery?" after repeat victimisation among CSE victims is that table's modern
    slavery row (16%), not the count of modern slavery victims."""
    assistant.ask("repeat victimisation among CSE victims?")
    answer = assistant.ask("and modern slavery?")
    assert "16%" in answer.text and "73" not in answer.text


def test_a_count_after_a_ranking_is_the_top_ones(assistant):
    assistant.ask("biggest age group for DA victims?")
    answer = assistant.ask("how many victims was that?")
    assert answer.status.value == "answered" and "1,122" in answer.text


def test_adding_them_all_up_adds_the_parts_just_listed(assistant):
    assistant.ask("CSE, FGM, forced marriage and HBV victims in Thames Valley")
    answer = assistant.ask("add them all up")
    assert "505" in answer.text and "314 + 9 + 4 + 178" in answer.text


def test_by_what_percentage_after_a_trend_is_the_change(assistant):
    assistant.ask("has the council's ASB case load been going up?")
    answer = assistant.ask("by what percentage between 2019 and 2021?")
    assert "+33.3%" in answer.text and "+933 ÷ 2,800" in answer.text


@pytest.mark.parametrize("first, then, holds", [
    ("the strategic intelligence assessment", "who is it done with?",
     "Oxfordshire Community Safety Partnership"),
    ("what's the priority on cycle crime?", "who delivers it?", "Bike Crime Reduction Partnership"),
    ("which OSCP priority covers neighbourhood crime?", "whose work delivers it?",
     "Problem Solving Officer"),
])
def test_a_follow_up_on_a_priority_or_duty_is_answered_from_it(assistant, first, then, holds):
    assistant.ask(first)
    answer = assistant.ask(then)
    assert answer.status.value == "answered" and holds in answer.text


def test_who_is_in_a_term_the_plan_only_names_is_not_said(assistant):
    assistant.ask("What is the Bike Crime Reduction Partnership?")
    answer = assistant.ask("Which organisations are in it?")
    assert answer.status.value == "no_answer" and "names no body or person" in answer.text


def test_per_month_after_a_figure_spreads_it(assistant):
    assistant.ask("total recorded crime oxford 2021")
    answer = assistant.ask("per month, roughly?")
    assert "1,330.33" in answer.text and "15,964 ÷ 12" in answer.text


def test_a_follow_up_share_naming_both_areas_replaces_them(assistant):
    assistant.ask("what share of oxfordshire's police ASB is in oxford?")
    answer = assistant.ask("and oxfordshire's share of thames valley?")
    assert "6,039 ÷ 24,088" in answer.text


def test_a_subgroup_asked_of_the_table_the_conversation_is_on_is_refused(assistant):
    for turn in ("modern slavery oxfordshire", "and oxford?"):
        assistant.ask(turn)
    answer = assistant.ask("how many of them were children?")
    assert answer.status.value == "no_answer" and "“children”" in answer.text
    assert "73" not in answer.text.split("\n")[0]


def test_which_of_a_part_s_own_kinds_is_a_breakdown_the_plan_lacks(assistant):
    assistant.ask("faith hate crime victims oxford")
    answer = assistant.ask("which faith was targeted most?")
    assert answer.status.value == "no_answer" and "which faith" in answer.text


def test_how_many_times_bigger_after_two_parts_divides_them(assistant):
    assistant.ask("hate crime in oxford: race vs faith")
    answer = assistant.ask("how many times bigger is race?")
    assert answer.text.startswith("Race is **10.50** times faith (420 ÷ 40).")


def test_a_rise_asked_after_the_first_year_s_figure_runs_from_that_year(assistant):
    assistant.ask("What was total recorded crime in Oxfordshire in 2020?")
    answer = assistant.ask("and what was the percentage rise across thames valley?")
    assert answer.status.value == "answered" and "**+14,069** (171,119 − 157,050)" in answer.text
    assistant.reset()  # a year asked in the question itself still needs the year before it
    assert assistant.ask("percentage rise in crime in 2020").status.value == "no_answer"


def test_combined_after_two_parts_adds_both(assistant):
    for turn in ("police ASB oxford community incidents", "and personal?"):
        assistant.ask(turn)
    answer = assistant.ask("combined?")
    assert "**1,568** (1,266 + 302)" in answer.text


@pytest.mark.parametrize("first, status, holds", [
    ("CSE victims oxford", "answered", "**17%**"),
    ("race hate oxford", "no_answer", "none for victims of hate crime"),
])
def test_repeat_victims_after_a_topic_are_that_topic_s(assistant, first, status, holds):
    assistant.ask(first)
    answer = assistant.ask("and how many of them were repeat victims?")
    assert answer.status.value == status and holds in answer.text


def test_how_many_people_a_percentage_is_the_plan_does_not_say(assistant):
    assistant.ask("what % of DA victims were victims twice")
    answer = assistant.ask("how many people is that?")
    assert answer.status.value == "no_answer" and "only as percentages" in answer.text


def test_all_strands_after_one_is_every_strand(assistant):
    assistant.ask("TV race hate crime victims?")
    answer = assistant.ask("and total across all strands for TV?")
    assert "**5,507** (3,846 + 235 + 671 + 592 + 163)" in answer.text


def test_average_after_years_one_by_one_is_over_all_of_them(assistant):
    for turn in ("council asb cases 2019", "2020", "2021"):
        assistant.ask(turn)
    answer = assistant.ask("average?")
    assert "**3,380.67** (10,142 ÷ 3 years)" in answer.text


def test_is_that_more_than_another_area_s_rise_compares_the_two(assistant):
    assistant.ask("how much did recorded crime rise across oxfordshire in 2021")
    answer = assistant.ask("in % terms is that more than oxford's rise?")
    assert answer.text.startswith("**Yes.** Oxfordshire: +11.0%; Oxford: +10.2%.")


def test_as_a_percentage_after_two_years_is_their_change(assistant):
    assistant.ask("DA oxford 2020 to 2021")
    answer = assistant.ask("as a %?")
    assert answer.intent == "change" and "**-7.8%** (-149 ÷ 1,917)" in answer.text


def test_a_share_of_the_whole_after_one_part_is_that_part_s(assistant):
    assistant.ask("race hate crime oxford")
    answer = assistant.ask("what share of all hate crime victims in oxford?")
    assert "**70.7%**" in answer.text and "420 ÷ 594" in answer.text


def test_more_often_than_the_plan_counts_is_a_restriction_in_a_follow_up(assistant):
    assistant.ask("modern slavery repeat victimisation rate")
    answer = assistant.ask("and domestic abuse victims three or more times?")
    assert answer.status.value == "no_answer" and "“three or more times”" in answer.text


def test_a_follow_up_narrowing_a_programme_goes_to_the_passage_that_says_it(assistant):
    """The pathway's own text says nothing of closed cases; the cases it was used in do."""
    assistant.ask("How many cases has the new modern slavery pathway been used in?")
    answer = assistant.ask("how many of those are closed now?")
    assert answer.status.value == "answered" and "two cases closed" in answer.text


def test_the_force_doing_the_recording_is_no_area_and_another_table_than_that_is_compared(
        assistant):
    first = assistant.ask("how many ASB incidents did TVP record in oxford in 2021")
    assert "Thames Valley" not in first.text.split("\n")[0] and "1,731" in first.text
    answer = assistant.ask("how many more cases did the council investigate than that in 2021?")
    assert "**2,002**" in answer.text


def test_total_for_the_year_after_quarters_adds_all_four(assistant):
    for turn in ("kids involved in DA occurrences Apr-Jun 2018/19", "and oct-dec that year?"):
        assistant.ask(turn)
    answer = assistant.ask("total for the year?")
    assert "**1,531** (383 + 414 + 381 + 353)" in answer.text


@pytest.mark.parametrize("then, status, holds", [
    ("and for hate crime?", "no_answer", "none for victims of hate crime"),
    ("and for CSE?", "answered", "**17%**"),
])
def test_and_for_another_topic_after_a_table_by_topic_stays_on_that_table(
        assistant, then, status, holds):
    assistant.ask("repeat victimisation for domestic abuse")
    answer = assistant.ask(then)
    assert answer.status.value == status and holds in answer.text


def test_a_total_of_quarters_asked_one_by_one_adds_them_and_says_a_blank_one(assistant):
    for turn in ("DA children Apr-Jun 2021/22", "Jul-Sep?", "Oct-Dec?"):
        assistant.ask(turn)
    assert "**1,203** (400 + 428 + 375)" in assistant.ask("total of those three?").text
    assistant.reset()
    answer = assistant.ask("total DA involving children apr-jun and jan-mar 2021/22")
    assert answer.status.value == "no_answer"
    assert answer.text.startswith("The plan leaves January to March 2021/22 blank")


def test_a_count_asked_of_it_after_a_programme_is_of_the_programme(assistant):
    """"Officers" names a topic the plan has no table for: "it" is still Op Vigilant."""
    assistant.ask("what's operation vigilant?")
    answer = assistant.ask("how many officers work on it?")
    assert answer.intent == "achievement" and answer.status == "no_answer"
    assert "Operation Vigilant" in answer.text


def test_and_for_another_area_after_a_part_s_share_of_its_area_is_that_area_s_share(assistant):
    for turn in ("race hate crime oxford 2021", "as a share of all Oxford hate crime victims?"):
        assistant.ask(turn)
    text = assistant.ask("and for the county?").text
    assert "64.8%" in text and "873 ÷ 1,348" in text


def test_the_share_of_a_remainder_follows_the_remainder(assistant):
    for turn in ("modern slavery victims in oxfordshire", "minus the city?"):
        assistant.ask(turn)
    text = assistant.ask("what share of the county is that?").text
    assert "59.9%" in text and "109 ÷ 182" in text


def test_take_away_an_area_is_the_rest(assistant):
    assistant.ask("thames valley recorded crime 2021")
    assert "124,522" in assistant.ask("take away oxfordshire - what's left?").text


@pytest.mark.parametrize("turns, figure", [
    (["CSE victims in oxfordshire", "and what's the repeat victim rate for CSE?"], "17%"),
    (["how many modern slavery victims in oxford in 2021?",
      "what share of them were repeat victims?"], "16%"),
])
def test_repeat_victimisation_named_after_a_topic_s_figures_is_that_table(assistant, turns, figure):
    """Its table states no period; the year the conversation was on asks nothing of it."""
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == "answered" and figure in answer.text


def test_the_second_biggest_after_the_biggest_ranks_them_all_again(assistant):
    assistant.ask("which hate crime strand is biggest in Oxford?")
    text = assistant.ask("and the second biggest?").text
    assert "homophobic" in text and "64" in text


def test_a_yes_no_on_a_thing_the_programme_speaks_of_stays_on_the_programme(assistant):
    assistant.ask("what's Operation Vigilant?")
    answer = assistant.ask("do the officers wear uniform?")
    assert answer.intent == "achievement" and "plain clothed" in answer.text


def test_a_programme_named_by_its_title_s_words_is_that_programme(assistant):
    assistant.ask("what is the Anti-Slavery Coordinator's job?")
    answer = assistant.ask("and what's the name of the multi-agency team they can call on?")
    assert answer.intent == "achievement" and "AS MART" in answer.text


@pytest.mark.parametrize("turns, status, holds", [
    (["tell me about the four modern slavery cases", "how many have been closed?"],
     "answered", "Two of the cases have already been closed"),
    (["scrutiny review DA recommendations", "how many have been completed so far?"],
     "no_answer", "does not say how many were completed"),  # "will be completed" is not done
    (["what was the DA scrutiny review?", "how many recommendations completed so far?"],
     "no_answer", "does not say how many are done"),      # the state after the things counted
    (["what was the DA scrutiny review?", "how many of them are finished?"],
     "no_answer", "does not say how many"),
    (["what was the DA scrutiny review?", "how many recommendations implemented yet?"],
     "no_answer", "does not say how many are done"),      # implemented: completed
])
def test_how_many_of_a_programme_s_things_were_done_is_what_its_words_say(
        assistant, turns, status, holds):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.intent == "achievement" and answer.status == status and holds in answer.text


def test_how_many_of_a_thing_the_programme_speaks_of_is_the_programme_s_count(assistant):
    assistant.ask("scrutiny review into domestic abuse services")
    answer = assistant.ask("how many recommendations?")
    assert answer.intent == "achievement" and "48" in answer.text


@pytest.mark.parametrize("turns, figure", [
    (["how many CSE victims were there in Thames Valley?",
      "and if you exclude Oxfordshire, what's left?"], "224"),
    (["how many homophobic hate crime victims in thames valley?", "and leaving out oxfordshire?"],
     "421"),
    (["council asb cases 2020 -> 2021, % change?"], "+3.4%"),
])
def test_an_area_left_out_is_the_rest_not_what_a_table_excludes(assistant, turns, figure):
    for turn in turns:
        answer = assistant.ask(turn)
    assert figure in answer.text.replace("**", "")


@pytest.mark.parametrize("turns, figure", [
    (["what was the police-recorded ASB count for Oxford in 2021?",
      "what number of those fell under the environmental category?"], "163"),
    (["asb cases handled by the council in 2019", "what about 2021?", "how big is the gap?"],
     "933"),
])
def test_follow_ups_in_other_words_keep_the_figure(assistant, turns, figure):
    for turn in turns:
        answer = assistant.ask(turn)
    assert answer.status == "answered" and figure in answer.text


def test_a_bare_when_or_where_after_a_programme_is_of_the_programme(assistant):
    assistant.ask("op vigilant?")
    answer = assistant.ask("start yr in oxford?")
    assert answer.intent == "achievement" and "2019" in answer.text
    assert assistant.ask("safe places locations oxford?").status == "no_answer"


def test_a_name_used_as_a_verb_is_no_name(assistant):
    """"Prevent" the programme is not "trying to prevent"."""
    assistant.ask("What is Operation Vigilant?")
    answer = assistant.ask("what's it trying to prevent?")
    assert answer.intent == "achievement" and "sexual offending" in answer.text
    assert "Counter-Terrorism" in assistant.ask("what is Prevent?").text


def test_the_programme_answered_about_stays_the_conversation_s(assistant):
    """"How many recs?" found the review by its words; "how many done so far?" is of it."""
    for turn in ("scrutiny review into dv services", "how many recs?"):
        assistant.ask(turn)
    answer = assistant.ask("how many done so far?")
    assert answer.intent == "achievement" and answer.status == "no_answer"
    assistant.reset()
    assistant.ask("modern slavery new pathway - how many cases so far")
    assert "Two of the cases have already been closed" in assistant.ask(
        "how many closed, and why?").text


@pytest.mark.parametrize("turns, count", [
    (["What's DAHA?", "how many link workers were taken on to support it?"], 2),
    (["How many cases has the new anti-slavery approach been used in?",
      "how many of them are closed now?"], 2),
])
def test_a_count_the_plan_says_in_words_is_given_as_a_number(assistant, turns, count):
    """"Two of the cases have already been closed": the answer to "how many?" leads with 2."""
    answer = ask(assistant, *turns)
    assert answer.text.startswith(f"**{count}**") and status_of(answer) == "answered"


def test_an_everyday_word_ending_what_about_is_a_place(assistant):
    """"what about reading?" after a figure asks for Reading's, which the plan does not have."""
    answer = ask(assistant, "total crime oxford 2021", "what about reading?")
    assert status_of(answer) == "no_answer" and "Reading" in answer.text
    assert not has_number(answer.text, 15964)


def test_a_figure_of_a_new_topic_is_not_asked_of_the_last_scheme(assistant):
    """"Rough sleeper count oxford 2021?" after a housing scheme asks a figure of its own."""
    answer = ask(assistant, "tell me about DAHA", "rough sleeper count oxford 2021?")
    assert status_of(answer) == "no_answer" and "DAHA" not in answer.text.split("\n")[0]


def test_a_bare_topic_after_a_question_on_work_asks_for_the_work_on_it(assistant):
    answer = ask(assistant, "what does oscp want to do about hate crime", "and anti-social behaviour?")
    assert answer.intent == "work_on" and "anti-social behaviour" in answer.text.split("\n")[0]
    answer = ask(assistant, "what does oscp want to do about hate crime", "and in oxfordshire?")
    assert answer.intent == "lookup"  # a place asks for the figures there


def test_a_bare_restriction_narrows_the_last_figure(assistant):
    """"under 18s?" after victims by age asks the last figure for an age band it lacks."""
    answer = ask(assistant, "How many domestic abuse victims were aged 25 to 49?", "and 18 to 24?",
                 "under 18s?")
    assert status_of(answer) == "no_answer" and "victims of domestic abuse" in answer.text


def test_a_bare_part_of_the_last_table_is_its_figure_and_a_multiple_takes_both(assistant):
    """"environmental?" after community ASB is that part's figure (not the achievements whose
    words say "safe environment"); "how many times bigger is community?" sets the two side by
    side."""
    answer = ask(assistant, "police ASB in oxford - community incidents?", "environmental?")
    assert answer.intent == "lookup" and "163" in answer.text
    answer = assistant.ask("how many times bigger is community?")
    assert "7.77" in answer.text


def test_a_ranking_after_a_term_ranks_its_figures(assistant):
    answer = ask(assistant, "hate crime in oxford 2021 - what are the categories?",
                 "which one has the fewest victims?")
    assert answer.intent == "rank" and "transphobic" in answer.text and "26" in answer.text


def test_which_crimes_rose_are_the_crime_types_and_so_is_the_follow_up(assistant):
    answer = ask(assistant, "Which crimes fell in Oxford in 2021?")
    assert "Possession of weapons" in answer.text and "15,964" not in answer.text
    answer = assistant.ask("and which ones rose?")
    assert "Public order offences" in answer.text


def test_which_of_the_pcc_priorities_are_aligned_to_are_those_the_plan_lists(assistant):
    answer = ask(assistant, "how many strategic priorities are in the police and crime plan?",
                 "which ones does OSCP align to?")
    assert answer.subject == "pcc-list" and "police officers" in answer.text


def test_the_project_that_launched_a_scheme_answers_of_its_own_facts(assistant):
    """Nightsafe has no sum of its own; "the project that launched it" (Safe Journey, Safe
    Destination) has £426,000."""
    answer = ask(assistant, "What is the Nightsafe Oxford Network?",
                 "how much money was behind the project that launched it?")
    assert status_of(answer) == "answered" and "£426,000" in answer.text
    answer = ask(assistant, "What is the Nightsafe Oxford Network?", "how much did it cost?")
    assert status_of(answer) == "no_answer"  # its own cost: not given


def test_where_a_duty_applies_is_asked_of_the_duty(assistant):
    answer = ask(assistant, "the strategic intelligence assessment - who does oscp do it with?",
                 "does it just cover the city?")
    assert answer.intent == "duties" and "whole of Oxfordshire" in answer.text


def test_a_follow_up_on_a_passage_about_the_partnership_reads_that_passage(assistant):
    assistant.ask("what law makes OSCP a statutory partnership?")
    answer = assistant.ask("what year is it from?")
    assert status_of(answer) == "answered" and "1998" in answer.text


def test_the_year_before_the_latest_shown_when_no_year_was_asked(assistant):
    """A figure given for its latest year, then "the year before?": the year before that one,
    which a table of one year does not hold."""
    assistant.ask("disablist hate crime oxfordshire")
    answer = assistant.ask("the year before?")
    assert answer.status.value == "no_answer" and "2020" in answer.text and "188" not in answer.text
    assistant.reset()
    assistant.ask("asb cases council oxford")
    answer = assistant.ask("the year before?")
    assert "3,609" in answer.text and "3,733" not in answer.text.split("\n")[0]


def test_a_quarter_written_half_short_is_read(assistant):
    """"jan to march" is January to March: 2021/22 leaves it blank, so no figure, and never the
    quarter asked before."""
    assistant.ask("kids involved in domestic incidents oct-dec 2021/22")
    answer = assistant.ask("and jan to march of that year?")
    assert answer.status.value == "no_answer" and "375" not in answer.text


def test_the_smallest_after_the_biggest_ranks_the_same_parts(assistant):
    assistant.ask("hate crime strands oxon 2021 — biggest?")
    answer = assistant.ask("and smallest?")
    assert "transphobic" in answer.text and "55" in answer.text


def test_it_is_the_programme_whose_words_hold_the_follow_up(assistant):
    assistant.ask("what's nightsafe?")
    answer = assistant.ask("does it link up with the police cameras?")
    assert "Nightsafe" in answer.text.split("\n")[0] and "control room" in answer.text


@pytest.mark.parametrize("turns, total, parts", [
    (("How many race hate crime victims were recorded in Oxford in 2021?", "faith?",
      "disablist?", "add those three up"), 504, (420, 40, 44)),
    (("council ASB cases 2019", "2020?", "2021?", "Total them"), 10142, (2800, 3609, 3733)),
])
def test_a_run_of_follow_ups_is_added_up_whole(assistant, turns, total, parts):
    """"Add those up" after three parts or years asked one by one adds all three, with the
    working, not only the last two."""
    answer = ask(assistant, *turns)
    assert has_number(answer.text, total)
    assert " + ".join(f"{p:,}" for p in parts) in answer.text


def test_a_bare_part_keeps_the_area_and_year(assistant):
    assistant.ask("How many race hate crime victims were recorded in Oxford in 2021?")
    answer = assistant.ask("faith?")
    assert has_number(answer.text, 40) and not has_number(answer.text, 61)  # not Oxfordshire's


def test_the_change_after_a_run_of_years_is_from_the_year_just_before(assistant):
    answer = ask(assistant, "How many ASB cases did the council's ASB service investigate in 2019?",
                 "and 2020?", "then 2021?", "how much up on the previous year is that?")
    assert has_number(answer.text, 124) and not has_number(answer.text, 933)


@pytest.mark.parametrize("turns, holds", [
    (("what is the modern slavery priority for 2022-23?", "through whose work?"),
     "Anti-Slavery Coordinator"),
    (("how often is the strategic assessment done?", "and what area does it cover?"),
     "Oxfordshire"),
])
def test_a_follow_up_naming_nothing_is_asked_of_the_entity_just_given(assistant, turns, holds):
    answer = ask(assistant, *turns)
    assert status_of(answer) == "answered" and holds in answer.text
    assert "CCTV" not in answer.text.split("\n")[0]


def test_what_a_programme_did_to_a_figure_is_not_read_from_the_figure(assistant):
    """"Has it brought crime down there?" after the CCTV upgrades: the plan reports no
    result of the cameras; all crime rising is no verdict on them."""
    answer = ask(assistant, "Where did the council upgrade CCTV cameras?",
                 "Has it brought crime down there?")
    assert status_of(answer) == "no_answer" and not answer.text.lstrip("*").startswith("No.")


def test_which_of_oscps_priorities_fall_under_a_pcc_priority_after_the_list(assistant):
    """"Which of them ...?" after OSCP's list asks which of OSCP's priorities, not the PCC's
    priority alone."""
    answer = ask(assistant, "what are OSCP's priorities?", "which of them come under PCC priority 2?")
    assert "**2** are linked to PCC priority 2" in answer.text
    assert "Serious Violence Duty" in answer.text


def test_a_total_after_the_biggest_part_is_the_total_of_every_part(assistant):
    answer = ask(assistant, "hate crime victims in oxfordshire by strand", "which is largest?",
                 "and the total?")
    assert "**1,348**" in answer.text and "873 + 61 + 188 + 171 + 55" in answer.text
