"""Full-text search. Only this package imports whoosh; everything else sees plain results."""

from .results import Fragment, Hit, QueryError, SearchResults, SyncReport
from .index import IndexBusy, IndexDamaged, SearchIndex, default_index_dir
from .protocol import SearchBackend
from .textmatch import is_plain, stems_of

__all__ = [
    "Fragment", "Hit", "IndexBusy", "IndexDamaged", "QueryError", "SearchBackend", "SearchIndex", "SearchResults", "SyncReport",
    "default_index_dir", "is_plain", "stems_of",
]
