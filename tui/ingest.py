"""Adding articles to the corpus: the one code path that writes under corpus/.

Markdown (with or without front matter), plain text and saved HTML pages become
`corpus/<id>.md`. The id comes from date + outlet + title, made safe for a file name and
unique; the file is written to a temporary name in corpus/ and linked into place, so it
either appears whole or not at all, and never replaces an existing article.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

import yaml

from .dates import PartialDate
from .frontmatter import split_front_matter
from .model import Article, body_fingerprint
from .reldates import dateline_of
from .safefile import UnreadableFile, read_regular_file
from .workspace import Workspace
from .yamlsource import YamlSourceError

MAX_INPUT_BYTES = 64 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class IngestError(ValueError):
    """A file that cannot be added; the message says why and what to do."""


@dataclass
class Overrides:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass
class Draft:
    """An article read from a file, before it has an id."""

    title: str | None
    body: str
    outlet: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    language: str = "en"
    notes: list[str] = field(default_factory=list)
    published_note: str | None = None


@dataclass
class Added:
    article_id: str | None  # None when it was a duplicate
    path: Path | None
    duplicate_of: str | None = None
    source: str = ""


# -- reading -----------------------------------------------------------------------------------

def read_input(source: str, stdin: IO[bytes] | None = None) -> tuple[bytes, str]:
    """The bytes of a file (or '-' for standard input) and a name to report it by."""
    if source == "-":
        data = (stdin or sys.stdin.buffer).read(MAX_INPUT_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        try:
            data = read_regular_file(path, MAX_INPUT_BYTES)
        except FileNotFoundError:
            raise IngestError(f"{source}: no such file") from None
        except IsADirectoryError:
            raise IngestError(f"{source}: is a directory") from None
        except UnreadableFile as err:
            raise IngestError(f"{source}: {err}") from None
        except OSError as err:
            raise IngestError(f"{source}: cannot read ({err.strerror or err})") from None
        name = source
    if len(data) > MAX_INPUT_BYTES:
        raise IngestError(f"{name}: larger than {MAX_INPUT_BYTES // 2**20} MiB")
    return data, name


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise IngestError(f"{name}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
                          "save it as UTF-8 first") from None


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def parse_input(data: bytes, name: str) -> Draft:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return parse_html(data, name)
    text = _decode(data, name)
    if name == "<stdin>" and _looks_like_html(text):
        return parse_html(data, name)
    if text.lstrip("\ufeff").startswith("---"):
        return parse_markdown_with_front_matter(text, name)
    return parse_plain(text, markdown=suffix in (".md", ".markdown"))


def parse_markdown_with_front_matter(text: str, name: str) -> Draft:
    try:
        split = split_front_matter(text)
    except YamlSourceError as err:
        raise IngestError(f"{name}: front matter: {err}") from None
    meta = split.meta.data if split.meta else None
    if not isinstance(meta, dict):
        raise IngestError(f"{name}: front matter is not a mapping of fields")
    draft = Draft(title=_text(meta.get("title")), body=split.body, outlet=_text(meta.get("outlet")),
                  author=_text(meta.get("author")), url=_text(meta.get("url")),
                  language=_text(meta.get("language")) or "en")
    if meta.get("published") is not None:
        try:
            draft.published = PartialDate.parse(meta["published"])
        except ValueError as err:
            raise IngestError(f"{name}: front matter 'published': {err}") from None
    return draft


def parse_plain(text: str, markdown: bool = False) -> Draft:
    """Plain text or Markdown without front matter: a first line that reads as a headline
    (a Markdown '# ' heading, or a short line followed by a blank line) becomes the title."""
    lines = text.lstrip("\ufeff").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = None
    if lines:
        first = lines[0].strip()
        if markdown and first.startswith("#"):
            title = first.lstrip("#").strip()
            lines.pop(0)
        elif len(first) <= 160 and not first.endswith((".", ",", ";")) and (len(lines) == 1 or not lines[1].strip()):
            title = first
            lines.pop(0)
    return Draft(title=title, body="\n".join(lines).strip("\n") + "\n")


def parse_html(data: bytes, name: str) -> Draft:
    """A saved web page: main text and the metadata the page carries, via trafilatura."""
    import trafilatura  # imported here: it is slow to import and only `add` needs it

    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, favor_precision=True,
                                               include_comments=False, include_tables=False)
    except Exception as err:  # a page it cannot parse is one file's problem
        raise IngestError(f"{name}: could not extract the article text ({type(err).__name__})") from None
    if document is None:
        raise IngestError(f"{name}: no article text found in the page")
    info = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (info.get("text") or "").strip()
    if not text:
        raise IngestError(f"{name}: no article text found in the page")
    draft = Draft(title=_text(info.get("title")), body="\n\n".join(p.strip() for p in text.split("\n") if p.strip()) + "\n",
                  outlet=_text(info.get("sitename")), author=_text(info.get("author")),
                  url=_text(info.get("url")), language=_text(info.get("language")) or "en")
    if info.get("date"):
        try:
            draft.published = PartialDate.parse(str(info["date"])[:10])
        except ValueError:
            draft.notes.append(f"page date {info['date']!r} not understood")
    if draft.published is None:
        # A wire story's dateline ("DANDONG, 2026-04-02 —") is its publication date.
        dateline = dateline_of(draft.body)
        if dateline:
            draft.published = dateline.date
            draft.published_note = f"From the dateline: {dateline.place}, {dateline.date.iso()}"
    if draft.url and not re.match(r"^https?://\S+$", draft.url):
        draft.url = None
    return draft


def _text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


# -- naming ------------------------------------------------------------------------------------

def slug(text: str, limit: int = 48) -> str:
    """ASCII lowercase-kebab: only [a-z0-9-], so an id can never be a path."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", folded)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


_TITLE_STOP = {"a", "an", "the", "of", "in", "on", "and", "to", "for", "with", "by", "at", "from", "as", "is"}


def article_id(draft: Draft, taken: set[str]) -> str:
    date = draft.published.iso() if draft.published else "undated"
    outlet = slug(re.sub(r"^the\s+", "", draft.outlet or "", flags=re.I), 24)
    title_words = [w for w in slug(draft.title or "", 200).split("-") if w not in _TITLE_STOP]
    title = slug("-".join(title_words), 40) or "article"
    base = "-".join(p for p in (date, outlet, title) if p)
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


# -- writing -----------------------------------------------------------------------------------

def front_matter(article_id_: str, draft: Draft) -> str:
    meta = {
        "id": article_id_,
        "title": draft.title,
        "outlet": draft.outlet,
        "author": draft.author,
        "published": draft.published.iso() if draft.published else None,
        **({"published_note": draft.published_note} if draft.published_note else {}),
        "url": draft.url,
        "language": draft.language,
    }
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    # safe_dump quotes '2016-08-23' as a string; unquote dates so they read as in hand-written files.
    text = re.sub(r"^published: '(\d{4}(?:-\d{2}){0,2})'$", r"published: \1", text, flags=re.M)
    return f"---\n{text}---\n"


def write_new_file(folder: Path, name: str, content: str) -> Path:
    """Write folder/name whole or not at all, never replacing an existing file."""
    final = folder / name
    if final.parent.resolve() != folder.resolve() or "/" in name or name.startswith("."):
        raise IngestError(f"refusing to write {name!r} outside {folder}")
    temp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        with open(temp, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temp, final)  # fails if `final` exists: an existing article is never replaced
    except FileExistsError:
        raise IngestError(f"{final} already exists") from None
    except OSError as err:
        raise IngestError(f"could not write {final}: {err.strerror or err}") from None
    finally:
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
    return final


@contextlib.contextmanager
def corpus_lock(corpus: Path) -> Iterator[None]:
    """An exclusive flock on the corpus folder itself: nothing is written to take it, and
    the kernel releases it if the holder dies."""
    fd = os.open(corpus, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _load_unseen_articles(workspace: Workspace, corpus: Path) -> None:
    """Articles written to the corpus since the workspace was loaded, added to it."""
    known = workspace.__dict__.get("_listed_files")
    if known is None:  # once per workspace: naming 50,000 files takes a while
        known = workspace.__dict__["_listed_files"] = {a.path.name for a in workspace.articles.values()}
    for path in sorted(corpus.glob("*.md")):
        if path.name in known or path.name.startswith("."):
            continue
        known.add(path.name)
        scratch = Workspace(root=workspace.root)  # its problems are not this run's to report
        article = scratch.parse_article_file(path)
        if article is not None and article.id not in workspace.articles:
            workspace.articles[article.id] = article


def add_article(workspace: Workspace, data: bytes, name: str, overrides: Overrides | None = None) -> Added:
    """Add one article to the workspace's corpus. Raises IngestError."""
    draft = parse_input(data, name)
    overrides = overrides or Overrides()
    for field_name in ("title", "outlet", "author", "url"):
        value = getattr(overrides, field_name)
        if value:
            setattr(draft, field_name, _text(value))
    if overrides.published:
        try:
            draft.published = PartialDate.parse(overrides.published)
        except ValueError as err:
            raise IngestError(f"--published: {err}") from None
    if draft.published is None:
        # A wire story's dateline ("DANDONG, 2026-04-02 —") is its publication date.
        dateline = dateline_of(draft.body)
        if dateline:
            draft.published = dateline.date
            draft.published_note = f"From the dateline: {dateline.place}, {dateline.date.iso()}"
    if draft.url and not re.match(r"^https?://\S+$", draft.url):
        raise IngestError(f"--url must start with http:// or https:// (got {draft.url!r})")
    if not draft.title:
        raise IngestError(f"{name}: no title found; give one with --title")
    if not draft.body.strip():
        raise IngestError(f"{name}: no article text")
    body_hash = body_fingerprint(draft.body)
    corpus = workspace.root / "corpus"
    if not corpus.is_dir():
        raise IngestError(f"{workspace.root} has no corpus/ folder")
    # The duplicate check and the write are one step: another `add` (or the app's add
    # dialog) may be adding the same files right now, from a workspace loaded before.
    with corpus_lock(corpus):
        _load_unseen_articles(workspace, corpus)
        for existing in workspace.articles.values():
            if existing.body_hash == body_hash:
                return Added(None, None, duplicate_of=existing.id, source=name)
        taken = set(workspace.articles) | {p.stem for p in corpus.glob("*.md")}
        new_id = article_id(draft, taken)
        path = write_new_file(corpus, f"{new_id}.md", front_matter(new_id, draft) + draft.body)
        workspace.__dict__["_listed_files"].add(path.name)
    article = Article(id=new_id, title=draft.title, body=draft.body, path=path, outlet=draft.outlet,
                      author=draft.author, published=draft.published, url=draft.url, language=draft.language,
                      published_note=draft.published_note)
    workspace.articles[new_id] = article  # so a second file in the same run sees it
    return Added(new_id, path, source=name)
