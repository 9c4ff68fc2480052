"""The queries a person has asked, newest last, kept between launches in the user's state dir.

The file is the user's, not the workspace's: one history for every workspace, as a shell's.
It is read defensively (a hand-edited or damaged file loses the history, never the app) and
written atomically.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .jsonfile import write_json_atomically


LIMIT = 200  # queries kept; the oldest go first
LONGEST = 500  # characters kept of one query (a paste of a whole article is not a query)


def default_path() -> Path:
    return Path(platformdirs.user_state_dir("borderbrief")) / "queries.json"


@dataclass
class QueryHistory:
    path: Path = field(default_factory=default_path)
    notices: list[str] = field(default_factory=list)
    # record() reads, changes and writes the file: two at once (two workers) would lose one.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    # The list as last read or written here: recent() is asked at every keystroke in the
    # palette, and must not read the file each time.
    _known: list[str] | None = field(default=None, repr=False, compare=False)

    def load(self) -> list[str]:
        """Every query kept, oldest first (read from the file)."""
        self._known = self._read()
        return list(self._known)

    def _read(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            self.notices.append(f"{self.path.name} could not be read; the query history starts afresh")
            return []
        queries = data.get("queries") if isinstance(data, dict) else None
        if not isinstance(queries, list):
            return []
        return [q for q in queries if isinstance(q, str) and q.strip()][-LIMIT:]

    def recent(self, count: int = 10) -> list[str]:
        """The newest `count` queries, newest first (as last read or recorded here)."""
        queries = self._known if self._known is not None else self.load()
        return queries[::-1][:count]

    def record(self, query: str) -> list[str]:
        """Add `query` as the newest (an earlier copy moves up, not repeats); the history."""
        query = " ".join(query.split())[:LONGEST]  # as asked, on one line; shown literally by the UI
        with self._lock:
            return self._record(query)

    def _record(self, query: str) -> list[str]:
        queries = self.load()
        if not query:
            return queries
        queries = [q for q in queries if q != query] + [query]
        queries = self._known = queries[-LIMIT:]
        try:
            write_json_atomically(self.path, {"version": 1, "queries": queries})
        except OSError as err:
            self.notices.append(f"the query history could not be saved: {err.strerror or err}")
        return queries
