"""The index heals itself: every damage below is repaired by the next `search` or `index`,
with one line saying so, and nothing is left behind. Also: a long-running reader sees what
another process wrote, and the fallback temp dir is private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import CHINA_TRADE, REPO_ROOT
from tui.briefing import Briefing
from tui.search import IndexDamaged, SearchIndex
from tui.search.location import private_temp_dir


def leftovers(index_dir: Path) -> list[str]:
    """Folders a rebuild leaves beside the index when it dies: `<index>.new-PID`, `.old-PID`."""
    return sorted(p.name for p in index_dir.parent.glob(f"{index_dir.name}.*") if p.name.split(".")[-1][:4] in ("new-", "old-"))


def garble(index_dir: Path, keep_times: bool) -> None:
    """Same-size garbage in every postings file (as a bad disk or a stray `dd` would leave)."""
    files = [p for p in index_dir.iterdir() if p.suffix in (".pst", ".trm", ".seg") or p.name.endswith(".toc")]
    assert any(p.suffix == ".pst" for p in files)
    for path in files:
        if path.suffix != ".pst":
            continue
        info = path.stat()
        path.write_bytes(os.urandom(info.st_size))
        if keep_times:
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


@pytest.fixture
def indexed(workspace: Path, run_cli, tmp_path: Path) -> Path:
    index_dir = tmp_path / "ix"
    assert run_cli("index", workspace=workspace, index_dir=index_dir).exit_code == 0
    return index_dir


def _replace_with_a_file(index_dir: Path) -> None:
    import shutil
    shutil.rmtree(index_dir)
    index_dir.write_text("not an index", encoding="utf-8")


def _interrupted_rebuild(index_dir: Path) -> None:
    # What `kill -9` during `index --rebuild` leaves: the half-built folder beside the index.
    left = index_dir.parent / f"{index_dir.name}.new-999999"
    left.mkdir()
    (left / "_borderbrief_v4_1.toc").write_bytes(b"half")
    (index_dir.parent / f"{index_dir.name}.old-999998").mkdir()


DAMAGE = [
    pytest.param(_replace_with_a_file, "the index folder had been replaced by a file; rebuilt", id="folder-replaced-by-a-file"),
    pytest.param(lambda d: garble(d, keep_times=False), "index files were changed since the last sync; rebuilt",
                 id="same-size-garbage-in-postings"),
    # Garbage written with the old mtime put back (touch -r): the ctime still tells.
    pytest.param(lambda d: garble(d, keep_times=True), "index files were changed since the last sync; rebuilt",
                 id="garbage-with-the-old-mtimes"),
    pytest.param(_interrupted_rebuild, "removed 2 folder(s) left by an interrupted rebuild", id="killed-rebuild-left-folders"),
]


@pytest.mark.parametrize("damage,message", DAMAGE)
@pytest.mark.parametrize("command", [("search", "molybdenum"), ("index",)], ids=["search", "index"])
def test_the_index_heals_on_the_next_command_and_says_so(workspace, run_cli, indexed, damage, message, command):
    damage(indexed)
    first = run_cli(*command, workspace=workspace, index_dir=indexed)
    assert first.exit_code == 0, first.output
    assert "Traceback" not in first.output
    assert [line for line in first.output.splitlines() if message in line] and \
        len([line for line in first.stderr.splitlines() if "index" in line]) <= 1  # one line says so
    assert leftovers(indexed) == []

    again = run_cli("search", "molybdenum", workspace=workspace, index_dir=indexed)
    assert again.exit_code == 0 and again.stderr == ""
    assert CHINA_TRADE in again.stdout or "China expands trade" in again.stdout


def test_a_search_of_an_unreadable_index_is_one_line_and_the_next_sync_rebuilds(workspace, indexed):
    index = SearchIndex(indexed)
    garble(indexed, keep_times=True)
    with pytest.raises(IndexDamaged, match="the index could not be read"):
        index.search("molybdenum")
    report = index.sync(Briefing.load(workspace).search_documents())
    assert report.rebuilt and "index unreadable" in (report.reason or "")
    assert [h.article_id for h in index.search("molybdenum").hits] == [CHINA_TRADE]


# -- a reader that stays open while another process writes --------------------------------------

SYNC_EDIT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tui.briefing import Briefing
    from tui.search import SearchIndex
    root, index_dir, old, new = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    path = root / "corpus" / (sys.argv[5] + ".md")
    for step in range(3):  # three syncs: three segments
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new) + f"\\nStep {step} zorblax{step}.\\n", encoding="utf-8")
        SearchIndex(index_dir).sync(Briefing.load(root).search_documents(), lock_timeout=30)
""")


@pytest.mark.parametrize("folder_age", [pytest.param(0, id="just-synced"),
                                        pytest.param(60, id="folder-unchanged-for-a-minute")])
def test_an_open_index_sees_what_another_process_synced(workspace: Path, tmp_path: Path, folder_age: int):
    index_dir = tmp_path / "ix"
    reader = SearchIndex(index_dir)
    reader.sync(Briefing.load(workspace).search_documents())
    assert [h.article_id for h in reader.search("molybdenum").hits] == [CHINA_TRADE]
    if folder_age:  # searches then skip listing the folder while its inode and mtime stay as they were
        info = index_dir.stat()
        os.utime(index_dir, ns=(info.st_atime_ns, info.st_mtime_ns - folder_age * 10**9))
        assert [h.article_id for h in reader.search("molybdenum").hits] == [CHINA_TRADE]

    done = subprocess.run([sys.executable, "-c", SYNC_EDIT, str(workspace), str(index_dir), "molybdenum", "zirconium",
                           CHINA_TRADE], env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    assert reader.search("molybdenum").hits == []  # the deleted word is gone
    found = [h.article_id for h in reader.search("zirconium").hits]
    assert found == [CHINA_TRADE]  # once, not once per segment
    assert [h.article_id for h in reader.search("zorblax2").hits] == [CHINA_TRADE]


# -- the fallback location ------------------------------------------------------------------------

def _plant(shared: Path, outside: Path) -> None:
    shared.mkdir()
    os.chmod(shared, 0o777)  # anyone could have put an index in it


def _symlink(shared: Path, outside: Path) -> None:
    outside.mkdir()
    shared.symlink_to(outside)


@pytest.mark.parametrize("prepare", [pytest.param(_plant, id="writable-by-others"),
                                     pytest.param(_symlink, id="a-symlink-elsewhere")])
def test_a_shared_temp_dir_that_is_not_private_is_not_used(tmp_path: Path, monkeypatch, prepare):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    shared = tmp_path / f"borderbrief-{os.getuid()}"
    prepare(shared, tmp_path / "elsewhere")

    chosen = private_temp_dir()

    assert chosen.resolve() != shared.resolve() and chosen.parent == tmp_path
    info = chosen.stat()
    assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700


def test_the_shared_temp_dir_is_made_private(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    chosen = private_temp_dir()
    assert chosen == tmp_path / f"borderbrief-{os.getuid()}"
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o700 and private_temp_dir() == chosen
