"""Where a workspace's parse cache lives."""

from __future__ import annotations

from pathlib import Path

from ..cachedirs import cache_root, workspace_dir_name


def cache_dir(root: Path, index_dir: Path | None = None) -> Path:
    """Where the cache of the workspace at `root` lives: in the user's cache dir, or beside
    the index when the index was put elsewhere (--index-dir: tests, benchmarks)."""
    if index_dir is not None:
        index_dir = Path(index_dir)
        return index_dir.with_name(f"{index_dir.name}.parsed")
    return cache_root() / "parsed" / workspace_dir_name(root)
