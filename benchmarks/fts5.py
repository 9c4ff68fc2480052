"""The baseline: SQLite FTS5 over the same search documents, as a user would set it up.

stdlib sqlite3, the `porter unicode61 remove_diacritics 2` tokenizer (stemming and accent
folding, like borderbrief's analyzer), bm25 ranking with the title weighted 2, `snippet()`
for highlighted fragments, a content hash per document for incremental sync, and the total
count of matches per kind (what borderbrief's results header shows).

    python -m benchmarks.fts5 search DB QUERY [--limit 10]

is the cold-start counterpart of `borderbrief search` (a fresh process, one query).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

COLUMNS = ("title", "body", "outlet", "site", "actor", "entity", "kind",
           "doc_key", "doc_id", "article", "published", "published_text", "hash")
INDEXED = COLUMNS[:7]  # kind is indexed so that a kind filter runs inside the full-text query
BODY_COLUMN = COLUMNS.index("body")
TITLE_COLUMN = COLUMNS.index("title")


@dataclass
class FtsHit:
    doc_id: str
    kind: str
    title: str
    published: str | None
    score: float
    snippet: str


def _row(doc) -> tuple:
    """A borderbrief SearchDocument as an FTS5 row (same text, same entity ids)."""
    start = doc.published.start.isoformat() if doc.published else None
    return (doc.title, doc.body, doc.outlet or "", " ".join(doc.sites), " ".join(doc.actors),
            " ".join(sorted(set(doc.sites) | set(doc.actors))), doc.kind, doc.doc_key, doc.doc_id,
            doc.article_id, start, doc.published.iso() if doc.published else None, doc.content_hash)


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def build(path: Path, documents: Iterable) -> int:
    """A fresh index from all documents, in one transaction."""
    if path.exists():
        path.unlink()
    db = connect(path)
    unindexed = ", ".join(f"{c} UNINDEXED" for c in COLUMNS[len(INDEXED):])
    db.execute(f"CREATE VIRTUAL TABLE docs USING fts5({', '.join(INDEXED)}, {unindexed}, "
               "tokenize='porter unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0)')")
    count = 0
    with db:
        for row in map(_row, documents):
            db.execute(f"INSERT INTO docs VALUES ({', '.join('?' * len(COLUMNS))})", row)
            count += 1
    db.close()
    return count


def sync(path: Path, documents: Iterable) -> tuple[int, int, int]:
    """Write only what changed (by content hash): (added, updated, removed)."""
    db = connect(path)
    stored = {key: (rowid, digest) for rowid, key, digest in db.execute("SELECT rowid, doc_key, hash FROM docs")}
    rows = {doc.doc_key: doc for doc in documents}
    added = updated = removed = 0
    with db:
        for key, (rowid, digest) in stored.items():
            if key not in rows:
                db.execute("DELETE FROM docs WHERE rowid = ?", (rowid,))
                removed += 1
        for key, doc in rows.items():
            old = stored.get(key)
            if old is not None and old[1] == doc.content_hash:
                continue
            if old is not None:
                db.execute("DELETE FROM docs WHERE rowid = ?", (old[0],))
                updated += 1
            else:
                added += 1
            db.execute(f"INSERT INTO docs VALUES ({', '.join('?' * len(COLUMNS))})", _row(doc))
    db.close()
    return added, updated, removed


class FtsSearcher:
    """An open FTS5 index: one connection reused across queries (like a cached searcher)."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(str(path))

    def close(self) -> None:
        self.db.close()

    def search(self, match: str, where: str = "", params: Sequence = (), *, limit: int = 10,
               kinds: Sequence[str] = ("article", "claim"), snippets: bool = True) -> tuple[list[FtsHit], int]:
        """Top `limit` per kind (articles, then claims) by bm25, with a body snippet, and the
        total number of matches of those kinds (counted in one pass when a kind fills its page)."""
        hits: list[FtsHit] = []
        extra = f" AND ({where})" if where else ""
        snippet = (f"snippet(docs, {BODY_COLUMN}, '[', ']', '…', 24)" if snippets else "''")
        counts: dict[str, int] = {}
        for kind in kinds:
            rows = self.db.execute(
                f"SELECT doc_id, kind, title, published_text, rank, {snippet} FROM docs "
                f"WHERE docs MATCH ?{extra} ORDER BY rank LIMIT ?",
                (f"({match}) AND kind : {kind}", *params, limit)).fetchall()
            hits += [FtsHit(r[0], r[1], r[2], r[3], -r[4], r[5]) for r in rows]
            counts[kind] = len(rows)
        if any(count >= limit for count in counts.values()):
            counts = dict.fromkeys(kinds, 0) | dict(self.db.execute(
                f"SELECT kind, count(*) FROM docs WHERE docs MATCH ?{extra} GROUP BY kind", (match, *params)))
        return hits, sum(counts.get(kind, 0) for kind in kinds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Search an FTS5 baseline index (cold start).")
    sub = parser.add_subparsers(dest="command", required=True)
    search = sub.add_parser("search")
    search.add_argument("db", type=Path)
    search.add_argument("match")
    search.add_argument("--where", default="")
    search.add_argument("--param", action="append", default=[])
    search.add_argument("--limit", type=int, default=10)
    args = parser.parse_args(argv)
    searcher = FtsSearcher(args.db)
    hits, total = searcher.search(args.match, args.where, args.param, limit=args.limit)
    out = sys.stdout
    out.write(f"{len(hits)} of {total} match(es)\n")
    for hit in hits:
        out.write(f"{hit.published or '—':<10}  {hit.title}\n    … {hit.snippet} …\n")
    return 0 if hits else 1


if __name__ == "__main__":
    sys.exit(main())
