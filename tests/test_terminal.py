"""Answers in a terminal: rich draws the Markdown on a terminal; piped output is plain text with
no Markdown marks; --json is the Answer as it always was."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from oscp_qa import Answer, terminal
from oscp_qa.cli import main


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("markdown,text", [
    ("Oxford: **420** victims", "Oxford: 420 victims"),
    ("Lines:\n- a **1**\n  - b", "Lines:\n• a 1\n  • b"),
    ("__Nightsafe__ \\*not bold\\*", "Nightsafe *not bold*"),
])
def test_plain_drops_markdown_marks(markdown, text):
    assert terminal.plain(markdown) == text


def test_piped_output_has_no_markdown_marks():
    result = CliRunner().invoke(main, ["ask", "hate crime in oxford"])
    assert result.exit_code == 0
    assert "**" not in result.output
    assert "• race: 420" in result.output or "race: 420" in result.output


def test_a_terminal_gets_the_markdown_drawn_by_rich(assistant, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")       # CI may have no TERM at all
    monkeypatch.delenv("NO_COLOR", raising=False)
    answer = assistant.ask("hate crime in oxford")
    screen = Terminal()
    terminal.show(answer, screen)
    shown = screen.getvalue()
    assert "**" not in shown and "420" in shown
    assert "\x1b[1m" in shown                          # bold, drawn with the terminal's codes
    assert "Source: OSCP Rolling Plan 2022-23, Table 8" in shown


def test_json_is_unchanged(assistant):
    result = CliRunner().invoke(main, ["ask", "--json", "hate crime in oxford"])
    answer = Answer.model_validate_json(result.output)
    assert answer.text == assistant.ask("hate crime in oxford").text
    assert "**420**" in answer.text                    # the Markdown is kept for front ends
