"""The database: built when missing, corrupt or stale, left alone when current, opened
read-only, and never changed by anything a user types."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import KNOWLEDGE, ask, digest, has_number

from oscp_qa import Answer, Assistant, DatabaseError, Engine, Status, knowledge, store

FIGURES = Path("plans/oscp-2022-23/figures.csv")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "data" / "oscp.db"


# --- ensure --------------------------------------------------------------------------------------


def test_ensure_builds_when_missing(root, db):
    assert not db.exists()
    assert store.ensure(root, db) == db
    assert db.is_file()
    assert store.built_hash(db) == knowledge.content_hash(root)
    assert [p.name for p in db.parent.iterdir()] == ["oscp.db"], "no temporary file left behind"


def test_ensure_does_not_rebuild_when_unchanged(root, db):
    store.ensure(root, db)
    before = (db.stat().st_mtime_ns, db.stat().st_ino, digest(db))
    store.ensure(root, db)
    after = (db.stat().st_mtime_ns, db.stat().st_ino, digest(db))
    assert after == before


@pytest.mark.parametrize("relative, change", [
    ("plans/oscp-2022-23/glossary.yaml", lambda text: text + "\n# an edit\n"),
    ("language/settings.yaml", lambda text: text + "\n"),
    (str(FIGURES), lambda text: text.replace("oxford,2020,,,count,14490",
                                             "oxford,2020,,,count,14491")),
])
def test_ensure_rebuilds_when_a_knowledge_file_changes(root, db, relative, change):
    store.ensure(root, db)
    old_hash, old_inode = store.built_hash(db), db.stat().st_ino
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert change(text) != text, "the edit must change the file"
    path.write_text(change(text), encoding="utf-8")
    store.ensure(root, db)
    assert store.built_hash(db) == knowledge.content_hash(root) != old_hash
    assert db.stat().st_ino != old_inode, "rebuilt into a new file renamed into place"


def test_rebuilt_database_answers_with_the_new_figure(root, db):
    store.ensure(root, db)
    path = root / FIGURES
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("oxford,2020,,,count,14490", "oxford,2020,,,count,14491"),
                    encoding="utf-8")
    store.ensure(root, db)
    answer = Assistant(Engine(db)).ask("recorded crime in oxford in 2020")
    assert has_number(answer.text, 14491) and not has_number(answer.text, 14490)


def test_ensure_rebuilds_when_a_knowledge_file_is_added(root, db):
    store.ensure(root, db)
    old = store.built_hash(db)
    (root / "plans/oscp-2022-23/notes-extra.yaml").write_text(
        "notes:\n  - id: extra\n    about: test\n    text: An extra note.\n", encoding="utf-8")
    store.ensure(root, db)
    assert store.built_hash(db) not in (None, old)


@pytest.mark.parametrize("corrupt", [
    lambda path: path.write_bytes(b"this is not a database" * 100),
    lambda path: path.write_bytes(b""),
    lambda path: path.write_bytes(path.read_bytes()[:4096]),
    lambda path: path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000),
], ids=["garbage", "empty", "truncated", "bad header"])
def test_ensure_rebuilds_a_corrupt_file(root, db, corrupt):
    store.ensure(root, db)
    corrupt(db)
    assert store.built_hash(db) is None
    store.ensure(root, db)
    assert store.built_hash(db) == knowledge.content_hash(root)
    assert store.connect(db).execute("select count(*) from figures").fetchone()[0] > 0


def test_ensure_rebuilds_a_database_without_meta(root, db):
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute("create table x (y)")
    store.ensure(root, db)
    assert store.built_hash(db) == knowledge.content_hash(root)


def test_ensure_with_broken_knowledge_keeps_the_old_database(root, db):
    store.ensure(root, db)
    before = digest(db)
    (root / "plans/oscp-2022-23/duties.yaml").write_text("duties: [", encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError, match="duties.yaml: not valid YAML"):
        store.ensure(root, db)
    assert digest(db) == before
    assert [p.name for p in db.parent.iterdir()] == ["oscp.db"]


# --- connect -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sql", [
    "insert into figures (plan, measure, value) values ('x', 'y', 1)",
    "update figures set value = 0",
    "delete from figures",
    "drop table figures",
    "create table evil (x)",
    "insert into sections_fts (sections_fts) values ('rebuild')",
])
def test_connect_is_read_only(db_path, sql):
    before = digest(db_path)
    conn = store.connect(db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
        conn.execute(sql)
        conn.commit()
    conn.close()
    assert digest(db_path) == before


def test_connect_reads(db_path):
    conn = store.connect(db_path)
    row = conn.execute("select value from figures where measure = 'total_crime' and "
                       "area = 'oxford' and period = '2021' and stat = 'count'").fetchone()
    assert row["value"] == 15964


@pytest.mark.parametrize("content", [None, b"not a database at all" * 50],
                         ids=["missing", "corrupt"])
def test_connect_to_a_bad_file_raises_database_error(tmp_path, content):
    path = tmp_path / "bad.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatabaseError, match="cannot open the database"):
        store.connect(path)
    assert path.exists() == (content is not None), "connect() never creates a file"
    if content is not None:
        assert path.read_bytes() == content


def test_build_replaces_an_existing_file(db_path, tmp_path, kb):
    target = tmp_path / "copy.db"
    shutil.copy(db_path, target)
    store.build(kb, target)
    assert store.built_hash(target) == kb.content_hash


# --- hostile questions ---------------------------------------------------------------------------

HOSTILE = [
    "'; DROP TABLE figures; --",
    "hate crime'); DELETE FROM figures; --",
    "NEAR(",
    "NEAR(hate crime, 5)",
    '"',
    '"""',
    '"hate" OR "crime"',
    "*",
    "hate*",
    "OR",
    "AND NOT",
    "title:hate",
    "sections_fts MATCH 'x'",
    "{0}",
    "{}",
    "{question}",
    "%s",
    "%(x)s %d",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)> hate crime",
    "a" * 100_000,
    "crime " * 20_000,
    "🔥💀 crime in oxford 🚓",
    "💩" * 1_000,
    "\x00\x01\x02\x1b[31m crime \x7f",
    "hate\x00crime",
    "\u202ecrime in oxford",
    "\ud800 crime",
    "ＯＸＦＯＲＤ crime ２０２１",
    "",
    "   ",
    "\n\t\r",
    "9" * 1_000,
    "2021" * 100,
    "1e309 NaN -1 inf",
    "2021/22/23",
    "twenty twenty twenty",
    "£%£%",
    "select * from figures",
    "what is " + '"' * 300,
    "../../../etc/passwd",
    None,
    42,
    b"crime",
]


@pytest.mark.parametrize("question", HOSTILE, ids=[repr(q)[:40] for q in HOSTILE])
def test_hostile_question_gets_a_valid_answer_and_changes_nothing(db_path, engine, question):
    before = digest(db_path)
    assistant = Assistant(engine)
    for turns in ([question], ["hate crime in oxford", question]):
        assistant.reset()
        answer = ask(assistant, *turns)
        assert isinstance(answer, Answer)
        Answer.model_validate_json(answer.model_dump_json())
        assert answer.status in set(Status)
        assert isinstance(answer.text, str) and answer.text.strip()
        assert len(answer.text) < 20_000
        if answer.status == Status.clarify:
            assert answer.options
    assert digest(db_path) == before


def test_hostile_run_leaves_tables_intact(db_path, engine):
    assistant = Assistant(engine)
    for question in HOSTILE:
        assistant.ask(question)
    conn = store.connect(db_path)
    assert conn.execute("select count(*) from figures").fetchone()[0] == \
        len((KNOWLEDGE / FIGURES).read_text(encoding="utf-8").strip().splitlines()) - 1
    assert ask(assistant, "recorded crime in oxford in 2021").status == Status.answered


def test_long_question_is_cut_and_says_so(engine):
    answer = Assistant(engine).ask("hate crime in oxford " + "x" * 100_000)
    assert "only the start was read" in answer.text
    assert has_number(answer.text, 420)


@pytest.mark.parametrize("damage, reason", [
    (lambda path: path.unlink(), "missing"),
    (lambda path: path.write_bytes(b"not a database"), "unreadable or corrupt"),
])
def test_ensure_says_why_it_rebuilds(root, db, caplog, damage, reason):
    store.ensure(root, db)
    damage(db)
    with caplog.at_level("WARNING", logger="oscp_qa.store"):
        store.ensure(root, db)
    assert f"The database {db} is {reason}: rebuilding it from {root}" in caplog.text


def test_ensure_says_a_stale_database_is_rebuilt(root, db, caplog):
    store.ensure(root, db)
    notes = root / "plans" / "oscp-2022-23" / "notes.yaml"
    notes.write_text(notes.read_text() + "\n")
    with caplog.at_level("WARNING", logger="oscp_qa.store"):
        store.ensure(root, db)
    assert "is older than the knowledge files: rebuilding it" in caplog.text
