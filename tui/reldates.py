"""Dates as a reader understands them: relative dates resolved against the publication date,
to the precision the text supports, and the dateline that opens a wire story.

"ten years ago" in an article published 2026-03-12 is 2016 (a year: the text says no more);
"earlier this month" is 2026-03; "last year" is 2025; "a six-year hiatus" ends at
publication and began six years before it; "since 2020" starts in 2020. Nothing is resolved
against a date the article does not have.

dateparser was evaluated for this: it resolves "10 years ago" to a full timestamp (today's
day and month carried along) and says nothing of precision or of where in the text the
phrase is, which is what a figure's "date it is about" needs; so the small grammar below is
written out, with text2num reading the number words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from text_to_num import text2num

from .dates import PartialDate

_NUMBER = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|several)"


@dataclass(frozen=True)
class DateRef:
    """A phrase that dates something, resolved: `date` (the point or start it names) and,
    for a span ("a six-year hiatus", "since 2020"), `until` (its end; None = still going)."""

    start: int
    end: int
    text: str
    date: PartialDate
    until: PartialDate | None = None
    kind: str = "point"  # point | since | span


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    if word in ("a few", "several"):
        return None  # not a number a date can be computed from
    try:
        return int(text2num(word, "en"))
    except ValueError:
        return None


def _shift_month(date: PartialDate, months: int) -> PartialDate:
    index = date.year * 12 + (date.month - 1) + months
    return PartialDate(index // 12, index % 12 + 1)


# (pattern, resolver(match, published) -> (date, until, kind) | None)
def _ago(match: re.Match, published: PartialDate):
    n = _count(match.group("n"))
    if n is None:
        return None
    unit = match.group("unit").lower()
    if unit.startswith("year") or unit.startswith("decade"):
        years = n * (10 if unit.startswith("decade") else 1)
        return PartialDate(published.year - years), None, "point"
    if unit.startswith("month") and published.month:
        return _shift_month(published, -n), None, "point"
    if unit.startswith(("week", "day")) and published.day:
        days = n * (7 if unit.startswith("week") else 1)
        moved = published.start - dt.timedelta(days=days)
        return (PartialDate(moved.year, moved.month) if unit.startswith("week") else
                PartialDate(moved.year, moved.month, moved.day)), None, "point"
    if unit.startswith("month"):
        return PartialDate(published.year - (1 if n >= 12 else 0)), None, "point"
    return None


def _relative_year(offset: int):
    def resolve(match: re.Match, published: PartialDate):
        return PartialDate(published.year + offset), None, "point"
    return resolve


def _relative_month(offset: int):
    def resolve(match: re.Match, published: PartialDate):
        if not published.month:
            return None
        return _shift_month(published, offset), None, "point"
    return resolve


def _span_years(match: re.Match, published: PartialDate):
    n = _count(match.group("n"))
    if n is None:
        return None
    return PartialDate(published.year - n), PartialDate(published.year), "span"


def _since(match: re.Match, published: PartialDate):
    year = int(match.group("year"))
    if year > published.year:
        return None
    return PartialDate(year), None, "since"


_RULES = [
    (re.compile(rf"\b{_NUMBER}\s+(?P<unit>years?|decades?|months?|weeks?|days?)\s+ago\b", re.I), _ago),
    (re.compile(r"\b(?:over|more than|nearly|about)?\s*(?P<n>a|one)\s+decade\s+ago\b", re.I),
     lambda m, p: (PartialDate(p.year - 10), None, "point")),
    (re.compile(r"\blast\s+year\b|\ba\s+year\s+earlier\b|\bthe\s+previous\s+year\b", re.I), _relative_year(-1)),
    (re.compile(r"\bthis\s+year\b|\bearlier\s+this\s+year\b|\blater\s+this\s+year\b", re.I), _relative_year(0)),
    (re.compile(r"\bnext\s+year\b", re.I), _relative_year(1)),
    (re.compile(r"\b(?:earlier|later)\s+this\s+month\b|\bthis\s+month\b", re.I), _relative_month(0)),
    (re.compile(r"\blast\s+month\b", re.I), _relative_month(-1)),
    (re.compile(r"\bnext\s+month\b", re.I), _relative_month(1)),
    (re.compile(rf"\b{_NUMBER}[- ]year(?:-long)?\s+(?:hiatus|gap|break|pause|suspension|absence|closure|halt)\b", re.I),
     _span_years),
    (re.compile(r"\bsince\s+(?P<year>(?:19|20)\d\d)\b", re.I), _since),
    # Russian, Korean, Chinese, Arabic: the commonest forms.
    (re.compile(r"в\s+прошлом\s+году|в\s+прошлом\s+г\.", re.I), _relative_year(-1)),
    (re.compile(r"в\s+этом\s+году|в\s+текущем\s+году", re.I), _relative_year(0)),
    (re.compile(r"в\s+следующем\s+году", re.I), _relative_year(1)),
    (re.compile(r"지난해|작년"), _relative_year(-1)),
    (re.compile(r"올해|금년"), _relative_year(0)),
    (re.compile(r"내년"), _relative_year(1)),
    (re.compile(r"去年"), _relative_year(-1)),
    (re.compile(r"今年"), _relative_year(0)),
    (re.compile(r"明年"), _relative_year(1)),
    (re.compile(r"上个?月"), _relative_month(-1)),
    (re.compile(r"本月"), _relative_month(0)),
    (re.compile(r"العام\s+الماضي"), _relative_year(-1)),
    (re.compile(r"العام\s+القادم|العام\s+المقبل"), _relative_year(1)),
]


def relative_dates_in(text: str, published: PartialDate | None) -> list[DateRef]:
    """Relative date phrases in `text`, resolved against `published` (none without it)."""
    if published is None:
        return []
    found: list[DateRef] = []
    for pattern, resolve in _RULES:
        for match in pattern.finditer(text):
            resolved = resolve(match, published)
            if resolved is None:
                continue
            date, until, kind = resolved
            found.append(DateRef(match.start(), match.end(), match.group().strip(), date, until, kind))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateRef] = []
    for ref in found:
        if out and ref.start < out[-1].end:
            continue
        out.append(ref)
    return out


# -- datelines ---------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
_MONTHS.update({m.lower(): i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)})
_MONTHS["sept"] = 9
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?|[A-Z][A-Z'’.\- ]{1,40}?)"
    r"(?:\s*\([^)\n]{1,40}\))?,\s*"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|"
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?|"
    r"(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9})\.?(?:\s+(?P<year2>\d{4}))?)"
    r"\s*(?:\.|\(\w+\))?\s*(?:—|–|--|-|/)"
)


@dataclass(frozen=True)
class Dateline:
    place: str
    date: PartialDate
    end: int  # where the dateline stops in the body


def dateline_of(body: str) -> Dateline | None:
    """The dateline that opens a story ("DANDONG, 2026-04-02 —", "SEOUL, March 3, 2025 (Yonhap) --"),
    when it carries a full date. A day and month without a year is not a publication date."""
    match = _DATELINE.match(body)
    if not match:
        return None
    raw = match.group("date")
    try:
        if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", raw):
            date = PartialDate.parse(raw)
        else:
            month_name = (match.group("month") or match.group("month2")).lower()
            year = match.group("year") or match.group("year2")
            day = match.group("day") or match.group("day2")
            month = _MONTHS.get(month_name)
            if not (month and year):
                return None
            date = PartialDate.parse(f"{int(year):04d}-{month:02d}-{int(day):02d}")
    except ValueError:
        return None
    return Dateline(match.group("place").strip(), date, match.end())
