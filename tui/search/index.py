"""SearchIndex: the one place that talks to Whoosh.

The index is a cache in the user's cache dir, keyed by workspace path. It syncs
incrementally (a content hash per document, read from the lexicon, never from stored
bodies), rebuilds itself when its schema version changes or it cannot be read, and
rebuilds into a fresh directory that replaces the old one only when complete, so an
interrupted rebuild leaves the previous index usable. A first build (no index yet) is
written in place and committed in two steps, so what is indexed first is searchable while
the rest is written; an interrupted first build is finished by the next sync.

Queries are evaluated by tui/search/engine.py (set operations over cached posting lists,
Whoosh's BM25F scores) with Whoosh's own matchers as the fallback; fragments are cut from
the stored character offsets of the matched words (no re-analysis), and only for the hits
asked for: `search(..., highlight=N)` highlights the first N of each kind and `highlight()`
fills in others later.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import platformdirs
from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.analysis import Token
from whoosh.highlight import FIRST, BasicFragmentScorer, Formatter, PinpointFragmenter, top_fragments
from whoosh.qparser import GtLtPlugin, MultifieldParser, PlusMinusPlugin
from whoosh.qparser.dateparse import DateParserPlugin

from .analysis import build_schema
from .documents import INDEX_SCHEMA_VERSION, SearchDocument
from .engine import Evaluator, Unsupported
from .query import check_query
from .results import Fragment, Hit, QueryError, SearchResults, SyncReport

INDEX_NAME = f"borderbrief_v{INDEX_SCHEMA_VERSION}"
_WORD_START = r"(?:(?<=\s)|(?<=^)|(?<=\())"
Progress = Callable[[int, int], None]  # (done, total)
Documents = Iterable[SearchDocument] | Callable[[], Iterable[SearchDocument]]
STAMP_FILE = ".borderbrief-synced"  # a dot file: Whoosh leaves it alone
FIRST_BATCH = 1000  # a first build commits this many documents first, so search starts early
PARALLEL_ABOVE = 2000  # documents in one commit before the multi-process writer pays off
PARSED_QUERIES = 256
# Segments are written as separate files, not one compound file: Whoosh opens a sub-file of a
# compound file by copying it into a BytesIO, so every searcher opened read all postings into
# memory (200 MB and 0.1 s at 10,000 articles); separate files are read as needed.


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
    """Whoosh behind the narrow interface of tui/search/protocol.py: sync, search, highlight,
    term_spans."""

    def __init__(self, directory: Path | None = None, *, workspace_root: Path | None = None):
        if directory is None:
            if workspace_root is None:
                raise ValueError("SearchIndex needs a directory or a workspace root")
            directory = default_index_dir(workspace_root)
        self.directory = Path(directory)
        self.notice: str | None = None  # e.g. the cache dir was not writable
        self._ix = None
        self._searcher = None
        self._evaluator: Evaluator | None = None
        self._parser = None
        self._parsed: OrderedDict[str, object] = OrderedDict()
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
        self._evaluator = None
        self._ix = None

    def _swapping(self) -> bool:
        """Another process is between the two renames of a rebuild's swap."""
        parent, name = self.directory.parent, self.directory.name
        return any(parent.glob(f"{name}.old-*")) or any(parent.glob(f"{name}.new-*"))

    def _open(self):
        if self._ix is None:
            # A rebuild elsewhere swaps directories with two renames; wait out that moment
            # rather than report an empty index.
            for _ in range(50):
                if whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME) or not self._swapping():
                    break
                time.sleep(0.02)
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
        """Key -> content hash of every live document. Read from the lexicon of the
        fingerprint field, segment by segment; a deleted document's term stays in its
        segment's lexicon until a merge, so those of deleted documents (read from their
        stored values: few) are set aside."""
        ix = self._open()
        if ix is None:
            return {}
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

    def _read_stamp(self) -> dict | None:
        try:
            data = json.loads((self.directory / STAMP_FILE).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else None
        except (OSError, ValueError):
            return None

    def _write_stamp(self, source_stamp: str | None) -> None:
        path = self.directory / STAMP_FILE
        try:
            if source_stamp is None:
                path.unlink(missing_ok=True)
                return
            ix = self._open()
            data = {"source": source_stamp, "generation": ix.latest_generation(), "schema": INDEX_SCHEMA_VERSION}
            temporary = path.with_name(f"{STAMP_FILE}.{os.getpid()}")
            temporary.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temporary, path)
        except (OSError, AttributeError):
            pass

    def is_current(self, source_stamp: str | None) -> bool:
        """True when the index was last synced from sources with this stamp (see
        tui.loadcache.workspace_stamp) and nothing has written to it since."""
        if not source_stamp:
            return False
        stamp = self._read_stamp()
        if not stamp or stamp.get("source") != source_stamp or stamp.get("schema") != INDEX_SCHEMA_VERSION:
            return False
        try:
            ix = self._open()
            return ix is not None and ix.latest_generation() == stamp.get("generation")
        except Exception:
            return False

    def sync(self, documents: Documents, *, rebuild: bool = False, progress: Progress | None = None,
             lock_timeout: float = 10.0, source_stamp: str | None = None) -> SyncReport:
        """Bring the index in line with the documents; write only what changed.

        `documents` may be a callable, called only when the work is needed: with a
        `source_stamp` that matches the last sync (and no write since), nothing is read.
        """
        with self._write_lock(lock_timeout):
            reason = "asked for" if rebuild else None
            existing: dict[str, str] = {}
            if reason is None:
                try:
                    self.close()
                    if self._open() is None:
                        reason = "no index yet"
                    elif self.is_current(source_stamp):
                        return SyncReport(unchanged=self.document_count(), location=str(self.directory))
                    else:
                        existing = self.stored_fingerprints()
                except Exception as err:  # any unreadable index is a cache miss
                    reason = f"index unreadable ({type(err).__name__}); rebuilt"
            docs = {doc.doc_key: doc for doc in (documents() if callable(documents) else documents)}
            if reason is not None:
                report = self._rebuild(docs, progress, in_place=reason == "no index yet")
                report.reason = reason
            else:
                report = self._update(docs, existing, progress)
            self._write_stamp(source_stamp)
            return report

    def _update(self, docs: dict[str, SearchDocument], existing: dict[str, str], progress) -> SyncReport:
        report = SyncReport(location=str(self.directory))
        report.removed = sorted(set(existing) - set(docs))
        report.added = sorted(set(docs) - set(existing))
        report.updated = sorted(k for k, doc in docs.items() if k in existing and existing[k] != doc.content_hash)
        report.unchanged = len(docs) - len(report.added) - len(report.updated)
        if not report.changed:
            return report
        todo = report.added + report.updated
        procs = _procs(len(todo))
        writer = self._ix.writer(timeout=5.0, procs=procs, limitmb=128, multisegment=procs > 1, compound=False) \
            if procs > 1 else self._ix.writer(timeout=5.0, compound=False)
        try:
            for key in report.removed + report.updated:
                writer.delete_by_term("key", key)
            for done, key in enumerate(todo, 1):
                writer.add_document(**_fields(docs[key]))
                if progress:
                    progress(done, len(todo))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._refresh()
        return report

    def _rebuild(self, docs: dict[str, SearchDocument], progress, *, in_place: bool = False) -> SyncReport:
        self.close()
        parent, name = self.directory.parent, self.directory.name
        for stale in parent.glob(f"{name}.new-*"):
            shutil.rmtree(stale, ignore_errors=True)
        if in_place:
            # Nothing to protect: write where readers look, in two commits.
            if self.directory.exists():
                shutil.rmtree(self.directory)
            self.directory.mkdir(parents=True)
            ix = whoosh_index.create_in(str(self.directory), self._schema, indexname=INDEX_NAME)
            try:
                self._write_batches(ix, list(docs.values()), progress, first=FIRST_BATCH)
            finally:
                ix.close()
            self._refresh()
            return SyncReport(added=sorted(docs), rebuilt=True, location=str(self.directory))
        building = parent / f"{name}.new-{os.getpid()}"
        building.mkdir(parents=True)
        try:
            ix = whoosh_index.create_in(str(building), self._schema, indexname=INDEX_NAME)
            self._write_batches(ix, list(docs.values()), progress, first=None)
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

    @staticmethod
    def _write_batches(ix, docs: Sequence[SearchDocument], progress, *, first: int | None) -> None:
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
                    writer.add_document(**_fields(doc))
                    done += 1
                    if progress:
                        progress(done, total)
                writer.commit(merge=False)
            except BaseException:
                writer.cancel()
                raise

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
            try:
                fresh = self._searcher.refresh()  # cheap when nothing changed
            except Exception:
                fresh = self._searcher  # mid-swap elsewhere: the open searcher still reads its files
            if fresh is not self._searcher:
                self._evaluator = None
            self._searcher = fresh
        return self._searcher

    def _get_evaluator(self, searcher) -> Evaluator:
        if self._evaluator is None or self._evaluator.searcher is not searcher:
            self._evaluator = Evaluator(searcher)
        return self._evaluator

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
        parsed = self._parsed.get(text)
        if parsed is not None:
            self._parsed.move_to_end(text)
            return parsed
        checked = check_query(text)
        try:
            parsed = self._get_parser(searcher).parse(checked)
        except Exception as err:  # whoosh raises assorted errors on odd input
            raise QueryError(f"cannot parse query: {err}") from None
        self._parsed[text] = parsed
        if len(self._parsed) > PARSED_QUERIES:
            self._parsed.popitem(last=False)
        return parsed

    def search(self, text: str, *, limit: int | None = 20, kinds: Iterable[str] = ("article", "claim"),
               entity: str | None = None, fragments: int = 2, highlight: int | None = None) -> SearchResults:
        """Search; hits come grouped by kind (articles, then claims), each group by score.

        An empty query lists every article (or claim), newest first. `limit` applies to
        each kind, so claims never crowd articles out of the first page. Fragments are cut
        for the first `highlight` hits of each kind (all when None); `highlight()` adds
        them to other hits later.
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
        evaluator = self._get_evaluator(searcher)
        scores = None
        if query is not None:
            try:
                scores = evaluator.evaluate(query)
            except Unsupported:
                return self._search_with_whoosh(searcher, text, query, limit, kinds, entity, fragments, highlight)
        hits: list[Hit] = []
        total = 0
        for kind in kinds:
            allowed = evaluator.term_docs("kind", kind)
            if entity:
                allowed = allowed & evaluator.term_docs("entity", entity.lower())
            if scores is None:
                results = searcher.search(Q.Term("kind", kind), limit=limit, filter=set(allowed),
                                          sortedby="published", reverse=True)
                hits += [self._hit(searcher, hit.docnum, 0.0, hit.fields()) for hit in results]
                total += len(allowed)
                continue
            best, matched = evaluator.top(scores, allowed, limit)
            total += matched
            kind_hits = [self._hit(searcher, docnum, score) for docnum, score in best]
            if fragments and kind_hits:
                shown = kind_hits if highlight is None else kind_hits[:highlight]
                docnums = [docnum for docnum, _ in best[: len(shown)]]
                kind_hits[: len(shown)] = self._highlight(searcher, query, shown, docnums, fragments)
            hits += kind_hits
        return SearchResults(text, hits, total)

    def _search_with_whoosh(self, searcher, text, query, limit, kinds, entity, fragments, highlight) -> SearchResults:
        """Whoosh's own matchers, for a query the set evaluator does not handle."""
        evaluator = self._get_evaluator(searcher)
        hits: list[Hit] = []
        total = 0
        for kind in kinds:
            allowed = evaluator.term_docs("kind", kind)
            if entity:
                allowed = allowed & evaluator.term_docs("entity", entity.lower())
            results = searcher.search(query, limit=limit, filter=set(allowed))
            kind_hits = [self._hit(searcher, hit.docnum, float(hit.score or 0.0), hit.fields()) for hit in results]
            if limit is None or results.scored_length() < limit:
                total += results.scored_length()
            else:
                total += sum(1 for d in searcher.docs_for_query(query) if d in allowed)
            if fragments and kind_hits:
                shown = kind_hits if highlight is None else kind_hits[:highlight]
                docnums = [hit.docnum for hit in results][: len(shown)]
                kind_hits[: len(shown)] = self._highlight(searcher, query, shown, docnums, fragments)
            hits += kind_hits
        return SearchResults(text, hits, total)

    @staticmethod
    def _hit(searcher, docnum: int, score: float, stored: dict | None = None) -> Hit:
        stored = stored if stored is not None else searcher.stored_fields(docnum)
        return Hit(
            doc_id=stored["id"], kind=stored["kind"], article_id=stored["article"], title=stored["title"],
            outlet=stored.get("outlet"), published=stored.get("published_text"), score=score,
            brief_id=stored.get("brief"),
        )

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
        docnums = []
        for hit in hits:
            docnum = searcher.document_number(key=f"{hit.kind}:{hit.doc_id}")
            docnums.append(docnum)
        found = [(h, d) for h, d in zip(hits, docnums) if d is not None]
        marked = iter(self._highlight(searcher, query, [h for h, _ in found], [d for _, d in found], fragments))
        return [next(marked) if d is not None else h for h, d in zip(hits, docnums)]

    def _highlight(self, searcher, query, hits: list[Hit], docnums: list[int], top: int) -> list[Hit]:
        """Fragments from the character offsets stored with each matched word: the body's
        best `top` passages, else the title's."""
        wanted: dict[str, set[bytes]] = {"body": set(), "title": set()}
        reader = searcher.reader()
        for leaf in _wanted_leaves(query):
            try:
                for field, term in leaf.expanded_terms(reader, phrases=True):
                    if field in wanted:
                        wanted[field].add(term if isinstance(term, bytes) else searcher.schema[field].to_bytes(term))
            except Exception:
                continue
        evaluator = self._get_evaluator(searcher)
        found: dict[int, list[Fragment]] = {}
        stored: dict[int, dict] = {}
        for field, count in (("body", top), ("title", 1)):  # the title only where the body has none
            todo = [d for d in docnums if d not in found]
            offsets = _char_offsets(searcher, evaluator, field, wanted[field], todo)
            for docnum in todo:
                tokens = offsets.get(docnum)
                if not tokens:
                    continue
                if docnum not in stored:
                    stored[docnum] = searcher.stored_fields(docnum)
                text = stored[docnum].get(field)
                fragments = _fragments(text, tokens, count) if text else []
                if fragments:
                    found[docnum] = fragments
        return [dataclasses.replace(hit, fragments=tuple(found[d])) if d in found else hit
                for hit, d in zip(hits, docnums)]

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


_FRAGMENTER = PinpointFragmenter(maxchars=220, surround=70, autotrim=True)
_SCORER = BasicFragmentScorer()
_FORMATTER = _FragmentFormatter()


def _char_offsets(searcher, evaluator: Evaluator, fieldname: str, terms: set[bytes],
                  docnums: list[int]) -> dict[int, list[Token]]:
    """docnum -> a Token per occurrence of the terms, from the postings' character offsets
    (each term's posting list is opened once and skipped forward through the documents)."""
    out: dict[int, list[Token]] = {}
    if not terms or not docnums or fieldname not in searcher.schema:
        return out
    field = searcher.schema[fieldname]
    if not field.format.supports("characters"):
        return out
    leaves = list(searcher.leaf_searchers())
    targets = sorted(set(docnums))
    charlimit = _FRAGMENTER.charlimit
    for btext in terms:
        postings = evaluator.postings(fieldname, btext)
        present = [d for d in targets if postings.contains(d)]
        if not present:
            continue
        word = field.from_bytes(btext)
        for index, (sub, offset) in enumerate(leaves):
            end = leaves[index + 1][1] if index + 1 < len(leaves) else None
            local = [d - offset for d in present if d >= offset and (end is None or d < end)]
            if not local:
                continue
            try:
                matcher = sub.reader().postings(fieldname, btext)
            except Exception:
                continue
            for docnum in local:
                if not matcher.is_active():
                    break
                matcher.skip_to(docnum)
                if not matcher.is_active() or matcher.id() != docnum:
                    continue
                tokens = out.setdefault(docnum + offset, [])
                for pos, startchar, endchar in matcher.value_as("characters"):
                    if charlimit and endchar > charlimit:
                        break
                    tokens.append(Token(text=word, pos=pos, startchar=startchar, endchar=endchar))
    return out


def _fragments(text: str, tokens: list[Token], top: int) -> list[Fragment]:
    """Whoosh's pinpoint fragments (the same fragmenter, scorer and order as its highlighter)."""
    tokens = sorted(tokens, key=lambda t: (t.startchar, -(t.endchar - t.startchar)))
    unique, last = [], None
    for token in tokens:  # one token per start: the longest
        if token.startchar != last:
            unique.append(token)
            last = token.startchar
    for token in unique:
        token.matched = True
    fragments = _FRAGMENTER.fragment_matches(text, unique)
    return _FORMATTER.format(top_fragments(fragments, top, _SCORER, FIRST, minscore=0))


def _procs(count: int) -> int:
    return 2 if count > PARALLEL_ABOVE and (os.cpu_count() or 1) > 1 else 1


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


def _fields(doc: SearchDocument) -> dict:
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
