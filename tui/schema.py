"""The shape of article front matter, briefs and disputes, as pydantic models.

The same models validate files on load (errors carry the field path, which the loader
maps to a line) and generate the JSON Schema shipped in `schema/` for editors.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Annotated, Any, Literal

from typing import get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .dates import PartialDate

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"
SCHEMA_DIR_NAME = "schema"


def _date_text(value: Any) -> Any:
    try:
        return PartialDate.parse(value).iso()
    except ValueError as err:
        raise ValueError(str(err)) from None


MAX_FIGURE = 10**24


def _scalar_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return PartialDate.parse(value).iso()
    if isinstance(value, bool):
        raise ValueError("a value is a number, a date or a short status, not true/false")
    # A figure is something a source printed: .inf, .nan or a 400-digit number cannot be
    # charted, compared or written as JSON, so it is refused here, once, with its line.
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"a value must be a finite number, not {value!r}")
    if isinstance(value, (int, float)) and abs(value) >= MAX_FIGURE:
        digits = len(str(abs(int(value))))
        raise ValueError(f"a number of {digits} digits is not a figure a source gives "
                         f"(the limit is {len(str(MAX_FIGURE)) - 1} digits)")
    return value


DateText = Annotated[
    str,
    BeforeValidator(_date_text),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "YYYY, YYYY-MM or YYYY-MM-DD",
        }
    ),
]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]
NonEmpty = Annotated[str, Field(min_length=1)]
ClaimValue = Annotated[
    int | float | str,
    BeforeValidator(_scalar_value),
    Field(description="A number, a date (YYYY[-MM[-DD]]) or a short status word."),
]

SiteType = Literal[
    "city", "county", "province", "region", "crossing", "bridge", "customs", "port", "zone",
    "market", "river", "station", "rail-line", "area", "mountain", "country",
]
ActorType = Literal[
    "state", "person", "office", "agency", "ministry", "government", "party", "think-tank", "company",
    "outlet", "data-source", "organisation", "military", "university", "group",
]
MediaKind = Literal[
    "wire", "newspaper", "broadcaster", "state-media", "think-tank", "data-source",
    "analysis-firm", "online",
]
DisputeKind = Literal[
    "contradiction", "different-measure", "evolving-status", "attribution-dispute", "framing"
]
# The span of time a figure covers: a month's change and a half-year's change are different
# measures, and a chart or a comparison must not set one beside the other.
Period = Literal["day", "week", "month", "quarter", "half-year", "year", "multi-year"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class ArticleMeta(Strict):
    id: Identifier
    title: NonEmpty
    title_note: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: DateText | None = None
    published_note: str | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"


class Location(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class ClaimFile(Strict):
    id: Identifier
    says: NonEmpty
    value: ClaimValue | None = None
    unit: str | None = None
    measure: Identifier | None = None
    period: Period | None = Field(None, description="The span of time a figure covers (a month, a half-year …).")
    as_of: DateText | None = None
    source: Identifier = Field(description="Article id: corpus/<id>.md")
    quote: NonEmpty = Field(description="Exact words of the article body, byte for byte.")
    occurrence: Annotated[int, Field(ge=1)] | None = None
    note: str | None = Field(None, description="The curator's note: what was inferred (a date, a reading) and why.")


# The stages an analyst follows a crossing, bridge or port through.
StatusState = Literal[
    "agreed", "under-construction", "completed", "road-connected", "customs-built", "not-opened",
    "unused", "opening-planned", "opened", "opened-to-trucks", "in-use", "suspended", "closed",
    "reopening-expected", "reopened", "resumed",
]


class StatusEntryFile(Strict):
    state: StatusState
    as_of: DateText = Field(description="When the site was in this state, as precisely as the source supports.")
    claim: Identifier = Field(description="The claim (so the quote) that says so.")
    note: str | None = None


class BriefFile(Strict):
    id: Identifier
    kind: Literal["site", "actor"]
    type: SiteType | ActorType
    name: NonEmpty
    aliases: list[NonEmpty] = []
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}(/[A-Z]{2})*$")] | None = None
    media_kind: MediaKind | None = None
    location: Location | None = None
    location_note: str | None = Field(None, description="Why a site has no location (or how it was placed).")
    related: list[Identifier] = []
    summary: NonEmpty
    claims: list[ClaimFile] = []
    status: list[StatusEntryFile] = Field([], description="A site's dated states, oldest first, each anchored to a claim.")

    @model_validator(mode="after")
    def _type_fits_kind(self) -> "BriefFile":
        allowed = get_args(SiteType) if self.kind == "site" else get_args(ActorType)
        if self.type not in allowed:
            raise ValueError(f"type '{self.type}' is not a {self.kind} type (one of: {', '.join(allowed)})")
        if self.kind == "actor" and (self.location is not None or self.location_note is not None):
            raise ValueError("location is for sites; an actor has none")
        if self.kind == "actor" and self.status:
            raise ValueError("status is for sites; an actor has none")
        return self


class DisputeFile(Strict):
    id: Identifier
    question: NonEmpty
    kind: DisputeKind
    claims: Annotated[list[Identifier], Field(min_length=2)]
    internal: bool = Field(False, description="A tension inside one article: all its claims come from one source.")
    note: NonEmpty
    entities: list[Identifier] = []


SCHEMA_FILES = {
    "brief.schema.json": (BriefFile, "borderbrief site or actor brief"),
    "dispute.schema.json": (DisputeFile, "borderbrief dispute"),
    "article.schema.json": (ArticleMeta, "borderbrief article front matter"),
}


def json_schemas() -> dict[str, str]:
    """File name -> JSON Schema text, as shipped in schema/."""
    out = {}
    for name, (model, title) in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
        out[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def write_json_schemas(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":  # python -m tui.schema DIR: regenerate the shipped schemas
    import sys

    write_json_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else SCHEMA_DIR_NAME))
