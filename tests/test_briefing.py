"""Briefings: the models, adding, moving and removing items, topic packs (every question answered
by the intent it is meant for), and briefings built from questions."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from conftest import KNOWLEDGE
from pydantic import ValidationError

from oscp_qa import Answer, Assistant, KnowledgeError, Status, knowledge
from oscp_qa.briefing import (
    Briefing,
    BriefingError,
    Item,
    ItemKind,
    add_pack,
    find_pack,
    from_json,
    from_questions,
    to_json,
    topic_packs,
)

PACKS = topic_packs()
PACK_QUESTIONS = [(pack.id, q.ask, q.expect) for pack in PACKS for q in pack.questions]


def answered(text: str = "Figures: **420**", plan: str = "Plan A", sources=("Table 8",)) -> Answer:
    return Answer(status=Status.answered, text=text, plan=plan, sources=list(sources))


def briefing_of(*labels: str) -> Briefing:
    """A briefing of headings named by `labels`, so an order reads as a list of strings."""
    briefing = Briefing()
    for label in labels:
        briefing.add_heading(label)
    return briefing


def order(briefing: Briefing) -> list[str]:
    return [item.label for item in briefing.items]


# --- the models ---------------------------------------------------------------------------------


@pytest.mark.parametrize("data,problem", [
    ({"kind": "answer", "question": "q"}, "an answer item needs its answer"),
    ({"kind": "heading", "text": "  "}, "a heading item needs text and no answer"),
    ({"kind": "note", "text": "x", "answer": answered().model_dump()}, "a note item needs text"),
    ({"kind": "heading", "text": "x", "colour": "red"}, "Extra inputs are not permitted"),
    ({"kind": "table", "text": "x"}, "Input should be 'answer', 'heading' or 'note'"),
])
def test_an_item_must_fit_its_kind(data, problem):
    with pytest.raises(ValidationError, match=problem):
        Item.model_validate(data)


def test_a_briefing_survives_a_round_trip_through_json():
    briefing = Briefing(title="Hate crime")
    briefing.add_answer("How did hate crime compare?", answered())
    briefing.add_note("Ask the police about 2022.")
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing


def test_an_answer_is_kept_as_it_was_given():
    answer = answered()
    briefing = Briefing()
    item = briefing.add_answer("q", answer)
    answer.text = "changed afterwards"
    assert item.answer.text == "Figures: **420**"
    assert briefing.plan == "Plan A"           # the first answer names the plan


def test_a_clarifying_question_cannot_go_in_a_briefing():
    clarify = Answer(status=Status.clarify, text="Which figure do you mean?",
                     options=["Total crime in 2021", "ASB in 2021"])
    with pytest.raises(BriefingError, match="“compare” needs clarifying before it can go in a "
                                            "briefing. Ask one of these instead: Total crime in "
                                            "2021; ASB in 2021."):
        Briefing().add_answer("compare", clarify)


def test_a_no_answer_can_go_in_a_briefing():
    answer = Answer(status=Status.no_answer, text="The plan does not include figures for burglary.")
    assert Briefing().add_answer("burglaries?", answer).answer.status == Status.no_answer


@pytest.mark.parametrize("add,text,problem", [
    ("add_heading", "   ", "A heading needs some text."),
    ("add_note", "", "A note needs some text."),
    ("add_heading", "x" * 121, "A heading can be at most 120 characters; this one has 121."),
    ("add_note", "x" * 1001, "A note can be at most 1000 characters; this one has 1001."),
])
def test_headings_and_notes_need_short_text(add, text, problem):
    with pytest.raises(BriefingError, match=problem):
        getattr(Briefing(), add)(text)


# --- arranging ----------------------------------------------------------------------------------


@pytest.mark.parametrize("which,offset,expected", [
    ("b", -1, ["b", "a", "c"]),
    ("b", 1, ["a", "c", "b"]),
    ("a", -1, ["a", "b", "c"]),          # the first stays first
    ("c", 1, ["a", "b", "c"]),           # the last stays last
    ("a", 5, ["b", "c", "a"]),
])
def test_move(which, offset, expected):
    briefing = briefing_of("a", "b", "c")
    briefing.move(next(i.id for i in briefing.items if i.text == which), offset)
    assert order(briefing) == expected


def test_remove_and_clear():
    briefing = briefing_of("a", "b", "c")
    briefing.remove(briefing.items[1].id)
    assert order(briefing) == ["a", "c"]
    briefing.clear()
    assert briefing.items == []


def test_an_unknown_item_is_a_briefing_error():
    with pytest.raises(BriefingError, match="No item 'nope' in this briefing."):
        briefing_of("a").move("nope", 1)


def test_sources_are_listed_once_in_order_and_plans_named():
    briefing = Briefing()
    briefing.add_answer("1", answered(sources=["Table 8", "Table 1"]))
    briefing.add_heading("Then")
    briefing.add_answer("2", answered(sources=["Table 1", "Table 3"], plan="Plan B"))
    assert briefing.sources == ["Table 8", "Table 1", "Table 3"]
    assert briefing.plans == ["Plan A", "Plan B"]
    assert [i.question for i in briefing.answers] == ["1", "2"]


# --- topic packs --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Hate crime", "Anti-social behaviour", "Domestic abuse",
                                  "Exploitation and modern slavery", "Total crime",
                                  "Night-time economy"])
def test_the_issue_s_topics_each_have_a_pack(name):
    assert find_pack(name).label == name


@pytest.mark.parametrize("name", ["hate-crime", "HATE CRIME", " hate crime "])
def test_a_pack_is_found_by_id_or_label_in_any_case(name):
    assert find_pack(name).id == "hate-crime"


def test_an_unknown_pack_names_the_packs_there_are():
    with pytest.raises(BriefingError, match=r"There is no topic pack “burglary”. The packs are: "
                                            r"hate-crime \(Hate crime\), asb"):
        find_pack("burglary")


@pytest.mark.parametrize("pack,question,intent", PACK_QUESTIONS)
def test_every_pack_question_is_answered_as_intended(assistant, pack, question, intent):
    answer = assistant.ask(question)
    assert (Status(answer.status).value, answer.intent) == ("answered", intent), answer.text
    assert answer.sources, question


def test_the_hate_crime_pack_has_strands_by_area_oxfords_shares_and_the_priority(engine):
    briefing = Briefing()
    add_pack(briefing, find_pack("hate-crime"), Assistant(engine))
    assert briefing.items[0].kind == ItemKind.heading and briefing.items[0].text == "Hate crime"
    by_intent = {}
    for item in briefing.answers:
        by_intent.setdefault(item.answer.intent, []).append(item.answer)
    [compared] = by_intent["compare_areas"]
    assert {(f.area, f.label.rsplit(", ", 1)[1].rstrip(")")) for f in compared.facts} == {
        (area, strand) for area in ("Oxford", "Oxfordshire", "Thames Valley")
        for strand in ("race", "faith", "disablist", "homophobic", "transphobic")}
    shares = [f for a in by_intent["share"] for f in a.facts if f.unit == "per cent"]
    assert [f.value for f in shares] == [44.07, 10.79, 48.11]
    assert "Develop a hate crime action plan" in by_intent["priorities"][0].text


def test_pack_questions_do_not_borrow_from_the_conversation(engine):
    """A pack asks each question afresh, whatever the assistant was talking about before."""
    assistant = Assistant(engine)
    assistant.ask("council asb cases 2019")
    briefing = Briefing()
    add_pack(briefing, find_pack("total-crime"), assistant)
    fresh = Assistant(engine)
    for item in briefing.answers:
        fresh.reset()
        assert item.answer == fresh.ask(item.question)
    assert assistant.context.intent is None          # and it leaves no topic behind


def test_topic_packs_are_validated_with_file_row_and_field(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    path = root / "plans" / "oscp-2022-23" / knowledge.TOPIC_PACKS
    data = yaml.safe_load(path.read_text())
    data["packs"][1]["questions"][0]["expects"] = "share"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(KnowledgeError, match=r"topic_packs.yaml, row 2, field 'expects': "
                                             r"Extra inputs are not permitted"):
        knowledge.load_topic_packs(root)


def test_topic_pack_ids_are_unique(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, root)
    path = root / "plans" / "oscp-2022-23" / knowledge.TOPIC_PACKS
    data = yaml.safe_load(path.read_text())
    data["packs"][2]["id"] = data["packs"][0]["id"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(KnowledgeError, match="row 1, field 'id': duplicate pack id 'hate-crime'"):
        knowledge.load_topic_packs(root)


# --- from questions -----------------------------------------------------------------------------


def test_from_questions_keeps_the_answers_exactly_as_the_assistant_gave_them(engine):
    questions = ["How did hate crime compare?", "Is domestic abuse going down?"]
    briefing = from_questions(Assistant(engine), questions, title="Two answers")
    assert (briefing.title, briefing.plan) == ("Two answers", engine.plans.newest.title)
    assert [i.question for i in briefing.items] == questions
    direct = Assistant(engine)
    assert [i.answer for i in briefing.items] == [direct.ask(q) for q in questions]


def test_from_questions_is_one_conversation(engine):
    briefing = from_questions(Assistant(engine), ["council asb cases 2019", "and the following year?"])
    assert "2020: **3,609**" in briefing.items[1].answer.text


def test_from_questions_puts_packs_after_the_questions_under_their_headings(engine):
    briefing = from_questions(Assistant(engine), ["What does DAHA mean?"],
                              packs=[find_pack("hate-crime"), find_pack("asb")])
    headings = [i.text for i in briefing.items if i.kind == ItemKind.heading]
    assert briefing.items[0].question == "What does DAHA mean?"
    assert headings == ["Hate crime", "Anti-social behaviour"]
    assert len(briefing.answers) == 1 + len(find_pack("hate-crime").questions) + len(
        find_pack("asb").questions)


def test_from_questions_refuses_a_question_that_needs_clarifying(engine):
    with pytest.raises(BriefingError, match="“compare” needs clarifying"):
        from_questions(Assistant(engine), ["compare", "How did hate crime compare?"])


# --- titles, saving and opening -----------------------------------------------------------------


@pytest.mark.parametrize("question,title", [
    ("how did hate crime compare?", "Victims of hate crime by area"),       # the chart's title
    ("what is nightsafe?", "What is nightsafe?"),                           # the question, tidied
    ("  is   domestic abuse going down?", "Domestic abuse offences recorded"),
])
def test_an_answer_is_headed_by_its_title_in_sentence_case(assistant, question, title):
    briefing = Briefing()
    item = briefing.add_answer(question, assistant.ask(question))
    assert item.label == title and item.question == question


def test_renaming_changes_the_heading_not_the_answer(assistant):
    briefing = Briefing()
    item = briefing.add_answer("hate crime in oxford", assistant.ask("hate crime in oxford"))
    answer = item.answer.model_copy(deep=True)
    briefing.rename(item.id, "  Hate crime   in Oxford ")
    assert item.label == "Hate crime in Oxford" and item.answer == answer
    with pytest.raises(BriefingError, match="^A heading needs some text.$"):
        briefing.rename(item.id, " ")


def test_a_saved_briefing_opens_exactly_as_it_was(engine):
    made = from_questions(Assistant(engine), ["how did hate crime compare?"],
                          packs=[find_pack("asb")], title="ASB and hate crime")
    made.add_note("Ours, not the plan's.")
    made.rename(made.items[0].id, "Hate crime by area")
    saved = to_json(made)
    assert json.loads(saved)["kind"] == "oscp-qa briefing"
    assert from_json(saved) == made


@pytest.mark.parametrize("data,problem", [
    ("not json", "is not a briefing saved by OSCP Q&A (the file: Invalid JSON"),
    ('{"kind": "something else", "version": 1, "briefing": {}}', "(kind: Input should be"),
    ('{"kind": "oscp-qa briefing", "version": 1, "briefing": {"items": [{"kind": "answer"}]}}',
     "(briefing.items.0: Value error, an answer item needs its answer)"),
])
def test_a_file_that_is_not_a_saved_briefing_is_refused_in_plain_words(data, problem):
    with pytest.raises(BriefingError) as raised:
        from_json(data, name="b.json")
    assert str(raised.value).startswith("b.json ") and problem in str(raised.value)
