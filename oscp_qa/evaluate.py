"""The project's own evaluation report: accuracy per tag, the intent each failing question went
to, and a confusion table of expected against matched intents (in the spirit of `rasa test nlu`)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .assistant import Assistant

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    turns: list[str]
    expect: dict
    tags: list[str] = []
    intent: str | None = None


class Outcome(BaseModel):
    case: Case
    problems: list[str]
    intent: str
    text: str


class Report(BaseModel):
    outcomes: list[Outcome]

    @property
    def accuracy(self) -> float:
        return sum(not o.problems for o in self.outcomes) / max(len(self.outcomes), 1)

    def by_tag(self) -> dict[str, tuple[int, int]]:
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            for tag in outcome.case.tags:
                tally[tag][0] += not outcome.problems
                tally[tag][1] += 1
        return {tag: (ok, total) for tag, (ok, total) in sorted(tally.items())}

    def confusion(self) -> Counter:
        """(expected, matched) intent pairs, for the cases that name an intent."""
        return Counter((o.case.intent, o.intent) for o in self.outcomes if o.case.intent)


def load_cases(path: Path | str) -> list[Case]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [Case.model_validate(json.loads(line)) for line in lines if line.strip()]


def check(expect: dict, status: str, text: str) -> list[str]:
    """The same checks as the shared scorer: status, numbers present, terms present."""
    problems = []
    wanted = expect["status"] if isinstance(expect["status"], list) else [expect["status"]]
    if status not in wanted:
        problems.append(f"status {status!r}, expected {wanted}")
    present = [float(m.group().rstrip(",").replace(",", "")) for m in NUMBER.finditer(text)]
    for group in expect.get("numbers", []):
        if not any(abs(p - abs(float(v))) < 1e-9 for p in present for v in group):
            problems.append(f"missing number {'/'.join(group)}")
    for group in expect.get("terms", []):
        if not any(term.lower() in text.lower() for term in group):
            problems.append(f"missing term {'/'.join(group)}")
    return problems


def run(cases: list[Case], assistant: Assistant) -> Report:
    outcomes = []
    for case in cases:
        assistant.reset()
        answer = None
        for turn in case.turns:
            answer = assistant.ask(turn)
        problems = check(case.expect, answer.status.value, answer.text)
        if case.intent and case.intent != answer.intent:
            problems.append(f"intent {answer.intent!r}, expected {case.intent!r}")
        outcomes.append(Outcome(case=case, problems=problems, intent=answer.intent, text=answer.text))
    return Report(outcomes=outcomes)
