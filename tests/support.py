"""Shared constants and plain helpers for the test suite (fixtures live in conftest.py)."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

from tui.briefing import Briefing
from tui.search import SearchIndex

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "corpus"

# The five shipped articles.
HANKYOREH = "2016-08-23-hankyoreh-economic-cooperation"
RFA = "2022-09-rfa-rail-trade-restart"
RASON = "2023-rason-russia-cooperation"
HUNCHUN = "2025-hunchun-customs-facility"
CHINA_TRADE = "2026-03-12-china-trade-border-infrastructure"
ALL_ARTICLES = frozenset({HANKYOREH, RFA, RASON, HUNCHUN, CHINA_TRADE})
NEWEST_FIRST = [CHINA_TRADE, HUNCHUN, RASON, RFA, HANKYOREH]

BRIEF_FOLDERS = ("sites", "actors", "disputes")


def make_workspace(root: Path) -> Path:
    """The five shipped articles in root/corpus and empty brief folders."""
    shutil.copytree(CORPUS, root / "corpus", ignore=shutil.ignore_patterns(".*"))
    for folder in BRIEF_FOLDERS:
        (root / "briefs" / folder).mkdir(parents=True)
    return root


def build_index(root: Path, directory: Path) -> SearchIndex:
    """An index over everything in the workspace at root, kept in `directory`."""
    index = SearchIndex(directory)
    index.sync(Briefing.load(root).search_documents())
    return index


def write_file(root: Path, relative: str, text: str) -> Path:
    """Write dedented text to root/relative (folders created) and return the path."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """1-based number of the line of `path` holding the nth occurrence of `needle`."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} (occurrence {nth}) is not in {path}")


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a file; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def article_body(article_id: str) -> str:
    """The body of a shipped article, read without the engine (an independent oracle)."""
    text = (CORPUS / f"{article_id}.md").read_text(encoding="utf-8")
    _, _, body = text.split("---\n", 2)
    return body


def articles_containing(pattern: str, flags: int = re.IGNORECASE) -> set[str]:
    """Ids of the shipped articles whose file (title or body) matches a regex."""
    return {
        path.stem
        for path in CORPUS.glob("*.md")
        if re.search(pattern, path.read_text(encoding="utf-8"), flags)
    }


# A small, clean workspace: two sites, one actor, one dispute, over the five articles.
SMALL_BRIEFS = {
    "briefs/sites/sinuiju.yaml": """
        # yaml-language-server: $schema=../../schema/brief.schema.json
        id: sinuiju
        kind: site
        type: city
        name: Sinuiju
        aliases: [Sinŭiju, 신의주]
        country: KP
        location: {lat: 40.10, lon: 124.40}
        related: [dandong]
        summary: >
          North Korean city on the lower Yalu River, opposite Dandong.
        claims:
          - id: nk-trade-2019
            says: North Korea's trade with China was over US$3.2 billion in 2019
            value: 3200000000
            unit: USD
            measure: nk-china-trade-value
            as_of: 2019
            source: 2022-09-rfa-rail-trade-restart
            quote: "trade volume was more than U.S. $3.2 billion"
          - id: china-share-about-90-percent
            says: Trade with China is about 90 percent of North Korea's foreign trade
            value: 90
            unit: percent
            source: 2022-09-rfa-rail-trade-restart
            quote: "trade with China has accounted for about 90 percent of all foreign trade in North Korea"
        """,
    "briefs/sites/dandong.yaml": """
        # yaml-language-server: $schema=../../schema/brief.schema.json
        id: dandong
        kind: site
        type: city
        name: Dandong
        aliases: [丹东]
        country: CN
        location: {lat: 40.13, lon: 124.39}
        related: [sinuiju]
        summary: >
          Chinese city on the lower Yalu River, the main gateway for trade with North Korea.
        claims:
          - id: china-share-over-90-percent
            says: China accounts for over 90% of North Korea's foreign trade
            value: 90
            unit: percent
            source: 2016-08-23-hankyoreh-economic-cooperation
            quote: "bilateral trade with China, which accounts for over 90% of North Korea’s foreign trade"
        """,
    "briefs/actors/kotra.yaml": """
        # yaml-language-server: $schema=../../schema/brief.schema.json
        id: kotra
        kind: actor
        type: agency
        name: KOTRA
        aliases: [Korea Trade Investment Promotion Agency]
        country: KR
        summary: >
          South Korean trade promotion agency whose figures are cited for North Korea's trade.
        """,
    "briefs/disputes/china-share-of-trade.yaml": """
        # yaml-language-server: $schema=../../schema/dispute.schema.json
        id: china-share-of-trade
        question: What share of North Korea's foreign trade is with China?
        kind: different-measure
        claims:
          - china-share-about-90-percent
          - china-share-over-90-percent
        note: >
          Both sources give about nine tenths, for different years.
        """,
}
