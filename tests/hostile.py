"""A hostile workspace: one payload in every string field of every kind of file.

The payload carries what untrusted text must never do: Textual/Rich markup with actions
(`@click=app.screenshot(…)` once overwrote a brief) and links, CSI/OSC/DCS escapes in
7-bit and C1 form, bidi overrides, tag characters, a Hangul filler and NUL. Each field's
copy starts with the field's name, so a failing assertion says which field leaked.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import yaml

from support import make_workspace

ACTION = "[@click=app.screenshot('pwned.svg','briefs/sites')]"
PAYLOAD = (  # the control characters first, so a field cut short for display still holds them
    "\x1b[31m\x9b2J\u202e\U000e0041\x00 "
    f"{ACTION}click[/] [link=https://evil.example]link[/link] [reverse]rev[/reverse] [bold red]loud[/] "
    "\x1b]0;title\x07 \x1b]52;c;ZXZpbA==\x07 \x1bPdcs\x1b\\ \x9d0;c1\x9c evil\u202c \U000e0042 \u3164 \u115f "
    "\u034f\ufe0f nul\x00end"
)
# What must never reach an output: 7-bit ESC and BEL, NUL, C1 controls, bidi overrides,
# tag characters, lone surrogates.
RAW_CONTROL = re.compile("[\x00\x07\x1b\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f\ud800-\udfff]")

MEASURE = "hostile-measure"
ARTICLES = ("2024-01-hostile-one", "2024-02-hostile-two")
WATCH_QUERY = "evil"


def payload(field: str) -> str:
    return f"{field}:{PAYLOAD}"


def _article(article_id: str, published: str) -> str:
    meta = {
        "id": article_id,
        "title": payload("title") + " Zephyr",
        "title_note": payload("title_note"),
        "outlet": payload("outlet"),
        "author": payload("author"),
        "published": published,
        "published_note": payload("published_note"),
        "url": "https://evil.example/" + re.sub(r"\s", "_", PAYLOAD),
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    body = (f"The Zephyr crossing at Dandong reopened. {payload('body')}\n\n"
            f"Quoted: {payload('quote')}\n\nTrade rose to 100 in 2023 and 200 in 2024.\n")
    return f"---\n{front}---\n{body}"


def _site() -> dict:
    return {
        "id": "dandong", "kind": "site", "type": "city", "name": payload("name") + " Dandong",
        "aliases": ["Dandong", payload("alias")], "location": {"lat": 40.13, "lon": 124.39},
        "summary": payload("summary"),
        "claims": [
            {"id": "hostile-one", "says": payload("says"), "value": 100, "unit": payload("unit"), "measure": MEASURE,
             "as_of": 2023, "source": ARTICLES[0], "quote": payload("quote")},
            {"id": "hostile-two", "says": payload("says"), "value": 200, "unit": payload("unit"), "measure": MEASURE,
             "as_of": 2023, "source": ARTICLES[1], "quote": payload("quote")},
            {"id": "hostile-status", "says": payload("says"), "value": payload("value"), "as_of": 2024,
             "source": ARTICLES[1], "quote": payload("body")},
        ],
    }


def _actor() -> dict:
    return {"id": "zephyr-agency", "kind": "actor", "type": "agency", "name": payload("actor name") + " Zephyr",
            "aliases": ["Zephyr"], "summary": payload("actor summary")}


def _dispute() -> dict:
    return {"id": "hostile-dispute", "question": payload("question"), "kind": "contradiction",
            "claims": ["hostile-one", "hostile-two"], "note": payload("note"), "entities": ["dandong"]}


def write_hostile_workspace(root: Path, config_home: Path | None = None) -> Path:
    """The five shipped articles plus hostile articles, briefs, a dispute and watches."""
    make_workspace(root)
    for article_id, published in zip(ARTICLES, ("2024-01-05", "2024-02-06")):
        (root / "corpus" / f"{article_id}.md").write_text(_article(article_id, published), encoding="utf-8")
    for relative, data in (("briefs/sites/dandong.yaml", _site()), ("briefs/actors/zephyr-agency.yaml", _actor()),
                           ("briefs/disputes/hostile-dispute.yaml", _dispute())):
        (root / relative).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000),
                                     encoding="utf-8")
    # Files that do not load, whose problem lines quote what they hold: a repeated key, and a
    # measure that is not an id.
    # A JSON string is a YAML double-quoted scalar; json.dumps spells U+E0041 as a surrogate
    # pair, which YAML reads as two lone surrogates (which cannot even be encoded to UTF-8).
    quoted = json.dumps(payload("key"))
    (root / "briefs/sites/broken-keys.yaml").write_text(
        f"id: broken-keys\nkind: site\ntype: city\nname: Broken\nsummary: x\n{quoted}: 1\n{quoted}: 2\n", encoding="utf-8")
    broken = _site() | {"id": "broken-measure", "claims": [_site()["claims"][0] | {"id": "broken-one", "measure": payload("measure")}]}
    (root / "briefs/sites/broken-measure.yaml").write_text(
        yaml.safe_dump(broken, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    if config_home is not None:  # watches are the user's, kept in the config dir
        folder = config_home / "borderbrief"
        folder.mkdir(parents=True, exist_ok=True)
        watches = [{"name": payload("watch name"), "query": WATCH_QUERY},
                   {"name": "payload query", "query": payload("watch query")}]
        (folder / "watches.json").write_text(json.dumps({"version": 1, "watches": watches}), encoding="utf-8")
    return root


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under corpus/ and briefs/ with the hash of its bytes (and nothing new)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("corpus", "briefs") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def leaks(text: str) -> list[str]:
    """Raw control/bidi characters in an output, with a little context."""
    return [repr(text[max(0, m.start() - 30): m.end() + 10]) for m in RAW_CONTROL.finditer(text)]
