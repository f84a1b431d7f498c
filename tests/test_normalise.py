"""normalise() takes a short cut for plain names (letters and spaces); it must give what the
full path gives, for every phrase the knowledge holds and for many made-up texts."""

from __future__ import annotations

import random

import pytest

from oscp_qa import knowledge
from oscp_qa.normalise import _normalise, normalise

PIECES = ["a", "b", "Z", " ", "  ", "twenty", "Twenty", "two thousand", "two", "thousand", "hundred",
          "forty", "four", "1.5", "24", "million",
          "and", "one", "nineteen", "who", "whos", "s", "'", "-", "to", "type", "n't", "%", "£", "2021",
          "é", "’", "\t", ".", ",", "/", "(", ")"]


def _phrases() -> list[str]:
    kb = knowledge.load()
    language = kb.language
    found = [p for term in language.terms for p in term.phrases]
    found += [alias for area in language.areas for alias in area.aliases]
    found += [cue for rule in language.intents for cue in rule.cues]
    for plan in kb.plans:
        found += [t.term for t in plan.glossary] + [a.title for a in plan.achievements]
        found += [s.title for s in plan.sections] + [t.title for t in plan.tables]
    return found


def test_every_knowledge_phrase_reads_the_same():
    phrases = _phrases()
    assert len(phrases) > 100
    assert [normalise(p) for p in phrases] == [_normalise(p) for p in phrases]


def test_made_up_texts_read_the_same():
    pick = random.Random(12)
    for _ in range(20000):
        text = "".join(pick.choice(PIECES) for _ in range(pick.randint(0, 8)))
        assert normalise(text) == _normalise(text), text


@pytest.mark.parametrize("text, expected", [
    ("Hate Crime  ", "hate crime"),
    ("twenty twenty one", "2021"),
    ("Two thousand and twenty", "2020"),
    ("twenty-four thousand incidents", "24000 incidents"),  # a count, not the year 2004
    ("about 1.5 million", "about 1500000"),
    ("nine hundred victims", "900 victims"),
    ("", ""),
])
def test_plain_texts(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("text, year", [("21/22", "2021/22"), ("2021/22", "2021/22"),
                                        ("2018-2019", "2018/19"), ("21/23", None)])
def test_financial_years_in_short(text, year):
    from oscp_qa.numbers import _financial
    assert _financial(text) == year


def test_every_intent_cue_is_written_as_questions_are_read():
    """A cue is matched against the normalised question: one written otherwise never matches."""
    cues = [cue for rule in knowledge.load().language.intents for cue in rule.cues]
    assert [c for c in cues if normalise(c) != c] == []



@pytest.mark.parametrize("typed, read", [
    ("hate crime 21 v 20", "hate crime 2021 v 2020"),
    ("asb 20 vs 21", "asb 2020 vs 2021"),
    ("18-24 vs 25-49", "18-24 vs 25-49"),     # age bands, not years
    ("21 vs 20.5", "21 vs 20.5"),             # not two whole years
])
def test_two_short_years_set_against_each_other_are_years(typed, read):
    assert normalise(typed) == read


def test_an_arrow_between_years_reads_as_to():
    assert normalise("thames valley total crime 2020 -> 2021, % change?") == \
        "thames valley total crime 2020 to 2021 % change"


@pytest.mark.parametrize("text, said", [
    ("half a million pounds", "500000 pounds"),
    ("a quarter of a million", "250000"),
])
def test_part_of_a_scale_is_a_number(text, said):
    assert normalise(text) == said


def test_thousands_written_with_k_are_read_as_the_number():
    assert normalise("that 426k for women and girls") == "that 426,000 for women and girls"
    assert normalise("1.5k") == "1,500"


def test_years_written_short_and_compared_are_years_but_ages_stay_ages():
    assert normalise("in 21 compared to 20") == "in 2021 compared to 2020"
    assert normalise("victims aged 18 compared to 24") == "victims aged 18 compared to 24"
