"""`borderbrief show ID`: an article, a brief, a claim or a dispute."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..article_header import article_header
from ..briefing import Briefing
from ..compare import compare_dispute
from ..dates import PartialDate
from .render import console, line, plain, print_json
from .session import Session, fail

SITE_STYLE, ACTOR_STYLE, QUOTE_STYLE = "bold green", "bold blue", "black on #e5c07b"
HEADER_STYLES = {"title": "bold", "outlet": "cyan", "unknown": "dim", "date": "", "sep": "", "author": "",
                 "url": "underline", "note": "dim"}


@click.command()
@click.argument("item_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the loaded object as JSON.")
@click.pass_obj
def show(session: Session, item_id: str, as_json: bool) -> None:
    """Show an article (mentions marked), a brief (claims and disputes), a claim or a dispute."""
    briefing = session.briefing
    out = console()
    if item_id in briefing.articles:
        article = briefing.articles[item_id]
        if as_json:
            data = _plain(article) | {"mentions": [_plain(m) for m in briefing.mentions.get(item_id, [])],
                                      "claims": [c.id for c in briefing.claims_from(item_id)]}
            print_json(data)
            return
        _show_article(out, briefing, item_id)
    elif item_id in briefing.briefs:
        brief = briefing.briefs[item_id]
        if as_json:
            print_json(_plain(brief) | {"mentions": briefing.mention_counts.get(item_id, 0),
                                        "articles": briefing.articles_by_entity.get(item_id, []),
                                        "disputes": [d.id for d in briefing.disputes_with(item_id)]})
            return
        _show_brief(out, briefing, item_id)
    elif item_id in briefing.claims:
        claim = briefing.claims[item_id]
        if as_json:
            print_json(_plain(claim) | {"disputes": [d.id for d in briefing.disputes_with(item_id)]})
            return
        _show_claims(out, briefing, [claim])
    elif item_id in briefing.disputes:
        if as_json:
            print_json(compare_dispute(briefing, briefing.disputes[item_id]).to_json())
            return
        from .compare_cmd import _print_dispute

        _print_dispute(out, compare_dispute(briefing, briefing.disputes[item_id]))
    else:
        fail(f"no article, brief, claim or dispute with id '{item_id}'")


def _plain(obj) -> dict:
    """A dataclass as JSON-ready data: paths as text, dates in ISO form, no line maps."""
    def convert(value):
        if isinstance(value, PartialDate):
            return value.iso()
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, dict):
            return {str(k): convert(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [convert(v) for v in value]
        return value

    data = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.name != "lines"}
    out = {}
    for key, value in data.items():
        if dataclasses.is_dataclass(value) and not isinstance(value, PartialDate):
            value = _plain(value)
        elif isinstance(value, list) and value and dataclasses.is_dataclass(value[0]) and not isinstance(value[0], PartialDate):
            value = [_plain(v) for v in value]
        out[key] = convert(value)
    return out


def _date(date: PartialDate | None) -> str:
    return date.iso() if date else "undated"


def _show_article(out, briefing: Briefing, article_id: str) -> None:
    article = briefing.articles[article_id]
    head = Text("\n").join(
        Text.assemble(*(part.text if part.role == "sep" else line(part.text, HEADER_STYLES[part.role]) for part in parts))
        for parts in article_header(article))
    out.print(Panel(head, title=article.id, title_align="left"))
    body = plain(article.body)
    kinds = briefing.matcher.kinds
    for claim in briefing.claims_from(article_id):
        if claim.quote_span:
            body.stylize(QUOTE_STYLE, *claim.quote_span)
    for mention in briefing.mentions.get(article_id, []):
        body.stylize(SITE_STYLE if kinds.get(mention.entity_id) == "site" else ACTOR_STYLE, mention.start, mention.end)
    out.print(body)
    legend = Text.assemble(("site", SITE_STYLE), "  ", ("actor", ACTOR_STYLE), "  ", ("claim quote", QUOTE_STYLE))
    out.print(legend)


def _show_brief(out, briefing: Briefing, brief_id: str) -> None:
    brief = briefing.briefs[brief_id]
    head = Text()
    head.append_text(line(brief.name, "bold"))
    head.append(f"  {brief.kind} · {brief.type}" + (f" · {brief.country}" if brief.country else ""), style="dim")
    if brief.location:
        head.append(f"\n{brief.location.lat:.3f}, {brief.location.lon:.3f}", style="dim")
    if brief.aliases:
        head.append("\nAlso: ", style="dim")
        head.append_text(line(", ".join(brief.aliases)))
    if brief.related:
        head.append("\nRelated: ", style="dim")
        head.append_text(line(", ".join(briefing.briefs[r].name if r in briefing.briefs else r for r in brief.related)))
    count = briefing.mention_counts.get(brief_id, 0)
    head.append(f"\n{count} mention(s) in {len(briefing.articles_by_entity.get(brief_id, []))} article(s)\n\n", style="dim")
    head.append_text(plain(" ".join(brief.summary.split())))
    out.print(Panel(head, title=brief.id, title_align="left"))
    if brief.claims:
        _show_claims(out, briefing, brief.claims)
    disputes = briefing.disputes_with(brief_id)
    if disputes:
        table = Table(title="Disputes it takes part in", expand=True, title_justify="left")
        table.add_column("Dispute", no_wrap=True)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Question", ratio=3)
        for dispute in disputes:
            table.add_row(line(dispute.id), dispute.kind, line(dispute.question))
        out.print(table)


def _show_claims(out, briefing: Briefing, claims) -> None:
    table = Table(title="Claims", expand=True, show_lines=True, title_justify="left")
    table.add_column("Claim", ratio=2)
    table.add_column("Value", no_wrap=True)
    table.add_column("Source", ratio=1)
    table.add_column("Quote", ratio=3)
    for claim in claims:
        article = briefing.articles.get(claim.source)
        source = Text.assemble(line(article.outlet if article and article.outlet else "outlet unknown", "cyan"),
                               "\n", _date(article.published if article else None), "\n", (claim.source, "dim"))
        value = claim.value_text() + (f"\nas of {claim.as_of.iso()}" if claim.as_of else "")
        table.add_row(Text.assemble(line(claim.says), "\n", (claim.id, "dim")), value, source, plain(f"“{claim.quote}”"))
    out.print(table)
