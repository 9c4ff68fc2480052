"""`borderbrief entities [--unbriefed]`."""

from __future__ import annotations

from collections import Counter

import click
from rich.table import Table
from rich.text import Text

from ..unbriefed import unbriefed_names
from .render import console, line, print_json, say
from .session import Session


@click.command()
@click.option("--unbriefed", is_flag=True, help="List capitalised names in the corpus that no brief covers.")
@click.option("--kind", type=click.Choice(["all", "site", "actor"]), default="all", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def entities(session: Session, unbriefed: bool, kind: str, as_json: bool) -> None:
    """Sites and actors with their mention counts per article."""
    briefing = session.briefing
    if unbriefed:
        names = unbriefed_names(briefing)
        if as_json:
            print_json([n.to_json() for n in names])
        else:
            for n in names:
                probably = f"  probably {line(briefing.briefs[n.probably].name).plain} ({n.probably})" if n.probably else ""
                say(f"{n.count:4d}  {line(n.name).plain}{probably}  ({', '.join(n.articles)})")
            new = sum(1 for n in names if not n.probably)
            say(f"{new} name(s) without a brief, {len(names) - new} probably a briefed entity", err=True)
        return
    per_article = {aid: Counter(m.entity_id for m in ms) for aid, ms in briefing.mentions.items()}
    rows = []
    for brief in sorted(briefing.briefs.values(), key=lambda b: (b.kind != "site", -briefing.mention_counts[b.id], b.name)):
        if kind != "all" and brief.kind != kind:
            continue
        articles = {aid: c[brief.id] for aid, c in per_article.items() if c[brief.id]}
        rows.append((brief, articles))
    if as_json:
        print_json([{"id": b.id, "kind": b.kind, "type": b.type, "name": b.name,
                     "mentions": sum(a.values()), "articles": a} for b, a in rows])
        return
    table = Table(expand=True)
    table.add_column("Entity")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Mentions", justify="right")
    table.add_column("Articles (mentions)", ratio=3)
    for brief, articles in rows:
        where = ", ".join(f"{aid} ({n})" for aid, n in sorted(articles.items(), key=lambda kv: -kv[1]))
        table.add_row(Text.assemble(line(brief.name, "bold"), Text(f"  {brief.id}", "dim")),
                      f"{brief.kind}/{brief.type}", str(sum(articles.values())), line(where))
    console().print(table)
