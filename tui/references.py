"""Which site a sentence speaks of when it does not name one.

Real articles name a bridge once and then say "the bridge", "the old bridge", "a new
bridge", "이 다리", "الجسر القديم", or start the next sentence with "It" or "Sie". The
ledger asks here for the site such a figure is about:

- a type word ("bridge", "Brücke", "다리", "桥", "мост", "جسر") means the article's
  most-named site of that type; with "new" or "old" beside it ("the new bridge",
  "새 다리", "neue Brücke", "الجسر الجديد"; "the original bridge", "기존", "alte", "القديم")
  it means the new or the old one among the sites of that type the article names or that
  the sites it names are related to (Dandong's old and new bridges);
- a sentence that starts with a pronoun ("It is 638 metres long", "Sie ist 538 m lang")
  is about what the sentence before it was about.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .briefing import Briefing

TYPE_WORDS = {
    "bridge": re.compile(r"\bbridges?\b|다리|대교|교량|桥|橋|мост\w*|جسر|\w*brücke\b", re.I),
    "port": re.compile(r"\bports?\b|\bterminal\b|\bwharf\b|항(?![공])|港|порт\w*|терминал\w*|ميناء", re.I),
    "rail-line": re.compile(r"\brail(?:way)?\b|railroad|철도|铁路|железн\w*|ветк\w*", re.I),
}
# "new" / "old" next to a type word: before it in most of these languages, after it in Arabic.
_NEW = re.compile(r"\bnew\b|\bneue\w*|\bнов\w*|새로운|새\s|新|الجديد", re.I)
_OLD = re.compile(r"\bold\b|\boriginal\b|\bexisting\b|\bformer\b|\balte\w*|\bстар\w*|기존|현재의|옛|旧|老|القديم", re.I)
# The same words right after the type word, as Arabic puts them ("الجسر الجديد").
_NEW_AFTER = re.compile(r"\s*(?:" + _NEW.pattern + ")", re.I)
_OLD_AFTER = re.compile(r"\s*(?:" + _OLD.pattern + ")", re.I)
_NEAR = 18  # characters between the adjective and the type word
# A sentence that opens with one of these continues the sentence before it.
_PRONOUN = re.compile(r"^\W*(?:It|Its|Sie|Es|Er|Он[аои]?|Её|Его|هو|هي)\b")


class References:
    """Reference resolution for one article."""

    def __init__(self, briefing: "Briefing", article_id: str):
        self._briefing = briefing
        self.most_named = _most_named_by_type(briefing, article_id)
        self._candidates = _candidates_by_type(briefing, article_id)

    def by_type_word(self, sentence: str, offset: int | None = None) -> str | None:
        """The site a type word in the sentence means, nearest to `offset` (the figure): "" when
        the sentence speaks of a site of that type the article does not name; None when it
        has no type word."""
        best = None
        for type_, pattern in TYPE_WORDS.items():
            for match in pattern.finditer(sentence):
                distance = 0 if offset is None else (
                    offset - match.end() if match.end() <= offset else 2 * (match.start() - offset))
                if best is None or distance < best[0]:
                    best = (distance, type_, match)
        if best is None:
            return None
        _, type_, match = best
        around = sentence[max(0, match.start() - _NEAR):match.end() + _NEAR]
        word = around.find(match.group())
        before, after = around[:word], around[word + len(match.group()):]
        if _NEW.search(before) or _NEW_AFTER.match(after):
            return self._new_or_old(type_, new=True)
        if _OLD.search(before) or _OLD_AFTER.match(after):
            return self._new_or_old(type_, new=False)
        return self.most_named.get(type_, "")

    def _new_or_old(self, type_: str, new: bool) -> str:
        candidates = self._candidates.get(type_, [])
        newer = [c for c in candidates if _is_new(self._briefing, c)]
        if new:
            return newer[0] if newer else self.most_named.get(type_, "")
        # The old one: a site of that type that is not new, preferring one a new site stands beside.
        beside = {r for c in newer for r in self._briefing.briefs[c].related}
        older = [c for c in candidates if c not in newer]
        older.sort(key=lambda c: c not in beside)
        return older[0] if older else self.most_named.get(type_, "")

    @staticmethod
    def continues_previous(sentence: str) -> bool:
        return bool(_PRONOUN.match(sentence))


def _is_new(briefing: "Briefing", entity: str) -> bool:
    return briefing.briefs[entity].name.lower().startswith("new ")


def _most_named_by_type(briefing: "Briefing", article_id: str) -> dict[str, str]:
    """Site type → the article's most-named site of that type (its headline counts: a
    story headed "New Yalu River Bridge" means it by "the bridge")."""
    counts: dict[str, dict[str, int]] = {}
    title = getattr(briefing, "title_mentions", {}).get(article_id, [])
    for mention in [*briefing.mentions.get(article_id, []), *title, *title]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief:
            by_type = counts.setdefault(brief.type, {})
            by_type[brief.id] = by_type.get(brief.id, 0) + 1
    return {type_: max(found, key=lambda e: (found[e], e)) for type_, found in counts.items()}


def _candidates_by_type(briefing: "Briefing", article_id: str) -> dict[str, list[str]]:
    """Sites of each type the article names, most named first, then the sites of that type
    related to the ones it names (a story about Dandong speaks of Dandong's bridges)."""
    counts: dict[str, int] = {}
    title = getattr(briefing, "title_mentions", {}).get(article_id, [])
    for mention in [*briefing.mentions.get(article_id, []), *title]:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    named = sorted((e for e in counts if e in briefing.briefs), key=lambda e: (-counts[e], e))
    related = [r for e in named for r in briefing.briefs[e].related if r in briefing.briefs and r not in counts]
    out: dict[str, list[str]] = {}
    for entity in [*named, *dict.fromkeys(related)]:
        out.setdefault(briefing.briefs[entity].type, []).append(entity)
    return out
