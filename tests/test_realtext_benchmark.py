"""The measuring scripts run and count what they say they count, on a small folder of texts
written for this test in the styles of the real ones (the real folder is never committed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.realtext import measure
from support import REPO_ROOT, write_file

MARKS = """\
articles:
  2030-01-01-courier-rajin:
    figures: [["five million tonnes", 5e6, tonne, capacity], ["1937", 1937, year, year-built]]
    names: [["Najin port", rajin-port], ["Khassan", khasan-station], ["Zzyzx Bridge", sino-korean-friendship-bridge]]
  2030-02-01-gazette-rajin:
    figures: [["4 m tonnes", 4e6, tonne, capacity]]
    names: [["Rajin port", rajin-port]]
conflicts:
  - {entity: rajin-port, measures: capacity, a: [2030-01-01-courier-rajin, 5e6], b: [2030-02-01-gazette-rajin, 4e6]}
  - {entity: sino-korean-friendship-bridge, measures: year-built, a: [2030-01-01-courier-rajin, 1937],
     b: ["claim:no-such-claim", 1943]}
"""


def test_the_real_text_measure_counts_marks(tmp_path: Path):
    folder = tmp_path / "realtext"
    write_file(folder, "marks.yaml", MARKS)
    write_file(folder, "corpus/2030-01-01-courier-rajin.md",
               "---\nid: 2030-01-01-courier-rajin\ntitle: Port\noutlet: Courier\npublished: 2030-01-01\nlanguage: en\n---\n"
               "The terminal at Najin port can handle five million tonnes a year, with coal from Khassan. "
               "The Zzyzx Bridge was built in 1937.\n")
    write_file(folder, "corpus/2030-02-01-gazette-rajin.md",
               "---\nid: 2030-02-01-gazette-rajin\ntitle: Port\noutlet: Gazette\npublished: 2030-02-01\nlanguage: ru\n---\n"
               "Rajin port has a capacity of 4 m tonnes a year.\n")
    report = measure(folder, verbose=True)
    assert report["articles"] == 2 and report["outlets"] == 2 and report["languages"] == ["en", "ru"]
    assert report["ledger_recall_value_unit"] == 1.0
    assert report["suggester_recall"] == 0.5, report["misses"]["conflicts"]  # the claim does not exist
    assert report["suggester_precision"] == 1.0, report["misses"]["noise"]
    # Zzyzx Bridge is no briefed name: 3 of 4 marked names are found as written.
    assert report["names_matched"] == 0.75, report["misses"]["names"]


def test_the_large_article_benchmark_reports_per_mb_times():
    result = subprocess.run([sys.executable, "-m", "benchmarks.large_article", "--sizes", "0.05"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=300, env={**__import__("os").environ,
                                                                               "PYTHONPATH": str(REPO_ROOT)})
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["megabytes"] == 0.05 and data["figures"] > 0
    assert {"load_and_match_s_per_mb", "unbriefed_s_per_mb", "figures_s_per_mb"} <= set(data)
