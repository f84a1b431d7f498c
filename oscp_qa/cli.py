"""The `oscp-qa` command: ask, chat, explain, build, eval. Errors become plain words here."""

from __future__ import annotations

import sys
import urllib.request
from functools import wraps
from pathlib import Path

import click

from . import briefing, evaluate, export, health, knowledge, pdf, store, terminal
from .answer import Answer, Status
from .assistant import Assistant
from .cli_feedback import feedback
from .errors import BriefingError, OscpQaError


def friendly_errors(command):
    """Turn the library's typed errors into a one-line message and exit code 1."""
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except OscpQaError as error:
            raise click.ClickException(f"{error}\nFix the file named above, then run the "
                                       "command again.") from None
    return wrapper


WRITERS = {".md": export.to_markdown, ".docx": export.to_docx, ".pdf": pdf.to_pdf,
           ".json": briefing.to_json}


def show(answer: Answer, as_json: bool) -> None:
    if as_json:
        click.echo(answer.model_dump_json(indent=2))
        return
    terminal.show(answer)


@click.group()
@click.version_option(package_name="oscp-qa")
def main():
    """Answers questions about the OSCP Rolling Plan, with sourced figures."""


main.add_command(feedback)


@main.command()
@click.argument("questions", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print each answer as JSON.")
@friendly_errors
def ask(questions, as_json):
    """Ask one or more questions, in order, as one conversation."""
    assistant = Assistant()
    for question in questions:
        show(assistant.ask(question), as_json)


@main.command()
@friendly_errors
def chat():
    """Talk to the assistant. Type 'reset' to start again, or 'quit' to leave."""
    assistant = Assistant()
    click.echo(f"{assistant.engine.plans.newest.title}: ask a question ('quit' to leave).")
    while True:
        try:
            question = click.prompt(">", prompt_suffix=" ")
        except (EOFError, click.Abort):
            break
        if question.strip().lower() in {"quit", "exit"}:
            break
        if question.strip().lower() == "reset":
            assistant.reset()
            continue
        show(assistant.ask(question), False)


@main.command()
@click.argument("questions", nargs=-1, required=True)
@friendly_errors
def explain(questions):
    """Show why the last question got its intent: what was read and every intent's score."""
    assistant = Assistant()
    for question in questions[:-1]:
        assistant.ask(question)
    frame, match = assistant.interpret(questions[-1])
    shown = frame.model_dump(exclude={"text", "tags", "masked"}, exclude_defaults=True)
    click.echo(f"tokens:   {' '.join(shown.pop('tokens'))}")
    for field, value in shown.items():
        click.echo(f"{field + ':':<21} {value}")
    for intent, score in sorted(match.scores.items(), key=lambda kv: -kv[1]):
        click.echo(f"  {score:5.1f}  {intent}")
    click.echo(f"chosen:   {match.intent} (carried from conversation: {match.carried or 'nothing'})")


@main.command()
@click.argument("questions", nargs=-1)
@click.option("--topic", "topics", multiple=True, metavar="NAME",
              help="Add a topic pack, by id or label (e.g. hate-crime); may be repeated.")
@click.option("--title", default=None, help="The briefing's title.")
@click.option("--load", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Start from a saved briefing (FILE.json), adding any questions and topics.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: FILE.md (Markdown), FILE.docx (Word), FILE.pdf (PDF) or "
                   "FILE.json (to open again with --load or on the Briefing page).")
@friendly_errors
def brief(questions, topics, title, load, out):
    """Write a briefing from questions (one conversation) and topic packs, as in the app."""
    if out.suffix.lower() not in WRITERS:
        raise click.BadParameter("the file must end in .md, .docx, .pdf or .json.",
                                 param_hint="--out")
    if not questions and not topics and not load:
        names = ", ".join(p.id for p in briefing.topic_packs())
        raise click.UsageError("Give at least one question, --topic NAME or --load FILE "
                               f"(topics: {names}).")
    try:
        made = _briefing(questions, topics, title, load)
    except BriefingError as error:
        raise click.ClickException(str(error)) from None
    for item in made.answers:
        if item.answer.status == Status.no_answer:
            click.echo(f"Note: the plan does not answer “{item.question}”; the briefing says so.",
                       err=True)
    document = WRITERS[out.suffix.lower()](made)
    if isinstance(document, str):
        out.write_text(document, encoding="utf-8")
    else:
        out.write_bytes(document)
    count = len(made.answers)
    click.echo(f"Wrote {out}: {count} answer{'' if count == 1 else 's'} from the "
               f"{', '.join(made.plans)}.")


def _briefing(questions, topics, title, load) -> briefing.Briefing:
    """A new briefing, or a saved one with the questions' and packs' answers added to it."""
    packs = [briefing.find_pack(name) for name in topics]
    assistant = Assistant()
    if not load:
        return briefing.from_questions(assistant, questions, packs=packs,
                                       title=title or _brief_title(packs))
    made = briefing.from_json(load.read_bytes(), name=str(load))
    for question in questions:
        made.add_answer(question, assistant.ask(question))
    for pack in packs:
        briefing.add_pack(made, pack, Assistant(assistant.engine))
    made.title = title or made.title
    return made


def _brief_title(packs) -> str:
    return "Briefing: " + ", ".join(p.label for p in packs) if packs else briefing.DEFAULT_TITLE


@main.command()
@click.option("--knowledge", "root", type=click.Path(path_type=Path), default=knowledge.DEFAULT_ROOT,
              help="The knowledge folder.")
@click.option("--db", type=click.Path(path_type=Path), default=store.DEFAULT_DB,
              help="Where to write the database.")
@friendly_errors
def build(root, db):
    """Validate knowledge/ and build the SQLite database from it."""
    kb = knowledge.load(root)
    path = store.build(kb, db)
    figures = sum(len(p.figures) for p in kb.plans)
    click.echo(f"Built {path} from {len(kb.plans)} plan(s): {figures} figures.")


@main.command()
@click.option("--knowledge", "root", type=click.Path(path_type=Path), default=knowledge.DEFAULT_ROOT,
              help="The knowledge folder.")
@click.option("--db", type=click.Path(path_type=Path), default=store.DEFAULT_DB,
              help="The database the app answers from.")
@click.option("--server", metavar="URL", default=None,
              help="Also require this URL (the app's /_stcore/health) to answer 'ok'.")
def check(root, db, server):
    """Exit 0 if the app answers from its current, valid knowledge; 1 if not (health checks)."""
    found = health.check(root, db)
    problems = [found.problem, found.knowledge_error]
    if server:
        problems.append(_server_problem(server))
    problems = [p for p in problems if p]
    if problems:
        click.echo("Unhealthy: " + "\n".join(problems), err=True)
        sys.exit(1)
    click.echo(f"Healthy: answering from {db}, built from the current knowledge files.")


def _server_problem(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            body = response.read(100).decode("utf-8", errors="replace").strip()
    except OSError as error:
        return f"The server at {url} does not answer: {error}"
    return None if body == "ok" else f"The server at {url} answered {body!r}, not 'ok'."


@main.command("eval")
@click.argument("cases", type=click.Path(exists=True, path_type=Path))
@click.option("--min", "minimum", type=float, default=0.0, help="Exit 1 below this accuracy.")
@friendly_errors
def eval_(cases, minimum):
    """Score a question set (JSON Lines, as in shared/eval/dev.jsonl, optional 'intent')."""
    report = evaluate.run(evaluate.load_cases(cases), Assistant())
    for outcome in report.outcomes:
        if outcome.problems:
            click.echo(f"FAIL {outcome.case.id} {outcome.case.turns} -> {outcome.intent}")
            click.echo(f"     {'; '.join(outcome.problems)}")
    click.echo("\naccuracy by tag:")
    for tag, (ok, total) in report.by_tag().items():
        click.echo(f"  {tag:<18} {ok:>3}/{total}")
    confusion = report.confusion()
    if confusion:
        click.echo("\nexpected intent -> matched intent (count):")
        for (expected, got), count in sorted(confusion.items()):
            mark = "" if expected == got else "   <-- confused"
            click.echo(f"  {expected:<14} -> {got:<14} {count}{mark}")
    click.echo(f"\naccuracy {report.accuracy:.3f} ({sum(not o.problems for o in report.outcomes)}"
               f"/{len(report.outcomes)})")
    sys.exit(0 if report.accuracy >= minimum else 1)
