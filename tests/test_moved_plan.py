"""Nothing of the 2022-23 plan is written in code: a copy of the knowledge with the plan moved on
ten years (every year in its folder +10, a new id and title, the old folder gone) answers, shows
its pages and exports briefings with the new years and title and none of the old ones."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import KNOWLEDGE, PLAN_DIR
from streamlit.testing.v1 import AppTest

from oscp_qa import Assistant, Engine, Status, briefing, export, knowledge, store

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
if str(APP.parent) not in sys.path:
    sys.path.insert(0, str(APP.parent))

TEN = 10
NEW_ID = "oscp-moved-2032-33"
NEW_TITLE = "Moved-on Rolling Plan 2032-33"
OLD_TITLE = "OSCP Rolling Plan 2022-23"
# A year of the old plan written as a year: its own token, not part of a longer number or word
# ("2021/22" and "2020-2021" hold one; "2031", "12,021" and "20.21" do not).
OLD_YEAR = re.compile(r"(?<![A-Za-z0-9_])(?<!\d[,.])20(?:1[0-9]|2[0-2])(?![A-Za-z0-9_])(?![,.]\d)")
NEW_YEARS = ("2027", "2028", "2029", "2030", "2031", "2032-33")

YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?:([-/])(\d{2}))?(?!\d)")   # 2021, 2022-23, 2021/22
SHORT_DATE = re.compile(r"\b(\d{1,2}/\d{1,2}/)(\d{2})\b")          # 1/1/21


def moved_on(text: str) -> str:
    """Every year 2000-2029 ten years on: '2021' → '2031', '2022-23' → '2032-33', '2018/19' →
    '2028/29', '2020-2021' → '2030-2031', '1/1/21' → '1/1/31'."""
    def year(found: re.Match) -> str:
        tail = f"{found[2]}{(int(found[3]) + TEN) % 100:02d}" if found[2] else ""
        return f"{int(found[1]) + TEN}{tail}"

    text = YEAR.sub(year, text)
    return SHORT_DATE.sub(lambda found: f"{found[1]}{int(found[2]) + TEN:02d}", text)


def moved_csv(text: str) -> str:
    """A CSV moved on cell by cell, its figures' values untouched."""
    rows = list(csv.DictReader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: v if k == "value" else moved_on(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def move_plan(target: Path) -> Path:
    """A knowledge folder: the shared language as it is, and the plan moved on ten years."""
    shutil.copytree(KNOWLEDGE / "language", target / "language")
    folder = target / "plans" / NEW_ID
    folder.mkdir(parents=True)
    for path in PLAN_DIR.iterdir():
        text = path.read_text(encoding="utf-8")
        text = moved_csv(text) if path.suffix == ".csv" else moved_on(text)
        (folder / moved_on(path.name)).write_text(text, encoding="utf-8")
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^id: .*$", f"id: {NEW_ID}", text)
    text = re.sub(r"(?m)^title: .*$", f'title: "{NEW_TITLE}"', text)
    plan.write_text(text, encoding="utf-8")
    return target


def old_years(text: str) -> list[str]:
    """The old plan's years and title found in `text`, with a little context each."""
    found = [text[max(0, m.start() - 40):m.end() + 20] for m in OLD_YEAR.finditer(text)]
    return found + ([OLD_TITLE] if OLD_TITLE in text else [])


@pytest.fixture(scope="module")
def moved(tmp_path_factory) -> Path:
    return move_plan(tmp_path_factory.mktemp("moved") / "knowledge")


@pytest.fixture(scope="module")
def moved_db(moved, tmp_path_factory) -> Path:
    return store.build(knowledge.load(moved), tmp_path_factory.mktemp("moved-db") / "oscp.db")


@pytest.fixture(scope="module")
def moved_engine(moved_db) -> Engine:
    return Engine(moved_db)


# --- the copy itself -----------------------------------------------------------------------------


def test_the_copy_holds_no_old_year_and_the_same_figures(moved):
    folder = moved / "plans" / NEW_ID
    assert [p.name for p in (moved / "plans").iterdir()] == [NEW_ID]
    for path in folder.iterdir():
        assert not old_years(path.read_text(encoding="utf-8")), path.name
    plan = knowledge.load(moved).plans[0]
    original = knowledge.load().plans[0]
    assert (plan.plan.id, plan.plan.title, plan.plan.plan_year) == (NEW_ID, NEW_TITLE, "2032-33")
    assert [f.value for f in plan.figures] == [f.value for f in original.figures]
    assert {f.period for f in plan.figures} == {
        moved_on(f.period) if f.period else None for f in original.figures}


def test_moving_on_changes_every_kind_of_year():
    assert moved_on("2021, 2022-23, 2018/19, 2018/2019, 2020-2021, 1/1/21 to 31/12/2021, "
                    "Act 1998, 2,021 and 420") == (
        "2031, 2032-33, 2028/29, 2028/2029, 2030-2031, 1/1/31 to 31/12/2031, Act 1998, 2,021 and 420")


def test_the_check_finds_the_old_plan_in_its_own_answers(db_path):
    """The check can fail: on the real plan it finds the years and title these tests forbid."""
    engine = Engine(db_path, PLAN_DIR.name)
    for question in ("What are OSCP's priorities?", "What did OSCP achieve?", "hate crime"):
        assert old_years(Assistant(engine).ask(question).model_dump_json()), question
    assert not old_years("2031, 2032-33, 12,021 and 20.21 per cent, 2,020 crimes")


# --- answers -------------------------------------------------------------------------------------

ANSWERED = [  # question, a new year the answer must show
    ("How did hate crime compare?", "2031"),
    ("total recorded crime in Oxford", "2030"),
    ("How did total crime change?", "2031"),
    ("Is domestic abuse going down?", "2027"),
    ("How many domestic occurrences in Oxford involved children?", "2031/32"),
    ("What share of Oxfordshire's hate crime is in Oxford?", "2031"),
    ("Which crime types changed most?", "2031"),
    ("What is the crime severity score?", None),
    ("Why did crime go up?", "2031"),
    ("How is hate crime counted?", None),
    ("police ASB incidents last year", "2031"),
    ("What are OSCP's priorities?", "2032-33"),
    ("Is hate crime one of OSCP's priorities?", "2032-33"),
    ("what are the pcc priorities", "2032-33"),
    ("What did OSCP achieve?", "2031"),
    ("What did OSCP achieve on domestic abuse?", "2031"),
    ("Tell me about the Nightsafe Oxford Network", "2031"),
    ("What does the plan do about the night-time economy?", "2032-33"),
    ("What does DAHA mean?", "2032-33"),
    ("What statutory duties does OSCP have?", None),
    ("What is OSCP?", None),
]
NOT_ANSWERED = [  # question, status
    ("", Status.clarify),
    ("how many were there?", Status.clarify),
    ("How many burglaries were there in Oxford?", Status.no_answer),
    ("What are the priorities for 2033-34?", Status.no_answer),
    ("How much money does OSCP spend on parking?", Status.no_answer),
    ("I am in danger", Status.answered),
]


@pytest.mark.parametrize(("question", "year"), ANSWERED)
def test_answers_show_the_new_plan_only(moved_engine, question, year):
    answer = Assistant(moved_engine).ask(question)
    assert answer.status == Status.answered, answer.text
    shown = answer.model_dump_json()
    assert not old_years(shown), old_years(shown)
    assert answer.plan == NEW_TITLE
    assert "from the oscp" not in answer.text.lower()   # one plan: its answers name no plan
    if year:
        assert year in shown, shown


@pytest.mark.parametrize(("question", "status"), NOT_ANSWERED)
def test_questions_back_and_refusals_show_the_new_plan_only(moved_engine, question, status):
    answer = Assistant(moved_engine).ask(question)
    assert answer.status == status, answer.text
    shown = answer.model_dump_json()
    assert not old_years(shown), old_years(shown)
    assert answer.plan == NEW_TITLE


def test_a_clarification_offers_the_new_latest_year(moved_engine):
    answer = Assistant(moved_engine).ask("how many were there?")
    assert answer.options and all("2031" in option for option in answer.options), answer.options


def test_the_example_questions_are_the_new_plans(moved_engine):
    examples = moved_engine.plans.newest.info.examples
    assert any("2031" in question for question in examples), examples
    for question in examples:
        assert not old_years(question)
        assert Assistant(moved_engine).ask(question).status == Status.answered, question


def test_every_question_the_plan_offers_shows_the_new_plan_only(moved, moved_engine):
    """The plan's own questions (the chat's examples, each intent's examples, the topic packs),
    moved on with it: a year of the old plan in an answer can only have come from code."""
    plan = knowledge.load(moved).plans[0]
    questions = [*plan.plan.examples, *(q for qs in plan.examples.intents.values() for q in qs),
                 *(q.ask for pack in briefing.topic_packs(moved) for q in pack.questions)]
    assert len(questions) > 60
    checked = 0
    for question in questions:
        assistant = Assistant(moved_engine)
        if any(OLD_YEAR.fullmatch(p[:4]) for p in assistant.interpret(question)[0].periods):
            continue  # "for twenty twenty": the question itself asks for an old year
        shown = assistant.ask(question).model_dump_json()
        assert not old_years(shown), (question, old_years(shown))
        checked += 1
    assert checked >= len(questions) - 2


# --- a briefing ----------------------------------------------------------------------------------


def test_a_briefing_and_its_export_show_the_new_plan_only(moved, moved_engine):
    packs = briefing.topic_packs(moved)
    made = briefing.from_questions(Assistant(moved_engine), ["How did total crime change?"],
                                   packs=[briefing.find_pack("total-crime", moved), *packs[:1]])
    assert made.plan == NEW_TITLE
    for pack in packs:
        assert not old_years(pack.model_dump_json()), pack.id
    text = export.to_markdown(made)
    assert NEW_TITLE in text and "2031" in text
    assert not old_years(text), old_years(text)


# --- the app -------------------------------------------------------------------------------------

PAGES = ["chat", "briefing", "statistics", "priorities", "achievements", "duties", "glossary"]


@pytest.fixture
def moved_app(moved, moved_db, monkeypatch, tmp_path):
    monkeypatch.setattr(knowledge, "DEFAULT_ROOT", moved)
    monkeypatch.setattr(store, "DEFAULT_DB", moved_db)
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    monkeypatch.delenv("OSCP_QA_FEEDBACK_URL", raising=False)


def everything_shown(app: AppTest) -> str:
    """Every element's words as the browser gets them (labels, help, placeholders, Markdown,
    options), and every table's cells."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and not hasattr(node, "children"):
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app.main)
    walk(app.sidebar)
    parts += [t.value.to_string() for t in app.table]
    return "\n".join(parts)


def run_page(page: str, question: str | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    if page != "chat":
        app.switch_page(f"app_pages/{page}.py").run()
    if question:
        app.chat_input[0].set_value(question).run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_new_plan_only(moved_app, page):
    shown = everything_shown(run_page(page))
    assert not old_years(shown), old_years(shown)
    if page in ("chat", "statistics"):
        assert NEW_TITLE in shown
    if page in ("chat", "priorities", "achievements"):
        assert any(year in shown for year in NEW_YEARS), page


def test_the_chat_welcomes_with_the_new_plan_and_answers_from_it(moved_app):
    app = run_page("chat")
    assert app.title[0].value == f"Ask about the {NEW_TITLE}"
    welcome = "\n".join(m.value for m in app.markdown)
    assert "2032-33" in welcome and "2030 and 2031" in welcome
    app = run_page("chat", "How did total crime change?")
    shown = everything_shown(app)
    assert "2031" in app.chat_message[1].markdown[0].value
    assert not old_years(shown), old_years(shown)
