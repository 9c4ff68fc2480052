"""Background work that fails is reported as a toast and the app keeps running; the
backend's mutations run one at a time whichever worker asks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.worker import WorkerFailed

from conftest import settle, toasts, typing_asked
from tui.app.screens.main import MainScreen


async def settle_past_failures(pilot, rounds: int = 3) -> None:
    """Like settle(), but a failed worker is what the test is about: wait past it."""
    for _ in range(rounds):
        await typing_asked(pilot)
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerFailed:
            pass
        await pilot.pause()


def _fail(*args, **kwargs):
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("method, trigger", [
    pytest.param("search", "type-a-query", id="a-search-that-raises"),
    pytest.param("reload", "reload", id="a-reload-that-raises"),
    pytest.param("term_spans", "open-an-article-with-a-query", id="a-reader-load-that-raises"),
])
async def test_a_failing_background_job_is_a_toast_not_an_exit(shipped_copy: Path, make_app, method, trigger):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        setattr(app.backend, method, _fail)
        if trigger == "type-a-query":
            await pilot.press("slash", *"bridge")
        elif trigger == "reload":
            app.reload_workspace()
        else:
            main = app.screen
            assert isinstance(main, MainScreen)
            main.query_text = "bridge"
            main.open_article(next(iter(app.backend.briefing.articles)))
        await settle_past_failures(pilot)
        assert app.is_running
        failures = [t for t in toasts(app) if "failed" in t]
        assert failures and "RuntimeError: disk on fire" in failures[-1], toasts(app)
        # The app still answers keys after the failure.
        await pilot.press("escape", "question_mark")  # out of the search box, if in it
        await settle_past_failures(pilot)
        assert app.screen.__class__.__name__ == "HelpScreen"


def test_reload_waits_for_a_running_sync(shipped_copy: Path, tmp_path: Path):
    """A sync and a reload asked for at once (two workers) never run together."""
    from tui.app.backend import EngineBackend
    import tui.app.backend as backend_module

    backend = EngineBackend(shipped_copy, tmp_path / "ix")
    inside_sync, release_sync = threading.Event(), threading.Event()
    reload_started = threading.Event()
    real_writer_sync = backend._writer.sync
    real_load = backend_module.load_briefing

    def held_sync(*args, **kwargs):
        inside_sync.set()
        assert release_sync.wait(30), "the test never released the sync"
        return real_writer_sync(*args, **kwargs)

    def watched_load(*args, **kwargs):
        reload_started.set()
        return real_load(*args, **kwargs)

    backend._writer.sync = held_sync
    backend_module.load_briefing = watched_load
    try:
        syncing = threading.Thread(target=backend.sync)
        syncing.start()
        assert inside_sync.wait(30)
        reloading = threading.Thread(target=backend.reload)
        reloading.start()
        # While the sync holds the backend, the reload has not begun reading the workspace.
        assert not reload_started.wait(0.5)
        backend._writer.sync = real_writer_sync
        release_sync.set()
        syncing.join(30)
        reloading.join(30)
        assert reload_started.is_set() and not syncing.is_alive() and not reloading.is_alive()
    finally:
        backend_module.load_briefing = real_load
        release_sync.set()
