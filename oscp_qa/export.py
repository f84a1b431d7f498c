"""A briefing as a document: Markdown (`to_markdown`) and Word (`to_docx`).

Both write the answers exactly as the assistant gave them: their text, their figures as a table,
their chart, sources and caveats, then one list of every source. Nothing here works out or
rounds a figure, so a briefing never states a number its answers did not. What the author wrote
(the title, headings, notes) is their own text: Markdown shows it as typed, never as markup.
"""

from __future__ import annotations

import io
import logging
import re
from functools import lru_cache, partial

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import charts
from . import format as fmt
from .answer import Answer, Chart, Fact
from .briefing import Briefing, Item, ItemKind

log = logging.getLogger(__name__)

AS_PRINTED = "As printed in the plan"
FACT_COLUMNS = {  # heading: how a figure fills it
    "Figure": lambda f: f.label[:1].upper() + f.label[1:],
    "Value": lambda f: fmt.number(f.value) if isinstance(f.value, int | float) else str(f.value),
    "Unit": lambda f: f.unit,
    "Area": lambda f: f.area or "",
    "Period": lambda f: f.period or "",
    "Source": lambda f: f.source,
    "How it was worked out": lambda f: f.derived or AS_PRINTED,
}
FACT_HEADINGS = list(FACT_COLUMNS)
FACT_WIDTHS = [0.24, 0.08, 0.10, 0.13, 0.11, 0.18, 0.16]      # shares of the text width
PREVIEW_HEADINGS = ["Figure", "Value", "Period", "Source"]    # narrow enough not to wrap on a page
QUESTION_LABEL = "Question asked:"
NOTE_LABEL = "Note from the author (not from the plan):"
PAGE = (Mm(210), Mm(297))           # A4
MARGIN = Mm(20)
TEXT_WIDTH = PAGE[0] - 2 * MARGIN
TABLE_FONT = Pt(8)
INLINE_MARKUP = re.compile(r"[\\`*_{}\[\]<>|~$]|:(?=\S)")   # ":red[...]", ":smile:" in Streamlit
LINE_START_MARKUP = re.compile(r"^(\d+(?=[.)])|)([#+\-=>.)])")    # "# x", "- x", "1. x"
BOLD = re.compile(r"\*\*(.+?)\*\*")
BULLET = re.compile(r"^(\s*)[-*+] (.*)$")


# --- what both formats share --------------------------------------------------------------------


def outline(briefing: Briefing) -> list[tuple[Item, int]]:
    """Each item with its heading level below the title (1): the author's headings are 2, and
    answers are 3 under one of them or 2 before any, so no level is ever skipped."""
    levels, under_heading = [], False
    for item in briefing.items:
        if item.kind == ItemKind.heading:
            under_heading = True
            levels.append((item, 2))
        else:
            levels.append((item, 3 if under_heading else 2))
    return levels


def opening(briefing: Briefing) -> str:
    day = f"{briefing.created.day} {briefing.created:%B %Y}"
    plans = " and the ".join(briefing.plans) or "the plan"
    return (f"Prepared on {day} from the {plans}. Every figure is as the assistant answered it "
            "from the plan; a figure worked out from the plan's figures shows its arithmetic.")


def fact_rows(facts: list[Fact], headings: list[str] = FACT_HEADINGS) -> list[list[str]]:
    """One row a figure, under the given headings, values with thousands separators."""
    return [[FACT_COLUMNS[h](f) for h in headings] for f in facts]


def chart_rows(chart: Chart) -> tuple[list[str], list[list[str]]]:
    frame = charts.readable(charts.to_frame(chart))
    return list(frame.columns), [[str(v) for v in row] for row in frame.itertuples(index=False)]


def chart_in_facts(answer: Answer) -> bool:
    """Whether every value the chart draws is one of the answer's figures, so the table of
    figures already gives the chart's content in words."""
    values = {float(f.value) for f in answer.facts if isinstance(f.value, int | float)}
    return bool(answer.chart) and all(p.y in values for p in answer.chart.points)


def has_chart(answer: Answer) -> bool:
    return bool(answer.chart and answer.chart.points)


@lru_cache(maxsize=64)
def _png(chart_json: str) -> bytes | None:
    chart = Chart.model_validate_json(chart_json)
    buffer = io.BytesIO()
    try:
        charts.to_altair(chart).save(buffer, format="png", scale_factor=2)
    except Exception as error:  # vl-convert missing or failing: the table stands in for it
        log.warning("cannot draw the chart %r as a picture: %s", chart.title, error)
        return None
    return buffer.getvalue()


def chart_png(chart: Chart) -> bytes | None:
    """The chart as a PNG (Altair, drawn by vl-convert), or None if it cannot be drawn."""
    return _png(chart.model_dump_json())


def escape(text: str) -> str:
    """Text for one Markdown line that shows exactly as typed, never as markup or HTML: each
    character that could start markup is escaped, and only those, so the file stays readable."""
    return LINE_START_MARKUP.sub(r"\1\\\2", inline(text))


def inline(text: str) -> str:
    """Text escaped for the middle of a Markdown line, such as a table cell."""
    return INLINE_MARKUP.sub(lambda m: "\\" + m.group(), " ".join(text.split()))


# --- Markdown -----------------------------------------------------------------------------------


def to_markdown(briefing: Briefing, top_level: int = 1,
                fact_headings: list[str] = FACT_HEADINGS) -> str:
    """The briefing as Markdown. `top_level` is the title's heading level (the app's preview sits
    under headings of its own); `fact_headings` the columns of each table of figures."""
    def heading(level: int, text: str) -> str:
        return f"{'#' * min(top_level + level - 1, 6)} {escape(text)}"

    parts = [heading(1, briefing.title), opening(briefing)]
    for item, level in outline(briefing):
        if item.kind == ItemKind.heading:
            parts.append(heading(level, item.text))
        elif item.kind == ItemKind.note:
            parts.append(f"*{NOTE_LABEL}* {escape(item.text)}")
        else:
            parts += [heading(level, item.label), f"*{QUESTION_LABEL}* {escape(item.question)}"]
            parts += _markdown_answer(item.answer, partial(heading, level + 1), fact_headings)
    if briefing.sources:
        parts += [heading(2, "Sources"), _markdown_list(briefing.sources)]
    return "\n\n".join(parts) + "\n"


def _markdown_answer(answer: Answer, heading, fact_headings: list[str]) -> list[str]:
    parts = [answer.text]
    if answer.facts:
        parts += [heading("Figures"), _markdown_table(fact_headings,
                                                      fact_rows(answer.facts, fact_headings))]
    if has_chart(answer):
        if chart_in_facts(answer):
            parts.append(f"**Chart:** {escape(answer.chart.title)}. The Word and PDF versions "
                         "draw it; its figures are in the table above.")
        else:
            parts += [f"**Chart:** {escape(answer.chart.title)}, as a table",
                      _markdown_table(*chart_rows(answer.chart))]
    if answer.sources:
        parts += [heading("Sources"), _markdown_list(answer.sources)]
    if answer.caveats:
        parts += [heading("Caveats"), _markdown_list(answer.caveats)]
    return parts


def _markdown_table(headings: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(inline(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _markdown_list(lines: list[str]) -> str:
    return "\n".join(f"- {escape(line)}" for line in lines)


# --- Word ---------------------------------------------------------------------------------------


def to_docx(briefing: Briefing) -> bytes:
    """The briefing as a Word document: headings, paragraphs and bullets, real tables, charts as
    pictures with alternative text."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    document.core_properties.title = briefing.title
    document.core_properties.subject = ", ".join(briefing.plans)
    document.add_heading(briefing.title, level=1)
    document.add_paragraph(opening(briefing))
    for item, level in outline(briefing):
        if item.kind == ItemKind.heading:
            document.add_heading(item.text, level=level)
        elif item.kind == ItemKind.note:
            note = document.add_paragraph()
            note.add_run(NOTE_LABEL + " ").italic = True
            note.add_run(item.text)
        else:
            document.add_heading(item.label, level=level)
            asked = document.add_paragraph()
            asked.add_run(QUESTION_LABEL + " ").italic = True
            asked.add_run(item.question)
            _docx_answer(document, item.answer, level + 1)
    if briefing.sources:
        document.add_heading("Sources", level=2)
        _docx_list(document, briefing.sources)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_answer(document, answer: Answer, level: int) -> None:
    """The answer's parts under headings of their own, so Word's navigation pane lists them."""
    _docx_text(document, answer.text)
    if answer.facts:
        document.add_heading("Figures", level=level)
        _docx_table(document, FACT_HEADINGS, fact_rows(answer.facts), FACT_WIDTHS)
    if has_chart(answer):
        _docx_chart(document, answer)
    if answer.sources:
        document.add_heading("Sources", level=level)
        _docx_list(document, answer.sources)
    if answer.caveats:
        document.add_heading("Caveats", level=level)
        _docx_list(document, answer.caveats)


def _docx_chart(document, answer: Answer) -> None:
    chart = answer.chart
    png = chart_png(chart)
    if png is None:
        _label(document, f"Chart: {chart.title}")
        document.add_paragraph("The chart could not be drawn as a picture here, so its figures "
                               "are given as a table instead.")
        _docx_table(document, *chart_rows(chart))
        return
    shape = document.add_picture(io.BytesIO(png), width=TEXT_WIDTH)
    shape._inline.docPr.set("descr", chart_alt_text(answer))     # python-docx has no API for alt text
    shape._inline.docPr.set("title", chart.title)
    document.add_paragraph(f"Chart: {chart.title}", style="Caption")
    if not chart_in_facts(answer):
        _docx_table(document, *chart_rows(chart))


def chart_alt_text(answer: Answer) -> str:
    kind = "Line chart" if answer.chart.kind == "line" else "Bar chart"
    _, y = charts.headings(answer.chart)
    where = "the table of figures above" if chart_in_facts(answer) else "the table below it"
    return f"{kind}: {answer.chart.title} ({y.lower()}). The figures it draws are in {where}."


def _docx_text(document, text: str) -> None:
    """The answers' simple Markdown as Word paragraphs: "- " lines as bullets (indented ones one
    level down), other indented lines continuing the item above, **bold** as bold."""
    for line in text.split("\n"):
        if not line.strip():
            continue
        bullet = BULLET.match(line)
        if bullet:
            style = "List Bullet 2" if bullet.group(1) else "List Bullet"
            _runs(document.add_paragraph(style=style), bullet.group(2))
        elif line[:1].isspace():
            _runs(document.add_paragraph(style="List Continue"), line.strip())
        else:
            _runs(document.add_paragraph(), line)


def _runs(paragraph, text: str) -> None:
    for i, part in enumerate(BOLD.split(text)):
        if part:
            paragraph.add_run(part).bold = i % 2 == 1


def _label(document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def _docx_list(document, lines: list[str]) -> None:
    for line in lines:
        document.add_paragraph(line, style="List Bullet")


def _docx_table(document, headings: list[str], rows: list[list[str]],
                shares: list[float] | None = None) -> None:
    table = document.add_table(rows=1, cols=len(headings), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, headings, strict=True):
        _cell_text(cell, text, bold=True)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            _cell_text(cell, text)
    shares = shares or [1 / len(headings)] * len(headings)
    for column, share in zip(table.columns, shares, strict=True):
        width = int(TEXT_WIDTH * share)
        column.width = width              # Word reads the cells' widths, LibreOffice the grid's
        for cell in column.cells:
            cell.width = width
    document.add_paragraph()


def _cell_text(cell, text: str, bold: bool = False) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = TABLE_FONT


def _repeat_as_header(row) -> None:
    """Mark the first row as the table's header, so Word repeats it and screen readers read it
    as column headings."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
