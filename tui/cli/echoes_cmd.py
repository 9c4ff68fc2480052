"""`borderbrief echoes [--json]`: articles that repeat or cite another, and coverage by origin."""

from __future__ import annotations

import click

from ..echoes import find_echoes, origins_by_entity
from ..safetext import one_line
from .render import print_json, say
from .session import Session


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def echoes(session: Session, as_json: bool) -> None:
    """Articles that repeat an earlier article's sentences or cite their source, and for
    each entity how many articles mention it and how many independent origins they rest on."""
    briefing = session.briefing
    found = find_echoes(briefing)
    origins = origins_by_entity(briefing)
    if as_json:
        print_json({"echoes": [e.to_json() for e in found.values()],
                    "entities": [{"entity": e, "articles": a, "origins": o} for e, (a, o) in sorted(origins.items())]})
        return
    for echo in found.values():
        parts = [f"repeats {one_line(a)} ({n} sentences)" for a, n in echo.repeats.items()]
        parts += [f"cites {one_line(c)}" for c in echo.cites]
        say(f"{one_line(echo.article_id)}: {'; '.join(parts)}")
    fewer = [(e, a, o) for e, (a, o) in sorted(origins.items()) if o < a]
    for entity, articles, independent in fewer:
        say(f"{one_line(briefing.briefs[entity].name)}: {articles} articles, {independent} independent origins")
    say(f"{len(found)} echo(es); {len(fewer)} entit(ies) with fewer origins than articles", err=True)
