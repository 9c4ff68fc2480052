"""Citations to copy: outlet, date, title, quote, url — plain text; what else a selection
offers to copy, and whether its url may be opened."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .model import Article, Claim
from .problems import file_location
from .safetext import one_line


def cite_article(article: Article, quote: str | None = None) -> str:
    parts = []
    if quote:
        parts.append(f"“{one_line(quote)}”")
    source = ", ".join(p for p in (
        one_line(article.outlet) if article.outlet else "outlet unknown",
        article.published.iso() if article.published else "undated",
        f"“{one_line(article.title)}”",
    ))
    if article.author:
        source += f", by {one_line(article.author)}"
    parts.append(f"— {source}" if quote else source)
    if article.url:
        parts.append(one_line(article.url))
    return " ".join(parts)


def cite_claim(claim: Claim, article: Article | None) -> str:
    if article is None:
        return f"“{one_line(claim.quote)}” — {claim.source}"
    return cite_article(article, claim.quote)


def quote_location(article: Article, claim: Claim | None, root: Path) -> str:
    """`corpus/<id>.md:LINE` of the claim's quote in its article (else of the body's start)."""
    line = article.body_line
    if claim is not None and claim.quote_span is not None:
        line += article.body.count("\n", 0, claim.quote_span[0])
    return file_location(article.path, line, root)


def copy_choices(article: Article | None, claim: Claim | None, root: Path) -> list[tuple[str, str, str]]:
    """What can be copied of a selection, as (key, what, text): the citation, the id, the
    quote, the url, and where it is written (path:line of the quote and of the claim)."""
    choices: list[tuple[str, str, str]] = []
    if claim is not None:
        choices.append(("c", "citation", cite_claim(claim, article)))
        choices.append(("i", "claim id", claim.id))
        choices.append(("q", "quote", one_line(claim.quote)))
    elif article is not None:
        choices.append(("c", "citation", cite_article(article)))
    if article is not None:
        choices.append(("a", "article id", article.id))
        if article.url:
            choices.append(("u", "url", one_line(article.url)))
        choices.append(("l", "location in the article", quote_location(article, claim, root)))
    if claim is not None:
        choices.append(("b", "location in the brief", file_location(claim.path, claim.line, root)))
    return choices


def web_url(url: str | None) -> str | None:
    """The url if it is one a browser may be sent to (http or https with a host), else None:
    an article's url field is untrusted (file:, javascript: and data: are never opened)."""
    if not url:
        return None
    url = url.strip()
    parsed = urlsplit(url)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    return url

