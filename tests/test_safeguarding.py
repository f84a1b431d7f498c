"""Safeguarding first: questions saying someone needs help now get where to find it before
anything else; questions about the plan's figures on the same topics still get the figures."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ask, has_number
from streamlit.testing.v1 import AppTest

from oscp_qa import Status, knowledge, safeguarding, store

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
if str(APP.parent) not in sys.path:       # app_pages is importable the way `streamlit run` sees it
    sys.path.insert(0, str(APP.parent))

EMERGENCY = "**If you or someone else is in danger now, call 999.**"
SILENT = "press **55**"
POLICE = "**101**"
CRIMESTOPPERS = "**Crimestoppers on 0800 555 111**"
DOMESTIC_ABUSE = "**National Domestic Abuse Helpline: 0808 2000 247**"
SLAVERY = "**Modern Slavery & Exploitation Helpline: 08000 121 700**"
SAMARITANS = "**Samaritans: 116 123**"
CHILDLINE = "**Childline on 0800 1111**"
SAFE_PLACES = "Safe Places scheme"
ASB_SERVICE = "whose ASB service the plan describes"

SIGNPOSTED = [
    # question, situations, what the answer must hold, in this order
    ("someone is following me right now, help", ["danger-now"],
     [EMERGENCY, SILENT, POLICE, SAFE_PLACES]),
    ("I'm in danger", ["danger-now"], [EMERGENCY, POLICE]),
    ("there's a man outside my house and I don't feel safe", ["danger-now"], [EMERGENCY, POLICE]),
    ("I think my drink was spiked", ["danger-now"], [EMERGENCY, SAFE_PLACES]),
    ("I am being abused at home, who can help me?", ["abuse"],
     [EMERGENCY, SILENT, DOMESTIC_ABUSE, POLICE, CHILDLINE]),
    ("my partner hits me", ["abuse"], [EMERGENCY, DOMESTIC_ABUSE]),
    ("I'm scared to go home", ["abuse"], [EMERGENCY, DOMESTIC_ABUSE]),
    ("my friend is being abused by her boyfriend", ["abuse"], [DOMESTIC_ABUSE]),
    ("I want to report a crime", ["report-crime"], [EMERGENCY, POLICE, CRIMESTOPPERS]),
    ("how do I report drug dealing on my street?", ["report-crime"], [POLICE, CRIMESTOPPERS]),
    ("my bike was stolen", ["report-crime"], [POLICE]),
    ("I was a victim of a hate crime, I am a victim of racism", ["report-crime"], [POLICE]),
    ("how do I report ASB", ["report-crime", "report-asb"],
     [EMERGENCY, POLICE, CRIMESTOPPERS, ASB_SERVICE]),
    ("I want to kill myself", ["self-harm"], [EMERGENCY, SAMARITANS, CHILDLINE]),
    ("I don't want to live any more", ["self-harm"], [SAMARITANS]),
    ("I have been self-harming", ["self-harm"], [SAMARITANS]),
    ("I feel suicidal", ["self-harm"], [SAMARITANS]),
    ("I'm being exploited at work and they took my passport", ["exploitation"],
     [EMERGENCY, SLAVERY, POLICE, CRIMESTOPPERS, CHILDLINE]),
    ("I am forced to sell drugs by a gang", ["exploitation"], [SLAVERY]),
    ("I think I'm being groomed", ["exploitation"], [SLAVERY]),
    ("my partner hits me and I want to report it", ["abuse", "report-crime"],
     [DOMESTIC_ABUSE, POLICE, CRIMESTOPPERS]),
    # typos, capitals and missing apostrophes
    ("some one is folowing me", ["danger-now"], [EMERGENCY, POLICE]),
    ("SOMEONE IS FOLLOWING ME!!!", ["danger-now"], [EMERGENCY]),
    ("im being abussed", ["abuse"], [DOMESTIC_ABUSE]),
    ("i feel sucidal", ["self-harm"], [SAMARITANS]),
    ("im bein exploted", [], []),          # two typos in a row: too far from any phrase
    ("ive been traficked", ["exploitation"], [SLAVERY]),
    ("how many times do I have to say I have been trafficked", ["exploitation"], [SLAVERY]),
    ("i wnat to reprot a crime", ["report-crime"], [POLICE]),
]

NOT_SIGNPOSTED = [
    # question, what its normal answer must hold
    ("how many domestic abuse offences were there?", "1,768"),
    ("what is being done about modern slavery?", "odern slavery"),
    ("what is the Safe Places scheme?", "Safe Places"),
    ("domestic abuse victims in 2021", None),
    ("how many victims of modern slavery were there in Oxford?", None),
    ("forced marriages in oxford", None),
    ("how many ASB reports did TVP receive?", None),
    ("reported crime in oxford in 2021", "15,964"),
    ("Does the plan say anything about parking? People park on the pavement outside my house.",
     None),  # a nuisance outside, not someone there now
    ("what is the drink spiking awareness course?", "Drink Spiking"),
    ("is knife crime going down?", None),
    ("what are the victims of hate crime by strand?", None),
    ("what does the plan say about violence against women and girls?", None),
    ("child sexual exploitation victims in oxford", "24"),
    ("how many of them had been trafficked into the UK?", None),   # a figure, of no one now
    ("how many children have been exploited in Oxford?", None),
]


@pytest.fixture(scope="module")
def signposting(kb) -> safeguarding.Signposting:
    return safeguarding.Signposting(kb.safeguarding)


@pytest.mark.parametrize("question, situations, holds", SIGNPOSTED,
                         ids=[q for q, _, _ in SIGNPOSTED])
def test_signposted_before_anything_else(assistant, signposting, question, situations, holds):
    assert signposting.situations(question) == situations
    answer = assistant.ask(question)
    if not situations:
        assert answer.intent != safeguarding.INTENT
        return
    reporting = all(s.startswith("report-") for s in situations)  # the plan cannot say how
    expected = Status.no_answer if reporting else Status.answered
    assert (answer.status, answer.intent) == (expected, safeguarding.INTENT)
    assert answer.text.startswith(EMERGENCY)
    places = [answer.text.find(words) for words in holds]
    assert -1 not in places, [w for w, p in zip(holds, places, strict=True) if p == -1]
    assert places == sorted(places), "signposts in the data file's order"
    assert answer.text.endswith("it cannot contact anyone for you or pass on what you type. "
                                "The services above can.")
    assert answer.sources and not answer.facts and not answer.chart


@pytest.mark.parametrize("question, holds", NOT_SIGNPOSTED, ids=[q for q, _ in NOT_SIGNPOSTED])
def test_questions_about_the_plan_get_their_normal_answer(assistant, signposting, question, holds):
    assert signposting.situations(question) == []
    answer = assistant.ask(question)
    assert answer.intent != safeguarding.INTENT
    assert "0808 2000 247" not in answer.text and "999" not in answer.text
    if holds:
        assert holds in answer.text


def test_no_example_or_topic_pack_question_is_signposted(kb, signposting):
    """Every question the knowledge itself offers as an example is about the plan."""
    questions = [q for plan in kb.plans for qs in plan.examples.intents.values() for q in qs]
    questions += [q for plan in kb.plans for q in plan.plan.examples]
    questions += [q.ask for pack in knowledge.load_topic_packs() for q in pack.questions]
    assert len(questions) > 40
    assert [q for q in questions if signposting.situations(q)] == []


def test_signposting_leaves_the_conversation_where_it_was(assistant):
    first = ask(assistant, "hate crime in oxford")
    assert has_number(first.text, 420)
    assert assistant.ask("someone is following me").intent == safeguarding.INTENT
    follow_up = assistant.ask("and in oxfordshire?")
    assert has_number(follow_up.text, 873)


def test_the_whole_question_is_read_not_only_its_first_500_characters(assistant):
    answer = assistant.ask("tell me about the plan " * 40 + "because I want to end my life")
    assert answer.intent == safeguarding.INTENT and SAMARITANS in answer.text


@pytest.mark.parametrize("text", [None, 42, b"I want to kill myself", "", "   "])
def test_anything_not_a_question_is_left_to_the_assistant(engine, text):
    assert safeguarding.signpost(engine.database, text, "plan") is None


# --- the data file ------------------------------------------------------------------------------

CHECKED_NUMBERS = {"999", "55", "101", "0800 555 111", "0808 2000 247", "08000 121 700",
                   "116 123", "0800 1111"}


def test_every_number_is_one_that_was_checked(kb):
    """A typo in a helpline number must fail here, not reach someone who needs it."""
    text = " ".join(s.text for s in kb.safeguarding.signposts).replace("24 hours", "")
    written = set(re.findall(r"\d+(?: \d+)*", text))
    assert written == CHECKED_NUMBERS


def test_every_signpost_is_used_and_sourced(kb):
    used = {n for s in kb.safeguarding.situations for n in s.signposts}
    assert used == {s.id for s in kb.safeguarding.signposts}
    assert all(s.source.strip() for s in kb.safeguarding.signposts)


@pytest.mark.parametrize("phrase", sorted({p for s in knowledge.load().safeguarding.situations
                                           for p in s.phrases}))
def test_every_phrase_matches_itself(signposting, phrase):
    assert signposting.situations(phrase), phrase


# --- in the app ---------------------------------------------------------------------------------


def test_the_app_shows_the_signposts_first(db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "DEFAULT_DB", db_path)
    monkeypatch.setenv("OSCP_QA_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    app.chat_input[0].set_value("I am being abused at home, who can help me?").run()
    assert not app.exception, app.exception
    shown = app.chat_message[1].markdown[0].value
    assert shown.startswith(EMERGENCY) and DOMESTIC_ABUSE in shown
    sources = "\n".join(m.value for m in app.chat_message[1].expander[0].markdown)
    assert "nationaldahelpline" in sources


def test_help_first_then_a_figure_the_plan_lacks_is_said_and_is_no_answer(assistant):
    """Someone who feels unsafe gets help first; the figure they also ask for is still asked
    of the plan, and the plan has none for one street."""
    answer = assistant.ask("I don't feel safe walking down Cowley Road after dark. How many "
                           "assaults have there been on that street this year?")
    assert answer.text.startswith(EMERGENCY) and answer.intent == safeguarding.INTENT
    assert answer.status == Status.no_answer and "On your question:" in answer.text


def test_help_first_then_a_figure_the_plan_holds(assistant):
    """The figure asked for after saying one feels unsafe comes after the help, not instead."""
    answer = assistant.ask("I feel unsafe walking home in Oxford as a gay man. How many "
                           "homophobic hate crime victims were there in Oxford?")
    assert answer.text.startswith(EMERGENCY) and answer.intent == safeguarding.INTENT
    help_ends = answer.text.index("On your question:")
    assert answer.status == Status.answered and "**64**" in answer.text[help_ends:]


def test_help_first_then_the_scheme_asked_about(assistant):
    """A question about a scheme that speaks of a spiked drink gets the help first, then what
    the plan says of the scheme; a question about no scheme gets the help alone."""
    answer = assistant.ask("Tell me about the scheme to check whether a drink has been spiked.")
    assert answer.text.startswith(EMERGENCY) and answer.intent == safeguarding.INTENT
    help_ends = answer.text.index("What the plan says:")
    assert "testing kits" in answer.text[help_ends:].lower()
    assistant.reset()
    alone = assistant.ask("My drink was spiked last night")
    assert alone.text.startswith(EMERGENCY) and "What the plan says:" not in alone.text
