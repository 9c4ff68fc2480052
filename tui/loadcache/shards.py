"""The parse cache itself: per article file, what the loader made of it, in SHARDS files.

Keyed per article file by its size, mtime, ctime and inode. It is only a cache: safe to
delete, never a source of truth, and any doubt means parsing again. A different cache
version or Python (see version.py) discards it all; different brief names discard the
mentions; a file whose mtime falls within two seconds of when its entry was written (a
later edit could share the timestamp) has its bytes compared before the entry is trusted;
an unreadable or damaged shard is ignored and replaced. Stored with `marshal` (plain values
only: nothing in the file can run code when loaded).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import time
import zlib
from collections import Counter
from pathlib import Path

from ..briefing import Briefing
from ..model import Article
from ..problems import Problem
from ..workspace import Workspace
from .matching import PARALLEL_FROM, match_in_parallel
from .lazy import CompactMentions, pack_article, pack_spans, read_article_bytes, unpack_article
from .location import cache_dir
from .version import cache_key

RACY_NS = 2_000_000_000  # entries written this soon after their file's mtime are verified


class SnapshotNotTrusted(Exception):
    """The snapshot names a file the cache has no entry for: load the long way."""


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
        self.code = cache_key()
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
                raise SnapshotNotTrusted(name)
            try:
                article = unpack_article(entry, corpus, name)
            except (TypeError, ValueError):
                raise SnapshotNotTrusted(name) from None
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
            return workspace.parse_article_file(path)
        meta = self.meta.get(name)
        packed = self.articles.get(name)
        if meta is not None and packed is not None and meta[:3] == (stat.st_size, stat.st_mtime_ns, stat.st_ino) \
                and meta[4:5] == (stat.st_ctime_ns,):
            racy = self.saved_ns.get(_shard_of(name), 0) - stat.st_mtime_ns <= RACY_NS
            if not racy or self._same_bytes(path, meta[3]):
                try:
                    article = unpack_article(packed, path.parent, name, path)
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
        article = workspace.parse_article_file(path)
        if article is None:
            if name in self.meta or name in self.articles:  # a file that does not load is parsed again next time
                self._forget(name)
            return None
        try:
            digest = hashlib.blake2b(read_article_bytes(path), digest_size=16).digest()
            after = os.stat(path)
            packed = pack_article(article)
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
            return hashlib.blake2b(read_article_bytes(path), digest_size=16).digest() == digest
        except OSError:
            return False

    # -- mentions ---------------------------------------------------------------------------
    def attach_mentions(self, briefing: Briefing, progress=None) -> None:
        """Fill briefing.mentions and title_mentions: cached spans where the file and the
        brief names are unchanged, the matcher's answer otherwise. Trusting a snapshot,
        nothing is read until an article's mentions are asked for."""
        matcher = briefing.matcher
        key = matcher.fingerprint()
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
                found = (pack_spans(matcher.find(article.body)), pack_spans(matcher.find(article.title)))
                if name in self.articles:
                    self.spans[name] = found
                    self._touch(name)
            return found

        found_all = None
        if self.trusted is None:  # a load that reads the files: match what is not cached, on every core
            self._ensure("spans")
            missing = [aid for aid in articles if (name := name_of(aid)) in self.articles
                       and (self.spans.get(name) is None or self.articles[name][0].get("id") != aid)]
            found_all = match_in_parallel(matcher, [(articles[aid].title, articles[aid].body) for aid in missing],
                                          progress) if len(missing) >= PARALLEL_FROM else None
            for aid, found in zip(missing, found_all or ()):
                name = name_of(aid)
                self.spans[name] = found
                self._touch(name)

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
            # Finds what is not cached, now (told to progress unless the pool has just done it,
            # which would count the same articles again from 0).
            briefing.__dict__["mention_counts"] = body.counts(progress if found_all is None else None)

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
        fresh = Workspace(root=article.path.parent.parent).parse_article_file(article.path)  # a throwaway loader
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
