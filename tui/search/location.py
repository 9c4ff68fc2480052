"""Where an index lives, and who may write it.

The index is a cache in the user's cache dir, keyed by workspace path, falling back to a
private temp dir when the cache dir cannot be written. A rebuild writes `<dir>.new-PID` and
swaps it in with two renames; readers wait out that moment, and a swap that died between its
renames is put back. Writers hold a lock beside the directory for a whole sync.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Iterator

from whoosh import index as whoosh_index

from ..cachedirs import cache_root, workspace_dir_name
from .documents import INDEX_SCHEMA_VERSION

INDEX_NAME = f"borderbrief_v{INDEX_SCHEMA_VERSION}"


class IndexBusy(RuntimeError):
    """Another process is writing the index; searching what exists still works."""


def default_index_dir(workspace_root: Path) -> Path:
    """The index of the workspace at `workspace_root`, in the user's cache dir."""
    return cache_root() / "indexes" / workspace_dir_name(workspace_root)


class IndexLocation:
    """The directory of one index: made writable, swaps recovered, opened, locked."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.notice: str | None = None  # e.g. the cache dir was not writable
        self._ensure_writable()
        self._recover_interrupted_swap()

    def _ensure_writable(self) -> None:
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

    def _recover_interrupted_swap(self) -> None:
        """A rebuild that died between its two renames leaves `<dir>.old-*`: put it back."""
        if self.directory.exists():
            return
        for old in sorted(self.directory.parent.glob(f"{self.directory.name}.old-*")):
            with contextlib.suppress(OSError):
                old.rename(self.directory)
                return

    def swapping(self) -> bool:
        """Another process is between the two renames of a rebuild's swap."""
        parent, name = self.directory.parent, self.directory.name
        return any(parent.glob(f"{name}.old-*")) or any(parent.glob(f"{name}.new-*"))

    def open(self):
        """The Whoosh index in the directory, or None when there is none."""
        # A rebuild elsewhere swaps directories with two renames; wait out that moment
        # rather than report an empty index.
        for _ in range(50):
            if whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME) or not self.swapping():
                break
            time.sleep(0.02)
        if not whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME):
            return None
        return whoosh_index.open_dir(str(self.directory), indexname=INDEX_NAME, schema=None)

    @contextlib.contextmanager
    def write_lock(self, timeout: float) -> Iterator[None]:
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

    def _remove_stale_builds(self) -> None:
        for stale in self.directory.parent.glob(f"{self.directory.name}.new-*"):
            shutil.rmtree(stale, ignore_errors=True)

    def create_in_place(self, schema):
        """An empty index where readers look (nothing there to protect)."""
        self._remove_stale_builds()
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True)
        return whoosh_index.create_in(str(self.directory), schema, indexname=INDEX_NAME)

    @contextlib.contextmanager
    def building(self, schema) -> Iterator[object]:
        """An empty index beside the live one; when the block ends without error it replaces
        the live one (two renames), else it is removed and the live one is left as it was."""
        self._remove_stale_builds()
        parent, name = self.directory.parent, self.directory.name
        building = parent / f"{name}.new-{os.getpid()}"
        building.mkdir(parents=True)
        try:
            ix = whoosh_index.create_in(str(building), schema, indexname=INDEX_NAME)
            yield ix
            ix.close()
            old = parent / f"{name}.old-{os.getpid()}"
            if self.directory.exists():
                self.directory.rename(old)
            building.rename(self.directory)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
