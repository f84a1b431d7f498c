"""Redaction on a table of real-world spellings: what must go, and what must stay."""

from __future__ import annotations

import pytest

from oscp_qa.redact import MAX_CHARS, redact

PHONES = [
    "07700 900123", "07700900123", "07700-900-123", "07700 900 123", "077 009 00123",
    "07700.900.123", "(07700) 900123", "+44 7700 900123", "+447700900123", "+44 (0)7700 900123",
    "+44(0)7700900123", "0044 7700 900123", "00447700900123", "+44 7700-900-123",
    "01865 249811", "01865249811", "(01865) 249811", "(01865)249811", "01865-249811",
    "01865 249 811", "+44 1865 249811", "+44 (0)1865 249 811", "020 7946 0018", "0207 946 0018",
    "020-7946-0018", "(020) 7946 0018", "+44 20 7946 0018", "0800 123 4567", "0808 2000 247",
    "0300 123 1234", "016977 3456",
]


@pytest.mark.parametrize("number", PHONES)
@pytest.mark.parametrize("template,expected", [
    ("{}", "[phone]"),
    ("ring {}, thanks", "ring [phone], thanks"),
    ("my number is {}.", "my number is [phone]."),
    ("call me on {}!", "call me on [phone]!"),
    ("tel:{}", "tel:[phone]"),
    ("({})", "([phone])"),
    ("{}; or e-mail", "[phone]; or e-mail"),
])
def test_uk_phone_numbers_in_every_spelling_and_punctuation(number, template, expected):
    assert redact(template.format(number)) == expected


@pytest.mark.parametrize("typed,stored", [
    # e-mail
    ("email me at jo.bloggs@example.org please", "email me at [e-mail] please"),
    ("JO_BLOGGS+crime@mail.example.co.uk.", "[e-mail]."),
    ("jo.bloggs (at) example (dot) org", "[e-mail]"),
    ("jo[at]example[dot]com", "[e-mail]"),
    # postcodes
    ("burglary near OX4 1AB?", "burglary near [postcode]?"),
    ("I live in ox41ab, is it safe", "I live in [postcode], is it safe"),
    ("SW1A 1AA.", "[postcode]."),
    ("OX1 1BX, Oxford", "[postcode], Oxford"),
    # National Insurance numbers
    ("my NI is QQ 12 34 56 C", "my NI is [NI number]"),
    ("NINO: qq123456c.", "NINO: [NI number]."),
    ("AB-12-34-56-D", "[NI number]"),
    # dates of birth and dates
    ("born 12/03/1985", "[date of birth]"),
    ("DOB: 12.03.85, is that ok", "[date of birth], is that ok"),
    ("d.o.b. 3rd March 1985", "[date of birth]"),
    ("my date of birth is 3 March 1985.", "my [date of birth]."),
    ("I was born on March 3rd, 1985", "I was [date of birth]"),
    ("it happened on 14/02/2022", "it happened on [date]"),
    ("14-2-22", "[date]"),
    # card and account numbers
    ("card 4111 1111 1111 1111", "card [card number]"),
    ("4111-1111-1111-1111.", "[card number]."),
    ("5500005555555559", "[card number]"),
    ("account number 12345678", "[account number]"),
    ("sort code 12-34-56 acc no 12345678", "[account number] [account number]"),
    ("my account is 31926819, why", "my account is [account number], why"),
    # street addresses with a number
    ("I live at 12 Cowley Road", "I live at [address]"),
    ("12a high street, Oxford", "[address], Oxford"),
    ("Flat 3, 45 Iffley Road.", "[address], [address]"),
    ("221B Baker St", "[address]"),
    ("at 7 St Clement's Street", "at [address]"),
    ("10 Downing Street is where", "[address] is where"),
    # names
    ("my name is Jo Bloggs and I was robbed", "my name is [name] and I was robbed"),
    ("My name is jo, help", "My name is [name], help"),
    ("my name's Priya Patel", "my name's [name]"),
    ("Hi, I'm Sam O'Neill", "Hi, I'm [name]"),
    ("I am Mary-Jane Smith from Cowley", "I am [name] from Cowley"),
    ("call me Alex", "call me [name]"),
    ("I'm called sam", "I'm called [name]"),
    # a lone surrogate is made valid text, not an error
    ("hate crime \ud800?", "hate crime ??"),
])
def test_personal_details_are_replaced(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize("question", [
    "What is Nightsafe?",
    "crime in OX4?",                                        # a district alone is no address
    "compare 2017 2018 2019 2020 2021",
    "What was the £426,000 for?",
    "how did total crime change from 2020 to 2021?",
    "how many of the 14 priorities are about the night-time economy?",
    "3 crimes on the road",
    "were there 3,846 victims in Thames Valley?",
    "what about Q3 2021?",
    "call 999 or 101",
    "0800 numbers? 2,000 calls",
    "I am worried about hate crime",
    "I'm being followed",
    "Is 2021 higher than 2020 by 10%?",
    "between 1 April 2021 and 31 March 2022",
    "in the year 2021/22",
    "ASB in 2021-22",
])
def test_plan_questions_stay_as_typed(question):
    assert redact(question) == question


def test_text_is_trimmed_and_cut():
    assert redact("   spaces around   ") == "spaces around"
    assert len(redact("x" * 5000)) == MAX_CHARS
