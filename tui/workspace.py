"""Load a workspace (corpus/ and briefs/) into plain objects, collecting every problem.

One bad file never stops the rest: it becomes a Problem(path, line, message) and the
loader moves on. Nothing here writes anywhere.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from pydantic import BaseModel, ValidationError

from .dates import PartialDate
from .frontmatter import split_front_matter
from .model import Article, Brief, Claim, Dispute, Location, StatusEntry
from .problems import Problem
from .safefile import MAX_TEXT_FILE_BYTES, UnreadableFile, read_regular_file
from .schema import ArticleMeta, BriefFile, DisputeFile
from .checks import check_workspace
from .yamlsource import YamlDocument, YamlSourceError, load_yaml

ARTICLE_SUFFIXES = (".md", ".markdown")
PROGRESS_EVERY = 500  # files between two progress reports
YAML_SUFFIXES = (".yaml", ".yml")
BRIEF_FOLDERS = {"sites": "site", "actors": "actor"}
MAX_ARTICLE_BYTES = MAX_TEXT_FILE_BYTES


class ArticleCache(Protocol):
    """Parsed articles kept between loads (tui/loadcache.py's ParseCache is one). Declared
    here so that the loader does not depend on the cache that depends on it."""

    def load_all(self, workspace: "Workspace", corpus: Path) -> bool:
        """Fill workspace.articles (and their problems) from a trusted snapshot; False if none."""
        ...

    def load_article(self, workspace: "Workspace", path: Path) -> Article | None:
        """The article at path, from the cache or parsed (workspace.parse_article_file) and kept."""
        ...


@dataclass
class Workspace:
    root: Path
    articles: dict[str, Article] = field(default_factory=dict)
    briefs: dict[str, Brief] = field(default_factory=dict)
    disputes: dict[str, Dispute] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def claims(self) -> dict[str, Claim]:
        return {claim.id: claim for brief in self.briefs.values() for claim in brief.claims}

    def articles_newest_first(self) -> list[Article]:
        return sorted(
            self.articles.values(),
            key=lambda a: (a.published.sort_key() if a.published else (0, 0, 0), a.id),
            reverse=True,
        )

    @classmethod
    def load(cls, root: Path, *, cache: "ArticleCache | None" = None,
             progress: "Callable[[str, int, int], None] | None" = None) -> "Workspace":
        """Load everything under root; `cache` (tui/loadcache.py) skips re-parsing unchanged
        articles; `progress("reading", done, total)` is told how far the articles are. The
        cross-file checks run last: they need the whole workspace."""

        workspace = cls(root=Path(root).resolve())
        workspace._load_articles(cache, progress)
        workspace._load_briefs()
        workspace._load_disputes()
        workspace.problems.extend(check_workspace(workspace))
        workspace.problems.sort(key=lambda p: (str(p.path), p.line or 0, p.message))
        return workspace

    # -- articles -------------------------------------------------------------------------
    def _load_articles(self, cache: "ArticleCache | None" = None,
                       progress: "Callable[[str, int, int], None] | None" = None) -> None:
        corpus = self.root / "corpus"
        if not corpus.is_dir():
            self.problems.append(Problem(corpus, None, "no corpus/ folder in this workspace"))
            return
        if cache is not None and cache.load_all(self, corpus):
            return  # a snapshot of an earlier complete load, trusted (see tui/loadcache.py)
        paths = sorted(self._list(corpus), key=lambda p: p.name)  # by name: Path comparisons are slow
        for done, path in enumerate(paths):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress("reading", done, len(paths))
            if path.suffix.lower() not in ARTICLE_SUFFIXES or path.name.startswith("."):
                continue
            article = self.parse_article_file(path) if cache is None else cache.load_article(self, path)
            if article is None:
                continue
            if article.id in self.articles:
                first = self.articles[article.id].path.name
                self.problems.append(Problem(path, 2, f"duplicate article id '{article.id}' (also in {first}); this file is skipped"))
                continue
            self.articles[article.id] = article

    def parse_article_file(self, path: Path) -> Article | None:
        """Parse one article file (no cache); its problems go to self.problems, and None
        when it does not load."""
        text = self._read_text(path)
        if text is None:
            return None
        if not text.strip():
            self.problems.append(Problem(path, None, "empty file"))
            return None
        try:
            split = split_front_matter(text)
        except YamlSourceError as err:
            self.problems.append(Problem(path, err.line, f"front matter: {err}"))
            return None
        if split.meta is None:
            self.problems.append(Problem(path, 1, "no front matter: an article starts with '---', its metadata, then '---' (use `borderbrief add` to ingest a plain file)"))
            return None
        meta = self._validate(ArticleMeta, split.meta, path, "front matter")
        if meta is None:
            return None
        if meta.id != path.stem:
            self.problems.append(Problem(path, split.meta.line_of(("id",)), f"id '{meta.id}' differs from the file name '{path.stem}'"))
        if not split.body.strip():
            self.problems.append(Problem(path, split.body_line, "article has no body text"))
        return Article(
            id=meta.id, title=meta.title, body=split.body, path=path, body_line=split.body_line,
            outlet=meta.outlet, author=meta.author,
            published=PartialDate.parse(meta.published) if meta.published else None,
            published_note=meta.published_note, title_note=meta.title_note, url=meta.url,
            language=meta.language,
        )

    # -- briefs ---------------------------------------------------------------------------
    def _load_briefs(self) -> None:
        for folder, kind in BRIEF_FOLDERS.items():
            for path, doc in self._yaml_files(self.root / "briefs" / folder):
                brief_file = self._validate(BriefFile, doc, path, "brief")
                if brief_file is None:
                    continue
                if brief_file.kind != kind:
                    self.problems.append(Problem(path, doc.line_of(("kind",)), f"field 'kind': '{brief_file.kind}' brief in briefs/{folder}/ (expected '{kind}')"))
                if brief_file.id != path.stem:
                    self.problems.append(Problem(path, doc.line_of(("id",)), f"id '{brief_file.id}' differs from the file name '{path.stem}'"))
                if brief_file.id in self.briefs:
                    other = self.briefs[brief_file.id].path
                    self.problems.append(Problem(path, doc.line_of(("id",)), f"duplicate brief id '{brief_file.id}' (also in {other.relative_to(self.root)}); this file is skipped"))
                    continue
                self.briefs[brief_file.id] = self._brief(brief_file, path, doc)

    def _brief(self, data: BriefFile, path: Path, doc: YamlDocument) -> Brief:
        claims = [
            Claim(
                id=c.id, brief_id=data.id, says=c.says, source=c.source, quote=c.quote, path=path,
                line=doc.line_of(("claims", index)), quote_line=doc.line_of(("claims", index, "quote")),
                source_line=doc.line_of(("claims", index, "source")), value=c.value, unit=c.unit, measure=c.measure,
                as_of=PartialDate.parse(c.as_of) if c.as_of else None, occurrence=c.occurrence,
                period=c.period, note=c.note,
            )
            for index, c in enumerate(data.claims)
        ]
        location = Location(data.location.lat, data.location.lon) if data.location else None
        status = [StatusEntry(s.state, PartialDate.parse(s.as_of), s.claim, s.note, doc.line_of(("status", i)))
                  for i, s in enumerate(data.status)]
        return Brief(
            id=data.id, kind=data.kind, type=data.type, name=data.name, summary=data.summary.strip(),
            path=path, aliases=list(data.aliases), country=data.country, media_kind=data.media_kind,
            location=location, location_note=data.location_note, related=list(data.related), claims=claims, status=status,
            lines=_lines(doc, ("id",), ("name",), *(("aliases", i) for i in range(len(data.aliases))),
                         *(("related", i) for i in range(len(data.related))), ("location",), ("type",)),
        )

    def _load_disputes(self) -> None:
        for path, doc in self._yaml_files(self.root / "briefs" / "disputes"):
            data = self._validate(DisputeFile, doc, path, "dispute")
            if data is None:
                continue
            if data.id in self.disputes:
                self.problems.append(Problem(path, doc.line_of(("id",)), f"duplicate dispute id '{data.id}'; this file is skipped"))
                continue
            self.disputes[data.id] = Dispute(
                id=data.id, question=data.question.strip(), kind=data.kind, claim_ids=list(data.claims),
                note=data.note.strip(), path=path, entities=list(data.entities), internal=data.internal,
                lines=_lines(doc, ("id",), *(("claims", i) for i in range(len(data.claims))),
                             *(("entities", i) for i in range(len(data.entities)))),
            )

    # -- helpers --------------------------------------------------------------------------
    def _yaml_files(self, folder: Path):
        if not folder.is_dir():
            return
        for path in sorted(self._list(folder)):
            if path.suffix.lower() not in YAML_SUFFIXES or path.name.startswith("."):
                continue
            text = self._read_text(path)
            if text is None:
                continue
            try:
                doc = load_yaml(text)
            except YamlSourceError as err:
                self.problems.append(Problem(path, err.line, str(err)))
                continue
            if doc.data is None:
                self.problems.append(Problem(path, None, "empty file"))
                continue
            yield path, doc

    def _list(self, folder: Path) -> list[Path]:
        """The entries of a folder; an unreadable folder is a problem, not a crash."""
        try:
            return list(folder.iterdir())
        except OSError as err:
            self.problems.append(Problem(folder, None, f"cannot list this folder: {err.strerror or err}; its files are not loaded"))
            return []

    def _read_text(self, path: Path) -> str | None:
        try:
            data = read_regular_file(path, MAX_ARTICLE_BYTES, within=self.root)
        except UnreadableFile as err:
            self.problems.append(Problem(path, None, str(err)))
            return None
        except OSError as err:
            self.problems.append(Problem(path, None, f"cannot read: {err.strerror or err}"))
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            self.problems.append(Problem(path, line, f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}; save the file as UTF-8"))
            return None

    def _validate(self, model: type[BaseModel], doc: YamlDocument, path: Path, what: str) -> Any:
        if not isinstance(doc.data, dict):
            kind = type(doc.data).__name__
            self.problems.append(Problem(path, doc.line_of(()), f"{what}: expected a mapping of fields, found {kind}"))
            return None
        try:
            return model.model_validate(doc.data)
        except ValidationError as err:
            # A union (e.g. site or actor `type`) fails once per branch: one problem per field.
            found: dict[tuple[str, int | None], list[str]] = {}
            for error in err.errors():
                loc = tuple(error["loc"])
                message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
                if error["type"] == "extra_forbidden":
                    message = "unknown field (check its spelling)"
                messages = found.setdefault((_field_path(loc), doc.line_of(loc)), [])
                if message not in messages:
                    messages.append(message)
            for (field_path, line), messages in found.items():
                self.problems.append(Problem(path, line, f"{what} field '{field_path}': {'; or '.join(messages)}"))
            return None


def _lines(doc: YamlDocument, *locs: tuple) -> dict[tuple, int]:
    return {loc: line for loc in locs if (line := doc.line_of(loc)) is not None}


_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("int", "float", "str") or not _FIELD_NAME.match(part):
            continue  # pydantic's union branch names ("literal['city',…]") are noise to a curator
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


# -- finding the workspace ----------------------------------------------------------------

def sample_workspace() -> Path:
    """The sample workspace: inside the installed package, or the source checkout's root."""
    package = Path(__file__).resolve().parent
    bundled = package / "sample"
    if (bundled / "corpus").is_dir():
        return bundled
    return package.parent


def is_workspace(path: Path) -> bool:
    return (path / "corpus").is_dir() and (path / "briefs").is_dir()


def resolve_workspace(option: str | os.PathLike[str] | None) -> tuple[Path, str]:
    """Which workspace to use, and why: --workspace, $BORDERBRIEF_WORKSPACE, cwd, sample."""
    if option:
        return Path(option).expanduser().resolve(), "--workspace"
    env = os.environ.get("BORDERBRIEF_WORKSPACE")
    if env:
        return Path(env).expanduser().resolve(), "$BORDERBRIEF_WORKSPACE"
    cwd = Path.cwd()
    if is_workspace(cwd):
        return cwd.resolve(), "current directory"
    return sample_workspace(), "bundled sample"
