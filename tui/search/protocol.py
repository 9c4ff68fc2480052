"""The narrow interface between borderbrief and a search engine.

The CLI and the app type against `SearchBackend`, never against Whoosh: a second engine
(for corpora that outgrow one machine, see benchmarks/README.md) implements these methods
and nothing else. `SearchIndex` (Whoosh, tui/search/index.py) is the default and only one.

Contract, in brief:

- `sync(documents, ...)` makes the index hold exactly `documents` (SearchDocument, keyed by
  `doc_key`), writing only what changed (by `content_hash`), and returns a SyncReport.
  `documents` may be a callable, called only if work is needed: with a `source_stamp`
  equal to the one of the last sync, and nothing written since, a sync reads nothing.
  `progress(done, total)` is called as documents are written. Raises IndexBusy when
  another process holds the index for writing; searching must keep working meanwhile.
- `search(query, ...)` returns SearchResults: hits grouped by kind (articles, then claims),
  at most `limit` per kind, each group best first; `total` counts every match of the kinds
  asked for. An empty query lists documents newest first. Fragments are cut for the first
  `highlight` hits of each kind (all when None). A query the user must fix raises
  QueryError with a one-line message.
- `highlight(query, hits)` returns the hits with fragments (for hits shown later).
- `term_spans(query, text)` gives the spans in `text` of the words the query matches, as
  the engine's analysis sees them (for the reader's marks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Protocol, Sequence, runtime_checkable

from .documents import SearchDocument
from .results import Hit, SearchResults, SyncReport

Progress = Callable[[int, int], None]
Documents = Iterable[SearchDocument] | Callable[[], Iterable[SearchDocument]]


@runtime_checkable
class SearchBackend(Protocol):
    directory: Path  # where the index lives (shown by `-v` and `borderbrief index`)
    notice: str | None  # something the user should be told once (e.g. a fallback location)

    def sync(self, documents: Documents, *, rebuild: bool = False, progress: Progress | None = None,
             lock_timeout: float = 10.0, source_stamp: str | None = None) -> SyncReport: ...

    def search(self, text: str, *, limit: int | None = 20, kinds: Iterable[str] = ("article", "claim"),
               entity: str | None = None, fragments: int = 2, highlight: int | None = None) -> SearchResults: ...

    def highlight(self, text: str, hits: Sequence[Hit], *, fragments: int = 2) -> list[Hit]: ...

    def term_spans(self, text_query: str, text: str) -> list[tuple[int, int]]: ...

    def parse(self, text: str) -> object: ...  # checks a query (QueryError); the result is engine-specific

    def exists(self) -> bool: ...

    def document_count(self) -> int: ...

    def close(self) -> None: ...
