"""What heads an article wherever it is shown (the app's reader, `borderbrief show`): its
title, outlet, date to the precision known, author, url and the loader's notes, as parts
with a role each. Each front end styles the roles its own way; what is said, and in which
order, is decided here once."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import PartialDate
from .model import Article

# Roles: title, outlet, unknown (a field the article does not give), date, author, url,
# note, and sep (the punctuation between parts).


@dataclass(frozen=True)
class HeaderPart:
    text: str  # untrusted where it comes from the article: render it as text, never markup
    role: str


def date_with_precision(date: PartialDate | None) -> str:
    """'12 March 2016', or 'March 2016 (to the month)' when only the month is known."""
    if date is None:
        return "date unknown"
    if date.precision == "day":
        return date.human()
    return f"{date.human()} (to the {date.precision})"


def article_header(article: Article) -> list[list[HeaderPart]]:
    """The header's lines, each a list of parts."""
    byline = [HeaderPart(article.outlet, "outlet") if article.outlet else HeaderPart("outlet unknown", "unknown"),
              HeaderPart(" · ", "sep"), HeaderPart(date_with_precision(article.published), "date")]
    if article.author:
        byline += [HeaderPart(" · by ", "sep"), HeaderPart(article.author, "author")]
    lines = [[HeaderPart(article.title, "title")], byline]
    if article.url:
        lines.append([HeaderPart(article.url, "url")])
    for note in (article.published_note, article.title_note):
        if note:
            lines.append([HeaderPart(note, "note")])
    return lines
