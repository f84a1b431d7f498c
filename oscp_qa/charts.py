"""Pictures from a chart description: Chart -> an Altair chart and the same figures as a table.

Pure functions with no Streamlit import, so the chat, the browse pages and any export draw the
same chart, and tests can check it without a browser. Every chart is readable without colour:
bars carry their own labels and values, lines differ in dash and point shape as well as colour,
and `to_frame` gives the figures as a table for people who cannot see the picture.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from . import format as fmt
from .answer import Chart

X_FALLBACK = "Item"            # the core leaves x_label empty on some bar charts
Y_FALLBACK = "Value"
SERIES_HEADING = "Group"
BAR_STEP = 30                  # pixels of plotting area per bar, so a chart grows with its rows
MIN_PLOT = 120                 # pixels: the smallest plotting area, so one bar is not a sliver
LINE_PLOT = 260                # pixels: a line chart's plotting area
VALUE_TICKS = 6                # about this many steps on the values' axis
PANEL_TICKS = 4                # fewer in a grouped chart's narrower panels
WIDTH = 560                    # pixels in an export; the app stretches charts to its column
LABEL_LIMIT = 240              # pixels of an axis label before Vega cuts it short
INK = "#31333F"                # text: about 12:1 on the white panel
PANEL = "#FFFFFF"              # charts sit on white in light and dark app themes alike
GRID = "#E6E6EA"
PALETTE = ["#1F5FA8", "#B5470B", "#2E7D32", "#6A1B9A", "#AD1457", "#37474F"]  # each ≥ 4.5:1
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [1, 4], [10, 4]]


def headings(chart: Chart) -> tuple[str, str]:
    """The x and y headings a reader sees, with the unit in the y heading. Where the chart has
    no x label, a title ending "... by area" names it."""
    by = re.search(r"\bby (\w+)$", chart.title)
    x = chart.x_label or (by.group(1).capitalize() if by else X_FALLBACK)
    return x, chart.y_label or Y_FALLBACK


def has_series(chart: Chart) -> bool:
    return any(point.series for point in chart.points)


def to_frame(chart: Chart) -> pd.DataFrame:
    """The chart's figures as a table: one row a point, headed as the chart's axes are."""
    x, y = headings(chart)
    columns: dict[str, list] = {x: [p.x for p in chart.points]}
    if has_series(chart):
        columns[SERIES_HEADING] = [p.series for p in chart.points]
    columns[y] = [p.y for p in chart.points]
    return pd.DataFrame(columns)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers written as the answers write them ("3,846"), for showing rather than for CSV."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = [fmt.number(v) if pd.notna(v) else "" for v in shown[column]]
    return shown


def alt_text(chart: Chart) -> str:
    """A short name for the picture; the table beside it is the full text alternative."""
    kind = "Line chart" if chart.kind == "line" else "Bar chart"
    _, y = headings(chart)
    return f"{kind}: {chart.title} ({y.lower()}). The same figures are in a table below it."


def to_altair(chart: Chart) -> alt.TopLevelMixin:
    """An Altair chart for a Chart: lines for trends, labelled horizontal bars otherwise."""
    data = _data(chart)
    if chart.kind == "line":
        picture = _line(chart, data)
    elif has_series(chart):
        picture = _grouped_bars(chart, data)
    else:
        picture = _bars(chart, data)
    return _style(picture)


def _autosize(picture: alt.TopLevelMixin) -> alt.AutoSizeParams:
    """How the picture takes the space it is given. Heights are the plotting area's, with the
    title, axes and legend added around it; only the width fits the page (or the export). Said in
    the spec because Streamlit otherwise fits the whole chart, title and all, into its height."""
    if isinstance(picture, alt.FacetChart):        # Vega-Lite cannot fit a faceted chart
        return alt.AutoSizeParams(type="pad", contains="padding")
    return alt.AutoSizeParams(type="fit-x", contains="padding")


def _style(picture: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Dark text on a white panel, so every label meets WCAG's 4.5:1 whatever the app's theme."""
    ink = {"labelColor": INK, "titleColor": INK}
    return (picture.properties(autosize=_autosize(picture))
            .configure(background=PANEL, padding=8)
            .configure_axis(**ink, gridColor=GRID, domainColor=INK, tickColor=INK)
            .configure_header(**ink)
            .configure_legend(**ink)
            .configure_title(color=INK, subtitleColor=INK)
            .configure_text(color=INK)
            .configure_view(stroke=None))


def render(chart: Chart) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Both views of a chart: the picture and the table with the same figures."""
    return to_altair(chart), to_frame(chart)


# --- the pictures -----------------------------------------------------------------------------


def _data(chart: Chart) -> pd.DataFrame:
    """Plain column names for Vega (labels may hold dots or colons), values pre-formatted."""
    return pd.DataFrame({
        "x": [p.x for p in chart.points],
        "series": [p.series for p in chart.points],
        "y": [p.y for p in chart.points],
        "value": [_value_label(p.y, chart) for p in chart.points],
    })


def _value_label(value: float, chart: Chart) -> str:
    text = fmt.number(value)
    return f"{text}%" if "per cent" in (chart.y_label or "").lower() else text


def _order(values) -> list[str]:
    return list(dict.fromkeys(values))


def _title(chart: Chart) -> alt.TitleParams:
    _, y = headings(chart)
    return alt.TitleParams(text=chart.title, subtitle=f"Figures are {y.lower()}", anchor="start")


def _bars(chart: Chart, data: pd.DataFrame) -> alt.Chart:
    x, y = headings(chart)
    base = alt.Chart(data).encode(
        y=alt.Y(field="x", type="nominal", sort=_order(data["x"]), title=x,
                axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=_values(alt.X, y),
        tooltip=[alt.Tooltip(field="x", title=x), alt.Tooltip(field="value", title=y)],
    )
    bars = base.mark_bar(color=PALETTE[0])
    labels = base.mark_text(align="left", dx=4).encode(text=alt.Text(field="value"))
    return (bars + labels).properties(
        title=_title(chart), width=WIDTH, height=max(BAR_STEP * len(data), MIN_PLOT))


def _grouped_bars(chart: Chart, data: pd.DataFrame) -> alt.FacetChart:
    """One panel per x value (often an area), a labelled bar per series inside it: one colour,
    since no reader should have to match colours to a legend."""
    x, y = headings(chart)
    series_order = _order(data["series"])
    base = alt.Chart().encode(
        y=alt.Y(field="series", type="nominal", sort=series_order, title=None,
                axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=_values(alt.X, y, ticks=PANEL_TICKS),
        tooltip=[alt.Tooltip(field="x", title=x), alt.Tooltip(field="series", title=SERIES_HEADING),
                 alt.Tooltip(field="value", title=y)],
    )
    bars = base.mark_bar(color=PALETTE[0])
    labels = base.mark_text(align="left", dx=4).encode(text=alt.Text(field="value"))
    layered = alt.layer(bars, labels, data=data).properties(
        width=WIDTH - 200, height=BAR_STEP * len(series_order))
    return layered.facet(
        row=alt.Row(field="x", type="nominal", sort=_order(data["x"]),
                    header=alt.Header(title=x, labelAngle=0, labelAlign="left",
                                      labelFontWeight="bold")),
    ).properties(title=_title(chart))


def _line(chart: Chart, data: pd.DataFrame) -> alt.Chart:
    """One line per series, told apart by colour, dash and point shape together."""
    x, y = headings(chart)
    base = alt.Chart(data).encode(
        x=alt.X(field="x", type="ordinal", sort=_order(data["x"]), title=x,
                axis=alt.Axis(labelAngle=-40 if max(map(len, data["x"])) > 7 else 0,
                              labelLimit=LABEL_LIMIT, labelOverlap=False)),
        y=_values(alt.Y, y),
        tooltip=[alt.Tooltip(field="x", title=x), alt.Tooltip(field="series", title=SERIES_HEADING),
                 alt.Tooltip(field="value", title=y)],
    )
    series = _order(data["series"])
    if not any(series):
        lines = base.mark_line(strokeWidth=2, color=PALETTE[0])
        points = base.mark_point(size=70, filled=True, color=PALETTE[0])
    else:
        legend = alt.Legend(title=SERIES_HEADING, orient="bottom", symbolStrokeWidth=2)

        def by_series(channel, values: list):
            return channel(field="series", type="nominal", sort=series, legend=legend,
                           scale=alt.Scale(domain=series, range=_cycle(values, len(series))))

        lines = base.mark_line(strokeWidth=2).encode(
            color=by_series(alt.Color, PALETTE), strokeDash=by_series(alt.StrokeDash, DASHES))
        points = base.mark_point(size=70, filled=True).encode(
            color=by_series(alt.Color, PALETTE), shape=by_series(alt.Shape, SHAPES))
    return (lines + points).properties(title=_title(chart), width=WIDTH, height=LINE_PLOT)


def _values(channel, title: str, ticks: int = VALUE_TICKS):
    """The values' axis: from zero to a round number at or above the highest figure, labelled
    in a few round steps with thousands separators (thinned, never drawn over each other)."""
    return channel(field="y", type="quantitative", title=title,
                   scale=alt.Scale(zero=True, nice=ticks),
                   axis=alt.Axis(format=",.0f", tickCount=ticks, labelOverlap="greedy"))


def _cycle(values: list, count: int) -> list:
    return [values[i % len(values)] for i in range(count)]
