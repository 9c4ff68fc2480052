"""What a figure is: units, qualifiers, the kinds of measure, and the FigureRecord."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import PartialDate


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
CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|USD\s?|€|£|¥|₩|￥)\s?$")
CURRENCY_SYMBOL = {"US$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "₩": "KRW"}
COUNTED_NOUN = re.compile(r"\s(?:(?:new|more|other|large|small|additional|North Korean|Chinese|Russian)\s)?([a-z]{3,}?)(?:s|es)?\b")
COUNTABLE = {"truck", "wagon", "train", "bridge", "ship", "vessel", "container", "car", "vehicle", "bus", "specialist",
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
QUALIFIER_BEFORE_RE = [(q, re.compile(p, re.IGNORECASE)) for q, p in _QUALIFIER_BEFORE]
QUALIFIER_AFTER = re.compile(r"^\S*?(?:여|多|余|以上|이상)")  # Korean/Chinese: 3,000여, 2万多, 100万以上
DESIGN = re.compile(r"\b(?:design(?:ed)?|planned|projected|expected|will|would|target|aims? to)\b|"
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

TRADE = r"trade|exports?|imports?|commerce|cross-border|무역|교역|贸易|貿易|进出|торгов\w*|товарооборот\w*|تجار\w*|Handel"
QUANTITY_KINDS = [
    ("capacity", r"capacity|handl\w+|transfer of|throughput|transship\w*|transhipment|per year|a year|annually|"
                 r"물동량|처리|能力|吞吐|мощност\w*|перевал\w*|пропускн\w*|طاقة"),
    ("share-of-exports", r"exports?|imports?|수출|수입|出口|进口|экспорт\w*|импорт\w*"),
    ("share-of-trade", rf"(?:{TRADE})"),
    ("cost", r"cost|invest\w*|spent|funded|paid|budget|price|worth|plan|project|투입|투자|들어간|부담|投资|投入|耗资|造价|вложил\w*|"
             r"инвестиц\w*|стоимост\w*|затрат\w*|كلف\w*|Kosten"),
    ("trade-value", rf"(?:{TRADE})"),
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

YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
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


def unit_after(text: str, end: int) -> tuple[str | None, int]:
    for unit, pattern in _UNIT_AFTER_RE:
        match = pattern.match(text, end)
        if match:
            return unit, match.end()
    return None, end


def _window(text: str, start: int, end: int, before: int = 60, after: int = 60) -> tuple[str, str]:
    return text[max(0, start - before):start], text[end:end + after]


_VERB_FINAL = ("ko", "ja", "zh")  # the event word follows its date: "2010년 12월 31일 착공했다"


def classify_year(sentence: str, start: int, end: int, language: str = "en") -> str:
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


def classify_quantity(sentence: str, start: int, end: int, unit: str | None) -> str:
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


def value_range(value: float, qualifier: str | None) -> tuple[float, float]:
    low, high = _TOLERANCE.get(qualifier, (1.0, 1.0))
    return value * low, value * high


# Lengths compare in metres whatever a source wrote (3.026 km = 3,026 m; 1,756 ft = 535 m).
TO_METRES = {"km": 1000.0, "ft": 0.3048}
