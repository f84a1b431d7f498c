"""Chart -> Altair chart and table: headings, order, readable numbers, no meaning by colour
alone, and no Streamlit needed."""

from __future__ import annotations

import subprocess
import sys

import altair as alt
import pytest

from oscp_qa import charts
from oscp_qa.answer import Chart, ChartPoint

AREAS = ["Oxford", "Oxfordshire", "Thames Valley"]


def bar(x_label="Area", title="Victims of modern slavery by area", series=False) -> Chart:
    points = [ChartPoint(x=a, y=v, series="race" if series else "")
              for a, v in zip(AREAS, [73, 182, 3846], strict=True)]
    if series:
        points += [ChartPoint(x=a, y=v, series="faith")
                   for a, v in zip(AREAS, [40, 61, 235], strict=True)]
    return Chart(kind="bar", title=title, x_label=x_label, y_label="Victims", points=points)


def line(series=True) -> Chart:
    points = [ChartPoint(x=str(year), y=value, series=area if series else "")
              for area, values in (("Oxford", [1894, 1917, 1768]), ("Oxfordshire", [6986, 7851, 7156]))
              for year, value in zip((2019, 2020, 2021), values, strict=True)]
    return Chart(kind="line", title="Domestic abuse offences", x_label="Year",
                 y_label="Offences", points=points)


def encodings(spec: dict) -> dict:
    """Every encoding channel used anywhere in a (layered or faceted) Vega-Lite spec."""
    found: dict = {}
    for layer in spec.get("layer", []) + spec.get("spec", {}).get("layer", []):
        for channel, value in layer.get("encoding", {}).items():
            found.setdefault(channel, value)
    found.update(spec.get("encoding", {}))
    return found


def marks(spec: dict) -> list[str]:
    layers = spec.get("layer", []) + spec.get("spec", {}).get("layer", [])
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
            for layer in layers]


@pytest.mark.parametrize("chart,columns", [
    (bar(), ["Area", "Victims"]),
    (bar(series=True), ["Area", "Group", "Victims"]),
    (bar(x_label=""), ["Area", "Victims"]),             # named by the title, "... by area"
    (bar(x_label="", title="Repeat victimisation"), ["Item", "Victims"]),
    (line(), ["Year", "Group", "Offences"]),
    (line(series=False), ["Year", "Offences"]),
])
def test_the_table_is_headed_like_the_chart(chart, columns):
    frame = charts.to_frame(chart)
    assert list(frame.columns) == columns
    assert len(frame) == len(chart.points)
    assert list(frame[columns[-1]]) == [p.y for p in chart.points]


def test_the_table_keeps_the_points_in_order():
    frame = charts.to_frame(bar())
    assert list(frame["Area"]) == AREAS


def test_readable_writes_numbers_as_answers_do():
    shown = charts.readable(charts.to_frame(bar()))
    assert list(shown["Victims"]) == ["73", "182", "3,846"]
    assert charts.to_frame(bar())["Victims"].iloc[2] == 3846       # the CSV keeps numbers


@pytest.mark.parametrize("chart,kind", [
    (bar(), alt.LayerChart), (bar(series=True), alt.FacetChart), (line(), alt.LayerChart)])
def test_each_kind_of_chart_draws(chart, kind):
    picture, frame = charts.render(chart)
    assert isinstance(picture, kind)
    spec = picture.to_dict()
    assert spec["title"]["text"] == chart.title
    assert "victims" in spec["title"]["subtitle"].lower() or "offences" in spec["title"]["subtitle"]
    assert len(frame) == len(chart.points)


def test_bars_carry_their_values_as_text_and_name_their_axes():
    spec = charts.to_altair(bar()).to_dict()
    assert marks(spec) == ["bar", "text"]
    channels = encodings(spec)
    assert channels["x"]["title"] == "Victims"
    assert channels["y"]["title"] == "Area"
    assert channels["y"]["sort"] == AREAS
    assert channels["text"]["field"] == "value"


def test_grouped_bars_label_each_series_on_its_own_axis_not_only_by_colour():
    spec = charts.to_altair(bar(series=True)).to_dict()
    assert spec["facet"]["row"]["field"] == "x"
    channels = encodings(spec)
    assert channels["y"]["field"] == "series"           # the series name is the bar's label
    assert "color" not in channels                      # one colour: nothing to decode


def test_lines_differ_by_dash_and_point_shape_as_well_as_colour():
    spec = charts.to_altair(line()).to_dict()
    assert marks(spec) == ["line", "point"]
    channels = encodings(spec)
    for channel in ("color", "strokeDash", "shape"):
        assert channels[channel]["field"] == "series"
    assert channels["y"]["scale"]["zero"] is True       # small changes are not exaggerated


@pytest.mark.parametrize("chart", [bar(), bar(series=True), line(), line(series=False)])
def test_text_is_dark_on_a_white_panel(chart):
    config = charts.to_altair(chart).to_dict()["config"]
    assert config["background"] == charts.PANEL
    assert config["axis"]["labelColor"] == config["axis"]["titleColor"] == charts.INK
    assert config["title"]["subtitleColor"] == charts.INK


def test_alt_text_names_the_kind_and_points_to_the_table():
    text = charts.alt_text(line())
    assert text.startswith("Line chart: Domestic abuse offences")
    assert "table" in text


def test_percent_values_are_labelled_as_percent():
    chart = Chart(kind="bar", title="Repeat victimisation", x_label="", y_label="Per cent",
                  points=[ChartPoint(x="domestic abuse", y=16)])
    assert charts._data(chart)["value"].tolist() == ["16%"]


@pytest.mark.parametrize("question,kind", [
    ("how did hate crime compare?", "bar"),
    ("Is domestic abuse going down?", "line"),
    ("ASB Oxford vs county", "bar"),
])
def test_charts_of_real_answers(assistant, question, kind):
    answer = assistant.ask(question)
    assert answer.chart and answer.chart.kind == kind
    picture, frame = charts.render(answer.chart)
    picture.to_dict()                                   # a valid Vega-Lite spec
    assert len(frame) == len(answer.chart.points)


def test_charts_module_does_not_need_streamlit():
    code = "import sys, oscp_qa.charts; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("chart,autosize", [
    (bar(), "fit-x"), (line(), "fit-x"), (bar(series=True), "pad")])
def test_the_spec_says_how_it_sizes_so_streamlit_does_not_fit_it_into_its_height(chart, autosize):
    """Streamlit fits a chart with no autosize of its own, title and axes included, into the
    height given for the plotting area: three bars became a 44 px strip."""
    spec = charts.to_altair(chart).to_dict()
    assert spec["autosize"] == {"type": autosize, "contains": "padding"}


@pytest.mark.parametrize("rows", [1, 3, 12])
def test_bars_get_room_for_their_rows(rows):
    chart = Chart(kind="bar", title="Victims", x_label="Area", y_label="Victims",
                  points=[ChartPoint(x=f"area {i}", y=i) for i in range(rows)])
    height = charts.to_altair(chart).to_dict()["height"]
    assert height == max(rows * charts.BAR_STEP, charts.MIN_PLOT)


@pytest.mark.parametrize("chart", [bar(), bar(series=True), line()])
def test_the_values_axis_starts_at_zero_and_ends_on_a_labelled_step(chart):
    channels = encodings(charts.to_altair(chart).to_dict())
    values = channels["y" if chart.kind == "line" else "x"]
    assert values["field"] == "y"
    assert values["scale"]["zero"] is True
    assert values["scale"]["nice"] == values["axis"]["tickCount"]   # the domain ends on a label
