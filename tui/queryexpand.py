"""Entity-aware search: a query word that names a briefed entity also finds its aliases.

`Rajin` also finds "Najin" (the same romanisation key, see tui/romanise.py), `Khassan`
finds "Khasan", and a word that is itself a briefed name in any script (`丹东`, `Хасан`)
also finds every article the entity is mentioned in (`entity:<id>`). Quoted phrases,
field queries, wildcards and excluded words are left exactly as typed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .romanise import word_key
from .search.query import MAX_QUERY_CHARS
from .textfold import fold_key

if TYPE_CHECKING:
    from .briefing import Briefing

_OPERATORS = {"AND", "OR", "NOT", "TO"}
# A bare word: not inside quotes, not a field (x:), not a wildcard, not after - or +.
_PART = re.compile(r'"[^"]*"|\S+')
_PLAIN_WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)


class QueryExpander:
    """Built once per Briefing: the alias words by romanisation key, and the matcher."""

    def __init__(self, briefing: "Briefing"):
        self.matcher = briefing.matcher
        self.words_by_key: dict[str, set[str]] = {}
        for brief in briefing.briefs.values():
            for name in brief.names:
                for word in re.findall(r"\w+", fold_key(name)):
                    if len(word) >= 3 and word.isascii():
                        self.words_by_key.setdefault(word_key(word), set()).add(word)

    def alternatives(self, word: str) -> list[str]:
        """Other spellings and entity filters that `word` stands for."""
        folded = fold_key(word)
        out: list[str] = []
        if folded.isascii() and len(folded) >= 3:
            out += sorted(self.words_by_key.get(word_key(folded), set()) - {folded})
        mentions = self.matcher.find(word)
        if mentions and mentions[0].start == 0 and mentions[-1].end == len(word):
            out += [f"entity:{entity}" for entity in dict.fromkeys(m.entity_id for m in mentions)]
        return out

    def expand(self, query: str) -> str:
        parts = []
        for match in _PART.finditer(query):
            part = match.group()
            parts.append(part if part.startswith('"') else self._expand_part(part))
        expanded = " ".join(parts)
        # A query at the length limit stays as typed: its error should speak of what was typed.
        return expanded if len(expanded) <= MAX_QUERY_CHARS else query

    def _expand_part(self, part: str) -> str:
        # Keep brackets around a word: "(Rajin" → "(" + expansion.
        lead = len(part) - len(part.lstrip("("))
        trail = len(part) - len(part.rstrip(")"))
        core = part[lead:len(part) - trail] if trail else part[lead:]
        if (not core or core in _OPERATORS or ":" in core or "*" in core or "?" in core
                or core[0] in "-+" or not _PLAIN_WORD.fullmatch(core)):
            return part
        alternatives = self.alternatives(core)
        if not alternatives:
            return part
        return part[:lead] + "(" + " OR ".join([core, *alternatives]) + ")" + (part[len(part) - trail:] if trail else "")


def expand_query(briefing: "Briefing", query: str) -> str:
    """The query with each word that names a briefed entity widened to its aliases."""
    expander = briefing.derived.get(__name__)
    if expander is None:
        expander = briefing.derived[__name__] = QueryExpander(briefing)
    return expander.expand(query)
