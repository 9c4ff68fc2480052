"""The entity matcher: brief names and aliases found in text, whatever the case, accents,
dashes or apostrophes, on word boundaries, longest name first, with offsets into the original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import ALL_ARTICLES, CHINA_TRADE, HANKYOREH, HUNCHUN, RASON, RFA, article_body
from tui.briefing import Briefing
from tui.entities import EntityMatcher
from tui.model import Brief
from tui.textfold import fold, fold_key


def brief(id: str, name: str, *aliases: str, kind: str = "site") -> Brief:
    return Brief(id=id, kind=kind, type="city" if kind == "site" else "agency", name=name, summary="…",
                 path=Path(f"/ws/briefs/{kind}s/{id}.yaml"), aliases=list(aliases))


def words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold_key(text)))


BRIEFS = [
    brief("sinuiju", "Sinuiju", "Sinŭiju", "신의주", "新义州"),
    brief("hoeryong", "Hoeryŏng"),
    brief("rason", "Rason", "Rajin-Sonbong", "라선"),
    brief("new-yalu-river-bridge", "New Yalu River Bridge", "新鸭绿江大桥"),
    brief("yalu-river", "Yalu River", "鸭绿江"),
    brief("nk-china-border", "North Korea-China border"),
    brief("jian", "Ji'an"),
    brief("dandong", "Dandong", "丹东"),
    brief("kotra", "KOTRA", "Korea Trade Investment Promotion Agency", kind="actor"),
]


@pytest.fixture(scope="module")
def matcher() -> EntityMatcher:
    return EntityMatcher(BRIEFS)


CASES = [
    # case
    ("SINUIJU and sinuiju", [("sinuiju", "SINUIJU"), ("sinuiju", "sinuiju")], "case-insensitive"),
    ("kotra figures", [("kotra", "kotra")], "acronym-in-lower-case"),
    # accents
    ("trains wait in Sinŭiju", [("sinuiju", "Sinŭiju")], "accented-text-matches"),
    ("Sinu\u0306iju station", [("sinuiju", "Sinu\u0306iju")], "decomposed-accent-matches"),
    ("the road to Hoeryong", [("hoeryong", "Hoeryong")], "plain-text-matches-an-accented-name"),
    # dashes
    ("the North Korea–China border", [("nk-china-border", "North Korea–China border")], "en-dash"),
    ("the North Korea — China border", [("nk-china-border", "North Korea — China border")], "spaced-em-dash"),
    ("the North Korea-China border", [("nk-china-border", "North Korea-China border")], "hyphen"),
    # apostrophes
    ("Rason’s port", [("rason", "Rason")], "curly-possessive"),
    ("Rason's port", [("rason", "Rason")], "straight-possessive"),
    ("Ji’an and Ji‘an", [("jian", "Ji’an"), ("jian", "Ji‘an")], "curly-apostrophes-match-a-straight-alias"),
    # hyphen and space variants
    ("Rajin-Sonbong", [("rason", "Rajin-Sonbong")], "hyphenated-as-in-the-alias"),
    ("Rajin Sonbong", [("rason", "Rajin Sonbong")], "space-for-hyphen"),
    ("Rajin–Sonbong", [("rason", "Rajin–Sonbong")], "en-dash-for-hyphen"),
    ("Rajin\nSonbong", [("rason", "Rajin\nSonbong")], "line-break-inside-a-name"),
    ("Yalu   River", [("yalu-river", "Yalu   River")], "runs-of-spaces"),
    ("Rajin, Sonbong", [], "comma-is-not-a-joiner"),
    ("Rajin and Sonbong", [], "words-between-are-not-a-joiner"),
    # word boundaries
    ("Rasonia", [], "not-inside-a-longer-word"),
    ("preRason", [], "not-at-the-end-of-a-longer-word"),
    ("Rason2", [], "not-glued-to-digits"),
    ("(Rason)", [("rason", "Rason")], "punctuation-is-a-boundary"),
    ("Sinuiju-Dandong", [("sinuiju", "Sinuiju"), ("dandong", "Dandong")], "two-names-joined-by-a-hyphen"),
    # longest match
    ("the New Yalu River Bridge", [("new-yalu-river-bridge", "New Yalu River Bridge")], "longest-name-wins"),
    ("the Yalu River", [("yalu-river", "Yalu River")], "shorter-name-alone"),
    ("New Yalu River Bridge over the Yalu River",
     [("new-yalu-river-bridge", "New Yalu River Bridge"), ("yalu-river", "Yalu River")], "both-where-both-stand"),
    ("New Yalu River", [("yalu-river", "Yalu River")], "incomplete-long-name-falls-back"),
    # CJK
    ("在新鸭绿江大桥上", [("new-yalu-river-bridge", "新鸭绿江大桥")], "chinese-name-inside-a-sentence"),
    ("鸭绿江边", [("yalu-river", "鸭绿江")], "chinese-shorter-name-alone"),
    ("丹东市", [("dandong", "丹东")], "chinese-city-suffix"),
    ("신의주에서 라선으로", [("sinuiju", "신의주"), ("rason", "라선")], "korean-with-particles"),
    ("新义州和丹东", [("sinuiju", "新义州"), ("dandong", "丹东")], "two-chinese-names-without-spaces"),
]


@pytest.mark.parametrize("text, expected", [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_mentions(matcher, text, expected):
    mentions = matcher.find(text)
    assert [(m.entity_id, m.text) for m in mentions] == expected
    for m in mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Ströme by Sinŭiju—Straße to Rajin–Sonbong’s port",
        "ﬁrst Sinuiju then ﬀ Rason",  # ligatures fold to two letters
        "İzmir and Sinuiju",  # İ folds to two characters
        "tab\tRason\u00a0and  Dandong",
        "Sinu\u0306iju and Hoeryo\u0306ng",
        "新义州  ₂ KOTRA",
    ],
    ids=["mixed-folding", "ligatures", "dotted-capital-i", "odd-white-space", "combining-marks", "cjk-and-subscripts"],
)
def test_offsets_map_back_to_the_original_text(matcher, text):
    mentions = matcher.find(text)
    assert mentions
    for m in mentions:
        assert text[m.start:m.end] == m.text
        # What was found is one of the entity's names, up to folding and joiners.
        names = {words(n) for b in BRIEFS if b.id == m.entity_id for n in b.names}
        assert words(m.text) in names


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sinŭiju", "Rajin–Sonbong", " ", "\n", "ﬁ", "İ", "ß", "鸭绿江", "x", "-", "’",
                                 "New Yalu River Bridge", "Yalu", "River", "\u0306", "\t", "Rason", "s"]),
                max_size=30).map("".join))
def test_any_text_gives_ordered_disjoint_spans_that_map_back(text):
    mentions = EntityMatcher(BRIEFS).find(text)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.start < m.end
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_breaks_the_matcher(text):
    for m in EntityMatcher(BRIEFS).find(text):
        assert text[m.start:m.end] == m.text


def test_first_brief_keeps_a_shared_name():
    first = brief("rason", "Rason")
    second = brief("rason-city", "Rason City", "RASON")
    mentions = EntityMatcher([first, second]).find("Rason and Rason City")
    assert [(m.entity_id, m.text) for m in mentions] == [("rason", "Rason"), ("rason-city", "Rason City")]


def test_no_briefs_no_mentions():
    assert EntityMatcher([]).find("Sinuiju and Dandong") == []


def test_counts(matcher):
    mentions = matcher.find("Sinuiju, Dandong, Sinŭiju and 丹东")
    assert matcher.counts(mentions) == {"sinuiju": 2, "dandong": 2}


# -- folding ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sinŭiju", "sinuiju"),
        ("North Korea–China", "north korea-china"),
        ("Rason’s", "rason's"),
        ("“quoted”", '"quoted"'),
        ("Straße", "straße"),
        ("ＫＯＴＲＡ", "kotra"),
        ("a \t\n b", "a \t\n b"),
    ],
    ids=["accent", "en-dash", "curly-apostrophe", "curly-quotes", "sharp-s-only-lowered", "full-width",
         "white-space-kept"],
)
def test_fold_is_one_character_for_one(text, expected):
    folded = fold(text)
    assert folded.text == expected
    assert len(folded.text) == len(text)
    assert folded.source_span(0, len(folded.text)) == (0, len(text))


def test_decomposed_accents_are_dropped_and_mapped_back():
    text = "in Sinu\u0306iju now"
    folded = fold(text)
    assert folded.text == "in sinuiju now"
    start = folded.text.index("sinuiju")
    assert folded.source_span(start, start + len("sinuiju")) == (3, 3 + len("Sinu\u0306iju"))


@pytest.mark.parametrize(
    "text, expected",
    [("  Sinŭiju\n", "sinuiju"), ("a \t\n b", "a b"), ("Rajin–Sonbong", "rajin-sonbong")],
    ids=["trims", "collapses-white-space", "folds-dashes"],
)
def test_fold_key(text, expected):
    assert fold_key(text) == expected


@pytest.mark.parametrize("word", ["Straße", "Sinŭiju", "ﬁsh", "Sinu\u0306iju"],
                         ids=["sharp-s", "precomposed-accent", "ligature", "decomposed-accent"])
def test_folded_spans_map_to_source_spans(word):
    text = f"on {word} now"
    folded = fold(text)
    start = folded.text.index(" ") + 1
    end = folded.text.rindex(" ")
    assert folded.source_span(start, end) == (3, 3 + len(word))


# -- over the shipped articles --------------------------------------------------------------------

CORPUS_BRIEFS = [
    brief("sinuiju", "Sinuiju", "Sinŭiju"),
    brief("dandong", "Dandong"),
    brief("rason", "Rason", "Rajin-Sonbong"),
    brief("rajin-port", "Rajin port"),
    brief("new-yalu-river-bridge", "New Yalu River Bridge"),
    brief("yalu-river", "Yalu River"),
    brief("kotra", "KOTRA", "Korea Trade Investment Promotion Agency", kind="actor"),
]


@pytest.mark.parametrize("article", sorted(ALL_ARTICLES))
def test_mentions_in_the_articles_map_back(article):
    body = article_body(article)
    mentions = EntityMatcher(CORPUS_BRIEFS).find(body)
    for m in mentions:
        assert body[m.start:m.end] == m.text
    # Every Sinuiju and every Dandong in the text is found, and nothing else is called that.
    for entity, pattern in (("sinuiju", r"\bSinuiju\b"), ("dandong", r"\bDandong\b")):
        assert [m.start for m in mentions if m.entity_id == entity] == [x.start() for x in re.finditer(pattern, body)]


def test_longest_match_in_the_articles():
    mentions = {aid: EntityMatcher(CORPUS_BRIEFS).find(article_body(aid)) for aid in (HUNCHUN, CHINA_TRADE, RFA)}
    nyrb = [m for ms in mentions.values() for m in ms if m.entity_id == "new-yalu-river-bridge"]
    assert len(nyrb) == sum(article_body(a).count("New Yalu River Bridge") for a in mentions)
    for ms in mentions.values():
        for m in ms:
            if m.entity_id == "yalu-river":
                assert not any(b.start <= m.start < b.end for b in nyrb if b.text != m.text)
    # "Rajin port" is one name, not Rason plus a word.
    [rajin] = [m for m in mentions[HUNCHUN] if m.entity_id == "rajin-port"]
    assert rajin.text == "Rajin port"


def test_briefing_links_articles_and_entities(small_workspace):
    briefing = Briefing.load(small_workspace)
    by_entity = briefing.articles_by_entity
    assert by_entity["sinuiju"] == [CHINA_TRADE, HUNCHUN, RFA, HANKYOREH]  # newest first
    assert by_entity["kotra"] == [RFA]
    assert RASON not in by_entity["dandong"]
    assert briefing.entity_ids(RFA) == {"sinuiju", "dandong", "kotra"}
    assert briefing.mention_counts["sinuiju"] == sum(
        len(re.findall(r"\bSinuiju\b", article_body(a))) for a in ALL_ARTICLES)
    assert briefing.mention_counts["kotra"] == 2  # "Korea Trade Investment Promotion Agency (KOTRA)"
    assert [c.id for c in briefing.claims_from(RFA)] == ["nk-trade-2019", "china-share-about-90-percent"]
    assert [d.id for d in briefing.disputes_with("dandong")] == ["china-share-of-trade"]
    assert [d.id for d in briefing.disputes_with("nk-trade-2019")] == []
