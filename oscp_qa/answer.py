"""The one answer shape every front end renders: the chat, the CLI, JSON and exports."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Status(StrEnum):
    answered = "answered"
    clarify = "clarify"
    no_answer = "no_answer"


class Fact(BaseModel):
    """One figure as stated in the answer, with where it came from."""

    model_config = ConfigDict(extra="forbid")

    label: str
    value: float | str
    unit: str = ""
    area: str | None = None
    period: str | None = None
    source: str
    derived: str | None = None       # the arithmetic, when the figure is worked out


class ChartPoint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    x: str
    y: float
    series: str = ""


class Chart(BaseModel):
    """What to draw, not how: front ends turn this into a picture and a table."""

    model_config = ConfigDict(extra="forbid")

    kind: str                         # "bar" for comparisons, "line" for trends
    title: str
    x_label: str
    y_label: str
    points: list[ChartPoint]


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Status
    text: str
    intent: str = ""
    facts: list[Fact] = []
    sources: list[str] = []
    caveats: list[str] = []
    suggestions: list[str] = []
    options: list[str] = []           # for a clarifying answer: questions to pick from
    chart: Chart | None = None
    plan: str = ""
    subject: str = ""                 # what a follow-up may refer to, e.g. "achievement:op-vigilant"

    def __str__(self) -> str:
        return self.text
