"""`oscp-qa brief`: the same document as the app makes, from the command line; exit codes and the
exact words people see."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner

from oscp_qa import Assistant, export
from oscp_qa.briefing import find_pack, from_questions
from oscp_qa.briefing import from_json as briefing_from_json
from oscp_qa.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_brief_writes_markdown_equal_to_the_library_s(engine, tmp_path):
    out = tmp_path / "hate.md"
    result = run("brief", "How did hate crime compare?", "and in 2021?", "--topic", "asb",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    expected = from_questions(Assistant(engine), ["How did hate crime compare?", "and in 2021?"],
                              packs=[find_pack("asb")], title="Briefing: Anti-social behaviour")
    assert out.read_text(encoding="utf-8") == export.to_markdown(expected)
    assert result.output == (f"Wrote {out}: {len(expected.answers)} answers from the "
                             "OSCP Rolling Plan 2022-23.\n")


def test_brief_writes_a_word_file_with_title_headings_and_tables(tmp_path):
    out = tmp_path / "brief.docx"
    result = run("brief", "Is domestic abuse going down?", "--title", "DA update", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out}: 1 answer from the OSCP Rolling Plan 2022-23.\n"
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")] == [
        "DA update", "Domestic abuse offences recorded", "Figures", "Sources", "Caveats",
        "Sources"]
    [table] = document.tables
    assert table.rows[0].cells[0].text == "Figure"
    assert "1,894" in [row.cells[1].text for row in table.rows]
    assert len(document.inline_shapes) == 1


@pytest.mark.parametrize("topic", ["hate-crime", "Hate crime"])
def test_a_topic_alone_is_enough_and_names_the_title(tmp_path, topic):
    out = tmp_path / "pack.md"
    result = run("brief", "--topic", topic, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Briefing: Hate crime\n")


def test_a_question_the_plan_cannot_answer_is_kept_and_said(tmp_path):
    out = tmp_path / "b.md"
    result = run("brief", "How many burglaries were there?", "--out", str(out))
    assert result.exit_code == 0
    assert result.stderr == ("Note: the plan does not answer “How many burglaries were there?”; "
                             "the briefing says so.\n")
    assert "does not include figures for burglary" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,code,message", [
    (["--topic", "burglary"], 1,
     "Error: There is no topic pack “burglary”. The packs are: hate-crime (Hate crime), asb "
     "(Anti-social behaviour), domestic-abuse (Domestic abuse), exploitation (Exploitation and "
     "modern slavery), total-crime (Total crime), night-time-economy (Night-time economy).\n"),
    (["compare"], 1,
     "Error: “compare” needs clarifying before it can go in a briefing. Ask one of these instead: "),
    ([], 2, "Error: Give at least one question, --topic NAME or --load FILE (topics: hate-crime, "
            "asb, domestic-abuse, exploitation, total-crime, night-time-economy).\n"),
])
def test_brief_problems_are_said_plainly_and_nothing_is_written(tmp_path, args, code, message):
    out = tmp_path / "b.md"
    result = run("brief", *args, "--out", str(out))
    assert result.exit_code == code
    assert message in result.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["brief.txt", "brief"])
def test_brief_writes_only_md_docx_pdf_or_json(tmp_path, name):
    result = run("brief", "How did hate crime compare?", "--out", str(tmp_path / name))
    assert result.exit_code == 2
    assert ("Error: Invalid value for --out: the file must end in .md, .docx, .pdf or .json."
            in result.output)


def test_brief_needs_out():
    result = run("brief", "How did hate crime compare?")
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.output


def test_a_briefing_saved_as_json_is_loaded_and_added_to(engine, tmp_path):
    saved, out = tmp_path / "brief.json", tmp_path / "brief.md"
    assert run("brief", "How did hate crime compare?", "--title", "Update", "--out",
               str(saved)).exit_code == 0
    first = briefing_from_json(saved.read_text(encoding="utf-8"))
    result = run("brief", "--load", str(saved), "What is Nightsafe?", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out}: 2 answers from the OSCP Rolling Plan 2022-23.\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Update\n")
    assert text.index("## Victims of hate crime by area") < text.index("## What is Nightsafe?")
    assert first.items[0].answer.text in text


def test_loading_a_file_that_is_not_a_briefing_says_so(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = run("brief", "--load", str(bad), "--out", str(tmp_path / "b.md"))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad} is not a briefing saved by OSCP Q&A")
