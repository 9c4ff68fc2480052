"""The structure the README promises, checked on the code as it is: the layering contracts
of pyproject.toml hold, and no two modules of tui import each other, directly or not."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from support import REPO_ROOT


def _run(*command: str, pythonpath: str | Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_the_layering_contracts_hold():
    contracts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = _run(str(lint_imports), "--no-cache", "--no-logo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(contracts)} kept, 0 broken." in result.stdout, result.stdout


def test_no_import_cycle_among_the_tui_modules():
    """Every import counts, lazy ones inside functions and those under TYPE_CHECKING too."""
    result = _run(sys.executable, "-m", "tools.structure", "--cycles")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "no import cycle among the tui modules"


@pytest.mark.parametrize("second_import", [
    pytest.param("def later():\n    from . import first\n", id="lazy-import-in-a-function"),
    pytest.param("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import first\n", id="type-checking-import"),
    pytest.param("from .third import x\n", id="through-a-third-module"),
])
def test_the_cycle_finder_sees_every_kind_of_import(tmp_path: Path, second_import: str):
    package = tmp_path / "circle"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text("from . import second\n")
    (package / "second.py").write_text(second_import)
    (package / "third.py").write_text("from . import first\nx = 1\n")
    result = _run(sys.executable, "-m", "tools.structure", "--cycles", "--package", "circle",
                  pythonpath=f"{tmp_path}{os.pathsep}{REPO_ROOT}")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cycle of" in result.stdout and "circle.first" in result.stdout and "circle.second" in result.stdout
