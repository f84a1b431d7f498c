"""What the plan cannot answer, decided from the frame before anything is composed.

A place the plan has no figures for, a restriction its tables do not break out, or an answer of
a kind the plan does not hold ("who chairs it", "how many arrests") means the plan's nearest
figure or passage is not the answer. The refusal says in one line what is missing, then what
the plan does hold that is closest, then where such information is published.
"""

from __future__ import annotations

import re

from . import format as fmt
from .answer import Answer, Status
from .intents import FIGURE_INTENTS
from .lexicon import lemma
from .normalise import normalise
from .passages import ROOT, sentences, word_root
from .plans import Plans
from .question import Frame, Match, Unknown

# The kind of fact of a programme that answers each kind of question.
FACT_KINDS = {"money": {"sum"}, "count": {"count"}, "person": {"partners", "audience", "funder"},
              "funder": {"funder"}, "author": {"author"}, "date": {"date"}, "place": {"place"}}
ASKED = {"money": "how much money was involved", "count": "how many", "person": "who",
         "funder": "who paid for it", "author": "who wrote it", "date": "when or for how long",
         "place": "where"}
NAMED_ENTITY_INTENTS = {"duties", "glossary", "about"}
TEXT_INTENTS = NAMED_ENTITY_INTENTS | {"achievement", "achievements", "priorities", "work_on"}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")   # a year written in a passage says when


def fact_kinds(frame: Frame) -> set[str]:
    """The kinds of a programme's facts that answer what is asked: whom it is for does not say
    who runs it."""
    kinds = FACT_KINDS[frame.asks]
    return kinds - {"audience"} if frame.signals.provider else kinds


def check(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A no-answer when the frame asks for what the plan does not hold; None otherwise. The
    checks run in order; the first that finds something missing answers."""
    if frame.asks == "how_much":  # "how much did we give?" is money; "how much of that?" a count
        frame = frame.model_copy(update={"asks": "figure" if match.measure else "money"})
    for test in WHERE_AND_WHEN:
        if answer := test(scope, frame, match):
            return answer
    if _where_it_is(scope, frame, match):  # "where can I charge my phone?": the programme's place
        frame = frame.model_copy(update={"asks": "place"})
    return next((answer for test in WHAT_IS_ASKED if (answer := test(scope, frame, match))), None)


def _figures(match: Match) -> bool:
    return match.intent in FIGURE_INTENTS


def _places(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A place the plan has no figures for; one it names in what was done answers a question
    about that work ("any new CCTV in Cowley?"), not one about the place itself."""
    mentioned = [u for u in frame.unknown if u.role == "place" and u.kind == "mentioned"]
    loose = (frame.features.achievement_place or (  # found by the place's words alone
        mentioned and match.intent == "achievement"
        and not _speaks_of_more(frame, match, mentioned))) \
        and (any(u.role != "place" for u in frame.unknown) or frame.wants_number)
    unknown_places = [u for u in frame.unknown if u.role == "place" and (  # "how safe is
        u.kind != "mentioned" or loose)]  # Abingdon?": found by the place, asked of more
    places = [u for u in frame.unknown if u.role == "place"] + match.places \
        if _figures(match) or (frame.measure and match.intent != "work_on") else unknown_places
    if places and match.intent == "achievement" and not frame.wants_number \
            and frame.asks != "count" and not (frame.periods or frame.relative) \
            and _speaks_of_more(frame, match, places):  # "any new
        # CCTV in Cowley?", "what did Neighbourhood Watch do in the operation in Blackbird
        # Leys?": the passage names the place
        text = _source_text(scope, frame, match)
        places = [u for u in places if not _said_in(u.word, text)]
    about = ["place"] if match.intent != "achievement" else []  # street-level figures, not work
    return _refuse(scope, match, _no_place(scope, match, places), about) if places else None


def _another_plan(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"The priorities for 2023-24": another plan's."""
    later = _after_the_plan(scope, frame)
    if later and not _figures(match):
        return _refuse(scope, match, f"This is the {scope.title}; it says nothing about "
                                     f"{fmt.listing(later)}.", ["later_year"])
    unheld = _other_plan_years(scope, frame) if match.intent == "priorities" else []
    if unheld:  # "the priorities for 2021-22": a plan the knowledge does not hold
        return _refuse(scope, match, f"The priorities here are those of the "
                                     f"{fmt.listing([p.info.title for p in scope.all])}; there is "
                                     f"no plan for {fmt.listing(unheld)} among them.", ["plan_year"])
    return None


def _work_of_another_year(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"What did OSCP achieve in 2020?": the plan reports the work of one year; another year's
    work it reports only where a programme's own words name that year ("introduced in 2019")."""
    if match.intent not in ("achievements", "achievement") or not frame.periods:
        return None
    year = str(scope.plan.info.achievements_year)
    text = _source_text(scope, frame, match) if match.intent == "achievement" else ""
    other = [p for p in frame.periods if p[:4] != year[:4] and p[:4] not in text]
    if not other:
        return None
    return _refuse(scope, match, f"The plan reports what the partnership did in {year}; it says "
                                 f"nothing of its work in {fmt.listing(other)}.", ["later_year"])


def _untabled_counts(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Terrorism incidents oxford": incidents of a topic the plan gives no table for, in an
    area or a year, are figures asked for, not its work on the topic (a programme's counts it
    states in words are its own)."""
    if frame.measure or match.intent not in TEXT_INTENTS - {"achievement", "achievements"} \
            or not (frame.areas or frame.periods) \
            or frame.asks not in (None, "figure", "count") \
            or not set(frame.tokens) & set(scope.words.recorded_things):
        return None
    said = _said_instead(scope, match)
    return _refuse(scope, match, "The plan gives no figures for that: it speaks of it only in "
                                 f"words.{' ' + said if said else ''}", ["figures"])


def _forecast(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Will ASB go down next year?": the plan counts what happened; it forecasts nothing."""
    if frame.signals.forecast and _figures(match) and frame.asks != "date":  # "when will ...?"
        latest = max(scope.dimension(match.measure, "period"), default="")
        return _refuse(scope, match, f"The plan makes no forecast: its figures for "
                                     f"{scope.measures[match.measure].label} run to {latest}, and it "
                                     f"does not say what they will be.",
                       ["later_year", match.measure or ""])
    return None


def _this_year(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"How many this year?": after the plan's figures end ("more nowadays than it used to?"
    asks the latest change)."""
    if frame.signals.present and _figures(match) and not frame.periods and not frame.quarters \
            and not frame.signals.than \
            and scope.dimension(match.measure, "period"):  # a topic with no table: not here
        latest = max(scope.dimension(match.measure, "period"))
        return _refuse(scope, match, f"The plan's figures for {scope.measures[match.measure].label}"
                                     f" run to {latest}; it cannot say what has happened since.",
                       ["later_year", match.measure or ""])
    return None


def _where_it_is(scope: Plans, frame: Frame, match: Match) -> bool:
    return frame.tokens[:1] == ["where"] and match.intent == "achievement" and bool(
        scope.programme_facts((match.subject or "").partition(":")[2], {"place"})[1])


def _first_named_untabled(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"The council's target response time for ASB reports?": the thing named first is what is
    asked of the second; with no figures for it, the second's are not the answer."""
    first = frame.named_first
    if not first or first == frame.measure or first not in scope.measures \
            or scope.figures(first) or scope.directions(first) or frame.features.achievement \
            or frame.asks in ("how_counted", "yes_no") or match.intent == "method":
        return None  # "is fraud counted in Table 1?" asks how the second is counted
    label = scope.measures[first].label
    return _refuse(scope, match, f"The {scope.title} does not include figures for {label}.",
                   [first])


def _judgement(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Is the partnership doing a good job?": an opinion, which the plan does not give."""
    if frame.signals.opinion:
        said = _said_instead(scope, match)  # "is Op Vigilant any good?": what it does say
        return _refuse(scope, match, "The plan gives no judgement on that, and this assistant "
                                     "offers none: it can say what the plan reports — its figures, "
                                     "priorities and what was done." + (f" {said}" if said else ""),
                       [])
    return None


def _how_to(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    if frame.asks == "contact" or (frame.asks == "how_to" and match.intent != "about"):
        return _refuse(scope, match, "The plan does not explain how to report, contact or join "
                                     "anything: it gives no contact details, and sets out the "
                                     "partnership's figures, priorities and work.",
                       [*_helplines(scope, match), "reporting"])
    if frame.asks == "named_person":
        return _refuse(scope, match, "The plan names no one in that role: it does not say who "
                                     "leads, chairs or holds any post by name.", ["person"])
    return None


def _restrictions(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A restriction its tables do not break out, a thing counted they do not count, or what
    a table leaves out put back."""
    frame = frame.model_copy(update={"unknown": frame.unknown + _subgroups_of_another(
        scope, frame, match)})
    source = _source_text(scope, frame, match) if frame.restrictions else ""
    restrictions = [u for u in frame.restrictions  # a part or a unit is named in any table
                    if u.kind in ("part", "unit", "left_out") or not _said_in(u.word, source)]
    restrictions = [u for u in restrictions if u.kind != "counted" or _figures(match)]  # "how
    # many referrals?" of a table counting victims; of a programme, its facts say
    if match.intent == "achievement":  # "how many link workers were hired?" is all of them;
        restrictions = [u for u in restrictions  # "which towns got ...?" asks for places
                        if u.kind != "asked" and (u.kind != "subset" or frame.signals.partitive)]
    counted = (frame.asks in ("count", "money") or frame.wants_number) \
        and match.intent not in ("search", "priorities", "method", "why")
    put_back = any(u.kind == "left_out" for u in restrictions) and (frame.periods or frame.areas)
    if not restrictions or not (_figures(match) or counted or put_back) \
            or frame.asks == "how_counted" or (  # "is fraud counted?" asks about the restriction;
                match.measure in scope.measures and not scope.tables_for(match.measure)):  # a
        return None  # topic with no table at all is told so where it is composed
    words = fmt.listing([f"“{u.word}”" for u in restrictions])
    about = [u.kind for u in restrictions] + [match.measure or ""]
    if match.measure not in scope.measures:  # a programme or a term: say what it does say
        return _refuse(scope, match, f"The plan gives no figure for {words} here. "
                                     f"{_said_instead(scope, match)}", about)
    return _refuse(scope, match, _together(scope, match.measure, restrictions) or
                   _counted_otherwise(scope, match.measure, restrictions) or
                   f"The plan has no figure for that: it does not break "
                   f"{scope.measures[match.measure].label} down by {words}.", about)


def _since_the_plan(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A date after the plan was written, or what has happened since its achievements."""
    if frame.asks == "date" and frame.signals.future and match.intent == "lookup":
        return _refuse(scope, match, "The plan gives no date for that: its figures say how many, "
                                     "not when anything will happen.", ["later_year"])
    if frame.asks == "date" and frame.signals.future and match.intent in TEXT_INTENTS:
        text = _plan_text(scope, "about") if match.intent == "about" else \
            _source_text(scope, frame, match)  # "when will the board next review it?"
        start = int(str(scope.plan.info.plan_year)[:4])
        if not any(int(y) >= start for y in YEAR.findall(text)):
            return _refuse(scope, match, "The plan gives no date for that: it names no date "
                                         "after it was written.", ["later_year"])
    year = scope.plan.info.achievements_year
    if frame.signals.forecast and frame.asks == "yes_no" and match.intent == "achievement" \
            and "annual" not in _source_text(scope, frame, match):  # "an annual operation"
        return _refuse(scope, match, f"The plan describes what was done up to {year}; it does not "
                                     f"say what will become of it. {_said_instead(scope, match)}",
                       ["later_year"])  # "will the Nightsafe network carry on next year?"
    later = any(p[:4].isdigit() and int(p[:4]) > int(str(year)[:4]) for p in frame.periods)
    if (frame.signals.present or later) and frame.asks == "yes_no" \
            and match.intent == "achievement" \
            and (frame.features.achievement_text or frame.features.achievement_named):  # "has
        # anyone been given one this year?", "have the link workers gone up since the plan?",
        # "I heard it got its accreditation in 2022, right?"
        return _refuse(scope, match, f"The plan describes what was done up to {year}; it cannot "
                                     f"say what has happened since. {_said_instead(scope, match)}",
                       ["later_year"])
    return None


def _details(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A percentage, a place or a result a programme's or priority's words do not give."""
    if match.intent == "achievement" and frame.asks == "percentage" and not re.search(
            r"%|per ?cent", _source_text(scope, frame, match)):  # "by what percentage did the
        return _refuse(scope, match, "The plan gives no percentage here. "  # reports drop?"
                                     + _said_instead(scope, match), ["percentage"])
    if frame.asks == "place" and match.intent == "priorities" and frame.tokens[:1] == ["where"]:
        return _refuse(scope, match, "The plan does not say where: its priorities say what will "
                                     "be done, not where.", ["details"])  # "where would the hub be?"
    if frame.asks == "place" and match.intent == "glossary" and frame.tokens[:1] == ["where"] \
            and not frame.signals.plan_only:  # "where will the CCTV hub be located?"
        said = _said_instead(scope, match)
        if not _places_in(said, scope):
            return _refuse(scope, match, f"The plan does not say where. {said}", ["details"])
    crime = frame.measure or any(u.kind == "crime_type" for u in frame.unknown) \
        or set(frame.tokens) & set(scope.words.generic_topics)  # "sexual offending"
    claimed = frame.asks == "yes_no" and (frame.signals.change_cue or frame.signals.direction) \
        and ((match.intent == "achievement" and crime)  # "did knife crime drop after Op
             or (frame.measure and not frame.measure_tabled))  # Beaming II?", "has it brought
    # crime down?" after the cameras, "has Operation Vigilant reduced sexual offending?"
    if not (frame.signals.outcome or claimed) \
            or match.intent not in ("achievement", "glossary", "priorities", "duties") \
            or (match.intent == "duties" and not (frame.duties or frame.glossary)):
        return None  # "which duty is tied to a more effective justice system?" asks which
    outcome_text = _outcome_text(scope, frame, match)
    if says_outcome(scope, outcome_text):
        return None
    said = _said_instead(scope, match) or (f"What it says: “{outcome_text}”" if outcome_text else "")
    return _refuse(scope, match, "The plan reports no results for it: it says what was done, "
                                 f"not what came of it. {said}", ["results"])


def _cost_to_join(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Is SAVI free for pubs?": whether taking part costs anything, which the programme's
    words would have to say."""
    if not frame.signals.cost_to_join or match.intent not in TEXT_INTENTS \
            or frame.asks not in ("yes_no", None) \
            or any(p in _source_text(scope, frame, match) for p in scope.words.cost_to_join):
        return None
    name = _subject_name(scope, frame, match)
    return _refuse(scope, match, f"The plan does not say whether taking part "
                                 f"{'in ' + name + ' ' if name else ''}costs anything: it names "
                                 f"no fee or charge. {_said_instead(scope, match)}", ["money"])


def _permission(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Can residents log into the dashboard?": what the public may do with something, which
    its words would have to say of the public."""
    if not frame.may_do or frame.asks != "yes_no" or match.intent not in TEXT_INTENTS:
        return None
    source = _source_text(scope, frame, match)
    name = _subject_name(scope, frame, match)
    named = {lemma(w) for p in [*frame.named_phrases, name.lower()] for w in p.split()}
    doing = [w for w in frame.may_do if lemma(w) not in named]  # "can I get hold of a drink
    # spiking kit?": the getting, not the kit
    if any(w in source for w in scope.words.public_words) \
            or any(lemma(w)[:ROOT] in source for w in doing if len(w) > 3):  # "can I
        return None  # charge my phone at the station?": what the programme offers
    return _refuse(scope, match, f"The plan does not say whether the public can do that"
                                 f"{' with ' + name if name else ''}: it describes only the "
                                 f"partners' work. {_said_instead(scope, match)}", ["how_to"])


def _divided(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"How was the £426,000 split between projects?", "which council put the most money in?":
    the plan gives the sum, not its parts."""
    if not (frame.signals.divided or (frame.asks == "money" and frame.signals.ranking)) \
            or match.intent != "achievement":
        return None
    row, sums = scope.programme_facts((match.subject or "").partition(":")[2], {"sum"},
                                      frame.signals.parent)
    return _only_whole(scope, match, row, sums, "money") if row is not None and sums else None


def _average_of_bands(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"What was the average age of the victims?" of a table in age bands: the bands hold no
    ages, so no average can be worked out from them."""
    if not frame.signals.average or not {"age", "ages"} & set(frame.tokens) \
            or match.measure not in scope.measures:
        return None
    held = scope.dimension(match.measure, "category")
    if not held or not all(c.startswith("age-") for c in held):  # the age bands' ids
        return None
    bands = [scope.category(c) for c in held]
    return _refuse(scope, match, f"The plan gives {scope.measures[match.measure].label} only in "
                                 f"bands ({fmt.listing(bands)}), not their ages, so no average "
                                 f"age can be worked out.", ["details"])


def _only_whole(scope: Plans, match: Match, row, kinds: list, asks: str) -> Answer:
    whole = "; ".join(f"{f['label']}: {f['value']}" for f in kinds)
    return _refuse(scope, match, f"The plan gives only the whole for {row['title']} ({whole}); "
                                 f"it does not say how it divides.", [asks])


def _one_by_one(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"What happened in the fourth case?": the plan counts a programme's cases and tells of
    some ("two ... closed", "in another case ... disruption"), but numbers none of them; a case
    picked out by what the plan tells of it ("the third case, with the disruption") is answered."""
    if not frame.signals.item_number or not (match.intent == "achievement" or (
            frame.counts_in_words and match.intent not in ("priorities", "duties"))):
        return None  # "what's number 3?" after a list picks that item
    row = _counting(scope, frame) or scope.plan.achievement((match.subject or "").partition(":")[2])
    if row is None:
        return None
    told = roots(row["text"]) - roots(" ".join(frame.counted + frame.topic_terms + [row["title"]]))
    if any(lemma(w)[:ROOT] in told for w in frame.content_words if len(w) > 3):
        return None
    return _refuse(scope, match, f"The plan does not number them, so it says nothing of number "
                                 f"{frame.signals.item_number} on its own. What it says of "
                                 f"{row['title']}: “{row['text']}”", ["details"])


def _counting(scope: Plans, frame: Frame):
    """The achievement counting the things asked about in words ("four cases")."""
    counted = {lemma(w) for w in frame.counted}
    return next((r for r in scope.plan.achievements() for f in scope.plan.achievement_facts(r["id"])
                 if f["kind"] == "count" and lemma(normalise(f["value"]).split()[-1]) in counted),
                None)


def _members_unnamed(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Which organisations sit on the Executive Board?": the plan names such bodies but never
    their members, save the programmes' partners and the partnership's own."""
    body = frame.members_of
    if not body or body == scope.plan.short_name or frame.programme or _figures(match) \
            or _names_someone(scope, body):  # "which teams make up the ASB service?"
        return None
    row = scope.plan.glossary_term(body)
    said = f" What it says of it: {row['meaning']}" if row else ""
    return _refuse(scope, match, f"The plan names the {body} but does not say who its members "
                                 f"are.{said}", ["person"])


def _things_unnamed(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Which pubs are Safe Places?": a programme whose words never name the things asked for
    does not say which they are."""
    if match.intent != "achievement" or frame.asks in FACT_KINDS:
        return None
    source = _source_text(scope, frame, match)
    unnamed = [u.word for u in frame.unknown if u.kind == "asked" and (  # "which schools?"
        not _said_in(u.word, source) or (u.word.endswith("s") and not _instances(scope, match, u.word)))]
    things = (frame.asked_for or "").split()  # "which fast food places are signed up?";
    programme = (match.subject or "").partition(":")[2]  # partners are named among its facts,
    parts = bool(things) and things[-1] in scope.words.programme_kinds and any(  # initiatives
        r["part_of"] == programme for r in scope.plan.achievements())  # set up under it in
    spoken = any(_said_in(w, source) for w in things if len(w) > 3)  # their own right
    strange = {u.word for u in frame.unknown}
    if things and not unnamed and things[-1] not in scope.words.bodies and not parts \
            and spoken and not _instances(scope, match, things[-1]):  # the things are spoken of
        # only as a kind, not named ("which venues?" of "venues across Oxford"); "which
        # workers?" of its members' kinds asks for those kinds
        unnamed = [frame.asked_for]
    elif things and not unnamed and not spoken and set(things) <= strange:  # "which cab firms are in it?":
        unnamed = [frame.asked_for]  # words the plan never uses name none of its things
    if not unnamed:
        return None
    return _refuse(scope, match, f"The plan does not name the {fmt.listing(unnamed)}. "
                                 f"{_said_instead(scope, match)}", ["details"])


def _instances(scope: Plans, match: Match, word: str) -> bool:
    """Whether the programme's words name any of the things asked for ("West Oxfordshire, South
    Oxfordshire ... district councils") or speak of them only as a kind ("local schools")."""
    row = scope.plan.achievement((match.subject or "").partition(":")[2])
    if row is None:
        return True
    for sentence in sentences(row["text"]):
        words = sentence.split()
        for at, token in enumerate(words):
            if lemma(token.strip(",.;:").lower())[:ROOT] != lemma(word)[:ROOT]:
                continue
            back = at - 1  # over a lower-case modifier or two ("district"), to a name ("White
            while back > at - 3 and back > 0 and words[back].islower() \
                    and not words[back].endswith((",", ":")):  # Horse district councils"),
                back -= 1  # not past a comma ("..., local schools")
            if back > 0 and words[back][:1].isupper() and not words[back].endswith((",", ":")):
                return True
    return False


def _programme_facts(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A programme's count, sum, people, date or place, of the year asked, from its facts; a
    figure of a year ("drink spiking incidents in 2021") from a programme holding none."""
    if match.intent == "achievement" and frame.asks == "figure" \
            and any(len(p) == 4 for p in frame.periods):
        row, facts = scope.programme_facts((match.subject or "").partition(":")[2],
                                           {"count", "sum"})
        if row is not None and not facts:
            return _refuse(scope, match, f"The plan gives no figures for that: it mentions it "
                                         f"only in what was done ({row['title']}).", ["figures"])
    if match.intent != "achievement" or frame.asks not in FACT_KINDS:
        return None
    unsaid = [p for p in frame.periods if p[:4] not in _source_text(scope, frame, match)]
    if unsaid:  # "how many cases did it handle in 2022?" of a count the plan gives to 2021
        return _refuse(scope, match, f"The plan does not say {ASKED[frame.asks]} for "
                                     f"{fmt.listing(unsaid)}. {_said_instead(scope, match)}",
                       ["period"])
    return _programme_lacks(scope, frame, match)


def _share_unsaid(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"How much did Oxford Brookes put into it?": the sum the plan gives is an award to one
    body; what a partner it names put in, it does not say."""
    if match.intent != "achievement" or frame.asks not in ("money", "how_much"):
        return None
    row, sums = scope.programme_facts((match.subject or "").partition(":")[2], {"sum"})
    if row is None or not sums:
        return None
    told = " ".join(s for s in sentences(row["text"]) if any(f["value"] in s for f in sums))
    partners = [g for g in frame.glossary if _said_in(g, row["text"].lower())
                and not _said_in(g, told.lower()) and not _said_in(g, row["title"].lower())]
    if not partners:
        return None
    return _refuse(scope, match, f"The plan does not say how much {fmt.listing(partners)} put "
                                 f"in. The sum it gives for {row['title']}: “{told}”", ["money"])


def _words_only(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """Who, how many, when or how much of a term, duty or priority the plan gives in words."""
    if match.intent == "glossary" and frame.asks == "person" \
            and not _names_someone(scope, (match.subject or "").partition(":")[2]):
        return _refuse(scope, match, f"The plan does not say who: it names no body or person "
                                     f"there. {_said_instead(scope, match)}", ["person"])
    named = frame.features.duty_named or frame.features.glossary or (match.subject or "").split(
        ":")[0] in ("glossary", "duty")  # or one the conversation is on ("how many ... it?")
    all_duties = match.intent == "duties" and not frame.duties \
        and not (match.subject or "").startswith("duty:")  # "how many duties?" counts them;
    # "how many were done?" after one duty counts what it does
    source = _source_text(scope, frame, match) if frame.asks in ("date", "money") else ""
    timeless = not any(w in source for w in scope.words.time_words) and not YEAR.search(source) \
        and not (frame.signals.circumstances and any(f" {w} " in f" {source} "
                                                     for w in scope.words.circumstance_words))
    sum_said = frame.asks == "money" and "£" in source  # "how much was the VAWG money?"
    counts_them = frame.features.priorities_named or (all_duties and not any(  # "how many
        u.role == "other" for u in frame.unknown))  # duties?", not "how many complaints?"
    if (frame.asks in ("count", "money") and match.intent in NAMED_ENTITY_INTENTS and named
            and not (all_duties and frame.asks == "count") and not sum_said) or (
            frame.asks == "count" and match.intent in ("priorities", "duties")
            and not counts_them) or (
            frame.asks == "date" and timeless and (
                (match.intent in ("duties", "glossary") and named)
                or (match.intent == "priorities" and (match.subject or "").startswith("priority:"))
                or (match.intent == "work_on" and source))):  # "when's the consultation closing?"
        said = _said_instead(scope, match)  # "what it says of Safer Streets 3: ..."
        return _refuse(scope, match, f"The plan does not say {ASKED[frame.asks]} for "
                                     f"{_subject_name(scope, frame, match) or 'that'}. It describes it "
                                     f"only in words.{' ' + said if said else ''}", [frame.asks])
    dated = bool(frame.periods or frame.relative) and any(u.role == "other" for u in frame.unknown)
    if ((frame.wants_number and match.intent in ("priorities", "duties")) or (
            dated and match.intent == "glossary" and frame.asks in (None, "figure"))) \
            and not counts_them and frame.asks not in ("how_counted", "yes_no"):  # "the
        # reoffending rate?", "community trigger applications last yr"
        return _refuse(scope, match, "The plan gives no figure for that: it describes it only in "
                                     "words.", ["figures"])
    if frame.asks == "money" and match.intent in ("priorities", "about") \
            and "£" not in _plan_text(scope, match.intent):  # "how much is spent on them?"
        return _refuse(scope, match, "The plan gives no amount of money for that: it names a sum "
                                     "only for some of its achievements.", ["money"])
    return None


def _kind_of_figure(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """A topic a table by topic does not cover, a count of percentages, money of a count."""
    measure = scope.measures.get(match.measure or "")
    if measure and measure.by_topic and match.topic_before and not match.categories:
        held = fmt.listing([scope.category(c) for c in scope.dimension(measure.id, "category")])
        return _refuse(scope, match, f"The plan gives {measure.label} only for {held}; it has "
                                     f"none for {scope.measures[match.topic_before].label}.",
                       [measure.id])
    if not _figures(match):
        return None
    loose_count = frame.measure and match.categories  # "how many CSE victims were repeat
    # victims?" takes the percentage; "how many people is that?" of one does not
    if (frame.signals.actual_count or (frame.asks == "count" and not loose_count)) \
            and measure.unit == "per cent":  # "in actual numbers, how many?"
        return _refuse(scope, match, f"The plan gives {measure.label} only as percentages; it "
                                     f"gives no count.", ["count"])
    counted = [w for w in frame.counted if w not in scope.words.people_modifiers]
    people = [w for w in counted[:1] if w in scope.words.people_nouns]  # the thing counted,
    # not a word after it ("occurrences involving children")
    if people and measure.unit not in scope.words.people_units:  # "how many children live
        return _refuse(scope, match, f"The plan counts {measure.label} ({measure.unit}), not "  # with
                                     f"{people[0]}: it gives no count of {people[0]}.",  # domestic
                       ["count"])  # abuse?" of a table of occurrences involving children
    if frame.asks == "money" and measure.unit != "pounds":
        return _refuse(scope, match, f"The plan gives no amount of money for {measure.label}.",
                       ["money"])
    return None


def _programme_unmentioned(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Does the partnership fund any youth clubs?": a programme found by some of the words
    (funding, venues) is no answer when it does not speak of the people it is asked for."""
    if match.intent != "achievement" or not frame.features.achievement_text \
            or frame.features.achievement_named or frame.follow_up:
        return None
    programme = (match.subject or "").partition(":")[2]
    held = next((set(p.held) for p in frame.passages if p.id == programme), set())
    missing = [u.word for u in frame.unknown if u.kind == "subgroup"  # who it is for
               and word_root(u.word, lemma, scope.words.kin) not in held]
    if not missing:
        return None
    words = fmt.listing([f"“{w}”" for w in missing])
    return _refuse(scope, match, f"Nothing the plan reports doing speaks of {words}. "
                                 f"{_said_instead(scope, match)}", [])


def _outcomes_unreported(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Has anyone been charged with spiking a drink?": what partners did is no answer to
    whether anyone was charged, arrested or convicted, when the plan's words on it never say."""
    if match.intent not in ("achievement", "achievements", "work_on", "search") \
            or frame.asks not in ("yes_no", "count", "person", "list", "figure"):
        return None  # "which landlords were prosecuted?", "has anyone been charged?"
    source = _source_text(scope, frame, match)
    justice = set(scope.words.justice_outcomes)
    outcomes = [u for u in frame.unknown if u.kind == "outcome"  # not "charge my phone" of the
                and (u.word in justice or lemma(u.word) in justice)  # charging shelves, nor
                and lemma(u.word)[:ROOT - 1] not in source]  # "the response"
    if not outcomes:
        return None
    words = fmt.listing([f"“{u.word}”" for u in outcomes])
    return _refuse(scope, match, f"The plan does not say: nothing it reports speaks of {words}. "
                                 f"It reports what partners did, and its tables count crimes, "
                                 f"incidents and victims, not what came of them. "
                                 f"{_said_instead(scope, match)}".strip(), ["results"])


def _unauthored(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Who wrote the report on modern slavery?": the plan names no author of anything it
    mentions unless a programme's facts say so; a programme's is checked with its facts."""
    if frame.asks != "author" or match.intent == "achievement":
        return None
    return _refuse(scope, match, f"The plan does not say who wrote it. "
                                 f"{_said_instead(scope, match)}".strip(), ["person"])


def _yes_no_untold(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """"Were any of the cases in nail bars?": a yes or no on some of a programme's things,
    narrowed by a place or kind its words never say, is not answered by what they do say."""
    if match.intent != "achievement" or frame.asks != "yes_no" or not match.subject \
            or not (frame.signals.partitive or frame.signals.of_those):
        return None
    source = _source_text(scope, frame, match)
    untold = [u.word for u in frame.restrictions
              if u.kind in ("location", "crime_type", "subgroup") and not _said_in(u.word, source)]
    if not untold:
        return None
    return _refuse(scope, match, f"The plan does not say, either way: it does not mention "
                                 f"{fmt.listing([f'“{w}”' for w in untold])} for this. "
                                 f"{_said_instead(scope, match)}", ["details"])


# Read with the question as asked; then, a "where can I ...?" of a programme asks its place.
WHERE_AND_WHEN = (_places, _another_plan, _forecast, _this_year, _first_named_untabled,
                  _work_of_another_year, _untabled_counts)
WHAT_IS_ASKED = (_judgement, _unauthored, _how_to, _restrictions, _since_the_plan, _details,
                 _cost_to_join, _permission, _divided, _average_of_bands, _one_by_one,
                 _members_unnamed,
                 _things_unnamed, _share_unsaid, _programme_facts, _words_only, _kind_of_figure,
                 _programme_unmentioned, _outcomes_unreported, _yes_no_untold)


def _subgroups_of_another(scope: Plans, frame: Frame, match: Match) -> list[Unknown]:
    """"How many of them were children?" after modern slavery: a subgroup word whose tables
    are others', asked of the table the conversation is on, narrows it to what it lacks."""
    if "measure" not in match.carried:
        return []
    terms = scope.language.terms
    return [Unknown(word=" ".join(frame.tokens[t.start:t.end]), role="restriction",
                    kind="subgroup", at=t.start)
            for t in frame.tags if t.kind == "term" and terms[int(t.value)].restricts
            and match.measure not in {m.measure for m in terms[int(t.value)].means}]


def _helplines(scope: Plans, match: Match) -> list[str]:
    """"Is there a domestic abuse helpline?": help on the topic first (signposts about
    `<measure>_help`)."""
    return [f"{match.measure}_help"] if match.measure in scope.measures else []


def _together(scope: Plans, measure: str, restrictions: list[Unknown]) -> str:
    """Parts a table counts as one, when those are all the restrictions asked."""
    if any(u.kind != "part" for u in restrictions):
        return ""
    for table in scope.tables_for(measure):
        if table["together"]:
            parts = fmt.listing([group[0] for group in table["together"]])
            return (f"The plan has no figure for that: {table['label']} counts {parts} together "
                    f"and gives no separate figures.")
    return ""


def _counted_otherwise(scope: Plans, measure: str, restrictions: list[Unknown]) -> str:
    """"Crime including fraud", "offences, not victims": the table counts otherwise."""
    label = scope.measures[measure]
    if restrictions[0].kind == "left_out":
        return (f"The plan has no figure for that: its figures for {label.label} leave out "
                f"{restrictions[0].word}, and it gives none with it counted.")
    other = [u.word for u in restrictions if u.kind == "unit"]
    if not other or len(other) < len(restrictions):
        return ""
    return (f"The plan has no figure for that: for {label.label} it counts {label.unit}, "
            f"not {other[0]}.")


def _plan_text(scope: Plans, intent: str) -> str:
    """All the plan says under one text intent: its priorities, or what it says of itself."""
    rows = scope.plan.priorities() if intent == "priorities" else scope.plan.about()
    return " ".join(r["text"] for r in rows)


def _subject_name(scope: Plans, frame: Frame, match: Match) -> str:
    """The name of the programme, term or duty an answer is about, as the plan prints it."""
    kind, _, name = (match.subject or "").partition(":")
    if kind == "achievement" and (row := scope.plan.achievement(name)):
        return row["title"]
    if kind == "glossary" and (row := scope.plan.glossary_term(name)):
        return row["term"]
    duties = frame.duties if match.intent == "duties" and len(frame.duties) == 1 else [
        name] if kind == "duty" else []  # named, or the one the conversation is on
    return next((d["name"] for d in scope.plan.duties() if d["id"] in duties), "")


def _said_instead(scope: Plans, match: Match) -> str:
    """What the plan does say of the programme or term asked about, quoted."""
    kind, _, name = (match.subject or "").partition(":")
    if kind == "achievement" and (row := scope.plan.achievement(name)):
        return f"What it says of {row['title']}: “{row['text']}”"
    if kind == "glossary" and (row := scope.plan.glossary_term(name)):
        return f"What it says of {row['term']}: {row['meaning']}"
    return ""


def _after_the_plan(scope: Plans, frame: Frame) -> list[str]:
    """Years asked that come after the plan's own year ("2023-24" of the 2022-23 plan)."""
    start = int(str(scope.newest.info.plan_year)[:4])
    return [p for p in frame.periods if int(p[:4]) > start]


def _other_plan_years(scope: Plans, frame: Frame) -> list[str]:
    """Plan years asked ("2021-22", read as 2021/22) that no plan folder is for."""
    held = {str(p.info.plan_year).replace("-", "/") for p in scope.all}
    return [p.replace("/", "-") for p in frame.periods if "/" in p and p not in held]


def _source_text(scope: Plans, frame: Frame, match: Match) -> str:
    """The words of what would answer: a restriction the source itself states is no
    restriction ("how many cases have been closed?" where the plan says two were)."""
    if match.intent == "achievement" and match.subject:
        row = scope.plan.achievement(match.subject.partition(":")[2])
        return " ".join([row["title"], row["text"], row["facts"]]).lower() if row else ""
    duties = frame.duties or ([match.subject.partition(":")[2]]  # "how often is it done?"
                              if (match.subject or "").startswith("duty:") else [])
    if match.intent == "duties" and duties:
        return " ".join(r["text"].lower() for r in scope.plan.duties() if r["id"] in duties)
    if match.intent == "glossary" and match.subject:
        row = scope.plan.glossary_term(match.subject.partition(":")[2])
        return row["meaning"].lower() if row else ""
    if match.intent == "priorities" and (match.subject or "").startswith("priority:"):
        at = match.subject.partition(":")[2]
        return " ".join(r["text"].lower() for r in scope.plan.priorities()
                        if str(r["position"]) == at)
    if match.measure:
        tables = scope.tables_for(match.measure)
        return " ".join(f"{t['title']} {t['counts']}" for t in tables).lower()
    if match.intent == "work_on":  # the priorities and achievements holding the question
        rows = {**{str(r["position"]): r["text"] for r in scope.plan.priorities()},
                **{r["id"]: f"{r['text']} {r['facts']}" for r in scope.plan.achievements()}}
        return " ".join(rows.get(p.id, "") for p in frame.passages
                        if p.kind in ("priority", "achievement") and len(p.held) >= 2).lower()
    return ""


def _names_someone(scope: Plans, term: str) -> bool:
    """Whether a term's meaning names a body or person besides the term itself and the
    partnership: a capitalised word inside a sentence ("the Thames Valley Violence Reduction
    Unit")."""
    row = scope.plan.glossary_term(term)
    if row is None:
        return True
    own = set(row["term"].split()) | {scope.plan.short_name}
    words = [w.strip(".,;:()“”\"'").removesuffix("'s").removesuffix("’s")  # "OSCP's"
             for sentence in sentences(row["meaning"]) for w in sentence.split()[1:]]
    return any(w[:1].isupper() and w not in own for w in words)


def _outcome_text(scope: Plans, frame: Frame, match: Match) -> str:
    """The words that would say what came of it: the programme's or term's own, or those of
    the priorities the question's words found."""
    if match.intent == "achievement" and match.subject:  # and what goes on with it ("there
        following = scope.plan.continuation(match.subject.partition(":")[2],  # have been four
                                            scope.words.back_references)  # cases ...")
        return " ".join([_source_text(scope, frame, match)]
                        + ([following["text"].lower()] if following else []))
    if match.intent != "priorities":
        return _source_text(scope, frame, match)
    found = {p.id for p in frame.passages if p.kind == "priority"}
    return " ".join(r["text"] for r in scope.plan.priorities() if str(r["position"]) in found)


def _said_in(word: str, text: str) -> bool:
    """From a word's start: "age" is not said in "forced marriage", "dec" is in "December"."""
    word = word.lower().removeprefix("the ")  # "the Leys" of "Blackbird Leys"
    return any(re.search(rf"\b{re.escape(w)}", text) for w in {word, lemma(word)})


def _no_place(scope: Plans, match: Match, places: list) -> str:
    names = fmt.listing(list(dict.fromkeys(u.word for u in places)))
    if match.intent == "achievement" and match.subject:  # "is there one at Oxford Parkway?"
        row, where = scope.programme_facts(match.subject.partition(":")[2], {"place"})
        if row is not None and where and not all(  # "how many crimes in Didcot?": named in
                any(_said_in(u.word, f["value"].lower()) for f in where)  # the work, with no
                for u in places):  # figure
            return (f"The plan does not mention {names} for {row['title']}; the places it names "
                    f"are: {'; '.join(f['value'] for f in where)}.")
    if all(u.kind == "within" for u in places):  # a ward or neighbourhood of Oxford
        return (f"The plan speaks of {scope.area(scope.plan.info.home_area)} as a whole: it breaks "
                f"nothing down by ward or neighbourhood, so it has nothing on {names} itself.")
    if match.measure and match.measure in scope.measures:
        areas = [scope.area(a) for a in scope.dimension(match.measure, "area")
                 if not scope.areas[a].covers]
        if areas:
            return (f"The plan gives {scope.measures[match.measure].label} for "
                    f"{fmt.listing(areas)} only; it has no figures for {names}.")
    held = fmt.listing([a.label for a in scope.areas.values() if not a.covers])
    named = [r["title"] for r in scope.plan.achievements() if any(
        _said_in(u.word, r["text"].lower()) for u in places if u.kind == "mentioned")]
    if named:  # "how safe is Abingdon?": not nothing, but no figure
        return (f"The plan gives figures for {held} only; it mentions {names} only in what was "
                f"done: {fmt.listing(named)}.")
    return f"The plan gives figures for {held} only; it has nothing on {names}."


def _programme_lacks(scope: Plans, frame: Frame, match: Match) -> Answer | None:
    """'How many arrests did Op Vigilant make?': the programme's facts hold no such count."""
    programme = (match.subject or "").partition(":")[2]
    row, kinds = scope.programme_facts(programme, fact_kinds(frame), frame.signals.parent)
    if row is not None and kinds and frame.features.part_of_quoted:  # "of the £426,000, how much
        return _only_whole(scope, match, row, kinds, frame.asks)  # went on lighting?"
    def said(fact) -> set[str]:
        return {lemma(w) for w in normalise(f"{fact['label']} {fact['value']}").split()}
    if frame.features.achievement_text and frame.asks == "count":  # found by its words only:
        kinds = [f for f in kinds  # a count of the thing asked: "four cases" for "cases"
                 if any(lemma(w) in said(f) for w in frame.content_words)]
    narrowed = [u.word for u in frame.unknown if u.kind in ("subset", "outcome")] + (
        [frame.count_state] if frame.count_state else [])  # "how many done so far?"
    bare = not frame.counted or frame.signals.partitive  # "how many have been
    # completed?" narrows the programme's count; "how many link workers were hired?" does not
    done = done_in(row["text"] if row is not None else "", narrowed, scope)
    if frame.asks == "count" and narrowed and bare and row is not None and not done:
        return _refuse(scope, match, f"The plan does not say how many were "
                                     f"{fmt.listing(narrowed)} for {row['title']}. What it says: "
                                     f"“{row['text']}”", ["count"])
    counted = frame.counted
    if counted and kinds:  # "how many people have the link workers helped?": not the workers
        kinds = [f for f in kinds if _names_thing(counted, said(f))]
        if not kinds:
            return _refuse(scope, match, f"The plan does not say how many {' '.join(counted)} for "
                                         f"{row['title']}. What it says: “{row['text']}”", ["count"])
    unit = frame.signals.which_when
    if unit:  # "which month does it run?": "month long" does not say; "which nights?": not 2019
        names = set({"month": scope.words.months, "day": scope.words.days,
                     "time": scope.words.times_of_day}[unit])
        kinds = [f for f in kinds if names & set(normalise(f["value"]).split())]
    things = frame.asked_for.split()[-1] if frame.asked_for else None
    if things and kinds and all(  # "which venues?" of "venues across Oxford"
            lemma(things) in {lemma(w) for w in normalise(f["value"]).split()}
            and not _names_them(f["value"], things) for f in kinds):
        return _refuse(scope, match, f"The plan does not name the {frame.asked_for} for "
                                     f"{row['title']}: it says only “{kinds[0]['value']}”.",
                       [frame.asks])
    if things and frame.asks == "place" and kinds:  # "which streets are the drug hotspots?"
        kinds = _places_asked(frame, kinds)
        if not any(_names_place(f["value"], scope) for f in kinds):
            said = "; ".join(f["value"] for f in kinds) if kinds else row["text"]
            return _refuse(scope, match, f"The plan does not name the {frame.asked_for} for "
                                         f"{row['title']}: it says only “{said}”.", ["place"])
    if row is None or kinds:
        return None
    asked = {"month": "which month", "day": "on which days"}.get(unit or "", ASKED[frame.asks])
    return _refuse(scope, match, f"The plan does not say {asked} for "
                                 f"{row['title']}. What it says: “{row['text']}”", [frame.asks])


def _places_asked(frame: Frame, places: list) -> list:
    """The places of a programme the question is about: not those set aside ("apart from the
    Covered Market"), and those sharing a word with it if any do ("the drug hotspots")."""
    aside = roots(" ".join(frame.aside_words))
    kept = [f for f in places if not (aside and roots(f["value"]) <= aside | {"the"})]
    asked = roots(" ".join(frame.content_words)) - roots(frame.asked_for or "") - aside
    return [f for f in kept if roots(f["value"]) & asked] or kept


def roots(text: str) -> set[str]:
    """The words' lemmas cut to their first letters, as passages are compared."""
    return {lemma(w)[:ROOT] for w in normalise(text).split()}


def _places_in(text: str, scope: Plans) -> bool:
    """Whether words name a place narrower than the plan's own areas ("at Oxford Parkway"),
    not only the areas ("partners in Oxfordshire")."""
    areas = {a.lower() for a in (scope.area(x) for x in scope.areas)}
    return any(name.lower() not in areas for name in re.findall(
        r"\b(?:in|at|across|within|around) (?:the )?([A-Z][\w']*(?: [A-Z][\w']*)*)", text))


def _names_place(value: str, scope: Plans) -> bool:
    """A name in the words ("the Covered Market"), not only the city ("venues across Oxford")."""
    return any(w[:1].isupper() and w.lower().strip(",.") not in scope.words.stopwords
               for w in value.split())


def says_outcome(scope: Plans, text: str) -> bool:
    """The words say what came of it ("successful outcomes", "reports ... were reduced")."""
    return any(f" {w}" in f" {text.lower()}" for w in scope.words.outcome_said)


def done_in(text: str, words: list[str], scope: Plans) -> str | None:
    """The sentence saying these things were done ("two of the cases have already been
    closed"), not that they will be ("the majority of which will be completed")."""
    future = set(scope.words.forecast)
    words = [scope.words.kin.get(w, w) for w in words]  # "done" is said as "completed"
    for sentence in sentences(text):
        said = normalise(sentence).split()
        if all(w in said or any(t.startswith(lemma(w)) for t in said if len(lemma(w)) > 3)
               for w in words) and not set(said) & future:
            return sentence
    return None


def to_be_done(text: str, words: list[str], scope: Plans) -> str | None:
    """The sentence saying these things will be done ("the majority of which will be
    completed"): they are not said to be done yet."""
    future = set(scope.words.forecast)
    words = [scope.words.kin.get(w, w) for w in words]
    for sentence in sentences(text):
        said = normalise(sentence).split()
        if set(said) & future and all(
                w in said or any(t.startswith(lemma(w)[:ROOT - 1]) for t in said) for w in words):
            return sentence
    return None


def _names_thing(words: list[str], said: set[str]) -> bool:
    """One of the words, or a short form of one ("recs" of "recommendations"), is said."""
    stems = {lemma(w) for w in words}
    return any(s == t or (len(s) >= 3 and t.startswith(s)) for s in stems for t in said)


def _speaks_of_more(frame: Frame, match: Match, places: list[Unknown]) -> bool:
    """The passage chosen holds a word of the question besides the places' names: it is
    about what was asked there, not about the place alone ("how safe is Abingdon?")."""
    programme = (match.subject or "").partition(":")[2]
    held = next((set(p.held) for p in frame.passages if p.id == programme), set())
    names = {lemma(w)[:ROOT] for u in places for w in normalise(u.word).split()}
    return bool(held - names)


def _names_them(value: str, asked: str) -> bool:
    """"Oxford and Didcot rail stations" names the stations; "venues across Oxford" does not:
    a name stands just before the word asked for."""
    for part in value.split(","):  # not a name in the part before ("Oxford Brookes
        words = part.split()       # University, university student unions")
        at = next((i for i, w in enumerate(words) if lemma(normalise(w)) == lemma(asked)), None)
        if at is not None:
            return any(w[:1].isupper() for w in words[max(0, at - 3):at])
    return False


def _refuse(scope: Plans, match: Match, text: str, about: list[str]) -> Answer:
    lines = [text]
    if match.measure in scope.measures and scope.dimension(match.measure, "period"):
        lines.append(_closest(scope, match.measure))
    lines += pointers(scope, about)
    return Answer(status=Status.no_answer, text="\n\n".join(lines), intent=match.intent,
                  plan=scope.title)


def pointers(scope: Plans, about: list[str]) -> list[str]:
    """Where such figures are published (signposts.yaml), at most two."""
    signs = [s for s in scope.language.signposts if set(s.about) & set(about)]
    return [f"{s.text} ({s.url})" if s.url else s.text for s in signs[:2]]


def _closest(scope: Plans, measure: str) -> str:
    """What the plan does hold on the topic, in words: no figure is offered as the answer."""
    areas = [scope.area(a) for a in scope.dimension(measure, "area")
             if not scope.areas[a].covers]
    periods = scope.dimension(measure, "period")
    where = f" for {fmt.listing(areas)}" if areas else ""
    return (f"The closest it holds: {scope.measures[measure].label}{where}, "
            f"{fmt.listing(periods)}.")
