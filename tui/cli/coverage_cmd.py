"""`borderbrief coverage`: which outlets report on which entities; single-source flags."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from ..coverage import build_coverage
from .render import console, line, print_json
from .session import Session


@click.command()
@click.option("--by", type=click.Choice(["outlet", "country"]), default="outlet", show_default=True,
              help="Columns: outlets, or the countries they come from.")
@click.option("--kind", type=click.Choice(["site", "actor", "all"]), default="site", show_default=True,
              help="Rows: sites, actors or both.")
@click.option("--json", "as_json", is_flag=True, help="Print the matrix and the single-source list as JSON.")
@click.pass_obj
def coverage(session: Session, by: str, kind: str, as_json: bool) -> None:
    """Articles per entity and outlet, and the entities that rest on a single source."""
    briefing = session.briefing
    matrix = build_coverage(briefing, None if kind == "all" else kind)
    if as_json:
        print_json(matrix.to_json(briefing, by))
        return
    columns = matrix.columns(by)
    table = Table(title=f"Coverage: articles mentioning each {'entity' if kind == 'all' else kind}, by {by}", expand=False)
    table.add_column("Entity", no_wrap=True)
    for key, name, country in columns:
        header = line(name, "bold", limit=40)
        if by == "outlet":
            header.append("\n")
            header.append(country if country != "??" else "country ?", style="dim")
        table.add_column(header, justify="right")
    table.add_column("Flag", no_wrap=True)
    for entity_id in matrix.rows:
        cells = []
        for key, _, _ in columns:
            n = matrix.cell(entity_id, key, by)
            cells.append(Text(str(n) if n else "·", style="bold green" if n >= 3 else "green" if n else "dim"))
        flag = matrix.flag(entity_id)
        table.add_row(line(briefing.briefs[entity_id].name, limit=40), *cells,
                      Text(flag or "", style="bold yellow" if flag else ""))
    out = console()
    out.print(table)
    flagged = [briefing.briefs[e].name for e in matrix.rows if matrix.flag(e) == "single-source"]
    out.print(Text.assemble((f"{len(flagged)} single-source: ", "bold yellow"), line(", ".join(flagged) or "none")))
    out.print(Text("Articles without a known outlet are counted together under 'outlet unknown'.", style="dim"))
