"""From brief names and aliases to mentions in text.

Matching is insensitive to case, accents, dashes and apostrophe variants, respects word
boundaries ("Rason" never matches inside another word) and prefers the longest name
("New Yalu River Bridge" is not also a "Yalu River"). Names are looked up as token
n-grams in a dict, so the cost grows with the text, not with the number of aliases.
Names in Chinese or Korean script are matched as substrings: those scripts do not put
spaces between words (and Korean attaches particles to them).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import Iterable

from .model import Brief
from .romanise import cached_word_key, joined_variants, simplified, word_key
from .textfold import fold, fold_key, words_apart

_TOKEN = re.compile(r"\w+")
_HAS_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
# What may stand between two words of one name: "Rajin-Sonbong", "Rajin Sonbong", "U.S.",
# "Ji'an", or a line break inside a name.
_JOINER = re.compile(r"^\s{1,4}$|^\s?[-'./]\s?$")


@dataclass(frozen=True, order=True)
class Mention:
    start: int  # offsets in the source text
    end: int
    entity_id: str
    text: str  # the words as they stand in the source


def _is_cjk(text: str) -> bool:
    for ch in text:
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA")):
            return True
    return False


class EntityMatcher:
    def __init__(self, briefs: Iterable[Brief]):
        self._by_tokens: dict[tuple[str, ...], str] = {}
        self._substrings: list[tuple[str, str]] = []  # (folded name, entity id)
        self.kinds: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for brief in briefs:
            self.kinds[brief.id] = brief.kind
            self.names[brief.id] = brief.name
            for name in brief.names:
                folded = fold_key(name)
                if not folded:
                    continue
                if _is_cjk(folded):
                    self._substrings.append((folded, brief.id))
                    continue
                found = list(_TOKEN.finditer(folded))
                if not found:
                    continue
                # Words are compared by their romanisation key (Khassan = Khasan, Najin = Rajin),
                # and a name joined by an apostrophe is also its words run together (Ji'an = Jian).
                tokens = tuple(word_key(m.group()) for m in found)
                joiners = tuple(folded[a.end():b.start()].strip() for a, b in zip(found, found[1:]))
                # First brief to claim a name keeps it; `check` reports the clash.
                for variant in [tokens, *joined_variants(tokens, joiners)]:
                    self._by_tokens.setdefault(variant, brief.id)
        # First word of a name -> the lengths (in words) of the names it starts, longest
        # first: most words start no name, and cost one dict lookup.
        starts: dict[str, set[int]] = {}
        for tokens in self._by_tokens:
            starts.setdefault(tokens[0], set()).add(len(tokens))
        self._starts = {word: sorted(lengths, reverse=True) for word, lengths in starts.items()}
        # First word -> the second words of its longer names: most first words of long names
        # are common ("north", "the"), and one look at the next word settles most of them.
        self._seconds: dict[str, frozenset[str]] = {}
        for tokens in self._by_tokens:
            if len(tokens) > 1:
                self._seconds[tokens[0]] = self._seconds.get(tokens[0], frozenset()) | {tokens[1]}
        self._substrings.sort(key=lambda item: -len(item[0]))
        # Chinese and Korean names match with or without spaces between their characters
        # (신압록강 대교 = 신압록강대교): one pattern for all of them, run only on text that
        # holds such characters.
        self._compact: dict[str, str] = {}
        for name, entity in self._substrings:
            # Traditional and simplified characters match each other (丹東 = 丹东).
            self._compact.setdefault(simplified(re.sub(r"\s+", "", name)), entity)
        self._cjk_pattern = re.compile("|".join(
            r"\s?".join(re.escape(ch) for ch in name) for name in sorted(self._compact, key=len, reverse=True)
        )) if self._compact else None
        # Where such a name can be at all: runs of the characters the names are made of, a
        # single space apart. The alternation of every name is tried only inside them, not
        # at every character of an article.
        name_chars = "".join(sorted({re.escape(ch) for name in self._compact for ch in name}))
        self._cjk_runs = re.compile(f"[{name_chars}](?:\\s?[{name_chars}])*") if name_chars else None

    def fingerprint(self) -> str:
        """A digest of every name this matcher knows and the entity it gives: equal
        fingerprints find the same mentions in the same text (the parse cache keeps mentions
        under it)."""
        digest = hashlib.blake2b(digest_size=12)
        for entity_id, kind in sorted(self.kinds.items()):
            digest.update(f"{entity_id}\0{kind}\0".encode("utf-8", "surrogatepass"))
        for entry in sorted(map(repr, self._by_tokens.items())):
            digest.update(entry.encode("utf-8", "surrogatepass"))
        for entry in sorted(map(repr, self._substrings)):
            digest.update(entry.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def find(self, text: str) -> list[Mention]:
        if not self._by_tokens and not self._substrings:
            return []
        folded = fold(text)
        candidates: list[tuple[int, int, str]] = []  # folded start, folded end, entity
        if self._by_tokens:
            candidates += self._token_matches(folded.text)
        if self._cjk_pattern is not None and _HAS_CJK.search(folded.text):
            plain = simplified(folded.text)
            for run in self._cjk_runs.finditer(plain):
                for match in self._cjk_pattern.finditer(plain, run.start(), run.end()):
                    entity = self._compact.get(re.sub(r"\s+", "", match.group()))
                    if entity:
                        candidates.append((match.start(), match.end(), entity))
        mentions, taken_until = [], -1
        for start, end, entity in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
            if start < taken_until:
                continue
            taken_until = end
            src_start, src_end = folded.source_span(start, end)
            mentions.append(Mention(src_start, src_end, entity, text[src_start:src_end]))
        return mentions

    def _token_matches(self, folded: str) -> list[tuple[int, int, str]]:
        # Every step that visits each word runs in C (translate, split, map, accumulate,
        # compress): a first load matches every article, and a Python loop over their words
        # was most of it. Python code runs only where a word starts a name.
        parts = words_apart(folded).split(" ")  # the words (\w+), and '' between separators
        starts = self._starts
        key_of = cached_word_key
        # The distinct words that start a name: a few hundred words are looked up, not every
        # occurrence.
        present = {word for word in set(parts) if key_of(word) in starts}
        if not present:
            return []
        ends = list(accumulate(map(len, parts)))  # part j spans ends[j] - len + j .. ends[j] + j
        found, count, free_from = [], len(parts), 0
        for index in compress(range(count), map(present.__contains__, parts)):
            if index < free_from:
                continue  # inside a name already found
            key = key_of(parts[index])
            lengths = starts[key]
            window, at = [index], index + 1
            if lengths[0] > 1:
                while at < count and not parts[at]:
                    at += 1
                if at < count and key_of(parts[at]) in self._seconds[key]:
                    while len(window) < lengths[0] and at < count:
                        if parts[at]:
                            window.append(at)
                        at += 1
            for length in lengths:
                if length > len(window):
                    continue
                chosen = window[:length]
                entity = self._by_tokens.get(tuple(key_of(parts[j]) for j in chosen))
                if entity is None:
                    continue
                if length > 1 and not all(
                    _JOINER.match(folded[ends[a] + a : ends[b] - len(parts[b]) + b])
                    for a, b in zip(chosen, chosen[1:])
                ):
                    continue
                last = chosen[-1]
                found.append((ends[index] - len(parts[index]) + index, ends[last] + last, entity))
                free_from = last + 1
                break
        return found

    def counts(self, mentions: Iterable[Mention]) -> Counter[str]:
        return Counter(m.entity_id for m in mentions)
