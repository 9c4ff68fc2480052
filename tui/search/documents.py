"""What gets indexed: articles and claims flattened into search documents."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..dates import PartialDate

INDEX_SCHEMA_VERSION = 2  # 2: CJK characters are tokens; multi-token words are phrases


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

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for part in (self.kind, self.doc_id, self.article_id, self.title, self.body, self.outlet or "",
                     self.published.iso() if self.published else "", ",".join(self.sites),
                     ",".join(self.actors), self.brief_id or "", str(INDEX_SCHEMA_VERSION)):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()[:24]

    def published_datetime(self) -> dt.datetime | None:
        if self.published is None:
            return None
        start = self.published.start
        return dt.datetime(start.year, start.month, start.day)
