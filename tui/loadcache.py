"""A cache of parsed articles and their entity mentions, so a large workspace opens fast.

Parsing front matter and matching brief names over tens of thousands of articles takes
seconds, and gives the same result for every file that has not changed. This cache keeps
that result in the user's cache dir (beside the search indexes), in sixteen shards per
workspace (an edit rewrites one), keyed per article file by its size, mtime and inode.

It is only a cache: safe to delete, never a source of truth, and any doubt means parsing
again. A different Python, cache format or version of the code that parses and matches
(the source of those modules is part of the key) discards it all; different brief names
discard the mentions; a file whose mtime falls within two seconds of when its entry was
written (a later edit could share the timestamp) has its bytes compared before the entry is
trusted; an unreadable or damaged cache is ignored and replaced. Briefs, disputes and the
cross-file checks are always read fresh: they are small, and checks depend on every file.
Stored with `marshal` (plain values only: nothing in the file can run code when loaded).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import marshal
import os
import sys
import time
import zlib
from array import array
from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from .briefing import Briefing
from .cachedirs import cache_root, workspace_dir_name
from .dates import PartialDate
from .entities import EntityMatcher, Mention
from .model import Article
from .problems import Problem
from .safefile import MAX_TEXT_FILE_BYTES, read_regular_file
from .workspace import Workspace

FORMAT = 6
RACY_NS = 2_000_000_000  # entries written this soon after their file's mtime are verified
# The modules whose code decides what an entry holds; editing one of them invalidates the cache.
_CODE = ("dates.py", "entities.py", "frontmatter.py", "loadcache.py", "model.py", "problems.py",
         "romanise.py", "schema.py", "textfold.py", "workspace.py", "yamlsource.py")


def cache_dir(root: Path, index_dir: Path | None = None) -> Path:
    """Where the cache of the workspace at `root` lives: in the user's cache dir, or beside
    the index when the index was put elsewhere (--index-dir: tests, benchmarks)."""
    if index_dir is not None:
        index_dir = Path(index_dir)
        return index_dir.with_name(f"{index_dir.name}.parsed")
    return cache_root() / "parsed" / workspace_dir_name(root)


def _code_key() -> str:
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{FORMAT} {sys.version_info[:2]} {sys.implementation.name}".encode())
    package = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            digest.update((package / name).read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


def _matcher_key(matcher: EntityMatcher) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for entity_id, kind in sorted(matcher.kinds.items()):
        digest.update(f"{entity_id}\0{kind}\0".encode("utf-8", "surrogatepass"))
    for entry in sorted(map(repr, getattr(matcher, "_by_tokens", {}).items())):
        digest.update(entry.encode("utf-8", "surrogatepass"))
    for entry in sorted(map(repr, getattr(matcher, "_substrings", []))):
        digest.update(entry.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- plain values for marshal --------------------------------------------------------------------

class CachedArticle(Article):
    """An Article from the cache: everything but the body is in memory; the body is read
    from the file the first time it is used (the reader, a sync that must write it). The
    app's first screen needs titles, dates and counts, not 50 MB of bodies."""

    @property  # type: ignore[override]
    def body(self) -> str:
        body = self.__dict__.get("_body")
        if body is None:
            body = self.__dict__["_body"] = _read_body(self.path, self.body_line)
        return body

    @body.setter
    def body(self, value: str) -> None:
        self.__dict__["_body"] = value

    @property  # type: ignore[override]
    def path(self) -> Path:
        path = self.__dict__.get("_path")
        if path is None:  # made on first use: 50,000 Path objects take a quarter of a second
            path = self.__dict__["_path"] = self.__dict__["_corpus"] / self.__dict__["_name"]
        return path

    @path.setter
    def path(self, value: Path) -> None:
        self.__dict__["_path"] = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(Article))

    __hash__ = None  # type: ignore[assignment]


def _read(path: Path) -> bytes:
    # Never a plain read_bytes(): the file may have become a FIFO or a device since it was listed.
    return read_regular_file(path, MAX_TEXT_FILE_BYTES)


def _read_body(path: Path, body_line: int) -> str:
    """The body as the loader split it: everything from line `body_line` on."""
    try:
        text = _read(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    if text.startswith("\ufeff"):
        text = text[1:]
    parts = text.split("\n", body_line - 1)
    return parts[-1] if len(parts) == body_line else ""


def _pack_article(article: Article) -> tuple[dict, dict]:
    """(plain fields, dates as text): marshal takes only plain values."""
    plain, dates = {}, {}
    for item in dataclasses.fields(article):
        if item.name in ("path", "body"):
            continue
        value = getattr(article, item.name)
        if isinstance(value, PartialDate):
            dates[item.name] = value.iso()
        elif isinstance(value, (str, int, float, bool, type(None))):
            plain[item.name] = value
        else:
            raise ValueError(f"cannot cache field {item.name!r} of type {type(value).__name__}")
    return plain, dates


@lru_cache(maxsize=16384)
def _date(text: str) -> PartialDate:
    return PartialDate.parse(text)  # frozen: one object per date is shared by its articles


def _unpack_article(packed: tuple[dict, dict], corpus: Path, name: str, path: Path | None = None) -> Article:
    plain, dates = packed
    article = CachedArticle.__new__(CachedArticle)
    values = article.__dict__
    values.update(plain)
    for field_name, text in dates.items():
        values[field_name] = _date(text)
    values["_corpus"], values["_name"] = corpus, name
    if path is not None:
        values["_path"] = path
    return article


def _pack_spans(mentions: list[Mention]) -> tuple:
    """Mentions, compactly: (entity ids, how many times each, the (start, end, number of the
    id) triples as the bytes of an unsigned int array). marshal copies bytes in one go."""
    ids: dict[str, int] = {}
    counts: list[int] = []
    flat = array("I")
    for mention in mentions:
        number = ids.get(mention.entity_id)
        if number is None:
            number = ids[mention.entity_id] = len(counts)
            counts.append(0)
        counts[number] += 1
        flat.extend((mention.start, mention.end, number))
    return tuple(ids), tuple(counts), flat.tobytes()


_NO_SPANS: tuple = ((), (), b"")


class CompactMentions(Mapping):
    """Article id -> mentions, kept packed (see _pack_spans) and turned into Mention objects
    only for the articles asked for: the app's first screen needs the counts, not a million
    Mention objects. `packed(article_id)` gives an article's packed mentions (and may read
    them from the cache only then)."""

    def __init__(self, keys: Callable[[], Collection[str]], packed: Callable[[str], tuple],
                 texts: Callable[[str], str | None]):
        self._keys = keys
        self._packed = packed
        self._made: dict[str, list[Mention]] = {}
        self._texts = texts

    def __getitem__(self, article_id: str) -> list[Mention]:
        made = self._made.get(article_id)
        if made is None:
            ids, _, blob = self._packed(article_id)
            flat = array("I")
            flat.frombytes(blob)
            text = self._texts(article_id) or ""
            made = [Mention(flat[i], flat[i + 1], ids[flat[i + 2]], text[flat[i]:flat[i + 1]])
                    for i in range(0, len(flat), 3)]
            self._made[article_id] = made
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())  # a dict's keys view: no walk over the articles

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._keys()

    def entity_ids(self, article_id: str) -> set[str]:
        try:
            return set(self._packed(article_id)[0])
        except KeyError:
            return set()

    def counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for article_id in self._keys():
            ids, numbers, _ = self._packed(article_id)
            for entity_id, number in zip(ids, numbers):
                counts[entity_id] += number
        return counts


# -- the cache -------------------------------------------------------------------------------

SHARDS = 16  # an edit rewrites one sixteenth of the cache, not all of it


def _shard_of(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % SHARDS


class ParseCache:
    """What the cache knows per article file name, in SHARDS files, each holding its parts
    separately marshalled so that a start reads only what it needs: `meta` (size, mtime_ns,
    inode, digest of the bytes, ctime_ns: to check the file), `articles` (the fields but the body),
    `problems` (the file's own, when it has any) and `spans` (body and title mentions, read
    when first asked for)."""

    PARTS = ("meta", "articles", "problems", "spans")

    def __init__(self, directory: Path | None, *, parts: tuple[str, ...] = PARTS):
        self.directory = directory
        self.code = _code_key()
        self.meta: dict[str, tuple] = {}
        self.articles: dict[str, tuple] = {}
        self.problems: dict[str, tuple] = {}
        self.spans: dict[str, tuple] = {}
        self.saved_ns: dict[int, int] = {}  # shard -> when it was written
        self.matcher_key: str | None = None
        self.dirty: set[int] = set()
        self.hits = self.misses = 0
        self._raw: dict[int, dict[str, bytes]] = {}  # shard -> parts not unmarshalled yet
        self._unpacked: set[str] = set()
        self._seen: set[str] = set()
        self._loaded: list[str] = []  # names of the files that gave an article, in order
        self._failed = False  # a file did not load (its problems are not cached)
        self.trusted: dict | None = None  # the snapshot this load trusts without stat()
        self._load(parts)

    @classmethod
    def for_workspace(cls, root: Path) -> "ParseCache":
        return cls(cache_dir(root))

    def _shard_path(self, shard: int) -> Path:
        assert self.directory is not None
        return self.directory / f"{shard:02d}.parsed"

    def _load(self, parts: tuple[str, ...]) -> None:
        if self.directory is None:
            return
        keys = set()
        for shard in range(SHARDS):
            try:
                data = marshal.loads(self._shard_path(shard).read_bytes())
                if not isinstance(data, dict) or data.get("code") != self.code:
                    continue
                raw = {part: data[part] for part in self.PARTS}
                if not all(isinstance(blob, bytes) for blob in raw.values()):
                    continue
                self.saved_ns[shard] = int(data["saved_ns"])
                keys.add(data.get("matcher"))
                self._raw[shard] = raw
            except (OSError, EOFError, ValueError, TypeError, KeyError):
                continue  # missing or damaged: its articles are parsed again
        for part in parts:
            self._unpack_part(part)
        if len(keys) == 1:
            self.matcher_key = keys.pop()
        elif keys:  # shards from different brief names: keep the articles, not the mentions
            self.matcher_key = None
            for raw in self._raw.values():
                raw["spans"] = marshal.dumps({})
            self.dirty.update(self._raw)

    def _unpack_part(self, part: str) -> None:
        self._unpacked.add(part)
        target = getattr(self, part)
        for shard, raw in list(self._raw.items()):
            blob = raw.pop(part, None)
            if blob is None:
                continue
            try:
                values = marshal.loads(blob)
            except (EOFError, ValueError, TypeError):
                values = {}
            if isinstance(values, dict):
                target.update(values)

    def _ensure(self, part: str) -> None:
        if part not in self._unpacked:
            self._unpack_part(part)

    def _touch(self, name: str) -> None:
        self.dirty.add(_shard_of(name))

    def _forget(self, name: str) -> None:
        self._ensure("spans")
        for part in (self.meta, self.articles, self.problems, self.spans):
            part.pop(name, None)
        self._touch(name)

    # -- articles ---------------------------------------------------------------------------
    def load_all(self, workspace: Workspace, corpus: Path) -> bool:
        """Trusting a snapshot: put its articles into the workspace without listing, stat()ing
        or even naming their files (the snapshot is only written when no id was duplicated,
        so there is nothing to report). False when there is no snapshot to trust."""
        if self.trusted is None:
            return False
        articles, packed, problems = workspace.articles, self.articles, self.problems
        for name in self.trusted["order"]:
            entry = packed.get(name)
            if entry is None:
                raise _NotTrusted(name)
            try:
                article = _unpack_article(entry, corpus, name)
            except (TypeError, ValueError):
                raise _NotTrusted(name) from None
            found = problems.get(name)
            if found:
                workspace.problems.extend(Problem(article.path, line, message, hint) for line, message, hint in found)
            articles[article.id] = article
        self._seen.update(self.trusted["order"])
        self._loaded = list(self.trusted["order"])
        return True

    @staticmethod
    def article_paths(corpus: Path) -> list[Path]:
        """The article files to load, by name (Path comparisons are slow)."""
        return sorted(corpus.iterdir(), key=lambda p: p.name)

    def load_article(self, workspace: Workspace, path: Path) -> Article | None:
        """The article at `path`, from the cache when its file is unchanged; else parsed by
        the workspace (which records its problems), and remembered."""
        name = path.name
        self._seen.add(name)
        article = self._load_verified(workspace, path, name)
        if article is None:
            self._failed = True
        else:
            self._loaded.append(name)
        return article

    def _load_verified(self, workspace: Workspace, path: Path, name: str) -> Article | None:
        try:
            stat = path.stat()
        except OSError:
            return workspace._load_article(path)
        meta = self.meta.get(name)
        packed = self.articles.get(name)
        if meta is not None and packed is not None and meta[:3] == (stat.st_size, stat.st_mtime_ns, stat.st_ino) \
                and meta[4:5] == (stat.st_ctime_ns,):
            racy = self.saved_ns.get(_shard_of(name), 0) - stat.st_mtime_ns <= RACY_NS
            if not racy or self._same_bytes(path, meta[3]):
                try:
                    article = _unpack_article(packed, path.parent, name, path)
                except (TypeError, ValueError):
                    article = None
                if article is not None:
                    self.hits += 1
                    if racy:
                        self._touch(name)  # verified: saving again lets the next load trust it
                    found = self.problems.get(name, ())
                    workspace.problems.extend(Problem(path, line, message, hint) for line, message, hint in found)
                    return article
        self.misses += 1
        before = len(workspace.problems)
        article = workspace._load_article(path)
        if article is None:
            if name in self.meta or name in self.articles:  # a file that does not load is parsed again next time
                self._forget(name)
            return None
        try:
            digest = hashlib.blake2b(_read(path), digest_size=16).digest()
            after = os.stat(path)
            packed = _pack_article(article)
        except (OSError, ValueError):
            return article  # unreadable now, or a field the cache cannot keep: not cached
        if (after.st_size, after.st_mtime_ns, after.st_ino) != (stat.st_size, stat.st_mtime_ns, stat.st_ino):
            return article  # changed while we read it: do not remember either version
        self._ensure("spans")
        self.meta[name] = (stat.st_size, stat.st_mtime_ns, stat.st_ino, digest, stat.st_ctime_ns)
        self.articles[name] = packed
        found = tuple((p.line, p.message, p.hint) for p in workspace.problems[before:])
        if found:
            self.problems[name] = found
        else:
            self.problems.pop(name, None)
        self.spans.pop(name, None)
        self._touch(name)
        return article

    @staticmethod
    def _same_bytes(path: Path, digest: bytes) -> bool:
        try:
            return hashlib.blake2b(_read(path), digest_size=16).digest() == digest
        except OSError:
            return False

    # -- mentions ---------------------------------------------------------------------------
    def attach_mentions(self, briefing: Briefing) -> None:
        """Fill briefing.mentions and title_mentions: cached spans where the file and the
        brief names are unchanged, the matcher's answer otherwise. Trusting a snapshot,
        nothing is read until an article's mentions are asked for."""
        matcher = briefing.matcher
        key = _matcher_key(matcher)
        articles = briefing.workspace.articles
        if key != self.matcher_key:
            self._ensure("spans")
            self.matcher_key = key
            self.spans.clear()
            self.dirty.update(range(SHARDS))

        def name_of(article_id: str) -> str:
            article = articles[article_id]
            return article.__dict__.get("_name") or article.path.name  # no Path made for a cached one

        def packed(article_id: str) -> tuple:
            name = name_of(article_id)  # KeyError for an unknown article, as a dict would
            self._ensure("spans")
            found = self.spans.get(name)
            if found is not None and self.trusted is not None and self._changed_since_snapshot(articles[article_id], name):
                found = None  # its body is now read from the changed file: offsets found on it
            if found is None or self.articles.get(name, ({},))[0].get("id") != article_id:
                article = articles[article_id]
                found = (_pack_spans(matcher.find(article.body)), _pack_spans(matcher.find(article.title)))
                if name in self.articles:
                    self.spans[name] = found
                    self._touch(name)
            return found

        body = CompactMentions(articles.keys, lambda aid: packed(aid)[0],
                               lambda aid: articles[aid].body if aid in articles else None)
        title = CompactMentions(articles.keys, lambda aid: packed(aid)[1],
                                lambda aid: articles[aid].title if aid in articles else None)
        briefing.mentions = body  # type: ignore[assignment]
        briefing.title_mentions = title  # type: ignore[assignment]
        # The counts the Entities pane needs at once, without making Mention objects.
        if self.trusted is not None and isinstance(self.trusted.get("counts"), dict):
            briefing.__dict__["mention_counts"] = Counter(self.trusted["counts"])
        else:
            briefing.__dict__["mention_counts"] = body.counts()  # finds what is not cached, now

    def _changed_since_snapshot(self, article: Article, name: str) -> bool:
        """Trusting a snapshot, before the background check has run: has this article's file
        changed since? Then the cached mention offsets belong to the old text, and the body
        (read lazily, from the file as it is now) is parsed afresh so that text and offsets
        agree. One stat, for an article whose mentions are asked for (the reader's)."""
        self._ensure("meta")
        meta = self.meta.get(name)
        try:
            info = os.stat(article.path)
        except OSError:
            return False
        if meta is not None and meta[:3] == (info.st_size, info.st_mtime_ns, info.st_ino) and meta[4:5] == (info.st_ctime_ns,):
            return False
        fresh = Workspace(root=article.path.parent.parent)._load_article(article.path)  # a throwaway loader
        if fresh is not None:
            article.body, article.body_line = fresh.body, fresh.body_line
        return True

    # -- the snapshot -------------------------------------------------------------------------
    # After a load that checked every file, the cache also records the workspace stamp taken
    # before it and the files that loaded. A later start may trust that (no stat of every
    # file, no directory listing) and check the stamp afterwards, in the background.

    def _snapshot_path(self) -> Path:
        assert self.directory is not None
        return self.directory / "snapshot.parsed"

    def read_snapshot(self) -> dict | None:
        if self.directory is None:
            return None
        try:
            data = marshal.loads(self._snapshot_path().read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(data, dict) or data.get("code") != self.code or data.get("matcher") != self.matcher_key:
            return None
        if not isinstance(data.get("order"), list) or not isinstance(data.get("stamp"), str):
            return None
        return data

    def write_snapshot(self, stamp: str | None, counts: Counter[str]) -> None:
        if self.directory is None or self.trusted is not None:
            return
        path = self._snapshot_path()
        ids = [self.articles[name][0].get("id") for name in self._loaded if name in self.articles]
        if stamp is None or self._failed or len(ids) != len(self._loaded) or len(set(ids)) != len(ids):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return  # a file that did not load, duplicate ids, an uncached file: no snapshot
        data = {"code": self.code, "matcher": self.matcher_key, "stamp": stamp, "order": self._loaded,
                "counts": dict(counts)}
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(marshal.dumps(data))
            os.replace(temporary, path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        """Write the shards that changed (each atomically; silently skipped if the cache dir
        cannot be written)."""
        if self.trusted is None:
            for name in set(self.articles) - self._seen:
                self._forget(name)
        if not self.dirty or self.directory is None:
            return
        for part in self.PARTS:  # everything of a shard to be rewritten must be in memory
            if any(part in self._raw.get(shard, {}) for shard in self.dirty):
                self._unpack_part(part)
        shards: dict[int, dict[str, dict]] = {shard: {part: {} for part in self.PARTS} for shard in self.dirty}
        for part in self.PARTS:
            for name, value in getattr(self, part).items():
                shard = shards.get(_shard_of(name))
                if shard is not None:
                    shard[part][name] = value
        now = time.time_ns()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        for shard, parts in shards.items():
            path = self._shard_path(shard)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                data = {"code": self.code, "matcher": self.matcher_key, "saved_ns": now,
                        **{part: marshal.dumps(values) for part, values in parts.items()}}
                temporary.write_bytes(marshal.dumps(data))
                os.replace(temporary, path)
            except (OSError, ValueError):
                with contextlib.suppress(OSError):
                    temporary.unlink(missing_ok=True)
                continue
            self.saved_ns[shard] = now
            self._raw.pop(shard, None)
        self.dirty.clear()


_STAMPED_CODE = _CODE + ("briefing.py", "checks.py", "quotes.py", "search/documents.py", "search/analysis.py")
_SOURCE_FOLDERS = ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes")


def workspace_stamp(root: Path) -> str | None:
    """A digest of what the search documents are made from: the name, size, mtime and inode
    of every file the workspace loads, and the code that turns them into documents. Equal
    stamps mean equal documents, so an index synced under this stamp needs no sync (one
    stat per file, nothing read; the ctime too, so an edit that puts the old mtime back still
    counts). None when a file changed within two seconds (its mtime could be shared by an
    edit still to come): then the caller syncs the long way."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_code_key().encode())
    package = Path(__file__).resolve().parent
    for name in _STAMPED_CODE[len(_CODE):]:
        try:
            digest.update((package / name).read_bytes())
        except OSError:
            digest.update(b"?")
    limit = time.time_ns() - RACY_NS
    root = Path(root)
    for folder in _SOURCE_FOLDERS:
        digest.update(f"\0{folder}\0".encode())
        try:
            entries = sorted(os.scandir(root / folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            try:
                if not entry.is_file():
                    continue
                stat = entry.stat()
            except OSError:
                return None
            if stat.st_mtime_ns > limit:
                return None
            digest.update(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}\0"
                          .encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class _NotTrusted(Exception):
    """The snapshot names a file the cache has no entry for: load the long way."""


def load_briefing(root: Path, directory: Path | None = None, *, trust_snapshot: bool = False) -> Briefing:
    """Briefing.load(root) through the cache (in `directory`, else the user's cache dir): the
    same Briefing, faster when files are unchanged.

    The briefing gets `source_stamp`, the workspace stamp of what it was read from, and
    `verified`. With trust_snapshot=True (the app's start) a snapshot of the last complete
    load is taken as it is, without looking at every file: `verified` is then False and the
    caller compares `source_stamp` with workspace_stamp() later, reloading if they differ.
    """
    directory = directory if directory is not None else cache_dir(root)
    if trust_snapshot:
        cache = ParseCache(directory, parts=("articles", "problems"))
        snapshot = cache.read_snapshot()
        if snapshot is not None:
            cache.trusted = snapshot
            try:
                workspace = Workspace.load(root, cache=cache)
            except _NotTrusted:
                workspace = None
            if workspace is not None:
                matcher = EntityMatcher(workspace.briefs.values())
                if _matcher_key(matcher) == snapshot.get("matcher"):  # else brief names changed: load afresh
                    briefing = Briefing(workspace, matcher)
                    cache.attach_mentions(briefing)
                    briefing.source_stamp, briefing.verified = snapshot["stamp"], False  # type: ignore[attr-defined]
                    return briefing
    stamp = workspace_stamp(root)  # before reading: never newer than what is read
    cache = ParseCache(directory)
    workspace = Workspace.load(root, cache=cache)
    briefing = Briefing(workspace, EntityMatcher(workspace.briefs.values()))
    cache.attach_mentions(briefing)
    cache.save()
    cache.write_snapshot(stamp, briefing.mention_counts)
    briefing.source_stamp, briefing.verified = stamp, True  # type: ignore[attr-defined]
    return briefing
