"""How composed text is laid out for Markdown (the chat, the CLI and exports all show it)."""

from __future__ import annotations

import pytest

from oscp_qa.compose import paragraphs


@pytest.mark.parametrize("text,shown", [
    ("Figures:\n- a\n- b\nTotal: 3", "Figures:\n- a\n- b\n\nTotal: 3"),
    ("- a\n  indented, stays with a\n- b", "- a\n  indented, stays with a\n- b"),
    ("one line\nanother line", "one line\n\nanother line"),
    ("**Bold title** (theme): text\n\nThe plan: quote", "**Bold title** (theme): text\n\nThe plan: quote"),
    ("1. first\n2. second\nAfter", "1. first\n2. second\n\nAfter"),
])
def test_answer_lines_become_paragraphs(text, shown):
    assert paragraphs(text) == shown
