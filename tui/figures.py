"""Numbers, years and status words found in sentences, for comparing what sources say."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "seventy-two": 72,
                 "twenty-seven": 27, "half": 50}
FIGURE = re.compile(
    r"(?P<money>(?:U\.S\.\s*)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion|bn)\b)?"
    r"|\d[\d,]*(?:\.\d+)?\s*(?:thousand|million|billion|trillion)\s+dollars)"
    r"|(?P<percent>\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b))"
    r"|(?P<year>\b(?:19|20)\d\d\b)"
    r"|(?P<count>\b\d[\d,]*(?:\.\d+)?\b)",
    re.IGNORECASE,
)
STATUS_WORDS = {
    "open": ("opened", "opening", "operational", "reopen", "reopened", "re-opened", "resume", "resumed",
             "resumption", "restart", "reviving", "revived"),
    "closed": ("closed", "shut", "shut down", "halted", "suspended", "suspension", "unused", "not opened",
               "not been opened", "no traffic", "neglect", "hiatus", "vacant"),
    "built": ("completed", "constructed", "built"),
}
_STATUS = re.compile(r"\b(" + "|".join(sorted({w for ws in STATUS_WORDS.values() for w in ws}, key=len, reverse=True)) + r")\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    kind: str  # money | percent | year | count
    value: float
    text: str


def figures_in(text: str) -> list[Figure]:
    out = []
    for match in FIGURE.finditer(text):
        kind = match.lastgroup
        raw = match.group()
        number = re.search(r"\d[\d,]*(?:\.\d+)?", raw)
        value = float(number.group().replace(",", "")) if number else 0.0
        for word, scale in _SCALE.items():
            if re.search(rf"\b{word}\b", raw, re.IGNORECASE):
                value *= scale
                break
        out.append(Figure(match.start(), match.end(), kind, value, raw))
    return out


def statuses_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, status class) for each status word."""
    out = []
    for match in _STATUS.finditer(text):
        word = match.group().lower()
        for status, words in STATUS_WORDS.items():
            if word in words:
                out.append((match.start(), match.end(), status))
                break
    return out
