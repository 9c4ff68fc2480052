"""How the per-article analyses scale with one article's size: the unbriefed-name list and
the figure ledger on a single article of 0.5, 1 and 2 MB (issue: `add` and
`entities --unbriefed` were quadratic in article size).

    python -m benchmarks.large_article [--sizes 0.5,1,2]

The article is the shipped articles' bodies repeated to the size (real sentences, real
names and figures), in a copy of the shipped briefs. Prints one JSON line per size: seconds
to load and match, to list unbriefed names, to read the figures, and the time per MB of
each (flat per-MB times mean linear).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path


def _workspace(root: Path, megabytes: float) -> Path:
    from tui.workspace import sample_workspace

    shipped = sample_workspace()
    shutil.copytree(shipped / "briefs", root / "briefs")
    (root / "corpus").mkdir()
    bodies = []
    for path in sorted((shipped / "corpus").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        bodies.append(text.split("\n---\n", 1)[1])
    block = "\n\n".join(bodies)
    target = int(megabytes * 1024 * 1024)
    body = (block * (target // len(block.encode("utf-8")) + 1))[:target]
    (root / "corpus" / "large.md").write_text(
        "---\nid: large\ntitle: One large article\npublished: 2026-03-12\n---\n" + body + "\n", encoding="utf-8")
    return root


def measure(megabytes: float) -> dict:
    from tui.briefing import Briefing
    from tui.ledger import article_figures
    from tui.unbriefed import unbriefed_names

    with tempfile.TemporaryDirectory() as folder:
        root = _workspace(Path(folder), megabytes)
        start = time.perf_counter()
        briefing = Briefing.load(root)
        loaded = time.perf_counter()
        names = unbriefed_names(briefing)
        listed = time.perf_counter()
        figures = article_figures(briefing, briefing.articles["large"])
        read = time.perf_counter()
    out = {"megabytes": megabytes, "load_and_match_s": round(loaded - start, 3),
           "unbriefed_s": round(listed - loaded, 3), "figures_s": round(read - listed, 3),
           "names": len(names), "figures": len(figures)}
    for key in ("load_and_match_s", "unbriefed_s", "figures_s"):
        out[key.replace("_s", "_s_per_mb")] = round(out[key] / megabytes, 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.5,1,2", help="article sizes in MB, comma-separated")
    args = parser.parse_args()
    for size in (float(s) for s in args.sizes.split(",")):
        print(json.dumps(measure(size)), flush=True)


if __name__ == "__main__":
    main()
