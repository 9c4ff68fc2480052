"""`borderbrief search QUERY`."""

from __future__ import annotations

import shlex
from dataclasses import replace
from functools import partial

import click
from rich.table import Table
from rich.text import Text

from ..safetext import one_line
from ..dispute_search import dispute_hits
from ..queryexpand import expand_query
from ..searchhints import hits_counter, search_hints
from ..search import IndexDamaged, QueryError
from .render import console, line, marked, print_json, say
from .session import Session, fail

# Disputes are not in the index: a plain query is matched against their questions and
# measures (tui/dispute_search.py) and they come after the articles and claims.
KINDS = {"all": ("article", "claim", "dispute"), "article": ("article",), "claim": ("claim",), "dispute": ("dispute",)}


class QueryCommand(click.Command):
    """A command whose words are a query: a query may start with '-' (NOT), so an unknown
    option is more likely a query word, and the error says how to pass it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # the parser consumes `args`
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as err:
            word = next((a for a in given if a.startswith("-") and a.startswith(err.option_name)), err.option_name)
            err.message = (f"no such option {err.option_name!r}; to search for a query that starts with '-', "
                           f"put it after --: borderbrief {ctx.info_name} -- {one_line(word, 80)}")
            raise


@click.command(cls=QueryCommand)
@click.argument("query", nargs=-1)
@click.option("--limit", "-n", default=20, show_default=True, type=click.IntRange(1, 10000), help="Most hits to show.")
@click.option("--kind", type=click.Choice(list(KINDS)), default="all", show_default=True,
              help="Articles, claims, disputes (their questions and measures) or all.")
@click.option("--entity", metavar="ID", help="Only documents that mention this site or actor.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of hits.")
@click.pass_obj
def search(session: Session, query: tuple[str, ...], limit: int, kind: str, entity: str | None, as_json: bool) -> None:
    """Search articles and claims.

    Whoosh query syntax: words (stemmed: `bridges` finds `bridge`), AND / OR / NOT (or -word),
    "exact phrases", wildcards (`rail*`), and fields: title:, body:, outlet:hankyoreh,
    published:2016, published:[2020 TO 2026], site:sinuiju, actor:kotra, kind:claim.

    Exit status: 0 when something matched, 1 when nothing did, 2 on a bad query.
    """
    text = " ".join(query)
    index = session.synced_index()
    if entity and entity not in session.briefing.briefs:
        fail(f"unknown entity '{entity}' (see `borderbrief entities`)")
    expanded = expand_query(session.briefing, text)
    try:
        try:
            results = index.search(expanded, limit=limit, kinds=KINDS[kind], entity=entity)
        except IndexDamaged:  # damage the sync could not see: rebuilt now, searched again
            results = session.resynced_index().search(expanded, limit=limit, kinds=KINDS[kind], entity=entity)
        results = replace(results, query=text)  # say what the person typed, not its expansion
    except IndexDamaged as err:
        fail(str(err), 1)
    except QueryError as err:
        fail(f"bad query: {err}")
    if "dispute" in KINDS[kind]:
        disputes = dispute_hits(session.briefing, text, entity)
        results = replace(results, hits=results.hits + disputes, total=results.total + len(disputes))
    # The index limits each kind; --limit is the most hits shown in all (articles come first).
    results = replace(results, hits=results.hits[:limit])
    if as_json:
        print_json([hit.to_json() for hit in results.hits])
    else:
        _print_table(results)
    if results.notice:
        say(f"borderbrief: {results.notice}", err=True)
    if not results.hits and text.strip():
        _say_what_to_try(session, index, text, KINDS[kind], entity)
    raise SystemExit(0 if results.hits else 1)


def _say_what_to_try(session: Session, index, text: str, kinds, entity: str | None) -> None:
    """On standard error, so --json output stays a plain (empty) array."""
    count = hits_counter(partial(index.search, kinds=kinds), session.briefing)
    for hint in search_hints(text, session.briefing, count, entity):
        scope = "" if hint.clears_entity or entity is None else f" --entity {shlex.quote(entity)}"
        say(f"borderbrief: try: borderbrief search{scope} -- {shlex.quote(one_line(hint.query))}"
            f"  ({hint.hits} result(s); {one_line(hint.why)})", err=True)


def _print_table(results) -> None:
    out = console()
    if not results.hits:
        out.print(Text(f"No matches for {results.query!r}.", style="dim"))
        return
    table = Table(show_lines=True, expand=True, title_justify="left",
                  title=Text(f"{len(results.hits)} of {results.total} match(es) for ") + line(results.query, "bold"))
    table.add_column("Date", no_wrap=True, width=10)
    table.add_column("Outlet", ratio=1, overflow="fold")
    table.add_column("Title / matching text", ratio=4)
    for hit in results.hits:
        cell = Text()
        if hit.kind == "claim":
            cell.append("claim  ", style="magenta")
        elif hit.kind == "dispute":
            cell.append("dispute  ", style="red")
        cell.append_text(line(hit.title, "bold"))
        for fragment in hit.fragments:
            cell.append("\n… ")
            cell.append_text(marked(fragment.text, fragment.marks))
            cell.append(" …")
        table.add_row(line(hit.published or "—"), line(hit.outlet or "—", "cyan"), cell)
    out.print(table)
