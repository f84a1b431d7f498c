"""Charts as a person sees them, in Debian's Chromium: each kind of chart an answer draws, and
every chart of the Statistics page, measured in the page through the SVG Vega draws.

A chart draws right when it is tall enough to read, has one mark for each figure, keeps every
mark inside its plotting area (bars from zero, points under the top axis label), and has labels
that do not overlap and a legend for several lines. A screenshot of each chart is kept in
tests/artifacts/ (or $OSCP_QA_ARTIFACTS) for a person to look at.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest
from test_browser import (  # noqa: F401  (fixtures, used by name)
    ANSWER_TIMEOUT,
    ARTIFACTS,
    ask,
    browser,
    requirements,
    server,
    wait_for_app,
)

from oscp_qa import browse
from oscp_qa.answer import Chart

PROBE = (Path(__file__).parent / "chart_probe.js").read_text(encoding="utf-8")
CHART = "[data-testid='stVegaLiteChart']"
MIN_HEIGHT = 200          # pixels: the whole chart
MIN_BAR = 12              # pixels: one bar
MIN_PLOT = 150            # pixels: a line chart's plotting area
SLACK = 1.5               # pixels of rounding allowed at an edge
ANSWERS = [  # screenshot name, the turns asked; the last answer's chart is the one measured
    ("bars-by-category", ["hate crime in Oxford"]),
    ("bars-by-category-follow-up", ["how did hate crime compare?", "and in Oxfordshire?"]),
    ("bars-by-area", ["ASB Oxford vs county"]),
    ("grouped-bars", ["how did hate crime compare?"]),
    ("lines", ["Is domestic abuse going down?"]),
]


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    yield page
    context.close()


def probe(page, chart_element, name: str) -> dict:
    """Measure the chart once Vega has drawn it, and keep a screenshot of it."""
    chart_element.evaluate("e => e.scrollIntoView({block: 'center'})")   # clear of the app's header
    chart_element.locator("svg").first.wait_for(timeout=ANSWER_TIMEOUT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chart_element.screenshot(path=str(ARTIFACTS / f"chart-{name}.png"))
    return chart_element.evaluate(PROBE)


def inside(item: dict, area: dict) -> bool:
    return (item["left"] >= area["left"] - SLACK and item["right"] <= area["right"] + SLACK
            and item["top"] >= area["top"] - SLACK and item["bottom"] <= area["bottom"] + SLACK)


def centre_inside(item: dict, area: dict) -> bool:
    x, y = (item["left"] + item["right"]) / 2, (item["top"] + item["bottom"]) / 2
    return (area["left"] - SLACK <= x <= area["right"] + SLACK
            and area["top"] - SLACK <= y <= area["bottom"] + SLACK)


def clash(a: dict, b: dict) -> bool:
    """Whether two labels are drawn over each other. Level labels clash when their boxes meet;
    slanted ones (parallel, as an axis draws them) when the gap across their lines of text is
    less than a line's height, since their boxes overlap whenever they are slanted."""
    if a["angle"] % 180 == 0:
        return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > SLACK
                and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > SLACK)
    turn = math.radians(a["angle"])
    across = abs((b["x"] - a["x"]) * math.sin(turn) - (b["y"] - a["y"]) * math.cos(turn))
    return across < 0.9 * min(a["size"], b["size"])


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for a, b in itertools.combinations(labels, 2) if clash(a, b)]


def assert_axes_cover(drawn: dict, chart: Chart) -> None:
    """The values' axis runs from zero and is labelled up to the highest figure or beyond."""
    highest = max(p.y for p in chart.points)
    [axis] = {a["label"]: a for a in drawn["axes"] if "linear scale" in a["label"]}.values()
    start, end = (float(v.replace(",", "")) for v in
                  re.search(r"values from (-?[\d,.]+) to (-?[\d,.]+)", axis["label"]).groups())
    assert start <= 0 <= end and end >= highest, axis["label"]
    labelled = [float(t["text"].replace(",", "")) for t in axis["ticks"]
                if re.fullmatch(r"-?[\d,.]+", t["text"])]
    assert max(labelled) >= highest, f"the axis is labelled up to {max(labelled):,.0f}, below {highest:,.0f}"


def assert_draws_right(drawn: dict, chart: Chart) -> None:
    assert drawn, "no SVG: the chart was not drawn"
    assert drawn["size"]["height"] >= MIN_HEIGHT, f"the chart is {drawn['size']['height']:.0f} px tall"
    assert drawn["areas"], "no plotting area"
    for axis in drawn["axes"]:
        assert not overlapping(axis["ticks"]), (axis["label"], overlapping(axis["ticks"]))
    assert_axes_cover(drawn, chart)
    assert not overlapping(drawn["values"]), overlapping(drawn["values"])
    if chart.kind == "line":
        assert_lines(drawn, chart)
    else:
        assert_bars(drawn, chart)


def assert_bars(drawn: dict, chart: Chart) -> None:
    bars = drawn["bars"]
    assert len(bars) == len(chart.points), f"{len(bars)} bars for {len(chart.points)} figures"
    for bar, point in zip(bars, chart.points, strict=True):
        assert bar["height"] >= MIN_BAR, f"a bar {bar['height']:.0f} px thick"
        area = next((a for a in drawn["areas"] if inside(bar, a)), None)
        assert area, f"the bar of {point.x} {point.series} is outside every plotting area"
        if point.y >= 0:
            assert abs(bar["left"] - area["left"]) <= SLACK, "a bar that does not start at zero"


def assert_lines(drawn: dict, chart: Chart) -> None:
    points, [area] = drawn["points"], drawn["areas"]
    assert len(points) == len(chart.points), f"{len(points)} points for {len(chart.points)} figures"
    assert area["height"] >= MIN_PLOT, f"a plotting area {area['height']:.0f} px tall"
    outside = [p for p in points if not centre_inside(p, area)]
    assert not outside, f"{len(outside)} points outside the plotting area"
    series = {p.series for p in chart.points}
    assert drawn["lines"] == len(series)
    if len(series) > 1:
        assert [lg["entries"] for lg in drawn["legends"]] == [len(series)], drawn["legends"]


@pytest.mark.parametrize("name,turns", ANSWERS, ids=[name for name, _ in ANSWERS])
def test_an_answer_s_chart_draws_right(server, page, assistant, name, turns):  # noqa: F811
    for turn in turns:
        answer = assistant.ask(turn)
    page.goto(server)
    for turn in turns:
        ask(page, turn)
        page.get_by_text(turn, exact=True).last.wait_for(timeout=ANSWER_TIMEOUT)
        wait_for_app(page)
    charts = page.locator(CHART)
    assert charts.count() == len(turns)               # one chart an answer, the newest last
    assert_draws_right(probe(page, charts.last, name), answer.chart)


def test_every_chart_on_the_statistics_page_draws_right(server, page, engine):  # noqa: F811
    tables = [t for members in browse.sections(browse.statistics(engine)).values()
              for t in members if t.chart]
    page.goto(f"{server}/statistics")
    page.get_by_role("heading", name="Statistics in the plan").wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    charts = page.locator(CHART)
    assert charts.count() == len(tables)
    problems = []
    for i, table in enumerate(tables):
        name = f"statistics-{i + 1:02d}-" + re.sub(r"[^a-z0-9]+", "-", table.label.lower()).strip("-")
        try:
            assert_draws_right(probe(page, charts.nth(i), name), table.chart)
        except AssertionError as error:
            problems.append(f"{table.heading}: {error}")
    assert not problems, "\n".join(problems)
