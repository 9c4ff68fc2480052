"""`borderbrief compare [DISPUTE | --sources A B | --suggest]`."""

from __future__ import annotations

import click
from rich.columns import Columns
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..compare import compare_articles, compare_dispute, disputes_for, source_count_text, suggest_conflicts
from ..dates import PartialDate
from .render import console, line, marked, plain, print_json
from .session import Session, fail

QUOTE_STYLE = "bold black on #e5c07b"
FIGURE_STYLE = "bold magenta"


@click.command()
@click.argument("dispute", required=False)
@click.option("--sources", nargs=2, metavar="A B", help="Compare two articles, aligned on the entities they share.")
@click.option("--suggest", is_flag=True, help="Propose conflicts no dispute covers yet.")
@click.option("--limit", default=15, show_default=True, type=click.IntRange(1, 500), help="Most suggestions.")
@click.option("--entity", metavar="ID", help="List only disputes that touch this entity.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def compare(session: Session, dispute: str | None, sources: tuple[str, str] | None, suggest: bool, limit: int,
            entity: str | None, as_json: bool) -> None:
    """Where sources disagree, side by side.

    With no argument, list the disputes. With a dispute id, show its sources as columns,
    ordered by publication date, with the quote in its paragraph.
    """
    briefing = session.briefing
    out = console()
    if sources:
        for article_id in sources:
            if article_id not in briefing.articles:
                fail(f"unknown article '{article_id}' (see `borderbrief search \"\"`)")
        pair = compare_articles(briefing, *sources)
        if as_json:
            print_json(pair.to_json(briefing))
        else:
            _print_pair(out, briefing, pair)
        return
    if suggest:
        suggestions = suggest_conflicts(briefing, limit=limit)
        if as_json:
            print_json([s.to_json(briefing) for s in suggestions])
        else:
            _print_suggestions(out, briefing, suggestions)
        return
    if dispute:
        if dispute not in briefing.disputes:
            fail(f"unknown dispute '{dispute}' (run `borderbrief compare` to list them)")
        comparison = compare_dispute(briefing, briefing.disputes[dispute])
        if as_json:
            print_json(comparison.to_json())
        else:
            _print_dispute(out, comparison)
        return
    if entity and entity not in briefing.briefs:
        fail(f"unknown entity '{entity}'")
    comparisons = disputes_for(briefing, entity=entity)
    if as_json:
        print_json([c.to_json() for c in comparisons])
        return
    table = Table(title="Disputes", expand=True)
    table.add_column("Id", no_wrap=True, style="bold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Sources", justify="right")
    table.add_column("Question", ratio=3)
    for c in comparisons:
        kind = c.dispute.kind + (" (internal)" if c.dispute.internal else "")
        table.add_row(line(c.dispute.id), kind, str(c.source_count), line(c.dispute.question))
    out.print(table)


def _date(date: PartialDate | None) -> str:
    if date is None:
        return "undated"
    return date.iso() + ("" if date.precision == "day" else f" (to the {date.precision})")


def _print_dispute(out, comparison) -> None:
    d = comparison.dispute
    out.print(Text.assemble(("⚖ ", "bold red"), line(d.question, "bold"), (f"   {d.kind} · {source_count_text(comparison.source_count)}", "dim")))
    out.print(Panel(plain(" ".join(d.note.split())), title="Curator's note", title_align="left", border_style="dim"))
    panels = []
    for side in comparison.sides:
        claim, article = side.claim, side.article
        body = Text()
        if side.gap:
            body.append(f"+{side.gap} after the previous source\n", style="dim")
        body.append_text(line(article.outlet if article and article.outlet else "outlet unknown", "bold cyan"))
        body.append(f"\n{_date(side.published)}\n", style="dim")
        value = claim.value_text()
        if value:
            body.append("value: ")
            body.append_text(line(value, "bold red" if side.differs else "bold green"))
            body.append("  ≠ others\n" if side.differs else "\n", style="red")
        if claim.as_of:
            body.append(f"as of: {claim.as_of.iso()}\n")
        body.append_text(line(claim.says, "italic"))
        body.append("\n\n")
        if article and side.paragraph and claim.quote_span:
            start, end = side.paragraph
            qs, qe = claim.quote_span
            body.append_text(marked(article.body[start:end], [(qs - start, qe - start)], QUOTE_STYLE))
        else:
            body.append_text(marked(claim.quote, [(0, len(claim.quote))], QUOTE_STYLE))
        body.append(f"\n\n{claim.source} · {claim.id}", style="dim")
        panels.append(Panel(body, width=min(60, max(32, (out.width - 2) // max(1, len(comparison.sides)))), border_style="blue"))
    out.print(Columns(panels, equal=True, expand=False))


def _figures_marked(sentence) -> Text:
    return marked(sentence.text, [(f.start, f.end) for f in sentence.figures], FIGURE_STYLE)


def _print_pair(out, briefing, pair) -> None:
    def head(article) -> Text:
        return Text.assemble(line(article.outlet or "outlet unknown", "bold cyan"), " · ",
                             _date(article.published), "\n", line(article.title, "bold"))

    table = Table(title="Aligned on the entities both articles mention", expand=True, show_lines=True)
    table.add_column("Entity", ratio=1)
    table.add_column(head(pair.left), ratio=3)
    table.add_column(head(pair.right), ratio=3)
    for aligned in pair.shared:
        left = Text("\n").join(_figures_marked(s) for s in aligned.left)
        right = Text("\n").join(_figures_marked(s) for s in aligned.right)
        table.add_row(line(aligned.name, "green" if aligned.kind == "site" else "blue"), left, right)
    out.print(table)
    for label, ids in (("Only in " + pair.left.id, pair.only_left), ("Only in " + pair.right.id, pair.only_right)):
        names = ", ".join(briefing.briefs[i].name for i in ids) or "—"
        out.print(Text.assemble((f"{label}: ", "bold"), line(names)))


def _print_suggestions(out, briefing, suggestions) -> None:
    if not suggestions:
        out.print(Text("No unreviewed conflicts found.", style="dim"))
        return
    for rank, s in enumerate(suggestions, 1):
        table = Table(title=Text.assemble((f"{rank}. unreviewed · ", "bold yellow"),
                                          line(briefing.briefs[s.entity_id].name, "bold"), f" · {s.reason}"),
                      title_justify="left", expand=True, show_header=True)
        for article_id, sentence in (s.left, s.right):
            article = briefing.articles[article_id]
            table.add_column(Text.assemble(line(article.outlet or "outlet unknown", "cyan"), " · ", _date(article.published)), ratio=1)
        table.add_row(_figures_marked(s.left[1]), _figures_marked(s.right[1]))
        out.print(table)
    out.print(Text("`borderbrief compare --suggest --json` includes a dispute skeleton for each.", style="dim"))
