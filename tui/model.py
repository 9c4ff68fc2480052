"""The plain objects the rest of borderbrief works with, once files are loaded."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .dates import PartialDate


@dataclass
class Article:
    id: str
    title: str
    body: str
    path: Path
    body_line: int = 1
    outlet: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    published_note: str | None = None
    title_note: str | None = None
    url: str | None = None
    language: str = "en"

    @property
    def content_hash(self) -> str:
        """Hash of what gets indexed: metadata and body."""
        digest = hashlib.sha256()
        for part in (self.id, self.title, self.outlet or "", self.author or "",
                     self.published.iso() if self.published else "", self.url or "", self.body):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()[:32]

    @property
    def body_hash(self) -> str:
        return body_fingerprint(self.body)

    def line_of_offset(self, offset: int) -> int:
        """File line of a character offset in the body."""
        return self.body_line + self.body.count("\n", 0, offset)


def body_fingerprint(body: str) -> str:
    """Hash of a body with white space folded, for spotting the same article added twice."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Claim:
    id: str
    brief_id: str
    says: str
    source: str
    quote: str
    path: Path
    line: int | None = None
    value: int | float | str | None = None
    unit: str | None = None
    measure: str | None = None
    as_of: PartialDate | None = None
    period: str | None = None  # the span a figure covers: month, half-year, year …
    note: str | None = None  # the curator's: what was inferred and why
    occurrence: int | None = None
    quote_span: tuple[int, int] | None = None  # where the quote sits in the source body
    quote_line: int | None = None  # file lines of the claim's quote: and source: fields
    source_line: int | None = None

    def value_text(self) -> str:
        if self.value is None:
            return ""
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (int, float)) and not (self.unit == "year"):
            text = f"{value:,}"
        else:
            text = str(value)
        if self.unit and self.unit not in ("year", "count", "status", "date"):
            if self.unit in ("USD", "US$"):
                return f"US${text}"
            if self.unit == "percent":
                return f"{text}%"
            return f"{text} {self.unit}"
        return text


@dataclass
class Location:
    lat: float
    lon: float


@dataclass(frozen=True)
class StatusEntry:
    """One dated state of a site (agreed, completed, opened, suspended …), anchored to a claim."""

    state: str
    as_of: PartialDate
    claim_id: str
    note: str | None = None
    line: int | None = None


@dataclass
class Brief:
    id: str
    kind: str  # site | actor
    type: str
    name: str
    summary: str
    path: Path
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    media_kind: str | None = None
    location: Location | None = None
    location_note: str | None = None  # why a site has no location
    related: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    status: list[StatusEntry] = field(default_factory=list)  # oldest first
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)  # ('aliases', 2) -> file line

    def line(self, *loc: object) -> int | None:
        return self.lines.get(tuple(loc))

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Dispute:
    id: str
    question: str
    kind: str
    claim_ids: list[str]
    note: str
    path: Path
    entities: list[str] = field(default_factory=list)
    internal: bool = False  # a tension inside one article, not between sources
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)

    def line(self, *loc: object) -> int | None:
        return self.lines.get(tuple(loc))

    @property
    def is_conflict(self) -> bool:
        """A framing comparison sets compatible views side by side: it is shown, never counted
        as a conflict between sources."""
        return self.kind != "framing"
