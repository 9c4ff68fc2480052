"""Palette: an entity named exactly (by name or alias, any case) ranks before anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import settle
from tui.app.commands import BriefingCommands


async def ranked_titles(app, query: str) -> list[str]:
    provider = BriefingCommands(app.screen)
    hits = [hit async for hit in provider.search(query)]
    return [hit.text for hit in sorted(hits, key=lambda hit: -hit.score)]


@pytest.mark.parametrize(("query", "first"), [
    ("Rason", "Site: Rason"),
    ("north korea", "Actor: North Korea"),
    ("Najin port", "Site: Rajin port"),
    ("RAJIN PORT", "Site: Rajin port"),
], ids=["site-name-before-articles-naming-it", "actor-name-lower-case", "an-alias", "upper-case"])
async def test_an_exact_entity_name_or_alias_ranks_first(shipped_copy: Path, make_app, query, first):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = await ranked_titles(app, query)
        assert titles[0] == first
        assert titles.count(first) == 1


@pytest.mark.parametrize("query", ["Rason", "north korea"], ids=["a-site", "an-actor"])
async def test_articles_naming_the_entity_still_follow_it(shipped_copy: Path, make_app, query):
    app = make_app(shipped_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = await ranked_titles(app, query)
        assert any(t.startswith("Article:") for t in titles[1:])
