"""`borderbrief figures [ARTICLE | --entity ID] [--json]`: the figure ledger."""

from __future__ import annotations

import click

from ..ledger import KIND_NAMES, FigureRecord, build_ledger
from ..safetext import one_line
from .render import print_json, say
from .session import Session, fail


def figure_line(record: FigureRecord) -> str:
    """One record as a line: value, what it measures, entity, date it is about, the words."""
    about = f" about {record.about.iso()}" if record.about and record.unit != "year" else ""
    design = " (planned/design)" if record.design else ""
    entity = record.entity or "no entity"
    return (f"{record.shown():>22}  {KIND_NAMES.get(record.kind, record.kind)}{design} · {entity}{about}"
            f"  “{one_line(record.text)}”")


@click.command()
@click.argument("article", required=False)
@click.option("--entity", metavar="ID", help="Only figures about this entity (articles and claims).")
@click.option("--all", "show_all", is_flag=True, help="Also plain counts and numbers of no known measure.")
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON.")
@click.pass_obj
def figures(session: Session, article: str | None, entity: str | None, show_all: bool, as_json: bool) -> None:
    """Every number in the articles and claims, read: value, unit, qualifier, what it
    measures, its entity and the date it is about."""
    briefing = session.briefing
    if article and article not in briefing.articles:
        fail(f"unknown article '{article}'")
    if entity and entity not in briefing.briefs:
        fail(f"unknown entity '{entity}'")
    records = build_ledger(briefing, [article] if article else None)
    if article:
        records = [r for r in records if r.article_id == article and not r.claim_id]
    if entity:
        records = [r for r in records if r.entity == entity]
    if not (show_all or as_json):
        records = [r for r in records if r.kind not in ("count", "other")]
    if as_json:
        print_json([r.to_json() for r in records])
        return
    current = None
    for record in records:
        source = record.source
        if source != current:
            say(one_line(source))
            current = source
        say("  " + figure_line(record))
    say(f"{len(records)} figure(s)", err=True)
