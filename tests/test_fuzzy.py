"""The typo index finds exactly what comparing a misspelling with every known phrase finds.

For a large vocabulary `fuzzy.TypoIndex` only scores the phrases sharing enough letter pairs
with the typed text (`letter_pairs`); these tests make it do so for every list, small ones too,
and check over many random misspellings that it never loses a phrase a full rapidfuzz scan
keeps, and so picks the same best phrase (ties included: the first one given).
"""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from oscp_qa.fuzzy import TypoIndex

LETTERS = "abcdefghijklmnopqrstuvwxyz -'"


def full_scan(text: str, phrases: list[str], max_edits: int) -> str | None:
    """What the assistant did before the index: score every phrase."""
    found = process.extractOne(text, phrases, scorer=DamerauLevenshtein.distance, processor=None,
                               score_cutoff=max_edits)
    return found[0] if found else None


def within(text: str, phrases: list[str], max_edits: int) -> set[str]:
    return {p for p, _, _ in process.extract(text, phrases, scorer=DamerauLevenshtein.distance,
                                             processor=None, score_cutoff=max_edits, limit=None)}


def misspell(rng: random.Random, text: str, edits: int) -> str:
    """`text` with `edits` random substitutions, insertions, deletions or swaps of neighbours."""
    chars = list(text)
    for _ in range(edits):
        at = rng.randrange(len(chars) + 1)
        kind = rng.choice(("substitute", "insert", "delete", "swap"))
        if kind == "insert" or not chars:
            chars.insert(at, rng.choice(LETTERS))
        elif kind == "substitute":
            chars[min(at, len(chars) - 1)] = rng.choice(LETTERS)
        elif kind == "delete":
            del chars[min(at, len(chars) - 1)]
        elif len(chars) > 1:
            at = min(at, len(chars) - 2)
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


def typed(rng: random.Random, phrases: list[str], count: int):
    """(text, max_edits) pairs: misspellings of the phrases with 0-5 edits, allowed 1-4 edits
    (the assistant allows one per seven letters), and some unrelated words."""
    for _ in range(count):
        if rng.random() < 0.1:
            text = "".join(rng.choice(LETTERS) for _ in range(rng.randrange(1, 25)))
        else:
            text = misspell(rng, rng.choice(phrases), rng.randrange(6))
        yield text, rng.choice((max(1, len(text) // 7), 1, 2, 3, 4))


def assert_same_as_full_scan(phrases: list[str], count: int, seed: int) -> None:
    index = TypoIndex(phrases, scan_below=0)
    assert index._pairs is not None
    rng = random.Random(seed)
    for text, max_edits in typed(rng, phrases, count):
        assert index.closest(text, max_edits) == full_scan(text, phrases, max_edits), (text, max_edits)
        assert within(text, phrases, max_edits) <= set(index.candidates(text, max_edits)), text


def vocabulary_lists(engine) -> dict[str, list[str]]:
    """Every list of phrases the assistant looks misspellings up in."""
    vocabulary = engine.vocabulary
    lists = {f"{name} {size}-word": index.phrases
             for name, gazetteer in (("language", vocabulary.language), ("names", vocabulary.names))
             for size, index in sorted(gazetteer._typos.items())}
    lists["known words"] = engine.understander.lexicon.long_known.phrases
    return lists


def test_the_assistant_looks_typos_up_through_typo_indexes(engine):
    lists = vocabulary_lists(engine)
    assert {"language 1-word", "language 2-word", "names 3-word", "known words"} <= set(lists)
    assert all(lists.values())


def test_typos_of_the_vocabulary_find_what_a_full_scan_finds(engine):
    for number, (name, phrases) in enumerate(vocabulary_lists(engine).items()):
        assert_same_as_full_scan(phrases, count=300, seed=number), name


def test_a_large_vocabulary_of_near_twins_finds_what_a_full_scan_finds(engine):
    """Thousands of phrases built from the same few hundred words, so a typo is often as near
    to several phrases as to one, and the first of them must win; repeats included."""
    rng = random.Random(12)
    words = sorted({w for phrases in vocabulary_lists(engine).values() for p in phrases
                    for w in p.split()})
    phrases = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 4))) for _ in range(4000)]
    phrases += rng.sample(phrases, 200)
    assert_same_as_full_scan(phrases, count=500, seed=13)


@pytest.mark.parametrize("scan_below", [0, 1000])
@pytest.mark.parametrize("text, max_edits, expected", [
    ("crmie", 1, "crime"),            # a swap
    ("crim", 1, "crime"),             # a letter missing
    ("crimes", 1, "crime"),           # a letter more
    ("crame", 1, "crime"),            # a letter changed
    ("prime", 1, "prime"),            # itself, though "crime" comes first
    ("grime", 1, "crime"),            # ties with "prime" at one edit: the first given wins
    ("cr", 1, None),                  # too short to share a pair, too far by length
    ("x", 4, None),
])
def test_closest(text, max_edits, expected, scan_below):
    index = TypoIndex(["crime", "prime", "crime", "violence"], scan_below=scan_below)
    assert index.closest(text, max_edits) == expected
    assert len(index) == 3                       # the repeat is kept once


def test_a_small_vocabulary_is_scanned_and_a_large_one_narrowed_by_letter_pairs():
    assert TypoIndex(["crime"] * 2000)._pairs is None                  # one phrase, repeated
    assert TypoIndex([f"phrase {n}" for n in range(2000)])._pairs is not None


@pytest.mark.parametrize("scan_below", [0, 1000])
def test_an_empty_index_finds_nothing(scan_below):
    assert TypoIndex([], scan_below=scan_below).closest("crime", 2) is None


def test_a_phrase_holding_nul_is_refused():
    with pytest.raises(ValueError, match="NUL"):
        TypoIndex(["a\0b"], scan_below=0)


@pytest.mark.parametrize("text, found", [
    ("enviro", "environment"),     # "environmental" begins with "environment" too
    ("approx", "approximately"),
    ("polic", None),               # "police" and "policing": two words, so neither
    ("zzzzz", None),
])
def test_a_word_cut_short_is_the_one_it_begins(text, found):
    index = TypoIndex(["environment", "environmental", "approximately", "police", "policing"])
    assert index.begun(text) == found


def test_a_word_is_not_the_cut_short_start_of_a_joined_one():
    assert TypoIndex(["break-ins", "burglary"]).begun("break") is None
