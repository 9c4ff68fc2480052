"""Whoosh schema and analyzers. Built only from whoosh's own parts: the schema is pickled
into the index, so a custom class would tie the index to our module layout."""

from __future__ import annotations

import string

from whoosh import fields
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis import STOP_WORDS
from whoosh.support.charset import accent_map


# Chinese, Japanese and Korean script put no spaces between words (and Korean attaches
# particles to them), so each of their characters is a token: "丹东" then matches inside
# "丹东市是…" as a phrase of two characters. Other words are runs of word characters.
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Combining marks belong to the word they sit on: text in NFD ("Sinu\u0306iju", as some
# systems save it) is one word, and folds to what its NFC form folds to. (Python's \w does
# not match a combining mark, so without them the word broke in two.)
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTER = rf"(?:[^\W{_CJK}]|[{_MARKS}])"
TOKEN_PATTERN = rf"[{_CJK}]|{_LETTER}+(?:\.{_LETTER}+)*"
# accent_map folds precomposed letters (ŭ → u) and full-width forms; the marks themselves
# are dropped, so the decomposed spelling folds the same way.
FOLDING = {**accent_map, **{code: None for start, end in ((0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
                                                          (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
                            for code in range(start, end + 1)}}


def text_analyzer():
    """English stemming with accent folding: 'Sinŭiju' and 'Sinuiju' index alike, 'bridges' finds 'bridge'."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(FOLDING)
        # Single Latin letters go, as whoosh's default minsize=2 would drop them ("Rason’s" →
        # rason, s), but a single CJK character is a word and stays.
        | StopFilter(stoplist=STOP_WORDS | frozenset(string.ascii_lowercase), minsize=1)
        | StemFilter(cachesize=50000)
    )


def name_analyzer():
    """Names (outlets): folded but not stemmed, so `outlet:hankyoreh` matches 'The Hankyoreh'."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(FOLDING)


def build_schema() -> fields.Schema:
    text = text_analyzer()
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # "article:<id>" / "claim:<id>"
        # "<key> <content hash>": sync reads the lexicon, and the stored value of deleted documents
        fingerprint=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        id=fields.ID(stored=True),
        article=fields.ID(stored=True),
        brief=fields.ID(stored=True),
        # A query word that analyzes to several tokens ("丹东", "Rajin-Sonbong") is a phrase.
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0, chars=True, multitoken_query="phrase"),
        body=fields.TEXT(analyzer=text, stored=True, chars=True, multitoken_query="phrase"),
        outlet=fields.TEXT(analyzer=name_analyzer(), stored=True),
        published=fields.DATETIME(stored=True, sortable=True),
        published_text=fields.STORED(),
        site=fields.KEYWORD(commas=True, lowercase=True, scorable=True),
        actor=fields.KEYWORD(commas=True, lowercase=True, scorable=True),
        entity=fields.KEYWORD(commas=True, lowercase=True),
    )


FIELDS = ("title", "body", "outlet", "published", "site", "actor", "entity", "kind", "id", "article")
