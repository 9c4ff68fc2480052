"""Full-text search over the five shipped articles, the entity filters, and incremental sync."""

from __future__ import annotations

import fcntl
import re
import unicodedata
from pathlib import Path

import pytest

from support import (ALL_ARTICLES, CHINA_TRADE, HANKYOREH, HUNCHUN, NEWEST_FIRST, RASON, RFA,
                     articles_containing, build_index, replace_in)
from tui.briefing import Briefing
from tui.search import IndexBusy, QueryError, SearchIndex, default_index_dir
from tui.workspace import Workspace


def article_ids(index: SearchIndex, query: str) -> set[str]:
    return {hit.doc_id for hit in index.search(query, kinds=("article",), limit=None).hits}


def folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# -- queries -----------------------------------------------------------------------------------

QUERIES = [
    ('"New Yalu River Bridge"', {HUNCHUN, CHINA_TRADE}, "phrase-found-in-the-two-articles-that-contain-it"),
    ('"Yalu River Bridge New"', set(), "phrase-words-out-of-order-do-not-match"),
    ("molybdenum", {CHINA_TRADE}, "rare-word-in-one-article"),
    ("MOLYBDENUM", {CHINA_TRADE}, "case-insensitive"),
    ("bridges", {RFA, HUNCHUN, CHINA_TRADE}, "stemming-plural-finds-singular"),
    ("crossings", {HANKYOREH, CHINA_TRADE}, "stemming-plural-finds-crossing-and-crossings"),
    ("Sinŭiju", {HANKYOREH, RFA, HUNCHUN, CHINA_TRADE}, "accent-folding-finds-sinuiju"),
    ("Rason’s", {HANKYOREH, RASON, HUNCHUN}, "curly-possessive-finds-the-name"),
    ("Wonjong-ri", {HUNCHUN}, "hyphenated-name"),
    ('"North Korea–China trade"', {HANKYOREH, HUNCHUN}, "en-dash-and-hyphen-alike-in-a-phrase"),
    ('"$863 million"', {RFA}, "figure-in-a-phrase"),
    ("outlet:hankyoreh", {HANKYOREH}, "outlet-field-one-word-of-the-name"),
    ('outlet:"Radio Free Asia"', {RFA}, "outlet-field-phrase"),
    ("source:hankyoreh", {HANKYOREH}, "source-is-an-alias-of-outlet"),
    ("published:2016", {HANKYOREH}, "published-year"),
    ("published:2022-09", {RFA}, "published-year-month"),
    ("date:2023", {RASON}, "date-is-an-alias-of-published"),
    ("published:[2020 TO 2026]", {RFA, RASON, HUNCHUN, CHINA_TRADE}, "published-range-of-years"),
    ("published:[2023 TO 2025]", {RASON, HUNCHUN}, "published-range-inclusive-ends"),
    ("published:[2022-09 TO 2023]", {RFA, RASON}, "published-range-with-a-month"),
    ("published:>2024", {HUNCHUN, CHINA_TRADE}, "published-after"),
    ("published:2027", set(), "published-year-without-articles"),
    ("bridge published:[2025 TO 2026]", {HUNCHUN, CHINA_TRADE}, "word-and-date-range-together"),
    ("title:rason", {RASON, HUNCHUN}, "title-field"),
    ("body:THAAD", {HANKYOREH}, "body-field"),
    ("rail*", {RFA, RASON, CHINA_TRADE}, "wildcard-prefix"),
    ("Rason NOT Kremlin", {HANKYOREH, HUNCHUN}, "not-excludes"),
    ("Rason -Kremlin", {HANKYOREH, HUNCHUN}, "minus-excludes-like-not"),
    ("Hunchun -Rason", set(), "minus-excludes-even-when-every-match-has-it"),
    ("molybdenum OR Kremlin", {RASON, CHINA_TRADE}, "or-unites"),
    ("molybdenum tungsten", {CHINA_TRADE}, "words-are-anded"),
    ("molybdenum THAAD", set(), "anded-words-from-different-articles-match-nothing"),
    ("(molybdenum OR THAAD) AND Taiwan", {CHINA_TRADE}, "grouping"),
    ("zeppelin", set(), "no-match"),
]


@pytest.mark.parametrize("query, expected", [q[:2] for q in QUERIES], ids=[q[2] for q in QUERIES])
def test_query_finds_exactly_these_articles(corpus_index, query, expected):
    assert article_ids(corpus_index, query) == expected


@pytest.mark.parametrize(
    "query, pattern",
    [
        ("molybdenum", r"\bmolybdenum\b"),
        ("Kremlin", r"\bKremlin\b"),
        ("Sinuiju", r"\bSinuiju\b"),
        ('"New Yalu River Bridge"', r"New Yalu River Bridge"),
        ("KOTRA", r"\bKOTRA\b"),
        ("Taiwan", r"\bTaiwan\b"),
    ],
    ids=["molybdenum", "kremlin", "sinuiju", "new-yalu-river-bridge", "kotra", "taiwan"],
)
def test_results_agree_with_a_plain_text_scan(corpus_index, query, pattern):
    assert article_ids(corpus_index, query) == articles_containing(pattern)


def test_empty_query_lists_every_article_newest_first(corpus_index):
    results = corpus_index.search("", kinds=("article",), limit=None)
    assert [hit.doc_id for hit in results.hits] == NEWEST_FIRST
    assert [hit.published for hit in results.hits] == ["2026-03-12", "2025", "2023", "2022-09", "2016-08-23"]


def test_limit_caps_hits_but_total_counts_all(corpus_index):
    results = corpus_index.search("Sinuiju", kinds=("article",), limit=2)
    assert len(results.hits) == 2
    assert results.total == 4


@pytest.mark.parametrize(
    "query, kinds, limit, hits, total",
    [
        ("Sinuiju", ("article",), 2, 2, 4),
        ("Sinuiju", ("claim",), 1, 1, 2),
        ("bridge", ("claim",), 1, 0, 0),
        ("", ("claim",), 2, 2, 3),
        ("", ("article",), 3, 3, 5),
        ("90", ("article",), 1, 1, 2),
    ],
    ids=["articles-beyond-the-limit", "claims-beyond-the-limit", "no-claims-means-zero-not-the-articles",
         "empty-query-claims", "empty-query-articles", "figure"],
)
def test_total_counts_only_the_kinds_asked_for(small_index, query, kinds, limit, hits, total):
    results = small_index.search(query, kinds=kinds, limit=limit)
    assert len(results.hits) == hits
    assert results.total == total
    assert {hit.kind for hit in results.hits} <= set(kinds)


def test_hits_carry_article_metadata(corpus_index):
    [hit] = corpus_index.search("THAAD", kinds=("article",)).hits
    assert (hit.doc_id, hit.kind, hit.article_id) == (HANKYOREH, "article", HANKYOREH)
    assert hit.title == "North Korea increasing economic cooperation with China and Russia"
    assert hit.outlet == "The Hankyoreh"
    assert hit.published == "2016-08-23"
    assert hit.score > 0


@pytest.mark.parametrize(
    "query, words",
    [
        ("molybdenum", {"molybdenum"}),
        ("Sinŭiju", {"sinuiju"}),
        ("bridges", {"bridge", "bridges"}),
        ("Kremlin", {"kremlin"}),
        ("rail*", None),  # any word starting with "rail"
        ('"New Yalu River Bridge"', {"new", "yalu", "river", "bridge"}),
    ],
    ids=["plain-word", "accented-query", "stemmed", "capitalised", "wildcard", "phrase"],
)
def test_fragments_mark_the_matched_words(corpus_index, query, words):
    hits = corpus_index.search(query, kinds=("article",), limit=None, fragments=3).hits
    assert hits
    for hit in hits:
        assert hit.fragments, hit.doc_id
        for fragment in hit.fragments:
            assert "\n" not in fragment.text
            assert fragment.marks, fragment
            for start, end in fragment.marks:
                assert 0 <= start < end <= len(fragment.text)
                word = folded(fragment.text[start:end])
                if words is None:
                    assert word.startswith("rail"), word
                else:
                    assert word in words, (word, fragment.text)
            # Marks are whole words, never parts of one.
            for start, end in fragment.marks:
                assert start == 0 or not fragment.text[start - 1].isalnum()
                assert end == len(fragment.text) or not fragment.text[end].isalnum()


def test_fragment_offsets_point_into_the_body(corpus_index, workspace):
    body = Workspace.load(workspace).articles[CHINA_TRADE].body
    [hit] = corpus_index.search("molybdenum", kinds=("article",)).hits
    fragment = hit.fragments[0]
    assert body[fragment.start:fragment.start + len(fragment.text)].replace("\n", " ") == fragment.text
    assert fragment.marked_words == ["molybdenum"]


@pytest.mark.parametrize(
    "query, message",
    [
        ('"New Yalu', "unbalanced quote"),
        ("bridge]", "unmatched ']'"),
        ("(bridge OR port", "unbalanced '('"),
        ("published:[2020 TO", "unbalanced '['"),
        ("(bridge]", "closed by ']'"),
        ("country:KP", "unknown field 'country:'"),
        ("x" * 2001, "the limit is 2,000"),
    ],
    ids=["unbalanced-quote", "stray-bracket", "unclosed-group", "unclosed-range", "mismatched-brackets",
         "unknown-field", "too-long"],
)
def test_malformed_queries_raise_a_one_line_error(corpus_index, query, message):
    with pytest.raises(QueryError) as caught:
        corpus_index.search(query)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "query, notice",
    [("the of", "only common words"), ("!!! ---", "no words")],
    ids=["only-stop-words", "only-punctuation"],
)
def test_queries_with_nothing_to_search_give_a_notice(corpus_index, query, notice):
    results = corpus_index.search(query)
    assert results.hits == []
    assert notice in results.notice


def test_url_in_a_query_is_not_a_field(corpus_index):
    # "https:" must not be taken for an unknown field name.
    assert corpus_index.search("https://example.org").hits == []


READER_TEXT = "Two bridges: the Bridge at Sinŭiju, a bridgehead, rails and the Kremlin."


@pytest.mark.parametrize(
    "query, words",
    [
        ("bridge Sinuiju", ["bridges", "Bridge", "Sinŭiju"]),
        ("Kremlin", ["Kremlin"]),
        ("body:kremlin", ["Kremlin"]),
        ("rail*", ["rails"]),
        ("bridge OR Kremlin", ["bridges", "Bridge", "Kremlin"]),
        ("bridge NOT Kremlin", ["bridges", "Bridge"]),
        ("bridge -Kremlin", ["bridges", "Bridge"]),
        ('"Bridge at Sinuiju"', ["bridges", "Bridge", "Sinŭiju"]),
        ("outlet:hankyoreh", []),
        ("", []),
        ('"unclosed', []),
    ],
    ids=["stemmed-and-folded", "body-word-absent-from-titles", "body-field", "wildcard", "or",
         "not-is-not-marked", "minus-is-not-marked", "phrase-words", "other-fields-mark-nothing",
         "empty-query", "bad-query-marks-nothing"],
)
def test_term_spans_mark_query_words_in_a_text(corpus_index, query, words):
    spans = corpus_index.term_spans(query, READER_TEXT)
    assert [READER_TEXT[a:b] for a, b in spans] == words


# -- entities as fields --------------------------------------------------------------------------

SINUIJU_SITE = """
    id: sinuiju
    kind: site
    type: city
    name: Sinuiju
    aliases: [Sinŭiju]
    summary: North Korean city opposite Dandong.
    """
KOTRA_ACTOR = """
    id: kotra
    kind: actor
    type: agency
    name: KOTRA
    aliases: [Korea Trade Investment Promotion Agency]
    summary: South Korean trade promotion agency.
    """


@pytest.fixture
def entity_index(workspace, write, index_dir):
    write("briefs/sites/sinuiju.yaml", SINUIJU_SITE)
    write("briefs/actors/kotra.yaml", KOTRA_ACTOR)
    index = build_index(workspace, index_dir)
    yield index
    index.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("site:sinuiju", articles_containing(r"\bSinuiju\b")),
        ("actor:kotra", articles_containing(r"\bKOTRA\b|Korea Trade Investment Promotion Agency")),
        ("entity:sinuiju", articles_containing(r"\bSinuiju\b")),
        ("bridge site:sinuiju", articles_containing(r"\bSinuiju\b") & articles_containing(r"\bbridges?\b")),
        ("site:sinuiju NOT actor:kotra", articles_containing(r"\bSinuiju\b") - articles_containing(r"\bKOTRA\b")),
        ("site:SINUIJU", articles_containing(r"\bSinuiju\b")),
        ("site:dandong", set()),  # no brief, no entity
    ],
    ids=["site-filter", "actor-filter", "entity-field-covers-both", "word-and-site", "site-without-actor",
         "entity-ids-are-case-insensitive", "unbriefed-name-is-not-an-entity"],
)
def test_entity_fields_filter_articles(entity_index, query, expected):
    assert article_ids(entity_index, query) == expected


def test_site_filter_finds_the_articles_that_mention_the_site(entity_index):
    found = article_ids(entity_index, "site:sinuiju")
    assert found == {HANKYOREH, RFA, HUNCHUN, CHINA_TRADE}
    assert RASON not in found


def test_entity_argument_filters_like_the_field(entity_index):
    hits = entity_index.search("trade", kinds=("article",), entity="kotra", limit=None).hits
    assert {hit.doc_id for hit in hits} == {RFA}


def test_claims_are_searchable(small_index):
    hits = small_index.search("3.2", limit=None).hits
    claims = [hit for hit in hits if hit.kind == "claim"]
    assert [hit.doc_id for hit in claims] == ["nk-trade-2019"]
    [claim] = claims
    assert claim.article_id == RFA
    assert claim.brief_id == "sinuiju"
    assert claim.outlet == "Radio Free Asia"
    assert claim.published == "2022-09"
    assert any("3.2" in word for fragment in claim.fragments for word in fragment.marked_words)
    # The article that holds the quote is found too; kinds narrows to one or the other.
    assert {(hit.kind, hit.doc_id) for hit in hits} == {("claim", "nk-trade-2019"), ("article", RFA)}
    assert {hit.kind for hit in small_index.search("3.2", kinds=("claim",)).hits} == {"claim"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind:claim", {"nk-trade-2019", "china-share-about-90-percent", "china-share-over-90-percent"}),
        ("volume", {"nk-trade-2019"}),
        ("Dandong", {"china-share-over-90-percent"}),
        ("site:sinuiju", {"nk-trade-2019", "china-share-about-90-percent"}),
        ('outlet:"Radio Free Asia"', {"nk-trade-2019", "china-share-about-90-percent"}),
        ("published:2016", {"china-share-over-90-percent"}),
        ("2019", {"nk-trade-2019"}),
        ("90%", {"china-share-about-90-percent", "china-share-over-90-percent"}),
    ],
    ids=["all-claims", "words-of-the-quote", "brief-name", "claims-of-a-site", "outlet-of-the-source",
         "date-of-the-source", "the-curators-words", "the-value"],
)
def test_claim_search(small_index, query, expected):
    hits = small_index.search(query, kinds=("claim",), limit=None).hits
    assert {hit.doc_id for hit in hits} == expected
    assert all(hit.kind == "claim" for hit in hits)


# -- incremental sync ----------------------------------------------------------------------------

def documents(root: Path):
    return Briefing.load(root).search_documents()


ARTICLE_KEYS = sorted(f"article:{a}" for a in ALL_ARTICLES)


def test_first_sync_adds_everything(workspace, index_dir):
    report = SearchIndex(index_dir).sync(documents(workspace))
    assert report.added == ARTICLE_KEYS
    assert (report.updated, report.removed, report.unchanged) == ([], [], 0)
    assert report.rebuilt and report.reason == "no index yet"
    assert report.location == str(index_dir)


def test_second_sync_changes_nothing(workspace, index_dir):
    SearchIndex(index_dir).sync(documents(workspace))
    report = SearchIndex(index_dir).sync(documents(workspace))  # a new process, in effect
    assert report.changed == 0
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert report.unchanged == 5
    assert not report.rebuilt


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda text: text + "\nA zeppelin was seen over the river.\n", id="body-text"),
        pytest.param(lambda text: text.replace("outlet: Radio Free Asia", "outlet: RFA Korean Service"), id="outlet"),
        pytest.param(lambda text: text.replace("published: 2022-09\n", "published: 2022-09-14\n"), id="published-date"),
    ],
)
def test_changing_one_article_reindexes_exactly_that_one(workspace, index_dir, edit):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    path = workspace / "corpus" / f"{RFA}.md"
    before = path.read_text(encoding="utf-8")
    path.write_text(edit(before), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != before

    report = index.sync(documents(workspace))

    assert report.updated == [f"article:{RFA}"]
    assert (report.added, report.removed, report.unchanged, report.rebuilt) == ([], [], 4, False)
    assert SearchIndex(index_dir).sync(documents(workspace)).changed == 0


def test_changed_body_is_searchable_after_sync(workspace, index_dir):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    assert article_ids(index, "zeppelin") == set()
    path = workspace / "corpus" / f"{RFA}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA zeppelin was seen.\n", encoding="utf-8")
    index.sync(documents(workspace))
    assert article_ids(index, "zeppelin") == {RFA}
    assert article_ids(index, "lifeblood") == {RFA}  # still one document, not two
    assert len(index.search("", kinds=("article",), limit=None).hits) == 5


def test_deleting_an_article_removes_it(workspace, index_dir):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    (workspace / "corpus" / f"{HANKYOREH}.md").unlink()

    report = index.sync(documents(workspace))

    assert report.removed == [f"article:{HANKYOREH}"]
    assert (report.added, report.updated, report.unchanged) == ([], [], 4)
    assert article_ids(index, "THAAD") == set()
    assert [hit.doc_id for hit in index.search("", kinds=("article",), limit=None).hits] == NEWEST_FIRST[:-1]
    assert SearchIndex(index_dir).sync(documents(workspace)).changed == 0


def test_adding_an_article_adds_only_it(workspace, index_dir):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    (workspace / "corpus" / "2024-05-01-new.md").write_text(
        "---\nid: 2024-05-01-new\ntitle: A new report\npublished: 2024-05-01\n---\nZeppelins over Rason.\n",
        encoding="utf-8")

    report = index.sync(documents(workspace))

    assert report.added == ["article:2024-05-01-new"]
    assert (report.updated, report.removed, report.unchanged) == ([], [], 5)
    assert article_ids(index, "zeppelins") == {"2024-05-01-new"}


def test_editing_a_claim_reindexes_only_that_claim(small_workspace, index_dir):
    index = SearchIndex(index_dir)
    first = index.sync(documents(small_workspace))
    assert sorted(first.added) == sorted(ARTICLE_KEYS + [
        "claim:nk-trade-2019", "claim:china-share-about-90-percent", "claim:china-share-over-90-percent"])
    replace_in(small_workspace / "briefs/sites/sinuiju.yaml",
               '"trade volume was more than U.S. $3.2 billion"',
               '"in 2020 that fell to $863 million"')

    report = index.sync(documents(small_workspace))

    assert report.updated == ["claim:nk-trade-2019"]
    assert (report.added, report.removed, report.unchanged) == ([], [], 7)
    assert {h.doc_id for h in index.search("863", kinds=("claim",)).hits} == {"nk-trade-2019"}
    assert SearchIndex(index_dir).sync(documents(small_workspace)).changed == 0


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00garbage\xff" * 37)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("damage", [_garbage, _truncate, _empty], ids=["garbage-bytes", "truncated", "emptied"])
def test_damaged_index_is_rebuilt_on_next_sync(workspace, index_dir, damage):
    SearchIndex(index_dir).sync(documents(workspace))
    files = [p for p in index_dir.iterdir() if p.is_file()]
    assert files
    for path in files:
        damage(path)

    index = SearchIndex(index_dir)
    report = index.sync(documents(workspace))

    assert report.rebuilt
    assert report.added == ARTICLE_KEYS
    assert "unreadable" in report.reason
    assert article_ids(index, "molybdenum") == {CHINA_TRADE}
    assert index.document_count() == 5
    assert SearchIndex(index_dir).sync(documents(workspace)).changed == 0


def test_index_folder_with_its_table_of_contents_deleted_is_rebuilt(workspace, index_dir):
    SearchIndex(index_dir).sync(documents(workspace))
    for toc in index_dir.glob("*.toc"):
        toc.unlink()
    index = SearchIndex(index_dir)
    report = index.sync(documents(workspace))
    assert report.rebuilt and report.added == ARTICLE_KEYS
    assert article_ids(index, "THAAD") == {HANKYOREH}


def test_rebuild_leaves_a_usable_index_and_no_leftovers(workspace, index_dir):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    seen = []

    report = index.sync(documents(workspace), rebuild=True, progress=lambda done, total: seen.append((done, total)))

    assert report.rebuilt and report.reason == "asked for"
    assert report.added == ARTICLE_KEYS
    assert seen[-1] == (5, 5)
    assert [done for done, _ in seen] == list(range(1, 6))
    assert index.document_count() == 5
    assert article_ids(index, '"New Yalu River Bridge"') == {HUNCHUN, CHINA_TRADE}
    assert sorted(p.name for p in index_dir.parent.iterdir() if p.name.startswith(index_dir.name)) == [
        index_dir.name, f"{index_dir.name}.lock"]
    assert SearchIndex(index_dir).sync(documents(workspace)).changed == 0


def test_search_before_any_index_is_empty_not_an_error(tmp_path):
    results = SearchIndex(tmp_path / "never-built").search("bridge")
    assert results.hits == []
    assert "index is empty" in results.notice


def test_sync_waits_for_another_writer_then_gives_up(workspace, index_dir):
    index = SearchIndex(index_dir)
    index.sync(documents(workspace))
    lock_path = index_dir.parent / f"{index_dir.name}.lock"
    with open(lock_path, "a+") as other_writer:
        fcntl.flock(other_writer, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(IndexBusy):
            SearchIndex(index_dir).sync(documents(workspace), rebuild=True, lock_timeout=0.2)
    # The index it would have replaced is intact.
    assert article_ids(SearchIndex(index_dir), "molybdenum") == {CHINA_TRADE}


def test_default_index_dir_is_in_the_user_cache_not_the_workspace(workspace, tmp_path, _private_cache):
    directory = default_index_dir(workspace)
    assert directory.is_relative_to(_private_cache)
    assert not directory.is_relative_to(workspace)
    assert default_index_dir(workspace) == directory
    other = tmp_path / "other" / workspace.name
    assert default_index_dir(other) != directory
    assert re.fullmatch(r"ws-[0-9a-f]{12}", directory.name)


def test_index_for_a_workspace_defaults_to_the_cache(workspace, _private_cache):
    index = SearchIndex(workspace_root=workspace)
    assert index.directory == default_index_dir(workspace)
    index.sync(documents(workspace))
    assert any(_private_cache.rglob("*.toc"))
    assert not any(p.suffix == ".toc" for p in workspace.rglob("*"))

