"""Problems: what the loader and the checks found, as path:line: message."""

from __future__ import annotations

import os
import shlex
import subprocess

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...problems import Problem
from ..richtext import DIM, safe_line, pane_title
from ..widgets.motion_list import MotionList


class ProblemsScreen(ModalScreen[None]):
    CSS_PATH = "problems.tcss"
    BINDINGS = [
        Binding("escape,q,p", "dismiss", "Close"),
        Binding("e", "edit", "Edit file"),
    ]

    def __init__(self, problems: list[Problem], root) -> None:
        super().__init__()
        self.problems = problems
        self.root = root

    def compose(self) -> ComposeResult:
        options = [
            Option(Text.assemble(safe_line(p.location(self.root), "bold"), ("\n  ", DIM), safe_line(p.message)))
            for p in self.problems
        ] or [Option(Text("No problems: the corpus and briefs pass every check.", style="green"), disabled=True)]
        problems = MotionList(*options, id="problems-list")
        problems.border_title = pane_title(f"Problems ({len(self.problems)})")
        problems.border_subtitle = "e edit · escape closes"
        yield problems

    def action_dismiss(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.problems):
            return
        problem = self.problems[index]
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        command = [*shlex.split(editor)]
        if problem.line and os.path.basename(command[0]) in ("vi", "vim", "nvim", "nano", "emacs", "micro", "hx", "kak"):
            command.append(f"+{problem.line}")
        try:
            with self.app.suspend():
                subprocess.run([*command, str(problem.path)], check=False)
        except Exception as err:
            self.notify(f"Could not run {editor}: {err}", severity="error")
            return
        self.dismiss(None)
        self.app.reload_workspace()
