"""Whoosh schema and analyzers. Built only from whoosh's own parts: the schema is pickled
into the index, so a custom class would tie the index to our module layout."""

from __future__ import annotations

from whoosh import fields
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map


def text_analyzer():
    """English stemming with accent folding: 'Sinŭiju' and 'Sinuiju' index alike, 'bridges' finds 'bridge'."""
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(cachesize=50000)
    )


def name_analyzer():
    """Names (outlets): folded but not stemmed, so `outlet:hankyoreh` matches 'The Hankyoreh'."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> fields.Schema:
    text = text_analyzer()
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # "article:<id>" / "claim:<id>"
        fingerprint=fields.ID(),  # "<key> <content hash>": sync reads the lexicon, not stored docs
        kind=fields.ID(stored=True),
        id=fields.ID(stored=True),
        article=fields.ID(stored=True),
        brief=fields.ID(stored=True),
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0, chars=True),
        body=fields.TEXT(analyzer=text, stored=True, chars=True),
        outlet=fields.TEXT(analyzer=name_analyzer(), stored=True),
        published=fields.DATETIME(stored=True, sortable=True),
        published_text=fields.STORED(),
        site=fields.KEYWORD(commas=True, lowercase=True, scorable=True),
        actor=fields.KEYWORD(commas=True, lowercase=True, scorable=True),
        entity=fields.KEYWORD(commas=True, lowercase=True),
    )


FIELDS = ("title", "body", "outlet", "published", "site", "actor", "entity", "kind", "id", "article")
