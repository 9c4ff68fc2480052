"""The fixed mix of 50 queries, each written for borderbrief and for FTS5.

Terms of every frequency (from `trade`, in most articles, to pseudo-words of the long
tail), AND / OR / NOT, phrases, field filters (outlet, title, site, actor, entity, dates,
kind) and prefixes. An FTS5 query is (MATCH expression, extra SQL condition, parameters):
FTS5 has no date ranges in MATCH, so dates become a condition on the publication date.
Plain words are searched in title and body, as borderbrief does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .generate import vocabulary


@dataclass(frozen=True)
class BenchQuery:
    label: str
    text: str  # borderbrief query syntax
    match: str  # FTS5 MATCH expression
    where: str = ""  # extra SQL condition for FTS5
    params: tuple = ()


def _tb(expr: str) -> str:
    return f"{{title body}} : ({expr})"


def query_mix(seed: int = 7) -> list[BenchQuery]:
    vocab = vocabulary(seed)
    rare = [vocab.rank(2500), vocab.rank(9000), vocab.rank(25000)]
    year = "published BETWEEN ? AND ?"
    queries = [
        # single terms, common to rare
        BenchQuery("term-common", "trade", _tb("trade")),
        BenchQuery("term-common-2", "border", _tb("border")),
        BenchQuery("term", "bridge", _tb("bridge")),
        BenchQuery("term", "customs", _tb("customs")),
        BenchQuery("term", "sanctions", _tb("sanctions")),
        BenchQuery("term", "tourism", _tb("tourism")),
        BenchQuery("term-mid", "molybdenum", _tb("molybdenum")),
        BenchQuery("term-entity", "Sinuiju", _tb("Sinuiju")),
        BenchQuery("term-entity", "Hunchun", _tb("Hunchun")),
        BenchQuery("term-entity", "Kremlin", _tb("Kremlin")),
        BenchQuery("term-rare", rare[0], _tb(rare[0])),
        BenchQuery("term-rarer", rare[1], _tb(rare[1])),
        BenchQuery("term-rarest", rare[2], _tb(rare[2])),
        BenchQuery("stemmed", "bridges", _tb("bridges")),
        BenchQuery("accented", "Sinŭiju", _tb("Sinŭiju")),
        # boolean
        BenchQuery("and", "trade AND bridge", _tb("trade AND bridge")),
        BenchQuery("and-implicit", "customs Hunchun", _tb("customs Hunchun")),
        BenchQuery("or", "rail OR bridge", _tb("rail OR bridge")),
        BenchQuery("or-3", "Rason OR Rajin OR Najin", _tb("Rason OR Rajin OR Najin")),
        BenchQuery("not", "trade NOT sanctions", _tb("trade NOT sanctions")),
        BenchQuery("minus", "Dandong -Sinuiju", _tb("Dandong NOT Sinuiju")),
        BenchQuery("group", "(coal OR seafood) AND exports", _tb("(coal OR seafood) AND exports")),
        BenchQuery("group-not", "port AND (Rajin OR Rason) NOT Russia", _tb("port AND (Rajin OR Rason) NOT Russia")),
        BenchQuery("and-3", "sanctions AND Pyongyang AND China", _tb("sanctions AND Pyongyang AND China")),
        BenchQuery("or-words", "tourism OR tourist OR visas", _tb("tourism OR tourist OR visas")),
        # phrases
        BenchQuery("phrase-entity", '"New Yalu River Bridge"', _tb('"New Yalu River Bridge"')),
        BenchQuery("phrase", '"border crossing"', _tb('"border crossing"')),
        BenchQuery("phrase", '"customs clearance"', _tb('"customs clearance"')),
        BenchQuery("phrase", '"trade volume"', _tb('"trade volume"')),
        BenchQuery("phrase-3", '"special economic zone"', _tb('"special economic zone"')),
        BenchQuery("phrase", '"freight trains"', _tb('"freight trains"')),
        BenchQuery("phrase-common", '"North Korea"', _tb('"North Korea"')),
        BenchQuery("phrase-and-term", '"rail link" Tumangang', _tb('"rail link" Tumangang')),
        # fields
        BenchQuery("outlet", "outlet:reuters", "outlet : reuters"),
        BenchQuery("outlet-phrase", 'outlet:"Daily NK"', 'outlet : "Daily NK"'),
        BenchQuery("title", "title:Dandong", "title : Dandong"),
        BenchQuery("site", "site:sinuiju", "site : sinuiju"),
        BenchQuery("actor", "actor:kotra", "actor : kotra"),
        BenchQuery("term-and-site", "bridge site:dandong", f"{_tb('bridge')} AND site : dandong"),
        BenchQuery("term-and-year", "trade published:2016", _tb("trade"), year, ("2016-01-01", "2016-12-31")),
        BenchQuery("term-and-range", "customs published:[2020 TO 2025]", _tb("customs"), year,
                   ("2020-01-01", "2025-12-31")),
        BenchQuery("site-not-actor", "site:hunchun NOT actor:russia", "site : hunchun NOT actor : russia"),
        BenchQuery("entity", "entity:new-yalu-river-bridge", 'entity : "new-yalu-river-bridge"'),
        BenchQuery("term-outlet-after", "sanctions outlet:yonhap published:>2020",
                   f"{_tb('sanctions')} AND outlet : yonhap", "published > ?", ("2020-12-31",)),
        # prefixes
        BenchQuery("prefix", "rail*", _tb("rail*")),
        BenchQuery("prefix-short", "bri*", _tb("bri*")),
        BenchQuery("prefix", "sanc*", _tb("sanc*")),
        BenchQuery("prefix-and-term", "custom* Dandong", _tb("custom* Dandong")),
        BenchQuery("prefix-or", "tour* OR visa*", _tb("tour* OR visa*")),
        BenchQuery("kind", "kind:claim trade", f"{_tb('trade')} AND kind : claim"),
    ]
    assert len(queries) == 50, len(queries)
    return queries
