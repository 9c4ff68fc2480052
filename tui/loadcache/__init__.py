"""A cache of parsed articles and their entity mentions, so a large workspace opens fast.

Parsing front matter and matching brief names over tens of thousands of articles takes
seconds, and gives the same result for every file that has not changed. The cache keeps
that result in the user's cache dir (beside the search indexes), in sixteen shards per
workspace (an edit rewrites one). Briefs, disputes and the cross-file checks are always
read fresh: they are small, and checks depend on every file.

    version.py   the declared cache version (bump it when what an entry holds changes)
    location.py  where a workspace's cache lives
    lazy.py      the lazy article and mention types handed out, and their packing
    shards.py    the shard cache: entries per file, the snapshot of a complete load
    matching.py  names found in many uncached articles at once, in worker processes
    stamp.py     the workspace stamp: has any source file changed?
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..briefing import Briefing
from ..entities import EntityMatcher
from ..workspace import Workspace
from .lazy import CachedArticle, CompactMentions
from .location import cache_dir
from .shards import ParseCache, SnapshotNotTrusted
from .stamp import workspace_stamp
from .version import PARSE_CACHE_VERSION

__all__ = ["CachedArticle", "CompactMentions", "PARSE_CACHE_VERSION", "ParseCache", "cache_dir",
           "load_briefing", "workspace_stamp"]


def load_briefing(root: Path, directory: Path | None = None, *, trust_snapshot: bool = False,
                  current_stamp: str | None = None,
                  progress: Callable[[str, int, int], None] | None = None) -> Briefing:
    """Briefing.load(root) through the cache (in `directory`, else the user's cache dir): the
    same Briefing, faster when files are unchanged.

    The briefing gets `source_stamp`, the workspace stamp of what it was read from, and
    `verified`. With trust_snapshot=True (the app's start) a snapshot of the last complete
    load is taken as it is, without looking at every file: `verified` is then False and the
    caller compares `source_stamp` with workspace_stamp() later, reloading if they differ.
    Given `current_stamp` (workspace_stamp() just taken, as a CLI command does), the snapshot
    is taken only if it was made under that same stamp: nothing has changed since, and the
    briefing is `verified`. `progress(stage, done, total)` hears how a load that reads the
    files goes ("reading" the articles, then finding "names" in them): a first open of a
    large workspace takes a while.
    """
    directory = directory if directory is not None else cache_dir(root)
    if trust_snapshot or current_stamp is not None:
        cache = ParseCache(directory, parts=("articles", "problems"))
        snapshot = cache.read_snapshot()
        if current_stamp is not None and snapshot is not None and snapshot.get("stamp") != current_stamp:
            snapshot = None  # made before a file changed
        if snapshot is not None:
            cache.trusted = snapshot
            try:
                workspace = Workspace.load(root, cache=cache)
            except SnapshotNotTrusted:
                workspace = None
            if workspace is not None:
                matcher = EntityMatcher(workspace.briefs.values())
                if matcher.fingerprint() == snapshot.get("matcher"):  # else brief names changed: load afresh
                    briefing = Briefing(workspace, matcher)
                    cache.attach_mentions(briefing)
                    briefing.source_stamp = snapshot["stamp"]  # type: ignore[attr-defined]
                    briefing.verified = current_stamp is not None  # type: ignore[attr-defined]
                    return briefing
    # Taken before reading: never newer than what is read.
    stamp = current_stamp if current_stamp is not None else workspace_stamp(root)
    cache = ParseCache(directory)
    workspace = Workspace.load(root, cache=cache, progress=progress)
    briefing = Briefing(workspace, EntityMatcher(workspace.briefs.values()))
    cache.attach_mentions(briefing, progress)
    cache.save()
    cache.write_snapshot(stamp, briefing.mention_counts)
    briefing.source_stamp, briefing.verified = stamp, True  # type: ignore[attr-defined]
    return briefing
