"""Property and load tests: whatever is typed, `ask` answers with a valid Answer whose every
number traces to the plan, and many conversations on one engine never disturb each other."""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections import defaultdict

import pytest
from conftest import KNOWLEDGE, SOURCE_TEXT, numbers_in, read_figures
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oscp_qa import Answer, Assistant, Status, knowledge

EXAMPLES = int(os.environ.get("OSCP_HYPOTHESIS_EXAMPLES", "5000" if os.environ.get("CI") else "400"))
ODD = ["'; DROP TABLE figures; --", '"', "*", "NEAR(", "OR", "{0}", "%s", "<script>", "</b>",
       "**", "[x](javascript:alert(1))", "\x00", "\u202e", "😀", "犯罪", "1005", "2035", "£", "%",
       "2018/19", "jan-mar", "and", "why?", "what about", "compare", "share", "total"]


def _words() -> list[str]:
    """Real vocabulary to mix with noise, so generated text reaches every stage."""
    language = knowledge.load().language
    phrases = [p for term in language.terms for p in term.phrases]
    phrases += [a for area in language.areas for a in area.aliases]
    phrases += [cue for rule in language.intents for cue in rule.cues]
    return sorted(set(phrases)) + ODD


WORDS = _words()
questions = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6).map(" ".join),
)


def _traceable() -> set[float]:
    """Numbers an answer may state: any number in the plan or the knowledge files, and the
    sums, differences and percentages of the plan's figures."""
    found = set(numbers_in(SOURCE_TEXT.read_text(encoding="utf-8")))
    for path in KNOWLEDGE.rglob("*"):
        if path.is_file():
            found |= set(numbers_in(path.read_text(encoding="utf-8")))
    rows = [r for r in read_figures() if r["stat"] in ("count", "percent")]
    sums: dict[tuple, float] = defaultdict(float)
    for r in rows:
        sums[(r["measure"], r["area"], r["period"], "categories")] += r["value"]
        sums[(r["measure"], r["area"], r["period"], r["category"], "quarters")] += r["value"]
    years: dict[tuple, list[float]] = defaultdict(list)  # runs of years or of a year's
    for r in rows:  # quarters, and their averages
        years[(r["measure"], r["area"], r["category"], r["quarter"], r["stat"])].append(r["value"])
        if r["quarter"]:
            years[(r["measure"], r["area"], r["category"], r["period"], r["stat"])].append(r["value"])
    for values in years.values():
        for n in range(2, len(values) + 1):
            for run in itertools.combinations(values, n):
                sums[("years", run)] = sum(run)
                found.add(round(sum(run) / n, 2))
    quarterly = {(r["measure"], r["area"], r["period"], r["quarter"]): r["value"]
                 for r in rows if r["quarter"]}
    for (measure, area, period, _), _ in list(quarterly.items()):  # calendar years regrouped
        start = int(period[:4])
        wanted = [(f"{start - 1}/{start % 100:02d}", "jan-mar")] + [
            (period, q) for q in ("apr-jun", "jul-sep", "oct-dec")]
        if all((measure, area, p, q) in quarterly for p, q in wanted):
            sums[("calendar", measure, area, period)] = sum(
                quarterly[(measure, area, p, q)] for p, q in wanted)
    pool = {r["value"] for r in rows} | set(sums.values())
    for r in rows:  # partial sums of a year's quarters (a year with a blank quarter)
        if r["quarter"]:
            same = [x["value"] for x in rows if x["measure"] == r["measure"] and x["period"] == r["period"]]
            pool |= {sum(c) for n in range(2, len(same)) for c in itertools.combinations(same, n)}
    for a, b in itertools.product(pool, repeat=2):
        found |= {abs(a - b), a + b}
        if b:  # per cents: facts keep two decimals, prose gives one
            found |= {round(a / b * 100, places) for places in (0, 1, 2)}
            found |= {abs(round((a - b) / b * 100, places)) for places in (1, 2)}
    return {abs(x) for x in found}


TRACEABLE = _traceable()


def check_answer(answer: Answer, question: str) -> None:
    assert isinstance(answer, Answer)
    Answer.model_validate(answer.model_dump())
    assert Status(answer.status) in Status
    assert answer.text.strip()
    allowed = TRACEABLE | {abs(n) for n in numbers_in(question[:1000])}
    untraced = [n for n in numbers_in(answer.text) if n not in allowed]
    assert not untraced, f"numbers not from the plan: {untraced}\n{answer.text}"
    for fact in answer.facts:
        if fact.derived:
            assert _evaluate(fact.derived) == pytest.approx(float(fact.value), abs=0.006), fact


def _evaluate(arithmetic: str) -> float:
    """Evaluate '1,731 ÷ 6,039 × 100', '15,964 − 14,490' or '420 + 40' as written."""
    text = arithmetic.replace(",", "").replace("−", "-").replace("÷", "/").replace("×", "*")
    assert re.fullmatch(r"[\d.+\-*/ ()]+", text), arithmetic
    return eval(text, {"__builtins__": {}})  # noqa: S307 - checked to hold only numbers, brackets and + - * /


@settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(first=questions, second=questions)
def test_ask_never_raises_and_every_number_traces_to_the_plan(engine, first, second):
    assistant = Assistant(engine)
    for question in (first, second):  # the second may lean on the first
        check_answer(assistant.ask(question), question)


def _conversations(engine, kb) -> list[list[str]]:
    """A mixed workload: every intent's examples, as one-turn and two-turn conversations."""
    plan = next(p for p in kb.plans if p.plan.id == engine.plans.newest.id)
    examples = [e for questions in plan.examples.intents.values() for e in questions]
    follow_ups = itertools.cycle(["and in Oxfordshire?", "what about 2019?", "why?",
                                  "how does that compare with Thames Valley?"])
    pairs = [[example, next(follow_ups)] for example in examples]
    return [[e] for e in examples] + pairs + [[q] for q in ODD]


def test_many_conversations_on_one_engine_match_answers_given_alone(engine, kb):
    conversations = _conversations(engine, kb)
    alone = []
    for turns in conversations:
        assistant = Assistant(engine)
        alone.append([assistant.ask(t).model_dump() for t in turns])
    per_thread = int(os.environ.get("OSCP_STRESS_QUESTIONS", "2000"))
    failures: list[str] = []

    def worker(offset: int) -> None:
        assistant = Assistant(engine)
        asked, index = 0, offset
        while asked < per_thread:
            turns = conversations[index % len(conversations)]
            assistant.reset()
            for turn, expected in zip(turns, alone[index % len(conversations)], strict=True):
                if assistant.ask(turn).model_dump() != expected:
                    failures.append(turn)
                asked += 1
            index += 1

    threads = [threading.Thread(target=worker, args=(n * 7,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[:5]
