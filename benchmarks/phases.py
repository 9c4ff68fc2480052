"""One measured phase per process, so each phase's peak memory is its own.

    python -m benchmarks.phases PHASE --workspace W --index-dir D --db F [--rounds N]

prints one JSON object: the phase's timings in seconds and `rss_mb`, the peak resident
memory of the process and of any process it started (Whoosh's writer processes).
Only the standard library is imported before a phase starts its clock.
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: of its own address space, so not what
    the parent had when it forked us, which ru_maxrss counts) or of the largest process it
    started (Whoosh's writer processes)."""
    own = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    own = int(line.split()[1])
                    break
    except OSError:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)  # KiB


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def _briefing(args):
    """The workspace as the CLI and the app load it: through the parse cache kept beside the
    index (tui/loadcache.py)."""
    from tui.loadcache import cache_dir, load_briefing

    return load_briefing(args.workspace, cache_dir(args.workspace, args.index_dir))


def _documents(args):
    return _briefing(args).search_documents()


# -- borderbrief ----------------------------------------------------------------------------

def bb_load(args) -> dict:
    start = time.perf_counter()
    import tui.briefing  # noqa: F401

    imported = time.perf_counter()
    briefing = _briefing(args)
    loaded = time.perf_counter()
    return {"load": loaded - imported, "import": imported - start, "articles": len(briefing.articles),
            "problems": len(briefing.workspace.problems)}


def bb_build(args) -> dict:
    from tui.search import SearchIndex

    start = time.perf_counter()
    briefing = _briefing(args)
    docs = briefing.search_documents()
    prepared = time.perf_counter()
    index = SearchIndex(args.index_dir)
    # As `borderbrief index --rebuild` does: the workspace stamp is recorded with the index.
    report = index.sync(docs, rebuild=True, source_stamp=briefing.source_stamp)
    built = time.perf_counter()
    return {"documents": len(docs), "prepare": prepared - start, "build": built - prepared,
            "docs_per_s": len(docs) / (built - prepared), "written": report.changed}


def bb_sync(args) -> dict:
    start = time.perf_counter()
    from tui.search import SearchIndex

    imported = time.perf_counter()
    docs = _documents(args)
    prepared = time.perf_counter()
    report = SearchIndex(args.index_dir).sync(docs)
    done = time.perf_counter()
    return {"sync": done - imported, "sync_index": done - prepared, "written": report.changed,
            "import": imported - start}


def bb_query(args) -> dict:
    from tui.search import QueryError, SearchIndex

    from .queries import query_mix

    index = SearchIndex(args.index_dir)
    queries = query_mix(args.seed)
    totals, first = {}, []
    for q in queries:  # first run: the index just opened, nothing cached yet
        t = time.perf_counter()
        totals[q.text] = index.search(q.text, limit=10).total
        first.append(time.perf_counter() - t)
    with_hl, without = [], []
    fragments = 0
    for _ in range(args.rounds):
        for q in queries:
            t = time.perf_counter()
            results = index.search(q.text, limit=10)
            with_hl.append(time.perf_counter() - t)
            fragments += sum(len(h.fragments) for h in results.hits)
            t = time.perf_counter()
            index.search(q.text, limit=10, fragments=0)
            without.append(time.perf_counter() - t)
    wildcards = {}
    for key, text in (("wildcard_all", "*"), ("wildcard_infix", "*a*")):
        # What the app would ask (top 10 per kind with highlights); `*a*` is refused with a
        # message once it stands for more than MAX_EXPANDED_TERMS words: the time is the answer's.
        t = time.perf_counter()
        try:
            index.search(text, limit=10)
        except QueryError:
            pass
        wildcards[key] = time.perf_counter() - t
    return {**wildcards, "query_p50": percentile(with_hl, 50), "query_p95": percentile(with_hl, 95),
            "query_plain_p50": percentile(without, 50), "query_plain_p95": percentile(without, 95),
            "query_first_p50": percentile(first, 50), "query_first_p95": percentile(first, 95),
            "fragments": fragments // args.rounds, "totals": totals}


def bb_app(args) -> dict:
    from tui.app.app import BorderbriefApp
    from tui.app.backend import EngineBackend
    from textual.worker import WorkerCancelled

    from tui.app.widgets.results import ResultsList
    from tui.app.widgets.search_bar import SearchBar

    imported = time.perf_counter()
    marks: dict[str, float] = {}

    async def drive() -> None:
        backend = EngineBackend(args.workspace, args.index_dir)
        marks["backend"] = time.perf_counter()
        app = BorderbriefApp(backend, monitor_files=False)
        async with app.run_test(size=(120, 40)) as pilot:
            # Every frame the app writes to its (headless) terminal, with when it was written:
            # "shown" means painted, not merely handed to a widget.
            frames: list[float] = []
            display = app._display

            def display_and_time(screen, renderable) -> None:
                display(screen, renderable)
                frames.append(time.perf_counter())

            app._display = display_and_time
            results = app.main.query_one(ResultsList)
            # When the results list was handed each query's hits (the app's own call, timed as
            # it happens: the test's polling may notice it later).
            handed: dict[str, float] = {}
            show = results.show

            def show_and_time(hits, total, query, *args, **kwargs) -> None:
                show(hits, total, query, *args, **kwargs)
                handed.setdefault(query, time.perf_counter())

            results.show = show_and_time
            if results.hits:  # the first screen was filled before this could hook in
                handed[""] = time.perf_counter()

            async def painted_after(query: str) -> float:
                """The time of the first frame written after the results of `query` were
                handed to the results list."""
                deadline = time.perf_counter() + 300
                while query not in handed or not frames or frames[-1] < handed[query]:
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"the app showed no results for {query!r}")
                    await pilot.pause(0.001)
                return next(t for t in frames if t >= handed[query])

            marks["interactive"] = await painted_after("")  # the first screen: the newest articles
            try:  # the index check and sync in the background (a cancelled search is no failure)
                await app.workers.wait_for_complete()
            except WorkerCancelled:
                pass
            # A person types the query into the search box: the last keystroke starts the
            # clock, the frame with the new results on screen stops it (the debounce is in it).
            bar = app.main.query_one(SearchBar)
            bar.input.focus()
            await pilot.pause()
            for query in args.app_queries:
                bar.input.value = query[:-1]
                bar.input.cursor_position = len(query) - 1
                await pilot.pause()
                while bar.query_pending:
                    await pilot.pause(0.001)
                await app.workers.wait_for_complete()
                handed.pop(query, None)
                start = time.perf_counter()
                await pilot.press(query[-1])
                painted = await painted_after(query)
                marks.setdefault("typed", []).append(painted - start)
                marks["hits"] = len(results.hits)
            marks["settled"] = time.perf_counter()

    asyncio.run(drive())
    return {"interactive": marks["interactive"] - PROCESS_START, "import": imported - PROCESS_START,
            "backend": marks["backend"] - imported, "app_search": statistics.median(marks["typed"]),
            "app_search_all": marks["typed"], "app_hits": marks["hits"], "settled": marks["settled"] - PROCESS_START}


# -- SQLite FTS5 ----------------------------------------------------------------------------

def fts_build(args) -> dict:
    from . import fts5

    start = time.perf_counter()
    docs = _documents(args)
    prepared = time.perf_counter()
    count = fts5.build(args.db, docs)
    built = time.perf_counter()
    return {"documents": count, "prepare": prepared - start, "build": built - prepared,
            "docs_per_s": count / (built - prepared)}


def fts_sync(args) -> dict:
    from . import fts5

    start = time.perf_counter()
    docs = _documents(args)
    prepared = time.perf_counter()
    added, updated, removed = fts5.sync(args.db, docs)
    done = time.perf_counter()
    return {"sync": done - start, "sync_index": done - prepared, "written": added + updated + removed}


def fts_query(args) -> dict:
    from .fts5 import FtsSearcher
    from .queries import query_mix

    searcher = FtsSearcher(args.db)
    queries = query_mix(args.seed)
    totals, first = {}, []
    for q in queries:
        t = time.perf_counter()
        totals[q.text] = searcher.search(q.match, q.where, q.params, limit=10)[1]
        first.append(time.perf_counter() - t)
    with_hl, without = [], []
    for _ in range(args.rounds):
        for q in queries:
            t = time.perf_counter()
            searcher.search(q.match, q.where, q.params, limit=10)
            with_hl.append(time.perf_counter() - t)
            t = time.perf_counter()
            searcher.search(q.match, q.where, q.params, limit=10, snippets=False)
            without.append(time.perf_counter() - t)
    return {"query_p50": percentile(with_hl, 50), "query_p95": percentile(with_hl, 95),
            "query_plain_p50": percentile(without, 50), "query_plain_p95": percentile(without, 95),
            "query_first_p50": percentile(first, 50), "query_first_p95": percentile(first, 95),
            "totals": totals}


PHASES = {
    "bb-load": bb_load, "bb-build": bb_build, "bb-sync": bb_sync, "bb-query": bb_query, "bb-app": bb_app,
    "fts-build": fts_build, "fts-sync": fts_sync, "fts-query": fts_query,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=sorted(PHASES))
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    # Typed into the app's search box one after another: common words, a rare one, a phrase.
    parser.add_argument("--app-query", dest="app_queries", action="append",
                        help="a query typed into the app (repeatable)")
    args = parser.parse_args(argv)
    args.app_queries = args.app_queries or ["bridge", "trade", "customs Hunchun", '"border crossing"', "sanctions"]
    result = PHASES[args.phase](args)
    result["rss_mb"] = peak_rss_mb()
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
