"""Dates as precise as a source supports: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tui.dates import PartialDate, span_between

P = PartialDate.parse


@pytest.mark.parametrize(
    "value, expected, precision, iso",
    [
        ("2022", PartialDate(2022), "year", "2022"),
        ("2022-09", PartialDate(2022, 9), "month", "2022-09"),
        ("2022-09-01", PartialDate(2022, 9, 1), "day", "2022-09-01"),
        ("2022-9", PartialDate(2022, 9), "month", "2022-09"),
        (" 2016-08-23 ", PartialDate(2016, 8, 23), "day", "2016-08-23"),
        (2016, PartialDate(2016), "year", "2016"),
        (dt.date(2016, 8, 23), PartialDate(2016, 8, 23), "day", "2016-08-23"),
        (dt.datetime(2016, 8, 23, 17, 20), PartialDate(2016, 8, 23), "day", "2016-08-23"),
        ("2024-02-29", PartialDate(2024, 2, 29), "day", "2024-02-29"),
    ],
    ids=["year", "year-month", "full-date", "one-digit-month", "surrounding-space", "int-year-from-yaml",
         "date-from-yaml", "datetime-drops-the-time", "leap-day"],
)
def test_parse(value, expected, precision, iso):
    date = P(value)
    assert date == expected
    assert date.precision == precision
    assert date.iso() == iso == str(date)
    assert P(date.iso()) == date  # round trip


@pytest.mark.parametrize(
    "value",
    ["2022-13", "2022-02-30", "2023-02-29", "2022-00", "2022-09-00", "22-09", "2022/09", "September 2022", "2022-09-01T10:00",
     "", "20222", True, None, 2022.5, ["2022"]],
    ids=["month-13", "february-30", "not-a-leap-year", "month-zero", "day-zero", "two-digit-year", "slashes", "words",
         "with-time", "empty", "five-digit-year", "bool", "none", "float", "list"],
)
def test_parse_rejects(value):
    with pytest.raises(ValueError):
        P(value)


@pytest.mark.parametrize(
    "date, start, end",
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2022-02", dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-12", dt.date(2022, 12, 1), dt.date(2022, 12, 31)),
        ("2022-09-14", dt.date(2022, 9, 14), dt.date(2022, 9, 14)),
    ],
    ids=["year", "february", "leap-february", "december", "day"],
)
def test_start_and_end(date, start, end):
    assert (P(date).start, P(date).end) == (start, end)


@pytest.mark.parametrize(
    "date, human",
    [("2016-08-23", "23 Aug 2016"), ("2022-09", "Sep 2022"), ("2025", "2025"), ("2026-03-02", "2 Mar 2026")],
    ids=["day", "month", "year", "single-digit-day"],
)
def test_human(date, human):
    assert P(date).human() == human


@pytest.mark.parametrize(
    "earlier, later",
    [
        ("2022-09", "2022-09-01"),
        ("2022-09-01", "2022-10-01"),
        ("2022-09", "2022-10-01"),
        ("2022-09-30", "2022-10"),
        ("2022", "2022-01"),
        ("2022", "2022-01-01"),
        ("2022-12-31", "2023"),
        ("2016-08-23", "2022-09"),
    ],
    ids=["month-before-its-first-day", "day-before-next-month-day", "month-before-next-month", "last-day-before-next-month",
         "year-before-its-january", "year-before-its-first-day", "last-day-before-next-year", "across-years"],
)
def test_coarser_date_comes_first(earlier, later):
    a, b = P(earlier), P(later)
    assert a < b and b > a and a <= b and not b < a
    assert a != b


def test_sorting_a_timeline():
    texts = ["2022-10-01", "2022-09-01", "2022", "2022-09", "2021-12-31", "2023", "2022-09-30"]
    shuffled = texts[:]
    random.Random(7).shuffle(shuffled)
    assert [d.iso() for d in sorted(map(P, shuffled))] == [
        "2021-12-31", "2022", "2022-09", "2022-09-01", "2022-09-30", "2022-10-01", "2023"]


def test_equal_dates_are_equal_and_hash_alike():
    assert P("2022-09") == P("2022-9") == PartialDate(2022, 9)
    assert len({P("2022-09"), P("2022-9"), P("2022-09-01")}) == 2


@pytest.mark.parametrize(
    "a, b, words",
    [
        ("2014", "2025", "11 years"),
        ("2022", "2023", "1 year"),
        ("2022", "2022-09", "same year"),
        ("2014", "2026-03-12", "12 years"),
        ("2022-09", "2023-11", "1 year 2 months"),
        ("2023-01", "2024-01", "1 year"),
        ("2022-09", "2022-10", "1 month"),
        ("2016-08-23", "2026-03-12", "9 years 6 months"),
        ("2022-09", "2022-09-15", "same month"),
        ("2022-09-01", "2022-09-15", "14 days"),
        ("2022-09-14", "2022-09-15", "1 day"),
        ("2022-09-15", "2022-09-15", "same day"),
        ("2022-08-31", "2022-09-01", "1 day"),
        ("2022-01-15", "2022-02-14", "30 days"),
        ("2022-01-15", "2022-02-15", "1 month"),
        ("2022-12-31", "2023-01-01", "1 day"),
        ("2023-11", "2022-09", "1 year 2 months"),
        ("2022-09-15", "2022-09-01", "14 days"),
    ],
    ids=["years", "one-year", "same-year-at-year-precision", "year-precision-wins", "years-and-months",
         "whole-year-in-months", "one-month", "article-dates", "same-month-at-month-precision", "days",
         "one-day", "same-day", "a-day-across-a-month-end", "just-under-a-month", "exactly-a-month",
         "a-day-across-a-year-end", "order-does-not-matter", "order-does-not-matter-for-days"],
)
def test_span_between(a, b, words):
    assert span_between(P(a), P(b)) == words
