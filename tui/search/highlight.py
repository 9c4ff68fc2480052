"""Highlighting: fragments and marked words, cut from the character offsets stored with each
word's postings (no re-analysis of stored bodies), as plain Fragment objects with offsets,
never markup. Only for the hits asked for: search highlights the first N of each kind and
SearchIndex.highlight() fills in others later."""

from __future__ import annotations

import dataclasses
from typing import Iterator

from whoosh import query as Q
from whoosh.analysis import Token
from whoosh.highlight import FIRST, BasicFragmentScorer, Formatter, PinpointFragmenter, top_fragments

from .engine import Evaluator
from .results import Fragment, Hit


class _FragmentFormatter(Formatter):
    """Turns Whoosh fragments into plain Fragment objects: offsets, never markup."""

    def format(self, fragments, replace=False):
        out = []
        for fragment in fragments:
            text = fragment.text
            start, end = fragment.startchar, fragment.endchar
            # Widen to whole words so a fragment never starts or ends mid-word.
            while start > 0 and not text[start - 1].isspace() and fragment.startchar - start < 30:
                start -= 1
            while end < len(text) and not text[end].isspace() and end - fragment.endchar < 30:
                end += 1
            marks = tuple(
                (t.startchar - start, t.endchar - start)
                for t in fragment.matches
                if start <= t.startchar and t.endchar <= end
            )
            piece = text[start:end]
            # One line: fragments are shown in tables and lists.
            piece = piece.replace("\n", " ")
            out.append(Fragment(piece, marks, start))
        return out


_FRAGMENTER = PinpointFragmenter(maxchars=220, surround=70, autotrim=True)
_SCORER = BasicFragmentScorer()
_FORMATTER = _FragmentFormatter()


def with_fragments(searcher, evaluator: Evaluator, query, hits: list[Hit], docnums: list[int], top: int) -> list[Hit]:
    """The hits with fragments from the character offsets stored with each matched word: the
    body's best `top` passages, else the title's."""
    wanted: dict[str, set[bytes]] = {"body": set(), "title": set()}
    reader = searcher.reader()
    for leaf in wanted_leaves(query):
        try:
            for field, term in leaf.expanded_terms(reader, phrases=True):
                if field in wanted:
                    wanted[field].add(term if isinstance(term, bytes) else searcher.schema[field].to_bytes(term))
        except Exception:
            continue
    found: dict[int, list[Fragment]] = {}
    stored: dict[int, dict] = {}
    for field, count in (("body", top), ("title", 1)):  # the title only where the body has none
        todo = [d for d in docnums if d not in found]
        offsets = _char_offsets(searcher, evaluator, field, wanted[field], todo)
        for docnum in todo:
            tokens = offsets.get(docnum)
            if not tokens:
                continue
            if docnum not in stored:
                stored[docnum] = searcher.stored_fields(docnum)
            text = stored[docnum].get(field)
            fragments = _fragments(text, tokens, count) if text else []
            if fragments:
                found[docnum] = fragments
    return [dataclasses.replace(hit, fragments=tuple(found[d])) if d in found else hit
            for hit, d in zip(hits, docnums)]


def term_spans(searcher, query, text: str) -> list[tuple[int, int]]:
    """Spans in `text` of the words the query matches (stemmed, folded), for the reader."""
    # Not Query.existing_terms: in whoosh 2.7 its loop variable overwrites its `fieldname`
    # argument, so after the first leaf (a title: term) every body: term was skipped.
    reader = searcher.reader()
    words = {term.decode("utf-8") if isinstance(term, bytes) else term
             for leaf in wanted_leaves(query)
             for field, term in leaf.expanded_terms(reader, phrases=True)
             if field in ("body", "title")}
    if not words:
        return []
    analyzer = searcher.schema["body"].analyzer
    return [(t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index", removestops=False)
            if t.text in words]


def wanted_leaves(query) -> Iterator:
    """Leaf queries for words the reader should mark: not those under NOT."""
    if isinstance(query, Q.Not):
        return
    if isinstance(query, Q.AndNot):
        yield from wanted_leaves(query.a)
    elif query.is_leaf():
        yield query
    else:
        for child in query.children():
            yield from wanted_leaves(child)


def _char_offsets(searcher, evaluator: Evaluator, fieldname: str, terms: set[bytes],
                  docnums: list[int]) -> dict[int, list[Token]]:
    """docnum -> a Token per occurrence of the terms, from the postings' character offsets
    (each term's posting list is opened once and skipped forward through the documents)."""
    out: dict[int, list[Token]] = {}
    if not terms or not docnums or fieldname not in searcher.schema:
        return out
    field = searcher.schema[fieldname]
    if not field.format.supports("characters"):
        return out
    leaves = list(searcher.leaf_searchers())
    targets = sorted(set(docnums))
    charlimit = _FRAGMENTER.charlimit
    for btext in terms:
        postings = evaluator.postings(fieldname, btext)
        present = [d for d in targets if postings.contains(d)]
        if not present:
            continue
        word = field.from_bytes(btext)
        for index, (sub, offset) in enumerate(leaves):
            end = leaves[index + 1][1] if index + 1 < len(leaves) else None
            local = [d - offset for d in present if d >= offset and (end is None or d < end)]
            if not local:
                continue
            try:
                matcher = sub.reader().postings(fieldname, btext)
            except Exception:
                continue
            for docnum in local:
                if not matcher.is_active():
                    break
                matcher.skip_to(docnum)
                if not matcher.is_active() or matcher.id() != docnum:
                    continue
                tokens = out.setdefault(docnum + offset, [])
                for pos, startchar, endchar in matcher.value_as("characters"):
                    if charlimit and endchar > charlimit:
                        break
                    tokens.append(Token(text=word, pos=pos, startchar=startchar, endchar=endchar))
    return out


def _fragments(text: str, tokens: list[Token], top: int) -> list[Fragment]:
    """Whoosh's pinpoint fragments (the same fragmenter, scorer and order as its highlighter)."""
    tokens = sorted(tokens, key=lambda t: (t.startchar, -(t.endchar - t.startchar)))
    unique, last = [], None
    for token in tokens:  # one token per start: the longest
        if token.startchar != last:
            unique.append(token)
            last = token.startchar
    for token in unique:
        token.matched = True
    fragments = _FRAGMENTER.fragment_matches(text, unique)
    return _FORMATTER.format(top_fragments(fragments, top, _SCORER, FIRST, minscore=0))
