"""Coverage (who reports on what, single-source flags) and watches (what is new)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from support import write_file
from tui.briefing import Briefing
from tui.coverage import UNKNOWN_OUTLET, build_coverage
from tui.watches import WatchStore, check_watches


def small_news_workspace(root: Path) -> Path:
    """Three articles from two outlets in two countries, two sites, two outlet briefs."""
    for folder in ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    articles = {
        "2024-01-a": ("Alpha Daily", "Trucks crossed at Quanhe. Quanhe customs opened. Rason waits."),
        "2024-02-b": ("Alpha Daily", "Rason port saw ships; Rason traders were pleased."),
        "2024-03-c": ("Bravo Wire", "A note on Quanhe and its bridge."),
    }
    for article_id, (outlet, body) in articles.items():
        write_file(root, f"corpus/{article_id}.md",
                   f"---\nid: {article_id}\ntitle: Article {article_id}\noutlet: {outlet}\npublished: 2024\n---\n{body}\n")
    for site in ("quanhe", "rason"):
        write_file(root, f"briefs/sites/{site}.yaml",
                   f"id: {site}\nkind: site\ntype: city\nname: {site.title()}\nsummary: A place.\n")
    for outlet_id, name, country in (("alpha-daily", "Alpha Daily", "KR"), ("bravo-wire", "Bravo Wire", "US")):
        write_file(root, f"briefs/actors/{outlet_id}.yaml",
                   f"id: {outlet_id}\nkind: actor\ntype: outlet\nname: {name}\ncountry: {country}\n"
                   f"media_kind: newspaper\nsummary: An outlet.\n")
    return root


@pytest.fixture
def news(tmp_path: Path) -> Path:
    return small_news_workspace(tmp_path / "news")


def test_cells_count_the_articles_the_matcher_finds(news: Path):
    briefing = Briefing.load(news)
    assert briefing.workspace.problems == []
    coverage = build_coverage(briefing)
    for entity_id in ("quanhe", "rason"):
        by_outlet = Counter()
        for article_id, mentions in briefing.mentions.items():
            if any(m.entity_id == entity_id for m in mentions):
                by_outlet[briefing.articles[article_id].outlet] += 1
        expected = {{"Alpha Daily": "alpha-daily", "Bravo Wire": "bravo-wire"}[o]: n for o, n in by_outlet.items()}
        assert {k: len(v) for k, v in coverage.rows[entity_id].cells.items()} == expected


@pytest.mark.parametrize(
    ("entity_id", "flag"),
    [
        pytest.param("rason", "single-source", id="one-outlet-is-single-source"),
        pytest.param("quanhe", None, id="two-outlets-two-countries-is-not"),
    ],
)
def test_single_source_flags(news: Path, entity_id: str, flag):
    assert build_coverage(Briefing.load(news)).flag(entity_id) == flag


def test_a_second_outlet_lifts_the_flag(news: Path, run_cli):
    assert build_coverage(Briefing.load(news)).flag("rason") == "single-source"
    write_file(news, "corpus/2024-04-d.md",
               "---\nid: 2024-04-d\ntitle: Bravo on Rason\noutlet: Bravo Wire\npublished: 2024-04\n---\nRason again.\n")
    briefing = Briefing.load(news)
    assert build_coverage(briefing).flag("rason") is None
    data = json.loads(run_cli("coverage", "--json", workspace=news).stdout)
    assert "rason" not in data["single_source"]


def test_one_country_is_single_country(news: Path):
    write_file(news, "briefs/actors/bravo-wire.yaml",
               "id: bravo-wire\nkind: actor\ntype: outlet\nname: Bravo Wire\ncountry: KR\nsummary: An outlet.\n")
    coverage = build_coverage(Briefing.load(news))
    assert coverage.flag("quanhe") == "single-country"


def test_unknown_outlets_count_as_one(news: Path):
    for article_id in ("2024-05-x", "2024-06-y"):
        write_file(news, f"corpus/{article_id}.md",
                   f"---\nid: {article_id}\ntitle: {article_id}\npublished: 2024\n---\nOnly Rason here.\n")
    coverage = build_coverage(Briefing.load(news))
    assert len(coverage.rows["rason"].cells[UNKNOWN_OUTLET]) == 2
    assert coverage.flag("rason") is None  # Alpha Daily and the unknown outlet(s)


def test_claims_of_a_single_source_entity_are_flagged(news: Path):
    write_file(news, "briefs/sites/rason.yaml",
               "id: rason\nkind: site\ntype: city\nname: Rason\nsummary: A place.\nclaims:\n"
               "  - id: rason-ships\n    says: Ships came\n    source: 2024-02-b\n    quote: \"Rason port saw ships\"\n")
    briefing = Briefing.load(news)
    assert briefing.workspace.problems == []
    assert build_coverage(briefing).claim_flag(briefing, "rason-ships") == "single-source"


def test_coverage_cli_by_country(news: Path, run_cli):
    result = run_cli("coverage", "--by", "country", "--json", workspace=news)
    data = json.loads(result.stdout)
    assert [c["key"] for c in data["columns"]] == ["KR", "US"]
    quanhe = next(r for r in data["rows"] if r["entity"] == "quanhe")
    assert quanhe["cells"] == {"KR": 1, "US": 1}


# -- watches -------------------------------------------------------------------------------------

@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(directory))
    return directory


def new_ids(result) -> dict[str, list[str]]:
    return {r["watch"]: [a["id"] for a in r["new"]] for r in json.loads(result.stdout)}


def test_a_new_matching_article_is_reported_once(news: Path, config: Path, run_cli):
    assert run_cli("watch", "add", "rason", "Rason", workspace=news).exit_code == 0
    first = run_cli("watch", "check", "--json", workspace=news)
    assert new_ids(first) == {"rason": []}  # a new watch starts from what exists
    assert json.loads(first.stdout)[0]["matches"] == 2
    assert new_ids(run_cli("watch", "check", "--json", workspace=news)) == {"rason": []}
    added = run_cli("add", "-", "--title", "Rason port news", "--published", "2024-07", workspace=news,
                    input="Ships at Rason again.\n")
    assert added.exit_code == 0
    assert new_ids(run_cli("watch", "check", "--json", workspace=news)) == {"rason": ["2024-07-rason-port-news"]}
    assert new_ids(run_cli("watch", "check", "--json", workspace=news)) == {"rason": []}


def test_watches_live_in_the_config_dir_not_the_workspace(news: Path, config: Path, run_cli):
    before = sorted(p.relative_to(news) for p in news.rglob("*"))
    run_cli("watch", "add", "q", "Quanhe", workspace=news)
    run_cli("watch", "check", workspace=news)
    assert (config / "borderbrief" / "watches.json").is_file()
    assert sorted(p.relative_to(news) for p in news.rglob("*")) == before


@pytest.mark.parametrize("damage", [pytest.param("truncate", id="truncated"), pytest.param("garbage", id="garbage")])
def test_a_damaged_state_file_is_rebuilt_and_the_watches_kept(news: Path, config: Path, run_cli, damage: str):
    run_cli("watch", "add", "rason", "Rason", workspace=news)
    run_cli("watch", "check", workspace=news)
    [state] = (config / "borderbrief" / "watch-state").glob("*.json")
    text = state.read_text(encoding="utf-8")
    state.write_text(text[: len(text) // 2] if damage == "truncate" else "\x00\xff not json", encoding="utf-8")
    result = run_cli("watch", "check", "--json", workspace=news)
    assert result.exit_code == 0
    assert "started afresh" in result.stderr
    assert set(new_ids(result)["rason"]) == {"2024-01-a", "2024-02-b"}  # reported again, nothing lost
    assert [w["name"] for w in json.loads(run_cli("watch", "list", "--json", workspace=news).stdout)] == ["rason"]


def test_a_crash_mid_write_leaves_the_old_state_whole(news: Path, tmp_path: Path, monkeypatch):
    store = WatchStore(tmp_path / "cfg")
    store.add("rason", "Rason")
    check_watches(store, news, lambda q: ["a1"])
    state = store.state_path(news)
    before = state.read_text(encoding="utf-8")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        check_watches(store, news, lambda q: ["a1", "a2"])
    assert state.read_text(encoding="utf-8") == before
    assert not [p for p in state.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(("watch", "add", "bad/name", "Rason"), 2, "watch name", id="bad-name"),
        pytest.param(("watch", "add", "x", '"open'), 2, "bad query", id="bad-query"),
        pytest.param(("watch", "remove", "nope"), 2, "no watch named", id="remove-unknown"),
    ],
)
def test_watch_errors(news: Path, config: Path, run_cli, args, code, message):
    result = run_cli(*args, workspace=news)
    assert result.exit_code == code and message in result.stderr


def test_remove_then_list(news: Path, config: Path, run_cli):
    run_cli("watch", "add", "a", "Rason", workspace=news)
    run_cli("watch", "add", "b", "Quanhe", workspace=news)
    assert run_cli("watch", "remove", "a", workspace=news).exit_code == 0
    assert [w["name"] for w in json.loads(run_cli("watch", "list", "--json", workspace=news).stdout)] == ["b"]


def test_a_new_watch_starts_from_what_exists_even_unmarked(news: Path, tmp_path: Path):
    store = WatchStore(tmp_path / "cfg")
    store.add("rason", "Rason")
    [first] = check_watches(store, news, lambda q: ["a1", "a2"], mark=False)
    assert (first.new, first.matches) == ([], 2)
    [again] = check_watches(store, news, lambda q: ["a1", "a2"], mark=False)
    assert again.new == []  # the baseline was recorded though nothing was marked
    [later] = check_watches(store, news, lambda q: ["a1", "a2", "a3"], mark=False)
    assert later.new == ["a3"]


@pytest.mark.parametrize(
    ("articles", "flag"),
    [
        pytest.param(1, "single-source", id="one-unknown-article-is-one-source"),
        pytest.param(2, "outlets unknown ×2", id="two-unknown-articles-are-not-one-source"),
        pytest.param(3, "outlets unknown ×3", id="three"),
    ],
)
def test_an_entity_covered_only_by_unknown_outlets_has_its_own_flag(news: Path, articles: int, flag: str):
    for n in range(articles):
        write_file(news, f"corpus/2024-0{n + 5}-u{n}.md",
                   f"---\nid: 2024-0{n + 5}-u{n}\ntitle: Unknown {n}\npublished: 2024\n---\nOnly Zhorland here.\n")
    write_file(news, "briefs/sites/zhorland.yaml",
               "id: zhorland\nkind: site\ntype: city\nname: Zhorland\nsummary: A place.\n")
    coverage = build_coverage(Briefing.load(news))
    assert coverage.flag("zhorland") == flag
