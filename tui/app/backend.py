"""The app's one door to the engine: load, search, sync, reload.

The UI holds a Backend and never touches Whoosh or YAML. Methods here block; screens call
them from thread workers. Searching and syncing use two SearchIndex objects over the same
directory, so a long sync never stalls a search of what is already indexed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol, Sequence

from ..briefing import Briefing
from ..dispute_search import dispute_hits
from ..loadcache import CachedArticle, cache_dir, load_briefing, workspace_stamp
from ..queryexpand import expand_query
from ..queryhistory import QueryHistory
from ..watches import WatchReport, WatchStore, check_watches
from ..search import Hit, IndexBusy, QueryError, SearchBackend, SearchIndex, SearchResults, SyncReport
from ..searchhints import SearchHint, hits_counter, search_hints
from ..watches import WatchError

# What the UI may hold of the engine's stores comes from here, as does every error it
# catches from them (a contract in pyproject.toml: no other app module imports the index,
# the loaders or the writers).
__all__ = ["Backend", "EngineBackend", "ReloadReport", "Hit", "QueryError", "SearchResults", "SyncReport",
           "SearchHint", "WatchError", "WatchReport", "IngestError", "CurateError"]


def __getattr__(name: str):
    """The writers' errors, imported when first asked for: the writers' own imports (ruamel,
    the ledger's number reader) are not paid for at launch."""
    if name == "IngestError":
        from ..ingest import IngestError
        return IngestError
    if name == "CurateError":
        from ..curate import CurateError
        return CurateError
    raise AttributeError(name)

if TYPE_CHECKING:
    from ..ingest import Added

BROWSE_LIMIT = 200  # articles listed before a search (the panes say "200 of N")
HIGHLIGHT_FIRST = 25  # hits per kind given fragments at once (a page of results); highlight() does the others


class Backend(Protocol):
    briefing: Briefing
    query_history: QueryHistory

    def browse(self, entity: str | None = None, limit: int | None = BROWSE_LIMIT) -> SearchResults: ...
    def search(self, query: str, entity: str | None = None, limit: int | None = 200) -> SearchResults: ...
    def highlight(self, query: str, hits: Sequence[Hit]) -> list[Hit]: ...
    def suggest(self, query: str, entity: str | None = None,
                should_stop: Callable[[], bool] | None = None) -> list[SearchHint]: ...
    def term_spans(self, query: str, text: str) -> list[tuple[int, int]]: ...
    def sync(self, progress: Callable[[int, int], None] | None = None) -> SyncReport: ...
    def reload(self) -> "ReloadReport": ...


@dataclass
class ReloadReport:
    articles_changed: int
    briefs_changed: int
    problems: int
    sync: SyncReport | None


class EngineBackend:
    def __init__(self, root: Path, index_dir: Path | None = None,
                 progress: Callable[[str, int, int], None] | None = None):
        self.root = root
        self.index_dir = index_dir
        # The last complete load, as the parse cache kept it, without looking at every file:
        # the first screen comes up at once, and revalidate() (run first thing in the
        # background) reloads if a file changed since. The briefing's stamp was taken before
        # its files were read: never newer than what was read, so an index synced under it is
        # never taken for more current than it is.
        self.briefing = load_briefing(root, cache_dir(root, index_dir), trust_snapshot=True, progress=progress)
        self._loaded = (self.briefing, self.briefing.source_stamp)  # one attribute: a sync reads both at once
        self._newest: tuple[Briefing, list] | None = None
        self._reader: SearchBackend = SearchIndex(index_dir, workspace_root=root)
        self._writer: SearchBackend = SearchIndex(index_dir, workspace_root=root)
        self._read_lock = threading.Lock()
        # Reload, sync, add and the inbox's writes change what the app holds: one at a time,
        # whichever worker asks (a cancelled Textual worker's thread still runs to its end).
        # Re-entrant because reload() and revalidate() sync.
        self._mutation_lock = threading.RLock()
        self.watches = WatchStore()
        self.query_history = QueryHistory()  # the queries asked, in the user's state dir
        self.notice = self._reader.notice

    @property
    def index_ready(self) -> bool:
        with self._read_lock:
            return self._reader.exists()

    def browse(self, entity: str | None = None, limit: int | None = BROWSE_LIMIT) -> SearchResults:
        """The newest `limit` articles (mentioning `entity`, if given), and how many there
        are; needs no index. A list of tens of thousands of rows helps nobody and takes
        seconds to lay out, so the panes show the newest and the count."""
        briefing = self.briefing
        if self._newest is None or self._newest[0] is not briefing:
            self._newest = (briefing, briefing.workspace.articles_newest_first())
        articles = self._newest[1]
        if entity:
            allowed = set(briefing.articles_by_entity.get(entity, []))
            articles = [a for a in articles if a.id in allowed]
        shown = articles if limit is None else articles[:limit]
        hits = [
            Hit(doc_id=a.id, kind="article", article_id=a.id, title=a.title, outlet=a.outlet,
                published=a.published.iso() if a.published else None, score=0.0)
            for a in shown
        ]
        return SearchResults("", hits, len(articles))

    def search(self, query: str, entity: str | None = None, limit: int | None = 200) -> SearchResults:
        if not query.strip():
            return self.browse(entity, limit=min(limit or BROWSE_LIMIT, BROWSE_LIMIT))
        # A word naming a briefed entity also finds its aliases (Rajin finds Najin).
        expanded = expand_query(self.briefing, query)
        with self._read_lock:
            results = self._reader.search(expanded, limit=limit, entity=entity, highlight=HIGHLIGHT_FIRST)
        disputes = dispute_hits(self.briefing, query, entity)  # after the articles and claims
        return replace(results, query=query, hits=results.hits + disputes, total=results.total + len(disputes))

    def suggest(self, query: str, entity: str | None = None,
                should_stop: Callable[[], bool] | None = None) -> list[SearchHint]:
        """What to try when `query` found nothing (near spellings, a filter or word dropped,
        the entity filter cleared), each with how many it finds; nothing if `should_stop()`
        turns true first."""
        def search(text: str, **options) -> SearchResults:
            with self._read_lock:
                return self._reader.search(text, **options)

        return search_hints(query, self.briefing, hits_counter(search, self.briefing), entity, should_stop)

    def highlight(self, query: str, hits: Sequence[Hit]) -> list[Hit]:
        """Fragments for hits a search left without (those past the first HIGHLIGHT_FIRST)."""
        expanded = expand_query(self.briefing, query)
        with self._read_lock:
            return self._reader.highlight(expanded, hits)

    def term_spans(self, query: str, text: str) -> list[tuple[int, int]]:
        expanded = expand_query(self.briefing, query)
        with self._read_lock:
            return self._reader.term_spans(expanded, text)

    def revalidate(self) -> "ReloadReport | None":
        """If the briefing came from the cache's snapshot unchecked, check it now: reload
        (and sync) when a file changed since, and say so; None when it was current."""
        with self._mutation_lock:
            briefing = self.briefing
            if getattr(briefing, "verified", True):
                return None
            if workspace_stamp(self.root) == briefing.source_stamp:
                briefing.verified = True
                return None
            return self.reload()

    def sync(self, progress: Callable[[int, int], None] | None = None) -> SyncReport:
        with self._mutation_lock:
            try:
                briefing, stamp = self._loaded
                report = self._writer.sync(briefing.search_documents, progress=progress, source_stamp=stamp)
            except IndexBusy:
                return SyncReport(reason="busy")
            self._writer.close()
            if report.changed or report.rebuilt:
                with self._read_lock:
                    self._reader.close()  # reopen on the next search: the directory may be new
            return report

    # -- watches: saved searches in the user's config dir -----------------------------------------
    def watch_reports(self, *, mark: bool = False, names: list[str] | None = None) -> list[WatchReport]:
        """What each watch matches that it has not seen; marks them seen only when asked."""
        def articles(query: str) -> list[str]:
            with self._read_lock:
                results = self._reader.search(query, limit=None, kinds=("article",), fragments=0)
            return [h.article_id for h in results.hits]

        return check_watches(self.watches, self.root, articles, mark=mark, names=names)

    # -- the curator's inbox (tui/curate.py: the one write under briefs/ besides add and init) --
    def inbox(self, article_id: str):
        from ..curate import inbox_for

        return inbox_for(self.briefing, article_id)

    def append_claim(self, candidate):
        with self._mutation_lock:
            from ..curate import append_claim

            return append_claim(self.briefing, candidate)

    def undo_append(self, appended) -> None:
        with self._mutation_lock:
            from ..curate import undo

            undo(appended)

    def add_file(self, path: Path) -> "Added":
        """Add an article from a file (the same code path as `borderbrief add`)."""
        with self._mutation_lock:
            from ..ingest import add_article, read_input  # HTML extraction loads only when used

            data, name = read_input(str(path))
            return add_article(self.briefing.workspace, data, name)

    def reload(self) -> ReloadReport:
        with self._mutation_lock:
            old = self.briefing
            new = load_briefing(self.root, cache_dir(self.root, self.index_dir))
            stamp = getattr(new, "source_stamp", None)
            # Articles the cache gave back unchanged need no comparing (it would read every body).
            fresh = [a for a in new.articles.values() if not isinstance(a, CachedArticle)]
            articles = sum(1 for a in fresh if a.id not in old.articles
                           or old.articles[a.id].content_hash != a.content_hash)
            articles += sum(1 for aid in old.articles if aid not in new.articles)
            briefs = len(set(new.briefs) ^ set(old.briefs)) + sum(
                1 for b in new.briefs.values() if b.id in old.briefs and old.briefs[b.id] != b)
            self._loaded = (new, stamp)
            self.briefing = new
            return ReloadReport(articles, briefs, len(new.workspace.problems), self.sync())
