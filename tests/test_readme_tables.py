"""README's key table agrees with the help screen and the bindings; its command table lists
every command."""

from __future__ import annotations

import re

import pytest

from support import REPO_ROOT
from tui.cli import COMMANDS, cli

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def table_after(heading: str) -> list[str]:
    """The first column of the first Markdown table after `heading`."""
    section = README[README.index(heading):]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    first_rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("|"):
            first_rows.append(line)
        elif first_rows:
            break
    return [row.split(" | ")[0].lstrip("| ") for row in first_rows if not row.startswith("|---")][1:] or rows


def readme_keys() -> set[str]:
    keys = set()
    for cell in table_after("## Using the app"):
        keys |= set(re.findall(r"`([^`]+)`", cell))
    return keys


def help_keys() -> set[str]:
    from tui.app.screens.help import KEYS

    keys = set()
    for _, rows in KEYS:
        for key, _ in rows:
            keys |= {k.strip() for part in key.split(",") for k in part.split(" / ")}
    return keys


def bound_keys() -> set[str]:
    """Every key some binding of the app, its screens or its widgets answers, as typed."""
    import importlib
    import pkgutil

    import textual.widgets
    from textual.binding import Binding

    import tui.app.screens as screens
    import tui.app.widgets as widgets

    from tui.app.app import BorderbriefApp

    names = {"question_mark": "?", "slash": "/", "right_square_bracket": "]", "left_square_bracket": "[",
             "greater_than_sign": ">", "less_than_sign": "<", "plus": "+", "minus": "-", "equals_sign": "="}
    classes = [BorderbriefApp, textual.widgets.OptionList, textual.widgets.Tree, textual.widgets.Input]
    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            loaded = importlib.import_module(f"{package.__name__}.{module.name}")
            classes += [v for v in vars(loaded).values() if isinstance(v, type) and hasattr(v, "BINDINGS")]
    keys = {"ctrl+p", "tab", "shift+tab", "enter", "escape"}  # Textual's own: palette, focus, select, back
    for cls in classes:
        for klass in cls.__mro__:
            for binding in vars(klass).get("BINDINGS", []):
                if isinstance(binding, Binding):
                    keys |= {names.get(k, k) for k in binding.key.split(",")}
                elif isinstance(binding, tuple):
                    keys |= {names.get(k, k) for k in binding[0].split(",")}
    return keys


def test_every_key_in_the_readme_table_is_on_the_help_screen():
    assert readme_keys() - help_keys() == set()


def test_every_key_on_the_help_screen_is_bound():
    words = {"typing", "syntax"}
    assert help_keys() - words - bound_keys() == set()


def test_the_readme_and_help_name_the_new_keys():
    for key in ("j", "k", "g", "G", "h", "l", "z", "ctrl+d", "ctrl+u"):
        assert key in readme_keys() and key in help_keys(), key


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_readme_command_table_lists_every_command(command: str):
    commands = table_after("## The command line")
    assert any(cell.startswith(f"`borderbrief {command}") for cell in commands), command
