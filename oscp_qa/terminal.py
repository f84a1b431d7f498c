"""Answers in a terminal: Markdown drawn by rich on a terminal, plain text when piped.

A person at a terminal sees bold figures and real bullets; a script or a file that reads the
output gets the same words with no Markdown marks ("**420**" becomes "420").
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

from rich.console import Console
from rich.markdown import Markdown

from .answer import Answer

EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
BULLET = re.compile(r"^(\s*)[-*+] ", re.MULTILINE)
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()<>#+\-.!|~])")


def plain(markdown: str) -> str:
    """The answer's Markdown as plain text: emphasis dropped, bullets as "•", escapes undone."""
    text = EMPHASIS.sub(r"\2", markdown)
    text = BULLET.sub(r"\1• ", text)
    return ESCAPED.sub(r"\1", text)


def is_terminal(stream: TextIO) -> bool:
    return bool(getattr(stream, "isatty", None) and stream.isatty())


def show(answer: Answer, stream: TextIO | None = None) -> None:
    """Write an answer with its sources and any options to pick from, then a blank line."""
    stream = stream or sys.stdout
    if is_terminal(stream):
        console = Console(file=stream, highlight=False)
        console.print(Markdown(answer.text))
        for source in answer.sources:
            console.print(f"Source: {source}", style="dim", markup=False)
        for option in answer.options:
            console.print(f"  • {option}", markup=False)
        console.print()
        return
    lines = [plain(answer.text)] + [f"Source: {s}" for s in answer.sources]
    lines += [f"  • {option}" for option in answer.options]
    stream.write("\n".join(lines) + "\n\n")
