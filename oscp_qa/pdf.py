"""A briefing as PDF (`to_pdf`), the way council papers are circulated.

The same content as the Word file (export.py): title, date and plan, each item under its
heading, the figures as tables, charts as pictures with alternative text, sources and caveats,
then every source. Headings are also the PDF's bookmarks, so a reader can jump between them.
Drawn with fpdf2 in DejaVu Sans where it is installed (fonts-dejavu-core), which has every
character the answers use; elsewhere in Helvetica, with those characters spelt in ASCII.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from fpdf import FPDF

from .answer import Answer
from .briefing import Briefing, ItemKind
from .export import (
    BOLD,
    BULLET,
    FACT_HEADINGS,
    FACT_WIDTHS,
    NOTE_LABEL,
    QUESTION_LABEL,
    chart_alt_text,
    chart_in_facts,
    chart_png,
    chart_rows,
    fact_rows,
    has_chart,
    opening,
    outline,
)

FONT_DIR = Path(os.environ.get("OSCP_QA_PDF_FONTS", "/usr/share/fonts/truetype/dejavu"))
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FONT = "Body"
HEADING_SIZES = {1: 18, 2: 14, 3: 12, 4: 11}   # points, by heading level
TEXT_SIZE = 10
TABLE_SIZE = 7.5
LINE = 5.2                                      # millimetres a line of text takes
MARGIN = 20                                     # millimetres, as the Word file
INDENT = 6                                      # millimetres a bullet is indented
ASCII = str.maketrans({"−": "-", "÷": "/", "×": "x", "→": "->", "“": '"', "”": '"', "‘": "'",
                       "’": "'", "–": "-", "—": "-", "•": "-", "…": "...", "\u00a0": " "})


class _Document(FPDF):
    """An A4 page with its number at the foot."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.body_font, "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def to_pdf(briefing: Briefing) -> bytes:
    """The briefing as a PDF document."""
    pdf = _new_document(briefing)
    _heading(pdf, 1, briefing.title)
    _paragraph(pdf, opening(briefing))
    for item, level in outline(briefing):
        if item.kind == ItemKind.heading:
            _heading(pdf, level, item.text)
        elif item.kind == ItemKind.note:
            _paragraph(pdf, f"**{NOTE_LABEL}** {item.text}")
        else:
            _heading(pdf, level, item.label)
            _paragraph(pdf, f"**{QUESTION_LABEL}** {item.question}")
            _answer(pdf, item.answer, level + 1)
    if briefing.sources:
        _heading(pdf, 2, "Sources")
        _bullets(pdf, briefing.sources)
    return bytes(pdf.output())


def _new_document(briefing: Briefing) -> _Document:
    pdf = _Document(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.body_font, pdf.plain = _fonts(pdf)
    pdf.set_title(briefing.title)
    pdf.set_subject(", ".join(briefing.plans))
    pdf.set_lang("en-GB")
    pdf.set_creator("OSCP Q&A")
    pdf.add_page()
    return pdf


def _fonts(pdf: FPDF) -> tuple[str, bool]:
    """DejaVu Sans if it is installed; otherwise Helvetica, which needs plain ASCII text."""
    if all((FONT_DIR / name).is_file() for name in FONT_FILES.values()):
        for style, name in FONT_FILES.items():
            pdf.add_font(FONT, style, str(FONT_DIR / name))
        return FONT, False
    return "helvetica", True


def _text(pdf: _Document, text: str) -> str:
    return text.translate(ASCII).encode("latin-1", "replace").decode("latin-1") if pdf.plain else text


def _heading(pdf: _Document, level: int, text: str) -> None:
    """A heading in the page and in the PDF's bookmarks, kept with the line that follows it."""
    size = HEADING_SIZES[min(level, 4)]
    if pdf.will_page_break(size + 4 * LINE):
        pdf.add_page()
    pdf.ln(2 if level > 2 else 4)
    pdf.start_section(_text(pdf, text), level=level - 1)
    pdf.set_font(pdf.body_font, "B", size)
    pdf.multi_cell(0, size * 0.5, _text(pdf, text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _paragraph(pdf: _Document, text: str, indent: float = 0, mark: str = "") -> None:
    """One paragraph, **bold** parts in bold, wrapped at the margins (indented for a bullet)."""
    pdf.set_left_margin(MARGIN + indent)
    pdf.set_x(MARGIN + indent - (INDENT / 2 if mark else 0))
    pdf.set_font(pdf.body_font, "", TEXT_SIZE)
    if mark:
        pdf.write(LINE, _text(pdf, mark) + " ")
    for i, part in enumerate(BOLD.split(text)):
        if part:
            pdf.set_font(pdf.body_font, "B" if i % 2 else "", TEXT_SIZE)
            pdf.write(LINE, _text(pdf, part))
    pdf.ln(LINE + 1)
    pdf.set_left_margin(MARGIN)


def _bullets(pdf: _Document, lines: list[str]) -> None:
    for line in lines:
        _paragraph(pdf, line, indent=INDENT, mark="•")


def _answer(pdf: _Document, answer: Answer, level: int) -> None:
    for line in answer.text.split("\n"):
        bullet = BULLET.match(line)
        if bullet:
            _paragraph(pdf, bullet.group(2), indent=INDENT * (2 if bullet.group(1) else 1), mark="•")
        elif line.strip():
            _paragraph(pdf, line.strip(), indent=INDENT if line[:1].isspace() else 0)
    if answer.facts:
        _heading(pdf, level, "Figures")
        _table(pdf, FACT_HEADINGS, fact_rows(answer.facts), FACT_WIDTHS)
    if has_chart(answer):
        _chart(pdf, answer)
    for heading, lines in (("Sources", answer.sources), ("Caveats", answer.caveats)):
        if lines:
            _heading(pdf, level, heading)
            _bullets(pdf, lines)


def _chart(pdf: _Document, answer: Answer) -> None:
    """The chart as a picture with its alternative text, or as a table if it cannot be drawn."""
    png = chart_png(answer.chart)
    if png is not None:
        pdf.image(io.BytesIO(png), w=pdf.epw, alt_text=_text(pdf, chart_alt_text(answer)),
                  title=_text(pdf, answer.chart.title))
    _paragraph(pdf, f"Chart: {answer.chart.title}")
    if png is None or not chart_in_facts(answer):
        _table(pdf, *chart_rows(answer.chart))


def _table(pdf: _Document, headings: list[str], rows: list[list[str]],
           shares: list[float] | None = None) -> None:
    """A ruled table whose heading row repeats on each page it runs onto."""
    pdf.set_font(pdf.body_font, "", TABLE_SIZE)
    widths = [s * pdf.epw for s in shares] if shares else None
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=TABLE_SIZE * 0.5,
                   repeat_headings=1, first_row_as_headings=True) as table:
        for cells in [headings, *rows]:
            row = table.row()
            for cell in cells:
                row.cell(_text(pdf, cell))
    pdf.ln(2)
