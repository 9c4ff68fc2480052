"""The app's one boundary for untrusted text, checked on its source.

Textual reads a *str* as markup in three places the app fills with text from files: border
titles and subtitles, toasts, and widget content (Static, Option, table cells). So:

- every border title/subtitle is a constant or `pane_title(…)` (tui/app/richtext.py),
  which gives literal Text on one line;
- toasts all go through BorderbriefApp.notify, which never reads markup;
- no f-string, concatenation or str() is handed to a widget as content: text that mixes in
  a value is built as Text (safe/safe_line/Text.assemble).

The hostile-workspace tests (test_app_hostile_workspace.py) check the same on the screen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import REPO_ROOT

APP_SOURCES = sorted((REPO_ROOT / "tui" / "app").rglob("*.py"))
CONTENT_SINKS = {"Option", "Static", "Label", "add_row", "add_column", "update", "Hit", "DiscoveryHit", "Button",
                 "add_option", "Digits"}


def _name(call: ast.Call) -> str | None:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)


def _is_string_built(node: ast.AST) -> bool:
    return (isinstance(node, ast.JoinedStr)
            or isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod))
            or isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "str"
                                               or getattr(node.func, "attr", None) in ("format", "join")))


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in ("border_title", "border_subtitle"):
                    value = node.value
                    literal = isinstance(value, ast.Constant) and (value.value is None or "[" not in str(value.value))
                    if not literal and not (isinstance(value, ast.Call) and _name(value) == "pane_title"):
                        found.append(f"{path.name}:{node.lineno}: {target.attr} = {ast.unparse(value)[:80]}")
        elif isinstance(node, ast.Call) and _name(node) in CONTENT_SINKS:
            for arg in node.args:
                if _is_string_built(arg):
                    found.append(f"{path.name}:{node.lineno}: {_name(node)}({ast.unparse(arg)[:80]})")
        elif isinstance(node, ast.Call) and _name(node) == "notify":
            if any(k.arg == "markup" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                   for k in node.keywords):
                found.append(f"{path.name}:{node.lineno}: notify(markup=…)")
    return found


@pytest.mark.parametrize("path", APP_SOURCES, ids=[str(p.relative_to(REPO_ROOT / "tui" / "app")) for p in APP_SOURCES])
def test_app_code_never_hands_a_built_string_to_textual(path: Path):
    assert offences(path) == []


def test_the_checker_finds_each_kind_of_offence(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "pane.border_title = f'Brief: {name}'\n"
        "pane.border_subtitle = name\n"
        "pane.border_title = '[b]bold[/b]'\n"
        "Static('Title: ' + title)\n"
        "options.append(Option(f'{title}'))\n"
        "self.notify(message, markup=True)\n"
        "pane.border_title = pane_title(f'Brief: {name}')\n"  # the one allowed form
        "pane.border_title = 'Sources'\n",
        encoding="utf-8")
    assert sorted(int(line.split(":")[1]) for line in offences(sample)) == [1, 2, 3, 4, 5, 6]
