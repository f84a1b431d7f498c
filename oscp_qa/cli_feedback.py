"""`oscp-qa feedback`: on the server, the same report staff see on the Staff page, and `purge`
to delete what is older than the retention period."""

from __future__ import annotations

import click

from .errors import OscpQaError
from .feedback import FeedbackStore, Report


def _store(purge: bool = True) -> FeedbackStore:
    try:
        return FeedbackStore(purge=purge)
    except (OscpQaError, ValueError) as error:
        raise click.ClickException(str(error)) from None


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def feedback(context, as_json):
    """Show the feedback report (the Staff page's): ratings, unknown words, sent questions."""
    if context.invoked_subcommand:
        return
    try:
        report = _store().report()
    except OscpQaError as error:
        raise click.ClickException(str(error)) from None
    click.echo(report.model_dump_json(indent=2) if as_json else render(report))


@feedback.command()
def purge():
    """Delete feedback older than the retention period (OSCP_QA_FEEDBACK_DAYS)."""
    store = _store(purge=False)
    removed = store.purge()
    if removed is None:
        raise click.ClickException(f"Could not purge the feedback store ({store.where}); "
                                   "the log above says why.")
    click.echo(f"Removed {removed} row{'' if removed == 1 else 's'} older than "
               f"{store.kept_days} days from the {store.where}.")


def render(report: Report) -> str:
    """The report as plain text, in the Staff page's order. Visitors' words are printed as
    typed (after redaction), one per line, never interpreted."""
    lines = [f"Feedback in the {report.store}, kept {report.kept_days} days: {report.rows} rows.",
             f"Answers rated helpful: {report.ratings.up}; unhelpful: {report.ratings.down}.",
             "How questions were answered: " + ", ".join(
                 f"{status.replace('_', ' ')} {count}" for status, count in report.by_status.items()),
             "", "Words the assistant did not know:"]
    lines += [f"  {w.times:>4}  {w.word}" for w in report.unknown_words] or ["  none yet"]
    lines += ["", "Questions visitors sent to the team:"]
    lines += [f"  {s.asked_at.replace('T', ' ')[:16]}  {s.status:<9}  {s.question!r}"
              for s in report.sent] or ["  none yet"]
    return "\n".join(lines)
