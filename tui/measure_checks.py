"""Claims filed under one measure must be commensurable.

A measure is what a chart plots and a comparison sets side by side, so every valued claim
under it must be the same kind of thing: counts in one unit over one span of time, or
states, or dates. A year among ship counts would be drawn as a number of ships; a month's
change among half-year changes would read as the same figure. Each claim that differs from
the rest of its measure is reported, so the curator can give it a measure of its own.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable

from .dates import PartialDate
from .problems import Problem

if TYPE_CHECKING:
    from .model import Claim

DATE_UNITS = ("year", "date")

Kind = tuple[str, ...]


def value_kind(claim: "Claim") -> Kind | None:
    """What a claim's value is: ('date',), ('status',) or ('quantity', unit, period)."""
    value = claim.value
    if value is None:
        return None
    if claim.unit in DATE_UNITS:
        return ("date",)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ("quantity", claim.unit or "", period_of(claim))
    try:
        PartialDate.parse(value)
    except ValueError:
        return ("status",)
    return ("date",)


def period_of(claim: "Claim") -> str:
    """The span a figure covers: as the claim states it, else as precise as its date (a
    figure dated to a month is taken to be that month's)."""
    if claim.period:
        return claim.period
    return claim.as_of.precision if claim.as_of else ""


def describe(kind: Kind) -> str:
    if kind[0] != "quantity":
        return {"date": "a date", "status": "a state"}[kind[0]]
    _, unit, period = kind
    what = f"a figure in {unit}" if unit else "a figure with no unit"
    return what + (f" over a {period}" if period else " over no stated period")


def measure_problems(claims: Iterable["Claim"]) -> list[Problem]:
    by_measure: dict[str, list[tuple["Claim", Kind]]] = {}
    for claim in claims:
        kind = value_kind(claim)
        if claim.measure and kind is not None:
            by_measure.setdefault(claim.measure, []).append((claim, kind))
    problems = []
    for measure, members in sorted(by_measure.items()):
        counts = Counter(kind for _, kind in members)
        if len(counts) < 2:
            continue
        # The most common kind is taken as the measure's own; ties go to the first filed.
        first_seen = list(dict.fromkeys(kind for _, kind in members))
        usual = max(first_seen, key=lambda kind: counts[kind])
        for claim, kind in members:
            if kind == usual:
                continue
            others = ", ".join(c.id for c, k in members if k == usual)
            problems.append(Problem(
                claim.path, claim.line,
                f"claim '{claim.id}': measure '{measure}' mixes {describe(kind)} with {describe(usual)} "
                f"({others}); file it under a measure of its own"))
    return problems
