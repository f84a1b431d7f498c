"""What the browse pages show, checked against the knowledge files read directly."""

from __future__ import annotations

import io

import pandas as pd
import pytest
import yaml
from conftest import PLAN_DIR, read_figures

from oscp_qa import Assistant, browse


def plan_yaml(name: str) -> dict:
    return yaml.safe_load((PLAN_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables(engine) -> list[browse.StatTable]:
    return browse.statistics(engine)


# --- statistics ---------------------------------------------------------------------------------


def test_every_table_is_listed_in_the_plans_order(tables):
    expected = plan_yaml("tables.yaml")["tables"]
    assert [t.id for t in tables] == [t["id"] for t in expected]
    for table, row in zip(tables, expected, strict=True):
        assert table.heading == f"{row['label']}: {row['title']}"
        assert (table.counts, table.section) == (row["counts"], row["section"])


def test_each_table_has_its_own_figures(tables):
    rows = read_figures()
    for table in tables:
        own = [r for r in rows if r["table"] == table.id]
        assert list(table.figures["Value"]) == [r["value"] for r in own], table.id


def test_each_table_shows_its_caveats(tables):
    notes = {n["id"]: n["text"] for name in ("notes.yaml", "notes-text.yaml")
             for n in plan_yaml(name)["notes"]}
    expected = {t["id"]: t.get("notes", []) for t in plan_yaml("tables.yaml")["tables"]}
    for table in tables:
        assert sorted(table.caveats) == sorted(notes[n] for n in expected[table.id]), table.id


def test_the_csv_download_round_trips(tables):
    table = next(t for t in tables if t.id == "table-1")
    back = pd.read_csv(io.StringIO(table.figures.to_csv(index=False)))
    assert list(back.columns) == ["Area", "Period", "Figure", "Value", "Unit",
                                  "As printed in the plan"]
    assert back.loc[back["As printed in the plan"] == "Oxford 2021", "Value"].item() == 15964
    assert table.file_name == "oscp-table-1.csv"


@pytest.mark.parametrize("table_id,kind,x_label,points,series", [
    ("table-1", "bar", "Area", 6, {"2020", "2021"}),
    ("table-2", "line", "Year", 3, {""}),
    ("table-3", "bar", "Area", 9, {"Community", "Environmental", "Personal"}),   # no total
    ("table-4", "line", "Year", 10, {"Oxford", "Oxfordshire"}),
    ("table-5", "line", "Quarter", 15, {""}),
    ("table-7", "bar", "Area", 3, {""}),
    ("table-8", "bar", "Area", 15, {"race", "faith", "disablist", "homophobic", "transphobic"}),
    ("chart-5", "bar", "Breakdown", 3, {""}),
])
def test_table_charts(tables, table_id, kind, x_label, points, series):
    chart = next(t for t in tables if t.id == table_id).chart
    assert (chart.kind, chart.x_label, len(chart.points)) == (kind, x_label, points)
    assert {p.series for p in chart.points} == series
    assert chart.y_label


@pytest.mark.parametrize("table_id", ["chart-2", "chart-4", "text-crime-severity",
                                      "text-crime-in-oxford", "text-asb-share"])
def test_tables_with_nothing_to_draw_have_no_chart(tables, table_id):
    assert next(t for t in tables if t.id == table_id).chart is None


def test_tables_with_only_directions_say_which_way_things_went(tables):
    chart_2 = next(t for t in tables if t.id == "chart-2")
    assert chart_2.directions[0].startswith("Public order offences in Oxford increased in 2021 "
                                            "compared with 2020. The plan: “Significantly")
    assert len(chart_2.directions) == 6


def test_tables_are_grouped_by_section(tables):
    sections = browse.sections(tables)
    assert list(sections) == ["Crime in Oxford", "Domestic abuse and exploitation", "Hate Crime",
                              "Repeat Victimization"]
    assert sum(map(len, sections.values())) == len(tables)


# --- priorities ---------------------------------------------------------------------------------


def numbers(items) -> list[int]:
    return [p.number for p in items]


@pytest.mark.parametrize("filters,expected", [
    ({}, list(range(1, 15))),
    ({"pcc": 2}, [3, 4]),
    ({"pcc": "2"}, [3, 4]),
    ({"pcc": browse.NO_PCC}, [12, 13, 14]),
    ({"theme": "hate-crime"}, [8]),
    ({"theme": "night-time-economy"}, [7]),
    ({"text": "night"}, [5, 7]),
    ({"text": "NIGHT oxford"}, [5, 7]),
    ({"text": "county lines"}, []),
    ({"pcc": 1, "text": "violence"}, [1, 5, 6]),
    ({"pcc": 2, "theme": "hate-crime"}, []),
])
def test_priority_filters(engine, filters, expected):
    assert numbers(browse.priorities(engine, **filters)) == expected


def test_priorities_match_the_plan(engine):
    rows = plan_yaml("priorities.yaml")["oscp_priorities"]
    items = browse.priorities(engine)
    assert [(p.text, p.pcc_priority, p.theme) for p in items] == \
        [(r["text"], r["pcc_priority"], r["theme"]) for r in rows]
    frame = browse.priorities_frame(items)
    assert list(frame.columns) == ["No.", "Priority", "PCC priority", "Theme"]
    assert list(frame["PCC priority"])[-1] == "None"


def test_pcc_priorities_and_the_missing_diagram_note(engine):
    assert list(browse.pcc_priorities(engine)) == [1, 2]
    assert "Diagram 1" in browse.note(engine, "diagram-1-missing")
    assert browse.note(engine, "no-such-note") == ""


# --- achievements, duties, glossary -------------------------------------------------------------


def test_achievements_by_theme_keep_the_plans_order(engine):
    rows = plan_yaml("achievements.yaml")["achievements"]
    grouped = browse.achievements_by_theme(engine)
    assert sum(map(len, grouped.values())) == len(rows)
    assert list(grouped)[0] == "Covid-19 pandemic response"
    flat = [a.id for items in grouped.values() for a in items]
    assert sorted(flat) == sorted(r["id"] for r in rows)


def test_achievements_filter_by_theme(engine):
    found = browse.achievements_by_theme(engine, "domestic-abuse")
    assert list(found) == ["Domestic abuse"]
    assert [a.id for a in found["Domestic abuse"]] == ["daha-accreditation",
                                                      "domestic-abuse-scrutiny-review"]
    nightsafe = next(a for a in browse.achievements(engine) if a.id == "nightsafe-oxford-network")
    assert nightsafe.facts and nightsafe.question == "What is Nightsafe Oxford Network?"


def test_duties(engine):
    names = [d["name"] for d in plan_yaml("duties.yaml")["duties"]]
    assert [d.name for d in browse.duties(engine)] == names


@pytest.mark.parametrize("query,first", [
    ("DAHA", "DAHA"),
    ("daha", "DAHA"),
    ("anti-social", "Anti-Social Behaviour Investigation Team"),
    ("closed-circuit", "CCTV"),                       # found by what it stands for
    ("oxford safer", "OSCP"),
])
def test_glossary_search_puts_name_matches_first(engine, query, first):
    assert browse.glossary(engine, query)[0].term == first


def test_glossary_lists_every_term_alphabetically(engine):
    terms = [t["term"] for t in plan_yaml("glossary.yaml")["terms"]]
    found = [t.term for t in browse.glossary(engine)]
    assert sorted(found) == sorted(terms)
    assert found == sorted(found, key=str.lower)
    assert browse.glossary(engine, "no such thing at all") == []
    frame = browse.glossary_frame(browse.glossary(engine, "DAHA"))
    assert list(frame.columns) == ["Term", "Stands for", "Meaning",
                                   "General knowledge, not from the plan", "Where the plan uses it"]


def test_glossary_items_carry_the_general_knowledge_marker(engine):
    terms = {t.term: t for t in browse.glossary(engine)}
    assert terms["DWP"].stands_for_general and terms["DWP"].general
    assert not terms["DAHA"].stands_for_general and "UK standard" in terms["DAHA"].general
    assert "UK standard" not in terms["DAHA"].meaning
    assert not terms["SAVI"].stands_for_general and terms["SAVI"].general == ""
    frame = browse.glossary_frame([terms["DWP"]])
    assert frame["General knowledge, not from the plan"].item().startswith(
        "stands for Department for Work and Pensions; ")


# --- every "Ask about this" button asks something the assistant can answer ----------------------


def ask_about_questions(engine) -> list[str]:
    items = [*browse.statistics(engine), *browse.priorities(engine), *browse.achievements(engine),
             *browse.duties(engine), *browse.glossary(engine)]
    return list(dict.fromkeys(item.question for item in items))


def test_every_ask_about_question_is_answered(engine):
    unanswered = []
    for question in ask_about_questions(engine):
        answer = Assistant(engine).ask(question)
        if answer.status.value != "answered":
            unanswered.append((question, answer.status.value, answer.text[:80]))
    assert not unanswered
