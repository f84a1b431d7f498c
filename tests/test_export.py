"""Exports, read back as a reader would: the Word file opened with python-docx (headings, tables,
figures, pictures, sources) and the Markdown compared line by line with the answers it came from.
No number may appear in an export that its answers did not state."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from conftest import numbers_in
from docx.table import Table
from docx.text.paragraph import Paragraph

from oscp_qa import Answer, Assistant, Status, export
from oscp_qa.briefing import Briefing, ItemKind, find_pack, from_questions

QUESTIONS = ["How did hate crime compare?", "Is domestic abuse going down?",
             "How many burglaries were there?"]
NOTE = "Ask the police for the 2022 figures before the meeting."
CREATED = date(2023, 3, 1)
ESCAPED = re.compile(r"\\(.)")


@pytest.fixture(scope="module")
def briefing(engine) -> Briefing:
    made = from_questions(Assistant(engine), QUESTIONS, title="Community safety briefing",
                          packs=[find_pack("exploitation")])
    made.add_heading("Next steps")
    made.add_note(NOTE)
    made.created = CREATED
    return made


@pytest.fixture(scope="module")
def document(briefing):
    return docx.Document(io.BytesIO(export.to_docx(briefing)))


@pytest.fixture(scope="module")
def markdown(briefing) -> str:
    return export.to_markdown(briefing)


def blocks(document) -> list[Paragraph | Table]:
    """The document's paragraphs and tables in the order they appear."""
    found = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            found.append(Paragraph(child, document))
        elif child.tag.endswith("}tbl"):
            found.append(Table(child, document))
    return found


def headings(document) -> list[tuple[int, str]]:
    return [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs
            if p.style.name.startswith("Heading")]


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def fact_tables(document) -> list[list[list[str]]]:
    return [rows(t) for t in document.tables if rows(t)[0] == export.FACT_HEADINGS]


def thousands(value: float) -> str:
    """How a figure should read: written here independently of oscp_qa.format."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def expected_headings(briefing: Briefing) -> list[tuple[int, str]]:
    """The title; the author's headings; each answer under its title, with its Figures, Sources
    and Caveats one level down; then every source."""
    found, under = [(1, briefing.title)], False
    for item in briefing.items:
        if item.kind == ItemKind.heading:
            found.append((2, item.text))
            under = True
        elif item.kind == ItemKind.answer:
            level, answer = 3 if under else 2, item.answer
            found.append((level, item.label))
            found += [(level + 1, part) for part, has in (("Figures", answer.facts),
                      ("Sources", answer.sources), ("Caveats", answer.caveats)) if has]
    return found + [(2, "Sources")]


def answer_numbers(answer: Answer) -> set[float]:
    """Every number an answer states: in its text, its figures, sources, caveats and chart."""
    words = [answer.text, *answer.sources, *answer.caveats]
    for fact in answer.facts:
        words += [fact.label, str(fact.value), fact.source, fact.derived or "", fact.period or ""]
    if answer.chart:
        words += [answer.chart.title] + [f"{p.x} {p.series} {p.y}" for p in answer.chart.points]
    return {n for text in words for n in numbers_in(text)}


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# --- Word ---------------------------------------------------------------------------------------


def test_docx_headings_are_the_title_the_questions_and_the_authors_headings(briefing, document):
    assert headings(document) == expected_headings(briefing)
    assert headings(document)[1:3] == [(2, "Victims of hate crime by area"), (3, "Figures")]
    assert (2, "Exploitation and modern slavery") in headings(document)
    assert document.core_properties.title == "Community safety briefing"


def test_docx_opens_with_the_date_and_the_plan(document):
    assert document.paragraphs[1].text.startswith(
        "Prepared on 1 March 2023 from the OSCP Rolling Plan 2022-23.")


def test_docx_figures_are_real_tables_equal_to_the_answers_facts(briefing, document):
    with_facts = [item.answer for item in briefing.answers if item.answer.facts]
    tables = fact_tables(document)
    assert len(tables) == len(with_facts) >= 5
    for answer, table in zip(with_facts, tables, strict=True):
        assert len(table) == len(answer.facts) + 1
        for fact, (label, value, unit, area, period, source, how) in zip(answer.facts, table[1:],
                                                                        strict=True):
            assert label.lower() == fact.label.lower()
            assert value == thousands(fact.value)
            assert float(value.replace(",", "")) == fact.value
            assert (unit, area, period, source) == (fact.unit, fact.area or "", fact.period or "",
                                                    fact.source)
            assert how == (fact.derived or "As printed in the plan")


def test_docx_hate_crime_table_reads_as_the_plan_prints_it(document):
    hate = fact_tables(document)[0]
    assert hate[1][:5] == ["Victims of hate crime (Oxford, 2021, race)", "420", "victims", "Oxford",
                           "2021"]
    assert ["Victims of hate crime (Thames Valley, 2021, race)", "3,846"] in [r[:2] for r in hate]


def test_docx_charts_are_pictures_with_alternative_text(briefing, document):
    charted = [item.answer for item in briefing.answers if export.has_chart(item.answer)]
    shapes = document.inline_shapes
    assert len(shapes) == len(charted) >= 3
    for answer, shape in zip(charted, shapes, strict=True):
        described = shape._inline.docPr.get("descr")
        assert described.startswith(("Bar chart: ", "Line chart: "))
        assert answer.chart.title in described
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == [f"Chart: {a.chart.title}" for a in charted]


def test_docx_answer_text_becomes_paragraphs_bullets_and_bold(briefing, document):
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    texts = [p.text for p in paragraphs]
    start = 0
    for item in briefing.answers:
        for line in lines_of(item.answer.text):
            words = line.strip().removeprefix("- ").replace("**", "")
            start = texts.index(words, start)
            paragraph = paragraphs[start]
            if line.startswith("- "):
                assert paragraph.style.name == "List Bullet"
            bold = [run.text for run in paragraph.runs if run.bold]
            assert bold == re.findall(r"\*\*(.+?)\*\*", line)


def test_docx_sources_per_answer_and_once_each_at_the_end(briefing, document):
    items = blocks(document)
    texts = [b.text if isinstance(b, Paragraph) else None for b in items]
    closing = texts.index("Sources", texts.index("Next steps"))
    listed = [b.text for b in items[closing + 1:] if isinstance(b, Paragraph) and b.text]
    assert listed == briefing.sources == list(dict.fromkeys(briefing.sources))
    assert len(listed) >= 5
    for item in briefing.answers:
        at = texts.index(item.label)
        for source in item.answer.sources:
            assert source in texts[at:closing]


def test_docx_caveats_are_listed_with_their_answer(briefing, document):
    texts = [p.text for p in document.paragraphs]
    hate = briefing.answers[0].answer
    at = texts.index("Caveats", texts.index(briefing.answers[0].label))
    assert texts[at + 1:at + 1 + len(hate.caveats)] == hate.caveats


def test_docx_note_is_marked_as_the_authors_own(document):
    [note] = [p for p in document.paragraphs if NOTE in p.text]
    assert note.text == f"{export.NOTE_LABEL} {NOTE}"
    assert note.runs[0].italic


def test_docx_states_a_no_answer_as_given_with_no_table(briefing, document):
    [burglary] = [i.answer for i in briefing.answers if i.question == QUESTIONS[2]]
    assert Status(burglary.status) == Status.no_answer and not burglary.facts
    texts = [p.text for p in document.paragraphs]
    assert all(part in texts for part in burglary.text.split("\n\n")), burglary.text


@pytest.fixture
def no_pictures(monkeypatch):
    """vl-convert failing, as it would where it cannot run."""
    def fail(chart):
        raise RuntimeError("no renderer")

    export._png.cache_clear()
    monkeypatch.setattr(export.charts, "to_altair", fail)
    yield
    export._png.cache_clear()


def test_a_chart_that_cannot_be_drawn_is_given_as_a_table_and_says_so(engine, no_pictures):
    briefing = from_questions(Assistant(engine), ["Is domestic abuse going down?"])
    document = docx.Document(io.BytesIO(export.to_docx(briefing)))
    chart = briefing.answers[0].answer.chart
    assert not document.inline_shapes
    assert any("could not be drawn as a picture" in p.text for p in document.paragraphs)
    [table] = [rows(t) for t in document.tables if rows(t)[0] != export.FACT_HEADINGS]
    assert table[0] == ["Year", "Group", "Offences"]
    assert [(r[0], r[1], r[2]) for r in table[1:]] == [(p.x, p.series, thousands(p.y))
                                                        for p in chart.points]


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_holds_each_answer_line_by_line_in_order(briefing, markdown):
    lines = markdown.split("\n")
    levels = {text: level for level, text in expected_headings(briefing)}
    start = 0
    for item in briefing.answers:
        start = lines.index(f"{'#' * levels[item.label]} {item.label}", start)
        start = lines.index(f"*{export.QUESTION_LABEL}* {item.question}", start)
        for line in lines_of(item.answer.text):
            start = lines.index(line, start)


def test_markdown_headings_never_skip_a_level(briefing, markdown):
    found = [(len(m.group(1)), ESCAPED.sub(r"\1", m.group(2)))
             for m in re.finditer(r"^(#+) (.*)$", markdown, re.M)]
    assert found == expected_headings(briefing)


def test_markdown_figures_are_the_answers_facts(briefing, markdown):
    for item in briefing.answers:
        for fact in item.answer.facts:
            row = (f"| {fact.label[:1].upper() + fact.label[1:]} | {thousands(fact.value)} | "
                   f"{fact.unit} | {fact.area or ''} | {fact.period or ''} | ")
            assert row in ESCAPED.sub(r"\1", markdown), row


def test_markdown_lists_sources_and_caveats_as_given(briefing, markdown):
    unescaped = [ESCAPED.sub(r"\1", line) for line in markdown.split("\n")]
    for item in briefing.answers:
        for line in item.answer.sources + item.answer.caveats:
            assert f"- {line}" in unescaped
    closing = unescaped.index("## Sources")
    assert unescaped[closing + 2:] == [f"- {s}" for s in briefing.sources] + [""]


def test_markdown_matches_the_word_file_item_for_item(briefing, markdown, document):
    """The same document in two formats: the same headings and the same figures."""
    assert headings(document) == [
        (len(m.group(1)), ESCAPED.sub(r"\1", m.group(2)))
        for m in re.finditer(r"^(#+) (.*)$", markdown, re.M)]


def test_the_authors_words_are_shown_as_typed_never_as_markup():
    briefing = Briefing(title="**Bold** <b>x</b>")
    briefing.add_heading("# not a heading")
    briefing.add_note("1. [link](http://x.test) :red[c] $x$ _it_ | pipe")
    markdown = export.to_markdown(briefing)
    assert markdown.startswith("# \\*\\*Bold\\*\\* \\<b\\>x\\</b\\>\n")
    assert "## \\# not a heading\n" in markdown
    note = f"*{export.NOTE_LABEL}* 1\\. \\[link\\](http\\://x.test) \\:red\\[c\\] \\$x\\$ \\_it\\_ \\| pipe"
    assert note in markdown


# --- never a new number -------------------------------------------------------------------------


def test_the_opening_states_only_the_date_and_the_plan(briefing):
    assert set(numbers_in(export.opening(briefing))) == {1, 2023, 2022, 23}


def export_numbers(text: str, briefing: Briefing) -> set[float]:
    text = text.replace(export.opening(briefing), "")
    return set(numbers_in(ESCAPED.sub(r"\1", text)))


def test_no_number_in_the_markdown_is_new(briefing, markdown):
    stated = {n for item in briefing.answers for n in answer_numbers(item.answer)}
    assert export_numbers(markdown, briefing) - stated == set()


def test_no_number_in_the_word_file_is_new(briefing, document):
    stated = {n for item in briefing.answers for n in answer_numbers(item.answer)}
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert export_numbers("\n".join(texts), briefing) - stated == set()


@pytest.mark.parametrize("pack", ["hate-crime", "asb", "domestic-abuse", "exploitation",
                                  "total-crime", "night-time-economy"])
def test_no_pack_export_states_a_number_its_answers_did_not(engine, pack):
    briefing = from_questions(Assistant(engine), [], packs=[find_pack(pack)])
    stated = {n for item in briefing.answers for n in answer_numbers(item.answer)}
    assert export_numbers(export.to_markdown(briefing), briefing) - stated == set()
    for item in briefing.answers:
        if export.has_chart(item.answer):          # each chart's figures are in its table
            assert export.chart_in_facts(item.answer), item.question
