"""The figure ledger: every number in every article and claim, as a structured record.

A record says what the number is (value, or the range it allows), its unit normalised
(percent, USD, CNY, RUB, KRW, tonne, km, m, hectare, year, times, or a counted noun), its
qualifier (about, over, up to, nearly, at least, design/planned), what it measures (the
year something was built, opened or begun; a capacity, share of trade, trade value, cost,
length, width, distance, population, count), the entity it is about, its exact span, and
the date it is about, kept apart from the date the source was published.

Claims in briefs get the same record from their `value`/`unit`/`measure`, so a brief's
value and an article's figure compare like with like.

quantulum3 was evaluated for units: it reads "4 m tonnes" as metre-tonnes and "2 bn yuan"
as bit-newtons, the two forms this border's trade press uses most, so units here are a
small table of the ones that occur, in the languages that occur.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from .dates import PartialDate
from .numbers import NumberSpan, numbers_in
from .quotes import sentences
from .references import References
from .reldates import dateline_of, relative_dates_in

if TYPE_CHECKING:
    from .briefing import Briefing
    from .model import Article, Claim

# -- units -----------------------------------------------------------------------------------

# (unit, pattern right after the number). Order matters: longer and more specific first.
_UNIT_AFTER = [
    ("percent", r"\s?(?:%|per\s?cent\b|percent\b|процент\w*|퍼센트|％)"),
    ("USD", r"\s?(?:US\s?dollars?\b|dollars?\b|USD\b|долл\w*|달러|美元|دولار\w*|\$)"),
    ("CNY", r"\s?(?:yuan\b|renminbi\b|RMB\b|위안|元|юан\w*|يوان)"),
    ("RUB", r"\s?(?:rubles?\b|roubles?\b|руб\w*|루블)"),
    ("KRW", r"\s?(?:won\b|원(?!정)|韩元|韓元)"),
    ("tonne", r"\s?(?:tonnes?\b|tons?\b|metric tons?\b|t\b|тонн\w*|т\b|톤|t(?=\W|$)|吨|طن|ton\b)"),
    ("km/h", r"\s?(?:km/h|kph)\b"),
    ("km", r"[\s-]?(?:km\b|kilomet(?:re|er)s?\b|км\b|километр\w*|㎞|킬로미터|公里|كم|كيلومتر\w*)"),
    ("m", r"[\s-]?(?:m(?![a-zA-Z])|metres?\b|meters?\b|метр\w*|м\b|미터|米(?!尔)|متر\w*)"),
    ("ft", r"[\s-]?(?:ft\b|feet\b|foot\b)"),
    ("hectare", r"\s?(?:hectares?\b|ha\b|гектар\w*|헥타르|公顷|هكتار\w*)"),
    ("sq km", r"\s?(?:square kilomet\w+|sq\.? km|km2|км2|平方公里|㎢)"),
    ("times", r"\s?(?:times\b|-fold\b|раз\w*|배|倍)"),
    ("year", r"[\s-]?(?:years?\b|-year\b|year-\w+|лет\b|года?\b|년간|年间)"),
    ("month", r"[\s-]?(?:months?\b|месяц\w*|개월|个月)"),
    ("lane", r"[\s-]?(?:lanes?\b|차로|차선|车道|полос\w*)"),
    ("person", r"\s?(?:people\b|persons?\b|residents\b|workers\b|명|人|человек\w*)"),
]
_UNIT_AFTER_RE = [(unit, re.compile(pattern, re.IGNORECASE)) for unit, pattern in _UNIT_AFTER]
_CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|USD\s?|€|£|¥|₩|￥)\s?$")
_CURRENCY_SYMBOL = {"US$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "₩": "KRW"}
_COUNTED_NOUN = re.compile(r"\s(?:(?:new|more|other|large|small|additional|North Korean|Chinese|Russian)\s)?([a-z]{3,}?)(?:s|es)?\b")
_COUNTABLE = {"truck", "wagon", "train", "bridge", "ship", "vessel", "container", "car", "vehicle", "bus", "specialist",
              "company", "firm", "crossing", "pier", "berth", "tourist", "visitor", "flight", "pillar", "span", "opor"}

# -- qualifiers --------------------------------------------------------------------------------

_QUALIFIER_BEFORE = [
    ("about", r"(?:about|around|approximately|roughly|some|an estimated|estimated|circa|c\.|около|примерно|порядка|약|约|大约|حوالي|sekitar|rund|etwa|unos|aproximadamente)\s*$"),
    ("nearly", r"(?:nearly|almost|close to|почти|거의|近|将近|تقترب من|تقريبا|fast|casi)\s*$"),
    ("over", r"(?:over|more than|above|in excess of|upwards of|более|свыше|больше|более чем|超过|逾|أكثر من|mas de|más de|über|lebih dari)\s*$"),
    ("up to", r"(?:up to|as much as|as many as|до|최대|多达|高达|حتى|bis zu|hasta)\s*$"),
    ("at least", r"(?:at least|no fewer than|no less than|не менее|최소|至少|على الأقل|mindestens)\s*$"),
    ("under", r"(?:under|less than|fewer than|below|менее|меньше|不到|أقل من|unter|menos de)\s*$"),
]
_QUALIFIER_BEFORE_RE = [(q, re.compile(p, re.IGNORECASE)) for q, p in _QUALIFIER_BEFORE]
_QUALIFIER_AFTER = re.compile(r"^\S*?(?:여|多|余|以上|이상)")  # Korean/Chinese: 3,000여, 2万多, 100万以上
_DESIGN = re.compile(r"\b(?:design(?:ed)?|planned|projected|expected|will|would|target|aims? to)\b|"
                     r"будут|планир|예정|예상|될 것|할 것|계획|预计|计划|将|سوف|سي", re.IGNORECASE)

# -- what a figure measures ------------------------------------------------------------------

# Years: the event they date. The first kind whose words stand near the year wins.
YEAR_KINDS = [
    ("year-begun", r"\b(?:construction (?:of [\w\s]{0,40})?(?:began|started|start)|began|begun|started|broke ground|"
                   r"groundbreaking|launched|work began)\b|착공|시작|开工|动工|开始|начал\w*|стартова\w*|Baubeginn|comienzo"),
    ("year-opened", r"\b(?:opened|opening|open to traffic|inaugurat\w+|came into (?:service|use)|put into (?:service|operation))\b|"
                    r"개통|开通|通车|открыт\w*|открыл\w*|افتتا\w*|eröffnet|inaugurad\w*"),
    ("year-built", r"\b(?:built|constructed|completed|erected|finished|was finished|completion)\b|"
                   r"완공|준공|세워|建成|建于|竣工|始建|修建|построен\w*|возвед\w*|завершен\w*|أقيم|بني|بناء|"
                   r"errichtet|fertiggestellt|construid\w*"),
    ("year-agreed", r"\b(?:agreed|signed|agreement)\b|체결|합의|签署|协议|подписан\w*|соглашени\w*|اتفقت"),
]
YEAR_KINDS_RE = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in YEAR_KINDS]
_AGREED_BEFORE_BUILD = re.compile(
    r"\b(?:agreed|signed \w+ (?:deal|agreement)|decided|approved) to (?:build|construct)\b|اتفقت[^.،]{0,30}على بناء|"
    r"согласил\w* (?:построить|строить)|vereinbart\w*,? [^.]{0,20}zu (?:bauen|errichten)", re.IGNORECASE)

_TRADE = r"trade|exports?|imports?|commerce|cross-border|무역|교역|贸易|貿易|进出|торгов\w*|товарооборот\w*|تجار\w*|Handel"
QUANTITY_KINDS = [
    ("capacity", r"capacity|handl\w+|transfer of|throughput|transship\w*|transhipment|per year|a year|annually|"
                 r"물동량|처리|能力|吞吐|мощност\w*|перевал\w*|пропускн\w*|طاقة"),
    ("share-of-exports", r"exports?|imports?|수출|수입|出口|进口|экспорт\w*|импорт\w*"),
    ("share-of-trade", rf"(?:{_TRADE})"),
    ("cost", r"cost|invest\w*|spent|funded|paid|budget|price|worth|plan|project|투입|투자|들어간|부담|投资|投入|耗资|造价|вложил\w*|"
             r"инвестиц\w*|стоимост\w*|затрат\w*|كلف\w*|Kosten"),
    ("trade-value", rf"(?:{_TRADE})"),
    ("length", r"long|length|stretch\w*|span\w*|spans|길이|총길이|连长|全长|长|длин\w*|протяженност\w*|lang|Länge|يمتد|extension"),
    ("width", r"wide|width|폭|宽|ширин\w*|breit|anchura"),
    ("distance", r"away|from|apart|distance|떨어진|거리|距离|相距|расстояни\w*|يبعد|entfernt|sejauh"),
    ("population", r"population|inhabitants|residents|인구|人口|拥有|населени\w*|жител\w*|سكان|Einwohner"),
    ("area", r"area|covers?|면적|面积|площад\w*|يغطي"),
]
QUANTITY_KINDS_RE = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in QUANTITY_KINDS]
_KIND_UNITS = {
    "capacity": {"tonne", "person", "times"},
    "share-of-trade": {"percent"},
    "share-of-exports": {"percent"},
    "cost": {"USD", "CNY", "RUB", "KRW", "EUR", "GBP"},
    "trade-value": {"USD", "CNY", "RUB", "KRW", "EUR", "GBP"},
    "length": {"km", "m", "ft"},
    "width": {"m", "km", "ft"},
    "distance": {"km", "m", "ft"},
    "population": {"person", None},
    "area": {"hectare", "sq km"},
}
# Kinds whose values change over time: two values dated differently are a series, not a conflict.
TIME_SERIES_KINDS = {"capacity", "share-of-trade", "share-of-exports", "trade-value", "population", "count"}
YEAR_KIND_IDS = {kind for kind, _ in YEAR_KINDS}
KIND_NAMES = {
    "year-built": "year built", "year-opened": "year opened", "year-begun": "year construction began",
    "year-agreed": "year agreed", "capacity": "capacity", "share-of-trade": "share of trade",
    "trade-value": "trade value", "share-of-exports": "share of exports or imports", "cost": "cost", "length": "length", "width": "width", "distance": "distance",
    "population": "population", "area": "area", "count": "count", "year": "year (other event)",
}

_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_TOLERANCE = {"about": (0.9, 1.1), "nearly": (0.85, 1.0), "over": (1.0, 1.25), "up to": (0.0, 1.0),
              "at least": (1.0, 10.0), "under": (0.0, 1.0), None: (1.0, 1.0)}


@dataclass(frozen=True)
class FigureRecord:
    """One number, read."""

    source: str  # article id, or "claim:<id>"
    article_id: str  # the article it stands in (a claim's source)
    value: float
    low: float
    high: float
    unit: str | None
    qualifier: str | None  # about | nearly | over | up to | at least | under
    design: bool  # planned, design or expected rather than actual
    kind: str  # what it measures: year-built, capacity, share-of-trade, … count, year
    entity: str | None
    start: int  # exact span in the article body (for a claim: its quote's span, if anchored)
    end: int
    text: str  # the figure as written
    sentence: str  # the sentence it stands in (for a claim: its quote)
    about: PartialDate | None  # the date it is about
    published: PartialDate | None
    claim_id: str | None = None
    sentence_start: int = 0  # the sentence's span in the article body
    sentence_end: int = 0
    dated: bool = False  # `about` comes from the text (or a claim's as_of), not the publication date

    @property
    def is_year(self) -> bool:
        return self.unit == "year" and self.kind in YEAR_KIND_IDS | {"year"}

    def shown(self) -> str:
        return format_value(self.value, self.unit, self.qualifier)

    def to_json(self) -> dict:
        return {"source": self.source, "article": self.article_id, "claim": self.claim_id, "value": self.value,
                "low": self.low, "high": self.high, "unit": self.unit, "qualifier": self.qualifier,
                "design": self.design, "measures": self.kind, "entity": self.entity, "start": self.start,
                "end": self.end, "text": self.text, "sentence": self.sentence,
                "about": self.about.iso() if self.about else None,
                "published": self.published.iso() if self.published else None}


def format_value(value: float, unit: str | None, qualifier: str | None = None) -> str:
    if unit == "year":
        text = f"{value:.0f}"
    elif abs(value) >= 1e9:
        text = f"{value / 1e9:g} billion"
    elif abs(value) >= 1e6:
        text = f"{value / 1e6:g} million"
    else:
        text = f"{value:,.10g}"
    if unit == "percent":
        text += "%"
    elif unit == "USD":
        text = "US$" + text
    elif unit and unit != "year":
        text += f" {unit}"
    return f"{qualifier} {text}" if qualifier else text


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    for unit, pattern in _UNIT_AFTER_RE:
        match = pattern.match(text, end)
        if match:
            return unit, match.end()
    return None, end


def _window(text: str, start: int, end: int, before: int = 60, after: int = 60) -> tuple[str, str]:
    return text[max(0, start - before):start], text[end:end + after]


_VERB_FINAL = ("ko", "ja", "zh")  # the event word follows its date: "2010년 12월 31일 착공했다"


def _classify_year(sentence: str, start: int, end: int, language: str = "en") -> str:
    """The event a year dates: the nearest event word in its sentence (on the side the
    language puts it), else 'year' (never compared)."""
    before_weight, after_weight = (3.0, 1.0) if language in _VERB_FINAL else (1.0, 1.5)
    best, best_distance = "year", 10 ** 9
    for kind, pattern in YEAR_KINDS_RE:
        for match in pattern.finditer(sentence):
            if match.end() <= start:
                raw, weight = start - match.end(), before_weight
            else:
                raw, weight = max(0, match.start() - end), after_weight
            if raw <= 45 and raw * weight < best_distance:
                best, best_distance = kind, raw * weight
    # "agreed to build the bridge in 2010", "اتفقت … على بناء الجسر … 2010": the year dates the
    # agreement that governs the building, not the building.
    if best in ("year-built", "year-begun") and start > 0:
        agreed = _AGREED_BEFORE_BUILD.search(sentence[max(0, start - 90):start])
        if agreed:
            return "year-agreed"
    return best


def _classify_quantity(sentence: str, start: int, end: int, unit: str | None) -> str:
    """What a quantity measures: the kind (among those its unit allows) whose words stand
    nearest to it ("535 metres long and 6.6 metres wide"; "10㎞ 떨어진 … 총길이 3,026m")."""
    local_start = max(0, start - 70)
    local = sentence[local_start:end + 70]
    at, until = start - local_start, end - local_start
    best, best_distance = None, 10 ** 9
    for kind, pattern in QUANTITY_KINDS_RE:
        if unit not in _KIND_UNITS[kind]:
            continue
        for match in pattern.finditer(local):
            # "535 metres long and 6.6 metres (22 ft) wide": a word after the number is its own
            # more often than the word before, which may belong to the figure before it.
            distance = 2 * (at - match.end()) if match.end() <= at else max(0, match.start() - until)
            # Share of trade and trade value share their words; the unit decides, so ties go
            # to the earlier kind in the list.
            if distance < best_distance:
                best, best_distance = kind, distance
    if best:
        return best
    local = sentence[max(0, start - 70):end + 70]
    if unit in ("km", "m", "ft") and re.search(r"bridge|railway|road|line|다리|교|桥|мост|дорог|جسر|Brücke", local, re.I):
        return "length"
    return "count" if unit in (None, "person") else "other"


def _range(value: float, qualifier: str | None) -> tuple[float, float]:
    low, high = _TOLERANCE.get(qualifier, (1.0, 1.0))
    return value * low, value * high


# Lengths compare in metres whatever a source wrote (3.026 km = 3,026 m; 1,756 ft = 535 m).
_TO_METRES = {"km": 1000.0, "ft": 0.3048}


def read_figures(text: str, language: str = "en") -> list[tuple[NumberSpan, str | None, int]]:
    """Numbers with the unit that follows (or precedes) each: (number, unit, end of unit)."""
    out = []
    for number in numbers_in(text, language):
        unit, unit_end = _unit_after(text, number.end)
        before = text[max(0, number.start - 5):number.start]
        symbol = _CURRENCY_BEFORE.search(before)
        if symbol and unit in (None, "USD"):
            unit = _CURRENCY_SYMBOL.get(symbol.group().strip(), "USD")
        if unit is None and not number.spelled and _YEAR.match(number.text):
            unit = "year"
        elif unit is None:
            noun = _COUNTED_NOUN.match(text, number.end)
            if noun and noun.group(1) in _COUNTABLE:
                unit = noun.group(1)
        out.append((number, unit, unit_end))
    return out


class _Sentences:
    def __init__(self, body: str):
        self.spans = sentences(body) or [(0, len(body))]
        self.starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.spans[index]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def article_figures(briefing: "Briefing", article: "Article") -> list[FigureRecord]:
    """The ledger of one article."""
    body = article.body
    spans = _Sentences(body)
    mentions = briefing.mentions.get(article.id, [])
    mention_starts = [m.start for m in mentions]
    topic = _topic(briefing, article.id)
    published = article.published
    relative = relative_dates_in(body, published)
    relative_starts = [r.start for r in relative]
    references = References(briefing, article.id)
    records: list[FigureRecord] = []
    figures = read_figures(body, article.language)
    year_numbers = [f for f in figures if f[1] == "year" and _YEAR.match(f[0].text)]
    range_ends: set[int] = set()
    year_starts = [n.start for n, _, _ in year_numbers]
    dateline = dateline_of(body)
    iso_dates = [(m.start(), m.end()) for m in _ISO_DATE.finditer(body)]
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
        qualifier = next((q for q, pattern in _QUALIFIER_BEFORE_RE if pattern.search(before[-30:])), None)
        if qualifier is None and _QUALIFIER_AFTER.match(body, number.end):
            qualifier = "over"
        design = bool(_DESIGN.search(sentence[max(0, local_start - 45):local_end + 12]))
        if unit == "year" and _YEAR.match(number.text):
            kind = _classify_year(sentence, local_start, local_end, article.language)
        else:
            kind = _classify_quantity(sentence, local_start, local_end, unit)
        value = number.value
        if unit in _TO_METRES:
            value, unit = value * _TO_METRES[unit], "m"
        low, high = _range(value, qualifier)
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
        route = bool(_ROUTE.search(sentence))
        entity = None
        if article.language == "ko":
            # "신압록강 대교는 중조 우의교보다 … 3,026m": the topic (은/는) is what the figure is about.
            entity = _topic_marked(mentions, mention_starts, s_start, number.start, body, briefing)
        if entity is None:
            entity = _entity_near(mentions, mention_starts, number.start, s_start, s_end, briefing,
                                  body if route else None)
        by_type = references.by_type_word(sentence, local_start)
        if entity is None and references.continues_previous(sentence):
            entity = _previous_subject(body, spans, s_start, mentions, mention_starts, briefing, references)
        if entity is None and route and by_type is None:
            pass  # "a $44 million plan to modernise the road to Rajin": about the road, which is not briefed
        elif entity is None:
            if by_type is not None:
                # "the bridge": the article's bridge; if it names none, the bridge is the one at
                # the place the article is about ("the original bridge" at Wonjong-ri).
                entity = by_type or (topic if topic and briefing.briefs[topic].type in _PLACES_WITH_CROSSINGS else None)
            elif kind in YEAR_KIND_IDS:
                entity = None  # an article's topic did not open in 1950; nor did a state
            else:
                # A figure about no named place: a state the sentence names ("China makes up
                # more than 90 per cent"), else the article's main site.
                entity = _state_near(mentions, mention_starts, s_start, s_end, briefing) or topic
        elif by_type and kind in _STRUCTURAL_KINDS and briefing.briefs[entity].type in _WHOLE_PLACES:
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


def _topic(briefing: "Briefing", article_id: str) -> str | None:
    """The specific site an article is most about: a default entity for figures whose
    sentence names none ("the bridge is 535 metres long")."""
    counts: dict[str, int] = {}
    for mention in briefing.mentions.get(article_id, []):
        brief = briefing.briefs.get(mention.entity_id)
        if brief and brief.kind == "site" and brief.type not in ("country", "region", "river", "province", "area"):
            counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    return max(counts, key=lambda e: (counts[e], e)) if counts else None


_PLACES_WITH_CROSSINGS = ("city", "county", "crossing", "area", "zone", "town", "village")
_STRUCTURAL_KINDS = {"length", "width", "year-built", "year-opened", "year-begun", "cost"}
_WHOLE_PLACES = ("city", "county", "province", "region", "area", "zone")


def _state_near(mentions, starts, s_start: int, s_end: int, briefing: "Briefing") -> str | None:
    """A state the sentence names, for a figure about no place ("China makes up more than
    90 per cent of North Korean trade"): the first one."""
    for mention in mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief and brief.type in ("state", "country"):
            return brief.id
    return None


_GENERIC_TYPES = ("state", "country", "region", "river", "province", "area", "outlet", "agency", "person")


# A sentence about a road or route names its ends ("the road from the border to Rajin"): a
# figure there is about the road, not the places it leads to.
_ROUTE = re.compile(r"\b(?:road|highway|route|motorway)s?\b|도로|公路|дорог\w*|шоссе|طريق", re.I)
_ENDPOINT = re.compile(r"\b(?:to|from|towards|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


def _entity_near(mentions, starts, offset: int, s_start: int, s_end: int, briefing: "Briefing",
                 route_body: str | None = None) -> str | None:
    """The nearest specific site named in the sentence (a bridge over its city), else any
    named entity that is not a state. In a sentence about a route (`route_body` given), the
    places named as its ends are not what its figures are about."""
    lo = bisect.bisect_left(starts, s_start)
    hi = bisect.bisect_left(starts, s_end)
    best = None
    for mention in mentions[lo:hi]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief is None:
            continue
        if route_body is not None and _ENDPOINT.search(route_body[max(s_start, mention.start - 40):mention.start]):
            continue
        generic = brief.type in _GENERIC_TYPES or brief.kind != "site"
        if generic:
            continue  # states, rivers, outlets, people: a figure is rarely about them
        distance = offset - mention.start if mention.start <= offset else 2 * (mention.start - offset)
        rank = (brief.type not in ("bridge", "port", "crossing", "customs", "station", "rail-line", "market", "zone"), distance)
        if best is None or rank < best[0]:
            best = (rank, mention.entity_id)
    return best[1] if best else None


def _topic_marked(mentions, starts, s_start: int, offset: int, body: str, briefing: "Briefing") -> str | None:
    """A Korean sentence's topic: a specific site before the figure followed by 은/는."""
    for mention in mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, offset)]:
        brief = briefing.briefs.get(mention.entity_id)
        if brief and brief.kind == "site" and brief.type not in _GENERIC_TYPES and body[mention.end:mention.end + 1] in ("은", "는"):
            return brief.id
    return None


def _previous_subject(body: str, spans: "_Sentences", s_start: int, mentions, starts, briefing: "Briefing",
                      references: References, depth: int = 3) -> str | None:
    """What the sentence before `s_start` is about ("… a new bridge. It is 638 metres long"):
    the first specific site it names, else the site its type word means."""
    index = spans.index(s_start)
    if index == 0 or depth == 0:
        return None
    p_start, p_end = spans.spans[index - 1]
    named = _entity_near(mentions, starts, p_start, p_start, p_end, briefing)
    sentence = body[p_start:p_end]
    by_type = references.by_type_word(sentence)
    if named and not (by_type and briefing.briefs[named].type in _WHOLE_PLACES):
        return named  # "a new bridge at Riverton. It is …": the bridge, not the city
    if by_type:
        return by_type
    if references.continues_previous(sentence):
        return _previous_subject(body, spans, p_start, mentions, starts, briefing, references, depth - 1)
    return None


# -- claims ------------------------------------------------------------------------------------

_CLAIM_UNITS = {"percent": "percent", "%": "percent", "usd": "USD", "us$": "USD", "$": "USD", "cny": "CNY", "yuan": "CNY",
                "rmb": "CNY", "rub": "RUB", "krw": "KRW", "won": "KRW", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne",
                "t": "tonne", "km": "km", "m": "m", "metres": "m", "year": "year", "hectares": "hectare"}


def claim_figure(briefing: "Briefing", claim: "Claim") -> FigureRecord | None:
    """A claim's value as a ledger record (None when the value is not a number)."""
    value = claim.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    unit = _CLAIM_UNITS.get((claim.unit or "").lower(), claim.unit)
    words = f"{claim.measure or ''} {claim.says}".replace("-", " ")
    if unit == "year":
        says = claim.says
        at = says.find(str(int(value)))
        kind = _classify_year(says, at, at + 4) if at >= 0 else "year"
        if kind == "year" and claim.measure:
            kind = _classify_year_words(claim.measure.replace("-", " "))
    else:
        kind = _classify_quantity(words, 0, 0, unit)
        if unit == "percent" and "share" in words:
            kind = "share-of-trade" if re.search(_TRADE, words, re.I) else kind
    article = briefing.articles.get(claim.source)
    start, end = claim.quote_span or (0, 0)
    return FigureRecord(f"claim:{claim.id}", claim.source, float(value), float(value), float(value), unit, None, False,
                        kind, claim.brief_id, start, end, claim.value_text(), " ".join(claim.quote.split()),
                        claim.as_of, article.published if article else None, claim.id, start, end,
                        claim.as_of is not None)


def _classify_year_words(words: str) -> str:
    for kind, pattern in YEAR_KINDS_RE:
        if pattern.search(words):
            return kind
    return "year"


def build_ledger(briefing: "Briefing", articles: Iterable[str] | None = None) -> list[FigureRecord]:
    """Records for the given articles (all by default) and every numeric claim."""
    ids = list(articles) if articles is not None else list(briefing.articles)
    out: list[FigureRecord] = []
    for article_id in ids:
        article = briefing.articles.get(article_id)
        if article is not None:
            out.extend(article_figures(briefing, article))
    for claim in briefing.claims.values():
        record = claim_figure(briefing, claim)
        if record is not None:
            out.append(record)
    return out
