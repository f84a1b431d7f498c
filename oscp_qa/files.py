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


class _Unusual(Exception):
    "Something the quick reader leaves to PyYAML's constructor: an anchor, a tag, a merge key"


_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}"
                for name in ("null", "bool", "int", "float", "binary", "timestamp")}
_CONTAINER_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# A plain scalar starting with none of these is a string (what SafeLoader's resolver says).
_TYPED_FIRST = (set(UniqueKeyLoader.yaml_implicit_resolvers)
                if None not in UniqueKeyLoader.yaml_implicit_resolvers else None)


def load_yaml(text: str) -> Any:
    """What `yaml.load(text, Loader=UniqueKeyLoader)` returns, built from libyaml's events
    straight away rather than through PyYAML's nodes (three times faster on a large file). A
    file with anything the quick way does not handle (anchors, aliases, merge keys, tags other
    than plain scalars', a key given twice, several documents, a fault) is read again the usual
    way, so the values, and every error with its message, are PyYAML's own."""
    loader = UniqueKeyLoader(text)
    try:
        return _values(loader)
    except (_Unusual, yaml.YAMLError):
        pass
    finally:
        loader.dispose()
    return yaml.load(text, Loader=UniqueKeyLoader)


def _values(loader: yaml.BaseLoader) -> Any:
    """The one document of a stream as Python values, or _Unusual."""
    get = loader.get_event
    get()                                              # stream start
    if isinstance(get(), yaml.StreamEndEvent):
        return None                                    # no document
    stack: list = []          # open lists and dicts; a dict's key is pushed until its value comes
    while True:
        event = get()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value = _scalar(loader, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag not in _CONTAINER_TAGS or (
                    stack and type(stack[-1]) is dict):
                raise _Unusual                         # tagged, or a list or dict as a key
            stack.append({} if kind is yaml.MappingStartEvent else [])
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()
        elif kind is yaml.DocumentEndEvent:
            break
        else:
            raise _Unusual                             # an alias
        if not stack:
            document = value
        elif type(stack[-1]) is list:
            stack[-1].append(value)
        elif type(stack[-1]) is dict:                  # value is a key: its value comes next
            if value in stack[-1] or not isinstance(value, (str, int, float, bool)):
                raise _Unusual
            stack.append(_Key(value))
        else:
            key = stack.pop().key
            stack[-1][key] = value
    if not isinstance(get(), yaml.StreamEndEvent):
        raise _Unusual                                 # a second document
    return document


class _Key:
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key


def _scalar(loader: yaml.BaseLoader, event: yaml.ScalarEvent) -> Any:
    if event.anchor is not None:
        raise _Unusual
    value, tag = event.value, event.tag
    if tag is None or tag == "!":
        if (_TYPED_FIRST is not None and event.implicit[0] and value
                and value[0] not in _TYPED_FIRST):
            return value
        tag = loader.resolve(yaml.ScalarNode, value, event.implicit)
    if tag == _STR:
        return value
    if tag not in _SCALAR_TAGS:
        raise _Unusual
    return loader.construct_object(yaml.ScalarNode(tag, value, event.start_mark, event.end_mark,
                                                   event.style))


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
        data = load_yaml(text)
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
