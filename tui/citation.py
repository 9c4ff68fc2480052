"""Citations to copy: outlet, date, title, quote, url — plain text."""

from __future__ import annotations

from .model import Article, Claim
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
