"""One key for the spellings of a name: romanisation variants and other scripts.

Sources on this border romanise the same Korean, Chinese and Russian names differently:
Khasan / Khassan / Hasan (Хасан), Rajin / Najin (North and South Korean rules for an
initial ㄹ), Wonjong-ri / Wonjong-ni, Wonjong / Wonjeong (McCune–Reischauer ŏ, Revised
Romanisation eo), Radzhin for Раджин. `word_key` folds one folded word (see textfold) to
a key those variants share, so the matcher compares keys, not spellings. Cyrillic words are
transliterated first with anyascii (a maintained, table-driven transliterator for every
script; unidecode does the same but is GPL). Keys are only compared with keys: they are
never shown.
"""

from __future__ import annotations

import re

from anyascii import anyascii

_DOUBLE = re.compile(r"([a-z])\1+")
_VOWEL_PAIR = re.compile(r"e([ou])(?![aeiouy])")  # eo → o, eu → u, unless a vowel follows (Seoul)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_PROCLITICS = "وفبل"
# Russian declines names: Хасана, Хасане, Раджине, Раджином are Хасан and Раджин. One case
# ending is dropped from a longer word before it is transliterated (a light stemmer: enough
# for place names, which is what is matched).
_RUSSIAN_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ам|ям|ах|ях|ую|юю|ая|яя|ые|ие|ы|и|а|я|у|ю|е)$")


def word_key(word: str) -> str:
    """The key of one folded (lower-case, accent-free) word."""
    return _KEYS[word]


def _key_of(word: str) -> str:
    key = word
    if _CYRILLIC.search(key):
        key = anyascii(_RUSSIAN_ENDING.sub("", key) if len(key) > 5 else key).lower()
        key = key.replace("dzh", "j").replace("zh", "j")
    if _ARABIC.match(key) and len(key) > 4 and key[0] in _ARABIC_PROCLITICS:
        key = key[1:]  # وكوريا is "and Korea", بالصين "in China": the joined conjunction or preposition
    if key.isascii():
        key = key.replace("kh", "h")
        key = _DOUBLE.sub(r"\1", key)
        key = _VOWEL_PAIR.sub(r"\1", key)
        if key.startswith("r") and len(key) > 1:
            key = "n" + key[1:]  # Rajin/Najin, -ri/-ni, Ryongchon/Nyongchon
    return key


class _KeyTable(dict):
    """word -> key, filled on first use (at most 500,000 words kept): a word seen before
    costs one dict lookup in C."""

    def __missing__(self, word: str) -> str:
        key = _key_of(word)
        if len(self) < 500_000:
            self[word] = key
        return key


_KEYS = _KeyTable()


# word_key without the Python call around the lookup, for loops over every word of a text.
cached_word_key = _KEYS.__getitem__


def joined_variants(tokens: tuple[str, ...], joiners: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Ji'an is also Jian: tokens joined where the name joins them with an apostrophe."""
    if "'" not in joiners:
        return []
    out: list[str] = [tokens[0]]
    for joiner, token in zip(joiners, tokens[1:]):
        if joiner == "'":
            out[-1] += token
        else:
            out.append(token)
    return [tuple(out)]


# -- Chinese characters: traditional and simplified are one script for matching -------------

class _SimplifiedTable(dict):
    """str.translate table: a traditional character → its simplified form (丹東 → 丹东,
    鴨綠江 → 鸭绿江), one character for one, so offsets stay offsets. Filled lazily by
    OpenCC's t2s conversion (the OpenCC project's maintained binding), one character at a
    time: a character whose conversion is not one character is kept."""

    _converter = None

    def __missing__(self, code: int) -> str:
        char = chr(code)
        result = char
        if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
            if _SimplifiedTable._converter is None:
                import opencc  # imported on first use: only text with Chinese characters needs it

                _SimplifiedTable._converter = opencc.OpenCC("t2s")
            converted = _SimplifiedTable._converter.convert(char)
            result = converted if len(converted) == 1 else char
        self[code] = result
        return result


_SIMPLIFIED = _SimplifiedTable()


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def simplified(text: str) -> str:
    """`text` with traditional Chinese characters in their simplified form (same length)."""
    # Only the runs of Chinese characters go through the table: a mapping translate looks
    # up every character in Python's slow path, and most of an article is other text.
    return _HAN_RUN.sub(lambda run: run.group().translate(_SIMPLIFIED), text)
