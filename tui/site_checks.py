"""Checks of site briefs that the schema alone cannot make: where a site is."""

from __future__ import annotations

from typing import Iterable

from .model import Brief
from .problems import Problem

# Places an analyst follows on the map: each is located, or says why it cannot be.
PLACED_TYPES = ("crossing", "bridge", "port", "customs", "station", "zone")


def location_problems(briefs: Iterable[Brief]) -> list[Problem]:
    problems = []
    for brief in briefs:
        if brief.kind != "site" or brief.type not in PLACED_TYPES:
            continue
        if brief.location is None and not (brief.location_note or "").strip():
            problems.append(Problem(brief.path, brief.line("type") or brief.line("id"),
                                    f"site '{brief.id}' ({brief.type}) has no location; give one, or a "
                                    "location_note that says why it has none"))
    return problems
