"""How numbers read: worked-out per cents to one decimal place, the plan's own as printed."""

from __future__ import annotations

import pytest

from oscp_qa import format as fmt


@pytest.mark.parametrize("value,signed,text", [
    (44.0652, False, "44.1%"),
    (24.48, False, "24.5%"),
    (10.17, True, "+10.2%"),
    (-8.8525, True, "-8.9%"),
    (0.0, True, "0.0%"),
    (1234.56, False, "1,234.6%"),
])
def test_a_worked_out_per_cent_has_one_decimal(value, signed, text):
    assert fmt.percent(value, signed) == text


@pytest.mark.parametrize("value,text", [(11.01, "+11.01%"), (-9.7, "-9.7%"), (28.0, "+28%")])
def test_a_printed_per_cent_shows_as_the_plan_prints_it(value, text):
    assert fmt.printed_percent(value, signed_=True) == text


def test_the_answer_says_one_decimal_its_working_and_facts_keep_two(assistant):
    answer = assistant.ask("what share of oxfordshire hate crime is in oxford")
    assert "**44.1%**" in answer.text and "594 ÷ 1,348 × 100 = 44.07)" in answer.text
    assert [f.value for f in answer.facts if f.unit == "per cent"] == [44.07]


def test_a_printed_per_cent_that_differs_is_quoted_as_printed(assistant):
    answer = assistant.ask("how much did crime go up in oxfordshire between 2020 and 2021")
    assert "**+11.0%**" in answer.text
    assert "The plan prints +11.01% (Table 1)" in answer.text
