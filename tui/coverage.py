"""Who reports on what: entities × outlets, and where a story rests on one source.

An article's outlet is matched to an outlet's actor brief (by its name and aliases), which
gives the outlet's country. Articles whose outlet is unknown are counted together under
"outlet unknown": they may come from one outlet, so they never make an entity look
better sourced than it is. Nor are they one source: an entity covered only by two or more
articles of unknown outlet has its own flag, "outlets unknown ×N".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .briefing import Briefing, per_briefing
from .textfold import fold_key

UNKNOWN_OUTLET = "outlet unknown"
UNKNOWN_COUNTRY = "??"


@dataclass(frozen=True)
class Outlet:
    key: str  # outlet brief id, or the outlet's name when no brief covers it
    name: str
    country: str  # ISO alpha-2, or ?? when not known
    brief_id: str | None = None


@dataclass
class EntityCoverage:
    entity_id: str
    cells: dict[str, list[str]] = field(default_factory=dict)  # outlet key -> article ids

    @property
    def outlets(self) -> set[str]:
        return set(self.cells)


@dataclass
class Coverage:
    outlets: list[Outlet]  # columns, grouped by country then name
    rows: dict[str, EntityCoverage]  # entity id -> its cells
    single_outlet: set[str]  # entities all of whose articles come from one outlet
    single_country: set[str]  # entities all of whose known outlets are from one country
    article_outlet: dict[str, str]  # article id -> outlet key
    # entities covered only by articles of unknown outlet, two or more of them -> how many
    outlets_unknown: dict[str, int] = field(default_factory=dict)

    def count(self, entity_id: str, outlet_key: str) -> int:
        row = self.rows.get(entity_id)
        return len(row.cells.get(outlet_key, [])) if row else 0

    def flag(self, entity_id: str) -> str | None:
        if entity_id in self.outlets_unknown:
            return f"outlets unknown ×{self.outlets_unknown[entity_id]}"
        if entity_id in self.single_outlet:
            return "single-source"
        if entity_id in self.single_country:
            return "single-country"
        return None

    def claim_flag(self, briefing: Briefing, claim_id: str) -> str | None:
        """A claim is single-source when its entity's coverage rests on one outlet."""
        claim = briefing.claims.get(claim_id)
        return self.flag(claim.brief_id) if claim else None

    def to_json(self, briefing: Briefing, by: str = "outlet") -> dict:
        columns = self.columns(by)
        return {
            "by": by,
            "columns": [{"key": key, "name": name, "country": country} for key, name, country in columns],
            "rows": [
                {"entity": entity_id, "name": briefing.briefs[entity_id].name, "kind": briefing.briefs[entity_id].kind,
                 "cells": {key: self.cell(entity_id, key, by) for key, _, _ in columns if self.cell(entity_id, key, by)},
                 "flag": self.flag(entity_id)}
                for entity_id in self.rows
            ],
            "single_source": sorted(self.single_outlet),
            "outlets_unknown": dict(sorted(self.outlets_unknown.items())),
            "single_country": sorted(self.single_country - self.single_outlet),
        }

    def columns(self, by: str = "outlet") -> list[tuple[str, str, str]]:
        """(key, label, country) per column: outlets, or countries."""
        if by == "country":
            countries = sorted({o.country for o in self.outlets}, key=lambda c: (c == UNKNOWN_COUNTRY, c))
            return [(c, c if c != UNKNOWN_COUNTRY else "unknown", c) for c in countries]
        return [(o.key, o.name, o.country) for o in self.outlets]

    def cell(self, entity_id: str, key: str, by: str = "outlet") -> int:
        if by == "country":
            row = self.rows.get(entity_id)
            if not row:
                return 0
            keys = [o.key for o in self.outlets if o.country == key]
            return len({a for k in keys for a in row.cells.get(k, [])})
        return self.count(entity_id, key)

    def articles_in(self, entity_id: str, key: str, by: str = "outlet") -> list[str]:
        row = self.rows.get(entity_id)
        if not row:
            return []
        keys = [o.key for o in self.outlets if o.country == key] if by == "country" else [key]
        return sorted({a for k in keys for a in row.cells.get(k, [])})


def outlet_of(briefing: Briefing, outlet_name: str | None) -> Outlet:
    if not outlet_name:
        return Outlet(UNKNOWN_OUTLET, UNKNOWN_OUTLET, UNKNOWN_COUNTRY)
    wanted = fold_key(outlet_name)
    for brief in briefing.briefs.values():
        if brief.kind == "actor" and any(fold_key(n) == wanted for n in brief.names):
            return Outlet(brief.id, brief.name, brief.country or UNKNOWN_COUNTRY, brief.id)
    return Outlet(outlet_name, outlet_name, UNKNOWN_COUNTRY)


def build_coverage(briefing: Briefing, kind: str | None = None) -> Coverage:
    """The matrix for sites, actors or both (kind None)."""
    outlets: dict[str, Outlet] = {}
    article_outlet: dict[str, str] = {}
    for article in briefing.articles.values():
        outlet = outlet_of(briefing, article.outlet)
        outlets[outlet.key] = outlet
        article_outlet[article.id] = outlet.key
    rows: dict[str, EntityCoverage] = {}
    cells: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entity_id, article_ids in briefing.articles_by_entity.items():
        brief = briefing.briefs.get(entity_id)
        if brief is None or (kind and brief.kind != kind):
            continue
        for article_id in article_ids:
            cells[entity_id][article_outlet[article_id]].append(article_id)
    order = sorted(cells, key=lambda e: (briefing.briefs[e].kind != "site", -sum(map(len, cells[e].values())),
                                         briefing.briefs[e].name.casefold()))
    for entity_id in order:
        rows[entity_id] = EntityCoverage(entity_id, {k: v for k, v in cells[entity_id].items()})
    outlets_unknown = {e: len(row.cells[UNKNOWN_OUTLET]) for e, row in rows.items()
                       if row.outlets == {UNKNOWN_OUTLET} and len(row.cells[UNKNOWN_OUTLET]) > 1}
    single_outlet = {e for e, row in rows.items() if len(row.outlets) == 1 and e not in outlets_unknown}
    single_country = set()
    for entity_id, row in rows.items():
        countries = {outlets[k].country for k in row.outlets}
        known = countries - {UNKNOWN_COUNTRY}
        if len(known) <= 1 and (UNKNOWN_COUNTRY not in countries or not known):
            single_country.add(entity_id)
    columns = sorted(outlets.values(), key=lambda o: (o.country == UNKNOWN_COUNTRY, o.country, o.key == UNKNOWN_OUTLET, o.name.casefold()))
    return Coverage(columns, rows, single_outlet, single_country, article_outlet, outlets_unknown)


@per_briefing
def coverage_of(briefing: Briefing) -> Coverage:
    """The coverage of every entity (sites and actors), once per load: the brief pane asks
    for a flag each time it shows a brief."""
    return build_coverage(briefing)
