"""Every CLI command and export format over the hostile workspace (tests/hostile.py).

Each must: finish without a traceback; write no raw ESC/C1/NUL/bidi character to any
output (terminal, JSON, Markdown, HTML, SVG); never read markup from the payload (its
`[@click=…]` is printed as it is, so the literal text is there, and no SVG was written by
it); and leave every file under corpus/ and briefs/ as it was.
"""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest

from hostile import ACTION, ARTICLES, MEASURE, PAYLOAD, leaks, tree_digest, write_hostile_workspace

QUERY_PAYLOAD = PAYLOAD.replace("\x00", "")  # a NUL cannot pass through argv

COMMANDS = [
    pytest.param(("check",), id="check"),
    pytest.param(("check", "--json"), id="check-json"),
    pytest.param(("search", "Zephyr"), id="search"),
    pytest.param(("search", "--json", "Zephyr"), id="search-json"),
    pytest.param(("search", "--kind", "claim", "says"), id="search-claims"),
    pytest.param(("search", "--", QUERY_PAYLOAD), id="search-for-the-payload"),
    pytest.param(("show", ARTICLES[0]), id="show-article"),
    pytest.param(("show", "--json", ARTICLES[0]), id="show-article-json"),
    pytest.param(("show", "dandong"), id="show-site"),
    pytest.param(("show", "zephyr-agency"), id="show-actor"),
    pytest.param(("show", "--json", "dandong"), id="show-site-json"),
    pytest.param(("compare", "hostile-dispute"), id="compare-dispute"),
    pytest.param(("compare", "--json", "hostile-dispute"), id="compare-dispute-json"),
    pytest.param(("compare",), id="compare-list"),
    pytest.param(("compare", "--sources", *ARTICLES), id="compare-sources"),
    pytest.param(("compare", "--suggest"), id="compare-suggest"),
    pytest.param(("compare", "--suggest", "--json"), id="compare-suggest-json"),
    pytest.param(("coverage",), id="coverage"),
    pytest.param(("coverage", "--kind", "all", "--json"), id="coverage-json"),
    pytest.param(("coverage", "--by", "country"), id="coverage-by-country"),
    pytest.param(("entities",), id="entities"),
    pytest.param(("entities", "--json"), id="entities-json"),
    pytest.param(("entities", "--unbriefed"), id="entities-unbriefed"),
    pytest.param(("index",), id="index"),
    pytest.param(("index", "--json"), id="index-json"),
    pytest.param(("watch", "list"), id="watch-list"),
    pytest.param(("watch", "list", "--json"), id="watch-list-json"),
    pytest.param(("watch", "check"), id="watch-check"),
    pytest.param(("watch", "check", "--json"), id="watch-check-json"),
    pytest.param(("figures",), id="figures"),
    pytest.param(("figures", "--all", ARTICLES[0]), id="figures-of-an-article"),
    pytest.param(("figures", "--json", "--all"), id="figures-json"),
    pytest.param(("echoes",), id="echoes"),
    pytest.param(("echoes", "--json"), id="echoes-json"),
    pytest.param(("export", "--measures"), id="export-measures"),
    pytest.param(("export", "--format", "md"), id="export-md"),
    pytest.param(("export", "--format", "html"), id="export-html"),
    pytest.param(("export", "--format", "json"), id="export-json"),
]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile_workspace(tmp_path / "ws", config_home=tmp_path / "xdg-config")


@pytest.mark.parametrize("args", COMMANDS)
def test_cli_output_over_a_hostile_workspace_is_inert(hostile: Path, run_cli, args):
    before = tree_digest(hostile)

    result = run_cli(*args, workspace=hostile)

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert leaks(result.stdout) == [] and leaks(result.stderr) == []
    if "--json" in args or args[-2:] == ("--format", "json"):
        json.loads(result.stdout)  # well-formed, with the payload escaped, not dropped
    assert tree_digest(hostile) == before
    assert not list(hostile.rglob("pwned.svg"))


@pytest.mark.parametrize("args", [a for a in COMMANDS if a.id in {"show-article", "show-site", "compare-dispute"}])
def test_the_payload_markup_is_printed_not_read(hostile: Path, run_cli, args):
    result = run_cli(*args, workspace=hostile)
    unwrapped = "".join(line.strip(" │┃") for line in result.stdout.splitlines())  # panels wrap long lines
    assert ACTION in unwrapped
    assert "[bold red]loud[/]" in result.stdout


@pytest.mark.parametrize("kind", ["map", "timeline", "chart"])
def test_svg_pictures_of_a_hostile_workspace_are_well_formed_xml(hostile: Path, run_cli, tmp_path: Path, kind):
    target = tmp_path / f"{kind}.svg"
    option = ("--chart", f"{MEASURE}={target}") if kind == "chart" else (f"--{kind}", str(target))
    before = tree_digest(hostile)

    result = run_cli("export", *option, workspace=hostile)

    assert result.exit_code == 0, result.output
    svg = target.read_text(encoding="utf-8")
    assert leaks(svg) == []
    xml.dom.minidom.parseString(svg)  # raises on a raw control character
    assert tree_digest(hostile) == before


def test_json_keeps_the_payload_whole_but_escaped(hostile: Path, run_cli):
    result = run_cli("show", "--json", ARTICLES[0], workspace=hostile)
    assert "\\u009b" in result.stdout and "\\u202e" in result.stdout
    assert json.loads(result.stdout)["title"].startswith("title:" + PAYLOAD)


def test_add_of_a_hostile_page_is_inert(hostile: Path, run_cli, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>{QUERY_PAYLOAD}</title></head><body><p>Zephyr {QUERY_PAYLOAD}</p>"
                    "</body></html>", encoding="utf-8")
    before = tree_digest(hostile)

    result = run_cli("add", str(page), workspace=hostile)

    assert result.exit_code == 0, result.output
    assert leaks(result.stdout) == [] and leaks(result.stderr) == []
    after = tree_digest(hostile)
    assert {k: v for k, v in after.items() if k in before} == before and len(after) == len(before) + 1
    checked = run_cli("check", workspace=hostile)
    assert "Traceback" not in checked.output and leaks(checked.stdout) == []
