"""What the map shows that does not depend on its size: the located sites and the lines."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable

from ..briefing import Briefing, per_briefing
from ..geolines import GeoLines, load_lines
from ..safetext import one_line


@dataclass(frozen=True)
class Place:
    """A site with a location."""

    id: str
    name: str
    type: str
    lat: float
    lon: float
    label: str  # the name as drawn: one line, narrow characters only
    mentions: int = 0


@dataclass(frozen=True)
class MapData:
    """Everything the map shows that does not depend on its size: computed once per load."""

    places: tuple[Place, ...]
    geo: GeoLines

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.places]


@per_briefing
def map_data(briefing: Briefing) -> MapData:
    """The located sites of a briefing, most mentioned first, and the line data: once per load."""
    places = []
    for brief in briefing.briefs.values():
        if brief.kind != "site" or brief.location is None:
            continue
        places.append(Place(brief.id, brief.name, brief.type, brief.location.lat, brief.location.lon,
                            label_name(brief.name, brief.aliases, brief.id), briefing.mention_counts.get(brief.id, 0)))
    places.sort(key=lambda p: (-p.mentions, p.label.casefold(), p.id))
    return MapData(tuple(places), load_lines(briefing.root))


def label_name(name: str, aliases: Iterable[str] = (), fallback: str = "") -> str:
    """A name that draws one character per cell: the first name or alias with no wide,
    combining or invisible characters (a map label must know its width)."""
    for candidate in (name, *aliases):
        text = one_line(unicodedata.normalize("NFC", candidate or ""))
        if text and all(_narrow(ch) for ch in text):
            return text
    return fallback or one_line(name)


def _narrow(ch: str) -> bool:
    return (unicodedata.east_asian_width(ch) not in ("W", "F") and unicodedata.combining(ch) == 0
            and unicodedata.category(ch) not in ("Mn", "Me", "Cf", "Cc"))


def emphasised_places(briefing: Briefing, article_ids: Iterable[str], brief_ids: Iterable[str] = ()) -> frozenset[str]:
    """Located sites mentioned by the given articles (search hits), plus the given briefs
    (claims found by the search belong to a brief)."""
    found: set[str] = set(brief_ids)
    for article_id in article_ids:
        found |= briefing.entity_ids(article_id)
    return frozenset(i for i in found if i in briefing.briefs and briefing.briefs[i].location is not None)
