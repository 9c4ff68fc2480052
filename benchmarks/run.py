"""How borderbrief scales, beside SQLite FTS5 measured in the same run.

    python -m benchmarks.run --sizes 1000,10000,50000 [--seed 7] [--rounds 3] [--repeat 3]
                             [--write-readme] [--keep DIR]

For each size: generate a workspace in a temp dir (the shipped briefs and their five
articles plus N synthetic articles), then measure, each phase in its own process:
full index build, sync after changing 1 and 100 articles, query latency p50/p95 over a
fixed mix of 50 queries (top 10 per kind, with and without highlighted fragments), a cold
`borderbrief search` process, the time until the app shows its first results, workspace
load with and without the parse cache, and peak memory per phase. The same operations run
on SQLite FTS5 over the same documents; each pair is printed with its ratio.

Nothing is written into the repository unless --write-readme is given (then the results
section of benchmarks/README.md is replaced). The index, the FTS5 database and the cache
(XDG_CACHE_HOME) live in the temp dir too and are deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .generate import change_article

REPO = Path(__file__).resolve().parents[1]
README = REPO / "benchmarks" / "README.md"
START_MARK, END_MARK = "<!-- results:start -->", "<!-- results:end -->"


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str  # "s", "ms" or "MB"
    fts: bool = True  # does FTS5 have a counterpart?


METRICS = [
    Metric("build", "full index build", "s"),
    Metric("docs_per_s", "build rate (documents/s)", "/s"),
    Metric("sync1", "sync after changing 1 article", "s"),
    Metric("sync1_index", "  index update alone (1 article)", "s"),
    Metric("sync100", "sync after changing 100 articles", "s"),
    Metric("sync100_index", "  index update alone (100 articles)", "s"),
    Metric("query_p50", "query p50, top 10 with highlights", "ms"),
    Metric("query_p95", "query p95, top 10 with highlights", "ms"),
    Metric("query_plain_p50", "query p50 without highlights", "ms"),
    Metric("query_plain_p95", "query p95 without highlights", "ms"),
    Metric("query_first_p50", "query p50, first run after opening", "ms"),
    Metric("query_first_p95", "query p95, first run after opening", "ms"),
    Metric("cold_search", "cold `search` process (median)", "s"),
    Metric("app_interactive", "app interactive (first results shown)", "s", fts=False),
    Metric("app_search", "app: keystroke to results painted", "ms", fts=False),
    Metric("wildcard_all", "query `*` (every document)", "ms", fts=False),
    Metric("wildcard_infix", "query `*a*` (refused past 1,000 words)", "ms", fts=False),
    Metric("load_cold", "workspace load, no cache", "s", fts=False),
    Metric("load_warm", "workspace load, cached", "s", fts=False),
    Metric("rss_build", "peak memory: build", "MB"),
    Metric("rss_sync", "peak memory: sync", "MB"),
    Metric("rss_query", "peak memory: queries", "MB"),
    Metric("rss_cold_search", "peak memory: cold search", "MB"),
    Metric("rss_app", "peak memory: app", "MB", fts=False),
    Metric("rss_peak", "peak memory (max of phases)", "MB"),
]

COLD_QUERIES = [("trade", "{title body} : (trade)", "", ()),
                ('"New Yalu River Bridge"', '{title body} : ("New Yalu River Bridge")', "", ()),
                ("site:sinuiju", "site : sinuiju", "", ()),
                ("rail*", "{title body} : (rail*)", "", ()),
                ("customs published:[2020 TO 2025]", "{title body} : (customs)", "published BETWEEN ? AND ?",
                 ("2020-01-01", "2025-12-31"))]

# Targets of the issue, by size: metric -> limit, in the metric's unit. Ratios to FTS5 are
# checked separately (RATIO_TARGETS).
TARGETS = {
    10000: {"query_p95": 30.0, "query_first_p95": 50.0, "sync1": 0.3, "sync1_index": 0.3, "cold_search": 0.4,
            "app_interactive": 1.0, "app_search": 150.0, "load_cold": 4.0, "rss_peak": 400.0},
    50000: {"query_p95": 80.0, "app_interactive": 1.5},
    100000: {"query_p95": 60.0, "app_interactive": 1.5, "app_search": 250.0, "sync1": 0.5, "rss_peak": 1024.0},
}
# metric -> the most borderbrief may take against FTS5 in the same run, at every size.
RATIO_TARGETS = {"query_p95": 8.0, "build": 8.0}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Runner:
    def __init__(self, base: Path, size: int, seed: int, rounds: int, repeat: int):
        self.base = base
        self.size = size
        self.seed = seed
        self.rounds = rounds
        self.repeat = repeat
        self.workspace = base / "ws"
        self.index_dir = base / "index"
        self.db = base / "fts5.sqlite"
        self.env = dict(os.environ, XDG_CACHE_HOME=str(base / "xdg-cache"), XDG_CONFIG_HOME=str(base / "xdg-config"))
        self.env.pop("BORDERBRIEF_WORKSPACE", None)
        self.env.setdefault("PYTHONHASHSEED", "0")
        self.bb: dict[str, float] = {}
        self.fts: dict[str, float] = {}
        self.info: dict[str, object] = {}

    # -- processes ------------------------------------------------------------------------
    def phase(self, name: str, *extra: str) -> dict:
        argv = [sys.executable, "-m", "benchmarks.phases", name, "--workspace", str(self.workspace),
                "--index-dir", str(self.index_dir), "--db", str(self.db), "--seed", str(self.seed),
                "--rounds", str(self.rounds), *extra]
        done = subprocess.run(argv, env=self.env, cwd=REPO,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"phase {name} failed ({done.returncode}):\n{done.stderr[-4000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def timed_process(self, argv: list[str]) -> tuple[float, float, int]:
        """Wall time, peak memory (MB) and exit code of a fresh process."""
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=self.env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        return elapsed, usage.ru_maxrss / 1024, process.returncode

    # -- the measurements --------------------------------------------------------------------
    def run(self) -> None:
        t = time.perf_counter()
        # In a child process: this one stays small, as the processes it starts inherit its
        # peak memory in their ru_maxrss (the cold-search figures are read from it).
        subprocess.run([sys.executable, "-m", "benchmarks.generate", str(self.workspace), "--count", str(self.size),
                        "--seed", str(self.seed)], env=self.env, cwd=REPO, check=True, capture_output=True)
        self.info["generate_s"] = time.perf_counter() - t
        self.info["articles"] = len(list((self.workspace / "corpus").glob("*.md")))
        log(f"[{self.size}] generated {self.info['articles']} articles in {self.info['generate_s']:.1f} s")

        cold = self.phase("bb-load")
        self.bb["load_cold"] = cold["load"]
        self.info["problems"] = cold["problems"]
        warm = self.phase("bb-load")
        self.bb["load_warm"] = warm["load"]
        log(f"[{self.size}] workspace load: {cold['load']:.2f} s cold, {warm['load']:.2f} s cached")

        bb = self.phase("bb-build")
        self.bb.update(build=bb["build"], docs_per_s=bb["docs_per_s"], rss_build=bb["rss_mb"])
        self.info["documents"] = bb["documents"]
        log(f"[{self.size}] borderbrief build {bb['build']:.2f} s ({bb['documents']} documents)")
        fts = self.phase("fts-build")
        self.fts.update(build=fts["build"], docs_per_s=fts["docs_per_s"], rss_build=fts["rss_mb"])
        log(f"[{self.size}] FTS5 build {fts['build']:.2f} s")

        bbq = self.phase("bb-query")
        ftsq = self.phase("fts-query")
        for key in ("query_p50", "query_p95", "query_plain_p50", "query_plain_p95", "query_first_p50",
                    "query_first_p95"):
            self.bb[key], self.fts[key] = bbq[key] * 1000, ftsq[key] * 1000
        self.bb["wildcard_all"], self.bb["wildcard_infix"] = bbq["wildcard_all"] * 1000, bbq["wildcard_infix"] * 1000
        self.bb["rss_query"], self.fts["rss_query"] = bbq["rss_mb"], ftsq["rss_mb"]
        self.info["queries_with_hits"] = sum(1 for v in bbq["totals"].values() if v)
        self.info["fts_queries_with_hits"] = sum(1 for v in ftsq["totals"].values() if v)
        log(f"[{self.size}] queries: borderbrief p95 {self.bb['query_p95']:.1f} ms, "
            f"FTS5 p95 {self.fts['query_p95']:.1f} ms")

        self.cold_search()
        self.app()
        for count in (1, 100):
            self.sync_after_changing(count)
        self.bb["rss_peak"] = max(v for k, v in self.bb.items() if k.startswith("rss_") and k != "rss_peak")
        self.fts["rss_peak"] = max(v for k, v in self.fts.items() if k.startswith("rss_") and k != "rss_peak")

    def cold_search(self) -> None:
        bb_times, bb_rss, fts_times, fts_rss = [], [], [], []
        for text, match, where, params in COLD_QUERIES[: max(1, self.repeat + 2)]:
            elapsed, rss, code = self.timed_process(
                [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())",
                 "--workspace", str(self.workspace), "--index-dir", str(self.index_dir),
                 "search", text, "--limit", "10"])
            if code not in (0, 1):
                raise RuntimeError(f"borderbrief search {text!r} exited {code}")
            bb_times.append(elapsed)
            bb_rss.append(rss)
            argv = [sys.executable, "-m", "benchmarks.fts5", "search", str(self.db), match, "--where", where]
            for param in params:
                argv += ["--param", param]
            elapsed, rss, code = self.timed_process(argv)
            if code not in (0, 1):
                raise RuntimeError(f"fts5 search {match!r} exited {code}")
            fts_times.append(elapsed)
            fts_rss.append(rss)
        self.bb["cold_search"], self.fts["cold_search"] = statistics.median(bb_times), statistics.median(fts_times)
        self.bb["rss_cold_search"], self.fts["rss_cold_search"] = max(bb_rss), max(fts_rss)
        log(f"[{self.size}] cold search: borderbrief {self.bb['cold_search']:.2f} s, "
            f"FTS5 {self.fts['cold_search']:.2f} s")

    def app(self) -> None:
        runs = [self.phase("bb-app") for _ in range(max(1, self.repeat))]
        self.bb["app_interactive"] = statistics.median(r["interactive"] for r in runs)
        self.bb["app_search"] = statistics.median(r["app_search"] for r in runs) * 1000
        self.bb["rss_app"] = max(r["rss_mb"] for r in runs)
        log(f"[{self.size}] app interactive {self.bb['app_interactive']:.2f} s")

    def sync_after_changing(self, count: int) -> None:
        corpus = sorted(p for p in (self.workspace / "corpus").glob("*.md"))
        step = max(1, len(corpus) // count)
        chosen = corpus[::step][:count]
        for serial, path in enumerate(chosen):
            change_article(path, serial + count * 1000)
        count_changed = len(chosen)
        bb = self.phase("bb-sync")
        fts = self.phase("fts-sync")
        if bb["written"] < count_changed or fts["written"] < count_changed:
            raise RuntimeError(f"sync after changing {count}: wrote {bb['written']} / {fts['written']} documents")
        self.bb[f"sync{count}"], self.bb[f"sync{count}_index"] = bb["sync"], bb["sync_index"]
        self.fts[f"sync{count}"], self.fts[f"sync{count}_index"] = fts["sync"], fts["sync_index"]
        self.bb["rss_sync"] = max(self.bb.get("rss_sync", 0), bb["rss_mb"])
        self.fts["rss_sync"] = max(self.fts.get("rss_sync", 0), fts["rss_mb"])
        log(f"[{self.size}] sync after changing {count}: borderbrief {bb['sync']:.2f} s, FTS5 {fts['sync']:.2f} s")


# -- reporting ------------------------------------------------------------------------------

def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "/s":
        return f"{value:,.0f}"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def _ratio(metric: Metric, bb: float | None, fts: float | None) -> str:
    if not metric.fts or bb is None or fts is None or fts == 0:
        return "–"
    if metric.unit == "/s":
        return f"{fts / bb:.1f}x" if bb else "–"
    return f"{bb / fts:.1f}x"


def table(runners: list[Runner]) -> str:
    lines = ["| size | metric | borderbrief | SQLite FTS5 | ratio |", "|---:|---|---:|---:|---:|"]
    for runner in runners:
        label = f"{runner.size:,}"
        for metric in METRICS:
            bb = runner.bb.get(metric.key)
            fts = runner.fts.get(metric.key) if metric.fts else None
            lines.append(f"| {label} | {metric.label} | {_fmt(bb, metric.unit)} | {_fmt(fts, metric.unit)} | "
                         f"{_ratio(metric, bb, fts)} |")
            label = ""
    return "\n".join(lines)


def targets(runners: list[Runner]) -> str:
    names = {m.key: m.label.strip() for m in METRICS}
    lines = []
    for runner in runners:
        for key, limit in TARGETS.get(runner.size, {}).items():
            value = runner.bb.get(key)
            unit = next(m.unit for m in METRICS if m.key == key)
            ok = value is not None and value <= limit
            lines.append(f"- {runner.size:,}: {names[key]} {_fmt(value, unit)} (target ≤ {_fmt(limit, unit)}): "
                         f"{'met' if ok else 'NOT met'}")
        for key, most in RATIO_TARGETS.items():
            ratio = runner.bb[key] / runner.fts[key]
            ok = ratio <= most
            lines.append(f"- {runner.size:,}: {names[key]} vs FTS5 {ratio:.1f}x (target ≤ {most:.0f}x): "
                         f"{'met' if ok else 'NOT met'}")
    return "\n".join(lines)


def machine() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    memory = "?"
    with open("/proc/meminfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import packages_distributions

    whoosh = (packages_distributions().get("whoosh") or ["whoosh"])[0]  # whichever distribution provides it
    return (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPUs ({cpu}), {memory} RAM; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
            f"{whoosh} {version(whoosh)}, textual {version('textual')}, rich {version('rich')}, "
            f"SQLite {sqlite3.sqlite_version}")


def write_readme(text: str) -> None:
    current = README.read_text(encoding="utf-8")
    start, end = current.index(START_MARK) + len(START_MARK), current.index(END_MARK)
    README.write_text(current[:start] + "\n" + text + "\n" + current[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the 50-query mix")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the app and cold-search measurements")
    parser.add_argument("--write-readme", action="store_true", help="put the results into benchmarks/README.md")
    parser.add_argument("--keep", type=Path, help="keep the generated workspaces and indexes under this dir")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    runners = []
    started = time.perf_counter()
    for size in sizes:
        base = Path(tempfile.mkdtemp(prefix=f"borderbrief-bench-{size}-", dir=args.keep))
        runner = Runner(base, size, args.seed, args.rounds, args.repeat)
        try:
            runner.run()
        finally:
            if args.keep is None:
                shutil.rmtree(base, ignore_errors=True)
        runners.append(runner)
        print(f"\n## {size:,} articles ({runner.info['documents']:,} documents with the shipped articles and "
              f"claims; generated in {runner.info['generate_s']:.1f} s)\n", flush=True)
        print(table([runner]), flush=True)
    elapsed = time.perf_counter() - started
    about = machine()
    corpora = [f"- {r.size:,} articles: {r.info['documents']:,} search documents ({r.info['articles']:,} articles, "
               f"the five shipped ones among them, and the shipped briefs' claims and disputes), "
               f"{r.info['problems']} problem(s) found by the loader; "
               f"{r.info['queries_with_hits']} of the 50 queries match something "
               f"(FTS5: {r.info['fts_queries_with_hits']})" for r in runners]
    report = [f"Measured {about}; whole run {elapsed / 60:.1f} min.", "", *corpora, "", table(runners)]
    checked = targets(runners)
    if checked:
        report += ["", "Targets:", "", checked]
    print("\n" + "\n".join(report))
    if args.write_readme:
        write_readme("\n".join(report))
        log(f"results written to {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
