"""What every command needs: the workspace, its briefing, and a synced index."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import click

from ..briefing import Briefing
from ..loadcache import cache_dir, load_briefing, workspace_stamp
from ..search import IndexBusy, SearchBackend, SearchIndex, SyncReport
from ..workspace import is_workspace, resolve_workspace
from .render import say


@dataclass
class Session:
    workspace_option: str | None
    verbose: bool = False
    index_dir: Path | None = None
    _synced: SyncReport | None = field(default=None, init=False)
    _stamp: str | None = field(default=None, init=False)  # workspace stamp taken when the briefing was loaded

    @cached_property
    def root(self) -> Path:
        root, reason = resolve_workspace(self.workspace_option)
        if not is_workspace(root):
            fail(f"{root} is not a borderbrief workspace (it needs corpus/ and briefs/; `borderbrief init DIR` makes one)")
        self.say(f"workspace: {root} ({reason})")
        return root

    @cached_property
    def briefing(self) -> Briefing:
        # A snapshot of the last load serves when no file has changed since (same stamp): a
        # search needs the briefing for aliases and disputes, not a read of every file.
        briefing = load_briefing(self.root, cache_dir(self.root, self.index_dir), current_stamp=self._stamp_now)
        # Taken just before the files were read (tui/loadcache.py): never newer than what was read.
        self._stamp = getattr(briefing, "source_stamp", None)
        return briefing

    @cached_property
    def _stamp_now(self) -> str | None:
        """The workspace stamp, taken once (a stat of every file): the briefing is read and
        the index synced under it."""
        return workspace_stamp(self.root)

    @property
    def briefing_stamp(self) -> str | None:
        """The workspace stamp taken just before the briefing was read (see synced_index)."""
        self.briefing  # noqa: B018 - loads it, and takes the stamp, if not done yet
        return self._stamp

    def reload(self) -> Briefing:
        """Load the workspace again (after `add` wrote to it); the next sync sees the change."""
        self.__dict__.pop("briefing", None)
        self.__dict__.pop("_stamp_now", None)
        self._synced = None
        return self.briefing

    @cached_property
    def index(self) -> SearchBackend:
        index: SearchBackend = SearchIndex(self.index_dir, workspace_root=self.root)
        if index.notice:
            warn(index.notice)
        self.say(f"index: {index.directory}")
        return index

    def synced_index(self) -> SearchBackend:
        """The index, brought up to date first (incremental: only changed documents). When no
        file changed since the last sync (same workspace stamp), the workspace is not even
        loaded: a search starts in the time it takes to stat the files."""
        if self._synced is None:
            try:
                stamp = self._stamp if "briefing" in self.__dict__ else self._stamp_now
                self._synced = self.index.sync(lambda: self.briefing.search_documents(), lock_timeout=2.0,
                                               source_stamp=stamp)
                if self._synced.changed:
                    self.say(f"index synced: {self._synced.changed} document(s) written")
                if self._synced.reason and self._synced.reason not in ("no index yet", "asked for"):
                    warn(f"index: {self._synced.reason}")  # it healed itself: say so, in one line
            except IndexBusy as err:
                warn(f"{err}; searching the index as it stands")
                self._synced = SyncReport()
        return self.index

    def resynced_index(self) -> SearchBackend:
        """After a search found the index unreadable: sync again (which rebuilds it)."""
        self._synced = None
        return self.synced_index()

    def say(self, message: str) -> None:
        if self.verbose:
            say(message, err=True)


def warn(message: str) -> None:
    say(f"borderbrief: {message}", err=True)


def fail(message: str, code: int = 2) -> None:
    say(f"borderbrief: {message}", err=True)
    sys.exit(code)
