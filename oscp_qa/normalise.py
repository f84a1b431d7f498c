"""Turn typed text into comparable tokens: case, quotes, possessives, spelt-out years."""

from __future__ import annotations

import re
import unicodedata

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_UNIT = "|".join(_UNITS)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
NUMBER_WORDS = frozenset([*_UNITS, *_TENS, *_SCALES])  # a count said in words ("four cases")
# "twenty-four thousand", "24 thousand", "1.5 million": a count, never a year
# "half a million", "a quarter of a million": a count said as a part of a scale
_PART_OF_SCALE = re.compile(r"\b(half|a quarter of|quarter of) an? (million|thousand)\b")
_SPOKEN_COUNT = re.compile(
    rf"\b(\d+(?:\.\d+)?|(?:{'|'.join(_TENS)})(?:[ -](?:{_UNIT}))?|{_UNIT})[ -]({'|'.join(_SCALES)})\b")
# "twenty twenty-one", "twenty nineteen", "two thousand and twenty"
_SPOKEN_YEAR = re.compile(
    rf"\b(twenty|two thousand(?: and)?)[ -](twenty(?:[ -](?:{_UNIT}))?|{_UNIT})\b"
    rf"(?![ -](?:{'|'.join(_SCALES)}))"
)
_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": " ",
                              "→": " to "})
_ARROW = re.compile(r"\s*-+>\s*")  # "2020 -> 2021": from one to the other
_NOT = re.compile(r"n't\b")
_WHO_IS = re.compile(r"\bwho'?s\b")
_POSSESSIVE = re.compile(r"'s\b|s'(?=\s|$)")
_PERCENT = re.compile(r"(?<=\d)%|%(?=\d)")
_POUND = re.compile(r"£(?=\d)")
_TO = re.compile(r"(?<=[a-z])-to-(?=[a-z])")
_KIND = re.compile(r"(?<=[a-z])-(?=(?:type|types|kind|kinds|style)\b)")
_THOUSANDS = re.compile(r"\b(\d+(?:\.\d+)?)k\b")  # "426k" is 426,000
_PREFIX = re.compile(r"\b(re|co)-(?=[a-z])")  # "re-opened" is "reopened", "co-ordinator" "coordinator"
_CHARS_TO_SPACE = re.compile(r"[^a-z0-9%£/+\-.,' ]")
# Lower-case letters and spaces: nothing below changes such text but its spacing, unless it
# holds a word rewritten (a year spelt out, "whos"). Most names are like this, and a
# vocabulary normalises tens of thousands of them.
_PLAIN = re.compile(r"[a-z ]+")
_REWRITTEN = ("twenty", "two thousand", "whos", "half a", *_SCALES)


# "2017-2021", "2017-21": a run of years; "2020-21" and "2020-2021" stay one financial year
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)-((?:19|20)?\d\d)\b")


# "21 v 20", "20 vs 21", "21 compared to 20": two years set against each other, written short
_SHORT_YEARS = re.compile(r"(?<![\d.,-])\b(1[5-9]|2\d) ?(v|vs|versus|against|compared to|compared with)"
                          r" ?(1[5-9]|2\d)\b(?![.,-]?\d)")


def _short_years(match: re.Match) -> str:
    if match.string[:match.start()].rstrip().endswith(("aged", "age", "ages")):
        return match.group()  # "aged 18 compared to 24": ages
    return f"20{match.group(1)} {match.group(2)} 20{match.group(3)}"


def _year_span(match: re.Match) -> str:
    start, end = int(match.group(1)), int(match.group(2)[-2:])
    return match.group() if end <= (start + 1) % 100 else f"{match.group(1)} to {match.group(1)[:2]}{end:02d}"


def _spoken_count(match: re.Match) -> str:
    head = match.group(1).replace("-", " ").split()
    value = float(head[0]) if head[0][0].isdigit() else \
        _TENS.get(head[0]) or _UNITS[head[0]]
    if len(head) > 1:
        value += _UNITS[head[1]]
    value *= _SCALES[match.group(2)]
    return str(int(value)) if value == int(value) else str(value)


def _spoken_year(match: re.Match) -> str:
    rest = match.group(2).replace("-", " ").split()
    value = 20 if rest[0] == "twenty" else _UNITS[rest[0]]
    if rest[0] == "twenty" and len(rest) > 1:
        value += _UNITS[rest[1]]
    return str(2000 + value)


def normalise(text: str) -> str:
    """Lower-case, plain-ASCII-ish text with one space between tokens."""
    if text.isascii():
        lower = text.lower()
        if _PLAIN.fullmatch(lower) and not any(word in lower for word in _REWRITTEN):
            return " ".join(lower.split())
    return _normalise(text)


def _normalise(text: str) -> str:
    """Any text, step by step."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_PUNCTUATION)
    text = _ARROW.sub(" to ", text)
    text = _NOT.sub(" not", text)
    text = _WHO_IS.sub("who is", text)  # "who's the chair?" asks who someone is
    text = _POSSESSIVE.sub(lambda m: "" if m.group() == "'s" else "s", text)
    text = _CHARS_TO_SPACE.sub(" ", text).replace("'", " ")
    text = _PERCENT.sub(" % ", text)
    text = _POUND.sub("£ ", text)
    text = _SPOKEN_YEAR.sub(_spoken_year, text)
    text = _PART_OF_SCALE.sub(lambda m: str(int(_SCALES[m.group(2)] * (
        0.5 if m.group(1) == "half" else 0.25))), text)
    text = _SPOKEN_COUNT.sub(_spoken_count, text)
    text = _THOUSANDS.sub(lambda m: f"{round(float(m.group(1)) * 1000):,}", text)
    text = _YEAR_SPAN.sub(_year_span, text)
    text = _SHORT_YEARS.sub(_short_years, text)
    text = _TO.sub(" to ", text)  # "April-to-June"
    text = _KIND.sub(" ", text)  # "community-type"
    text = _PREFIX.sub(r"\1", text)
    tokens = [token.strip(".,-/") or token for token in text.split()]
    return " ".join(t for t in tokens if t and t not in {".", ",", "-", "/"})


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def count_said(sentence: str) -> int | None:
    """The first count a sentence states, in figures or in words ("Two of the cases ..."), so
    that an answer to "how many?" leads with the number itself."""
    for word in normalise(sentence).split():
        digits = word.replace(",", "")  # "426,000"
        if digits.isdigit() or word in _UNITS:
            return int(digits) if digits.isdigit() else _UNITS[word]
    return None
