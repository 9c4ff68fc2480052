"""What to try when a search finds nothing: a near spelling, a filter dropped, a word
dropped, the entity filter cleared — each offered only if it finds something.

Spellings come from the workspace's own words (article titles and bodies, brief names
and aliases), not the index's terms: those are stemmed ("bridg"), and a suggestion must be
a word a person would type. The vocabulary is built once per loaded briefing, in chunks that
a newer query can interrupt.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from rapidfuzz import fuzz, process

from .queryexpand import expand_query
from .search import QueryError
from .textfold import fold_key

if TYPE_CHECKING:
    from .briefing import Briefing
    from .search import SearchResults

_PART = re.compile(r'"[^"]*"|\S+')
_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_WORD = re.compile(r"[^\W\d_]{3,}")
OPERATORS = {"AND", "OR", "NOT", "TO"}
NEAR_SCORE = 75  # rapidfuzz ratio, 0–100: brige/bridge 90.9, Sinuju/Sinuiju 92.3, Rasun/Rason 80
MOST = 3  # suggestions shown


@dataclass(frozen=True)
class SearchHint:
    query: str  # the query to run instead
    why: str  # what was changed, for the person
    hits: int  # how many it finds (never 0: those are not offered)
    clears_entity: bool = False  # it is the same query without the entity filter


@dataclass
class Vocabulary:
    counts: Counter  # folded word → occurrences
    spelled: dict[str, str]  # folded word → its most common spelling
    lower: set[str]  # folded words also written in lower case (a common word, not only a name)

    def __contains__(self, word: str) -> bool:
        return fold_key(word) in self.counts

    def nearest(self, word: str) -> str | None:
        """The workspace's word nearest to `word` in spelling (the more common on a tie)."""
        key = fold_key(word)
        found = process.extract(key, self.counts.keys(), scorer=fuzz.ratio, score_cutoff=NEAR_SCORE, limit=5)
        if not found:
            return None
        best = max(found, key=lambda match: (match[1], self.counts[match[0]]))[0]
        if word.islower() and best in self.lower:
            return self.spelled[best].lower()  # "brige" → "bridge", though titles write "Bridge"
        return self.spelled[best]


class _VocabularyInProgress:
    """The words counted so far: a build stopped by a newer query resumes where it was."""

    def __init__(self, briefing: "Briefing") -> None:
        self.texts = [name for brief in briefing.briefs.values() for name in (brief.name, *brief.aliases)]
        self.articles = list(briefing.articles.values())
        self.next = 0
        self.written: Counter = Counter()
        self.lock = threading.Lock()  # a cancelled build may still be finishing its chunk


_CHUNK = 100  # articles between two looks at should_stop: a few milliseconds


def vocabulary_of(briefing: "Briefing", should_stop: Callable[[], bool] | None = None) -> Vocabulary | None:
    """The workspace's words; None if `should_stop()` said so before they were all counted
    (the next call goes on from there)."""
    vocabulary = briefing.derived.get(__name__)
    if vocabulary is not None:
        return vocabulary
    progress = briefing.derived.get(__name__ + ".progress")
    if progress is None:  # not setdefault: that would list every article again on each call
        progress = briefing.derived.setdefault(__name__ + ".progress", _VocabularyInProgress(briefing))
    with progress.lock:
        if (vocabulary := briefing.derived.get(__name__)) is not None:
            return vocabulary
        # Words are counted as written (findall and Counter run in C), and each distinct
        # spelling is folded once: the first search that finds nothing pays for reading
        # every body, so it must not cost a Python call per word.
        written = progress.written
        while progress.next < len(progress.articles):
            if should_stop is not None and should_stop():
                return None
            for article in progress.articles[progress.next : progress.next + _CHUNK]:
                written.update(_WORD.findall(article.title))
                written.update(_WORD.findall(article.body))
            progress.next += _CHUNK
        for name in progress.texts:
            written.update(_WORD.findall(name))
        counts: Counter = Counter()
        spellings: dict[str, Counter] = {}
        for word, times in written.items():
            key = fold_key(word)
            counts[key] += times
            spellings.setdefault(key, Counter())[word] += times
        vocabulary = Vocabulary(counts, {key: forms.most_common(1)[0][0] for key, forms in spellings.items()},
                                {key for key, forms in spellings.items() if any(form.islower() for form in forms)})
        briefing.derived[__name__] = vocabulary
        briefing.derived.pop(__name__ + ".progress", None)
    return vocabulary


def hits_counter(search: Callable[..., "SearchResults"], briefing: "Briefing") -> Callable[[str, str | None], int]:
    """The `count(query, entity)` search_hints needs, from a search function taking a query
    (widened to aliases, as every search is) and limit/entity/highlight; a bad query is 0."""
    def count(query: str, entity: str | None) -> int:
        try:
            return search(expand_query(briefing, query), limit=1, entity=entity, highlight=0).total
        except QueryError:
            return 0

    return count


def search_hints(query: str, briefing: "Briefing", count: Callable[[str, str | None], int],
                entity: str | None = None, should_stop: Callable[[], bool] | None = None) -> list[SearchHint]:
    """What to try instead of `query` (which found nothing); `count(query, entity)` says how
    many documents a query finds (a bad query counts 0). Nothing if `should_stop()` says so
    while the vocabulary is still being counted (a newer query has been asked)."""
    vocabulary = vocabulary_of(briefing, should_stop)
    if vocabulary is None:
        return []
    parts = _PART.findall(query)
    candidates: list[tuple[str, str, str | None]] = []  # (query, why, entity)

    respelled, changes, unknown = [], [], []
    for index, part in enumerate(parts):
        if _PLAIN_WORD.fullmatch(part) and part not in OPERATORS and part.lower() not in vocabulary \
                and fold_key(part) not in vocabulary.counts:
            near = vocabulary.nearest(part)
            if near is not None and fold_key(near) != fold_key(part):
                respelled.append(near)
                changes.append(f"{part} → {near}")
                continue
            unknown.append(index)
        respelled.append(part)
    if changes:
        candidates.append((" ".join(respelled), "near spelling: " + ", ".join(changes), entity))
    for index in unknown:
        if len(parts) > 1:
            rest = " ".join(p for i, p in enumerate(parts) if i != index)
            candidates.append((rest, f"without {parts[index]} (in no article)", entity))
    for index, part in enumerate(parts):
        if ":" in part and not part.startswith('"') and len(parts) > 1:
            rest = " ".join(p for i, p in enumerate(parts) if i != index)
            candidates.append((rest, f"without the filter {part}", entity))
    if entity is not None:
        candidates.append((query, "without the entity filter (escape clears it)", None))

    found: list[SearchHint] = []
    seen: set[tuple[str, str | None]] = set()
    for text, why, scope in candidates:
        if (text, scope) in seen or not text.strip():
            continue
        seen.add((text, scope))
        hits = count(text, scope)
        if hits:
            found.append(SearchHint(text, why, hits, clears_entity=entity is not None and scope is None))
        if len(found) == MOST:
            break
    return found
