"""The PDF export read back with pypdf, as a reader's viewer would: its bookmarks (headings), its
text (figures, sources, caveats), its pictures and its metadata."""

from __future__ import annotations

import io
from datetime import date

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from test_export import QUESTIONS, expected_headings

from oscp_qa import Assistant, pdf
from oscp_qa.briefing import find_pack, from_questions
from oscp_qa.cli import main


@pytest.fixture(scope="module")
def briefing(engine):
    made = from_questions(Assistant(engine), QUESTIONS, title="Community safety briefing",
                          packs=[find_pack("exploitation")])
    made.add_heading("Next steps")
    made.add_note("Ask the police for the 2022 figures.")
    made.created = date(2023, 3, 1)
    return made


@pytest.fixture(scope="module")
def reader(briefing) -> PdfReader:
    return PdfReader(io.BytesIO(pdf.to_pdf(briefing)))


def bookmarks(outline, level: int = 1) -> list[tuple[int, str]]:
    found = []
    for entry in outline:
        if isinstance(entry, list):
            found += bookmarks(entry, level + 1)
        else:
            found.append((level, entry.title))
    return found


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_headings_are_the_pdf_s_bookmarks_in_order(briefing, reader):
    assert bookmarks(reader.outline) == expected_headings(briefing)


def test_it_opens_with_the_title_date_and_plan(reader):
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.startswith("Community safety briefing Prepared on 1 March 2023 from the OSCP "
                            "Rolling Plan 2022-23.")
    assert reader.metadata.title == "Community safety briefing"
    assert reader.metadata.subject == "OSCP Rolling Plan 2022-23"


def test_every_figure_source_and_caveat_is_in_it(briefing, reader):
    text = text_of(reader)
    for item in briefing.answers:
        assert f"Question asked: {item.question}" in text
        for fact in item.answer.facts:
            assert f"{fact.value:,.0f}" in text or str(fact.value) in text, fact
        for line in item.answer.sources + item.answer.caveats:
            assert " ".join(line.split())[:60] in text, line
    assert "Table 8, row 'Oxford Race'" in text and "3,846" in text
    assert "Note from the author (not from the plan): Ask the police" in text


def test_charts_are_pictures(briefing, reader):
    pictures = sum(len(page.images) for page in reader.pages)
    assert pictures == sum(1 for item in briefing.answers if item.answer.chart
                           and item.answer.chart.points)


def test_without_dejavu_it_falls_back_to_helvetica_in_plain_characters(engine, monkeypatch,
                                                                       tmp_path):
    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)
    made = from_questions(Assistant(engine), ["how did hate crime compare?"])
    text = text_of(PdfReader(io.BytesIO(pdf.to_pdf(made))))
    assert "594 / 1,348" in text and "÷" not in text


def test_oscp_qa_brief_writes_a_pdf(tmp_path):
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(main, ["brief", "Is domestic abuse going down?", "--title",
                                       "DA update", "--out", str(out)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    assert [title for _, title in bookmarks(reader.outline)][:2] == [
        "DA update", "Domestic abuse offences recorded"]
    assert "7,156" in text_of(reader)
