"""Figures about a site the sentence does not name: "the old bridge", "a new bridge",
"It is … long", a Korean topic, a road between two named places; and the words in other
scripts that stand before a name. Short texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.briefing import Briefing
from tui.entities import EntityMatcher
from tui.ledger import build_ledger, read_figures
from tui.model import Brief

from support import write_file

BRIEFS = {
    "city": "id: river-city\nkind: site\ntype: city\nname: Riverton\naliases: [Riverton, 리버턴, ريفرتون]\n"
            "related: [old-span, new-span]\nsummary: A border city.\n",
    "old": "id: old-span\nkind: site\ntype: bridge\nname: Riverton Bridge\naliases: [Riverton Bridge, 리버턴교]\n"
           "related: [river-city, new-span]\nsummary: The old bridge.\n",
    "new": "id: new-span\nkind: site\ntype: bridge\nname: New Riverton Bridge\naliases: [New Riverton Bridge, 신리버턴교]\n"
           "related: [river-city, old-span]\nsummary: The new bridge.\n",
    "port": "id: sea-port\nkind: site\ntype: port\nname: Seaport\naliases: [Seaport]\nsummary: A port.\n",
}


def _workspace(root: Path, body: str, language: str) -> Briefing:
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True, exist_ok=True)
    for name, text in BRIEFS.items():
        write_file(root, f"briefs/sites/{name}.yaml", text)
    write_file(root, "corpus/2024-01-02-gazette-bridges.md",
               f"---\nid: 2024-01-02-gazette-bridges\ntitle: Bridges\noutlet: Gazette\npublished: 2024-01-02\n"
               f"language: {language}\n---\n{body}\n")
    return Briefing.load(root)


@pytest.mark.parametrize("body, language, figure, entity", [
    ("Riverton has two crossings. The old bridge was finished in 1937.", "en", "1937", "old-span"),
    ("Riverton has two crossings. The new bridge was finished in 2014.", "en", "2014", "new-span"),
    ("Work on a new bridge at Riverton began in 2014. It is 640 metres long.", "en", "640 metres", "new-span"),
    ("Riverton Bridge carries one lane. It is 530 metres long.", "en", "530 metres", "old-span"),
    ("Die neue Brücke bei Riverton hat vier Spuren. Sie ist 640 m lang.", "de", "640 m", "new-span"),
    ("يقع الجسر القديم الذي أقيم في عام 1937 في ريفرتون.", "ar", "1937", "old-span"),
    ("신리버턴교는 리버턴교보다 10㎞ 떨어진 곳에 총길이 3,000m로 지어졌다.", "ko", "3,000m", "new-span"),
    ("The port and the new bridge are near; a $40 million plan will pave the road to Seaport.", "en", "40 million", None),
], ids=["old-bridge-of-the-city", "new-bridge-of-the-city", "pronoun-after-a-new-bridge", "pronoun-after-a-name",
        "german-pronoun", "arabic-adjective-after-noun", "korean-topic-not-nearest", "road-to-a-port-is-not-the-port"])
def test_a_figure_is_about_the_site_the_sentence_refers_to(tmp_path: Path, body, language, figure, entity):
    briefing = _workspace(tmp_path / "ws", body, language)
    records = {r.text: r for r in build_ledger(briefing) if not r.claim_id}
    assert records[figure].entity == entity


@pytest.mark.parametrize("body, kind", [
    ("The two governments agreed to build the bridge in 2010.", "year-agreed"),
    ("اتفقت حكومتا البلدين على بناء الجسر في عام 2010.", "year-agreed"),
    ("The bridge was built in 2010.", "year-built"),
], ids=["agreed-to-build", "arabic-agreed-to-build", "built"])
def test_a_year_dates_the_agreement_that_governs_the_building(tmp_path: Path, body, kind):
    briefing = _workspace(tmp_path / "ws", body, "ar" if body[0] > "z" else "en")
    assert [r.kind for r in build_ledger(briefing) if r.text == "2010"] == [kind]


def test_metres_before_a_korean_particle_are_metres():
    assert [u for _, u, _ in read_figures("길이 589.23m로 강을 가로지른다")] == ["m"]


@pytest.mark.parametrize("text, entity", [
    ("قال مسؤولون في بكين وكوريا الشمالية", "north-korea"),
    ("التجارة بالصين", "china"),
    ("Der Hafen Раджин", "east-port"),
], ids=["arabic-and-prefix", "arabic-in-prefix", "cyrillic-declined-transliterated"])
def test_names_are_found_behind_joined_words_and_across_scripts(text, entity):
    briefs = [Brief(id="north-korea", kind="actor", type="state", name="North Korea", aliases=["كوريا الشمالية"], summary="s", path=Path("x.yaml")),
              Brief(id="china", kind="actor", type="state", name="China", aliases=["الصين"], summary="s", path=Path("x.yaml")),
              Brief(id="east-port", kind="site", type="port", name="Rajin port", aliases=["Rajin"], summary="s", path=Path("x.yaml"))]
    assert [m.entity_id for m in EntityMatcher(briefs).find(text)] == [entity]
