"""A first load matches names in worker processes when there are many articles: the same
mentions as matching them here, and the same as a load that finds them one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.briefing import Briefing
from tui.loadcache import load_briefing, matching, shards


def _mentions(briefing: Briefing) -> dict[str, list[tuple[int, int, str]]]:
    return {aid: [(m.start, m.end, m.entity_id) for m in briefing.mentions[aid]] for aid in briefing.articles}


@pytest.fixture
def in_parallel(monkeypatch):
    """The pool used from the first article, with two workers even on a one-core machine."""
    monkeypatch.setattr(shards, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matching, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matching, "workers", lambda: 2)
    used = []
    match = matching.match_in_parallel

    def counted(*args, **kwargs):
        found = match(*args, **kwargs)
        used.append(found is not None)
        return found

    monkeypatch.setattr(shards, "match_in_parallel", counted)
    return used


def test_names_found_in_worker_processes_are_those_found_here(small_workspace: Path, tmp_path: Path, in_parallel):
    loaded = load_briefing(small_workspace, tmp_path / "cache")
    assert in_parallel == [True]
    fresh = Briefing.load(small_workspace)
    assert _mentions(loaded) == _mentions(fresh) and any(_mentions(fresh).values())
    assert loaded.mention_counts == fresh.mention_counts
    assert {aid: [(m.start, m.end, m.entity_id) for m in loaded.title_mentions[aid]] for aid in loaded.articles} == \
        {aid: [(m.start, m.end, m.entity_id) for m in fresh.title_mentions[aid]] for aid in fresh.articles}


def test_a_pool_that_cannot_start_leaves_the_matching_to_this_process(small_workspace: Path, tmp_path: Path,
                                                                     in_parallel, monkeypatch):
    def no_processes(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(matching, "ProcessPoolExecutor", no_processes)
    loaded = load_briefing(small_workspace, tmp_path / "cache")
    assert in_parallel == [False]
    assert _mentions(loaded) == _mentions(Briefing.load(small_workspace))
