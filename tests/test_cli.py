"""The `oscp-qa` command: exit codes and the exact words people see."""

from __future__ import annotations

import json
import re
import shutil

from click.testing import CliRunner
from conftest import KNOWLEDGE

from oscp_qa import Answer
from oscp_qa.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_ask_prints_the_answer_and_its_source():
    result = run("ask", "total crime in oxford in 2020")
    assert result.exit_code == 0
    assert "14,490" in result.output
    assert "Source: OSCP Rolling Plan 2022-23, Table 1" in result.output


def test_ask_keeps_one_conversation_across_questions():
    result = run("ask", "council asb cases 2019", "and the following year?")
    assert result.exit_code == 0
    first, second = result.output.split("\n\n", 1)
    assert "2019: 2,800" in first                 # piped: plain text, no Markdown marks
    assert "2020: 3,609" in second


def test_ask_json_is_one_answer_per_question():
    result = run("ask", "--json", "hate crime in oxford", "what does DAHA stand for?")
    assert result.exit_code == 0
    decoder, text, answers = json.JSONDecoder(), result.output.strip(), []
    while text:
        answer, end = decoder.raw_decode(text)
        answers.append(Answer.model_validate(answer))
        text = text[end:].strip()
    assert [a.intent for a in answers] == ["lookup", "glossary"]


def test_explain_shows_the_frame_the_scores_and_the_choice():
    result = run("explain", "how many asb incidents in oxford vs carterton")
    assert result.exit_code == 0
    assert "chosen:   compare_areas" in result.output
    assert re.search(r"^measure:\s+asb_police$", result.output, re.M)
    assert re.search(r"^asks:\s+count$", result.output, re.M)
    assert "'word': 'Carterton', 'role': 'place'" in result.output


def test_build_writes_a_database(tmp_path):
    result = run("build", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0
    assert result.output.startswith(f"Built {tmp_path / 'x.db'} from 1 plan(s): ")


def test_build_with_a_broken_file_names_it_and_exits_1(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    figures = root / "plans" / "oscp-2022-23" / "figures.csv"
    figures.write_text(figures.read_text().replace(",14490,", ",many,", 1))
    result = run("build", "--knowledge", str(root), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert f"Error: {figures}, row 2, field 'value':" in result.output
    assert "Fix the file named above" in result.output
    assert not (tmp_path / "x.db").exists()


def test_eval_reports_tags_confusion_and_exit_code(tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text("\n".join(json.dumps(c) for c in [
        {"id": "a", "turns": ["hate crime in oxford"], "tags": ["t"], "intent": "lookup",
         "expect": {"status": "answered", "numbers": [["420"]], "terms": []}},
        {"id": "b", "turns": ["ONS?"], "tags": ["t"], "intent": "lookup",
         "expect": {"status": "answered", "numbers": [], "terms": []}},
    ]))
    result = run("eval", str(cases), "--min", "0.9")
    assert result.exit_code == 1
    assert "FAIL b ['ONS?'] -> glossary" in result.output
    assert "lookup         -> glossary       1   <-- confused" in result.output
    assert "accuracy 0.500 (1/2)" in result.output
