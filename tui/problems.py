"""What the loader and the checks found wrong, as path:line: message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int | None
    message: str
    hint: str | None = None  # a second line for the curator (e.g. the closest passage)

    def location(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            try:
                path = self.path.relative_to(root)
            except ValueError:
                pass
        return f"{path}:{self.line}" if self.line else f"{path}"

    def format(self, root: Path | None = None) -> str:
        return f"{self.location(root)}: {self.message}"
