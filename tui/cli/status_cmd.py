"""`borderbrief status`: the crossing board — each crossing's latest state by source."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from ..status_board import crossing_board, is_running
from .render import console, line, print_json
from .session import Session, fail


@click.command()
@click.argument("site", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the board (or the site's history) as JSON.")
@click.pass_obj
def status(session: Session, site: str | None, as_json: bool) -> None:
    """Every crossing, bridge, port, customs post, station and rail link: its latest state
    according to each source, as of when, and where sources disagree. With SITE, its whole
    dated history."""
    briefing = session.briefing
    rows = crossing_board(briefing)
    if site:
        rows = [r for r in rows if r.site_id == site]
        if not rows:
            fail(f"'{site}' is not a site on the crossing board (run `borderbrief status` to list them)")
    if as_json:
        print_json(rows[0].to_json() if site else [r.to_json() for r in rows])
        return
    out = console()
    table = Table(title="Crossing board: latest state by source" if not site else f"Status history: {rows[0].name}",
                  expand=True)
    table.add_column("Site", ratio=2)
    table.add_column("Source", ratio=2)
    table.add_column("State", no_wrap=True, min_width=20)
    table.add_column("As of", no_wrap=True, min_width=7)
    table.add_column("Claim", ratio=2, style="dim", overflow="fold")
    for row in rows:
        states = row.history if site else row.latest
        disputed = {s for d in row.disagreements for s in (d.first, d.second)}
        name = line(row.name, "bold", limit=40)
        if not states:
            table.add_row(name, Text("—", style="dim"), Text("no status recorded", style="dim"), "", "")
            continue
        for index, state in enumerate(states):
            source = line(state.source, limit=28)
            if state.published:
                source.append(f" {state.published.iso()}", style="dim")
            shown = Text(state.state, style="bold green" if is_running(state.state) else "yellow")
            if state in disputed:
                shown.append(" ≠", style="bold red")
            table.add_row(name if index == 0 else "", source, shown, state.as_of.iso(), line(state.claim_id))
    out.print(table)
    for row in rows:
        for d in row.disagreements:
            label = "inside one article" if d.internal else "sources disagree"
            out.print(Text.assemble(("≠ ", "bold red"), line(row.name, "bold"), f" ({label}) at {d.first.as_of.iso()}: ",
                                    line(f"{d.first.state} ({d.first.source})"), " vs ",
                                    line(f"{d.second.state} ({d.second.source})")))
    if not site:
        out.print(Text("States are anchored to claims; `borderbrief status SITE` lists a site's whole history.", style="dim"))
