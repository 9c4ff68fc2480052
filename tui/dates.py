"""Dates as precise as a source supports: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Ordering puts a coarser date before any finer date inside it (2022-09 < 2022-09-01),
    which is what a timeline wants: "some time in September" comes first.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        """Accept what YAML gives us: a date, an int year, or a string. Raises ValueError."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError(f"not a date: {value!r}")
        if isinstance(value, int):
            text = str(value)
        elif isinstance(value, str):
            text = value.strip()
        else:
            raise ValueError(f"not a date: {value!r}")
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"not a date (use YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        # Let the stdlib validate ranges (month 13, Feb 30, month or day 00 …).
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        if self.day:
            return self.start
        if self.month:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def human(self) -> str:
        """'23 Aug 2016', 'Sep 2022', '2025'."""
        if self.day:
            return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.iso()


def span_between(a: PartialDate, b: PartialDate) -> str:
    """The time from a to b in words, to the coarser precision of the two ('3 years 2 months')."""
    if b < a:
        a, b = b, a
    precision = "year" if "year" in (a.precision, b.precision) else "month"
    months = (b.year - a.year) * 12 + ((b.month or 1) - (a.month or 1))
    if a.day and b.day and b.day < a.day:
        months -= 1  # not a whole month yet: 31 Aug to 1 Sep is one day, not a month
    if precision == "year":
        years = b.year - a.year
        return "same year" if years == 0 else f"{abs(years)} year{'s' * (abs(years) != 1)}"
    if months == 0:
        if a.day and b.day:
            days = (b.start - a.start).days
            return "same day" if days == 0 else f"{abs(days)} day{'s' * (abs(days) != 1)}"
        return "same month"
    years, rest = divmod(abs(months), 12)
    words = []
    if years:
        words.append(f"{years} year{'s' * (years != 1)}")
    if rest:
        words.append(f"{rest} month{'s' * (rest != 1)}")
    return " ".join(words)
