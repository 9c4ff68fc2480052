"""Watches: saved searches that report what is new since they were last checked.

Definitions live in the user's config dir (`watches.json`), never in a workspace. What each
watch has seen is kept per workspace in `watch-state/<workspace key>.json` beside it. Both
are written atomically (temp file, fsync, rename), so a crash mid-write leaves the old file
whole. A state file that cannot be read is started afresh — the watch definitions, in
their own file, are never lost with it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .jsonfile import write_json_atomically

NAME_PATTERN = re.compile(r"^[\w][\w .-]{0,63}$")


class WatchError(ValueError):
    pass


@dataclass
class Watch:
    name: str
    query: str


@dataclass
class WatchReport:
    watch: Watch
    new: list[str]  # article ids that match now and were not seen before
    matches: int
    error: str | None = None


@dataclass
class WatchStore:
    directory: Path = field(default_factory=lambda: Path(platformdirs.user_config_dir("borderbrief")))
    notices: list[str] = field(default_factory=list)

    @property
    def definitions_path(self) -> Path:
        return self.directory / "watches.json"

    def state_path(self, workspace_root: Path) -> Path:
        root = str(Path(workspace_root).resolve())
        key = hashlib.sha1(root.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return self.directory / "watch-state" / f"{key}.json"

    # -- definitions -------------------------------------------------------------------------
    def load(self) -> list[Watch]:
        data = self._read_json(self.definitions_path, default={"watches": []})
        if data is None:
            backup = self.definitions_path.with_suffix(".json.bak")
            data = self._read_json(backup, default={"watches": []})
            if data is None:
                raise WatchError(f"{self.definitions_path} cannot be read; it was left untouched")
            self.notices.append(f"{self.definitions_path.name} was unreadable; using its backup")
        entries = data.get("watches", [])
        if not isinstance(entries, list):  # a hand-edited file of the wrong shape: say so, keep it
            self.notices.append(f"{self.definitions_path.name}: 'watches' is not a list; no watches loaded")
            return []
        return [Watch(w["name"], w["query"]) for w in entries
                if isinstance(w, dict) and isinstance(w.get("name"), str) and isinstance(w.get("query"), str)]

    def save(self, watches: list[Watch]) -> None:
        data = {"version": 1, "watches": [{"name": w.name, "query": w.query} for w in watches]}
        if self.definitions_path.exists():
            try:
                write_json_atomically(self.definitions_path.with_suffix(".json.bak"),
                                 json.loads(self.definitions_path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                pass  # an unreadable current file is not copied over a good backup
        write_json_atomically(self.definitions_path, data)

    def add(self, name: str, query: str) -> Watch:
        name = name.strip()
        if not NAME_PATTERN.match(name):
            raise WatchError("a watch name is 1–64 letters, digits, spaces, dots, dashes or underscores")
        if not query.strip():
            raise WatchError("a watch needs a query")
        watches = self.load()
        if any(w.name == name for w in watches):
            raise WatchError(f"a watch named '{name}' exists already")
        watch = Watch(name, query)
        self.save(watches + [watch])
        return watch

    def remove(self, name: str) -> None:
        watches = self.load()
        if not any(w.name == name for w in watches):
            raise WatchError(f"no watch named '{name}'")
        self.save([w for w in watches if w.name != name])

    # -- what each watch has seen, per workspace -----------------------------------------------
    def seen(self, workspace_root: Path) -> dict[str, set[str]]:
        path = self.state_path(workspace_root)
        data = self._read_json(path, default={"seen": {}})
        if data is None:
            self.notices.append(f"watch state {path.name} was unreadable and has been started afresh")
            data = {"seen": {}}
        seen = data.get("seen", {}) if isinstance(data, dict) else {}
        if not isinstance(seen, dict):
            self.notices.append(f"watch state {path.name} was of the wrong shape and has been started afresh")
            seen = {}
        return {name: {i for i in ids if isinstance(i, str)} for name, ids in seen.items() if isinstance(ids, list)}

    def mark_seen(self, workspace_root: Path, seen: dict[str, set[str]]) -> None:
        write_json_atomically(self.state_path(workspace_root),
                         {"version": 1, "seen": {name: sorted(ids) for name, ids in seen.items()}})

    # -- files ------------------------------------------------------------------------------------
    @staticmethod
    def _read_json(path: Path, default):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return default
        except OSError:
            return None
        try:
            data = json.loads(text)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None


def check_watches(store: WatchStore, workspace_root: Path, search, *, mark: bool = True,
                  names: list[str] | None = None) -> list[WatchReport]:
    """Run each watch; report the articles matching now that were not seen before.

    `search(query) -> list[article id]` is the caller's search (so this module needs no
    index). A watch starts from what exists: the first time it is checked in a workspace,
    what it matches then is its baseline, recorded at once (even when `mark` is False) and
    not reported as new. When the state file was unreadable and started afresh, nothing is
    taken as a baseline: every match is reported again rather than silently dropped.
    """
    from .search.results import QueryError

    notices = len(store.notices)
    seen = store.seen(workspace_root)
    afresh = len(store.notices) > notices
    stored = {name: set(ids) for name, ids in seen.items()}  # what is written when not marking
    reports = []
    for watch in store.load():
        if names and watch.name not in names:
            continue
        try:
            matches = search(watch.query)
        except QueryError as err:
            reports.append(WatchReport(watch, [], 0, str(err)))
            continue
        if watch.name not in seen and not afresh:
            seen[watch.name] = stored[watch.name] = set(matches)
            reports.append(WatchReport(watch, [], len(matches)))
            continue
        before = seen.get(watch.name, set())
        reports.append(WatchReport(watch, [a for a in matches if a not in before], len(matches)))
        seen[watch.name] = before | set(matches)
    written = seen if mark else stored
    if mark or written.keys() != store.seen(workspace_root).keys():
        live = {w.name for w in store.load()}
        store.mark_seen(workspace_root, {n: ids for n, ids in written.items() if n in live})
    return reports
