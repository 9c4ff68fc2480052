"""A change to what the loader makes of an unchanged file must bump PARSE_CACHE_VERSION.

The parse cache keeps each article as it was parsed (fields, dates, problems, mention
spans) and is trusted for as long as the file is unchanged and PARSE_CACHE_VERSION is the
same. If the parser changes and the version does not, every user keeps the old parse. This
test parses a fixed set of articles and briefs (written here, not the shipped corpus,
which may grow) and compares a digest of the result with the one recorded for the current
version in tests/parse_cache_fingerprint.json.

When it fails because the parse changed: bump PARSE_CACHE_VERSION in
tui/loadcache/version.py, then record the new pair with
    python tests/test_parse_cache_version.py --record
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from support import write_file  # noqa: E402
from tui.briefing import Briefing  # noqa: E402
from tui.loadcache.version import PARSE_CACHE_VERSION  # noqa: E402

FINGERPRINT = HERE / "parse_cache_fingerprint.json"

ARTICLES = {
    # A dateline as the publication date, an en dash, a name with a breve.
    "corpus/note-dateline.md": """\
        ---
        id: note-dateline
        title: Trucks queue at the Sinŭiju end
        ---
        DANDONG, 2026-04-02 — Trucks queued on the Sino–North Korean Friendship Bridge toward Sinuiju.
        """,
    # A partial date, an outlet and author, Korean and Chinese names.
    "corpus/2019-07-note-scripts.md": """\
        ---
        id: 2019-07-note-scripts
        title: 신의주 and 丹东 traders
        outlet: A Test Outlet
        author: Kim Test
        published: 2019-07
        url: https://example.org/scripts
        ---
        Traders in 丹东 and 신의주 spoke of Rajin and of Najin port, and of Khassan station.
        """,
    # Markup and escapes in the title, a bad date (a problem), a second paragraph.
    "corpus/2020-note-hostile.md": """\
        ---
        id: 2020-note-hostile
        title: "[bold]Loud[/] \\x1b[2J title"
        published: 2020-13-45
        ---
        Rason and Hunchun.

        A second paragraph about the Tumen River crossing.
        """,
    # Front matter that is not YAML at all.
    "corpus/broken.md": """\
        ---
        id: [unclosed
        ---
        Body of a broken file.
        """,
}

BRIEFS = {
    "briefs/sites/sinuiju.yaml": """\
        id: sinuiju
        kind: site
        type: city
        name: Sinuiju
        aliases: [신의주, 新义州]
        summary: A city.
        """,
    "briefs/sites/dandong.yaml": """\
        id: dandong
        kind: site
        type: city
        name: Dandong
        aliases: [丹东]
        summary: A city.
        """,
    "briefs/sites/rajin.yaml": """\
        id: rajin
        kind: site
        type: port
        name: Rajin
        summary: A port.
        """,
    "briefs/sites/khasan.yaml": """\
        id: khasan
        kind: site
        type: station
        name: Khasan
        summary: A station.
        """,
    "briefs/sites/friendship-bridge.yaml": """\
        id: friendship-bridge
        kind: site
        type: bridge
        name: Sino-North Korean Friendship Bridge
        summary: A bridge.
        """,
}


@contextmanager
def fixture_briefing() -> Iterator[tuple[Path, Briefing]]:
    """The fixed files written into a fresh workspace, loaded without any cache."""
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        for folder in ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        for relative, text in {**ARTICLES, **BRIEFS}.items():
            write_file(root, relative, text)
        yield root, Briefing.load(root)


def parse_digest() -> str:
    """A digest of everything the loader makes of the fixed files that the cache keeps."""
    with fixture_briefing() as (root, briefing):
        record = {
            "articles": [
                {**{name: (str(value.relative_to(root)) if isinstance(value, Path) else
                           value.iso() if hasattr(value, "iso") else value)
                    for name, value in vars(article).items()},
                 "mentions": [(m.start, m.end, m.entity_id, m.text) for m in briefing.mentions.get(article.id, [])]}
                for article in sorted(briefing.articles.values(), key=lambda a: a.id)
            ],
            "problems": sorted((str(Path(p.path).relative_to(root)) if Path(p.path).is_absolute() else str(p.path),
                                p.line or 0, p.message) for p in briefing.workspace.problems
                               if "corpus" in str(p.path)),
        }
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def test_the_parse_did_not_change_without_a_version_bump():
    recorded = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    digest = parse_digest()
    if recorded["version"] == PARSE_CACHE_VERSION:
        assert digest == recorded["digest"], (
            "what the loader makes of an unchanged file changed, but PARSE_CACHE_VERSION did not: "
            "bump it in tui/loadcache/version.py, then run python tests/test_parse_cache_version.py --record")
    else:
        raise AssertionError(f"PARSE_CACHE_VERSION is {PARSE_CACHE_VERSION}; the fingerprint is of version "
                             f"{recorded['version']}: run python tests/test_parse_cache_version.py --record")


def test_the_fixture_has_what_the_cache_keeps():
    """The digest covers mentions, problems and partial dates, or it would prove little."""
    with fixture_briefing() as (_, briefing):
        assert sum(len(m) for m in briefing.mentions.values()) >= 6
        assert any("corpus" in str(p.path) for p in briefing.workspace.problems)
        assert any(a.published is not None and a.published.iso() == "2019-07" for a in briefing.articles.values())


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    FINGERPRINT.write_text(json.dumps({"version": PARSE_CACHE_VERSION, "digest": parse_digest()}, indent=1) + "\n",
                           encoding="utf-8")
    print(f"recorded version {PARSE_CACHE_VERSION}: {FINGERPRINT}")
