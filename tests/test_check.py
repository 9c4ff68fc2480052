"""`borderbrief check`: every problem in briefs and disputes is reported as `path:line: message`.

Each case breaks one thing in a copy of a small, clean workspace and states which file and
line the report must point at, and what it must say. Lines are found in the broken file by
the text they hold, so the cases stay true if the fixture grows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from support import HANKYOREH, REPO_ROOT, RFA, article_body, line_of, replace_in, write_file
from tui.quotes import closest_passage, locate_quote
from tui.workspace import Workspace

SINUIJU = "briefs/sites/sinuiju.yaml"
DANDONG = "briefs/sites/dandong.yaml"
KOTRA = "briefs/actors/kotra.yaml"
DISPUTE = "briefs/disputes/china-share-of-trade.yaml"


@dataclass
class Expected:
    file: str  # relative to the workspace root, as `check` prints it
    needle: str  # text on the line the problem must point at
    says: tuple[str, ...]  # fragments the message must contain
    nth: int = 1  # which line holding `needle`


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def run_check(run_cli, root: Path):
    result = run_cli("check", workspace=root)
    return result, problem_lines(result.stdout)


# -- the cases: each takes the workspace root, breaks it, and says what check must report --

def yaml_syntax_error(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "name: Sinuiju\n", "name: Sinuiju: the city\n")
    return [Expected(SINUIJU, "name: Sinuiju: the city", ("YAML error", "mapping values are not allowed"))]


def yaml_unclosed_flow_list(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "related: [sinuiju]\n", "related: [sinuiju\n")
    # The parser notices at the next key; the problem names the file and a line at or after it.
    return [Expected(DANDONG, "summary: >", ("YAML error",))]


def schema_wrong_type_value(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "type: city\n", "type: metropolis\n")
    return [Expected(SINUIJU, "type: metropolis", ("brief field 'type'", "'city'"))]


def schema_missing_required_field(ws: Path) -> list[Expected]:
    replace_in(ws / KOTRA, "name: KOTRA\n", "")
    # A missing key has no line of its own: the problem points at the mapping that lacks it.
    return [Expected(KOTRA, "id: kotra", ("brief field 'name'", "Field required"))]


def schema_claim_value_true_false(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "    value: 90\n", "    value: yes\n")
    return [Expected(DANDONG, "value: yes", ("brief field 'claims[0].value'", "not true/false"))]


def schema_bad_as_of_date(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "as_of: 2019\n", "as_of: 2019-13\n")
    return [Expected(SINUIJU, "as_of: 2019-13", ("brief field 'claims[0].as_of'",))]


def schema_impossible_calendar_day(ws: Path) -> list[Expected]:
    # YAML reads YYYY-MM-DD as a date; one that cannot exist is the field's problem, not a crash.
    replace_in(ws / SINUIJU, "as_of: 2019\n", "as_of: 2019-02-30\n")
    return [Expected(SINUIJU, "as_of: 2019-02-30", ("brief field 'claims[0].as_of'", "day is out of range"))]


def yaml_explicit_tag_that_cannot_be_read(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "    value: 90\n", "    value: !!int ninety\n")
    return [Expected(DANDONG, "value: !!int ninety", ("YAML error", "'ninety'"))]


def schema_bad_claim_id(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "- id: china-share-over-90-percent", "- id: China Share")
    return [Expected(DANDONG, "- id: China Share", ("brief field 'claims[0].id'", "pattern"))]


def unknown_top_level_field(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "country: KP\n", "country: KP\nnickname: Sinny\n")
    return [Expected(SINUIJU, "nickname: Sinny", ("brief field 'nickname'", "unknown field"))]


def unknown_claim_field(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "as_of: 2019\n", "asof: 2019\n")
    return [Expected(SINUIJU, "asof: 2019", ("brief field 'claims[0].asof'", "unknown field"))]


def unknown_dispute_field(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "kind: different-measure\n", "kind: different-measure\nseverity: high\n")
    return [Expected(DISPUTE, "severity: high", ("dispute field 'severity'", "unknown field"))]


def duplicate_claim_id_in_another_brief(ws: Path) -> list[Expected]:
    (ws / KOTRA).write_text((ws / KOTRA).read_text(encoding="utf-8") + (
        "claims:\n"
        "  - id: nk-trade-2019\n"
        "    says: Trade fell to 863 million dollars in 2020\n"
        f"    source: {RFA}\n"
        '    quote: "in 2020 that fell to $863 million"\n'
    ), encoding="utf-8")
    return [Expected(KOTRA, "- id: nk-trade-2019", ("duplicate id 'nk-trade-2019'", SINUIJU))]


def duplicate_id_dispute_named_like_a_brief(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "id: china-share-of-trade\n", "id: dandong\n")
    return [Expected(DISPUTE, "id: dandong", ("duplicate id 'dandong'", DANDONG))]


def duplicate_brief_id_in_two_folders(ws: Path) -> list[Expected]:
    write_file(ws, "briefs/actors/sinuiju.yaml", """
        id: sinuiju
        kind: actor
        type: government
        name: Sinuiju city government
        summary: The city's administration.
        """)
    return [Expected("briefs/actors/sinuiju.yaml", "id: sinuiju", ("duplicate brief id 'sinuiju'", SINUIJU))]


def duplicate_key_in_one_file(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "type: city\n", "type: city\nname: Sinuiju again\n")
    # The inserted line comes first, so the file's own `name:` below it is the repeat.
    return [Expected(SINUIJU, "name: Sinuiju", ("YAML error", "duplicate key 'name'", "first on line 5"), nth=2)]


def site_with_an_actor_type(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "type: city\n", "type: outlet\n")
    return [Expected(SINUIJU, "id: sinuiju", ("type 'outlet' is not a site type",))]


def brief_file_named_unlike_its_id(ws: Path) -> list[Expected]:
    (ws / SINUIJU).rename(ws / "briefs/sites/sinuiju-city.yaml")
    return [Expected("briefs/sites/sinuiju-city.yaml", "id: sinuiju", ("differs from the file name 'sinuiju-city'",))]


def claim_source_article_missing(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, f"source: {HANKYOREH}", "source: 2016-08-23-no-such-article")
    return [Expected(DANDONG, "source: 2016-08-23-no-such-article",
                     ("claim 'china-share-over-90-percent'", "source article '2016-08-23-no-such-article' does not exist"))]


def quote_with_a_changed_figure(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, '"bilateral trade with China, which accounts for over 90%',
               '"bilateral trade with China, which accounts for over 95%')
    return [Expected(DANDONG, "which accounts for over 95%",
                     ("quote not found verbatim", "closest passage",
                      "which accounts for over 90% of North Korea’s foreign trade"))]


def quote_typed_with_a_straight_apostrophe(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "North Korea’s foreign trade\"", "North Korea's foreign trade\"")
    return [Expected(DANDONG, "North Korea's foreign trade\"",
                     ("quote not found verbatim", "closest passage: \"According to Lee, bilateral trade"))]


def quote_found_twice_without_occurrence(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, '"trade volume was more than U.S. $3.2 billion"', '"between Sinuiju and Dandong"')
    return [Expected(SINUIJU, 'quote: "between Sinuiju and Dandong"', ("claim 'nk-trade-2019'", "quote occurs 2 times", "occurrence"))]


def quote_occurrence_beyond_the_count(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, '"trade volume was more than U.S. $3.2 billion"',
               '"between Sinuiju and Dandong"\n    occurrence: 3')
    return [Expected(SINUIJU, 'quote: "between Sinuiju and Dandong"', ("occurrence 3 asked", "occurs 2 time(s)"))]


def dispute_names_an_unknown_claim(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "  - china-share-over-90-percent\n", "  - china-share-over-95-percent\n")
    return [Expected(DISPUTE, "- china-share-over-95-percent",
                     ("dispute 'china-share-of-trade'", "unknown claim 'china-share-over-95-percent'"))]


def dispute_with_claims_from_one_source(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "  - china-share-over-90-percent\n", "  - nk-trade-2019\n")
    return [Expected(DISPUTE, "- china-share-about-90-percent",
                     ("all its claims come from one source (2022-09-rfa-rail-trade-restart)", "internal: true"))]


def internal_dispute_with_claims_from_one_source_passes(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "  - china-share-over-90-percent\n", "  - nk-trade-2019\n")
    replace_in(ws / DISPUTE, "note: >", "internal: true\nnote: >")
    return []


def internal_dispute_with_claims_from_two_sources(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "note: >", "internal: true\nnote: >")
    return [Expected(DISPUTE, "- china-share-about-90-percent", ("labelled internal", "2 sources"))]


def dispute_with_a_single_claim(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "  - china-share-over-90-percent\n", "")
    return [Expected(DISPUTE, "claims:", ("dispute field 'claims'", "at least 2"))]


def dispute_names_an_unknown_entity(ws: Path) -> list[Expected]:
    replace_in(ws / DISPUTE, "note: >", "entities: [dandong, pyongyang]\nnote: >")
    return [Expected(DISPUTE, "entities:", ("unknown entity 'pyongyang'",))]


def alias_shared_by_two_entities(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "aliases: [丹东]", "aliases: [丹东, SINUIJU]")
    return [
        Expected(DANDONG, "aliases: [丹东, SINUIJU]", ("'SINUIJU' is also used by sinuiju",)),
        Expected(SINUIJU, "name: Sinuiju", ("'Sinuiju' is also used by dandong",)),
        Expected(SINUIJU, "aliases: [Sinŭiju", ("'Sinŭiju' is also used by dandong",)),
    ]


def location_latitude_out_of_range(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "{lat: 40.10,", "{lat: 140.10,")
    return [Expected(SINUIJU, "location: {lat: 140.10", ("brief field 'location.lat'", "90"))]


def location_longitude_out_of_range(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "lon: 124.39}", "lon: 224.39}")
    return [Expected(DANDONG, "lon: 224.39", ("brief field 'location.lon'", "180"))]


def crossing_without_location_or_note(ws: Path) -> list[Expected]:
    write_file(ws, "briefs/sites/quanhe.yaml", """
        id: quanhe
        kind: site
        type: crossing
        name: Quanhe
        summary: >
          Chinese border crossing on the Tumen River.
        """)
    return [Expected("briefs/sites/quanhe.yaml", "type: crossing", ("site 'quanhe' (crossing) has no location", "location_note"))]


def status_entry_with_an_unknown_claim(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "claims:\n", "status:\n  - state: opened\n    as_of: 2019\n    claim: sinuiju-opened\nclaims:\n")
    return [Expected(SINUIJU, "  - state: opened", ("status 'opened' (2019)", "unknown claim 'sinuiju-opened'"))]


def status_entries_out_of_order(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "claims:\n", "status:\n  - state: in-use\n    as_of: 2019\n    claim: nk-trade-2019\n"
               "  - state: closed\n    as_of: 2016-08\n    claim: china-share-about-90-percent\nclaims:\n")
    return [Expected(SINUIJU, "  - state: closed", ("status 'closed' (2016-08) comes after 'in-use' (2019)", "oldest first"))]


def status_state_not_in_the_vocabulary(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "claims:\n", "status:\n  - state: thriving\n    as_of: 2019\n    claim: nk-trade-2019\nclaims:\n")
    return [Expected(SINUIJU, "  - state: thriving", ("brief field 'status[0].state'", "'opened'"))]


def related_id_missing(ws: Path) -> list[Expected]:
    replace_in(ws / SINUIJU, "related: [dandong]", "related: [dandong, pyongyang]")
    return [Expected(SINUIJU, "related: [dandong, pyongyang]", ("related id 'pyongyang' does not exist",))]


def related_to_itself(ws: Path) -> list[Expected]:
    replace_in(ws / DANDONG, "related: [sinuiju]", "related:\n  - sinuiju\n  - dandong")
    return [Expected(DANDONG, "  - dandong", ("lists itself as related",))]


def python_object_tag(ws: Path) -> list[Expected]:
    marker = ws.parent / "tag-was-run"
    replace_in(ws / SINUIJU, "summary: >\n",
               f'summary: !!python/object/apply:os.system ["touch {marker}"]\nold_summary: >\n')
    return [Expected(SINUIJU, "!!python/object/apply",
                     ("YAML error", "refused a YAML tag", "(!!python/object/apply:os.system)"))]


def python_name_tag(ws: Path) -> list[Expected]:
    replace_in(ws / KOTRA, "name: KOTRA\n", "name: !!python/name:os.system\n")
    return [Expected(KOTRA, "name: !!python", ("refused a YAML tag", "(!!python/name:os.system)"))]


def brief_in_the_wrong_folder(ws: Path) -> list[Expected]:
    (ws / KOTRA).rename(ws / "briefs/sites/kotra.yaml")
    return [Expected("briefs/sites/kotra.yaml", "kind: actor", ("'actor' brief in briefs/sites/", "expected 'site'"))]


CASES: list[Callable[[Path], list[Expected]]] = [
    yaml_syntax_error,
    yaml_unclosed_flow_list,
    schema_wrong_type_value,
    schema_missing_required_field,
    schema_claim_value_true_false,
    schema_bad_as_of_date,
    schema_impossible_calendar_day,
    yaml_explicit_tag_that_cannot_be_read,
    schema_bad_claim_id,
    unknown_top_level_field,
    unknown_claim_field,
    unknown_dispute_field,
    duplicate_claim_id_in_another_brief,
    duplicate_id_dispute_named_like_a_brief,
    duplicate_brief_id_in_two_folders,
    duplicate_key_in_one_file,
    site_with_an_actor_type,
    brief_file_named_unlike_its_id,
    claim_source_article_missing,
    quote_with_a_changed_figure,
    quote_typed_with_a_straight_apostrophe,
    quote_found_twice_without_occurrence,
    quote_occurrence_beyond_the_count,
    dispute_names_an_unknown_claim,
    dispute_with_claims_from_one_source,
    internal_dispute_with_claims_from_two_sources,
    dispute_with_a_single_claim,
    dispute_names_an_unknown_entity,
    alias_shared_by_two_entities,
    location_latitude_out_of_range,
    location_longitude_out_of_range,
    crossing_without_location_or_note,
    status_entry_with_an_unknown_claim,
    status_entries_out_of_order,
    status_state_not_in_the_vocabulary,
    related_id_missing,
    related_to_itself,
    python_object_tag,
    python_name_tag,
    brief_in_the_wrong_folder,
]


def test_clean_small_workspace_passes(small_workspace, run_cli):
    result, lines = run_check(run_cli, small_workspace)
    assert result.exit_code == 0, result.output
    assert lines == []
    assert "no problems" in result.stderr
    assert "3 briefs" in result.stderr and "3 claims" in result.stderr and "1 disputes" in result.stderr


@pytest.mark.parametrize("breakage", CASES, ids=[case.__name__.replace("_", "-") for case in CASES])
def test_check_reports_file_line_and_message(small_workspace, run_cli, breakage):
    expected = breakage(small_workspace)
    result, lines = run_check(run_cli, small_workspace)

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for want in expected:
        line = line_of(small_workspace / want.file, want.needle, want.nth)
        prefix = f"{want.file}:{line}: "
        matching = [text for text in lines if text.startswith(prefix)]
        assert matching, f"no problem reported at {prefix!r}; got:\n" + "\n".join(lines)
        assert any(all(fragment in text for fragment in want.says) for text in matching), (
            f"no problem at {prefix!r} says {want.says}; got:\n" + "\n".join(matching))
    # Every line of output is a `path:line: message` (or `path: message`) report.
    for text in lines:
        path, _, rest = text.partition(": ")
        assert rest, text
        assert path.split(":")[0].startswith(("briefs/", "corpus/")), text


def test_an_internal_dispute_may_set_one_article_against_itself(small_workspace, run_cli):
    internal_dispute_with_claims_from_one_source_passes(small_workspace)
    result, lines = run_check(run_cli, small_workspace)
    assert result.exit_code == 0, result.output
    assert lines == []


def test_python_tag_is_refused_and_never_run(small_workspace, run_cli):
    marker = small_workspace.parent / "tag-was-run"
    python_object_tag(small_workspace)
    result, lines = run_check(run_cli, small_workspace)
    assert result.exit_code == 1
    assert not marker.exists(), "the !!python tag was executed"
    assert any(line.startswith(f"{SINUIJU}:") and "refused a YAML tag" in line for line in lines)
    # The refused file is skipped; the other briefs still load.
    assert set(Workspace.load(small_workspace).briefs) == {"dandong", "kotra"}


def test_check_json_lists_the_same_problems(small_workspace, run_cli):
    related_id_missing(small_workspace)
    result = run_cli("check", "--json", workspace=small_workspace)
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems == [{
        "path": SINUIJU,
        "line": line_of(small_workspace / SINUIJU, "related:"),
        "message": "related id 'pyongyang' does not exist",
    }]


def test_occurrence_selects_the_second_match(small_workspace, run_cli):
    quote = "between Sinuiju and Dandong"
    replace_in(small_workspace / SINUIJU, '"trade volume was more than U.S. $3.2 billion"', f'"{quote}"\n    occurrence: 2')

    result, lines = run_check(run_cli, small_workspace)
    assert result.exit_code == 0, result.output

    ws = Workspace.load(small_workspace)
    body = ws.articles[RFA].body
    first = body.find(quote)
    second = body.find(quote, first + 1)
    assert first != -1 and second != -1
    claim = ws.claims["nk-trade-2019"]
    assert claim.quote_span == (second, second + len(quote))
    assert body[claim.quote_span[0]:claim.quote_span[1]] == quote


def test_quote_spans_point_at_the_quoted_words(small_workspace):
    ws = Workspace.load(small_workspace)
    assert ws.problems == []
    for claim in ws.claims.values():
        start, end = claim.quote_span
        assert ws.articles[claim.source].body[start:end] == claim.quote


def test_shipped_workspace_passes_check(run_cli, tmp_path):
    """The repository's own corpus and briefs are consistent."""
    result = run_cli("check", workspace=REPO_ROOT, index_dir=tmp_path / "ix")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr


# -- quote anchoring, underneath the checks ---------------------------------------------------------

@pytest.mark.parametrize(
    "quote, occurrence, span, count, error",
    [
        ("lifeblood artery", None, "first", 1, None),
        ("between Sinuiju and Dandong", None, None, 2, "occurs 2 times"),
        ("between Sinuiju and Dandong", 1, "first", 2, None),
        ("between Sinuiju and Dandong", 2, "second", 2, None),
        ("between Sinuiju and Dandong", 3, None, 2, "occurrence 3 asked"),
        ("lifeblood Artery", None, None, 0, "not found verbatim"),
        ("trade with China has accounted for about 90 percent", None, "first", 1, None),
    ],
    ids=["unique", "twice-without-occurrence", "first-of-two", "second-of-two", "occurrence-beyond-count",
         "case-matters", "long-quote"],
)
def test_locate_quote(quote, occurrence, span, count, error):
    body = article_body(RFA)
    found = locate_quote(body, quote, occurrence)
    assert found.count == count == body.count(quote)
    if span is None:
        assert found.span is None and error in found.error
    else:
        first = body.find(quote)
        start = first if span == "first" else body.find(quote, first + 1)
        assert found.span == (start, start + len(quote))
        assert found.error is None


@pytest.mark.parametrize(
    "article, quote, passage_holds",
    [
        (HANKYOREH, "which accounts for over 95% of North Korea’s foreign trade",
         "which accounts for over 90% of North Korea’s foreign trade"),
        (HANKYOREH, "which accounts for over 90% of North Korea's foreign trade", "According to Lee, bilateral trade"),
        (RFA, "trade volume was more than U.S. $3.5 billion", "trade volume was more than U.S. $3.2 billion"),
        (RFA, "the rail bridge between them has been the lifeblood of North Korea", "the lifeblood artery"),
        (RFA, "Rail freight re-opened in January 2022, and shut down again in late April.",
         "Rail freight re-opened in January 2022, but shut down again in late April."),
    ],
    ids=["changed-figure", "straight-apostrophe", "abbreviation-inside-the-sentence", "words-left-out",
         "one-word-changed"],
)
def test_closest_passage_is_the_sentence_the_quote_came_from(article, quote, passage_holds):
    body = article_body(article)
    passage = closest_passage(body, quote)
    assert passage is not None and passage_holds in passage
    assert passage in body


def test_no_closest_passage_for_unrelated_words():
    assert closest_passage(article_body(RFA), "zeppelins drift over quiet lakes at dawn") is None
