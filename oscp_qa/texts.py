"""Answers made of the plan's words: priorities, achievements, terms, duties, the partnership,
what a table counts and why a figure moved, and full-text search when no rule fits."""

from __future__ import annotations

import re
from collections import Counter

from . import format as fmt
from .answer import Answer, Status
from .lexicon import lemma
from .limits import ASKED, FACT_KINDS, YEAR, done_in, fact_kinds, pointers, roots, says_outcome, to_be_done
from .normalise import NUMBER_WORDS, count_said, normalise
from .passages import ROOT, sentences, word_root
from .plans import Plans
from .question import Frame, Match
from .schema import Settings

GENERAL = "general knowledge, not from the plan"   # how a glossary field marked general reads


def subject_of(match: Match, kind: str) -> str | None:
    """The id in a subject such as "achievement:op-vigilant", if it is of this kind."""
    found, _, value = (match.subject or "").partition(":")
    return value if found == kind else None


def _done(scope: Plans, match: Match, text: str, sources: list[str], **extra) -> Answer:
    return Answer(status=Status.answered, text=text, intent=match.intent, sources=sources,
                  plan=scope.title, **extra)


# --- priorities ---------------------------------------------------------------------------------


def priorities(scope: Plans, match: Match, frame: Frame) -> Answer:
    repo, info = scope.plan, scope.plan.info
    settings = scope.language.settings
    source = f"{scope.title}, {info.sections.priorities}"
    pccs = {row["number"]: row["text"] for row in repo.pcc_priorities()}
    signals = frame.signals
    number = signals.pcc_number if signals.pcc_number is not None else \
        (frame.pcc[0] if frame.pcc else None)
    if number is None and subject_of(match, "pcc"):
        number = int(subject_of(match, "pcc"))
    names_pcc = signals.names_pcc
    lists_oscp = signals.lists_oscp or (match.subject == "oscp-list" and signals.of_those)
    # "which of them sit under PCC priority 2?" after OSCP's list: OSCP's, under it
    if signals.item_number and match.subject == "pcc-list":  # "what's number 3?" after the
        number, names_pcc = signals.item_number, True  # PCC's list
    if names_pcc and number is not None and number not in pccs:  # "PCC priority four"
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=[source],
                      text=f"The plan lists only PCC priorities {fmt.listing([str(n) for n in pccs])}; it "
                           f"does not give priority {number}. {info.pcc.not_listed or ''}".strip())
    if names_pcc and number in pccs and not lists_oscp:
        return _done(scope, match, f"PCC priority {number}: **{pccs[number]}**\n\n"
                     f"{info.pcc.aligned}.",
                     [source], subject=f"pcc:{number}",
                     suggestions=[f"Which OSCP priorities are linked to PCC priority {number}?"])
    names_own = signals.which_pcc and any(p.kind == "priority" for p in frame.passages)  # "which
    # PCC priority is the hate crime action plan under?": the one that priority is linked to
    pcc_asked = signals.pcc_list or (names_pcc and not lists_oscp and not signals.mentions_oscp
                                     and not names_own) \
        or (match.subject == "pcc-list" and signals.of_those)  # "which ones does OSCP align to?"
    others_asked = (pcc_asked or match.subject == "pcc-list") and signals.others
    if number is None and others_asked and info.pcc.not_listed:  # "what are the other three?"
        listed = fmt.listing([f"{n} ({text})" for n, text in pccs.items()])
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=[source],
                      text=f"{info.pcc.not_listed} It lists only PCC priorities {listed}.")
    if number is None and not signals.negation and pcc_asked:
        lines = [info.pcc.listed] + [f"{n}. {text}" for n, text in pccs.items()]
        if frame.asks == "count" and info.pcc.in_plan:  # "how many in the PCC's plan?"
            lines.insert(0, f"The plan says the Police and Crime Plan sets out **{info.pcc.in_plan}** "
                            f"priorities; it lists {len(pccs)} of them.\n")
        lines += [info.pcc.not_listed] if info.pcc.not_listed else []
        return _done(scope, match, "\n".join(lines), [source], subject="pcc-list")
    rows = repo.priorities()
    pcc_words = roots(pccs.get(number, ""))
    named = {p.id for p in frame.passages  # an OSCP priority named by words of its own, not
             if p.kind == "priority" and set(p.held) - pcc_words}  # by the PCC priority's
    own = [r for r in rows if str(r["position"]) in named]
    if frame.asks == "yes_no" and number in pccs and own and not names_pcc:  # "is the bike crime
        linked = [r for r in own if r["pcc_priority"] == number]  # priority under the county
        told = "\n".join(f"- {r['text']} Linked to " + (  # lines heading?": the one it is
            f"PCC priority {r['pcc_priority']}: {pccs[r['pcc_priority']]}"  # linked to
            if r["pcc_priority"] in pccs else "no PCC priority.") for r in own)
        verdict = f"**Yes**: it is linked to PCC priority {number} ({pccs[number]})." if linked \
            else (f"**No**: it is not linked to PCC priority {number} ({pccs[number]}).")
        return _done(scope, match, f"{verdict}\n\n{told}\n\n{info.pcc.aligned} (PCC).", [source])
    if signals.negation:
        chosen, what = [r for r in rows if r["pcc_priority"] is None], \
            "not aligned to a PCC priority"
    elif number in pccs:
        chosen, what = [r for r in rows if r["pcc_priority"] == number], \
            f"linked to PCC priority {number} ({pccs[number]})"
    elif signals.item_number and signals.item_number <= len(rows) and match.subject != "pcc-list":
        chosen, what = [rows[signals.item_number - 1]], f"number {signals.item_number}"
    elif subject_of(match, "priority"):  # "who delivers it?" after one priority
        chosen, what = [r for r in rows if str(r["position"]) == subject_of(match, "priority")], \
            "the one asked about"
    else:  # the priorities holding the question's rarer words
        found = [p for p in frame.passages if p.kind == "priority"]
        kept = {p.id for p in found if p.share >= found[0].share * settings.relevance_share}
        chosen = [r for r in rows if str(r["position"]) in kept] or rows
        what = "matching your question" if found else f"for {info.plan_year}"
        if not found and frame.asks == "yes_no" and frame.unknown:  # "are speeding cars one
            themes = fmt.listing(list(dict.fromkeys(  # of their priorities?"
                repo.themes().get(r["theme"], r["theme"]) for r in rows)))
            return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                          sources=[source],
                          text=f"No: none of OSCP's {len(rows)} priorities for {info.plan_year} "
                               f"speaks of it. They are on: {themes}.")
    if not chosen:
        chosen, what = rows, f"for {info.plan_year}"
    themes = repo.themes()
    lines = [f"OSCP has **{len(rows)}** priorities for {info.plan_year}"
             + (":" if len(chosen) == len(rows) else
                f"; **{len(chosen)}** {'is' if len(chosen) == 1 else 'are'} {what}:")]
    for row in chosen:
        pcc = f"PCC priority {row['pcc_priority']}" if row["pcc_priority"] else "no PCC priority"
        lines.append(f"- {row['text']} ({pcc}; {themes.get(row['theme'], row['theme'])})")
    if frame.asks == "yes_no" and what == "matching your question":  # "is X a priority?"
        named = [r for r in chosen if any(p in r["text"].lower() for p in frame.topic_phrases)]
        lines.insert(0, "Yes." if named else "Not by name: no priority mentions it. The "
                     "nearest in wording:")
    if frame.features.pcc_asked and number in pccs:  # "is recruiting officers in the plan?"
        lines.insert(0, f"Yes, as PCC priority {number} of the Police and Crime Plan, which "
                        f"OSCP aligns its own priorities to.")
    if len(chosen) == 1 and chosen[0]["pcc_priority"] in pccs and not signals.which_pcc:
        lines.append(f"It is linked to PCC priority {chosen[0]['pcc_priority']}: "
                     f"{pccs[chosen[0]['pcc_priority']]}")
    if signals.which_pcc:
        linked = sorted({r["pcc_priority"] for r in chosen if r["pcc_priority"]})
        lines.insert(0, "; ".join(f"PCC priority {n}: **{pccs[n]}**" for n in linked) or
                     "None of these is linked to a PCC priority.")
    lines.append(f"{info.pcc.aligned} (PCC).")
    linked = {r["pcc_priority"] for r in chosen if r["pcc_priority"]}
    subject = f"pcc:{linked.pop()}" if len(linked) == 1 else ""
    if len(chosen) == 1 and len(rows) > 1:  # "it" in the next question is this priority
        subject = f"priority:{chosen[0]['position']}"
    if len(chosen) == len(rows) and not subject:  # "which of them ...?" next is of this list
        subject = "oscp-list"
    return _done(scope, match, "\n".join(lines), [source], subject=subject)


# --- achievements, terms, duties, the partnership -------------------------------------------------


def achievement(scope: Plans, match: Match, frame: Frame) -> Answer:
    row = scope.plan.achievement(subject_of(match, "achievement"))
    asked, lead = [], []
    if frame.asks in FACT_KINDS:  # the answer of the kind asked first; a count may be in the
        found, asked = scope.programme_facts(row["id"], fact_kinds(frame),  # sequel, or in
                                             frame.signals.parent)
        if found and found["id"] != row["id"] and row["part_of"]:  # what it was set up under
            lead = [f"{row['title']} is one of the initiatives of {found['title']}, which the "
                    f"plan says this of:"]
        row = found or row
    following = scope.plan.continuation(row["id"], scope.words.back_references)
    if frame.signals.outcome and following and not says_outcome(scope, row["text"]) \
            and says_outcome(scope, following["text"]):  # "did it work?": what came of it is
        lead, row = [f"What came of {row['title']}:"], following  # told in the next one
    facts = scope.plan.achievement_facts(row["id"])
    lead += _named_among(scope, row, frame) if frame.asks == "yes_no" else []
    states = [u.word for u in frame.unknown if u.kind in ("subset", "outcome")] or (
        [frame.count_state] if frame.count_state else [])
    said = done_in(row["text"], states, scope) if states else None  # no state: every sentence
    coming = to_be_done(row["text"], states, scope) if states and not said else None
    if frame.asks == "count" and coming:  # "how many have been completed?" of "the majority
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,  # of which
                      sources=[f"{scope.title}, {scope.plan.info.sections.achievements} — "  # will
                               f"{row['heading']}"], subject=f"achievement:{row['id']}",  # be"
                      text=f"The plan does not say how many are done: it speaks of them only as "
                           f"still to come. It says: “{coming.strip()}”")
    if frame.asks == "count" and said:  # "how many have been closed?": the plan's sentence
        count = count_said(said)  # on them, not the count of all
        lead, asked = [(f"**{count}** — " if count is not None else "")
                       + f"the plan: “{said}”", ""], []
    lines = lead + [f"{f['label']}: {_with_digits(f)}" for f in asked]
    lines += [f"**{row['title']}** ({row['heading']}): {row['summary']}", "",
              f"The plan: “{row['text']}”"]
    if facts:
        lines += ["", "Key facts:"] + [f"- {f['label']}: {f['value']}" for f in facts]
    linked = _linked(scope, row)
    if linked:  # "what training do Nightsafe members get?": the initiatives set up for it
        lines += ["", "Linked to it in the plan:"] + linked
    return _done(scope, match, "\n".join(lines),
                 [f"{scope.title}, {scope.plan.info.sections.achievements} — {row['heading']}"],
                 subject=f"achievement:{row['id']}")


def _with_digits(fact) -> str:
    """A count the plan writes in words, led by its figure: "2 (two full time ... workers)"."""
    count = count_said(fact["value"]) if fact["kind"] == "count" else None
    return f"**{fact['value']}**" if count is None or str(count) in fact["value"] \
        else f"**{count}** ({fact['value']})"


def _named_among(scope: Plans, row, frame: Frame) -> list[str]:
    """"Is Oxford Brookes involved in it?", "was lighting improved in Witney?": yes, when the
    programme's partners or text name the body or every place asked about."""
    text = f"{row['text']} {row['facts']}".lower()
    asked = list(dict.fromkeys(u.word for u in frame.unknown if u.role == "place"))
    places = [p for p in asked if p.lower() in text]
    if places and places == asked and not frame.measure:  # not "did knife crime in Blackbird
        # Leys drop after it?": a figure claimed, which the programme's words do not give
        return [f"**Yes**: the plan names {fmt.listing(places)} in it.", ""]
    if not frame.signals.involvement:  # "did the council get its accreditation?" asks no
        return []  # one's part in it
    named = []
    for term in frame.glossary:
        entry = scope.plan.glossary_term(term)
        names = [term] + [a for a in (entry["aliases"].split(" | ") if entry else []) if a]
        if term.lower() in row["title"].lower() or term == scope.plan.short_name:
            continue
        if any(n.lower() in text for n in names):
            named.append(term)
    named += _partners_called(scope, row, [  # the body asked of, or the asker's own kind
        u.word for u in frame.unknown + [c for c in frame.context if c.role == "other"]
        if u.role != "place" and u.kind != "time"])  # ("I manage a takeaway"), not its street
    return [f"**Yes**: the plan names {fmt.listing(named)} in it.", ""] if named else []


def _partners_called(scope: Plans, row, words: list[str]) -> list[str]:
    """The partners a programme names that a word of the question is the kind of ("the
    universities": Oxford Brookes University, Oxford University Security Services, ...)."""
    roots = {word_root(w, lemma, scope.words.kin) for w in words}
    return [p for p in scope.plan.partners(row["id"])
            if any(r in p.lower() for r in roots if len(r) > 3)]


def _linked(scope: Plans, row) -> list[str]:
    """The achievements set up under this one, or whose text names it ("training programmes for
    members of the Nightsafe Network"), each with what was set up under it in turn."""
    rows = scope.plan.achievements()
    names = [row["title"].lower()] + [a for a in row["aliases"].split(" | ") if len(a.split()) > 1]
    found = []
    for other in rows:
        if other["id"] == row["id"] or other["id"] == row["part_of"]:
            continue
        if other["part_of"] == row["id"] or any(n in other["text"].lower() for n in names):
            under = [r["title"] for r in rows if r["part_of"] == other["id"]
                     and r["title"] not in other["summary"]]
            found.append(f"- **{other['title']}**: {other['summary']}"
                         + (f" It includes: {'; '.join(under)}." if under else ""))
    return found


def achievements(scope: Plans, match: Match, frame: Frame) -> Answer:
    """What the partnership achieved in the plan's year of achievements, on one topic or in all."""
    topic = frame.topic_terms or [w for w in frame.content_words
                                  if w not in scope.words.achievement_cues]
    year = scope.plan.info.achievements_year
    source = [f"{scope.title}, {scope.plan.info.sections.achievements}"]
    if frame.set_aside:
        return _others(scope, match, frame, source)
    if not topic:
        rows = scope.plan.achievements()
        headings: dict[str, list[str]] = {}
        for row in rows:
            headings.setdefault(row["heading"], []).append(row["title"])
        lines = [f"The plan's achievements in {year}, by theme:"]
        lines += [f"- **{h}**: {'; '.join(titles)}" for h, titles in headings.items()]
        return _done(scope, match, "\n".join(lines), source)
    what = " ".join(topic)
    hits = {}
    for phrase in frame.topic_phrases or [what]:
        for row in scope.plan.search("achievements", [phrase], scope.language.settings.phrase_rows,
                                     phrase=True):
            hits[row["id"]] = row
    hits = list(hits.values()) or _under_one_heading(scope, frame)
    if not hits and frame.programme:  # no phrase, but most of the words find one programme
        return achievement(scope, match.model_copy(
            update={"subject": f"achievement:{frame.programme}"}), frame)
    if not hits:
        headings_list = list(dict.fromkeys(r["heading"] for r in scope.plan.achievements()))
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title, sources=source,
                      text=f"The plan lists no achievements in {year} on “{what}”. Its achievements "
                           f"are on: {', '.join(headings_list)}.")
    hits = sorted(hits, key=lambda r: r["position"])
    lines = [f"The plan's achievements in {year} on “{what}”:"]
    lines += [f"- **{r['title']}** ({r['heading']}): {r['summary']}" for r in hits]
    return _done(scope, match, "\n".join(lines), source)


def _others(scope: Plans, match: Match, frame: Frame, source: list[str]) -> Answer:
    """The achievements under the headings of those set aside, but for them."""
    rows = scope.plan.achievements()
    aside = [r for r in rows if r["id"] in frame.set_aside]
    headings = list(dict.fromkeys(r["heading"] for r in aside))
    share = {p.id: p.share for p in frame.passages if p.kind == "achievement"}
    others = sorted((r for r in rows if r["heading"] in headings and r["id"] not in frame.set_aside),
                    key=lambda r: -share.get(r["id"], 0))  # those holding the rest of it first
    lines = [f"Besides {fmt.listing([r['title'] for r in aside])}, the plan's achievements in "
             f"{scope.plan.info.achievements_year} under {fmt.listing(headings)}:"]
    lines += [f"- **{r['title']}**: {r['summary']}" for r in others]
    return _done(scope, match, "\n".join(lines), source)


def _under_one_heading(scope: Plans, frame: Frame) -> list:
    """The achievements the question's words found, when most of them share a heading ("what
    did the partnership do to help during Covid?": the Covid activities)."""
    rows = {r["id"]: r for r in scope.plan.achievements()}
    found = [rows[p.id] for p in frame.passages if p.kind == "achievement"]
    headings = Counter(r["heading"] for r in found).most_common()
    if not headings or headings[0][1] < 2 or (len(headings) > 1 and headings[1][1] == headings[0][1]):
        return []
    return [r for r in rows.values() if r["heading"] == headings[0][0]]


def glossary(scope: Plans, match: Match, frame: Frame) -> Answer:
    if len(frame.glossary) > 1 and (frame.features.glossary_only or frame.asks == "expansion"):
        return _glossary_terms(scope, match, frame)  # "what do FGM and HBV stand for?"
    row = scope.plan.glossary_term(subject_of(match, "glossary"))
    if frame.asks == "expansion" and row["stands_for_source"] == "general" \
            and frame.signals.plan_only:  # "what does HMO stand for in the plan?"
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=[f"{scope.title}, glossary"], subject=f"glossary:{row['term']}",
                      text=f"The plan does not spell out {row['term']}. In general it stands for "
                           f"{row['stands_for']} ({GENERAL}). What the plan says of it: "
                           f"{row['meaning']}")
    short = _initialism(row)
    if frame.asks == "expansion" and not row["stands_for"] and short:  # "DHR stands for?"
        return _done(scope, match, f"**{short}** is the usual short form of **{row['term']}** "
                                   f"({GENERAL}); the plan writes it in full. {row['meaning']}",
                     [f"{scope.title}, glossary"], subject=f"glossary:{row['term']}")
    if frame.asks == "expansion" and not row["stands_for"]:
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=[f"{scope.title}, glossary"], subject=f"glossary:{row['term']}",
                      text=f"The plan does not say what {row['term']} stands for. What it says "
                           f"of it: {row['meaning']}")
    defining = frame.signals.what_is or frame.asks == "definition"
    if row["named_only"] and defining:  # "what is naloxone?": the plan only names it
        general = f" {_capital(GENERAL)}: {row['general']}" if row["general"] else ""
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=[f"{scope.title}, glossary"], subject=f"glossary:{row['term']}",
                      text=f"The plan does not say what {row['term']} is; it only names it: "
                           f"{row['meaning']}{general}")
    head = f"**{row['term']}**"
    if row["stands_for"]:
        head += f" stands for **{row['stands_for']}**"
        head += f" ({GENERAL})." if row["stands_for_source"] == "general" else "."
    general = f"\n\n*{_capital(GENERAL)}:* {row['general']}" if row["general"] else ""
    where = f" The plan uses it in: {row['in_plan']}." if row["in_plan"] else ""
    return _done(scope, match, f"{head} {row['meaning']}{where}{general}",
                 [f"{scope.title}, glossary"], subject=f"glossary:{row['term']}")


def _initialism(row) -> str | None:
    """An alias made of the initials of a term the plan writes in full ("dhr" of "Domestic
    Homicide Review"): asked what it stands for, the term is the answer."""
    initials = "".join(w[0] for w in row["term"].lower().split() if w not in ("and", "of", "the"))
    return next((a.upper() for a in row["aliases"].split(" | ")
                 if len(a) > 1 and a == initials), None)


def _glossary_terms(scope: Plans, match: Match, frame: Frame) -> Answer:
    """Several terms asked at once: what each stands for (or that the plan does not say), and
    what the plan says of it."""
    lines, rows = [], [scope.plan.glossary_term(term) for term in frame.glossary]
    for row in rows:
        said = f"**{row['term']}**"
        if row["stands_for"]:
            said += f" stands for **{row['stands_for']}**"
            said += f" ({GENERAL})" if row["stands_for_source"] == "general" else ""
        elif frame.asks == "expansion":
            said += " (the plan does not say what it stands for)"
        lines.append(f"- {said}: {row['meaning']}")
    if frame.asks == "expansion" and not any(r["stands_for"] for r in rows):
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=[f"{scope.title}, glossary"], text="\n".join(lines))
    return _done(scope, match, "\n".join(lines), [f"{scope.title}, glossary"],
                 subject=f"glossary:{frame.glossary[-1]}")


DUTY_WORDS = {"duty", "duties", "statutory"}


def duties(scope: Plans, match: Match, frame: Frame) -> Answer:
    rows = scope.plan.duties()
    chosen = [r for r in rows if r["id"] in frame.duties
              or (not frame.duties and r["id"] == subject_of(match, "duty"))]
    term = next((t for t in frame.glossary if set(t.lower().split()) & DUTY_WORDS), None)
    if not chosen and term:  # a duty the plan names as a term, not among its statutory ones
        return glossary(scope, match.model_copy(update={"subject": f"glossary:{term}"}), frame)
    source = [f"{scope.title}, {scope.plan.info.sections.duties}"]
    if not chosen and frame.asks == "yes_no" and (frame.unknown or frame.topic_words):  # "is
        # preventing terrorism one of the duties?"; not "OSCP has four duties, true?"
        lines = ["No: it is not among the duties the plan says OSCP is required by law to carry "
                 "out. Those are:"] + [f"- **{r['name']}**: {r['summary']}" for r in rows]
        return _done(scope, match, "\n".join(lines), source)
    if not chosen:  # the duty holding the question's words, else a full-text search
        found = [p.id for p in frame.passages if p.kind == "duty"][:1]
        words = [w for w in frame.content_words if w not in DUTY_WORDS]
        chosen = [r for r in rows if r["id"] in found] or \
            scope.plan.search("duties", words + frame.topic_terms, 1)
    if not chosen:
        lines = [f"OSCP is required by law to do **{len(rows)}** things:"] + [
            f"- **{r['name']}**: {r['summary']}" for r in rows]
        return _done(scope, match, "\n".join(lines), source)
    row = chosen[0]
    named = row["id"] in frame.duties  # "is that a legal duty?": yes, when it is one by name
    verdict = "Yes: the plan lists it among the duties OSCP is required by law to carry out.\n\n" \
        if frame.asks == "yes_no" and named else ""
    overview = f"\n\nIn “{row['overview_section']}” it adds: “{row['overview']}”" \
        if row["overview"] else ""
    source += [f"{scope.title}, {row['overview_section']}"] if row["overview"] else []
    return _done(scope, match, f"{verdict}**{row['name']}** — {row['summary']}\n\n"
                               f"The plan: “{row['text']}”{overview}", source,
                 subject=f"duty:{row['id']}")


def summary(scope: Plans, match: Match, frame: Frame) -> Answer:
    """"Summarise the plan", "key stats for a briefing": each whole-year figure for the plan's
    home area in its latest year, against the year before where it has one, then what the plan
    sets out to do. Parts are added up only where they make a total, with the sum shown."""
    info = scope.plan.info
    home = info.home_area
    lines = [f"The {scope.title} in brief. Its headline figures for {scope.area(home)}:"]
    facts, sources = [], []
    for measure_id in scope.plan.measures_with_figures():
        years = [p for p in scope.dimension(measure_id, "period") if "/" not in p]
        found = [_headline(scope, measure_id, home, year) for year in years[-2:]]
        if not years or found[-1] is None:
            continue
        value, working, rows = found[-1]
        label = scope.measures[measure_id].label
        line = f"- {label[:1].upper()}{label[1:]}, {years[-1]}: **{fmt.number(value)}**" + (
            f" ({working})" if working else "")
        if len(found) == 2 and found[0] is not None:
            diff = value - found[0][0]
            line += f"; {fmt.signed(diff)} on {years[-2]} ({fmt.number(value)} − " \
                    f"{fmt.number(found[0][0])})"
        lines.append(line)
        facts += [scope.fact(r) for r in rows]
        sources += scope.sources(rows)
    themes = scope.plan.themes()
    used = list(dict.fromkeys(themes.get(r["theme"], r["theme"]) for r in scope.plan.priorities()))
    lines += ["", f"It sets out **{len(scope.plan.priorities())}** priorities for {info.plan_year}, "
                  f"on: {fmt.listing(used)}; it also reports the partnership's achievements in "
                  f"{info.achievements_year} and its statutory duties."]
    sources.append(f"{scope.title}, {info.sections.priorities}")
    return _done(scope, match, "\n".join(lines), list(dict.fromkeys(sources)), facts=facts)


def _headline(scope: Plans, measure_id: str, area: str, year: str) -> tuple | None:
    """One measure's whole figure for an area and year: its printed total, its one figure, or
    its parts added up where they make a total; (value, the sum shown or "", rows)."""
    measure = scope.measures[measure_id]
    rows = [r for r in scope.figures(measure_id, area=[area], period=[year])
            if not r["quarter"] and r["unit"] != "per cent" and r["value"] is not None]
    if measure.total_category:
        rows = [r for r in rows if r["category"] == measure.total_category]
    if len(rows) == 1:
        return rows[0]["value"], "", rows
    if rows and measure.summable:
        return sum(r["value"] for r in rows), " + ".join(fmt.number(r["value"]) for r in rows), rows
    return None


def about(scope: Plans, match: Match, frame: Frame) -> Answer:
    """What the plan says of the partnership; not an answer when it speaks of something else
    ("who sits on the Executive Board?") or holds nothing of the kind asked ("when is the next
    meeting?")."""
    rows = scope.plan.about()
    share = scope.language.settings.passage_share
    ids = [p.id for p in frame.passages if p.kind == "about" and p.share >= share]
    ids += [i for i in frame.signals.about if i not in ids]  # the passage holding its words,
    if not ids and subject_of(match, "about"):  # then those its phrases name; or the ones the
        ids = subject_of(match, "about").split(",")  # last answer quoted ("what year is it from?")
    cued = [r for i in ids[:2] for r in rows if r["id"] == i]
    chosen = cued or rows[:2]
    source = [f"{scope.title}, {scope.plan.info.sections.introduction}"]
    said = " ".join(f"{r['text']} {r['question_cues']}" for r in chosen).lower()
    unsaid = [u.word for u in frame.unknown if u.role != "place"
              and u.word not in said and lemma(u.word) not in said]
    asked = {**ASKED, "how_to": "how to do that"}
    text = " ".join(r["text"] for r in chosen)
    unheld = (frame.asks == "date" and not YEAR.search(text)) or (
        frame.asks == "count" and not re.search(r"\d", text))
    if frame.asks in asked and (unsaid or not cued or unheld):  # "why" or "what" may be put
        # in any words; "when" needs a year in the passage, "how many" a number
        lack = f"speak of “{' '.join(unsaid)}”" if unsaid else f"say {asked[frame.asks]}"
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=source,
                      text=f"The plan does not {lack} where it describes the partnership. The "
                           f"closest it comes: “{chosen[0]['text']}”")
    return _done(scope, match, "\n\n".join(r["text"] for r in chosen), source,
                 subject="about:" + ",".join(r["id"] for r in chosen))


def work_on(scope: Plans, match: Match, frame: Frame) -> Answer:
    """What the partnership will do (its priorities) and has done (its achievements) on a
    topic; a topic the plan never mentions gets a plain no."""
    if frame.asks == "voice":  # "how can I tell the partnership what worries me?"
        found = {table: _find(scope, table, scope.words.voice_phrases, [])
                 for table in ("priorities", "achievements")}
        answer = _work_listed(scope, match, "hearing residents' concerns", found, [])
        reporting = "\n".join(f"- {p}" for p in pointers(scope, ["reporting"]))
        return answer.model_copy(update={"text": f"{answer.text}\n\nTo report a crime or "
                                                 f"anti-social behaviour:\n{reporting}"})
    cue_words = {w for rule in scope.language.intents if rule.id == "work_on"
                 for cue in rule.cues for w in cue.split()}
    ignore = cue_words | set(scope.words.not_priority_topics) | set(scope.words.achievement_cues)
    words = [w for w in frame.content_words if w not in ignore and w not in scope.words.filler]
    plain = ignore | set(scope.words.stopwords)
    whole = [p for t in scope.language.terms  # "racist abuse and homophobic attacks": parts of
             if frame.categories and any(m.measure == frame.measure and not m.category  # hate
                                         for m in t.means) for p in t.phrases]  # crime
    terms = [g.lower() for g in frame.glossary]  # "people who carry drugs": county lines
    phrases = [p for p in frame.named_phrases + terms + frame.topic_phrases + whole
               if not set(p.split()) <= plain]
    phrases = [p for p in phrases  # "violence" is read inside "violence against women and girls"
               if not any(p != q and f" {p} " in f" {q} " for q in frame.named_phrases)]
    generic = set(scope.words.generic_topics)  # "scams and cyber crime": the scams; "crime"
    if any(p in phrases and p not in generic for p in frame.named_phrases):  # alone: all crime
        phrases = [p for p in phrases if p not in generic]
    agents = set(scope.words.agents)  # "is the council doing anything about dealing in the
    if frame.named_phrases and set(frame.named_phrases) <= agents \
            and any(w not in agents for w in words):  # park?": the dealing, not the council
        phrases = [p for p in phrases if p in terms and p not in agents]
        words = [w for w in words if w not in agents]
    what = phrases[0] if phrases else " ".join(words)
    if not what:  # "what is the partnership doing?": all it will do
        return priorities(scope, match, frame)
    foreign = frame.worked_on
    held = {h for p in frame.passages for h in p.held}  # a word the plan uses is no stranger
    unknown = {u.word.lower() for u in frame.unknown
               + (frame.context if frame.worked_on_told else [])}
    if foreign and all(w in unknown  # "drunk" is no stranger where the plan speaks of alcohol
                       and word_root(w, lemma, scope.words.kin) not in held
                       for w in foreign):
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      text=f"The plan says nothing about “{' '.join(foreign)}”: none of its "
                           f"priorities or achievements mentions it. {scope.holdings(what)}")
    found = {table: _find(scope, table, phrases, words)
             for table in ("priorities", "achievements")}
    pccs = {r["number"]: r["text"] for r in scope.plan.pcc_priorities()}
    # the PCC's priority named, or the one that speaks of it ("county lines gangs")
    named = [n for n in pccs if n in frame.pcc  # a phrase, not one word ("crime")
             or any(len(p.split()) > 1 and all(w in pccs[n].lower() for w in p.split())
                    for p in phrases)]
    if named:  # the PCC's priority on it, and OSCP's priorities aligned to that one
        found["priorities"] += [r for r in scope.plan.priorities()
                                if r["pcc_priority"] in named and r not in found["priorities"]]
    if not any(found.values()) and not named:
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      text=f"The plan says nothing about “{what}”: none of its priorities or "
                           f"achievements mentions it. {scope.holdings(what)}")
    if not phrases:  # "daughter starting worried drinks spiked bars": the words the work holds
        held = " ".join(r["text"] for rows in found.values() for r in rows).lower()
        what = " ".join(dict.fromkeys(w for w in words if lemma(w)[:ROOT - 1] in held)) or what
    answer = _work_listed(scope, match, what, found, named)
    if frame.asks == "yes_no" and frame.signals.involvement and phrases:  # "is the partnership
        return answer.model_copy(update={"text": f"**Yes.** {answer.text}"})  # involved in it?"
    return answer


def _work_listed(scope: Plans, match: Match, what: str, found: dict, named: list) -> Answer:
    """The priorities and achievements found on a topic, with the PCC's priorities named."""
    pccs = {r["number"]: r["text"] for r in scope.plan.pcc_priorities()}
    themes = scope.plan.themes()
    lines = [f"What the plan says on “{what}”:"]
    lines += [f"- PCC priority {n}, which OSCP aligns its priorities to: {pccs[n]}" for n in named]
    sections = scope.plan.info.sections
    if found["priorities"]:
        lines.append(f"{sections.priorities}:")
        lines += [f"- {r['text']} ({themes.get(r['theme'], r['theme'])})"
                  for r in sorted(found["priorities"], key=lambda r: r["position"])]
    if found["achievements"]:
        lines.append(f"{sections.achievements}:")
        lines += [f"- **{r['title']}**: {r['summary']}"
                  for r in sorted(found["achievements"], key=lambda r: r["position"])]
    return _done(scope, match, "\n".join(lines), [
        f"{scope.title}, {getattr(sections, table)}" for table in ("priorities", "achievements")
        if found[table] or (table == "priorities" and named)])


def _find(scope: Plans, table: str, phrases: list[str], words: list[str]) -> list:
    """Rows holding one of the topic's phrases; else the best matches for its words."""
    settings = scope.language.settings
    hits: dict = {}
    for phrase in phrases:
        for row in scope.plan.search(table, [phrase], settings.topic_rows, phrase=True):
            hits[row["id"]] = row
    if hits or phrases or not words:
        return list(hits.values())
    rows = scope.plan.search(table, words, settings.topic_rows)
    best = rows[0]["rank"] if rows else 0
    return [r for r in rows if r["rank"] <= best * settings.relevance_share]


# --- what a table counts, and why ---------------------------------------------------------------


def _unexplained_marks(scope: Plans, tables: list[dict], frame: Frame) -> list[tuple[dict, str]]:
    """The notes on marks the plan prints and never explains: of the tables asked about, else
    of the table printing a number the question quotes ("the asterisk next to 3733")."""
    notes = [(t, n["text"]) for t in scope.plan.tables() for n in scope.plan.notes(t["id"])
             if n["explains"] == "unexplained_mark"]
    asked = {t["id"] for t in tables}
    quoted = [n.text for n in frame.numbers]
    return [(t, text) for t, text in notes if t["id"] in asked] or \
        [(t, text) for t, text in notes if any(q in text for q in quoted)]


def method(scope: Plans, match: Match, frame: Frame) -> Answer:
    tables = scope.tables_for(match.measure)
    asked = [u.word for u in frame.unknown if u.role == "restriction"]
    if not tables and frame.asks in ("how_counted", "yes_no") and frame.second_measure \
            and scope.tables_for(frame.second_measure):
        tables = scope.tables_for(frame.second_measure)  # "is fraud counted in total crime?":
        asked.append(scope.measures[match.measure].label)  # the table asked of, and the other
        match = match.model_copy(update={"measure": frame.second_measure})  # topic asked about
    label = scope.measures[match.measure].label
    if not tables:
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      text=f"The plan has no table on {label}. {scope.holdings(label)}")
    marks = _unexplained_marks(scope, tables, frame) if frame.signals.marks else []
    if marks:  # "what does the asterisk mean?": the plan never says
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=scope.sources([t for t, _ in marks]),
                      text="The plan does not explain it. " + " ".join(t for _, t in marks))
    lines = []
    for table in tables:
        lines.append(f"**{table['label']}: {table['title']}** — {table['counts']}")
    caveats = scope.caveats(tables)
    lines += [f"- {c}" for c in caveats]
    counting = scope.language.settings.counting_numbers_up_to
    quoted = [n.text for n in frame.numbers if n.value > counting]  # "the +124 under it"
    named = [c for c in caveats if any(w in c.lower() or lemma(w) in c.lower() for w in asked)
             or any(q in c for q in quoted)]
    if named:  # "do the figures count crimes against shops?": the note that says so, first
        lines.insert(0, f"On that, the plan says: {named[0]}\n")
    said = " ".join(asked + frame.content_words).lower()
    left_out = [w for w in scope.measures[match.measure].leaves_out if w in said]
    if left_out and frame.asks in ("how_counted", "yes_no"):  # "is fraud counted?": it is not
        lines.insert(0, f"**No.** The plan's figures for {scope.measures[match.measure].label} "
                        f"leave out {left_out[0]}.\n")
    return _done(scope, match, "\n".join(lines), scope.sources(tables),
                 caveats=caveats)


def why(scope: Plans, match: Match, frame: Frame) -> Answer:
    """The plan's stated reason for a figure, or a plain "no reason given" with what it does
    say: a note on how a table was read is no reason, nor is a rise's reason one for a fall,
    nor one part's ("violent crime") for another's."""
    tables = scope.tables_for(match.measure)
    label = scope.measures[match.measure].label
    notes = {n["text"]: n["explains"] for t in tables for n in scope.plan.notes(t["id"])}
    way = {"up": scope.words.rising, "down": scope.words.falling}.get(frame.signals.direction or "")
    parts = {c: name.lower() for c, name in scope.categories.items()  # "violent crime", not
             if " " in name and name.lower() not in label.lower()}  # the measure's own name
    reasons = [text for text, explains in notes.items() if explains == "reason"
               and (way is None or set(normalise(text).split()) & set(way))
               and all(c in match.categories for c, name in parts.items() if name in text.lower())]
    others = [text for text in notes if text not in reasons]
    if not reasons:
        said = "".join(f"\n- {c}" for c in others)
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      sources=scope.sources(tables),
                      text=f"The plan gives no reason for the figures for {label}."
                           + (f" What it says about them:{said}" if said else ""))
    lines = [f"The reason the plan gives for {label}:"] + [f"- {c}" for c in reasons]
    lines += ["", "Its other notes on these figures:"] + [f"- {c}" for c in others] if others else []
    return _done(scope, match, "\n".join(lines), scope.sources(tables), caveats=reasons + others)


# --- when no rule fits ----------------------------------------------------------------------------


def search(scope: Plans, match: Match, frame: Frame) -> Answer:
    """Quote the plan's best matching passage, or say plainly that it is not covered."""
    settings = scope.language.settings
    scheme = _one_scheme(frame, settings)
    if scheme:  # "my phone is always flat - is there anything at the station?"
        return achievement(scope, match.model_copy(update={
            "intent": "achievement", "subject": f"achievement:{scheme}"}), frame)
    hits = scope.plan.search("sections", frame.topic_words, settings.search_results)
    quotes = []
    for hit in hits:
        sentence = _best_sentence(hit["text"], frame.topic_words, settings)
        if sentence:
            quotes.append((hit["title"], sentence))
    narrowing = [u.word for u in frame.unknown  # "a target for reducing fly-tipping": the
                 if u.role == "restriction" and u.word not in frame.topic_words]  # fly-tipping
    missing = " ".join(frame.topic_words + narrowing)
    whole = [q for q in quotes if _holds_all(q[1], frame.topic_words + narrowing,
                                             settings.stem_letters)
             and _of_the_kind(scope, q[1], frame.asks)]
    if not whole and not frame.wants_number and frame.passages_share >= settings.passage_share:
        return _passages(scope, match, frame)  # spread over several passages
    leading = _leading(frame, settings) if not whole and not frame.wants_number else None
    if leading:
        return _passages(scope, match, frame.model_copy(update={"passages": [leading]}))
    dated = bool(frame.periods or frame.relative)  # "Prevent referrals last year?": figures
    if not whole or frame.wants_number or dated:
        text = f"The {scope.title} does not include anything on “{missing}”."
        if frame.wants_number or dated:
            text = f"The {scope.title} does not include a figure for “{missing}”."
        if quotes:
            text += f" The closest it comes, in “{quotes[0][0]}”: “{quotes[0][1]}”"
        return Answer(status=Status.no_answer, intent="search", plan=scope.title,
                      text=f"{text}\n\n{scope.holdings(missing)}",
                      sources=[f"{scope.title}, {q[0]}" for q in quotes[:1]])
    lines = [f"From the plan, “{title}”: “{sentence}”" for title, sentence in whole]
    claimed = frame.numbers or set(frame.content_words) & NUMBER_WORDS  # "in ten cases?"
    if frame.asks == "yes_no" and len(frame.topic_words) >= 2 and not claimed:  # every word
        lines.insert(0, "**Yes**, the plan says so.")  # asked about is in the passage
    return _done(scope, match, "\n\n".join(lines), [f"{scope.title}, {t}" for t, _ in whole])


def _leading(frame: Frame, settings: Settings):
    """A passage holding three or more of the question's words, well ahead of any other: what
    a question in other words than the plan's is about ("women getting home late at night")."""
    if not frame.passages or frame.asks not in (None, "figure", "yes_no", "list", "definition"):
        return None
    best, *rest = frame.passages
    ahead = not rest or best.share >= settings.scheme_lead * rest[0].share
    return best if len(best.held) >= settings.leading_words \
        and best.share >= settings.leading_share and ahead else None


def _one_scheme(frame: Frame, settings: Settings) -> str | None:
    """"Is there anything ...?" told with a story: the one programme holding two or more of its
    words, well ahead of any other passage, is what is asked for."""
    if frame.asks != "yes_no" or not frame.signals.there or not frame.passages:
        return None
    best, *rest = frame.passages
    ahead = not rest or best.share >= settings.scheme_lead * rest[0].share
    return best.id if best.kind == "achievement" and len(best.held) >= 2 and ahead else None


def _passages(scope: Plans, match: Match, frame: Frame) -> Answer:
    """The priorities, achievements, duties and facts that between them hold most of what was
    asked, each in a line."""
    plan, sections = scope.plan, scope.plan.info.sections
    rows = {"priority": {str(r["position"]): r for r in plan.priorities()},
            "achievement": {r["id"]: r for r in plan.achievements()},
            "duty": {r["id"]: r for r in plan.duties()}, "about": {r["id"]: r for r in plan.about()}}
    lines, sources = ["What the plan says that speaks of it:"], []
    for passage in (p for p in frame.passages if len(p.held) >= 2):  # those that counted
        row = rows[passage.kind][passage.id]
        if passage.kind == "priority":
            line, source = f"A priority for {plan.info.plan_year}: {row['text']}", \
                sections.priorities
        elif passage.kind == "achievement":
            line, source = f"**{row['title']}** ({row['heading']}): {row['summary']}", \
                f"{sections.achievements} — {row['heading']}"
        elif passage.kind == "duty":
            line, source = f"**{row['name']}** — {row['summary']}", sections.duties
        else:
            line, source = row["text"], sections.introduction
        lines.append(f"- {line}")
        sources.append(f"{scope.title}, {source}")
    return _done(scope, match, "\n".join(lines), list(dict.fromkeys(sources)))


def _of_the_kind(scope: Plans, sentence: str, asks: str | None) -> bool:
    """A sentence answers "when" or "how often" only with a time in it, and "how many" only
    with a number: "JTAC meetings" does not say how often the board meets."""
    lowered = f" {sentence.lower()} "
    if asks == "date":
        return bool(YEAR.search(sentence)) or any(f" {w} " in lowered
                                                   for w in scope.words.time_words)
    if asks == "count":
        return any(c.isdigit() for c in sentence) or any(
            f" {w} " in lowered for w in NUMBER_WORDS)
    return True


def _holds_all(sentence: str, words: list[str], letters: int) -> bool:
    """A passage is the answer only when it speaks of everything asked, not of some of it."""
    return all(w[:letters] in sentence.lower() for w in words)


def _best_sentence(text: str, words: list[str], settings: Settings) -> str | None:
    """The sentence holding most of the words; None unless it holds most of them."""
    stems = list(dict.fromkeys(w[:settings.stem_letters] for w in words))
    scored = [(sum(s in sentence.lower() for s in stems), sentence)
              for sentence in sentences(" ".join(text.split()))]
    best = max(scored, default=(0, None))
    return best[1] if best[0] and best[0] >= settings.sentence_share * len(stems) else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def clarify(scope: Plans, match: Match, frame: Frame) -> Answer:
    """Too little to go on: offer concrete questions the plan can answer."""
    period = frame.periods[0] if frame.periods else str(scope.plan.info.latest_year)
    measures = scope.measures_with_figures(period) or \
        scope.measures_with_figures()
    shown = measures[:scope.language.settings.clarify_options]
    options = [f"{_capital(scope.measures[m].label)} in {period}" for m in shown]
    return Answer(
        status=Status.clarify, intent="clarify", plan=scope.title, options=options,
        text="Which figure do you mean? For example:\n" + "\n".join(f"- {o}" for o in options),
    )

