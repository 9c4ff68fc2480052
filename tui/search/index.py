"""SearchIndex: the one place that talks to Whoosh.

The index is a cache in the user's cache dir, keyed by workspace path. It syncs
incrementally (a content hash per document, read from the lexicon, never from stored
bodies), rebuilds itself when its schema version changes or it cannot be read, and
rebuilds into a fresh directory that replaces the old one only when complete, so an
interrupted rebuild leaves the previous index usable.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

import platformdirs
from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.highlight import Formatter, PinpointFragmenter
from whoosh.qparser import GtLtPlugin, MultifieldParser, PlusMinusPlugin
from whoosh.qparser.dateparse import DateParserPlugin

from .analysis import build_schema
from .documents import INDEX_SCHEMA_VERSION, SearchDocument
from .query import check_query
from .results import Fragment, Hit, QueryError, SearchResults, SyncReport

INDEX_NAME = f"borderbrief_v{INDEX_SCHEMA_VERSION}"
_WORD_START = r"(?:(?<=\s)|(?<=^)|(?<=\())"
Progress = Callable[[int, int], None]  # (done, total)


class IndexBusy(RuntimeError):
    """Another process is writing the index; searching what exists still works."""


def default_index_dir(workspace_root: Path) -> Path:
    root = str(Path(workspace_root).resolve())
    key = hashlib.sha1(root.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(root).name)[:40] or "workspace"
    return Path(platformdirs.user_cache_dir("borderbrief")) / "indexes" / f"{name}-{key}"


class _FragmentFormatter(Formatter):
    """Turns Whoosh fragments into plain Fragment objects: offsets, never markup."""

    def format(self, fragments, replace=False):
        out = []
        for fragment in fragments:
            text = fragment.text
            start, end = fragment.startchar, fragment.endchar
            # Widen to whole words so a fragment never starts or ends mid-word.
            while start > 0 and not text[start - 1].isspace() and fragment.startchar - start < 30:
                start -= 1
            while end < len(text) and not text[end].isspace() and end - fragment.endchar < 30:
                end += 1
            marks = tuple(
                (t.startchar - start, t.endchar - start)
                for t in fragment.matches
                if start <= t.startchar and t.endchar <= end
            )
            piece = text[start:end]
            # One line: fragments are shown in tables and lists.
            piece = piece.replace("\n", " ")
            out.append(Fragment(piece, marks, start))
        return out


class SearchIndex:
    def __init__(self, directory: Path | None = None, *, workspace_root: Path | None = None):
        if directory is None:
            if workspace_root is None:
                raise ValueError("SearchIndex needs a directory or a workspace root")
            directory = default_index_dir(workspace_root)
        self.directory = Path(directory)
        self.notice: str | None = None  # e.g. the cache dir was not writable
        self._ix = None
        self._searcher = None
        self._parser = None
        self._schema = build_schema()
        self._ensure_writable_location()

    # -- location and lifecycle --------------------------------------------------------------
    def _ensure_writable_location(self) -> None:
        try:
            self.directory.parent.mkdir(parents=True, exist_ok=True)
            probe = self.directory.parent / f".probe-{os.getpid()}"
            probe.touch()
            probe.unlink()
        except OSError as err:
            fallback = Path(tempfile.gettempdir()) / f"borderbrief-{os.getuid()}" / self.directory.name
            fallback.parent.mkdir(parents=True, exist_ok=True)
            self.notice = (
                f"cache dir {self.directory.parent} is not writable ({err.strerror or err}); "
                f"the index is kept in {fallback} instead"
            )
            self.directory = fallback
        self._recover_interrupted_swap()

    def _recover_interrupted_swap(self) -> None:
        """A rebuild that died between its two renames leaves `<dir>.old-*`: put it back."""
        if self.directory.exists():
            return
        for old in sorted(self.directory.parent.glob(f"{self.directory.name}.old-*")):
            with contextlib.suppress(OSError):
                old.rename(self.directory)
                return

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._ix = None

    def _open(self):
        if self._ix is None:
            if not whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME):
                return None
            self._ix = whoosh_index.open_dir(str(self.directory), indexname=INDEX_NAME, schema=None)
        return self._ix

    def exists(self) -> bool:
        try:
            return self._open() is not None
        except Exception:
            return False

    @contextlib.contextmanager
    def _write_lock(self, timeout: float) -> Iterator[None]:
        """A lock beside the index dir, held for a whole sync or rebuild. flock is released
        by the kernel when its process dies, so a killed process leaves no stale lock."""
        lock_path = self.directory.parent / f"{self.directory.name}.lock"
        with open(lock_path, "a+") as handle:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise IndexBusy("another borderbrief process is updating the index") from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- sync -----------------------------------------------------------------------------------
    def stored_fingerprints(self) -> dict[str, str]:
        ix = self._open()
        if ix is None:
            return {}
        with ix.reader() as reader:
            out = {}
            for term in reader.lexicon("fingerprint"):
                # A deleted document's terms stay in the lexicon until its segment is merged:
                # only a fingerprint that a live document still carries counts.
                if not reader.postings("fingerprint", term).is_active():
                    continue
                key, _, digest = term.decode("utf-8").rpartition(" ")
                out[key] = digest
            return out

    def sync(self, documents: Iterable[SearchDocument], *, rebuild: bool = False,
             progress: Progress | None = None, lock_timeout: float = 10.0) -> SyncReport:
        """Bring the index in line with the documents; write only what changed."""
        docs = {doc.doc_key: doc for doc in documents}
        with self._write_lock(lock_timeout):
            reason = "asked for" if rebuild else None
            existing: dict[str, str] = {}
            if reason is None:
                try:
                    self.close()
                    if self._open() is None:
                        reason = "no index yet"
                    else:
                        existing = self.stored_fingerprints()
                except Exception as err:  # any unreadable index is a cache miss
                    reason = f"index unreadable ({type(err).__name__}); rebuilt"
            if reason is not None:
                report = self._rebuild(docs, progress)
                report.reason = reason
                return report
            return self._update(docs, existing, progress)

    def _update(self, docs: dict[str, SearchDocument], existing: dict[str, str], progress) -> SyncReport:
        report = SyncReport(location=str(self.directory))
        hashes = {key: doc.content_hash for key, doc in docs.items()}
        report.removed = sorted(set(existing) - set(docs))
        report.added = sorted(set(docs) - set(existing))
        report.updated = sorted(k for k in docs if k in existing and existing[k] != hashes[k])
        report.unchanged = len(docs) - len(report.added) - len(report.updated)
        if not report.changed:
            return report
        writer = self._ix.writer(timeout=5.0)
        try:
            for key in report.removed + report.updated:
                writer.delete_by_term("key", key)
            todo = report.added + report.updated
            for done, key in enumerate(todo, 1):
                writer.add_document(**_fields(docs[key], hashes[key]))
                if progress:
                    progress(done, len(todo))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._refresh()
        return report

    def _rebuild(self, docs: dict[str, SearchDocument], progress) -> SyncReport:
        self.close()
        parent, name = self.directory.parent, self.directory.name
        for stale in parent.glob(f"{name}.new-*"):
            shutil.rmtree(stale, ignore_errors=True)
        building = parent / f"{name}.new-{os.getpid()}"
        building.mkdir(parents=True)
        try:
            ix = whoosh_index.create_in(str(building), self._schema, indexname=INDEX_NAME)
            procs = 2 if len(docs) > 2000 and (os.cpu_count() or 1) > 1 else 1
            writer = ix.writer(procs=procs, limitmb=128, multisegment=procs > 1)
            try:
                for done, doc in enumerate(docs.values(), 1):
                    writer.add_document(**_fields(doc, doc.content_hash))
                    if progress:
                        progress(done, len(docs))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            ix.close()
            old = parent / f"{name}.old-{os.getpid()}"
            if self.directory.exists():
                self.directory.rename(old)
            building.rename(self.directory)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        self._refresh()
        return SyncReport(added=sorted(docs), rebuilt=True, location=str(self.directory))

    # -- search ---------------------------------------------------------------------------------
    def _refresh(self) -> None:
        self.close()

    def _get_searcher(self):
        ix = self._open()
        if ix is None:
            return None
        if self._searcher is None:
            self._searcher = ix.searcher()
        else:
            self._searcher = self._searcher.refresh()  # cheap when nothing changed
        return self._searcher

    def _get_parser(self, searcher):
        if self._parser is None:
            parser = MultifieldParser(["title", "body"], searcher.schema)
            parser.add_plugin(DateParserPlugin(free=False))
            parser.add_plugin(GtLtPlugin())
            # `-word` excludes and `+word` requires, as people type them; only at the start of
            # a word, so "Wonjong-ri" and "2022-09" stay whole. (Without this plugin whoosh read
            # "-Rason" as the word Rason: the opposite of what was asked.)
            parser.add_plugin(PlusMinusPlugin(plusexpr=_WORD_START + r"\+(?=\S)", minusexpr=_WORD_START + r"-(?=\S)"))
            self._parser = parser
        return self._parser

    def parse(self, text: str):
        searcher = self._get_searcher()
        if searcher is None:
            raise QueryError("the index is empty: run `borderbrief index`")
        checked = check_query(text)
        try:
            return self._get_parser(searcher).parse(checked)
        except Exception as err:  # whoosh raises assorted errors on odd input
            raise QueryError(f"cannot parse query: {err}") from None

    def search(self, text: str, *, limit: int | None = 20, kinds: Iterable[str] = ("article", "claim"),
               entity: str | None = None, fragments: int = 2) -> SearchResults:
        """Search; hits come grouped by kind (articles, then claims), each group by score.

        An empty query lists every article (or claim), newest first. `limit` applies to
        each kind, so claims never crowd articles out of the first page.
        """
        searcher = self._get_searcher()
        if searcher is None:
            return SearchResults(text, [], 0, "the index is empty: run `borderbrief index`")
        query = None
        if text.strip():
            if not any(ch.isalnum() or ch == "*" for ch in text):
                return SearchResults(text, [], 0, "nothing to search for: the query has no words")
            query = self.parse(text)
            if query is Q.NullQuery or isinstance(query, type(Q.NullQuery)):
                return SearchResults(text, [], 0, "only common words (like 'the', 'of'): nothing to search for")
        hits: list[Hit] = []
        total = 0
        for kind in kinds:
            filters = [Q.Term("kind", kind)]
            if entity:
                filters.append(Q.Term("entity", entity.lower()))
            filter_query = Q.And(filters) if len(filters) > 1 else filters[0]
            if query is None:
                results = searcher.search(filter_query, limit=limit, sortedby="published", reverse=True)
                hits += [self._hit(h, 0) for h in results]
            else:
                results = searcher.search(query, limit=limit, filter=filter_query, terms=True)
                results.fragmenter = PinpointFragmenter(maxchars=220, surround=70, autotrim=True)
                results.formatter = _FragmentFormatter()
                hits += [self._hit(h, fragments) for h in results]
            total += _count(searcher, query, filter_query, results, limit)
        return SearchResults(text, hits, total)

    def _hit(self, hit, fragments: int) -> Hit:
        found: list[Fragment] = []
        if fragments:
            found = list(hit.highlights("body", top=fragments, minscore=0) or [])
            if not found:
                found = list(hit.highlights("title", top=1, minscore=0) or [])
        return Hit(
            doc_id=hit["id"], kind=hit["kind"], article_id=hit["article"], title=hit["title"],
            outlet=hit.get("outlet"), published=hit.get("published_text"), score=float(hit.score or 0.0),
            fragments=tuple(found), brief_id=hit.get("brief"),
        )

    def term_spans(self, text_query: str, text: str) -> list[tuple[int, int]]:
        """Spans in `text` of the words the query matches (stemmed, folded), for the reader."""
        if not text_query.strip():
            return []
        try:
            query = self.parse(text_query)
        except QueryError:
            return []
        searcher = self._get_searcher()
        # Not Query.existing_terms: in whoosh 2.7 its loop variable overwrites its `fieldname`
        # argument, so after the first leaf (a title: term) every body: term was skipped.
        reader = searcher.reader()
        words = {term.decode("utf-8") if isinstance(term, bytes) else term
                 for leaf in _wanted_leaves(query)
                 for field, term in leaf.expanded_terms(reader, phrases=True)
                 if field in ("body", "title")}
        if not words:
            return []
        analyzer = searcher.schema["body"].analyzer
        return [(t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index", removestops=False)
                if t.text in words]

    def document_count(self) -> int:
        searcher = self._get_searcher()
        return 0 if searcher is None else searcher.doc_count()


def _count(searcher, query, filter_query, results, limit: int | None) -> int:
    """How many documents match, beyond the limit too. Whoosh's len(results) ignores the
    filter when a limit lets it skip blocks (it counted every kind), so count it ourselves."""
    if limit is None or results.scored_length() < limit:
        return results.scored_length()
    matching = filter_query if query is None else Q.And([query, filter_query])
    return sum(1 for _ in searcher.docs_for_query(matching))


def _wanted_leaves(query) -> Iterator:
    """Leaf queries for words the reader should mark: not those under NOT."""
    if isinstance(query, Q.Not):
        return
    if isinstance(query, Q.AndNot):
        yield from _wanted_leaves(query.a)
    elif query.is_leaf():
        yield query
    else:
        for child in query.children():
            yield from _wanted_leaves(child)


def _fields(doc: SearchDocument, digest: str) -> dict:
    entities = sorted(set(doc.sites) | set(doc.actors))
    fields = {
        "key": doc.doc_key,
        "fingerprint": f"{doc.doc_key} {digest}",
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
