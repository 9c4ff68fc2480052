"""What a selection offers to copy (Y), and which urls may be opened in a browser (o)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from support import REPO_ROOT
from tui.briefing import Briefing
from tui.citation import copy_choices, web_url

SHIPPED = Briefing.load(REPO_ROOT)


@pytest.mark.parametrize(("url", "opened"), [
    pytest.param("https://www.rfa.org/english/news/korea/rail.html", True, id="https"),
    pytest.param("http://example.org/a", True, id="http"),
    pytest.param("  https://example.org/a ", True, id="spaces-around-trimmed"),
    pytest.param("javascript:alert(1)", False, id="javascript-never"),
    pytest.param("file:///etc/passwd", False, id="file-never"),
    pytest.param("data:text/html,<script>", False, id="data-never"),
    pytest.param("https://", False, id="no-host"),
    pytest.param("https://exa mple.org/\x1b[2J", False, id="control-characters-never"),
    pytest.param("www.example.org", False, id="no-scheme"),
    pytest.param(None, False, id="none"),
])
def test_only_web_addresses_are_opened(url, opened):
    assert (web_url(url) is not None) is opened


def test_a_claim_offers_its_citation_ids_quote_and_both_places():
    claim = next(c for c in SHIPPED.claims.values() if c.quote_span)
    article = SHIPPED.articles[claim.source]
    choices = {what: text for _, what, text in copy_choices(article, claim, SHIPPED.root)}
    assert choices["claim id"] == claim.id and choices["article id"] == article.id
    assert " ".join(claim.quote.split()) in choices["citation"] and choices["quote"] == " ".join(claim.quote.split())
    path, line = choices["location in the article"].rsplit(":", 1)
    assert path == f"corpus/{article.id}.md"
    written = " ".join((REPO_ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1].split())
    assert " ".join(claim.quote.split()[:3]) in written  # the line the quote starts on
    brief_path, brief_line = choices["location in the brief"].rsplit(":", 1)
    assert brief_path.startswith("briefs/") and f"id: {claim.id}" in \
        (REPO_ROOT / brief_path).read_text(encoding="utf-8").splitlines()[int(brief_line) - 1]


def test_an_article_offers_no_claim_and_its_url_only_when_known():
    without = next(a for a in SHIPPED.articles.values() if not a.url)
    with_url = replace(without, url="https://example.org/a")
    assert [k for k, _, _ in copy_choices(with_url, None, SHIPPED.root)] == ["c", "a", "u", "l"]
    assert [k for k, _, _ in copy_choices(without, None, SHIPPED.root)] == ["c", "a", "l"]
    assert copy_choices(None, None, SHIPPED.root) == []
