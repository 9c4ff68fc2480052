"""`borderbrief export --format md|html|json`: a briefing report with citations."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from support import REPO_ROOT, make_workspace, write_file
from tui.briefing import Briefing

SHIPPED = Briefing.load(REPO_ROOT)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def html_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "briefing.html"
    from click.testing import CliRunner

    from tui.cli import cli

    result = CliRunner().invoke(cli, ["--workspace", str(REPO_ROOT), "--index-dir", str(out.parent / "ix"),
                                      "export", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_html_report_holds_every_dispute_and_every_claim_quote(html_report: Path):
    page = html_report.read_text(encoding="utf-8")
    for dispute in SHIPPED.disputes.values():
        assert f'id="dispute-{dispute.id}"' in page
        assert html.escape(dispute.question) in page
    for claim in SHIPPED.claims.values():
        assert html.escape(claim.quote) in page, claim.id
    assert page.count('id="picture-') == 2, "map and timeline inline"
    assert "<script" not in page and 'src="http' not in page, "self-contained: no scripts, no remote resources"


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here (.ci/run installs it)")
def test_the_html_report_opens_in_a_headless_browser(html_report: Path, tmp_path: Path):
    shot = tmp_path / "page.png"
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", html_report.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Where sources disagree" in dom.stdout and 'id="dispute-nyrb-opening-status"' in dom.stdout
    done = subprocess.run([*common, f"--screenshot={shot}", "--window-size=1200,1600", html_report.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and shot.stat().st_size > 10_000


def test_the_json_report_uses_claimreview_objects_with_sources(run_cli):
    result = run_cli("export", "--format", "json", workspace=REPO_ROOT)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["@context"] == "https://schema.org"
    assert {c["identifier"] for c in data["claims"]} == set(SHIPPED.claims)
    for review in data["claims"]:
        claim = SHIPPED.claims[review["identifier"]]
        article = SHIPPED.articles[claim.source]
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.says
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["text"] == claim.quote
        assert item["appearance"]["identifier"] == claim.source and item["appearance"]["headline"] == article.title
        assert item["author"]["name"] == article.outlet
        assert item["datePublished"] == (article.published.iso() if article.published else None)
        selector = review["quoteSelector"]
        assert article.body[selector["start"]:selector["end"]] == claim.quote
    assert {d["id"] for d in data["disputes"]} == set(SHIPPED.disputes)


def test_the_markdown_report_cites_its_sources(run_cli):
    text = run_cli("export", "--format", "md", workspace=REPO_ROOT).stdout
    assert text.startswith("# Border briefing")
    for heading in ("## Sources", "## Sites", "## Actors", "## Where sources disagree"):
        assert heading in text
    assert "“70% of North Korea–China trade currently flows through Sinuiju and Dandong” [2]" in text


def test_filtered_by_entity(run_cli):
    data = json.loads(run_cli("export", "--format", "json", "--entity", "new-yalu-river-bridge", workspace=REPO_ROOT).stdout)
    assert [b["identifier"] for b in data["briefs"]] == ["new-yalu-river-bridge"]
    assert "nyrb-opening-status" in {d["id"] for d in data["disputes"]}
    assert "rason-future-partner" not in {d["id"] for d in data["disputes"]}
    cited = {c["itemReviewed"]["appearance"]["identifier"] for c in data["claims"]}
    assert cited <= {s["identifier"] for s in data["sources"]}


def test_an_unknown_entity_exits_2(run_cli):
    result = run_cli("export", "--format", "md", "--entity", "atlantis", workspace=REPO_ROOT)
    assert result.exit_code == 2 and "unknown entity" in result.stderr


HOSTILE = "<script>alert(1)</script> [bold]x[/bold] \x1b]52;c;ZXZpbA==\x07 \u202eevil"


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_hostile_text_is_escaped(tmp_path: Path, run_cli, fmt: str):
    root = make_workspace(tmp_path / "ws")
    write_file(root, "corpus/2024-hostile.md", "---\nid: 2024-hostile\ntitle: \"" + HOSTILE.replace("\x1b", "\\e").replace("\x07", "\\a") + "\"\n---\n"
               + HOSTILE + " body\n")
    assert Briefing.load(root).workspace.problems == []
    text = run_cli("export", "--format", fmt, "--no-pictures", workspace=root).stdout
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    if fmt == "html":
        assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    else:
        assert "\\<script\\>" in text and "\\[bold\\]" in text
