"""How knowledge.py reads one file: UTF-8 with or without a byte-order mark, never empty, YAML
without a key given twice, CSV with exactly the expected columns. Each fault is a KnowledgeError
naming the file and, where there is one, the row or line and the field.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

import yaml

from .errors import KnowledgeError

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5x faster


class DuplicateKey(yaml.YAMLError):
    "A mapping names one key twice; plain YAML would silently keep the second value"

    def __init__(self, key, first: int, again: int):
        self.key, self.first, self.again = key, first, again
        super().__init__(f"duplicate key '{key}'")


class UniqueKeyLoader(SafeLoader):
    """The safe loader, refusing a key given twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise DuplicateKey(key, seen[key], line)
            seen[key] = line
        return super().construct_mapping(node, deep)


def read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise KnowledgeError(path, "file not found")
    try:
        return path.read_bytes()
    except OSError as error:
        raise KnowledgeError(path, f"cannot be read: {error.strerror}") from None


def read_text(path: Path) -> str:
    """A knowledge file's text: UTF-8, with or without a byte-order mark, and not empty."""
    data = read_bytes(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        raise KnowledgeError(path, "saved as UTF-16; save the file as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise KnowledgeError(path, f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be "
                             "read (perhaps saved as Latin-1 or Windows-1252); save the file as "
                             "UTF-8", line=line) from None
    if not text.strip():
        raise KnowledgeError(path, "the file is empty")
    return text


def read_yaml(path: Path) -> Any:
    text = read_text(path)
    try:
        data = yaml.load(text, Loader=UniqueKeyLoader)
    except DuplicateKey as error:
        raise KnowledgeError(path, f"key '{error.key}' is given twice, on lines {error.first} and "
                             f"{error.again}; keep one", field=str(error.key),
                             line=error.again) from None
    except yaml.YAMLError as error:
        raise KnowledgeError(path, f"not valid YAML: {error}") from None
    if data is None:
        raise KnowledgeError(path, "the file is empty")
    return data


def read_csv(path: Path, columns: list[str], min_rows: int = 0) -> list[dict[str, str]]:
    """The rows below the header as dicts, blank cells left out (they are missing values)."""
    try:
        text = read_text(path)
    except KnowledgeError as error:
        if error.line is None:
            raise
        raise _undecodable_cell(path, error) from None
    records = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    header, body = records[0], records[1:]
    _check_columns(path, header, columns)
    for line, record in enumerate(body, start=2):
        if len(record) != len(header):
            raise KnowledgeError(path, f"{len(record)} cells, but the header has {len(header)} "
                                 "columns", line)
    if len(body) < min_rows:
        raise KnowledgeError(path, "no rows below the header")
    return [{k: v for k, v in zip(header, record, strict=True) if v != ""} for record in body]


def _check_columns(path: Path, header: list[str], expected: list[str]) -> None:
    """Exactly the expected columns, each once: a stray or misspelt column is named."""
    for column in header:
        if column not in expected:
            raise KnowledgeError(path, f"unexpected column '{column}'; the columns are "
                                 f"{', '.join(expected)}", 1, column)
        if header.count(column) > 1:
            raise KnowledgeError(path, f"column '{column}' appears twice", 1, column)
    for column in expected:
        if column not in header:
            raise KnowledgeError(path, f"missing column '{column}'", 1, column)


def _undecodable_cell(path: Path, error: KnowledgeError) -> KnowledgeError:
    """The same error, naming the row and column of the first cell that is not UTF-8."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    records = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    for row, record in enumerate(records, start=1):
        for column, cell in enumerate(record):
            if "\ufffd" in cell:
                field = records[0][column] if column < len(records[0]) else None
                return KnowledgeError(path, error.problem, row, field)
    return error
