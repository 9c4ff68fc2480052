"""Rich rendering for the CLI. Untrusted text always goes through Text, never markup."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from ..safetext import json_safe, one_line, visible

MATCH_STYLE = "bold yellow"


class TerminalSafeConsole(Console):
    """A Rich console that cannot pass a control character from text to the terminal.

    Text built with `plain`/`line` is already made visible (before layout, so widths are
    right); this is the net under it: the characters of every text segment go through
    `visible` just before they are written, so a value that reached a Text some other way
    still cannot set a title, write the clipboard or move the cursor. Rich's own control
    segments (cursor moves of a progress bar) and the style codes it wraps text in are not
    text and pass unchanged.
    """

    def _render_buffer(self, buffer):
        return super()._render_buffer(
            segment if segment.control or not segment.text else Segment(visible(segment.text), segment.style)
            for segment in buffer)


def console() -> Console:
    # markup=False: a plain string handed to print(), a table cell or a panel title is
    # shown as it is, never read as [markup] (untrusted values reach all three).
    return TerminalSafeConsole(highlight=False, soft_wrap=False, markup=False, emoji=False)


def say(message: str = "", err: bool = False, nl: bool = True) -> None:
    """click.echo for text that may hold values from files or the command line: every
    control, bidi and invisible character is shown as a visible stand-in, none is sent."""
    click.echo("\t".join(visible(part) for part in message.split("\t")), err=err, nl=nl)  # tabs separate columns


def plain(text: str | None, style: str = "") -> Text:
    return Text(visible(text or ""), style=style)


def line(text: str | None, style: str = "", limit: int | None = None) -> Text:
    return Text(one_line(text or "", limit), style=style)


def marked(text: str, marks, style: str = MATCH_STYLE) -> Text:
    """Text with the given spans styled; text is made visible, lengths unchanged."""
    out = Text(visible(text).replace("\n", " "))
    for start, end in marks:
        out.stylize(style, start, end)
    return out


def print_json(data) -> None:
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n")
