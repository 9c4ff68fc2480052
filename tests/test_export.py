"""`borderbrief export`: the pictures written as SVG files."""

from __future__ import annotations

import html
import re

import pytest

from support import REPO_ROOT
from tui.briefing import Briefing
from tui.geo import label_variants


def svg_text(path) -> str:
    svg = path.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


def test_export_map_writes_an_svg_with_every_located_site(run_cli, tmp_path):
    out = tmp_path / "map.svg"
    result = run_cli("export", "--map", str(out), workspace=REPO_ROOT)
    assert result.exit_code == 0, result.output
    text = svg_text(out)
    briefing = Briefing.load(REPO_ROOT)
    sites = [b for b in briefing.briefs.values() if b.kind == "site" and b.location is not None]
    assert len(sites) >= 20
    for site in sites:
        assert any(variant in text for variant in label_variants(site.name)), site.name
    for name in ("Dandong", "Sinuiju", "Hunchun", "New Yalu River Bridge", "Vladivostok"):
        assert name in text
    assert f"wrote {out}" in result.stderr


def test_export_timeline_and_chart_together(run_cli, tmp_path):
    timeline, chart = tmp_path / "timeline.svg", tmp_path / "trade.svg"
    result = run_cli("export", "--timeline", str(timeline), "--by", "source",
                     "--chart", f"nk-trade-volume-kotra={chart}", workspace=REPO_ROOT)
    assert result.exit_code == 0, result.output
    assert "Radio Free Asia (2022-09)" in svg_text(timeline)
    text = svg_text(chart)
    assert "US$3.2bn" in text and "US$0.863bn" in text and "Radio Free Asia" in text


def test_export_measures_lists_what_can_be_charted(run_cli):
    result = run_cli("export", "--measures", workspace=REPO_ROOT)
    assert result.exit_code == 0, result.output
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert ids == ["nk-china-trade-change", "nk-china-trade-change-monthly", "nk-china-trade-share", "nk-trade-volume-kotra"]


@pytest.mark.parametrize(("args", "message"), [
    pytest.param([], "nothing to export", id="nothing-asked"),
    pytest.param(["--chart", "nyrb-status"], "not a measure that two or more claims quantify", id="unchartable-measure"),
    pytest.param(["--map", "map.png"], "only SVG", id="not-svg"),
    pytest.param(["--map", "map.svg", "--size", "12x4"], "out of range", id="tiny-size"),
])
def test_export_refuses_in_one_line(run_cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", *args, workspace=REPO_ROOT)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("*.svg")) and not list(tmp_path.glob("*.png"))
