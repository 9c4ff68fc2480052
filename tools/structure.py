"""Print the structure of the `tui` package: modules with their line counts, the import
cycles among them, and a summary.

Every import counts: module level, inside functions (lazy) and under ``if TYPE_CHECKING:``,
because a cycle through any of them still ties the modules together for a reader.

    python -m tools.structure            # modules, lines, cycles
    python -m tools.structure --cycles   # only the cycles; exit 1 if there is one
    python -m tools.structure --package other --cycles  # another importable package
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import grimp

PACKAGE = "tui"


def module_graph(package: str = PACKAGE) -> grimp.ImportGraph:
    # cache_dir=None: never write a cache into the repo. grimp counts every import statement,
    # those inside functions and under TYPE_CHECKING included.
    return grimp.build_graph(package, include_external_packages=False, cache_dir=None)


def strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of modules that import each other, directly or not (Tarjan's algorithm)."""
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return sorted(groups)


def module_lines(module: str) -> int:
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return 0
    return sum(1 for _ in Path(spec.origin).open(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", action="store_true", help="only report the cycles")
    parser.add_argument("--package", default=PACKAGE, help="the package to look at (default: tui)")
    args = parser.parse_args(argv)
    graph = module_graph(args.package)
    groups = strongly_connected(graph)
    if not args.cycles:
        total = 0
        for module in sorted(graph.modules):
            lines = module_lines(module)
            total += lines
            print(f"{lines:6d}  {module}")
        print(f"{total:6d}  total in {len(graph.modules)} modules")
        print()
    if groups:
        for group in groups:
            print(f"cycle of {len(group)} modules: {', '.join(group)}")
        return 1
    print(f"no import cycle among the {args.package} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
