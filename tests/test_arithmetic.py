"""Numbers the assistant works out must equal the arithmetic on figures.csv.

Expected values are computed here from figures.csv (read directly, not through oscp_qa), then
looked for in the answer's text and in its structured facts. A per cent change is always
against the EARLIER year; a share is part ÷ whole × 100; both to 2 decimals.
"""

from __future__ import annotations

import ast
import operator

import pytest
from conftest import ask, has_number, status_of

HATE = ["race", "faith", "disablist", "homophobic", "transphobic"]
QUARTERS = ["apr-jun", "jul-sep", "oct-dec", "jan-mar"]
ASB_PARTS = ["community", "environmental", "personal"]

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv}


def evaluate(derived: str) -> float:
    """Work out an answer's written arithmetic, e.g. '+1,474 ÷ 14,490 × 100' or '420 + 40'."""
    text = (derived.replace("−", "-").replace("÷", "/").replace("×", "*")
            .replace(",", ""))

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return node.value
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            sign = -1 if isinstance(node.op, ast.USub) else 1
            return sign * walk(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError(f"not arithmetic: {derived!r}")

    return walk(ast.parse(text, mode="eval"))


def fmt(value: float) -> str:
    """How the plan's counts are written: thousands separators, no decimals."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def derived_facts(answer):
    return [f for f in answer.facts if f.derived]


def test_evaluate_reads_written_arithmetic():
    assert evaluate("15,964 − 14,490") == 1474
    assert evaluate("+1,474 ÷ 14,490 × 100") == pytest.approx(10.1725, abs=1e-4)
    assert evaluate("-149 ÷ 1,917 × 100") == pytest.approx(-7.7726, abs=1e-4)
    assert evaluate("420 + 40 + 44") == 504
    with pytest.raises(ValueError, match="not arithmetic"):
        evaluate("__import__('os')")


# --- changes -------------------------------------------------------------------------------------

CHANGES = [
    # question, measure, area, earlier, later
    ("how much did recorded crime in oxford change from 2020 to 2021", "total_crime", "oxford",
     "2020", "2021"),
    ("by how much did crime go up county wide between 2020 and 2021", "total_crime",
     "oxfordshire", "2020", "2021"),
    ("change in thames valley crime 2020 to 2021", "total_crime", "thames-valley", "2020", "2021"),
    ("how did the council's asb caseload change between 2019 and 2020", "asb_council", "oxford",
     "2019", "2020"),
    ("percentage rise in asb cases investigated by the council from 2020 to 2021", "asb_council",
     "oxford", "2020", "2021"),
    ("how many more council asb cases in 2021 than 2019", "asb_council", "oxford", "2019", "2021"),
    ("domestic abuse offences in oxford: change 2020 to 2021 in per cent", "da_offences",
     "oxford", "2020", "2021"),
    ("% drop in oxfordshire domestic abuse offences 2020 to 2021", "da_offences", "oxfordshire",
     "2020", "2021"),
    ("how did domestic abuse in oxfordshire change from 2018 to 2019", "da_offences",
     "oxfordshire", "2018", "2019"),
    ("change in domestic abuse offences in oxford from 2017 to 2021", "da_offences", "oxford",
     "2017", "2021"),
]


@pytest.mark.parametrize("question, measure, area, earlier, later", CHANGES,
                         ids=[c[0][:50] for c in CHANGES])
def test_change_is_count_and_percent_against_earlier_year(assistant, figure, question, measure,
                                                          area, earlier, later):
    old, new = figure(measure, area, earlier), figure(measure, area, later)
    diff = new - old
    pct = round(diff / old * 100, 2)
    answer = assistant.ask(question)
    assert status_of(answer) == "answered", answer.text
    assert answer.intent == "change"
    assert has_number(answer.text, diff), (diff, answer.text)
    assert has_number(answer.text, round(diff / old * 100, 1)), (pct, answer.text)  # prose: 1 dp
    facts = derived_facts(answer)
    counts = [f for f in facts if f.unit != "per cent"]
    percents = [f for f in facts if f.unit == "per cent"]
    assert [f.value for f in counts] == [diff]
    assert [f.value for f in percents] == [pct]
    assert fmt(new) in counts[0].derived and fmt(old) in counts[0].derived
    assert f"÷ {fmt(old)}" in percents[0].derived, "per cent must be against the earlier year"
    assert percents[0].value != round(diff / new * 100, 2)


@pytest.mark.parametrize("question, printed, computed", [
    # Table 1 prints Oxfordshire's change as 11.01%; 4,624 / 41,973 is 11.02%, said as 11.0% (note).
    ("how much did crime go up in oxfordshire between 2020 and 2021", "11.01", "11.0"),
    # Table 4 prints its per cents against 2021; against 2020 they are -7.77% and -8.85%.
    ("what was the % change in oxford domestic abuse offences from 2020 to 2021", "8.43", "7.8"),
    ("domestic abuse in oxfordshire, percentage change 2020 to 2021", "9.71", "8.9"),
])
def test_printed_per_cent_is_shown_beside_the_computed_one(assistant, question, printed,
                                                           computed):
    answer = assistant.ask(question)
    assert f"{computed}%" in answer.text and f"{printed}%" in answer.text, answer.text
    assert answer.text.index(f"{computed}%") < answer.text.index(f"{printed}%"), \
        "the computed per cent is the answer; the printed one is shown beside it, as printed"


def test_table_1_per_cent_that_matches_is_not_flagged(assistant):
    answer = assistant.ask("change in crime in oxford 2020 to 2021")
    assert "+10.2%" in answer.text                      # 10.17%, as the plan prints it
    assert "plan prints" not in answer.text.lower()


@pytest.mark.parametrize("question, measure, area, earlier, later", [
    ("council asb cases 2020", "asb_council", "oxford", "2019", "2020"),
    ("domestic abuse offences oxfordshire 2019", "da_offences", "oxfordshire", "2018", "2019"),
    ("thames valley recorded crime 2021", "total_crime", "thames-valley", "2020", "2021"),
])
def test_lookup_gives_change_on_the_year_before(assistant, figure, question, measure, area,
                                                earlier, later):
    old, new = figure(measure, area, earlier), figure(measure, area, later)
    answer = assistant.ask(question)
    assert answer.intent == "lookup"
    assert has_number(answer.text, new)
    assert has_number(answer.text, new - old)
    assert has_number(answer.text, round((new - old) / old * 100, 1))


@pytest.mark.parametrize("question, winner, pct", [
    ("which area had the biggest percentage rise in crime", "Oxfordshire", 11.0),
    ("which area saw the smallest % increase in recorded crime", "Thames Valley", 9.0),
])
def test_rank_by_percentage_change(assistant, figure, question, winner, pct):
    answer = assistant.ask(question)
    assert answer.intent == "rank"
    assert winner in answer.text.split("\n")[0]
    for area in ("oxford", "oxfordshire", "thames-valley"):
        old, new = figure("total_crime", area, "2020"), figure("total_crime", area, "2021")
        assert has_number(answer.text, round((new - old) / old * 100, 1)), area
    assert has_number(answer.text, pct)


# --- shares --------------------------------------------------------------------------------------

SHARES = [
    # question, (measure, area, category) of the part, whole: (area, categories summed)
    ("the plan says oxford has 28% of the county's asb: is that right?", "asb_police", "oxford",
     "total", "oxfordshire", ["total"]),
    ("what percentage of the county's race hate crime was in Oxford?", "hate_crime", "oxford",
     "race", "oxfordshire", ["race"]),
    ("what fraction of the county's transphobic hate crime happened in the city", "hate_crime",
     "oxford", "transphobic", "oxfordshire", ["transphobic"]),
    ("what share of oxfordshire hate crime is in oxford", "hate_crime", "oxford", HATE,
     "oxfordshire", HATE),
    ("what share of thames valley hate crime is in oxfordshire", "hate_crime", "oxfordshire",
     HATE, "thames-valley", HATE),
    ("what proportion of oxford's hate crime is race", "hate_crime", "oxford", "race", "oxford",
     HATE),
    ("what share of Oxfordshire's CSE victims are in Oxford", "exploitation_victims", "oxford",
     "cse", "oxfordshire", ["cse"]),
    ("oxford's share of thames valley modern slavery victims", "modern_slavery", "oxford", "",
     "thames-valley", [""]),
    ("what percentage of oxfordshire's domestic abuse offences were in oxford in 2021",
     "da_offences", "oxford", "", "oxfordshire", [""]),
    ("what share of oxford's asb is environmental", "asb_police", "oxford", "environmental",
     "oxford", ["total"]),
]


@pytest.mark.parametrize("question, measure, area, part, whole_area, whole", SHARES,
                         ids=[s[0][:50] for s in SHARES])
def test_share_is_part_over_whole(assistant, figure, question, measure, area, part, whole_area,
                                  whole):
    period = "2021"
    parts = part if isinstance(part, list) else [part]
    numerator = sum(figure(measure, area, period, c) for c in parts)
    denominator = sum(figure(measure, whole_area, period, c) for c in whole)
    pct = round(numerator / denominator * 100, 2)
    answer = assistant.ask(question)
    assert status_of(answer) == "answered", answer.text
    assert answer.intent == "share"
    assert has_number(answer.text, round(numerator / denominator * 100, 1)), (pct, answer.text)
    share = [f for f in answer.facts if f.unit == "per cent" and f.derived]
    assert share and share[0].value == pct
    assert share[0].derived == f"{fmt(numerator)} ÷ {fmt(denominator)} × 100"


@pytest.mark.parametrize("question", [
    "what proportion of thames valley asb incidents were personal",
    "what share of oxford's asb is environmental",
    "what percentage of oxfordshire's asb was community asb",
])
def test_printed_28_per_cent_only_checked_against_the_share_it_states(assistant, question):
    """The plan's '28 per cent' is Oxford's share of Oxfordshire's ASB, nothing else."""
    answer = assistant.ask(question)
    assert answer.intent == "share"
    assert not has_number(answer.text, 28), answer.text


def test_printed_28_per_cent_is_checked_against_table_3(assistant):
    answer = assistant.ask("what share of oxfordshire's asb is in oxford")
    assert has_number(answer.text, 28) and has_number(answer.text, 28.7)   # 28.66% worked out


@pytest.mark.parametrize("area", ["oxford", "oxfordshire", "thames-valley"])
@pytest.mark.parametrize("category", ASB_PARTS)
def test_lookup_of_an_asb_type_gives_its_share_of_the_printed_total(assistant, figure, area,
                                                                    category):
    names = {"oxford": "oxford", "oxfordshire": "oxfordshire", "thames-valley": "thames valley"}
    answer = assistant.ask(f"{category} asb incidents in {names[area]}")
    part, whole = figure("asb_police", area, "2021", category), \
        figure("asb_police", area, "2021", "total")
    assert has_number(answer.text, part)
    assert has_number(answer.text, round(part / whole * 100, 1)), answer.text


def test_compare_areas_gives_share_of_the_larger_area(assistant, figure):
    answer = assistant.ask("compare domestic abuse offences oxford and oxfordshire")
    assert answer.intent == "compare_areas"
    small, large = figure("da_offences", "oxford", "2021"), figure("da_offences", "oxfordshire",
                                                                   "2021")
    assert has_number(answer.text, round(small / large * 100, 1))


# --- sums ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, area", [
    ("total hate crime victims in oxford", "oxford"),
    ("how many hate crime victims altogether in oxfordshire", "oxfordshire"),
    ("add up all the hate crime strands for thames valley", "thames-valley"),
])
def test_hate_crime_total_is_the_sum_of_its_strands(assistant, figure, question, area):
    parts = [figure("hate_crime", area, "2021", c) for c in HATE]
    answer = assistant.ask(question)
    assert answer.intent == "total"
    assert has_number(answer.text, sum(parts)), answer.text
    totals = [f for f in derived_facts(answer) if f.value == sum(parts)]
    assert totals and totals[0].derived == " + ".join(fmt(p) for p in parts)


@pytest.mark.parametrize("question, period", [
    ("add up the four quarters of 2018/19 for children in domestic incidents", "2018/19"),
    ("add up the quarters for 2019/2020 for domestic occurrences with children", "2019/20"),
    ("total children domestic abuse occurrences 2020/21", "2020/21"),
])
def test_table_5_financial_year_is_the_sum_of_its_quarters(assistant, figure, question, period):
    parts = [figure("da_children", "oxford", period, quarter=q) for q in QUARTERS]
    answer = assistant.ask(question)
    assert status_of(answer) == "answered" and answer.intent == "total"
    assert has_number(answer.text, sum(parts))
    totals = [f for f in derived_facts(answer) if f.value == sum(parts)]
    assert totals and totals[0].derived == " + ".join(fmt(p) for p in parts)


def test_table_5_year_with_a_blank_quarter_has_no_total(assistant, figure):
    parts = [figure("da_children", "oxford", "2021/22", quarter=q) for q in QUARTERS[:3]]
    answer = assistant.ask("total children domestic abuse occurrences for 2021/22")
    assert status_of(answer) == "no_answer"
    assert "blank" in answer.text.lower()
    assert has_number(answer.text, sum(parts)), "the three quarters it has, added up"


@pytest.mark.parametrize("area", ["oxford", "oxfordshire", "thames-valley"])
def test_table_3_parts_add_up_to_the_printed_total(figure, area):
    parts = [figure("asb_police", area, "2021", c) for c in ASB_PARTS]
    assert sum(parts) == figure("asb_police", area, "2021", "total")


@pytest.mark.parametrize("question, area", [
    ("add up community, environmental and personal asb in oxford", "oxford"),
    ("community plus environmental plus personal asb incidents in thames valley, total",
     "thames-valley"),
])
def test_adding_table_3_parts_gives_the_printed_total(assistant, figure, question, area):
    total = figure("asb_police", area, "2021", "total")
    answer = assistant.ask(question)
    assert status_of(answer) == "answered"
    assert has_number(answer.text, total), answer.text


# --- the plan's own printed differences ----------------------------------------------------------


@pytest.mark.parametrize("measure, area", [
    ("total_crime", "oxford"), ("total_crime", "oxfordshire"), ("total_crime", "thames-valley"),
    ("asb_council", "oxford"), ("da_offences", "oxford"), ("da_offences", "oxfordshire"),
])
def test_printed_difference_equals_the_counts(figure, measure, area):
    assert figure(measure, area, "2020-2021", stat="printed_change") == \
        figure(measure, area, "2021") - figure(measure, area, "2020")


@pytest.mark.parametrize("measure, area, base", [
    ("total_crime", "oxford", "2020"),
    ("total_crime", "thames-valley", "2020"),
    ("da_offences", "oxford", "2021"),       # note table-4-percent-base
    ("da_offences", "oxfordshire", "2021"),
])
def test_printed_per_cent_base(figure, measure, area, base):
    diff = figure(measure, area, "2021") - figure(measure, area, "2020")
    printed = figure(measure, area, "2020-2021", stat="printed_change_pct",
                     table="table-1" if measure == "total_crime" else "table-4")
    assert printed == round(diff / figure(measure, area, base) * 100, 2)


def test_oxfordshire_printed_per_cent_is_off_by_rounding(figure):
    """Note table-1-oxfordshire-pct: 4,624 / 41,973 = 11.017%, printed 11.01."""
    diff = figure("total_crime", "oxfordshire", "2021") - figure("total_crime", "oxfordshire",
                                                                 "2020")
    computed = diff / figure("total_crime", "oxfordshire", "2020") * 100
    assert round(computed, 2) == 11.02
    assert figure("total_crime", "oxfordshire", "2020-2021", stat="printed_change_pct") == 11.01


# --- every derived fact's arithmetic is right ----------------------------------------------------

DERIVING = [c[0] for c in CHANGES] + [s[0] for s in SHARES] + [
    "total hate crime victims oxfordshire",
    "add up the four quarters of 2018/19 for children in domestic incidents",
    "hate crime total thames valley vs oxford",
    "which area had the biggest percentage rise in crime",
    "change in da children occurrences between 2018/19 and 2019/20",
]


@pytest.mark.parametrize("question", DERIVING, ids=[q[:50] for q in DERIVING])
def test_derived_facts_show_their_arithmetic(assistant, question):
    answer = assistant.ask(question)
    for fact in answer.facts:
        assert fact.source, fact
        if fact.derived:
            assert evaluate(fact.derived) == pytest.approx(fact.value, abs=0.005), fact


def test_a_change_between_financial_years_compares_their_quarterly_totals(assistant):
    """Years of quarterly figures are compared as whole years, each total added up in the open:
    2018/19 is 383 + 414 + 381 + 353 = 1,531 and 2019/20 is 362 + 385 + 373 + 370 = 1,490."""
    answer = ask(assistant, "change in da children occurrences between 2018/19 and 2019/20")
    assert "**1,531** (383 + 414 + 381 + 353)" in answer.text
    assert "**1,490** (362 + 385 + 373 + 370)" in answer.text
    assert "-41" in answer.text
    labels = [f.label for f in derived_facts(answer)]
    assert len(set(labels)) == len(labels), labels


def test_a_change_in_one_quarter_stays_quarterly(assistant):
    answer = ask(assistant, "change in da children occurrences in april to june between 2018/19 "
                            "and 2019/20")
    assert "383 → 362" in answer.text and "-21" in answer.text


def test_the_same_three_quarters_of_another_year_are_quarters_not_a_fraction(assistant):
    """"The same three quarters of 2020/21" names quarters; read as 75 % it once sent the
    question to shares, which crashed on years given latest first."""
    answer = ask(assistant, "kids in domestic incidents: add up apr-dec 2021/22 and compare with "
                            "the same three quarters of 2020/21")
    text = answer.text.replace("**", "")
    assert "1,186 (387 + 440 + 359)" in text and "1,203 (400 + 428 + 375)" in text
    assert "+17" in text


def test_a_share_over_years_given_latest_first(assistant):
    answer = ask(assistant, "Oxford's share of Oxfordshire's total crime in 2021 and 2020")
    text = answer.text.replace("**", "")
    assert "2020: 34.5% (14,490 ÷ 41,973 × 100)" in text
    assert "2021: 34.3% (15,964 ÷ 46,597 × 100)" in text


def test_an_average_per_strand_divides_the_parts_total_by_their_number(assistant):
    answer = ask(assistant, "hate crime oxfordshire average per strand?")
    text = answer.text.replace("**", "")
    assert "1,348 (873 + 61 + 188 + 171 + 55)" in text and "269.60 (1,348 ÷ 5 types)" in text


@pytest.mark.parametrize("question, holds", [
    ("add up all three years of council ASB cases for me", "10,142 (2,800 + 3,609 + 3,733)"),
    ("domestic abuse recorded in oxford, five year total?",
     "9,333 (1,894 + 1,896 + 1,858 + 1,917 + 1,768)"),
])
def test_a_total_over_the_years_adds_them_up(assistant, question, holds):
    assert holds in ask(assistant, question).text.replace("**", "")


def test_the_last_three_months_of_a_year_is_its_october_to_december_quarter(assistant):
    answer = ask(assistant, "How many domestic occurrences involving children in the last three "
                            "months of 2021?")
    assert answer.status.value == "answered" and "375" in answer.text


def test_two_years_up_or_down_is_the_change_between_them(assistant):
    answer = ask(assistant, "first three quarters of 2021/22 versus the same three quarters of "
                            "2020/21 - up or down for DA occurrences with children?")
    assert "+17 (1,203 − 1,186)" in answer.text.replace("**", "")


def test_did_the_rest_of_the_county_rise_faster_answers_yes_or_no_first(assistant):
    """Oxfordshire outside Oxford: 27,483 → 30,633, +11.5%; Oxford: 14,490 → 15,964, +10.2%."""
    answer = ask(assistant, "Did the bit of Oxfordshire outside the city see a bigger percentage "
                            "jump in crime between 2020 and 2021 than Oxford did?")
    assert answer.text.startswith("**Yes.** Oxfordshire outside Oxford: +11.5%; Oxford: +10.2%.")
    assert "+3,150 (30,633 − 27,483)" in answer.text.replace("**", "")


def test_the_gap_between_one_part_and_all_the_others(assistant):
    answer = ask(assistant, "what's the gap between race hate crime and all the other strands "
                            "combined in oxford?")
    assert "the others 174 (40 + 44 + 64 + 26); difference +246 (420 − 174)" \
        in answer.text.replace("**", "")


def test_every_quarterly_figure_added_up_year_by_year(assistant):
    """1,531 + 1,490 + 1,581 + 1,203 = 5,805; 2021/22 has three quarters, and says so."""
    text = ask(assistant, "how many child-involved DA occurrences in total across every quarter "
                          "in the table?").text.replace("**", "")
    assert "5,805 (1,531 + 1,490 + 1,581 + 1,203)" in text
    assert "2021/22: 1,203 (400 + 428 + 375), the 3 quarters it gives" in text


def test_how_a_table_decides_what_it_counts_is_its_method(assistant):
    answer = ask(assistant, "How does the plan decide whether a domestic incident 'involved' a "
                            "child?")
    assert answer.intent == "method" and "qualifiers" in answer.text


def test_percentage_points_between_two_changes(assistant):
    """11.02% − 8.96% = 2.06 points (4,624 ÷ 41,973 and 14,069 ÷ 157,050)."""
    text = ask(assistant, "how many percentage points higher was Oxfordshire's rise in crime "
                          "than Thames Valley's from 2020 to 2021?").text.replace("**", "")
    assert "Gap: 2.06 percentage points" in text and "11.02 − 8.96" in text
    assistant.reset()
    assistant.ask("Which area had the biggest percentage rise in crime from 2020 to 2021?")
    text = assistant.ask("how many percentage points higher was that than Thames Valley's?").text
    assert "Gap: **2.06** percentage points" in text  # "that" is the area ranked first


def test_a_change_to_a_blank_quarter_is_refused_not_left_empty(assistant):
    answer = ask(assistant, "% change in DA occurrences involving children jan-mar 2021/22 vs "
                            "jan-mar 2020/21")
    assert answer.status.value == "no_answer" and "blank" in answer.text


def test_quarters_of_a_financial_year_against_the_year_before(assistant):
    text = ask(assistant, "compare apr-dec 2021/22 with the same months the year before for DA "
                          "involving children").text.replace("**", "")
    assert "2020/21: 1,186 (387 + 440 + 359)" in text and "2021/22: 1,203 (400 + 428 + 375)" in text


def test_an_operation_asked_with_based_on_is_worked_out_not_described(assistant):
    text = ask(assistant, "Table 5: average quarterly figure for 2021/22, based on the three "
                          "quarters available?").text.replace("**", "")
    assert "Average a quarter: 401 (1,203 ÷ 3 quarters)" in text


def test_figures_quoted_to_check_get_a_yes_when_the_plan_gives_them(assistant):
    answer = ask(assistant, "I have a note saying 44 disability hate crime victims in Oxford and "
                            "188 in the county - correct?")
    assert answer.text.startswith("**Yes**: the plan gives 44 and 188.")
    answer = ask(assistant, "I have 45 disability hate crime victims in Oxford and 188 in the "
                            "county - correct?")
    assert not answer.text.startswith("**Yes**")


@pytest.mark.parametrize("question, verdict", [
    ("Has domestic abuse in Oxford fallen every year since 2018?",
     "**No.** Oxford: no, it did not fall from 2019 to 2020 (rose by 59)."),
    ("Did Oxfordshire's DA offences increase every year from 2017 to 2020?",
     "**Yes.** Oxfordshire: yes, it rose every year."),  # 6,986, 7,163, 7,285, 7,851
])
def test_every_year_is_judged_over_the_years_asked(assistant, question, verdict):
    assert ask(assistant, question).text.startswith(verdict)


def test_a_change_quoted_to_check_is_judged_by_its_number(assistant):
    """3,609 − 2,800 = 809; 933 is 3,733 − 2,800."""
    answer = ask(assistant, "My briefing note says council ASB cases went up by 933 between 2019 "
                            "and 2020. Can you check?")
    assert answer.text.startswith("**No.** The change is +809, not 933. (933 is the change from "
                                  "2019 to 2021.)")
    answer = ask(assistant, "council ASB cases went up by 809 between 2019 and 2020 - right?")
    assert answer.text.startswith("**Yes.** The change is +809.")


def test_faster_compares_rates_of_change(assistant):
    """Oxford +1,474 on 14,490 (+10.2%) against Thames Valley +14,069 on 157,050 (+9.0%)."""
    answer = ask(assistant, "Did crime in Oxford rise faster than across Thames Valley in 2021?")
    assert answer.text.startswith("**Yes.** Oxford: +10.2%; Thames Valley: +9.0%.")


def test_the_gap_between_two_parts_is_their_difference(assistant):
    text = ask(assistant, "What's the gap between personal and environmental ASB incidents in "
                          "Oxfordshire?").text.replace("**", "")
    assert "difference +709 (1,279 − 570)" in text


@pytest.mark.parametrize("question", [
    "Of the 4,624 extra crimes recorded across Oxfordshire in 2021, what share was accounted for "
    "by the city?",
    "How much of the county's 2021 rise in crime came from Oxford itself, as a percentage of the "
    "increase?",
])
def test_one_area_s_part_of_another_s_change(assistant, question):
    """(15,964 − 14,490) ÷ (46,597 − 41,973) = 1,474 ÷ 4,624 = 31.9%."""
    text = ask(assistant, question).text.replace("**", "")
    assert "Oxford accounts for 31.9% of Oxfordshire's change" in text
    assert "+1,474 ÷ +4,624 × 100" in text



def test_more_by_number_but_not_as_a_rate_says_both(assistant):
    """Thames Valley +14,069 (+9.0%) against Oxfordshire +4,624 (+11.0%)."""
    text = ask(assistant, "did crime go up by more across Thames Valley than in Oxfordshire in "
                          "2021?").text
    assert text.startswith("**Yes** by number (Thames Valley: +14,069; Oxfordshire: +4,624), "
                           "**but not** as a rate (Thames Valley: +9.0%; Oxfordshire: +11.0%).")


def test_the_years_it_changed_least_between_is_the_smallest_step(assistant):
    text = ask(assistant, "between which two consecutive years did Oxford's domestic abuse "
                          "offences change least?").text.replace("**", "")
    assert text.startswith("Domestic abuse offences recorded: the smallest change from one year "
                           "to the next was 2017 to 2018 (Oxford): +2 (1,896 − 1,894).")


def test_a_share_of_a_combined_total_in_two_areas(assistant):
    text = ask(assistant, "Combined CSE, FGM, forced marriage and HBV victims: Oxfordshire as a "
                          "share of the Thames Valley combined total?").text
    assert "116 ÷ 505 × 100 = 22.97" in text


def test_a_share_quoted_to_check_is_judged_against_the_working(assistant):
    """1,731 ÷ 6,039 × 100 = 28.66: the plan's 28 per cent is cut, not rounded."""
    assistant.ask("oxford's share of county police ASB")
    answer = assistant.ask("the plan says 28% - does that actually add up?")
    assert answer.text.startswith("**Roughly.** Worked out, the share is 28.66%, which is cut to "
                                  "28%.")


def test_a_change_the_plan_gives_a_reason_for_says_it_after_the_figures(assistant):
    text = ask(assistant, "Has crime gone up in Oxford?").text
    assert "lifting of Covid restrictions" in text and text.count("lifting of Covid") == 1
    text = ask(assistant, "has domestic abuse gone down in Oxford?").text  # its own reason
    assert text.count("Covid restrictions during 2020/21") == 1 and "lifting" not in text


@pytest.mark.parametrize("question, reason", [
    ("why did crime go up in 2021?", "lifting of Covid restrictions"),
    ("why did da drop in 2021?", "Covid restrictions during 2020/21"),
    ("why did violent crime go up", "limited covid restrictions"),
])
def test_why_gives_the_reason_the_plan_states(assistant, question, reason):
    answer = ask(assistant, question)
    assert answer.status == "answered" and reason in answer.text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "why are council asb cases rising",    # the plan notes the rise, gives no reason
    "why did hate crime go up?",           # no note gives a reason
    "why did shoplifting go up",           # violent crime's reason is not shoplifting's
    "why did crime fall?",                 # the reason given is for a rise
])
def test_why_without_a_stated_reason_is_no_answer(assistant, question):
    answer = ask(assistant, question)
    assert answer.status == "no_answer" and answer.text.startswith("The plan gives no reason")


def test_a_percentage_change_between_two_financial_years_totals_their_quarters(assistant):
    text = ask(assistant, "Year-on-year % change in child-involved domestic occurrences, "
                          "2019/20 to 2020/21?").text.replace("**", "")
    assert "+6.1%" in text and "1,490 (362 + 385 + 373 + 370)" in text


def test_one_part_against_the_sum_of_others_named(assistant):
    ask(assistant, "race hate crime oxford 2021")
    text = ask(assistant, "is that more than faith and disablist combined?").text
    assert text.startswith("Yes.") and "84 (40 + 44)" in text.replace("**", "")
    assert "+336 (420 − 84)" in text.replace("**", "")


def test_a_part_s_share_of_each_area_s_own_total_and_the_gap_in_points(assistant):
    """420 / 594 = 70.707%, 873 / 1,348 = 64.763%: 5.94 points."""
    text = ask(assistant, "percentage point difference between race share of hate crime in "
                          "oxford vs oxfordshire").text.replace("**", "")
    assert "420 ÷ 594 × 100 = 70.71" in text and "873 ÷ 1,348 × 100 = 64.76" in text
    assert "The gap is 5.94 percentage points (70.707 − 64.763)" in text
    text = ask(assistant, "is personal ASB a bigger slice of the total in Oxford or across "
                          "Oxfordshire?").text.replace("**", "")
    assert "302 ÷ 1,731" in text and "1,279 ÷ 6,039" in text and "bigger in Oxfordshire" in text


def test_a_count_of_the_rest_of_an_area_adds_up_every_part(assistant):
    """Hate crime outside Oxford, every strand: 1,348 − 594 = 754 in all, shown with its sum."""
    answer = assistant.ask("how many hate crime victims were there in the rest of oxfordshire, "
                           "outside oxford city, in 2021?")
    assert "754" in answer.text and "453" in answer.text


def test_an_area_taken_out_with_the_particle_apart_is_the_rest(assistant):
    """"once you take Oxfordshire out": Thames Valley less Oxfordshire, 157,050 − 41,973."""
    answer = assistant.ask("2020: how many crimes did Thames Valley record once you take "
                           "Oxfordshire out?")
    assert "115,077" in answer.text and "157,050 − 41,973" in answer.text


def test_a_printed_change_quoted_back_is_explained_with_its_working(assistant):
    answer = assistant.ask("What does the +124 under the council's ASB figures refer to?")
    assert answer.status.value == "answered"
    assert "2020 to 2021" in answer.text and "3,733 − 3,609" in answer.text
    answer = assistant.ask("what does the -8.43% for domestic abuse in oxford mean?")
    assert "1,768 − 1,917" in answer.text and "computed against 2021" in answer.text
    assert "not a year, quarter or figure" not in answer.text


def test_parts_joined_with_plus_are_each_added(assistant):
    answer = assistant.ask("thames valley total victims CSE+FGM+FM+HBV")
    assert "505" in answer.text and "314 + 9 + 4 + 178" in answer.text


def test_parts_added_up_as_a_percentage_of_the_printed_total(assistant):
    assistant.ask("personal ASB oxford")
    assistant.ask("and community?")
    answer = assistant.ask("both together as a % of oxford's total?")
    assert "1,568 ÷ 1,731 × 100 = 90.58" in answer.text


def test_the_gap_between_two_changes_is_worked_out(assistant):
    """"The gap between the two rises": the larger change less the smaller, with the sum shown."""
    answer = assistant.ask("total crime change 2020 to 2021, oxford and oxfordshire - what's the "
                           "gap between the two increases?")
    assert status_of(answer) == "answered"
    assert "**3,150**" in answer.text and "4,624 − 1,474" in answer.text
