"""Answers across plans: a second, made-up plan folder beside the real one.

The "2023-24" plan below prints domestic abuse offences for 2019 to 2022 only, revises Oxford's
2020 figure, and has priorities of its own. A figure comes from the newest plan that prints it
and names that plan; a trend runs over every year either plan holds and says which years come
from which, and where the newer plan revised the older one's figure; words come from the newest
plan unless the question names another.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import KNOWLEDGE, PLAN_DIR, ask, has_number

from oscp_qa import Assistant, Engine, KnowledgeError, Status, knowledge, store

OLD, NEW = "OSCP Rolling Plan 2022-23", "OSCP Rolling Plan 2023-24"
NEW_FIGURES = {  # (area, year): offences, as the made-up plan prints them
    ("oxford", "2019"): 1858, ("oxford", "2020"): 1920, ("oxford", "2021"): 1768,
    ("oxford", "2022"): 1811,
    ("oxfordshire", "2019"): 7285, ("oxfordshire", "2020"): 7851, ("oxfordshire", "2021"): 7156,
    ("oxfordshire", "2022"): 7402,
}
REVISED = ("oxford", "2020", 1917, 1920)   # the 2022-23 plan printed 1,917; the new one 1,920
NEW_PRIORITY = "Reduce repeat domestic abuse by following up every high-risk case within a week."


def write_next_plan(root) -> None:
    """A 2023-24 plan: the real plan's words but for one achievement it drops, one table of its
    own, its own priorities."""
    folder = root / "plans" / "oscp-2023-24"
    shutil.copytree(root / "plans" / PLAN_DIR.name, folder)
    for extra in folder.glob("notes*.yaml"):
        extra.unlink()
    info = yaml.safe_load((folder / "plan.yaml").read_text())  # its sections, wording, examples
    info.update({"id": "oscp-2023-24", "title": NEW, "plan_year": "2023-24", "latest_year": 2022,
                 "source_file": "oscp-rolling-plan-2023-24.txt"})
    info["pcc"]["not_listed_note"] = None   # the notes it names are dropped below
    (folder / "plan.yaml").write_text(yaml.safe_dump(info))
    (folder / "tables.yaml").write_text(yaml.safe_dump({"tables": [{
        "id": "table-da", "label": "Table 2", "title": "Domestic Abuse Offences",
        "counts": "Domestic abuse offences recorded in Oxford and Oxfordshire, 2019 to 2022.",
        "section": "Domestic abuse and exploitation", "measure": "da_offences",
        "notes": ["da-revised"]}]}))
    (folder / "notes.yaml").write_text(yaml.safe_dump({"notes": [{
        "id": "da-revised", "about": "table-da",
        "text": "This plan's 2020 figure for Oxford differs from the one printed a year earlier."}]}))
    rows = ["table,measure,area,period,quarter,category,stat,value,unit,row_label"]
    rows += [f"table-da,da_offences,{area},{year},,,count,{value},offences,{area} {year}"
             for (area, year), value in NEW_FIGURES.items()]
    (folder / "figures.csv").write_text("\n".join(rows) + "\n")
    (folder / "directions.csv").write_text(
        "table,measure,area,period,compared_with,category,direction,quote\n")
    achievements = yaml.safe_load((folder / "achievements.yaml").read_text())
    achievements["achievements"] = [a for a in achievements["achievements"]
                                    if a["id"] != "operation-vigilant"]
    (folder / "achievements.yaml").write_text(yaml.safe_dump(achievements))
    priorities = yaml.safe_load((folder / "priorities.yaml").read_text())
    priorities["oscp_priorities"] = [{"id": "n01", "pcc_priority": None, "theme": "domestic-abuse",
                                      "text": NEW_PRIORITY, "keywords": ["repeat domestic abuse"]}]
    (folder / "priorities.yaml").write_text(yaml.safe_dump(priorities))


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory) -> Engine:
    root = tmp_path_factory.mktemp("two-plans") / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    write_next_plan(root)
    return Engine(store.build(knowledge.load(root), root.parent / "oscp.db"))


@pytest.fixture
def both(two_plans) -> Assistant:
    return Assistant(two_plans)


def test_plans_are_ordered_newest_first(two_plans):
    assert [p.title for p in two_plans.plans.all] == [NEW, OLD]


def test_a_year_both_plans_print_comes_from_the_newer_and_names_it(both):
    answer = ask(both, "How many domestic abuse offences were there in Oxford in 2022?")
    assert answer.status == Status.answered
    assert has_number(answer.text, 1811)
    assert f"From the {NEW}." in answer.text and answer.plan == NEW
    assert [f.source for f in answer.facts] == [f"{NEW}, Table 2, row 'oxford 2022'"]
    assert answer.sources == [f"{NEW}, Table 2: Domestic Abuse Offences"]


def test_a_year_only_the_older_plan_prints_still_comes_from_it_and_names_it(both):
    answer = ask(both, "How many domestic abuse offences were there in Oxford in 2017?")
    assert answer.status == Status.answered
    assert has_number(answer.text, 1894)
    assert f"From the {OLD}." in answer.text and answer.plan == OLD
    assert all(f.source.startswith(f"{OLD}, Table 4, row ") for f in answer.facts)


def test_a_revised_figure_is_the_newer_plans_and_the_older_value_is_said(both):
    area, year, old, new = REVISED
    answer = ask(both, f"How many domestic abuse offences were there in Oxford in {year}?")
    assert has_number(answer.text, new)
    assert (f"Revised figure: the {NEW} gives domestic abuse offences recorded (Oxford, {year}) as "
            f"{new:,}; the {OLD} printed {old:,}.") in answer.text


def test_a_trend_spans_both_plans_says_which_years_are_whose_and_notes_the_revision(both):
    answer = ask(both, "How have domestic abuse offences in Oxford changed over the years?")
    assert answer.status == Status.answered and answer.intent == "trend"
    assert "2017 to 2022" in answer.text
    assert (f"2019, 2020, 2021 and 2022 from the {NEW}; 2017 and 2018 from the {OLD}."
            in answer.text)
    assert f"the {OLD} printed 1,917" in answer.text
    assert [p.x for p in answer.chart.points if p.series == "Oxford"] == \
        ["2017", "2018", "2019", "2020", "2021", "2022"]
    assert answer.plan == f"{NEW} and {OLD}"
    assert {f.source.split(",")[0] for f in answer.facts} == {NEW, OLD}


def test_priorities_come_from_the_newest_plan(both):
    answer = ask(both, "What are OSCP's priorities?")
    assert answer.status == Status.answered and answer.plan == NEW
    assert NEW_PRIORITY in answer.text and f"From the {NEW}." in answer.text
    assert all(source.startswith(NEW) for source in answer.sources)


def test_a_named_plan_gives_its_own_priorities(both, engine):
    answer = ask(both, "What were the priorities in the 2022-23 plan?")
    assert answer.status == Status.answered and answer.plan == OLD
    assert NEW_PRIORITY not in answer.text and f"From the {OLD}." in answer.text
    first = engine.plans.newest.priorities()[0]["text"]
    assert first in answer.text


def test_a_programme_only_the_older_plan_has_is_answered_from_it(both):
    answer = ask(both, "What is Operation Vigilant?")
    assert answer.status == Status.answered and answer.plan == OLD
    assert "predatory behaviour" in answer.text and f"From the {OLD}." in answer.text


def test_a_change_against_a_revised_year_says_whose_printed_change_it_quotes(both):
    answer = ask(both, "How did domestic abuse offences in Oxford change from 2020 to 2021?")
    assert has_number(answer.text, 152)  # 1,768 − 1,920, the revised 2020
    assert f"The {OLD} prints -149" in answer.text  # worked out on the 1,917 it printed


def test_a_later_plan_year_than_any_plan_is_still_refused(both):
    answer = ask(both, "What are the priorities for 2024-25?")
    assert answer.status == Status.no_answer
    assert answer.text.startswith(f"This is the {NEW}; it says nothing about 2024/25.")


def test_one_plan_alone_names_no_plan_in_the_text(assistant):
    answer = ask(assistant, "How have domestic abuse offences in Oxford changed over the years?")
    assert answer.status == Status.answered and answer.plan == OLD
    assert "from the OSCP" not in answer.text.lower() and "Revised" not in answer.text
    assert all(f.source.startswith(f"{OLD}, Table 4, row ") for f in answer.facts)


def test_two_plans_for_the_same_year_are_refused(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    write_next_plan(root)
    path = root / "plans" / "oscp-2023-24" / "plan.yaml"
    path.write_text(yaml.safe_dump({**yaml.safe_load(path.read_text()), "plan_year": "2022-23"}))
    with pytest.raises(KnowledgeError, match="duplicate plan_year '2022-23'"):
        knowledge.load(root)
