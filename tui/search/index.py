"""SearchIndex: the index behind the narrow interface of tui/search/protocol.py.

It holds the open index, searcher, evaluator and query parser, and hands each job to its
module: where the index lives and its write lock (location.py), writing it (sync.py),
answering queries (searching.py, engine.py) and cutting fragments (highlight.py).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable, Sequence

from .analysis import build_schema
from .engine import Evaluator, Unsupported
from .highlight import term_spans, with_fragments
from .location import IndexBusy, IndexLocation, default_index_dir
from .query import check_expansion, every_document
from ..safetext import one_line
from .results import Hit, IndexDamaged, QueryError, SearchResults, SyncReport
from .scoring import LiveBM25F
from .searching import QueryParser, evaluated, is_empty_query, newest, search_kinds, whoosh_matched
from .sync import Documents, Progress, changed_behind_our_back, is_current, rebuild as rebuild_index, stored_fingerprints, update as update_index, write_stamp

__all__ = ["IndexBusy", "IndexDamaged", "SearchIndex", "default_index_dir"]

EMPTY = "the index is empty: run `borderbrief index`"


class SearchIndex:
    """Sync, search, highlight and term_spans over one Whoosh index directory."""

    def __init__(self, directory: Path | None = None, *, workspace_root: Path | None = None):
        if directory is None:
            if workspace_root is None:
                raise ValueError("SearchIndex needs a directory or a workspace root")
            directory = default_index_dir(workspace_root)
        self._location = IndexLocation(Path(directory))
        self._ix = None
        self._searcher = None
        self._evaluator: Evaluator | None = None
        self._parser = QueryParser()
        self._schema = build_schema()
        self._damaged: str | None = None  # a read failed: the next sync rebuilds
        self._folder_seen: tuple[int, int] | None = None  # the folder as it was when last found current

    @property
    def directory(self) -> Path:
        return self._location.directory

    @property
    def notice(self) -> str | None:
        return self._location.notice

    # -- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        """Let go of the open index and searcher; the next call opens what is there then."""
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._evaluator = None
        self._ix = None

    def _open(self):
        if self._ix is None:
            self._ix = self._location.open()
        return self._ix

    def exists(self) -> bool:
        try:
            return self._open() is not None
        except Exception:
            return False

    def _write_lock(self, timeout: float):
        return self._location.write_lock(timeout)

    # -- sync -----------------------------------------------------------------------------------
    def stored_fingerprints(self) -> dict[str, str]:
        """Key -> content hash of every live document (see sync.stored_fingerprints)."""
        ix = self._open()
        return {} if ix is None else stored_fingerprints(ix)

    def is_current(self, source_stamp: str | None) -> bool:
        """True when the index was last synced from sources with this stamp (see
        tui.loadcache.workspace_stamp) and nothing has written to it since."""
        try:
            return is_current(self._location, self._open(), source_stamp)
        except Exception:
            return False

    def sync(self, documents: Documents, *, rebuild: bool = False, progress: Progress | None = None,
             lock_timeout: float = 10.0, source_stamp: str | None = None) -> SyncReport:
        """Bring the index in line with the documents; write only what changed.

        `documents` may be a callable, called only when the work is needed: with a
        `source_stamp` that matches the last sync (and no write since), nothing is read.
        """
        with self._location.write_lock(lock_timeout):
            stale = self._location.remove_stale_builds()  # a rebuild killed before its swap
            reason = "asked for" if rebuild else self._damage()
            existing: dict[str, str] = {}
            if reason is None:
                try:
                    self.close()
                    if self._open() is None:
                        reason = "no index yet"
                    elif changed_behind_our_back(self._location, self._ix):
                        reason = "index files were changed since the last sync; rebuilt"
                    elif self.is_current(source_stamp):
                        return SyncReport(unchanged=self.document_count(), location=str(self.directory),
                                          reason=_removed(stale))
                    else:
                        existing = self.stored_fingerprints()
                except Exception as err:  # any unreadable index is a cache miss
                    reason = f"index unreadable ({type(err).__name__}); rebuilt"
            docs = {doc.doc_key: doc for doc in (documents() if callable(documents) else documents)}
            if reason is not None:
                self.close()
                report = rebuild_index(self._location, self._schema, docs, progress, in_place=reason == "no index yet")
                report.reason = reason
                self._damaged = None
            else:
                report = update_index(self._ix, docs, existing, progress, self._location)
            self.close()  # searches from now on see what was written
            write_stamp(self._location, self._open(), source_stamp)
            report.reason = report.reason or _removed(stale)
            return report

    def _damage(self) -> str | None:
        """Why the index must be rebuilt before it is read again, if it must."""
        if self._damaged:
            return f"index unreadable ({self._damaged}); rebuilt"
        directory = self._location.directory
        if (directory.exists() or directory.is_symlink()) and not directory.is_dir():
            return "the index folder had been replaced by a file; rebuilt"
        return None

    # -- search ---------------------------------------------------------------------------------
    def _get_searcher(self):
        ix = self._open()
        if ix is None:
            return None
        if self._searcher is None:
            self._searcher = ix.searcher(weighting=LiveBM25F())
            self._folder_seen = None
        else:
            folder = self._folder_signature()
            if folder is not None and folder == self._folder_seen:
                return self._searcher  # no file added or removed since the last look (one stat)
            try:
                current = self._searcher.up_to_date()  # one listing of the folder
            except Exception:
                current = True  # mid-swap elsewhere: the open searcher still reads its files
            if current:
                self._folder_seen = folder
            else:
                # A new searcher, not Searcher.refresh(): in whoosh-reloaded that adds the old
                # reader's segments to the new ones, so after another process synced an edit a
                # deleted word was still found and the edited article was listed twice. The
                # old searcher is not closed here: a search in another thread may be reading
                # it; it is closed when the last reference goes.
                try:
                    fresh = ix.searcher(weighting=LiveBM25F())
                except Exception:
                    fresh = None
                if fresh is not None:
                    self._searcher, self._evaluator = fresh, None
        return self._searcher

    def _folder_signature(self) -> tuple[int, int] | None:
        """The index folder's inode and mtime: a commit adds a TOC file, a rebuild swaps the
        folder, so either changes it. None while the mtime is recent enough that a commit in
        the same clock tick could hide behind it: then the folder is listed."""
        try:
            info = os.stat(self._location.directory)
        except OSError:
            return None
        if time.time_ns() - info.st_mtime_ns < 2_000_000_000:
            return None
        return info.st_ino, info.st_mtime_ns

    def _get_evaluator(self, searcher) -> Evaluator:
        if self._evaluator is None or self._evaluator.searcher is not searcher:
            self._evaluator = Evaluator(searcher)
        return self._evaluator

    def parse(self, text: str):
        searcher = self._get_searcher()
        if searcher is None:
            raise QueryError(EMPTY)
        query = every_document(self._parser.parse(searcher.schema, text))
        check_expansion(query, searcher.reader())  # search, highlight and term_spans all parse here
        return query

    def search(self, text: str, *, limit: int | None = 20, kinds: Iterable[str] = ("article", "claim"),
               entity: str | None = None, fragments: int = 2, highlight: int | None = None) -> SearchResults:
        """Search; hits come grouped by kind (articles, then claims), each group by score.

        An empty query lists every article (or claim), newest first. `limit` applies to
        each kind, so claims never crowd articles out of the first page. Fragments are cut
        for the first `highlight` hits of each kind (all when None); `highlight()` adds
        them to other hits later.
        """
        try:
            return self._search(text, limit, kinds, entity, fragments, highlight)
        except (QueryError, IndexBusy):
            raise
        except Exception as err:  # the files cannot be read as an index: a damaged cache
            self._damaged = one_line(f"{type(err).__name__}: {err}", 120)
            self.close()
            raise IndexDamaged(f"the index could not be read ({self._damaged}); "
                               "it is rebuilt at the next sync (`borderbrief index`)") from None

    def _search(self, text, limit, kinds, entity, fragments, highlight) -> SearchResults:
        searcher = self._get_searcher()
        if searcher is None:
            return SearchResults(text, [], 0, EMPTY)
        evaluator = self._get_evaluator(searcher)
        if not text.strip():
            return search_kinds(searcher, evaluator, text, None, kinds, entity, 0, None, newest(searcher, limit))
        if not any(ch.isalnum() or ch == "*" for ch in text):
            return SearchResults(text, [], 0, "nothing to search for: the query has no words")
        query = self.parse(text)
        if is_empty_query(query):
            return SearchResults(text, [], 0, "only common words (like 'the', 'of'): nothing to search for")
        try:
            matches = evaluated(searcher, evaluator, evaluator.evaluate(query), limit)
        except Unsupported:
            return self._search_with_whoosh(searcher, text, query, limit, kinds, entity, fragments, highlight)
        return search_kinds(searcher, evaluator, text, query, kinds, entity, fragments, highlight, matches)

    def _search_with_whoosh(self, searcher, text, query, limit, kinds, entity, fragments, highlight) -> SearchResults:
        """Whoosh's own matchers, for a query the set evaluator does not handle."""
        return search_kinds(searcher, self._get_evaluator(searcher), text, query, kinds, entity, fragments,
                            highlight, whoosh_matched(searcher, query, limit))

    # -- highlighting ---------------------------------------------------------------------------
    def highlight(self, text: str, hits: Sequence[Hit], *, fragments: int = 2) -> list[Hit]:
        """The hits with fragments for `text` (a query as given to search): for hits that a
        search left without them, e.g. those scrolled into view later."""
        if not text.strip() or not hits:
            return list(hits)
        searcher = self._get_searcher()
        if searcher is None:
            return list(hits)
        try:
            query = self.parse(text)
        except QueryError:
            return list(hits)
        docnums = [searcher.document_number(key=f"{hit.kind}:{hit.doc_id}") for hit in hits]
        found = [(h, d) for h, d in zip(hits, docnums) if d is not None]
        marked = iter(with_fragments(searcher, self._get_evaluator(searcher), query, [h for h, _ in found],
                                     [d for _, d in found], fragments))
        return [next(marked) if d is not None else h for h, d in zip(hits, docnums)]

    def term_spans(self, text_query: str, text: str) -> list[tuple[int, int]]:
        """Spans in `text` of the words the query matches (stemmed, folded), for the reader."""
        if not text_query.strip():
            return []
        try:
            query = self.parse(text_query)
        except QueryError:
            return []
        return term_spans(self._get_searcher(), query, text)

    def document_count(self) -> int:
        searcher = self._get_searcher()
        return 0 if searcher is None else searcher.doc_count()


def _removed(stale: list) -> str | None:
    return f"removed {len(stale)} folder(s) left by an interrupted rebuild" if stale else None
