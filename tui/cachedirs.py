"""Where borderbrief keeps its caches: the user's cache dir, one folder per workspace.

The search index (tui/search/location.py) and the parse cache (tui/loadcache.py) both name a
workspace's folder here, so the two can never drift apart.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs


def cache_root() -> Path:
    return Path(platformdirs.user_cache_dir("borderbrief"))


def workspace_dir_name(workspace_root: Path) -> str:
    """A folder name for a workspace: readable (its folder's name) and unique (a hash of its
    resolved path)."""
    root = str(Path(workspace_root).resolve())
    key = hashlib.sha1(root.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(root).name)[:40] or "workspace"
    return f"{name}-{key}"
