"""Fixtures: throw-away workspaces over the five shipped articles, indexes in tmp dirs, the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

from support import SMALL_BRIEFS, build_index, make_workspace, write_file
from tui.cli import cli

# Pilot waits for the app to be idle after every key and pause by sleeping in steps of
# textual._wait.SLEEP_GRANULARITY (20 ms) until a step passes without work; most of the
# suite's time was those steps. A finer step says the same thing ("no work left") sooner.
# The tests never rely on these waits for a worker's answer: they wait on the workers.
import textual._wait as _textual_wait  # noqa: E402

assert hasattr(_textual_wait, "SLEEP_GRANULARITY") and hasattr(_textual_wait, "SLEEP_IDLE"), \
    "textual._wait changed: the finer Pilot wait step in tests/conftest.py needs a look"
_textual_wait.SLEEP_GRANULARITY = 0.004
_textual_wait.SLEEP_IDLE = _textual_wait.SLEEP_GRANULARITY / 20


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may touch the user's cache, config (watches) or state (query history), or pick
    up a workspace from the environment."""
    cache = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.delenv("BORDERBRIEF_WORKSPACE", raising=False)
    return cache


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace holding the five shipped articles and no briefs."""
    return make_workspace(tmp_path / "ws")


@pytest.fixture
def write(workspace: Path) -> Callable[[str, str], Path]:
    """write('briefs/sites/x.yaml', text): write a (dedented) file into the workspace."""

    def _write(relative: str, text: str) -> Path:
        return write_file(workspace, relative, text)

    return _write


@pytest.fixture
def small_workspace(workspace: Path) -> Path:
    """The five articles plus two sites, one actor and one dispute, all valid."""
    for relative, text in SMALL_BRIEFS.items():
        write_file(workspace, relative, text)
    return workspace


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "ix"


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory):
    """A read-only index over the five articles (no briefs), built once for the session."""
    base = tmp_path_factory.mktemp("corpus-index")
    root = make_workspace(base / "ws")
    index = build_index(root, base / "ix")
    yield index
    index.close()


@pytest.fixture
def small_index(small_workspace: Path, index_dir: Path):
    index = build_index(small_workspace, index_dir)
    yield index
    index.close()


@pytest.fixture
def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """run_cli(*args, workspace=DIR): `borderbrief --workspace DIR --index-dir <tmp> args…`."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    runner = CliRunner()

    def _run(*args: str, workspace: Path, index_dir: Path | None = None, global_options=(),
             input: str | bytes | None = None) -> Result:
        argv = ["--workspace", str(workspace), "--index-dir", str(index_dir or tmp_path / "cli-ix"),
                *global_options, *args]
        return runner.invoke(cli, argv, prog_name="borderbrief", input=input)

    return _run
