"""The curator's inbox: a new article's candidate claims, and the one write under briefs/
besides `add` and `init` — appending a candidate as a claim to its entity's brief.

The write is explicit (one key in the app), atomic (a temporary file in the same folder,
fsynced, renamed over the brief under a lock on the folder), validated (`check` runs on
the workspace before and after; a write that adds a problem is rolled back) and undoable
(the bytes before are kept; undo puts them back only if the file is still as the write
left it). It never rewrites what it did not add: the claim is rendered by ruamel.yaml (a
maintained round-trip YAML library, so quoting is right and the result re-reads to the same
data plus the new claim) and inserted as text at the end of the `claims:` list; every
other byte of the file stays as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ruamel.yaml import YAML

from .ledger import KIND_NAMES, FigureRecord, article_figures
from .reldates import dateline_of
from .suggest import COMPARED_KINDS, Suggestion, suggest_conflicts

if TYPE_CHECKING:
    from .briefing import Briefing


class CurateError(ValueError):
    """A write that was refused or rolled back; the message says why."""


@dataclass(frozen=True)
class Candidate:
    """A figure of a new article that could become a claim of its entity's brief."""

    record: FigureRecord
    quote: str  # the sentence, exactly as in the body
    occurrence: int | None  # which occurrence of the quote, when it occurs more than once
    conflicts: tuple[Suggestion, ...] = ()

    @property
    def entity(self) -> str:
        return self.record.entity or ""

    @property
    def measure(self) -> str:
        return KIND_NAMES.get(self.record.kind, self.record.kind)


@dataclass
class Appended:
    """What one append did, for undo."""

    path: Path
    claim_id: str
    before: bytes
    after: bytes
    problems_before: int
    problems_after: int = 0


@dataclass
class Inbox:
    article_id: str
    candidates: list[Candidate] = field(default_factory=list)
    conflicts: list[Suggestion] = field(default_factory=list)


def inbox_for(briefing: "Briefing", article_id: str) -> Inbox:
    """The article's figures that a brief could hold (a known entity, a measure we compare),
    each with the suggested conflicts it takes part in."""
    article = briefing.articles[article_id]
    conflicts = [s for s in suggest_conflicts(briefing, limit=1000) if article_id in {s.left[0], s.right[0]}]
    inbox = Inbox(article_id, conflicts=conflicts)
    dateline = dateline_of(article.body)
    for record in article_figures(briefing, article):
        if record.kind not in COMPARED_KINDS or not record.entity or record.entity not in briefing.briefs:
            continue
        start = record.sentence_start
        if dateline and start < dateline.end:
            start = dateline.end  # the quote is the sentence, not the dateline before it
        quote = article.body[start:record.sentence_end].strip()
        if not quote:
            continue
        count = article.body.count(quote)
        occurrence = None
        if count > 1:
            occurrence = article.body.count(quote, 0, start) + 1
        touching = tuple(s for s in conflicts if record in (s.records or ()))
        inbox.candidates.append(Candidate(record, quote, occurrence, touching))
    return inbox


def _claim_id(briefing: "Briefing", candidate: Candidate) -> str:
    record = candidate.record
    number = record.value
    value = (f"{number / 1e9:g}bn" if number >= 1e9 else f"{number / 1e6:g}m" if number >= 1e6 else f"{number:g}").replace(".", "-")
    base = re.sub(r"[^a-z0-9-]+", "-", f"{record.entity}-{record.kind}-{value}-{record.article_id[:10]}".lower()).strip("-")
    taken = set(briefing.claims) | set(briefing.disputes) | set(briefing.briefs)
    claim_id, number = base, 2
    while claim_id in taken:
        claim_id, number = f"{base}-{number}", number + 1
    return claim_id


def claim_fields(briefing: "Briefing", candidate: Candidate) -> dict:
    record = candidate.record
    fields: dict = {"id": _claim_id(briefing, candidate),
                    "says": f"{KIND_NAMES.get(record.kind, record.kind).capitalize()}: {record.shown()} (from the article; to be reworded)"}
    value = int(record.value) if float(record.value).is_integer() else record.value
    fields["value"] = value
    if record.unit:
        fields["unit"] = record.unit
    if record.about is not None and record.unit != "year":
        fields["as_of"] = record.about.iso()
    fields["source"] = record.article_id
    fields["quote"] = candidate.quote
    if candidate.occurrence:
        fields["occurrence"] = candidate.occurrence
    return fields


def _render_item(fields: dict, indent: int) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=indent + 2, offset=indent)
    out = io.StringIO()
    yaml.dump([fields], out)
    return out.getvalue()


def _insertion(text: str) -> tuple[int, str, int]:
    """Where the new item goes: (offset, prefix to add first, item indent)."""
    match = re.search(r"^claims:[ \t]*(\[\])?[ \t]*(#.*)?$", text, re.M)
    if match is None:
        sep = "" if text.endswith("\n") or not text else "\n"
        return len(text), sep + "claims:\n", 2
    if match.group(1):  # "claims: []": an empty flow list
        raise CurateError("the brief's claims are an empty flow list (claims: []); write `claims:` on its own line first")
    after = match.end()
    # The block ends at the next line that starts at column 0 with a key (or the end).
    following = re.compile(r"^(?=[^\s#-])", re.M).search(text, after + 1)
    end = following.start() if following else len(text)
    block = text[after:end]
    indent_match = re.search(r"^([ \t]*)- ", block, re.M)
    indent = len(indent_match.group(1)) if indent_match else 2
    # Insert after the last non-blank line of the block.
    trimmed = block.rstrip()
    offset = after + len(trimmed)
    return offset, "\n", indent


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _replace_file(path: Path, content: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "xb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as err:
        raise CurateError(f"could not write {path}: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _problem_count(root: Path) -> tuple[int, list[str]]:
    from .briefing import Briefing
    from .checks import duplicate_bodies

    briefing = Briefing.load(root)
    problems = briefing.workspace.problems + duplicate_bodies(briefing.workspace)
    return len(problems), [f"{p.path}:{p.line}: {p.message}" for p in problems]


def append_claim(briefing: "Briefing", candidate: Candidate) -> Appended:
    """Append the candidate as a claim to its entity's brief. Raises CurateError."""
    brief = briefing.briefs.get(candidate.entity)
    if brief is None:
        raise CurateError(f"no brief for entity {candidate.entity!r}")
    path = Path(brief.path)
    root = briefing.root
    with _folder_lock(path.parent):
        before_count, _ = _problem_count(root)
        before = path.read_bytes()
        text = before.decode("utf-8")
        fields = claim_fields(briefing, candidate)
        offset, prefix, indent = _insertion(text)
        item = _render_item(fields, indent).rstrip("\n")
        rest = text[offset:]
        new_text = text[:offset] + prefix + item + (rest if rest.startswith("\n") else "\n" + rest)
        _verify(text, new_text, fields)
        after = new_text.encode("utf-8")
        _replace_file(path, after)
        after_count, problems = _problem_count(root)
        if after_count > before_count:
            _replace_file(path, before)
            raise CurateError("the claim would add a problem, so it was not kept: " + "; ".join(problems[:3]))
    return Appended(path, fields["id"], before, after, before_count, after_count)


def _verify(old: str, new: str, fields: dict) -> None:
    """The new file reads as the old data plus exactly the new claim."""
    yaml = YAML(typ="safe", pure=True)
    old_data = yaml.load(old) or {}
    new_data = yaml.load(new) or {}
    expected = dict(old_data)
    expected["claims"] = list(old_data.get("claims") or []) + [fields]
    if new_data != expected:
        raise CurateError("the brief would not read back as before plus the new claim; nothing was written")


def undo(appended: Appended) -> None:
    """Put the brief back as it was before the append, if nobody has changed it since."""
    with _folder_lock(appended.path.parent):
        current = appended.path.read_bytes()
        if current != appended.after:
            raise CurateError(f"{appended.path.name} changed since the claim was added; undo it by hand")
        _replace_file(appended.path, appended.before)
