"""Capitalised names in the corpus that no brief covers: the curator's to-do list."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .briefing import Briefing

# Capitalised words in a row; a word ending in "." (not an initialism like U.S.) ends the name.
_WORD = r"[A-Z](?:[\w’'-]*\w|(?:\.[A-Z])+\.?)?"
_NAME = re.compile(rf"(?<![\w’'.]){_WORD}(?:\s+(?:of|for|and|the|de|on)\s+{_WORD}|\s+{_WORD})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(]\s*|\n\s*)$")
# Capitalised words that are not names: months, days, and titles that precede one.
_NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "I", "COVID-19", "U.S", "Mr", "Ms", "Dr",
}


@dataclass(frozen=True)
class UnbriefedName:
    name: str
    count: int
    articles: tuple[str, ...]


def unbriefed_names(briefing: Briefing) -> list[UnbriefedName]:
    # Words of briefed names: "Lee" (Lee Jong-seok), "Korean" (Korean Peninsula), "Chinese" …
    known_words = {_bare(w) for b in briefing.briefs.values() for n in b.names for w in re.findall(r"[\w’'-]+", n)}
    lowercase_words = set()
    for article in briefing.articles.values():
        lowercase_words.update(w for w in re.findall(r"\b[a-z][a-z’'-]+\b", article.body))
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    for article in briefing.articles.values():
        covered = [(m.start, m.end) for m in briefing.mentions.get(article.id, [])]
        for match in _NAME.finditer(article.body):
            name = match.group().rstrip(".’'-")
            start, end = match.start(), match.start() + len(name)
            if any(a < end and start < b for a, b in covered):
                continue
            words = name.split()
            # Trim sentence words caught at either end: "On September", "… According".
            while len(words) > 1 and (words[0].lower() in lowercase_words or words[0] in _NOT_NAMES or words[0] in ("The", "A", "An")):
                words = words[1:]
            while len(words) > 1 and (words[-1].lower() in lowercase_words or words[-1] in _NOT_NAMES):
                words = words[:-1]
            name = " ".join(words)
            if name in _NOT_NAMES or len(name) < 2:
                continue
            at_sentence_start = bool(_SENTENCE_START.search(article.body[max(0, start - 3):start])) or start == 0
            if len(words) == 1 and (at_sentence_start or name.lower() in lowercase_words):
                continue  # an ordinary word that starts a sentence, not a name
            if all(_bare(w) in known_words for w in words):
                continue  # made of briefed names' words: a demonym, a surname, an adjective
            counts[name] += 1
            where[name].add(article.id)
    return [UnbriefedName(n, c, tuple(sorted(where[n]))) for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _bare(word: str) -> str:
    return word.casefold().removesuffix("’s").removesuffix("'s")
