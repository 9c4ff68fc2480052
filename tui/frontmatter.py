"""Split an article file into YAML front matter and body."""

from __future__ import annotations

from dataclasses import dataclass

from .yamlsource import YamlDocument, YamlSourceError, load_yaml


@dataclass
class SplitArticle:
    meta: YamlDocument | None  # None when the file has no front matter
    body: str
    body_line: int  # 1-based line where the body starts


def split_front_matter(text: str) -> SplitArticle:
    """`---` on the first line opens front matter; the next `---` line closes it."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return SplitArticle(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            meta_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return SplitArticle(load_yaml(meta_text, first_line=2), body, index + 2)
    raise YamlSourceError("front matter opened with '---' on line 1 is never closed", 1)
