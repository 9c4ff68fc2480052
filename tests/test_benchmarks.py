"""The benchmark suite: its corpus generator, and that the runner runs and reports every metric.

No timings are checked here (they belong in benchmarks/README.md, measured beside SQLite FTS5).
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from benchmarks.generate import article, entities, generate
from benchmarks.queries import query_mix
from benchmarks.run import METRICS, README
from support import REPO_ROOT
from tui.briefing import Briefing
from tui.workspace import Workspace


def _texts(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "corpus").glob("*.md"))}


def test_the_generator_is_deterministic_by_seed(tmp_path: Path):
    generate(tmp_path / "a", 25, seed=3)
    generate(tmp_path / "b", 25, seed=3)
    generate(tmp_path / "c", 25, seed=4)
    assert _texts(tmp_path / "a") == _texts(tmp_path / "b")
    assert _texts(tmp_path / "a") != _texts(tmp_path / "c")
    # Article i depends only on (seed, i): a small corpus is the start of a larger one.
    assert article(7, seed=3) == article(7, seed=3)
    assert article(7, seed=3).body != article(8, seed=3).body


def test_generated_articles_load_without_problems(tmp_path: Path):
    made = generate(tmp_path / "ws", 40, seed=5)
    workspace = Workspace.load(tmp_path / "ws")
    assert workspace.problems == []
    synthetic = [workspace.articles[item.id] for item in made]
    assert len(synthetic) == 40 and len(workspace.articles) == 45  # and the five shipped ones
    for item, loaded in zip(made, synthetic):
        assert loaded.title == item.title and loaded.outlet == item.outlet
        assert loaded.published is not None and loaded.published.iso() == item.published
        assert loaded.body.strip() == item.body.strip()
    years = {a.published.year for a in synthetic}
    assert len(years) >= 6 and min(years) >= 2011 and max(years) <= 2025
    assert {a.published.precision for a in synthetic} >= {"day"}
    assert 300 <= sum(len(a.body.split()) for a in synthetic) / len(synthetic) <= 1000  # ~600 words


def test_generated_articles_mention_the_briefs_sites_and_actors(tmp_path: Path):
    made = generate(tmp_path / "ws", 40, seed=5)
    briefing = Briefing.load(tmp_path / "ws")
    mentioned = [briefing.entity_ids(item.id) for item in made]
    assert sum(1 for ids in mentioned if ids) >= 36  # nearly every article names an entity
    kinds = {briefing.matcher.kinds[i] for ids in mentioned for i in ids}
    assert kinds == {"site", "actor"}
    assert len(set().union(*mentioned)) >= 15
    known = {e.id for e in entities()}
    assert all(set(item.entity_ids) <= known for item in made)


def test_word_frequencies_follow_zipf(tmp_path: Path):
    made = generate(tmp_path / "ws", 120, seed=9, shipped=False)
    counts = Counter(w for item in made for w in re.findall(r"[a-z]+", item.body.lower()))
    ranked = [n for _, n in counts.most_common()]
    # Least squares of log(frequency) on log(rank) over the head: a Zipf slope near -1.
    points = [(math.log(r), math.log(n)) for r, n in enumerate(ranked[:300], 1)]
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    assert -1.3 < slope < -0.7, slope
    assert len(counts) > 3000  # a long tail, not a small closed vocabulary
    assert ranked[0] > 20 * ranked[99]


def test_the_query_mix_has_fifty_queries_of_every_kind():
    queries = query_mix()
    assert len(queries) == 50
    texts = " ".join(q.text for q in queries)
    for needle in (" AND ", " OR ", " NOT ", '"', "*", "outlet:", "title:", "site:", "actor:", "entity:",
                   "published:", "kind:", " -"):
        assert needle in texts, needle


def test_the_benchmark_command_runs_on_a_tiny_corpus_and_prints_every_metric(tmp_path: Path):
    before = README.read_text(encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), TMPDIR=str(tmp_path / "tmp"))
    env.pop("BORDERBRIEF_WORKSPACE", None)
    (tmp_path / "tmp").mkdir()
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--sizes", "50", "--repeat", "1", "--rounds", "1"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    for metric in METRICS:
        assert metric.label in done.stdout, metric.label
    assert "SQLite FTS5" in done.stdout and "| 50 |" in done.stdout
    assert README.read_text(encoding="utf-8") == before  # nothing written without --write-readme
    assert not list((tmp_path / "tmp").iterdir())  # the generated workspace was removed
