"""The workspace stamp: one digest of every source file's name, size, mtime, ctime and inode.

Equal stamps mean the same files, so an index synced under a stamp needs no sync (one stat
per file, nothing read). The parse cache version is part of it (mentions go into the search
documents); the code that turns a briefing into documents is versioned by the index itself
(tui/search/documents.py's INDEX_SCHEMA_VERSION, checked beside the stamp).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from .shards import RACY_NS
from .version import cache_key

_SOURCE_FOLDERS = ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes")


def workspace_stamp(root: Path) -> str | None:
    """A digest of what the search documents are made from: the name, size, mtime and inode
    of every file the workspace loads, and the parse cache version. Equal
    stamps mean equal documents, so an index synced under this stamp needs no sync (one
    stat per file, nothing read; the ctime too, so an edit that puts the old mtime back still
    counts). None when a file changed within two seconds (its mtime could be shared by an
    edit still to come): then the caller syncs the long way."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(cache_key().encode())
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
