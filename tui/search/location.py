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
import stat
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


def private_temp_dir() -> Path:
    """`<tmp>/borderbrief-<uid>`, if it is a real directory of ours that no one else can
    write or read; else a fresh directory from mkdtemp (the index is then rebuilt per run).

    Whoosh unpickles what it finds in an index, so an index planted in advance in a shared,
    predictable place would run its author's code: the directory is checked, not trusted.
    """
    shared = Path(tempfile.gettempdir()) / f"borderbrief-{os.getuid()}"
    try:
        shared.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return Path(tempfile.mkdtemp(prefix="borderbrief-"))
    try:
        info = os.lstat(shared)
    except OSError:
        return Path(tempfile.mkdtemp(prefix="borderbrief-"))
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        return Path(tempfile.mkdtemp(prefix="borderbrief-"))  # someone else's, a symlink, or writable by others
    if info.st_mode & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(shared, 0o700)  # ours, and no one else could write in it: make it private
    return shared


def remove_path(path: Path) -> None:
    """Remove a directory tree or a file (an index folder may have been replaced by a file)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


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
            fallback = private_temp_dir() / self.directory.name
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
            if not self.directory.is_dir() and not self.swapping():
                break
            if whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME) or not self.swapping():
                break
            time.sleep(0.02)
        if not self.directory.is_dir() or not whoosh_index.exists_in(str(self.directory), indexname=INDEX_NAME):
            return None  # none, or a file where the folder should be: the next sync rebuilds it
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

    def remove_stale_builds(self) -> list[Path]:
        """Under the write lock: what a killed rebuild left (`<dir>.new-PID`, and `.old-PID`
        once the index is back in place) can only be stale, since a rebuild holds the lock."""
        parent, name = self.directory.parent, self.directory.name
        stale = list(parent.glob(f"{name}.new-*"))
        if self.directory.is_dir():
            stale += parent.glob(f"{name}.old-*")
        for path in stale:
            remove_path(path)
        return stale

    def create_in_place(self, schema):
        """An empty index where readers look (nothing there to protect)."""
        self.remove_stale_builds()
        if self.directory.exists() or self.directory.is_symlink():
            remove_path(self.directory)
        self.directory.mkdir(parents=True)
        return whoosh_index.create_in(str(self.directory), schema, indexname=INDEX_NAME)

    @contextlib.contextmanager
    def building(self, schema) -> Iterator[object]:
        """An empty index beside the live one; when the block ends without error it replaces
        the live one (two renames), else it is removed and the live one is left as it was."""
        self.remove_stale_builds()
        parent, name = self.directory.parent, self.directory.name
        building = parent / f"{name}.new-{os.getpid()}"
        building.mkdir(parents=True)
        try:
            ix = whoosh_index.create_in(str(building), schema, indexname=INDEX_NAME)
            yield ix
            ix.close()
            old = parent / f"{name}.old-{os.getpid()}"
            if self.directory.exists() or self.directory.is_symlink():
                self.directory.rename(old)
            building.rename(self.directory)
            remove_path(old)  # a directory, or the file that had taken its place
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
