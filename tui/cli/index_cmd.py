"""`borderbrief index [--rebuild]`."""

from __future__ import annotations

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..search import IndexBusy
from .render import print_json, say
from .session import Session, fail


class _DocsPerSecond(TextColumn):
    def __init__(self):
        super().__init__("")

    def render(self, task):
        speed = task.finished_speed or task.speed
        return super().render(task) if speed is None else f"{speed:,.0f} docs/s"


@click.command()
@click.option("--rebuild", is_flag=True, help="Throw the index away and build it anew.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def index(session: Session, rebuild: bool, as_json: bool) -> None:
    """Bring the search index up to date (only changed documents are written)."""
    docs = session.briefing.search_documents()
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _DocsPerSecond(),
                  TimeElapsedColumn(), transient=True, disable=as_json) as progress:
        task = progress.add_task("indexing", total=None)

        def advance(done: int, total: int) -> None:
            # The writer processes finish their segments after the last document is handed over.
            progress.update(task, completed=done, total=total,
                            description="writing segments" if done >= total else "indexing")

        try:
            report = session.index.sync(docs, rebuild=rebuild, progress=advance, source_stamp=session.briefing_stamp)
        except IndexBusy as err:
            fail(str(err), 1)
    if as_json:
        print_json(report.to_json() | {"documents": len(docs)})
        return
    what = "rebuilt" if report.rebuilt else "synced"
    say(
        f"{what}: {len(docs)} documents; {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged"
        + (f" ({report.reason})" if report.reason and not rebuild else "")
    )
    say(f"index: {report.location}")
