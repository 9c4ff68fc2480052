"""Capitalised names in the corpus that no brief covers: the curator's to-do list.

A name close to a briefed one after folding, romanisation keys and transliteration
("Sinujiu", "Khassan Station", "Раджин") is reported as "probably <entity>" rather than as
new. Headline fragments ("Depicts The Transformation"), names cut at a capital
("President V") and sentence words are not names. One pass over each article: mentions and
names are both in text order, so overlaps are found by walking the two lists together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .briefing import Briefing
from .romanise import word_key
from .textfold import fold_key

# Capitalised words in a row; a word ending in "." (not an initialism like U.S.) ends the name.
_WORD = r"[A-ZА-ЯЁ](?:[\w’'-]*\w|(?:\.[A-Z])+\.?)?"
_NAME = re.compile(rf"(?<![\w’'.]){_WORD}(?:\s+(?:of|for|the|de|on)\s+{_WORD}|[ \t]+{_WORD}|\n(?={_WORD}\s+{_WORD}))*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(]\s*|\n\s*)$")
# Capitalised words that are not names: months, days, and titles that precede one.
_NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "I", "COVID-19", "U.S", "Mr", "Ms", "Dr", "Photo", "READ", "MORE", "Thumb", "See",
}
_TITLES = {"President", "Premier", "Chairman", "Minister", "Leader", "General", "Governor", "Ambassador", "Mayor",
           "Secretary", "Director", "Professor"}
# Words that end place names: kept when the words before them are the name ("Broken Bridge").
_PLACE_NOUNS = {"Bridge", "River", "Port", "Station", "Road", "Street", "Island", "Zone", "Market", "Customs",
                "Railway", "Mountain", "Lake", "Bay", "Sea", "Province", "County", "City", "Airport", "Terminal"}
# Lower-case words that a Title Case headline capitalises and a name almost never holds.
_HEADLINE_WORDS = {"The", "A", "An", "And", "Of", "In", "To", "For", "On", "At", "With", "From", "By", "As", "Is",
                   "Are", "Its", "Into", "Over", "After", "Amid", "Says", "Say", "New"}
PROBABLY_SCORE = 85  # rapidfuzz ratio of romanisation keys, 0–100 (Sinujiu/Sinuiju: 85.7)


@dataclass(frozen=True)
class UnbriefedName:
    name: str
    count: int
    articles: tuple[str, ...]
    probably: str | None = None  # the briefed entity it is most likely a spelling of

    def to_json(self) -> dict:
        return {"name": self.name, "count": self.count, "articles": list(self.articles), "probably": self.probably}


def name_key(name: str) -> str:
    """Folded, romanisation-keyed words of a name: compared to find near-misses."""
    return " ".join(word_key(w) for w in re.findall(r"\w+", fold_key(name)))


_GENERIC_KEYS = {word_key(w.lower()) for w in _PLACE_NOUNS}


class _ProbableMatcher:
    """Briefed names by key, for "probably <entity>"."""

    def __init__(self, briefing: Briefing):
        self.keys: list[str] = []
        self.entities: list[str] = []
        entries = []
        for brief in briefing.briefs.values():
            for name in brief.names:
                core = self.core(name)
                if len(core) >= 4:
                    # On a tie the name that is all core wins: "Sinuju" is Sinuiju, not Sinuiju Station.
                    entries.append((core != name_key(name), core, brief.id))
        entries.sort(key=lambda e: e[0])
        self.keys = [core for _, core, _ in entries]
        self.entities = [entity for _, _, entity in entries]

    @staticmethod
    def core(name: str) -> str:
        """The key without the place nouns: "Najin Port" and "Najin" compare as "najin";
        "Quan River" and "Tumen River" as "quan" and "tumen"."""
        words = [w for w in name_key(name).split() if w not in _GENERIC_KEYS]
        return " ".join(words)

    def probably(self, name: str) -> str | None:
        key = self.core(name)
        if len(key) < 4 or not self.keys:
            return None
        best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=PROBABLY_SCORE)
        return self.entities[best[2]] if best else None


def _candidate_names(body: str):
    """(start, name) for each capitalised run, split where a run holds two names."""
    for match in _NAME.finditer(body):
        text = match.group()
        offset = match.start()
        # "Kim Jong Il and President V" is two names; a newline inside a run joins a heading.
        for part in re.split(r"(\s+and\s+|\n)", text):
            if part and not part.isspace() and not re.fullmatch(r"\s+and\s+", part):
                yield offset, part
            offset += len(part)


def unbriefed_names(briefing: Briefing) -> list[UnbriefedName]:
    # Words of briefed names: "Lee" (Lee Jong-seok), "Korean" (Korean Peninsula), "Chinese" …
    known_words = {_bare(w) for b in briefing.briefs.values() for n in b.names for w in re.findall(r"[\w’'-]+", n)}
    lowercase_words = set()
    for article in briefing.articles.values():
        lowercase_words.update(re.findall(r"\b[a-z][a-z’'-]+\b", article.body))
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    for article in briefing.articles.values():
        body = article.body
        covered = sorted((m.start, m.end) for m in briefing.mentions.get(article.id, []))
        pointer = 0
        for start, raw in _candidate_names(body):
            name = raw.rstrip(".’'-")
            end = start + len(name)
            while pointer < len(covered) and covered[pointer][1] <= start:
                pointer += 1
            if pointer < len(covered) and covered[pointer][0] < end:
                continue  # a briefed name (or part of one) stands here
            name = _trim(name, lowercase_words)
            if not name:
                continue
            words = name.split()
            at_sentence_start = start == 0 or bool(_SENTENCE_START.search(body[max(0, start - 3):start]))
            if len(words) == 1 and (at_sentence_start or name.lower() in lowercase_words):
                continue  # an ordinary word that starts a sentence, not a name
            if len(words) == 1 and article.language == "de":
                continue  # German capitalises every noun
            if all(_bare(w) in known_words for w in words):
                continue  # made of briefed names' words: a demonym, a surname, an adjective
            counts[name] += 1
            where[name].add(article.id)
    probable = _ProbableMatcher(briefing)
    return [UnbriefedName(n, c, tuple(sorted(where[n])), probable.probably(n))
            for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _trim(name: str, lowercase_words: set[str]) -> str | None:
    """The name without the sentence words caught at either end, or None when what is left
    is not a name (a headline fragment, a word cut at a capital)."""
    words = name.split()
    # Trim sentence words caught at either end: "On September", "… According".
    while len(words) > 1 and (words[0].lower() in lowercase_words or words[0] in _NOT_NAMES
                              or words[0] in ("The", "A", "An") or words[0] in _TITLES):
        words = words[1:]
    while len(words) > 1 and words[-1] not in _PLACE_NOUNS and (
            words[-1].lower() in lowercase_words or words[-1] in _NOT_NAMES):
        words = words[:-1]
    if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper():
        return None  # "President V": cut off at the end of a line or a field
    if len(words) >= 3 and any(w in _HEADLINE_WORDS for w in words[1:-1]):
        return None  # "Depicts The Transformation Of …": a Title Case headline
    if len(words) >= 2 and sum(w[0].isupper() and w.lower() in lowercase_words for w in words) == len(words) \
            and words[-1] not in _PLACE_NOUNS:
        return None  # every word is an ordinary word capitalised: a headline
    name = " ".join(words)
    if name in _NOT_NAMES or name in _TITLES or len(name) < 2:
        return None
    return name


def _bare(word: str) -> str:
    return word.casefold().removesuffix("’s").removesuffix("'s")
