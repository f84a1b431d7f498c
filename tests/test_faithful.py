"""Everything shown as the plan's is the plan's.

Every glossary meaning and expansion, achievement summary and table `counts` line is checked
against the plan's own text (the .txt in the plan's folder), cut into sections by the titles in
sections.yaml and read here without the database:

- a quoted span ("…") must be in the plan word for word (case, quotes, dashes, spacing aside);
- every other content word must be in the part of the plan the item names (a term's `in_plan`
  sections, an achievement's heading, a table's section), as written or with another ending
  (victim / victims, reduce / reduced). A word the plan does not use there ("standard",
  "funded", "calendar", "once") fails;
- an expansion (`stands_for`) shown as the plan's must be in those sections word for word, and
  so must the term itself.

Anything else is general knowledge: it goes in a term's `general` field, or its expansion is
marked `stands_for_source: general`, and answers and pages show it as not from the plan.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from conftest import KNOWLEDGE, PLAN_DIR

from oscp_qa import knowledge

# Words that carry no claim of their own.
STOPWORDS = set("""
a an the of in on at to for from by with as and or but nor not no so than then that this these
those which who whom whose what when where while it its is are was were be been being has have
had do does did will would can could may might shall should must their them they there here
such each both all any some other also only into onto over under about after before between
through during within without per one two very more most
""".split())
# Words about the plan as a document, not about the world: an item may say what the plan
# prints, names or leaves out. None of them states a fact the plan might not hold.
FRAMING = set("""
plan plans sentence sentences text table tables chart charts figure figures printed prints
print give gives given giving say says said state states stated name names named call calls
called list lists listed use uses used describe describes described describing itself missing
row rows column columns heading headed count counts counted show shows shown mention mentions
mentioned abbreviation abbreviations expand expands expanded spell spells spelt further define
defines defined area areas period periods
""".split())
QUOTE = re.compile(r'"([^"]+)"')
ENDINGS = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def normalise(text: str) -> str:
    text = text.lower()
    for old, new in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        text = text.replace(old, new)
    return " ".join(text.split())


def stem(word: str) -> str:
    """Crude, but the same for both sides: identify / identifying / identified -> identif."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word[-1:] in ("e", "y") and len(word) > 3 else word


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalise(text))


def content_words(text: str) -> list[str]:
    return [w for w in dict.fromkeys(words(text))
            if w not in STOPWORDS and w not in FRAMING and (len(w) > 1 or w.isdigit())]


class PlanText:
    """The plan's text, and the text of each of its sections with their sub-sections."""

    def __init__(self, plan_knowledge):
        folder = KNOWLEDGE / "plans" / plan_knowledge.plan.id
        lines = (folder / plan_knowledge.plan.source_file).read_text(encoding="utf-8").splitlines()
        self.whole = normalise(" ".join(lines))
        starts, at = [], 0
        for section in plan_knowledge.sections:
            found = next((i for i in range(at, len(lines))
                          if normalise(lines[i]).rstrip(":") == normalise(section.title)), None)
            assert found is not None, f"section title {section.title!r} is not a line of the plan"
            starts.append(found)
            at = found + 1
        own = {}
        for index, section in enumerate(plan_knowledge.sections):
            end = starts[index + 1] if index + 1 < len(starts) else len(lines)
            own[section.id] = " ".join(lines[starts[index]:end])
        children: dict[str | None, list[str]] = {}
        for section in plan_knowledge.sections:
            children.setdefault(section.parent, []).append(section.id)

        def with_children(section_id: str) -> str:
            return " ".join([own[section_id]] + [with_children(c) for c in children.get(section_id, [])])

        self.sections = {normalise(s.title): normalise(with_children(s.id))
                         for s in plan_knowledge.sections}

    def window(self, places: str | None) -> str:
        """The text of the sections named ("Section > Sub-section; Other"), or the whole plan."""
        if not places:
            return self.whole
        found = []
        for place in places.split(";"):
            title = normalise(place.split(">")[-1])
            assert title in self.sections, f"no section {place.strip()!r} in the plan"
            found.append(self.sections[title])
        return " ".join(found)


def not_in_plan(statement: str, window: str) -> list[str]:
    """What of `statement` the plan does not say in `window`: quoted spans, then words."""
    missing = [f'"{q}"' for q in QUOTE.findall(normalise(statement)) if normalise(q) not in window]
    outside = QUOTE.sub(" ", normalise(statement))
    have = {stem(w) for w in words(window)}
    missing += [w for w in content_words(outside) if stem(w) not in have]
    return missing


@lru_cache(maxsize=1)
def plans():
    return [(p, PlanText(p)) for p in knowledge.load(KNOWLEDGE).plans]


def _items():
    for plan, text in plans():
        for term in plan.glossary:
            yield pytest.param(term.meaning, text.window(term.in_plan),
                               id=f"{plan.plan.id}:glossary:{term.term}")
        for item in plan.achievements:
            yield pytest.param(item.summary, text.window(item.heading),
                               id=f"{plan.plan.id}:achievement:{item.id}")
        for table in plan.tables:
            yield pytest.param(table.counts, text.window(table.section),
                               id=f"{plan.plan.id}:counts:{table.id}")


@pytest.mark.parametrize(("statement", "window"), list(_items()))
def test_statement_is_the_plans(statement, window):
    assert not_in_plan(statement, window) == []


def _expansions():
    for plan, text in plans():
        for term in plan.glossary:
            if term.stands_for and term.stands_for_source == "plan":
                yield pytest.param(term, text.window(term.in_plan),
                                   id=f"{plan.plan.id}:{term.term}")


@pytest.mark.parametrize(("term", "window"), list(_expansions()))
def test_expansion_is_the_plans(term, window):
    """An expansion shown as the plan's is printed in the plan, and so is the term."""
    assert normalise(term.stands_for) in window
    assert re.search(rf"\b{re.escape(normalise(term.term))}\b", window)


def test_achievement_text_and_facts_are_quoted_from_the_plan():
    """An achievement's `text` and facts are the plan's words, as printed."""
    for plan, text in plans():
        for item in plan.achievements:
            assert normalise(item.text) in text.whole, item.id
            for fact in item.facts:
                assert normalise(fact.value).rstrip(".") in text.whole, (item.id, fact.label)


def test_general_knowledge_is_marked_and_kept_apart():
    """The marker is a field, so no meaning carries an 'In general' phrase instead."""
    for plan, _ in plans():
        for term in plan.glossary:
            assert "in general" not in normalise(term.meaning), term.term
            assert term.general is None or term.general.strip(), term.term


@pytest.mark.parametrize(("statement", "window", "caught"), [
    ("DAHA accreditation is a UK standard for how housing providers respond to domestic abuse.",
     "achievements in 2021 > domestic abuse", "standard"),
    ("Funded by a £426,000 award to Oxford City Council, it brought together councils.",
     "safety in the night-time economy", "funded"),
    ("Victims of crime more than once are counted once.", "domestic abuse and exploitation",
     "once"),
    ("Recorded domestic abuse offences in each calendar year 2017 to 2021.",
     "domestic abuse and exploitation", "calendar"),
    ('The plan calls it "the Office for National Statistics".', "crime in oxford",
     '"the office for national statistics"'),
])
def test_the_check_catches_words_the_plan_does_not_say(statement, window, caught):
    """The check itself can fail: statements like those once shown as the plan's are caught."""
    plan_text = next(text for plan, text in plans() if plan.plan.id == PLAN_DIR.name)
    assert caught in not_in_plan(statement, plan_text.window(window))


# --- answers show the marker ---------------------------------------------------------------------


@pytest.mark.parametrize(("question", "shown", "not_shown"), [
    ("what does DWP stand for?", ["stands for **Department for Work and Pensions** (general "
                                  "knowledge, not from the plan).",
                                  "*General knowledge, not from the plan:* The Department"], []),
    ("what is DAHA?", ["stands for **Domestic Abuse Housing Alliance**. Oxford City Council",
                       "*General knowledge, not from the plan:* DAHA accreditation is a UK "
                       "standard"], []),
    ("what is SAVI?", ["stands for **Licensing Security and Vulnerability Initiative**."],
     ["general knowledge"]),
])
def test_glossary_answers_show_general_knowledge_as_not_from_the_plan(assistant, question, shown,
                                                                       not_shown):
    answer = assistant.ask(question)
    assert answer.intent == "glossary", answer.text
    for text in shown:
        assert text in answer.text
    for text in not_shown:
        assert text not in answer.text


@pytest.mark.parametrize(("question", "shown", "absent"), [
    ("how common is repeat victimisation?", "period not stated in the plan", "2021"),
    ("what happened to the crime severity score", "The plan names no area.", "Oxford"),
])
def test_a_period_or_area_the_plan_does_not_give_is_said_to_be_missing(assistant, question, shown,
                                                                        absent):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert shown in answer.text
    assert absent not in answer.text.replace("in Oxford (text)", "")


def test_a_year_asked_of_figures_without_a_period_is_not_answered_with_them(assistant):
    answer = assistant.ask("repeat victimisation in 2021")
    assert answer.status == "no_answer"
    assert "without stating a period" in answer.text
    assert not answer.facts
