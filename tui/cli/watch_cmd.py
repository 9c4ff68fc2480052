"""`borderbrief watch add|list|remove|check`: saved searches that report what is new."""

from __future__ import annotations

import click

from ..safetext import one_line
from ..search import QueryError
from ..watches import WatchError, WatchStore, check_watches
from .render import print_json, say
from .session import Session, fail, warn


def _store() -> WatchStore:
    return WatchStore()


def _report_notices(store: WatchStore) -> None:
    for notice in store.notices:
        warn(notice)


@click.group()
def watch() -> None:
    """Saved searches (kept in your config dir) that report new matching articles."""


@watch.command("add")
@click.argument("name")
@click.argument("query", nargs=-1, required=True)
@click.pass_obj
def watch_add(session: Session, name: str, query: tuple[str, ...]) -> None:
    """Save QUERY as a watch called NAME."""
    text = " ".join(query)
    try:
        session.synced_index().parse(text)
    except QueryError as err:
        fail(f"bad query: {err}")
    store = _store()
    try:
        store.add(name, text)
    except WatchError as err:
        fail(str(err))
    say(f"watching '{one_line(name)}': {one_line(text)}")


@watch.command("list")
@click.option("--json", "as_json", is_flag=True)
def watch_list(as_json: bool) -> None:
    """List the watches."""
    store = _store()
    try:
        watches = store.load()
    except WatchError as err:
        fail(str(err), 1)
    _report_notices(store)
    if as_json:
        print_json([{"name": w.name, "query": w.query} for w in watches])
        return
    for w in watches:
        say(f"{one_line(w.name)}\t{one_line(w.query)}")
    if not watches:
        say("no watches yet: borderbrief watch add NAME QUERY", err=True)


@watch.command("remove")
@click.argument("name")
def watch_remove(name: str) -> None:
    """Remove the watch called NAME."""
    try:
        _store().remove(name)
    except WatchError as err:
        fail(str(err))
    say(f"removed '{one_line(name)}'")


@watch.command("check")
@click.option("--json", "as_json", is_flag=True)
@click.option("--peek", is_flag=True, help="Report without marking the new articles as seen.")
@click.pass_obj
def watch_check(session: Session, as_json: bool, peek: bool) -> None:
    """Print the articles each watch matches that are new since its last check, and mark them seen.

    Exit status 0 (new or not); 2 when a watch's query cannot run.
    """
    index = session.synced_index()
    briefing = session.briefing

    def search(query: str) -> list[str]:
        return [h.article_id for h in index.search(query, limit=None, kinds=("article",), fragments=0).hits]

    store = _store()
    try:
        reports = check_watches(store, session.root, search, mark=not peek)
    except WatchError as err:
        fail(str(err), 1)
    _report_notices(store)
    if as_json:
        print_json([{"watch": r.watch.name, "query": r.watch.query, "matches": r.matches, "error": r.error,
                     "new": [{"id": a, "title": briefing.articles[a].title, "outlet": briefing.articles[a].outlet,
                              "published": briefing.articles[a].published.iso() if briefing.articles[a].published else None}
                             for a in r.new if a in briefing.articles]} for r in reports])
    else:
        for r in reports:
            head = f"{one_line(r.watch.name)} ({one_line(r.watch.query)}): "
            if r.error:
                say(head + f"query error: {r.error}")
                continue
            say(head + (f"{len(r.new)} new of {r.matches}" if r.new else f"nothing new ({r.matches} match)"))
            for article_id in r.new:
                article = briefing.articles.get(article_id)
                if article:
                    date = article.published.iso() if article.published else "undated"
                    say(f"  {date}  {one_line(article.outlet or 'outlet unknown')}  {one_line(article.title)}  [{article_id}]")
        if not reports:
            say("no watches yet: borderbrief watch add NAME QUERY", err=True)
    if any(r.error for r in reports):
        raise SystemExit(2)
