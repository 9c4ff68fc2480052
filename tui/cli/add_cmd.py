"""`borderbrief add FILE…`: the one command that writes into corpus/."""

from __future__ import annotations

import sys

import click

from ..ingest import IngestError, Overrides, add_article, read_input
from ..safetext import one_line
from ..ledger import article_figures
from ..unbriefed import unbriefed_names
from .figures_cmd import figure_line
from .render import print_json, say
from .session import Session, warn


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE…")
@click.option("--title", help="Title (else from the file: front matter, <title>, first line).")
@click.option("--outlet", help="Outlet (else from the page's site name).")
@click.option("--published", metavar="DATE", help="YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--author")
@click.option("--url", help="Canonical url, http(s) only.")
@click.option("--json", "as_json", is_flag=True, help="Print what was added as JSON.")
@click.pass_obj
def add(session: Session, files: tuple[str, ...], title, outlet, published, author, url, as_json: bool) -> None:
    """Add articles from Markdown, plain text or saved HTML pages (`-` reads standard input).

    Each becomes corpus/<id>.md with front matter; the id comes from date, outlet and title.
    The same text already in the corpus is not added twice. The index is synced after.
    Exit status: 0 when every file was added or already present, 1 when any failed.
    """
    from ..workspace import Workspace

    workspace = Workspace.load(session.root)
    overrides = Overrides(title=title, outlet=outlet, published=published, author=author, url=url)
    if len(files) > 1 and (title or url):
        raise click.UsageError("--title and --url describe one article: give one FILE with them")
    added, failed = [], 0
    for source in files:
        try:
            data, name = read_input(source, sys.stdin.buffer)
            result = add_article(workspace, data, name, overrides)
        except IngestError as err:
            warn(str(err))
            failed += 1
            continue
        added.append(result)
    briefing = session.reload()
    new_ids = [a.article_id for a in added if a.article_id]
    if new_ids:
        session.synced_index()
    report = []
    for result in added:
        if result.article_id is None:
            entry = {"source": result.source, "duplicate_of": result.duplicate_of}
        else:
            mentions = briefing.mentions.get(result.article_id, [])
            entities = sorted({m.entity_id for m in mentions})
            names_here = [n for n in unbriefed_names(briefing) if result.article_id in n.articles]
            unbriefed = [n.name for n in names_here if not n.probably]
            probably = {n.name: n.probably for n in names_here if n.probably}
            article = briefing.articles.get(result.article_id)
            found = [r for r in article_figures(briefing, article) if r.kind not in ("count", "other")] if article else []
            entry = {"source": result.source, "id": result.article_id, "path": str(result.path),
                     "published": article.published.iso() if article and article.published else None,
                     "entities": entities, "unbriefed": unbriefed, "probably": probably,
                     "figures": [r.to_json() for r in found], "_figures": found}
        report.append(entry)
    if as_json:
        print_json([{k: v for k, v in entry.items() if not k.startswith("_")} for entry in report])
    else:
        for entry in report:
            if "duplicate_of" in entry:
                say(f"{one_line(entry['source'])}: already in the corpus as {entry['duplicate_of']}; not added again")
                continue
            say(f"added {entry['id']}")
            names = [briefing.briefs[e].name for e in entry["entities"]]
            say(f"  mentions: {one_line(', '.join(names)) if names else 'no briefed entity'}")
            if entry["unbriefed"]:
                say(f"  no brief yet: {one_line(', '.join(entry['unbriefed']))}")
            for name, entity_id in entry["probably"].items():
                say(f"  {one_line(name)}: probably {one_line(briefing.briefs[entity_id].name)} ({entity_id})")
            if entry["_figures"]:
                say(f"  figures ({len(entry['_figures'])}):")
                for record in entry["_figures"]:
                    say("    " + figure_line(record))
    raise SystemExit(1 if failed else 0)
