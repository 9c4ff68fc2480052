"""What every command needs: the workspace, its briefing, and a synced index."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import click

from ..briefing import Briefing
from ..search import IndexBusy, SearchIndex, SyncReport
from ..workspace import is_workspace, resolve_workspace


@dataclass
class Session:
    workspace_option: str | None
    verbose: bool = False
    index_dir: Path | None = None
    _synced: SyncReport | None = field(default=None, init=False)

    @cached_property
    def root(self) -> Path:
        root, reason = resolve_workspace(self.workspace_option)
        if not is_workspace(root):
            fail(f"{root} is not a borderbrief workspace (it needs corpus/ and briefs/; `borderbrief init DIR` makes one)")
        self.say(f"workspace: {root} ({reason})")
        return root

    @cached_property
    def briefing(self) -> Briefing:
        return Briefing.load(self.root)

    def reload(self) -> Briefing:
        """Load the workspace again (after `add` wrote to it); the next sync sees the change."""
        self.__dict__.pop("briefing", None)
        self._synced = None
        return self.briefing

    @cached_property
    def index(self) -> SearchIndex:
        index = SearchIndex(self.index_dir, workspace_root=self.root)
        if index.notice:
            warn(index.notice)
        self.say(f"index: {index.directory}")
        return index

    def synced_index(self) -> SearchIndex:
        """The index, brought up to date first (incremental: only changed documents)."""
        if self._synced is None:
            try:
                self._synced = self.index.sync(self.briefing.search_documents(), lock_timeout=2.0)
                if self._synced.changed:
                    self.say(f"index synced: {self._synced.changed} document(s) written")
            except IndexBusy as err:
                warn(f"{err}; searching the index as it stands")
                self._synced = SyncReport()
        return self.index

    def say(self, message: str) -> None:
        if self.verbose:
            click.echo(message, err=True)


def warn(message: str) -> None:
    click.echo(f"borderbrief: {message}", err=True)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"borderbrief: {message}", err=True)
    sys.exit(code)
