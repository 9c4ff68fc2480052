"""Rich Text built from untrusted strings: never markup, control characters made visible."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ..article_header import date_with_precision
from ..dates import PartialDate
from ..safetext import INVISIBLE_STAND_IN, one_line, unsafe_spans, visible

MATCH = Style(color="black", bgcolor="#e5c07b", bold=True)
CURRENT_MATCH = Style(color="black", bgcolor="#ff8c42", bold=True)
SITE = Style(color="#4cb860", bold=True, underline=True)
ACTOR = Style(color="#4a9ce0", bold=True, underline=True)
QUOTE = Style(bgcolor="#4b2e6b", color="#f0e6ff")
STAND_IN = Style(color="red", reverse=True)
DIM = Style(dim=True)


def safe(text: str | None, style: Style | str = "") -> Text:
    """Untrusted text as literal Text, with its control/bidi/invisible characters shown."""
    raw = text or ""
    out = Text(visible(raw), style=style)
    for start, end in unsafe_spans(raw):
        out.stylize(STAND_IN, start, end)
    return out


def safe_line(text: str | None, style: Style | str = "", limit: int | None = None) -> Text:
    return Text(one_line(text or "", limit), style=style)


# A mark's target rides in the style's meta under this key, and the reader turns a click on it
# into a message. Not "@click": Textual recolours @click text as a link (the widget's contrast
# colour), which hid the site/actor colours and left a search hit light grey on yellow.
MARK_META = "borderbrief-mark"


def pane_title(*parts: str) -> Text:
    """A pane's border title or subtitle, from any strings: literal Text on one line.

    Textual reads a *str* border title as markup, so a title holding an article's title or
    a brief's name could run `[@click=app.screenshot(…)]` when clicked. Every border title
    and subtitle in the app is made here (tests/app/test_app_text_boundary.py checks that).
    """
    return Text(one_line("".join(parts)))


def entity_style(kind: str, entity_id: str) -> Style:
    base = SITE if kind == "site" else ACTOR
    return base + Style(meta={MARK_META: (kind, entity_id)})


def claim_style(claim_id: str) -> Style:
    return QUOTE + Style(meta={MARK_META: ("claim", claim_id)})


def date_text(date: PartialDate | None) -> str:
    return date.iso() if date else "undated"


__all__ = ["safe", "safe_line", "one_line", "pane_title", "entity_style", "claim_style", "MARK_META", "MATCH", "CURRENT_MATCH", "SITE", "ACTOR",
           "QUOTE", "DIM", "date_text", "date_with_precision", "INVISIBLE_STAND_IN"]
