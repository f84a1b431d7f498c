"""files.load_yaml reads knowledge files as PyYAML's safe loader does (refusing a key given
twice), only faster: the same values of the same types, and the same errors with the same words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from oscp_qa import files

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def outcome(load, text: str):
    """The value (its repr, so 1, 1.0 and True differ) or the error (its type and words)."""
    try:
        return "value", repr(load(text))
    except Exception as error:  # a list as a key is a TypeError, not a YAMLError, in PyYAML too
        return type(error).__name__, str(error)


def pyyaml(text: str):
    return yaml.load(text, Loader=files.UniqueKeyLoader)


def read_quickly(text: str):
    """The quick way only, raising files._Unusual where load_yaml would fall back."""
    loader = files.UniqueKeyLoader(text)
    try:
        return files._values(loader)
    finally:
        loader.dispose()


CASES = {
    "strings": "a: plain words\nb: 'single'\nc: \"double \\u00e9\"\nd: Oxford's\ne: £426,000\n",
    "numbers": "a: 1\nb: -2\nc: 1.5\nd: 1e3\ne: .inf\nf: 0x1F\ng: 010\nh: 1_000\ni: '12'\n",
    "booleans and nulls": "a: yes\nb: No\nc: on\nd: true\ne: ~\nf: null\ng:\nh: ''\n",
    "dates": "a: 2021-03-31\nb: 2021-03-31T10:00:00Z\nc: '2021-03-31'\nd: 2021-22\n",
    "block scalars": "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    "flow collections": "a: [1, two, {c: 3}]\nb: {x: [], y: {}}\n",
    "nested lists of rows": "rows:\n  - id: a\n    tags: [x, y]\n  - id: b\n    more:\n      - 1\n"
                            "      - 2\n",
    "a list at the top": "- a\n- b: c\n- - nested\n",
    "a scalar at the top": "just words\n",
    "keys that are numbers, nulls and booleans": "1: a\n~: b\ntrue: c\n2021-01-01: d\n",
    "empty": "",
    "only a comment": "# nothing here\n",
    "an empty document": "---\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "anchors and aliases": "a: &x [1, 2]\nb: *x\n",
    "a merge key": "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "explicit tags": "a: !!str 123\nb: !!int '5'\nc: !!float 1\nd: ! 12\n",
    "a set and an ordered map": "a: !!set {x, y}\nb: !!omap [x: 1, y: 2]\n",
    "an unknown tag": "a: !thing value\n",
    "a value tag": "a: =\n",
    "a key given twice": "a: 1\nb: 2\na: 3\n",
    "a number key given twice": "1: a\n1.0: b\n",
    "true and 1 as keys": "1: a\ntrue: b\n",
    "a null key given twice": "~: a\nnull: b\n",
    "a key given twice deep down": "rows:\n  - id: a\n    text: x\n    id: b\n",
    "a list as a key": "? [a, b]\n: c\n",
    "a mapping as a key": "? {a: 1}\n: c\n",
    "an unclosed quote": "a: 'open\nb: 2\n",
    "a bad indent": "a:\n  b: 1\n c: 2\n",
    "a tab": "a:\n\t- b\n",
    "unicode": "a: ‘quoted’ – dash\nb: Zoë\n",
}


@pytest.mark.parametrize("text", list(CASES.values()), ids=list(CASES))
def test_the_same_value_or_error_as_pyyaml(text):
    assert outcome(files.load_yaml, text) == outcome(pyyaml, text)


@pytest.mark.parametrize("name", ["anchors and aliases", "a merge key", "a set and an ordered map",
                                  "an unknown tag", "a value tag", "a key given twice",
                                  "a number key given twice", "true and 1 as keys",
                                  "a null key given twice", "two documents", "a list as a key"])
def test_what_the_quick_way_leaves_to_pyyaml(name):
    with pytest.raises(files._Unusual):
        read_quickly(CASES[name])


@pytest.mark.parametrize("path", sorted(KNOWLEDGE.rglob("*.yaml")),
                         ids=lambda p: p.relative_to(KNOWLEDGE).as_posix())
def test_every_knowledge_file_is_read_the_quick_way_to_the_same_values(path):
    text = files.read_text(path)
    assert repr(read_quickly(text)) == repr(pyyaml(text))
