"""Checking a query before Whoosh sees it: Whoosh forgives malformed input silently,
while a person wants to be told that a quote or a bracket is left open."""

from __future__ import annotations

import re

from .analysis import FIELDS
from .results import QueryError

MAX_QUERY_CHARS = 2000
# A wildcard, prefix, fuzzy word or range stands for every word of the index it fits:
# `*a*` for most of them. Past this many, the query is refused with a message, so neither
# the CLI nor the app (which searches as you type) ever runs one unbounded.
MAX_EXPANDED_TERMS = 1000
_FIELD = re.compile(r"(?:^|(?<=[\s(\-+]))([A-Za-z_][A-Za-z_0-9]*):(?=\S)")
_PAIRS = {"(": ")", "[": "]", "{": "}"}
_ALIASES = {"date": "published", "source": "outlet", "text": "body"}
# Whoosh's parser fails with "list index out of range" on `NOT NOT x` or `NOT AND x`.
_NOT_THEN_OPERATOR = re.compile(r"(?<![^\s(])NOT\s+(AND|OR|NOT)(?![^\s)])")


def check_query(text: str) -> str:
    """Return the query to parse (field aliases applied) or raise QueryError."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    stack: list[tuple[str, int]] = []
    in_quote = None
    for index, ch in enumerate(text):
        if in_quote is not None:
            if ch == '"':
                in_quote = None
            continue
        if ch == '"':
            in_quote = index
        elif ch in _PAIRS:
            stack.append((ch, index))
        elif ch in _PAIRS.values():
            if not stack:
                raise QueryError(f"unmatched '{ch}' at column {index + 1}")
            opener, _ = stack.pop()
            # Whoosh ranges may open with [ and close with } (exclusive end) and vice versa.
            if opener == "(" and ch != ")" or opener != "(" and ch == ")":
                raise QueryError(f"'{opener}' closed by '{ch}' at column {index + 1}")
    if in_quote is not None:
        raise QueryError(f'unbalanced quote: the " at column {in_quote + 1} is never closed')
    if stack:
        opener, index = stack[-1]
        raise QueryError(f"unbalanced '{opener}' at column {index + 1}: it is never closed")

    def check_operators(part: str, offset: int) -> None:
        found = _NOT_THEN_OPERATOR.search(part)
        if found:
            raise QueryError(f"NOT at column {offset + found.start() + 1} is followed by {found.group(1)}: "
                             "NOT needs a word or a (group) after it")

    offset = 0
    for number, part in enumerate(text.split('"')):
        if number % 2 == 0:
            check_operators(part, offset)
        offset += len(part) + 1

    def replace(match: re.Match) -> str:
        name = match.group(1).lower()
        name = _ALIASES.get(name, name)
        if name in ("http", "https"):
            return match.group(0)
        if name not in FIELDS:
            raise QueryError(f"unknown field '{match.group(1)}:' (fields: {', '.join(FIELDS)})")
        return f"{name}:"

    return _outside_quotes_apply(text, lambda part: _FIELD.sub(replace, part))


def _outside_quotes_apply(text: str, func) -> str:
    """Apply func to the parts of text outside double quotes."""
    parts = text.split('"')
    return '"'.join(func(p) if i % 2 == 0 else p for i, p in enumerate(parts))


def check_expansion(query, reader, limit: int = MAX_EXPANDED_TERMS) -> None:
    """Raise QueryError if a pattern in the parsed query stands for more than `limit` words
    (counted in the lexicon, stopping at limit + 1: no posting list is read)."""
    from whoosh.query import MultiTerm

    leaves = [query] if query.is_leaf() else list(query.leaves())
    for leaf in leaves:
        if not isinstance(leaf, MultiTerm):
            continue
        count = 0
        for _ in leaf._btexts(reader):
            count += 1
            if count > limit:
                raise QueryError(f"'{_pattern_text(leaf)}' stands for more than {limit:,} different words; "
                                 "give more letters (rail* rather than r*) or leave the pattern out")


def _pattern_text(leaf) -> str:
    from whoosh.query import Prefix

    text = getattr(leaf, "text", None)
    if isinstance(leaf, Prefix):
        text = f"{text}*"
    if text is None and hasattr(leaf, "start"):
        text = f"[{leaf.start} TO {leaf.end}]"
    return f"{leaf.fieldname}:{text}" if leaf.fieldname not in (None, "title", "body") else str(text)


def every_document(query):
    """`*` parses to Every('title') | Every('body'): Whoosh then walks every posting of both
    fields (12 s on 1,000 articles, and the app searches as you type). A field's `*` is
    every document that has the field — for title and body, every document — so it becomes
    Every(), which the evaluator answers from the document list at once."""
    from whoosh import query as Q

    def rewrite(node):
        return Q.Every(boost=node.boost) if type(node) is Q.Every and node.fieldname else node

    return query.accept(rewrite)
