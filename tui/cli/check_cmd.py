"""`borderbrief check`."""

from __future__ import annotations

import click

from ..checks import duplicate_bodies
from ..safetext import one_line
from .render import print_json, say
from .session import Session


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON.")
@click.pass_obj
def check(session: Session, as_json: bool) -> None:
    """Validate the corpus and the briefs: one `path:line: message` per problem.

    Exit status 0 when clean, 1 when there are problems.
    """
    briefing = session.briefing
    problems = sorted(briefing.workspace.problems + duplicate_bodies(briefing.workspace),
                      key=lambda p: (str(p.path), p.line or 0, p.message))
    root = briefing.root
    if as_json:
        print_json([{"path": p.location(root).rsplit(":", 1)[0] if p.line else p.location(root),
                     "line": p.line, "message": p.message} for p in problems])
    else:
        for problem in problems:
            say(one_line(problem.format(root)))
        ws = briefing.workspace
        framing = sum(not d.is_conflict for d in ws.disputes.values())
        summary = (f"{len(ws.articles)} articles, {len(ws.briefs)} briefs, {len(briefing.claims)} claims, "
                   f"{len(ws.disputes) - framing} disputes" + (f", {framing} framing comparisons" if framing else "") + ": ")
        summary += f"{len(problems)} problem(s)" if problems else "no problems"
        say(summary, err=True)
    raise SystemExit(1 if problems else 0)
