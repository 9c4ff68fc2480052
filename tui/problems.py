"""What the loader and the checks found wrong, as path:line: message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def file_location(path: Path, line: int | None, root: Path | None = None) -> str:
    """`path:line` (or `path`), relative to `root` when it lies inside it."""
    if root is not None:
        try:
            path = Path(path).relative_to(root)
        except ValueError:
            pass
    return f"{path}:{line}" if line else f"{path}"


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int | None
    message: str
    hint: str | None = None  # a second line for the curator (e.g. the closest passage)

    def location(self, root: Path | None = None) -> str:
        return file_location(self.path, self.line, root)

    def format(self, root: Path | None = None) -> str:
        return f"{self.location(root)}: {self.message}"
