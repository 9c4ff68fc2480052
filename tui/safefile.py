"""Reading a workspace file without trusting what the name points at.

A name ending in `.md` may be a FIFO (reading it blocks forever), a device (`/dev/zero`
never ends, and its `st_size` is 0), a directory, or a symlink out of the workspace. So a
file is opened without blocking and without following a FIFO's writer, checked with
`fstat` on the open descriptor (not on the name, which can change in between), and read
only up to a limit counted in bytes actually read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20
MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024  # larger files are reported, not read into memory


class UnreadableFile(OSError):
    """The file is not something to read as text; the message says what it is instead."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _outside(path: Path, within: Path) -> bool:
    try:
        path.resolve().relative_to(within.resolve())
    except ValueError:
        return True
    except (OSError, RuntimeError):  # a symlink loop: resolve() gives up
        return True
    return False


def read_regular_file(path: Path, limit: int, within: Path | None = None) -> bytes:
    """The bytes of `path`, if it is a regular file of at most `limit` bytes.

    `within`: a symlink may point anywhere inside this folder, not outside it.
    Raises UnreadableFile with a one-line reason, or OSError from the system.
    """
    if within is not None and path.is_symlink() and _outside(path, within):
        raise UnreadableFile(f"a symlink to {os.readlink(path)}, outside the workspace; not read")
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"{_kind(info.st_mode)}, not a regular file; not read")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(f"file is over the {limit // 2**20} MiB limit; not loaded")
        return b"".join(chunks)
    finally:
        os.close(fd)
