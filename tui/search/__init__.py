"""Full-text search. Only this package imports whoosh; everything else sees plain results."""

from .results import Fragment, Hit, QueryError, SearchResults, SyncReport
from .index import IndexBusy, IndexDamaged, SearchIndex, default_index_dir
from .protocol import SearchBackend
from .textmatch import all_words_in, is_plain

__all__ = [
    "Fragment", "Hit", "IndexBusy", "IndexDamaged", "QueryError", "SearchBackend", "SearchIndex", "SearchResults", "SyncReport",
    "all_words_in", "default_index_dir", "is_plain",
]
