"""Checks of site briefs that the schema alone cannot make: where a site is, and its dated
status history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Brief, Claim
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


def status_problems(briefs: Iterable[Brief], claims: Mapping[str, Claim]) -> list[Problem]:
    """Every status entry names a claim that exists, and the entries run oldest first."""
    problems = []
    for brief in briefs:
        previous = None
        for entry in brief.status:
            if entry.claim_id not in claims:
                problems.append(Problem(brief.path, entry.line, f"status '{entry.state}' ({entry.as_of.iso()}): "
                                        f"unknown claim '{entry.claim_id}'; each state is anchored to a claim"))
            if previous is not None and entry.as_of < previous.as_of:
                problems.append(Problem(brief.path, entry.line, f"status '{entry.state}' ({entry.as_of.iso()}) comes "
                                        f"after '{previous.state}' ({previous.as_of.iso()}); list the states oldest first"))
            previous = entry
    return problems
