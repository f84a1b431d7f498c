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
from pathlib import Path

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


def build(kb: KnowledgeBase, path: Path | str = DEFAULT_DB) -> Path:
    """Write a fresh database for `kb` at `path`, replacing any old one atomically."""
    import sqlite_utils  # only building needs it, and it pulls in pandas: keep it off start-up

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(suffix=".db", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise DatabaseError(f"cannot write the database {path}: {error.strerror}") from None
    try:
        db = sqlite_utils.Database(temp)
        # A half-written file is never used (it is renamed into place when complete, and synced
        # once then), so each of the many small commits need not wait for the disk.
        db.execute("pragma synchronous = off")
        db["meta"].insert_all(
            [{"key": "content_hash", "value": kb.content_hash},
             {"key": "schema_version", "value": SCHEMA_VERSION}], pk="key")
        db["language"].insert({"id": 1, "json": kb.language.model_dump_json()}, pk="id")
        db["safeguarding"].insert({"id": 1, "json": kb.safeguarding.model_dump_json()}, pk="id")
        for plan in kb.plans:
            _write_plan(db, plan)
        for table, columns in FTS.items():
            db[table].enable_fts(columns, tokenize="porter", create_triggers=False)
        for table in ("figures", "directions"):
            db[table].create_index(["plan", "measure"])
        db["achievement_facts"].create_index(["plan", "achievement"])
        db.conn.commit()
        db.close()
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


def _write_plan(db, pk: PlanKnowledge) -> None:
    plan = pk.plan.id
    db["plans"].insert(
        {**pk.plan.model_dump(), "name": pk.about.name, "short_name": pk.about.short_name,
         "json": pk.plan.model_dump_json()}, pk="id")   # json: plan.yaml whole, as its model

    def rows(items, **extra):
        return [{"plan": plan, **item.model_dump(), **extra} for item in items]

    db["tables"].insert_all(
        [{**r, "notes": json.dumps(r["notes"]), "together": json.dumps(r["together"])}
         for r in rows(pk.tables)], pk=("plan", "id"))
    db["figures"].insert_all(rows(pk.figures))
    db["directions"].insert_all(rows(pk.directions))
    db["notes"].insert_all(rows(pk.notes), pk=("plan", "id"))
    db["pcc_priorities"].insert_all(
        [{**r, "keywords": " | ".join(r["keywords"])} for r in rows(pk.priorities.pcc_priorities)],
        pk=("plan", "number"))
    db["themes"].insert_all(rows(pk.priorities.themes), pk=("plan", "id"))
    db["priorities"].insert_all(
        [{**r, "position": i, "keywords": " | ".join(r["keywords"])}
         for i, r in enumerate(rows(pk.priorities.oscp_priorities), start=1)],
        pk=("plan", "id"), columns={"pcc_priority": int})
    db["achievements"].insert_all(
        [{**r, "aliases": " | ".join(r["aliases"]),
          "facts": " | ".join(f"{f['label']}: {f['value']}" for f in r["facts"]), "position": i}
         for i, r in enumerate(rows(pk.achievements), start=1)], pk=("plan", "id"))
    db["achievement_facts"].insert_all(
        [{"plan": plan, "achievement": a.id, **f.model_dump()} for a in pk.achievements for f in a.facts])
    db["glossary"].insert_all(
        [{**r, "aliases": " | ".join(r["aliases"])} for r in rows(pk.glossary)], pk=("plan", "term"))
    db["duties"].insert_all(
        [{**r, "aliases": " | ".join(r["aliases"]),
          "overview": (r["overview"] or {}).get("text"),
          "overview_section": (r["overview"] or {}).get("section")} for r in rows(pk.duties)],
        pk=("plan", "id"), columns={"overview": str, "overview_section": str})
    db["about"].insert_all(
        [{**r, "question_cues": " | ".join(r["question_cues"])} for r in rows(pk.about.facts)],
        pk=("plan", "id"))
    db["sections"].insert_all(
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
