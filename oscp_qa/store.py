"""The only writer of the database: builds SQLite from a KnowledgeBase, and opens it read-only.

The database is rebuilt when the knowledge files' content hash differs from the one it was
built from, into a temporary file renamed into place, so a reader never sees half a build.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from itertools import chain
from pathlib import Path
from typing import Any

from . import knowledge
from .errors import DatabaseError
from .schema import KnowledgeBase, PlanKnowledge

log = logging.getLogger(__name__)
DEFAULT_DB = Path(os.environ.get("OSCP_QA_DB") or Path(__file__).resolve().parent.parent / "data" / "oscp.db")
SCHEMA_VERSION = "2"
FTS = {  # table -> columns searched
    "sections": ["title", "text"],
    "achievements": ["title", "aliases", "text", "facts", "heading"],
    "priorities": ["text", "keywords"],
    "duties": ["name", "aliases", "text"],
}
INDEXES = {"figures": ("plan", "measure"), "directions": ("plan", "measure"),
           "achievement_facts": ("plan", "achievement")}


def build(kb: KnowledgeBase, path: Path | str = DEFAULT_DB) -> Path:
    """Write a fresh database for `kb` at `path`, replacing any old one atomically."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(suffix=".db", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise DatabaseError(f"cannot write the database {path}: {error.strerror}") from None
    try:
        db = _Writer(temp)
        _insert(db, "meta", [{"key": "content_hash", "value": kb.content_hash},
                             {"key": "schema_version", "value": SCHEMA_VERSION}], pk="key")
        _insert(db, "language", [{"id": 1, "json": kb.language.model_dump_json()}], pk="id")
        _insert(db, "safeguarding", [{"id": 1, "json": kb.safeguarding.model_dump_json()}], pk="id")
        for plan in kb.plans:
            _write_plan(db, plan)
        for table, columns in FTS.items():
            _enable_fts(db, table, columns)
        for table, columns in INDEXES.items():
            db.conn.execute(f'create index "idx_{table}_{"_".join(columns)}" on "{table}" '
                            f'({", ".join(map(_quote, columns))})')
        db.conn.commit()
        db.conn.close()
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; every replica's user must read it
        os.replace(temp, path)
    except (OSError, sqlite3.Error) as error:  # a full disk, say: the old database stays
        raise DatabaseError(f"cannot write the database {path}: {error}") from None
    finally:
        if os.path.exists(temp):
            os.remove(temp)
    return path


class _Writer:
    """A connection to the file being built, and the columns of the tables made so far."""

    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        # A half-written file is never used (it is renamed into place when complete, and synced
        # once then), so nothing need wait for the disk before that.
        self.conn.execute("pragma synchronous = off")
        self.columns: dict[str, list[str]] = {}


def _insert(db: _Writer, table: str, rows: list[dict], pk: str | tuple[str, ...] | None = None,
            columns: dict[str, type] | None = None) -> None:
    """Rows into `table`, made on first use with a column per key, typed from the values
    (lists and dicts stored as JSON text), as sqlite-utils' `insert_all` would make it. The
    first build used sqlite-utils; it imports pandas (0.5 s), and its per-row work took as
    long again at 100x knowledge, for what these few lines do."""
    if not rows:
        return
    names = db.columns.get(table) or list(dict.fromkeys(chain.from_iterable(rows)))
    values = [tuple(map(row.get, names)) for row in rows]
    kinds = [set(map(type, column)) for column in zip(*values, strict=True)]
    as_json = {i for i, found in enumerate(kinds) if found & {dict, list, tuple}}
    if as_json:
        values = [tuple(_json(v) if i in as_json else v for i, v in enumerate(row)) for row in values]
    if table not in db.columns:
        types = {**{name: _column_type(found) for name, found in zip(names, kinds, strict=True)},
                 **(columns or {})}
        keys = (pk,) if isinstance(pk, str) else pk or ()
        lines = [f"{_quote(name)} {_SQL_TYPES[kind]}"
                 + (" PRIMARY KEY" if len(keys) == 1 and name == keys[0] else "")
                 for name, kind in types.items()]
        if len(keys) > 1:
            lines.append(f"PRIMARY KEY ({', '.join(map(_quote, keys))})")
        db.conn.execute(f"create table {_quote(table)} ({', '.join(lines)})")
        db.columns[table] = names
    db.conn.executemany(
        f"insert into {_quote(table)} ({', '.join(map(_quote, names))}) "
        f"values ({', '.join('?' * len(names))})", values)


_SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL", bytes: "BLOB"}


def _column_type(kinds: set[type]) -> type:
    """A column's type from its values' types: None only if nothing else; int and float make
    float; anything else mixed, or a list or dict (stored as JSON), is text."""
    kinds = kinds - {type(None)}
    return (str if not kinds else int if kinds <= {int, bool}
            else float if kinds <= {int, float, bool} else bytes if kinds == {bytes} else str)


def _json(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, default=repr, ensure_ascii=False)
    return value


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _enable_fts(db: _Writer, table: str, columns: list[str]) -> None:
    """A porter-stemmed FTS5 index over `table`'s text, filled once (no triggers: the
    database is never written after the build)."""
    names = ", ".join(map(_quote, columns))
    db.conn.execute(f"create virtual table {_quote(table + '_fts')} using FTS5 "
                    f"({names}, tokenize='porter', content={_quote(table)})")
    db.conn.execute(f"insert into {_quote(table + '_fts')} (rowid, {names}) "
                    f"select rowid, {names} from {_quote(table)}")


def _write_plan(db: _Writer, pk: PlanKnowledge) -> None:
    plan = pk.plan.id
    _insert(db, "plans", [
        {**pk.plan.model_dump(), "name": pk.about.name, "short_name": pk.about.short_name,
         "json": pk.plan.model_dump_json()}], pk="id")   # json: plan.yaml whole, as its model

    def rows(items, **extra):
        return [{"plan": plan, **item.model_dump(), **extra} for item in items]

    _insert(db, "tables",
        [{**r, "notes": json.dumps(r["notes"])} for r in rows(pk.tables)], pk=("plan", "id"))
    _insert(db, "figures", rows(pk.figures))
    _insert(db, "directions", rows(pk.directions))
    _insert(db, "notes", rows(pk.notes), pk=("plan", "id"))
    _insert(db, "pcc_priorities",
        [{**r, "keywords": " | ".join(r["keywords"])} for r in rows(pk.priorities.pcc_priorities)],
        pk=("plan", "number"))
    _insert(db, "themes", rows(pk.priorities.themes), pk=("plan", "id"))
    _insert(db, "priorities",
        [{**r, "position": i, "keywords": " | ".join(r["keywords"])}
         for i, r in enumerate(rows(pk.priorities.oscp_priorities), start=1)],
        pk=("plan", "id"), columns={"pcc_priority": int})
    _insert(db, "achievements",
        [{**r, "aliases": " | ".join(r["aliases"]),
          "facts": " | ".join(f"{f['label']}: {f['value']}" for f in r["facts"]), "position": i}
         for i, r in enumerate(rows(pk.achievements), start=1)], pk=("plan", "id"))
    _insert(db, "achievement_facts",
        [{"plan": plan, "achievement": a.id, **f.model_dump()} for a in pk.achievements for f in a.facts])
    _insert(db, "glossary",
        [{**r, "aliases": " | ".join(r["aliases"])} for r in rows(pk.glossary)], pk=("plan", "term"))
    _insert(db, "duties",
        [{**r, "aliases": " | ".join(r["aliases"])} for r in rows(pk.duties)], pk=("plan", "id"))
    _insert(db, "about",
        [{**r, "question_cues": " | ".join(r["question_cues"])} for r in rows(pk.about.facts)],
        pk=("plan", "id"))
    _insert(db, "sections",
        [{**r, "position": i} for i, r in enumerate(rows(pk.sections), start=1)], pk=("plan", "id"))


def built_hash(path: Path) -> str | None:
    """The content hash a database was built from, or None if it is missing, unreadable or
    laid out by another version of this module (its tables would not be the ones read)."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            meta = dict(conn.execute("select key, value from meta").fetchall())
    except sqlite3.DatabaseError:
        return None
    return meta.get("content_hash") if meta.get("schema_version") == SCHEMA_VERSION else None


def ensure(root: Path | str = knowledge.DEFAULT_ROOT, path: Path | str = DEFAULT_DB) -> Path:
    """Rebuild the database if it is missing, corrupt or older than the knowledge files."""
    path = Path(path)
    found = built_hash(path)
    if found != knowledge.content_hash(Path(root)):
        why = ("missing" if not path.exists() else "unreadable or corrupt" if found is None
               else "older than the knowledge files")
        log.warning("The database %s is %s: rebuilding it from %s", path, why, root)
        build(knowledge.load(root), path)
    return path


def connect(path: Path | str) -> sqlite3.Connection:
    """A read-only connection: nothing at question time can change the database."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("select 1 from meta limit 1")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"cannot open the database {path}: {error}") from None
    return conn
