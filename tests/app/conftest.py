"""Fixtures for driving the app: a copy of the shipped workspace, an app over it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from support import REPO_ROOT
from tui.app import make_app as build_app
from tui.app.app import BorderbriefApp


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """The shipped workspace (articles and briefs), copied so a test may change it."""
    root = tmp_path / "shipped"
    shutil.copytree(REPO_ROOT / "corpus", root / "corpus")
    shutil.copytree(REPO_ROOT / "briefs", root / "briefs")
    return root


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., BorderbriefApp]:
    """The app as the CLI builds it (tui.app.make_app), with its index in the test's tmp dir."""

    def _make(root: Path, *, watch: bool = False) -> BorderbriefApp:
        return build_app(root, tmp_path / "app-ix", watch=watch)

    return _make


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers finish and their results land on screen."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
