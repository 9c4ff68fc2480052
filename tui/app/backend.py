"""The app's one door to the engine: load, search, sync, reload.

The UI holds a Backend and never touches Whoosh or YAML. Methods here block; screens call
them from thread workers. Searching and syncing use two SearchIndex objects over the same
directory, so a long sync never stalls a search of what is already indexed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from ..briefing import Briefing
from ..search import Hit, IndexBusy, SearchIndex, SearchResults, SyncReport


class Backend(Protocol):
    briefing: Briefing

    def browse(self, entity: str | None = None) -> SearchResults: ...
    def search(self, query: str, entity: str | None = None, limit: int | None = 200) -> SearchResults: ...
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
    def __init__(self, root: Path, index_dir: Path | None = None):
        self.root = root
        self.index_dir = index_dir
        self.briefing = Briefing.load(root)
        self._reader = SearchIndex(index_dir, workspace_root=root)
        self._writer = SearchIndex(index_dir, workspace_root=root)
        self._read_lock = threading.Lock()
        self.notice = self._reader.notice

    @property
    def index_ready(self) -> bool:
        with self._read_lock:
            return self._reader.exists()

    def browse(self, entity: str | None = None) -> SearchResults:
        """Every article (mentioning `entity`, if given), newest first; needs no index."""
        briefing = self.briefing
        allowed = set(briefing.articles_by_entity.get(entity, [])) if entity else None
        hits = [
            Hit(doc_id=a.id, kind="article", article_id=a.id, title=a.title, outlet=a.outlet,
                published=a.published.iso() if a.published else None, score=0.0)
            for a in briefing.workspace.articles_newest_first() if allowed is None or a.id in allowed
        ]
        return SearchResults("", hits, len(hits))

    def search(self, query: str, entity: str | None = None, limit: int | None = 200) -> SearchResults:
        if not query.strip():
            return self.browse(entity)
        with self._read_lock:
            return self._reader.search(query, limit=limit, entity=entity)

    def term_spans(self, query: str, text: str) -> list[tuple[int, int]]:
        with self._read_lock:
            return self._reader.term_spans(query, text)

    def sync(self, progress: Callable[[int, int], None] | None = None) -> SyncReport:
        try:
            report = self._writer.sync(self.briefing.search_documents(), progress=progress)
        except IndexBusy:
            return SyncReport(reason="busy")
        self._writer.close()
        if report.changed or report.rebuilt:
            with self._read_lock:
                self._reader.close()  # reopen on the next search: the directory may be new
        return report

    def reload(self) -> ReloadReport:
        old = self.briefing
        new = Briefing.load(self.root)
        articles = sum(1 for a in new.articles.values() if a.id not in old.articles
                       or old.articles[a.id].content_hash != a.content_hash)
        articles += sum(1 for aid in old.articles if aid not in new.articles)
        briefs = len(set(new.briefs) ^ set(old.briefs)) + sum(
            1 for b in new.briefs.values() if b.id in old.briefs and old.briefs[b.id] != b)
        self.briefing = new
        return ReloadReport(articles, briefs, len(new.workspace.problems), self.sync())
