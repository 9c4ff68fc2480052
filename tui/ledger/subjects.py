"""Which entity a figure is about: the one its sentence names, a route's endpoint, the
subject of the sentence before, or the article's topic."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..quotes import sentences
from ..references import References

if TYPE_CHECKING:
    from ..briefing import Briefing


class Sentences:
    """The sentences of a body, found by offset."""

    def __init__(self, body: str):
        self.spans = sentences(body) or [(0, len(body))]
        self.starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.spans[index]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def topic_of(briefing: "Briefing", article_id: str) -> str | None:
    """The specific site an article is most about: a default entity for figures whose
    sentence names none ("the bridge is 535 metres long")."""
    counts: dict[str, int] = {}
    for mention in briefing.mentions.get(article_id, []):
        brief = briefing.briefs.get(mention.entity_id)
        if brief and brief.kind == "site" and brief.type not in ("country", "region", "river", "province", "area"):
            counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    return max(counts, key=lambda e: (counts[e], e)) if counts else None


PLACES_WITH_CROSSINGS = ("city", "county", "crossing", "area", "zone", "town", "village")
STRUCTURAL_KINDS = {"length", "width", "year-built", "year-opened", "year-begun", "cost"}
WHOLE_PLACES = ("city", "county", "province", "region", "area", "zone")


def state_near(mentions, starts, s_start: int, s_end: int, briefing: "Briefing") -> str | None:
    """A state the sentence names, for a figure about no place ("China makes up more than
    90 per cent of North Korean trade"): the first one."""
    for mention in mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief and brief.type in ("state", "country"):
            return brief.id
    return None


_GENERIC_TYPES = ("state", "country", "region", "river", "province", "area", "outlet", "agency", "person")


# A sentence about a road or route names its ends ("the road from the border to Rajin"): a
# figure there is about the road, not the places it leads to.
ROUTE = re.compile(r"\b(?:road|highway|route|motorway)s?\b|도로|公路|дорог\w*|шоссе|طريق", re.I)
_ENDPOINT = re.compile(r"\b(?:to|from|towards|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


def entity_near(mentions, starts, offset: int, s_start: int, s_end: int, briefing: "Briefing",
                 route_body: str | None = None) -> str | None:
    """The nearest specific site named in the sentence (a bridge over its city), else any
    named entity that is not a state. In a sentence about a route (`route_body` given), the
    places named as its ends are not what its figures are about."""
    lo = bisect.bisect_left(starts, s_start)
    hi = bisect.bisect_left(starts, s_end)
    best = None
    for mention in mentions[lo:hi]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief is None:
            continue
        if route_body is not None and _ENDPOINT.search(route_body[max(s_start, mention.start - 40):mention.start]):
            continue
        generic = brief.type in _GENERIC_TYPES or brief.kind != "site"
        if generic:
            continue  # states, rivers, outlets, people: a figure is rarely about them
        distance = offset - mention.start if mention.start <= offset else 2 * (mention.start - offset)
        rank = (brief.type not in ("bridge", "port", "crossing", "customs", "station", "rail-line", "market", "zone"), distance)
        if best is None or rank < best[0]:
            best = (rank, mention.entity_id)
    return best[1] if best else None


def topic_marked(mentions, starts, s_start: int, offset: int, body: str, briefing: "Briefing") -> str | None:
    """A Korean sentence's topic: a specific site before the figure followed by 은/는."""
    for mention in mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, offset)]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief and brief.kind == "site" and brief.type not in _GENERIC_TYPES and body[mention.end:mention.end + 1] in ("은", "는"):
            return brief.id
    return None


def previous_subject(body: str, spans: "Sentences", s_start: int, mentions, starts, briefing: "Briefing",
                      references: References, depth: int = 3) -> str | None:
    """What the sentence before `s_start` is about ("… a new bridge. It is 638 metres long"):
    the first specific site it names, else the site its type word means."""
    index = spans.index(s_start)
    if index == 0 or depth == 0:
        return None
    p_start, p_end = spans.spans[index - 1]
    named = entity_near(mentions, starts, p_start, p_start, p_end, briefing)
    sentence = body[p_start:p_end]
    by_type = references.by_type_word(sentence)
    if named and not (by_type and briefing.briefs[named].type in WHOLE_PLACES):
        return named  # "a new bridge at Riverton. It is …": the bridge, not the city
    if by_type:
        return by_type
    if references.continues_previous(sentence):
        return previous_subject(body, spans, p_start, mentions, starts, briefing, references, depth - 1)
    return None
