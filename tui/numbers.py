"""Numbers as they stand in text, in the languages sources on this border use.

Digits with either separator convention ("3,026 m", "9,5 миллиардов"), scale words after
them ("4 m tonnes", "2 bn yuan", "10.6 bln", "млн", Korean 억/만 and Chinese 万/亿 digit
groups such as "22억2000만"), Arabic scale nouns ("ملياري يوان": two billion) and English
number words ("Eighty per cent", "five million tonnes", "a six-year hiatus"). English
number words are read by text2num (a maintained Rust-backed parser of spelled-out numbers);
this module only finds where they are, so that every number keeps its exact span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

# Words that scale the number before them. Lower-case keys; matched case-insensitively.
SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3,
    "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6,
    "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "mio": 1e6, "mrd": 1e9, "millionen": 1e6, "milliarden": 1e9, "millones": 1e6, "mil": 1e3,
    "ribu": 1e3, "juta": 1e6, "miliar": 1e9,
    "ألف": 1e3, "مليون": 1e6, "مليار": 1e9,
}
# "m" is a scale only before a unit word ("4 m tonnes", "$3 m dollars"); otherwise metres.
_M_NEEDS = re.compile(r"\s*(?:tonnes?|tons?|t\b|dollars?|yuan|won|rubles?|roubles?|euros?|people|passengers|vehicles|trucks)",
                      re.IGNORECASE)
_EAST_ASIAN_GROUPS = {"만": 1e4, "억": 1e8, "조": 1e12, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_SCALE_ALT = "|".join(sorted((re.escape(w) for w in SCALE_WORDS), key=len, reverse=True))
# A digit number, then optionally a scale word (a word boundary after it), or East Asian groups.
_NUMBER = re.compile(
    rf"(?<![0-9A-Za-zА-Яа-яЁё.,])(?P<num>{_DIGITS})"
    rf"(?P<ea>(?:여?\s?[만억조万萬亿億](?:\s?\d[\d,]*(?:\.\d+)?여?\s?[만억조万萬亿億])*)?)"
    rf"(?:(?P<sp>\s?)(?P<scale>(?:{_SCALE_ALT}))(?![^\W\d_]))?",
    re.IGNORECASE,
)
_ARABIC_DUAL = re.compile(r"(?P<word>ملياري|مليوني|ملياران|مليونان)")

_UNITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_EN = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD = "|".join(_UNITS_EN + _TENS_EN + ["hundred", "thousand", "million", "billion", "trillion"])
# A run of English number words: "five million", "two hundred and fifty", "seventy-two".
_NUMBER_WORDS = re.compile(
    rf"\b(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*\b", re.IGNORECASE)
# Number words that are pronouns or idiom more often than figures.
_NOT_FIGURES = {"one", "zero"}


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    value: float
    text: str
    spelled: bool = False  # written in words


def _digits_value(raw: str, language: str) -> float:
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if "," in raw:
        # A decimal comma ("9,5", "94,2", "6,6"): only where no thousands grouping was meant.
        return float(raw.replace(",", "."))
    return float(raw)


def _east_asian(first: float, groups: str) -> float:
    """22억2000만 → 2.22e9; 180万 → 1.8e6; 2조 3,000 억 → 2.3e12."""
    total, current = 0.0, first
    for number, unit in re.findall(r"(\d[\d,]*(?:\.\d+)?)?여?\s?([만억조万萬亿億])", groups):
        if number:
            current = float(number.replace(",", ""))
        total += current * _EAST_ASIAN_GROUPS[unit]
        current = 0.0
    return total + current


def numbers_in(text: str, language: str = "en") -> list[NumberSpan]:
    """Every number in `text`, in order, with its exact span (scale words included)."""
    found: list[NumberSpan] = []
    for match in _NUMBER.finditer(text):
        value = _digits_value(match.group("num"), language)
        end = match.end("num")
        if match.group("ea"):
            value = _east_asian(value, match.group("ea"))
            end = match.end("ea")
        scale = match.group("scale")
        if scale:
            word = scale.lower()
            if word == "m" and not _M_NEEDS.match(text, match.end("scale")):
                pass  # metres: "60m away"
            elif word == "k" and match.group("sp"):
                pass
            else:
                value *= SCALE_WORDS[word]
                end = match.end("scale")
        found.append(NumberSpan(match.start(), end, value, text[match.start():end]))
    for match in _ARABIC_DUAL.finditer(text):
        word = match.group("word")
        value = 2 * (1e9 if word.startswith("مليار") else 1e6)
        found.append(NumberSpan(match.start(), match.end(), value, word, spelled=True))
    for match in _NUMBER_WORDS.finditer(text):
        phrase = match.group()
        if phrase.lower() in _NOT_FIGURES:
            continue
        try:
            value = float(text2num(phrase.lower().replace("-", " ").replace(" and ", " "), "en"))
        except ValueError:
            continue
        start, end = match.start(), match.end()
        found.append(NumberSpan(start, end, value, phrase, spelled=True))
        # "five million" followed by nothing else; "a six-year" is handled by the hyphen rule.
    # A digit number directly before a scale word that is a word ("4 million") is already one
    # span; drop word spans that overlap a digit span (e.g. "million" in "2 million").
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[NumberSpan] = []
    for number in found:
        if out and number.start < out[-1].end:
            continue
        out.append(number)
    return out
