"""Writing an index: bringing it in line with the documents, writing only what changed.

Each document carries a content hash, read back from the lexicon of the fingerprint field
(never from stored bodies). An index whose schema version changed, or that cannot be read,
is rebuilt into a fresh directory that replaces the old one only when complete, so an
interrupted rebuild leaves the previous index usable. A first build (no index yet) is
written in place and committed in two steps, so what is indexed first is searchable while
the rest is written; an interrupted first build is finished by the next sync. A stamp file
records the workspace stamp and index generation of the last sync, so a sync of unchanged
files reads nothing.
"""

from __future__ import annotations

import json
import os
from typing import Callable, Iterable, Sequence

from .documents import INDEX_SCHEMA_VERSION, SearchDocument
from .location import IndexLocation
from .results import SyncReport

Progress = Callable[[int, int], None]  # (done, total)
Documents = Iterable[SearchDocument] | Callable[[], Iterable[SearchDocument]]
STAMP_FILE = ".borderbrief-synced"  # a dot file: Whoosh leaves it alone
FIRST_BATCH = 1000  # a first build commits this many documents first, so search starts early
PARALLEL_ABOVE = 2000  # documents in one commit before the multi-process writer pays off
# Segments are written as separate files, not one compound file: Whoosh opens a sub-file of a
# compound file by copying it into a BytesIO, so every searcher opened read all postings into
# memory (200 MB and 0.1 s at 10,000 articles); separate files are read as needed.


def stored_fingerprints(ix) -> dict[str, str]:
    """Key -> content hash of every live document. Read from the lexicon of the
    fingerprint field, segment by segment; a deleted document's term stays in its
    segment's lexicon until a merge, so those of deleted documents (read from their
    stored values: few) are set aside."""
    out: dict[str, str] = {}
    with ix.reader() as top:
        for reader in (top.leaf_readers() if hasattr(top, "leaf_readers") else [(top, 0)]):
            reader = reader[0] if isinstance(reader, tuple) else reader
            dead: set[str] = set()
            if reader.has_deletions():
                for docnum in range(reader.doc_count_all()):
                    if reader.is_deleted(docnum):
                        dead.add(reader.stored_fields(docnum).get("fingerprint") or "")
            for term in reader.lexicon("fingerprint"):
                text = term.decode("utf-8")
                if text in dead:
                    continue
                key, _, digest = text.rpartition(" ")
                out[key] = digest
    return out


def index_files(location: IndexLocation) -> list[list]:
    """Name, size, mtime and ctime of each file of the index (stat only, nothing read)."""
    out = []
    try:
        entries = sorted(os.scandir(location.directory), key=lambda e: e.name)
    except OSError:
        return out
    for entry in entries:
        if entry.name.startswith(STAMP_FILE):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        # The ctime too: a write that puts the old mtime back (touch -r) cannot restore it.
        out.append([entry.name, info.st_size, info.st_mtime_ns, info.st_ctime_ns])
    return out


def changed_behind_our_back(location: IndexLocation, ix) -> bool:
    """The index's files differ from what the last sync left, with no write of ours since
    (same generation): something else wrote into them, e.g. garbage of the same size.
    Their bytes cannot be trusted, and reading them to find out costs a full read."""
    stamp = read_stamp(location)
    if not stamp or "files" not in stamp:
        return False
    try:
        if ix.latest_generation() != stamp.get("generation"):
            return False
    except Exception:
        return True
    return stamp["files"] != index_files(location)


def read_stamp(location: IndexLocation) -> dict | None:
    try:
        data = json.loads((location.directory / STAMP_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def write_stamp(location: IndexLocation, ix, source_stamp: str | None) -> None:
    path = location.directory / STAMP_FILE
    try:
        if source_stamp is None:
            path.unlink(missing_ok=True)
            return
        data = {"source": source_stamp, "generation": ix.latest_generation(), "schema": INDEX_SCHEMA_VERSION,
                "files": index_files(location)}
        temporary = path.with_name(f"{STAMP_FILE}.{os.getpid()}")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, path)
    except (OSError, AttributeError):
        pass


def is_current(location: IndexLocation, ix, source_stamp: str | None) -> bool:
    """True when the index was last synced from sources with this stamp (see
    tui.loadcache.workspace_stamp) and nothing has written to it since."""
    if not source_stamp or ix is None:
        return False
    stamp = read_stamp(location)
    if not stamp or stamp.get("source") != source_stamp or stamp.get("schema") != INDEX_SCHEMA_VERSION:
        return False
    try:
        return ix.latest_generation() == stamp.get("generation") and stamp.get("files") == index_files(location)
    except Exception:
        return False


def update(ix, docs: dict[str, SearchDocument], existing: dict[str, str], progress: Progress | None,
           location: IndexLocation) -> SyncReport:
    """Delete, add and replace what differs between `existing` (key -> hash) and `docs`."""
    report = SyncReport(location=str(location.directory))
    report.removed = sorted(set(existing) - set(docs))
    report.added = sorted(set(docs) - set(existing))
    report.updated = sorted(k for k, doc in docs.items() if k in existing and existing[k] != doc.content_hash)
    report.unchanged = len(docs) - len(report.added) - len(report.updated)
    if not report.changed:
        return report
    todo = report.added + report.updated
    procs = _procs(len(todo))
    writer = ix.writer(timeout=5.0, procs=procs, limitmb=128, multisegment=procs > 1, compound=False) \
        if procs > 1 else ix.writer(timeout=5.0, compound=False)
    try:
        for key in report.removed + report.updated:
            writer.delete_by_term("key", key)
        for done, key in enumerate(todo, 1):
            writer.add_document(**index_fields(docs[key]))
            if progress:
                progress(done, len(todo))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return report


def rebuild(location: IndexLocation, schema, docs: dict[str, SearchDocument], progress: Progress | None, *,
            in_place: bool = False) -> SyncReport:
    """Write every document into a new index: in place (nothing there yet, two commits so
    the first part is searchable early) or beside the live one, swapped in when complete."""
    if in_place:
        ix = location.create_in_place(schema)
        try:
            write_batches(ix, list(docs.values()), progress, first=FIRST_BATCH)
        finally:
            ix.close()
    else:
        with location.building(schema) as ix:
            write_batches(ix, list(docs.values()), progress, first=None)
    return SyncReport(added=sorted(docs), rebuilt=True, location=str(location.directory))


def write_batches(ix, docs: Sequence[SearchDocument], progress: Progress | None, *, first: int | None) -> None:
    """Add documents in one commit, or (first=N) N of them first, then the rest. Large
    commits use the multi-process writer: one segment per process, not merged."""
    batches = [docs] if first is None or len(docs) <= 2 * first else [docs[:first], docs[first:]]
    done, total = 0, len(docs)
    for batch in batches:
        procs = _procs(len(batch))
        writer = ix.writer(procs=procs, limitmb=128, multisegment=True, compound=False) if procs > 1 \
            else ix.writer(limitmb=128, compound=False)
        try:
            for doc in batch:
                writer.add_document(**index_fields(doc))
                done += 1
                if progress:
                    progress(done, total)
            writer.commit(merge=False)
        except BaseException:
            writer.cancel()
            raise


def _procs(count: int) -> int:
    return 2 if count > PARALLEL_ABOVE and (os.cpu_count() or 1) > 1 else 1


def index_fields(doc: SearchDocument) -> dict:
    """The stored and indexed fields of one document (the schema is tui/search/analysis.py)."""
    entities = sorted(set(doc.sites) | set(doc.actors))
    fields = {
        "key": doc.doc_key,
        "fingerprint": f"{doc.doc_key} {doc.content_hash}",
        "kind": doc.kind,
        "id": doc.doc_id,
        "article": doc.article_id,
        "title": doc.title,
        "body": doc.body,
        "site": ",".join(doc.sites),
        "actor": ",".join(doc.actors),
        "entity": ",".join(entities),
        "published_text": doc.published.iso() if doc.published else None,
    }
    if doc.brief_id:
        fields["brief"] = doc.brief_id
    if doc.outlet:
        fields["outlet"] = doc.outlet
    published = doc.published_datetime()
    if published is not None:
        fields["published"] = published
    return fields
