"""The figures chart's engine: for each measure that several claims quantify, the values by
year with the source of each.

A claim quantifies a measure when it names the measure and its value is a number that is
not itself a date (unit `year` or `date`: those are events, drawn on the timeline). Only a
measure with two or more such claims is charted (two values from one source over two years,
or two sources for one year): one number is not a chart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from .dates import PartialDate
from .model import Claim
from .briefing import Briefing, per_briefing
from .safetext import one_line
from .timeline import source_name

DATE_UNITS = ("year", "date")
_ACRONYMS = {"nk": "NK", "us": "US", "un": "UN", "sk": "SK", "kotra": "KOTRA", "nyrb": "NYRB", "usd": "USD",
             "eu": "EU", "wpk": "WPK", "sez": "SEZ", "gdp": "GDP"}
_PLACES = {"china": "China", "russia": "Russia", "korea": "Korea", "dandong": "Dandong", "sinuiju": "Sinuiju",
           "rason": "Rason", "hunchun": "Hunchun", "pyongyang": "Pyongyang", "tumen": "Tumen", "yalu": "Yalu"}


@dataclass(frozen=True)
class Point:
    """One claim's value: a bar of the chart."""

    claim_id: str
    brief_id: str
    value: float
    unit: str | None
    value_text: str  # as the brief would print it: US$3,200,000,000, 90%
    as_of: PartialDate | None
    article_id: str
    source: str  # outlet, else the start of the title
    published: PartialDate | None
    says: str
    quote: str
    quote_span: tuple[int, int] | None

    @property
    def year(self) -> int | None:
        return self.as_of.year if self.as_of else None

    @property
    def when(self) -> str:
        """The date the value is about, as precise as the claim gives it."""
        return self.as_of.human() if self.as_of else "undated"

    def source_with_date(self) -> str:
        return f"{self.source} ({self.published.iso()})" if self.published else self.source


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    unit: str | None
    points: tuple[Point, ...]  # by the date they are about, then by publication
    disputes: tuple[str, ...]  # disputes that hold any of its claims
    briefs: tuple[str, ...]  # briefs that hold its claims

    @property
    def sources(self) -> list[str]:
        """Article ids, in the order of first appearance."""
        return list(dict.fromkeys(p.article_id for p in self.points))

    def groups(self) -> list[tuple[str, list[Point]]]:
        """Points grouped by the year they are about (undated last): values for the same year
        side by side."""
        out: dict[int | None, list[Point]] = {}
        for point in self.points:
            out.setdefault(point.year, []).append(point)
        keys = sorted((k for k in out if k is not None)) + ([None] if None in out else [])
        return [(str(k) if k is not None else "undated", out[k]) for k in keys]

    @property
    def conflicts(self) -> list[str]:
        """Years for which sources give different values."""
        return [year for year, points in self.groups()
                if len({p.value for p in points}) > 1 and len({p.article_id for p in points}) > 1]


def is_quantity(claim: Claim) -> bool:
    return (isinstance(claim.value, (int, float)) and not isinstance(claim.value, bool)
            and claim.unit not in DATE_UNITS)


def measure_title(measure_id: str, unit: str | None = None) -> str:
    """'nk-china-trade-share' → 'NK–China trade share'."""
    words = []
    for word in measure_id.split("-"):
        words.append(_ACRONYMS.get(word) or _PLACES.get(word) or word)
    title = " ".join(words)
    title = re.sub(r"\b(NK|China|Russia) (China|Russia|NK)\b", r"\1–\2", title)
    title = title[:1].upper() + title[1:]
    return title + (f" ({unit})" if unit else "")


@per_briefing
def chartable_measures(briefing: Briefing) -> dict[str, Measure]:
    """Measure id → Measure, for every measure with two or more quantified claims: once per load."""
    by_measure: dict[str, list[Claim]] = {}
    for claim in briefing.claims.values():
        if claim.measure and is_quantity(claim):
            by_measure.setdefault(claim.measure, []).append(claim)
    out: dict[str, Measure] = {}
    for measure_id in sorted(by_measure):
        claims = by_measure[measure_id]
        if len(claims) < 2:
            continue
        points = [_point(briefing, c) for c in claims]
        points.sort(key=lambda p: (p.as_of.sort_key() if p.as_of else (9999, 0, 0),
                                   p.published.sort_key() if p.published else (9999, 0, 0), p.claim_id))
        ids = {c.id for c in claims}
        disputes = tuple(d.id for d in briefing.disputes.values() if ids & set(d.claim_ids))
        units = list(dict.fromkeys(c.unit for c in claims))
        unit = units[0] if len(units) == 1 else None
        out[measure_id] = Measure(measure_id, measure_title(measure_id), unit, tuple(points), disputes,
                                  tuple(dict.fromkeys(c.brief_id for c in claims)))
    return out


def _point(briefing: Briefing, claim: Claim) -> Point:
    article = briefing.articles.get(claim.source)
    return Point(claim.id, claim.brief_id, float(claim.value), claim.unit, one_line(claim.value_text()), claim.as_of,
                 claim.source, source_name(article), article.published if article else None,
                 one_line(claim.says), claim.quote, claim.quote_span)


def measures_for_dispute(briefing: Briefing, dispute_id: str) -> list[str]:
    return [m.id for m in chartable_measures(briefing).values() if dispute_id in m.disputes]


def measures_for_brief(briefing: Briefing, brief_id: str) -> list[str]:
    return [m.id for m in chartable_measures(briefing).values() if brief_id in m.briefs]


def scale_for(values: list[float], unit: str | None) -> tuple[float, str]:
    """A divisor and its name for an axis: (1e9, 'billion') for trade values in dollars."""
    largest = max((abs(v) for v in values), default=0)
    for divisor, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if largest >= divisor:
            return divisor, name
    return 1.0, ""


def axis_label(measure: Measure) -> str:
    divisor, name = scale_for([p.value for p in measure.points], measure.unit)
    unit = {"USD": "US$", "US$": "US$", "percent": "%"}.get(measure.unit or "", measure.unit or "")
    return " ".join(part for part in (unit, name) if part) or "value"


def short_value(point: Point, divisor: float, name: str) -> str:
    """A bar's label: 'US$3.2bn', '863m', '90%', '-9.1%'."""
    suffix = {"trillion": "tn", "billion": "bn", "million": "m", "": ""}[name]
    number = point.value / divisor
    text = f"{number:,.3g}" if abs(number) < 1000 else f"{number:,.0f}"
    unit = point.unit or ""
    if unit in ("USD", "US$"):
        return f"{'-' if number < 0 else ''}US${text.lstrip('-')}{suffix}"
    if unit == "percent":
        return f"{text}{suffix}%"
    return f"{text}{suffix}" + (f" {unit}" if unit and unit not in ("count", "status") else "")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 × 10^k) covering low..high, about `count` of them."""
    span = high - low
    if span <= 0:
        return [low]
    power = 10 ** math.floor(math.log10(span / max(1, count)))

    def ticks_for(step: float) -> list[float]:
        out, value = [], math.ceil(low / step - 1e-9) * step
        while value <= high + step * 1e-9:
            out.append(round(value, 10) + 0.0)
            value += step
        return out

    options = [ticks_for(m * power) for m in (1, 2, 5, 10)]
    return min(options, key=lambda ticks: (abs(len(ticks) - count), -len(ticks)))
