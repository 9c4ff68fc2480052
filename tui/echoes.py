"""Echoes: an article that repeats another's passages or says where its story comes from.

An article is an echo of an earlier one when at least two of its sentences are near
duplicates of that article's (word 4-gram shingles, Jaccard >= 0.6), or one is when it has
no more than three sentences. It also echoes a source it cites: "according to Yonhap",
"KCNA reported", "a report carried by the Korean Central News Agency", "сообщает
Newsweek", "据英国《卫报》报道". Coverage then counts independent origins: an echo counts as
its origin, so five rewrites of one wire story are one source, not five.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .briefing import per_briefing
from .quotes import sentences
from .textfold import fold_key

if TYPE_CHECKING:
    from .briefing import Briefing

SHINGLE = 4
NEAR_DUPLICATE = 0.6
_MIN_WORDS = 8
_NAME = r"(?:the\s+)?(?P<src>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|and))*(?:\s+\([A-Z]{2,}\))?)"
_CITATIONS = [
    re.compile(rf"\b[Aa]ccording to (?:a (?:report|statement|dispatch) (?:by|from|carried by|in) )?{_NAME}"),
    re.compile(rf"\b(?:a )?report carried by {_NAME}"),
    re.compile(rf"\b[Cc]iting {_NAME}"),
    re.compile(rf"{_NAME},?\s+(?:reported|said in a report|quoted)\b"),
    re.compile(r"(?:сообщает|сообщил[аио]?|пишет|передает|передаёт|отмечает|по данным)\s+(?:[а-яё]+\s+)?(?P<src>[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*)*)"),
    re.compile(r"据(?:[^《，。]{0,6})《(?P<src>[^》]{1,20})》(?:报道|报导|消息)"),
    re.compile(r"(?P<src>[가-힣A-Za-z]{2,12})(?:은|는|이|가)?\s?(?:보도했다|보도에 따르면|에 따르면)"),
]
_NOT_SOURCES = {"It", "He", "She", "They", "The", "This", "Officials", "Experts", "Analysts", "Sources"}
# An English name before "reported" or after "according to" is a source only when it is an
# outlet: one the corpus has articles from, a briefed outlet or agency, or a name that says so.
_OUTLET_WORDS = re.compile(r"\b(?:News|Agency|Times|Post|Daily|Herald|Journal|Radio|TV|Television|Press|Wire|Ilbo|"
                           r"Shimbun|Tribune|Gazette|Yonhap|KCNA|TASS|Xinhua|Reuters|AFP|AP|NHK|KBS|MBC|SBS|CCTV|RFA|"
                           r"Newsweek|Bloomberg|Guardian|Telegraph|Economist)\b")
_OUTLET_TYPES = ("outlet", "agency", "data-source", "think-tank")


@dataclass
class Echo:
    article_id: str
    repeats: dict[str, int] = field(default_factory=dict)  # earlier article id -> near-duplicate sentences
    cites: list[str] = field(default_factory=list)  # names of cited sources, as written

    @property
    def origin_article(self) -> str | None:
        if not self.repeats:
            return None
        return max(self.repeats, key=lambda a: (self.repeats[a], a))

    def to_json(self) -> dict:
        return {"article": self.article_id, "repeats": self.repeats, "cites": self.cites}


def _shingles(text: str) -> frozenset[int]:
    words = re.findall(r"\w+", fold_key(text))
    if len(words) < _MIN_WORDS:
        return frozenset()
    return frozenset(hash(tuple(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1))


def citations_in(text: str, known_outlets: set[str] = frozenset()) -> list[str]:
    """Sources an article says its story comes from, as written."""
    out: list[str] = []
    for number, pattern in enumerate(_CITATIONS):
        for match in pattern.finditer(text):
            name = re.sub(r"^(?:the|The)\s+", "", match.group("src").strip())
            english = number < 4
            if english and not (_OUTLET_WORDS.search(name) or fold_key(name) in known_outlets
                                or any(fold_key(part) in known_outlets for part in re.split(r"[()]", name) if part.strip())):
                continue
            if name and name not in _NOT_SOURCES and name not in out:
                out.append(name)
    return out


def _known_outlets(briefing: "Briefing") -> set[str]:
    names = {fold_key(a.outlet) for a in briefing.articles.values() if a.outlet}
    for brief in briefing.briefs.values():
        if brief.type in _OUTLET_TYPES:
            names.update(fold_key(n) for n in brief.names)
    return names


def _order(briefing: "Briefing") -> list[str]:
    def key(article_id: str):
        published = briefing.articles[article_id].published
        return (published.sort_key() if published else (9999, 0, 0), article_id)
    return sorted(briefing.articles, key=key)


def find_echoes(briefing: "Briefing") -> dict[str, Echo]:
    """Article id -> Echo, for every article that repeats an earlier one or cites a source."""
    by_shingle: dict[int, set[tuple[str, int]]] = defaultdict(set)
    shingles: dict[tuple[str, int], frozenset[int]] = {}
    out: dict[str, Echo] = {}
    known = _known_outlets(briefing)
    for article_id in _order(briefing):
        body = briefing.articles[article_id].body
        spans = sentences(body)
        echo = Echo(article_id, cites=citations_in(body, known))
        matched: dict[str, set[int]] = defaultdict(set)
        own: list[tuple[int, frozenset[int]]] = []
        for index, (start, end) in enumerate(spans):
            grams = _shingles(body[start:end])
            if not grams:
                continue
            own.append((index, grams))
            candidates: dict[tuple[str, int], int] = defaultdict(int)
            for gram in grams:
                for where in by_shingle.get(gram, ()):
                    candidates[where] += 1
            for where, shared in candidates.items():
                other = shingles[where]
                if shared / len(grams | other) >= NEAR_DUPLICATE:
                    matched[where[0]].add(index)
        counted = len(own)
        for earlier, indexes in matched.items():
            if len(indexes) >= 2 or (indexes and counted <= 3):
                echo.repeats[earlier] = len(indexes)
        for index, grams in own:
            shingles[(article_id, index)] = grams
            for gram in grams:
                by_shingle[gram].add((article_id, index))
        if echo.repeats or echo.cites:
            out[article_id] = echo
    return out


def origin_of(briefing: "Briefing", echoes: dict[str, Echo], article_id: str) -> str:
    """The independent origin an article counts as: the first source it cites, else the
    origin of the article it repeats, else its own outlet (or itself, outlet unknown)."""
    seen: set[str] = set()
    while article_id not in seen:
        seen.add(article_id)
        echo = echoes.get(article_id)
        if echo and echo.cites:
            return fold_key(echo.cites[0])
        if echo and echo.origin_article:
            article_id = echo.origin_article
            continue
        break
    outlet = briefing.articles[article_id].outlet
    return fold_key(outlet) if outlet else f"article:{article_id}"


def independent_origins(briefing: "Briefing", article_ids: Iterable[str], echoes: dict[str, Echo] | None = None) -> int:
    """How many independent origins a set of articles rests on."""
    echoes = find_echoes(briefing) if echoes is None else echoes
    return len({origin_of(briefing, echoes, a) for a in article_ids if a in briefing.articles})


@per_briefing
def origins_by_entity(briefing: "Briefing") -> dict[str, tuple[int, int]]:
    """Entity id -> (articles that mention it, independent origins among them); once per load."""
    echoes = find_echoes(briefing)
    articles: dict[str, set[str]] = defaultdict(set)
    for article_id, mentions in briefing.mentions.items():
        for mention in mentions:
            articles[mention.entity_id].add(article_id)
    return {entity: (len(ids), independent_origins(briefing, ids, echoes)) for entity, ids in articles.items()}
