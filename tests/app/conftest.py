"""Fixtures for driving the app: a copy of the shipped workspace, an app over it."""

from __future__ import annotations

import asyncio
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

    def _make(root: Path, *, monitor_files: bool = False) -> BorderbriefApp:
        return build_app(root, tmp_path / "app-ix", monitor_files=monitor_files)

    return _make


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers finish and their results land on screen."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_first_result(pilot):
    """Enter on the first result, as a person does at launch: the reader, with the article shown."""
    from tui.app.widgets.reader import ArticleReader
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen.query_one(ArticleReader)


def toasts(app) -> list[str]:
    """The messages of every toast the app has shown (and not yet dismissed)."""
    return [n.message for n in app._notifications]


async def file_monitor_up(app, seconds: float = 10.0) -> None:
    """Wait until the app's file monitor is running: a change written after this is seen."""
    assert await asyncio.to_thread(app.file_monitor_ready.wait, seconds), "the file monitor did not start"


async def wait_for(pilot, condition, seconds: float = 8.0) -> bool:
    """Until condition() holds (a change seen by the file monitor, a reload landed), letting
    the app run between looks; False if it never does."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await asyncio.sleep(0.1)
        await pilot.pause()
    return condition()
