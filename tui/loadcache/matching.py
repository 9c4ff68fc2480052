"""Finding briefed names in many articles at once, on every core: the first open of a large
workspace (no mentions cached yet) spends most of its time in EntityMatcher.find, one
article after another, on one core.

Worker processes are started with `spawn` (the load may run beside the app's threads, where
forking is unsafe), each given the matcher once; articles go to them in chunks. Anything
that stops the pool (no second core, a platform that cannot start processes, a worker that
dies) gives None, and the caller matches in this process as before: the same spans either
way (tests compare them).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable

from ..entities import EntityMatcher
from .lazy import pack_spans

PARALLEL_FROM = 2_000  # articles to match: fewer are done sooner here than processes start
CHUNK = 250  # articles sent to a worker at a time
MAX_WORKERS = 8

_matcher: EntityMatcher | None = None


def _start(matcher: EntityMatcher) -> None:
    global _matcher
    _matcher = matcher


def _match(texts: list[tuple[str, str]]) -> list[tuple[tuple, tuple]]:
    return [(pack_spans(_matcher.find(body)), pack_spans(_matcher.find(title))) for title, body in texts]


def workers() -> int:
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
               MAX_WORKERS)


def _main_can_be_imported() -> bool:
    """A spawned worker imports the parent's main module first: one read from stdin (or a
    file since gone) cannot be, and the pool would fail noisily."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return getattr(main, "__spec__", None) is not None or path is None or os.path.exists(path)


def match_in_parallel(matcher: EntityMatcher, texts: list[tuple[str, str]],
                      progress: Callable[[str, int, int], None] | None = None) -> list[tuple[tuple, tuple]] | None:
    """(packed body spans, packed title spans) for each (title, body), in order; None when
    it could not be done in parallel."""
    count = workers()
    if count < 2 or len(texts) < PARALLEL_FROM or not _main_can_be_imported() \
            or multiprocessing.parent_process() is not None:  # a worker of some pool already: no pools in pools
        return None
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    found: list[tuple[tuple, tuple]] = []
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(count, mp_context=context, initializer=_start, initargs=(matcher,)) as pool:
            for part in pool.map(_match, chunks):
                found.extend(part)
                if progress is not None:
                    progress("names", len(found), len(texts))
    except Exception:  # no processes here, a worker killed, a pickling failure: match in this process
        return None
    return found
