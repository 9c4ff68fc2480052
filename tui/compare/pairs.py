"""Two articles aligned sentence by sentence on the entities both mention."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from ..briefing import Briefing
from ..figures import Figure, figures_in
from ..model import Article
from ..quotes import sentences


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    figures: list[Figure] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "figures": [f.text for f in self.figures]}


@dataclass
class AlignedEntity:
    entity_id: str
    name: str
    kind: str
    left: list[Sentence]
    right: list[Sentence]


@dataclass
class ArticlePair:
    left: Article
    right: Article
    shared: list[AlignedEntity]
    only_left: list[str]
    only_right: list[str]

    def to_json(self, briefing: Briefing) -> dict:
        def name(i: str) -> dict:
            return {"id": i, "name": briefing.briefs[i].name}

        return {
            "left": {"article": self.left.id, "outlet": self.left.outlet,
                     "published": self.left.published.iso() if self.left.published else None},
            "right": {"article": self.right.id, "outlet": self.right.outlet,
                      "published": self.right.published.iso() if self.right.published else None},
            "shared": [{"entity": a.entity_id, "name": a.name, "kind": a.kind,
                        "left": [s.to_json() for s in a.left], "right": [s.to_json() for s in a.right]}
                       for a in self.shared],
            "only_left": [name(i) for i in self.only_left],
            "only_right": [name(i) for i in self.only_right],
        }


def _sentences_by_entity(briefing: Briefing, article: Article) -> dict[str, list[Sentence]]:
    spans = sentences(article.body)
    out: dict[str, list[Sentence]] = defaultdict(list)
    starts = [s for s, _ in spans]
    for mention in briefing.mentions.get(article.id, []):
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            continue
        start, end = spans[index]
        if out[mention.entity_id] and out[mention.entity_id][-1].start == start:
            continue
        text = article.body[start:end]
        out[mention.entity_id].append(Sentence(start, end, text, figures_in(text)))
    return out


def compare_articles(briefing: Briefing, left_id: str, right_id: str) -> ArticlePair:
    left, right = briefing.articles[left_id], briefing.articles[right_id]
    a, b = _sentences_by_entity(briefing, left), _sentences_by_entity(briefing, right)
    shared_ids = sorted(set(a) & set(b), key=lambda i: (briefing.briefs[i].kind != "site",
                                                        -(len(a[i]) + len(b[i])), briefing.briefs[i].name))
    shared = [AlignedEntity(i, briefing.briefs[i].name, briefing.briefs[i].kind, a[i], b[i]) for i in shared_ids]
    by_name = lambda ids: sorted(ids, key=lambda i: briefing.briefs[i].name.casefold())  # noqa: E731
    return ArticlePair(left, right, shared, by_name(set(a) - set(b)), by_name(set(b) - set(a)))
