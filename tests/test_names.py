"""Names across spellings and scripts: romanisation variants, other scripts, "probably X"
and the unbriefed list, on short texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import write_file
from tui.briefing import Briefing
from tui.entities import EntityMatcher
from tui.model import Brief
from tui.unbriefed import unbriefed_names


def _brief(id_: str, name: str, *aliases: str, type_: str = "city") -> Brief:
    return Brief(id=id_, kind="site", type=type_, name=name, summary="", path=Path(f"{id_}.yaml"), aliases=list(aliases))


MATCHER = EntityMatcher([
    _brief("khasan", "Khasan", type_="station"), _brief("rajin-port", "Rajin port", type_="port"),
    _brief("wonjong-ri", "Wonjong-ri"), _brief("jian", "Ji'an"), _brief("kim", "Kim Jong Un", type_="person"),
    _brief("friendship-bridge", "Sino-Korean Friendship Bridge", "Sino–North Korean Friendship Bridge", "中朝友谊桥",
           "조중우의교", type_="bridge"),
    _brief("new-bridge", "New Yalu River Bridge", "신압록강대교", type_="bridge"), _brief("seoul", "Seoul"),
])


@pytest.mark.parametrize("text, entity", [
    ("trains to Khassan", "khasan"), ("the station at Hasan", "khasan"), ("станция Хасан", "khasan"),
    ("груз из Хасана", "khasan"), ("ships at Najin port", "rajin-port"), ("the Wonjong-ni market", "wonjong-ri"),
    ("Wonjeong-ri", "wonjong-ri"), ("a visit to Jian", "jian"), ("Kim Jong-un said", "kim"),
    ("the Sino–North Korean Friendship Bridge", "friendship-bridge"), ("中朝友谊桥上", "friendship-bridge"),
    ("신압록강 대교는", "new-bridge"), ("中朝友誼橋", "friendship-bridge"),
], ids=["double-s", "no-k", "cyrillic", "cyrillic-genitive", "najin-rajin", "ni-ri", "eo-o", "apostrophe",
        "hyphenated-given-name", "en-dash-alias", "chinese-in-a-longer-word", "korean-with-a-space",
        "traditional-characters-match-simplified"])
def test_spellings_and_scripts_match_the_entity(text: str, entity: str):
    assert [m.entity_id for m in MATCHER.find(text)] == [entity]


@pytest.mark.parametrize("text", ["my soul", "the reason", "Hassle", "Rajini"], ids=["seoul-is-not-soul",
                         "rason-is-not-reason", "not-hasan", "longer-word"])
def test_keys_do_not_make_ordinary_words_names(text: str):
    assert MATCHER.find(text) == []


@pytest.fixture
def names_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True)
    write_file(root, "briefs/sites/sinuiju.yaml", "id: sinuiju\nkind: site\ntype: city\nname: Sinuiju\nsummary: x\n")
    write_file(root, "briefs/sites/rajin-port.yaml",
               "id: rajin-port\nkind: site\ntype: port\nname: Rajin port\nsummary: x\n")
    write_file(root, "corpus/2024-01-01-a.md", "---\nid: 2024-01-01-a\ntitle: a\n---\n"
               "Depicts The Transformation Of Sinuiju\n\nThe city of Sinujiu faces Dandong across the river. "
               "Tourists walk on the Broken Bridge, which ends mid-river. Ships call at Najin Port. "
               "A meeting of Kim Jong Il and President V\nwas held in Zzyzxtown.\n")
    return root


def test_unbriefed_names_report_probable_entities_and_drop_noise(names_workspace: Path):
    names = {n.name: n for n in unbriefed_names(Briefing.load(names_workspace))}
    assert names["Sinujiu"].probably == "sinuiju"
    assert "Najin Port" not in names, "a romanisation of a briefed name is a mention, not a new name"
    assert names["Broken Bridge"].probably is None, "a name of its own, not 'Broken'"
    assert names["Zzyzxtown"].probably is None
    assert "Kim Jong Il" in names
    for noise in ("Broken", "Depicts The Transformation Of Sinuiju", "Kim Jong Il and President V", "President V",
                  "Depicts The Transformation"):
        assert noise not in names


def test_add_and_entities_print_probable_names(run_cli, names_workspace: Path, tmp_path: Path):
    result = run_cli("entities", "--unbriefed", workspace=names_workspace)
    assert "Sinujiu  probably Sinuiju (sinuiju)" in result.stdout
    source = tmp_path / "new.txt"
    source.write_text("Port news\n\nCranes were seen at Najin Port and trucks left for Sinuju.\n", encoding="utf-8")
    added = run_cli("add", str(source), workspace=names_workspace)
    assert "mentions: Rajin port" in added.stdout
    assert "Sinuju: probably Sinuiju (sinuiju)" in added.stdout


@pytest.fixture
def search_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True)
    write_file(root, "briefs/sites/rajin-port.yaml",
               "id: rajin-port\nkind: site\ntype: port\nname: Rajin port\naliases: [Najin port]\nsummary: x\n")
    write_file(root, "briefs/sites/dandong.yaml", "id: dandong\nkind: site\ntype: city\nname: Dandong\n"
               "aliases: [丹东]\nsummary: x\n")
    write_file(root, "briefs/sites/khasan.yaml", "id: khasan\nkind: site\ntype: station\nname: Khasan\nsummary: x\n")
    for article_id, body in (("2024-01-01-najin", "Cranes were idle at Najin when we visited."),
                             ("2024-01-02-dandong", "Trucks queued in Dandong for the bridge."),
                             ("2024-01-03-khassan", "Coal trains left Khassan at dawn."),
                             ("2024-01-04-other", "Nothing about the border here.")):
        write_file(root, f"corpus/{article_id}.md", f"---\nid: {article_id}\ntitle: {article_id}\n---\n{body}\n")
    return root


@pytest.mark.parametrize("query, found", [
    ("Rajin", {"2024-01-01-najin"}), ("丹东", {"2024-01-02-dandong"}), ("Khasan", {"2024-01-03-khassan"}),
    ('"Rajin"', set()), ("Rajin -idle", set()),
], ids=["romanisation-variant", "chinese-name-finds-the-entity", "double-letter-variant", "a-phrase-stays-exact",
        "exclusion-still-applies"])
def test_search_finds_an_entity_under_its_other_names(run_cli, search_workspace: Path, query: str, found: set[str]):
    result = run_cli("search", query, "--json", "--kind", "article", workspace=search_workspace)
    assert {hit["id"] for hit in json.loads(result.stdout or "[]")} == found, result.output
    if not found:
        assert result.exit_code == 1
