"""Rich rendering for the CLI. Untrusted text always goes through Text, never markup."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.text import Text

from ..safetext import json_safe, one_line, visible

MATCH_STYLE = "bold yellow"


def console() -> Console:
    # markup=False: a plain string handed to print(), a table cell or a panel title is
    # shown as it is, never read as [markup] (untrusted values reach all three).
    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


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
