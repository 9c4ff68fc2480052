"""The lazy types the parse cache hands out, and how they are packed for marshal.

A CachedArticle reads its body from the file only when it is used; CompactMentions keeps an
article's mentions packed until they are asked for. The app's first screen needs titles,
dates and counts, not 50 MB of bodies or a million Mention objects.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from ..dates import PartialDate
from ..entities import Mention
from ..model import Article
from ..safefile import MAX_TEXT_FILE_BYTES, read_regular_file
from ..workspace import PROGRESS_EVERY


class CachedArticle(Article):
    """An Article from the cache: everything but the body is in memory; the body is read
    from the file the first time it is used (the reader, a sync that must write it). The
    app's first screen needs titles, dates and counts, not 50 MB of bodies."""

    @property  # type: ignore[override]
    def body(self) -> str:
        body = self.__dict__.get("_body")
        if body is None:
            body = self.__dict__["_body"] = _read_body(self.path, self.body_line)
        return body

    @body.setter
    def body(self, value: str) -> None:
        self.__dict__["_body"] = value

    @property  # type: ignore[override]
    def path(self) -> Path:
        path = self.__dict__.get("_path")
        if path is None:  # made on first use: 50,000 Path objects take a quarter of a second
            path = self.__dict__["_path"] = self.__dict__["_corpus"] / self.__dict__["_name"]
        return path

    @path.setter
    def path(self, value: Path) -> None:
        self.__dict__["_path"] = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(Article))

    __hash__ = None  # type: ignore[assignment]


def read_article_bytes(path: Path) -> bytes:
    # Never a plain read_bytes(): the file may have become a FIFO or a device since it was listed.
    return read_regular_file(path, MAX_TEXT_FILE_BYTES)


def _read_body(path: Path, body_line: int) -> str:
    """The body as the loader split it: everything from line `body_line` on."""
    try:
        text = read_article_bytes(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    if text.startswith("\ufeff"):
        text = text[1:]
    parts = text.split("\n", body_line - 1)
    return parts[-1] if len(parts) == body_line else ""


def pack_article(article: Article) -> tuple[dict, dict]:
    """(plain fields, dates as text): marshal takes only plain values."""
    plain, dates = {}, {}
    for item in dataclasses.fields(article):
        if item.name in ("path", "body"):
            continue
        value = getattr(article, item.name)
        if isinstance(value, PartialDate):
            dates[item.name] = value.iso()
        elif isinstance(value, (str, int, float, bool, type(None))):
            plain[item.name] = value
        else:
            raise ValueError(f"cannot cache field {item.name!r} of type {type(value).__name__}")
    return plain, dates


@lru_cache(maxsize=16384)
def _date(text: str) -> PartialDate:
    return PartialDate.parse(text)  # frozen: one object per date is shared by its articles


def unpack_article(packed: tuple[dict, dict], corpus: Path, name: str, path: Path | None = None) -> Article:
    plain, dates = packed
    article = CachedArticle.__new__(CachedArticle)
    values = article.__dict__
    values.update(plain)
    for field_name, text in dates.items():
        values[field_name] = _date(text)
    values["_corpus"], values["_name"] = corpus, name
    if path is not None:
        values["_path"] = path
    return article


def pack_spans(mentions: list[Mention]) -> tuple:
    """Mentions, compactly: (entity ids, how many times each, the (start, end, number of the
    id) triples as the bytes of an unsigned int array). marshal copies bytes in one go."""
    ids: dict[str, int] = {}
    counts: list[int] = []
    flat = array("I")
    for mention in mentions:
        number = ids.get(mention.entity_id)
        if number is None:
            number = ids[mention.entity_id] = len(counts)
            counts.append(0)
        counts[number] += 1
        flat.extend((mention.start, mention.end, number))
    return tuple(ids), tuple(counts), flat.tobytes()


_NO_SPANS: tuple = ((), (), b"")


class CompactMentions(Mapping):
    """Article id -> mentions, kept packed (see pack_spans) and turned into Mention objects
    only for the articles asked for: the app's first screen needs the counts, not a million
    Mention objects. `packed(article_id)` gives an article's packed mentions (and may read
    them from the cache only then)."""

    def __init__(self, keys: Callable[[], Collection[str]], packed: Callable[[str], tuple],
                 texts: Callable[[str], str | None]):
        self._keys = keys
        self._packed = packed
        self._made: dict[str, list[Mention]] = {}
        self._texts = texts

    def __getitem__(self, article_id: str) -> list[Mention]:
        made = self._made.get(article_id)
        if made is None:
            ids, _, blob = self._packed(article_id)
            flat = array("I")
            flat.frombytes(blob)
            text = self._texts(article_id) or ""
            made = [Mention(flat[i], flat[i + 1], ids[flat[i + 2]], text[flat[i]:flat[i + 1]])
                    for i in range(0, len(flat), 3)]
            self._made[article_id] = made
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())  # a dict's keys view: no walk over the articles

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._keys()

    def entity_ids(self, article_id: str) -> set[str]:
        try:
            return set(self._packed(article_id)[0])
        except KeyError:
            return set()

    def counts(self, progress=None) -> Counter[str]:
        """Mentions per entity over every article; `progress("names", done, total)` is told
        how far it is (articles whose mentions are not cached yet are matched now)."""
        counts: Counter[str] = Counter()
        keys = list(self._keys())
        for done, article_id in enumerate(keys):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress("names", done, len(keys))
            ids, numbers, _ = self._packed(article_id)
            for entity_id, number in zip(ids, numbers):
                counts[entity_id] += number
        return counts
