"""Reading an article's figures: each number with its unit, qualifier, what it measures, the
entity it is about and the date it is about."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..dates import PartialDate
from ..numbers import NumberSpan, numbers_in
from ..references import References
from ..reldates import dateline_of, relative_dates_in
from .kinds import (
    FigureRecord, YEAR_KIND_IDS, COUNTABLE, COUNTED_NOUN, CURRENCY_BEFORE, CURRENCY_SYMBOL,
    DESIGN, ISO_DATE, QUALIFIER_AFTER, QUALIFIER_BEFORE_RE, TO_METRES, YEAR,
    classify_quantity, classify_year, value_range, unit_after,
)
from .subjects import (
    Sentences, PLACES_WITH_CROSSINGS, ROUTE, STRUCTURAL_KINDS, WHOLE_PLACES, entity_near,
    previous_subject, state_near, topic_of, topic_marked,
)

if TYPE_CHECKING:
    from ..briefing import Briefing
    from ..model import Article


def read_figures(text: str, language: str = "en") -> list[tuple[NumberSpan, str | None, int]]:
    """Numbers with the unit that follows (or precedes) each: (number, unit, end of unit)."""
    out = []
    for number in numbers_in(text, language):
        unit, unit_end = unit_after(text, number.end)
        before = text[max(0, number.start - 5):number.start]
        symbol = CURRENCY_BEFORE.search(before)
        if symbol and unit in (None, "USD"):
            unit = CURRENCY_SYMBOL.get(symbol.group().strip(), "USD")
        if unit is None and not number.spelled and YEAR.match(number.text):
            unit = "year"
        elif unit is None:
            noun = COUNTED_NOUN.match(text, number.end)
            if noun and noun.group(1) in COUNTABLE:
                unit = noun.group(1)
        out.append((number, unit, unit_end))
    return out


def article_figures(briefing: "Briefing", article: "Article") -> list[FigureRecord]:
    """The ledger of one article."""
    body = article.body
    spans = Sentences(body)
    mentions = briefing.mentions.get(article.id, [])
    mention_starts = [m.start for m in mentions]
    topic = topic_of(briefing, article.id)
    published = article.published
    relative = relative_dates_in(body, published)
    relative_starts = [r.start for r in relative]
    references = References(briefing, article.id)
    records: list[FigureRecord] = []
    figures = read_figures(body, article.language)
    year_numbers = [f for f in figures if f[1] == "year" and YEAR.match(f[0].text)]
    range_ends: set[int] = set()
    year_starts = [n.start for n, _, _ in year_numbers]
    dateline = dateline_of(body)
    iso_dates = [(m.start(), m.end()) for m in ISO_DATE.finditer(body)]
    for number, unit, unit_end in figures:
        if dateline and number.start < dateline.end:
            continue  # "DANDONG, 2026-04-02 —" dates the story, not a figure in it
        if any(a <= number.start < b for a, b in iso_dates):
            continue
        if unit is None and number.value < 2 and not number.spelled:
            continue  # list markers, "one of"
        s_start, s_end = spans.around(number.start)
        sentence = body[s_start:s_end]
        local_start, local_end = number.start - s_start, max(number.end, unit_end) - s_start
        before = sentence[:local_start]
        qualifier = next((q for q, pattern in QUALIFIER_BEFORE_RE if pattern.search(before[-30:])), None)
        if qualifier is None and QUALIFIER_AFTER.match(body, number.end):
            qualifier = "over"
        design = bool(DESIGN.search(sentence[max(0, local_start - 45):local_end + 12]))
        if unit == "year" and YEAR.match(number.text):
            kind = classify_year(sentence, local_start, local_end, article.language)
        else:
            kind = classify_quantity(sentence, local_start, local_end, unit)
        value = number.value
        if unit in TO_METRES:
            value, unit = value * TO_METRES[unit], "m"
        low, high = value_range(value, qualifier)
        # A range written out: "2008-2014", "1950–53", "between 1909 and 1911".
        if unit == "year" and re.match(r"'?s\b|년대|年代|-е", body[number.end:number.end + 3]):
            high = low + 9  # a decade: "the late 1930s", "2000년대"
        if unit == "year" and number.start in range_ends:
            continue  # the end of a range already read with its start
        between = re.match(r"\s+(?:and|to|until|till|through)\s+((?:19|20)\d\d)\b", body[number.end:number.end + 12])
        if unit == "year" and between and re.search(r"(?:between|from)\s+$", body[max(0, number.start - 9):number.start]):
            high = float(between.group(1))
            range_ends.add(number.end + between.start(1))
        tail = re.match(r"\s?[-–—]\s?(\d{2,4})\b", body[number.end:number.end + 8])
        if unit == "year" and tail:
            upper = tail.group(1)
            upper_value = float(number.text[:4 - len(upper)] + upper) if len(upper) < 4 else float(upper)
            if upper_value > number.value:
                high = upper_value
                range_ends.add(number.end + tail.start(1))
        route = bool(ROUTE.search(sentence))
        entity = None
        if article.language == "ko":
            # "신압록강 대교는 중조 우의교보다 … 3,026m": the topic (은/는) is what the figure is about.
            entity = topic_marked(mentions, mention_starts, s_start, number.start, body, briefing)
        if entity is None:
            entity = entity_near(mentions, mention_starts, number.start, s_start, s_end, briefing,
                                  body if route else None)
        by_type = references.by_type_word(sentence, local_start)
        if entity is None and references.continues_previous(sentence):
            entity = previous_subject(body, spans, s_start, mentions, mention_starts, briefing, references)
        if entity is None and route and by_type is None:
            pass  # "a $44 million plan to modernise the road to Rajin": about the road, which is not briefed
        elif entity is None:
            if by_type is not None:
                # "the bridge": the article's bridge; if it names none, the bridge is the one at
                # the place the article is about ("the original bridge" at Wonjong-ri).
                entity = by_type or (topic if topic and briefing.briefs[topic].type in PLACES_WITH_CROSSINGS else None)
            elif kind in YEAR_KIND_IDS:
                entity = None  # an article's topic did not open in 1950; nor did a state
            else:
                # A figure about no named place: a state the sentence names ("China makes up
                # more than 90 per cent"), else the article's main site.
                entity = state_near(mentions, mention_starts, s_start, s_end, briefing) or topic
        elif by_type and kind in STRUCTURAL_KINDS and briefing.briefs[entity].type in WHOLE_PLACES:
            entity = by_type  # "the bridge linking Sinuiju and Dandong is 3 km long": the bridge
        here = relative[bisect.bisect_left(relative_starts, s_start):bisect.bisect_left(relative_starts, s_end)]
        about = _about(local_start, unit, here, s_start, s_end, published,
                       [(n.start - s_start, int(n.value)) for n, u, _ in
                        year_numbers[bisect.bisect_left(year_starts, s_start):bisect.bisect_left(year_starts, s_end)]])
        dated = about is not None and about is not published
        records.append(FigureRecord(article.id, article.id, value, low, high, unit, qualifier, design, kind,
                                    entity, number.start, max(number.end, unit_end), body[number.start:max(number.end, unit_end)],
                                    " ".join(sentence.split()), about, published, None, s_start, s_end, dated))
    return _enumerations_are_ambiguous(records)


def _enumerations_are_ambiguous(records: list[FigureRecord]) -> list[FigureRecord]:
    """"built in 1911 and 1943, both bridges": two years of one kind for one entity in one
    sentence date two things the sentence does not tell apart; they are kept, as years of
    no named event, and so never compared."""
    groups: dict[tuple, list[int]] = {}
    for index, record in enumerate(records):
        if record.kind in YEAR_KIND_IDS:
            groups.setdefault((record.sentence_start, record.kind, record.entity), []).append(index)
    out = list(records)
    for indexes in groups.values():
        if len({records[i].value for i in indexes}) > 1:
            for index in indexes:
                out[index] = replace(out[index], kind="year")
    return out


def _about(local_start: int, unit: str | None, relative, s_start: int, s_end: int,
           published: PartialDate | None, years_in_sentence: list[tuple[int, int]]) -> PartialDate | None:
    """The date a figure is about: a year written in its sentence, else a relative date
    there ("last year"), else the publication date. A year is itself the date."""
    if unit == "year":
        return None
    years = [(abs(a - local_start), y) for a, y in years_in_sentence if a != local_start]
    if years:
        return PartialDate(min(years)[1])
    for ref in relative:
        if s_start <= ref.start < s_end:
            return ref.date
    return published
