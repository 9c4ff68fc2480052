"""What gets indexed: articles and claims flattened into search documents."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cached_property

from ..dates import PartialDate

# 2: CJK characters are tokens; multi-token words are phrases. 3: fingerprints are stored, so
# sync finds the ones of deleted documents without a posting lookup per document. 4: combining
# marks are part of words, so text in NFD is found by its NFC spelling and back.
INDEX_SCHEMA_VERSION = 4


@dataclass(frozen=True)
class SearchDocument:
    doc_key: str  # "article:<id>" or "claim:<id>": unique in the index
    kind: str
    doc_id: str
    article_id: str
    title: str
    body: str
    outlet: str | None
    published: PartialDate | None
    sites: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    brief_id: str | None = None

    @cached_property
    def content_hash(self) -> str:
        """Hash of everything indexed; computed once per document (sync and the writer share it)."""
        parts = (self.kind, self.doc_id, self.article_id, self.title, self.body, self.outlet or "",
                 self.published.iso() if self.published else "", ",".join(self.sites),
                 ",".join(self.actors), self.brief_id or "", str(INDEX_SCHEMA_VERSION))
        return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:24]

    def published_datetime(self) -> dt.datetime | None:
        if self.published is None:
            return None
        start = self.published.start
        return dt.datetime(start.year, start.month, start.day)
