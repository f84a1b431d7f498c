"""Personal details taken out of text a visitor typed, before any of it is stored.

Each rule is a row: what it replaces, the pattern, and (for some) a check that a match really
is that kind of detail. The rules run in order: the specific ones (e-mail, NI number, card,
date of birth, phone) before the general ones (address, name), so that a phone number is never
half eaten by an address. What is left is cut to a sane length and made valid UTF-8 (a lone
surrogate would make any database refuse it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

MAX_CHARS = 2000   # a bound on any text kept, whoever passes it; the app passes questions
                   # already cut to what the assistant reads (settings.yaml: max_question_chars)

STREET_WORDS = (
    "road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|place|pl|court|ct|crescent|cres|"
    "terrace|gardens|grove|hill|square|sq|walk|mews|row|park|view|green|rise|parade|yard|end")
LINKS = "the|of|in|on|at|a|an|for|to|and|or|by|with|from|per|each|every|than|this|that"
MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
PLACEHOLDER = re.compile(r"\[[a-zA-Z -]+\]")
NAME = r"[A-Z](?:[a-z]+|'[A-Z][a-z]+)(?:-[A-Z][a-z]+)?"
NAMES = rf"{NAME}(?:\s+{NAME}){{0,2}}"        # "Jo", "Jo Bloggs", "Mary-Jane O'Neill Smith"


class Rule(NamedTuple):
    placeholder: str
    pattern: re.Pattern
    check: Callable[[re.Match], bool] | None = None


def _digits(match: re.Match) -> str:
    return re.sub(r"\D", "", match.group())


def _years(match: re.Match) -> bool:
    """"2018 2019 2020 2021" is a list of years, however many digits it adds up to."""
    return all(re.fullmatch(r"(19|20)\d\d", group) for group in re.findall(r"\d+", match.group()))


def _card(match: re.Match) -> bool:
    """A run of 13 to 19 digits passing the Luhn check, as every payment card number does."""
    digits = _digits(match)
    if _years(match):
        return False
    total = sum(int(d) if i % 2 == 0 else sum(divmod(int(d) * 2, 10))
                for i, d in enumerate(reversed(digits)))
    return 13 <= len(digits) <= 19 and total % 10 == 0


def _date(match: re.Match) -> bool:
    day, month = (int(part) for part in re.findall(r"\d+", match.group())[:2])
    return 1 <= day <= 31 and 1 <= month <= 12


def _uk_phone(match: re.Match) -> bool:
    """A UK number: 0 and 9 or 10 digits, or +44 / 0044 and the same without its 0."""
    digits = _digits(match)
    if match.group().startswith(("+", "00")):
        digits = "0" + digits.removeprefix("00").removeprefix("44").removeprefix("0")
    return 10 <= len(digits) <= 11


RULES: list[Rule] = [
    Rule("[e-mail]", re.compile(
        r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\s?(?:\.|\(dot\)|\[dot\])\s?[\w-]+)+", re.I)),
    Rule("[NI number]", re.compile(
        r"\b[A-Z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-D]\b", re.I)),
    Rule("[card number]", re.compile(r"(?<![\d£$€])\d(?:[ -]?\d){12,18}(?!\d)"), _card),
    Rule("[date of birth]", re.compile(
        r"\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth|birthday)(?:\s+(?:is|was))?[:\s]*"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[./-]\s*\d{{1,2}}|(?:of\s+)?(?:{MONTHS})\b)"
        rf"|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?)[\s,./-]*(?:\d{{2}}|\d{{4}})?\b", re.I)),
    Rule("[date]", re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b"), _date),
    Rule("[phone]", re.compile(
        r"(?<![\w+£$€])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(0(?=\d{2,5}\))|0)(?:[\s().-]{0,2}\d){8,10}(?!\d)"),
        _uk_phone),
    Rule("[account number]", re.compile(
        r"\b(?:sort\s*code|account(?:\s*(?:number|no\.?))?|acc(?:ount)?\s*no\.?)[:\s]*"
        r"\d[\d\s-]{4,}\d\b", re.I)),
    Rule("[account number]", re.compile(r"\b\d{2}-\d{2}-\d{2}\b|(?<![\d,.£$€])\d{8}(?![\d,.]\d)")),
    Rule("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.I)),
    Rule("[address]", re.compile(
        rf"(?<![\d,.£$€])(?!(?:19|20)\d\d\b)\d{{1,4}}[a-z]?,?\s+(?:(?!(?:{LINKS})\b)[a-z][\w'-]*\s+){{1,3}}"
        rf"(?:{STREET_WORDS})\b\.?", re.I)),
    Rule("[address]", re.compile(r"\b(?:flat|apartment|apt|unit|house)\s+\d+[a-z]?\b", re.I)),
    Rule("[name]", re.compile(   # the cue is kept: "my name is [name]"
        rf"(?P<cue>\b(?i:my name is|my name's|i'm called|i am called)\s+)(?:{NAMES}|[a-z]+)"
        rf"|(?P<cue2>\b(?i:call me|i'm|i am)\s+){NAMES}")),
]


def redact(text: str) -> str:
    """The text with personal details replaced by what they were ("[phone]"), cut to length."""
    text = text.encode("utf-8", "replace").decode("utf-8").strip()[:MAX_CHARS]
    for rule in RULES:
        text = rule.pattern.sub(lambda m, r=rule: _replace(r, m), text)
    return text


def _replace(rule: Rule, match: re.Match) -> str:
    if rule.check and not rule.check(match):
        return match.group()
    cue = next((c for name, c in match.groupdict().items() if name.startswith("cue") and c), "")
    return cue + rule.placeholder


def remove_details(text: str) -> str:
    """The text with personal details taken out altogether, placeholders and all: what is left
    to read for unknown words."""
    return PLACEHOLDER.sub(" ", redact(text))
