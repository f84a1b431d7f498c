"""Answers made of the plan's words: priorities, achievements, terms, duties, the partnership,
what a table counts and why a figure moved, and full-text search when no rule fits."""

from __future__ import annotations

import re

from .answer import Answer, Status
from .question import Match, ParsedQuestion
from .scope import Scope

GENERAL = "general knowledge, not from the plan"   # how a glossary field marked general reads
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2}


def _has(parsed: ParsedQuestion, words: list[str]) -> bool:
    padded = " " + " ".join(parsed.tokens) + " "
    return any(f" {w} " in padded for w in words)


def subject_of(match: Match, kind: str) -> str | None:
    """The id in a subject such as "achievement:op-vigilant", if it is of this kind."""
    found, _, value = (match.subject or "").partition(":")
    return value if found == kind else None


def _done(scope: Scope, match: Match, text: str, sources: list[str], **extra) -> Answer:
    return Answer(status=Status.answered, text=text, intent=match.intent, sources=sources,
                  plan=scope.title, **extra)


def _content(parsed: ParsedQuestion, scope: Scope) -> list[str]:
    stop = set(scope.words["stopwords"])
    return [w for w in parsed.tokens
            if w.replace("-", "").isalpha() and len(w) > 2 and w not in stop]


# --- priorities ---------------------------------------------------------------------------------


def pcc_number(parsed: ParsedQuestion) -> int | None:
    """'PCC priority 1', 'the PCC's first priority', or a keyword such as 'county lines'."""
    text = " ".join(parsed.tokens)
    found = re.search(r"priority (?:number )?(\d|one|two)\b|(first|second|third|fourth|fifth) "
                      r"(?:pcc )?priority|pcc (\d)\b", text)
    if found:
        word = next(g for g in found.groups() if g)
        return int(word) if word.isdigit() else ORDINALS[word]
    return parsed.pcc[0] if parsed.pcc else None


def priorities(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    repo, plan = scope.repo, scope.plan_id
    source = f"{scope.title}, Priorities for 2022-23"
    pccs = {row["number"]: row["text"] for row in repo.pcc_priorities(plan)}
    number = pcc_number(parsed)
    if number is None and subject_of(match, "pcc"):
        number = int(subject_of(match, "pcc"))
    names_pcc = _has(parsed, scope.words["pcc_names"])
    lists_oscp = _has(parsed, scope.words["oscp_priority_list"])
    if names_pcc and number in pccs and not lists_oscp:
        return _done(scope, match, f"PCC priority {number}: **{pccs[number]}**\n\nOSCP aligns its "
                     "priorities with those of the Thames Valley Police and Crime Commissioner.",
                     [source], subject=f"pcc:{number}",
                     suggestions=[f"Which OSCP priorities are linked to PCC priority {number}?"])
    if names_pcc and number is None and not lists_oscp and not _has(parsed, ["oscp"]):
        lines = ["The plan lists these PCC priorities, from the Thames Valley Police and Crime "
                 "Plan, as the ones Oxford's priorities are aligned to:"]
        lines += [f"{n}. {text}" for n, text in pccs.items()]
        lines.append("The plan says the Police and Crime Plan sets out five broad strategic "
                     "priorities (its Diagram 1), but the diagram is missing from its text.")
        return _done(scope, match, "\n".join(lines), [source])
    rows = repo.priorities(plan)
    if _has(parsed, scope.words["negations"]):
        chosen, what = [r for r in rows if r["pcc_priority"] is None], \
            "not aligned to a PCC priority"
    elif number in pccs:
        chosen, what = [r for r in rows if r["pcc_priority"] == number], \
            f"linked to PCC priority {number} ({pccs[number]})"
    else:
        ignore = set(scope.words["not_priority_topics"])
        words = [w for w in _content(parsed, scope) + _topic(parsed, scope) if w not in ignore]
        hits = repo.search("priorities", plan, words, 14)
        best = hits[0]["rank"] if hits else 0
        chosen = [r for r in hits if r["rank"] <= best * 0.5] if hits else rows
        chosen.sort(key=lambda r: r["position"])
        what = "matching your question" if hits else "for 2022-23"
    if not chosen:
        chosen, what = rows, "for 2022-23"
    themes = repo.themes(plan)
    lines = [f"OSCP has **{len(rows)}** priorities for 2022-23"
             + (":" if len(chosen) == len(rows) else
                f"; **{len(chosen)}** {'is' if len(chosen) == 1 else 'are'} {what}:")]
    for row in chosen:
        pcc = f"PCC priority {row['pcc_priority']}" if row["pcc_priority"] else "no PCC priority"
        lines.append(f"- {row['text']} ({pcc}; {themes.get(row['theme'], row['theme'])})")
    if _has(parsed, scope.words["which_pcc"]):
        linked = sorted({r["pcc_priority"] for r in chosen if r["pcc_priority"]})
        lines.insert(0, "; ".join(f"PCC priority {n}: **{pccs[n]}**" for n in linked) or
                     "None of these is linked to a PCC priority.")
    lines.append("OSCP aligns its priorities with those of the Thames Valley Police and Crime "
                 "Commissioner (PCC).")
    linked = {r["pcc_priority"] for r in chosen if r["pcc_priority"]}
    subject = f"pcc:{linked.pop()}" if len(linked) == 1 else ""
    return _done(scope, match, "\n".join(lines), [source], subject=subject)


def _topic(parsed: ParsedQuestion, scope: Scope) -> list[str]:
    """The question's topic phrase words (e.g. 'modern slavery'), for searching the plan."""
    return [w for t in parsed.tags if t.kind == "term" for w in parsed.tokens[t.start:t.end]]


# --- achievements, terms, duties, the partnership -------------------------------------------------


def achievement(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    row = scope.repo.achievement(scope.plan_id, subject_of(match, "achievement"))
    facts = scope.repo.achievement_facts(scope.plan_id, row["id"])
    lines = [f"**{row['title']}** ({row['heading']}): {row['summary']}", "",
             f"The plan: “{row['text']}”"]
    if facts:
        lines += ["", "Key facts:"] + [f"- {f['label']}: {f['value']}" for f in facts]
    return _done(scope, match, "\n".join(lines),
                 [f"{scope.title}, Achievements in 2021 — {row['heading']}"],
                 subject=f"achievement:{row['id']}")


def achievements(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    """What the partnership achieved in 2021, on one topic or in all."""
    topic = _topic(parsed, scope) or [w for w in _content(parsed, scope)
                                      if w not in scope.repo.language.words["achievement_cues"]]
    source = [f"{scope.title}, Achievements in 2021"]
    if not topic:
        rows = scope.repo.achievements(scope.plan_id)
        headings: dict[str, list[str]] = {}
        for row in rows:
            headings.setdefault(row["heading"], []).append(row["title"])
        lines = ["The plan's achievements in 2021, by theme:"]
        lines += [f"- **{h}**: {'; '.join(titles)}" for h, titles in headings.items()]
        return _done(scope, match, "\n".join(lines), source)
    what = " ".join(topic)
    hits = {}
    for phrase in _synonyms(parsed, scope) or [what]:
        for row in scope.repo.search("achievements", scope.plan_id, [phrase], 50, phrase=True):
            hits[row["id"]] = row
    hits = list(hits.values())
    if not hits:
        headings_list = list(dict.fromkeys(r["heading"] for r in scope.repo.achievements(scope.plan_id)))
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title, sources=source,
                      text=f"The plan lists no achievements in 2021 on “{what}”. Its achievements "
                           f"are on: {', '.join(headings_list)}.")
    hits = sorted(hits, key=lambda r: r["position"])
    lines = [f"The plan's achievements in 2021 on “{what}”:"]
    lines += [f"- **{r['title']}** ({r['heading']}): {r['summary']}" for r in hits]
    return _done(scope, match, "\n".join(lines), source)


def _synonyms(parsed: ParsedQuestion, scope: Scope) -> list[str]:
    """Every way of saying the question's first topic ("ASB", "anti-social behaviour" ...)."""
    terms = [t for t in parsed.tags if t.kind == "term"]
    return scope.repo.language.terms[int(terms[0].value)].phrases if terms else []


def glossary(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    row = scope.repo.glossary_term(scope.plan_id, subject_of(match, "glossary"))
    head = f"**{row['term']}**"
    if row["stands_for"]:
        head += f" stands for **{row['stands_for']}**"
        head += f" ({GENERAL})." if row["stands_for_source"] == "general" else "."
    general = f"\n\n*{_capital(GENERAL)}:* {row['general']}" if row["general"] else ""
    where = f" The plan uses it in: {row['in_plan']}." if row["in_plan"] else ""
    return _done(scope, match, f"{head} {row['meaning']}{where}{general}",
                 [f"{scope.title}, glossary"], subject=f"glossary:{row['term']}")


def duties(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    rows = scope.repo.duties(scope.plan_id)
    chosen = [r for r in rows if r["id"] in parsed.duties]
    if not chosen:
        words = [w for w in _content(parsed, scope) if w not in ("duty", "duties", "statutory")]
        hits = scope.repo.search("duties", scope.plan_id, words + _topic(parsed, scope), 1)
        chosen = hits
    source = [f"{scope.title}, Statutory duties and responsibilities"]
    if not chosen:
        lines = ["OSCP is required by law to:"] + [f"- **{r['name']}**: {r['summary']}" for r in rows]
        return _done(scope, match, "\n".join(lines), source)
    row = chosen[0]
    return _done(scope, match, f"**{row['name']}** — {row['summary']}\n\nThe plan: “{row['text']}”",
                 source)


def about(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    rows = scope.repo.about(scope.plan_id)
    padded = " " + " ".join(parsed.tokens) + " "
    chosen = [r for r in rows
              if any(f" {c} " in padded for c in r["question_cues"].split(" | ") if c)]
    chosen = chosen[:2] or rows[:2]
    return _done(scope, match, "\n\n".join(r["text"] for r in chosen), [f"{scope.title}, Introduction"])


# --- what a table counts, and why ---------------------------------------------------------------


def method(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    tables = scope.repo.tables_for(scope.plan_id, match.measure)
    label = scope.measures[match.measure].label
    if not tables:
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      text=f"The plan has no table on {label}. {scope.holdings()}")
    lines = []
    for table in tables:
        lines.append(f"**{table['label']}: {table['title']}** — {table['counts']}")
    caveats = scope.caveats([t["id"] for t in tables])
    lines += [f"- {c}" for c in caveats]
    return _done(scope, match, "\n".join(lines), [scope.table_source(t["id"]) for t in tables],
                 caveats=caveats)


def why(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    tables = scope.repo.tables_for(scope.plan_id, match.measure)
    caveats = scope.caveats([t["id"] for t in tables])
    label = scope.measures[match.measure].label
    if not caveats:
        return Answer(status=Status.no_answer, intent=match.intent, plan=scope.title,
                      text=f"The plan does not explain the figures for {label}.")
    lines = [f"What the plan says about {label}:"] + [f"- {c}" for c in caveats]
    return _done(scope, match, "\n".join(lines), [scope.table_source(t["id"]) for t in tables],
                 caveats=caveats)


# --- when no rule fits ----------------------------------------------------------------------------


def search(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    """Quote the plan's best matching passage, or say plainly that it is not covered."""
    hits = scope.repo.search("sections", scope.plan_id, parsed.topic_words,
                             scope.repo.language.settings.search_results)
    quotes = []
    for hit in hits:
        sentence = _best_sentence(hit["text"], parsed.topic_words)
        if sentence:
            quotes.append((hit["title"], sentence))
    missing = " ".join(parsed.topic_words)
    if not quotes or parsed.wants_number:
        text = f"The {scope.title} does not include anything on “{missing}”."
        if parsed.wants_number:
            text = f"The {scope.title} does not include a figure for “{missing}”."
        if quotes:
            text += f" The closest it comes, in “{quotes[0][0]}”: “{quotes[0][1]}”"
        return Answer(status=Status.no_answer, intent="search", plan=scope.title,
                      text=f"{text}\n\n{scope.holdings()}",
                      sources=[f"{scope.title}, {q[0]}" for q in quotes[:1]])
    lines = [f"From the plan, “{title}”: “{sentence}”" for title, sentence in quotes]
    return _done(scope, match, "\n\n".join(lines), [f"{scope.title}, {t}" for t, _ in quotes])


def _best_sentence(text: str, words: list[str]) -> str | None:
    """The sentence holding most of the words; None unless it holds most of them."""
    stems = list(dict.fromkeys(w[:5] for w in words))
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    scored = [(sum(s in sentence.lower() for s in stems), sentence) for sentence in sentences]
    best = max(scored, default=(0, None))
    return best[1] if best[0] and best[0] >= 0.6 * len(stems) else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def clarify(scope: Scope, match: Match, parsed: ParsedQuestion) -> Answer:
    """Too little to go on: offer concrete questions the plan can answer."""
    period = parsed.periods[0] if parsed.periods else str(scope.plan["latest_year"])
    measures = scope.repo.measures_with_figures(scope.plan_id, period) or \
        scope.repo.measures_with_figures(scope.plan_id)
    options = [f"{_capital(scope.measures[m].label)} in {period}" for m in measures[:4]]
    return Answer(
        status=Status.clarify, intent="clarify", plan=scope.title, options=options,
        text="Which figure do you mean? For example:\n" + "\n".join(f"- {o}" for o in options),
    )

