"""How well the analysis layer reads real articles, against hand marks.

    python -m benchmarks.realtext [--folder realtext] [--verbose]

The folder (git-ignored: the articles are other people's words and are never committed)
holds `corpus/*.md`, real public articles about this border with front matter, and
`marks.yaml`, what a reader marked in them by hand:

    articles:
      <article id>:
        figures: [[text as written, value, unit, measures], …]
        names:   [[spelling in the text, briefed entity id], …]
    conflicts:
      - {entity: ID, measures: KIND, a: [article id | "claim:<id>", value], b: […]}

(conflict values in the ledger's units: lengths in metres.)

The articles are read beside the shipped corpus and briefs (so a new article can contradict
a brief's claim). Printed, as JSON: the ledger's recall of marked figures (value and unit;
and value, unit and what it measures), the suggester's precision and recall against the
marked conflicts, and the share of marked names matched under the spelling the text uses
(as a mention, or also as "probably <entity>").
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
_TO_METRES = {"km": 1000.0, "ft": 0.3048}


def _close(a: float, b: float) -> bool:
    a, b = float(a), float(b)  # YAML reads 2.22e9 as a string
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _normalise(value: float, unit: str) -> tuple[float, str]:
    if unit in _TO_METRES:
        return value * _TO_METRES[unit], "m"
    return float(value), unit


def _workspace(folder: Path, into: Path) -> Path:
    shutil.copytree(REPO / "briefs", into / "briefs")
    shutil.copytree(REPO / "corpus", into / "corpus")
    for path in sorted((folder / "corpus").glob("*.md")):
        shutil.copy(path, into / "corpus" / path.name)
    return into


def measure(folder: Path, verbose: bool = False) -> dict:
    from tui.briefing import Briefing
    from tui.ledger import build_ledger
    from tui.suggest import suggest_conflicts
    from tui.textfold import fold_key
    from tui.unbriefed import unbriefed_names

    marks = yaml.safe_load((folder / "marks.yaml").read_text(encoding="utf-8"))
    misses: dict[str, list] = {"figures": [], "measures": [], "names": [], "conflicts": [], "noise": []}
    with tempfile.TemporaryDirectory() as tmp:
        briefing = Briefing.load(_workspace(folder, Path(tmp)))
        ledger = build_ledger(briefing)
        by_article: dict[str, list] = {}
        for record in ledger:
            by_article.setdefault(record.source if record.claim_id else record.article_id, []).append(record)

        figures = found_value = found_kind = 0
        names = named = probable = 0
        probably = {(a, n.name): n.probably for n in unbriefed_names(briefing) for a in n.articles}
        for article_id, marked in marks["articles"].items():
            records = by_article.get(article_id, [])
            for text, value, unit, kind in marked.get("figures") or []:
                figures += 1
                value, unit = _normalise(float(value), unit)
                hits = [r for r in records if _close(r.value, value) and r.unit == unit]
                if hits:
                    found_value += 1
                    if any(r.kind == kind for r in hits) or kind in ("count", "share"):
                        found_kind += 1
                    else:
                        misses["measures"].append([article_id, text, kind, sorted({r.kind for r in hits})])
                else:
                    misses["figures"].append([article_id, text, value, unit])
            mentions = briefing.mentions.get(article_id, [])
            for text, entity in marked.get("names") or []:
                names += 1
                # Found where the text names it: the mention is the marked words, or inside them
                # ("Friendship Bridge" in "Sino-Korea Friendship Bridge"), or holds them ("Quanhe Port").
                if any(m.entity_id == entity and (fold_key(m.text) in fold_key(text) or fold_key(text) in fold_key(m.text))
                       for m in mentions):
                    named += 1
                elif probably.get((article_id, text)) == entity:
                    probable += 1
                else:
                    misses["names"].append([article_id, text, entity])

        suggestions = suggest_conflicts(briefing, limit=10_000, ledger=ledger)
        conflicts = marks.get("conflicts") or []
        matched_conflicts: set[int] = set()
        correct = 0
        for suggestion in suggestions:
            # A suggestion stands for every source giving one of its two values ("also").
            sides = {(r.source, r.value) for r in (*suggestion.records, *suggestion.also)}
            hits = [index for index, conflict in enumerate(conflicts)
                    if all(any(source == s and _close(v, value) for source, value in sides)
                           for s, v in (conflict["a"], conflict["b"]))]
            if not hits:
                misses["noise"].append(suggestion.reason)
            else:
                correct += 1
                matched_conflicts.update(hits)
        for index, conflict in enumerate(conflicts):
            if index not in matched_conflicts:
                misses["conflicts"].append(conflict)
    report = {
        "articles": len(marks["articles"]),
        "outlets": len({briefing.articles[a].outlet for a in marks["articles"] if a in briefing.articles}),
        "languages": sorted({briefing.articles[a].language for a in marks["articles"] if a in briefing.articles}),
        "ledger_recall_value_unit": round(found_value / figures, 3) if figures else None,
        "ledger_recall_value_unit_measure": round(found_kind / figures, 3) if figures else None,
        "figures_marked": figures,
        "suggestions": len(suggestions),
        "suggester_precision": round(correct / len(suggestions), 3) if suggestions else None,
        "suggester_recall": round(len(matched_conflicts) / len(conflicts), 3) if conflicts else None,
        "conflicts_marked": len(conflicts),
        "names_marked": names,
        "names_matched": round(named / names, 3) if names else None,
        "names_matched_or_probably": round((named + probable) / names, 3) if names else None,
    }
    if verbose:
        report["misses"] = misses
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=REPO / "realtext")
    parser.add_argument("--verbose", action="store_true", help="also list what was missed and the noise")
    args = parser.parse_args()
    print(json.dumps(measure(args.folder, args.verbose), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
