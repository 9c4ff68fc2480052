"""`add` run twice at once over the same files, and `check` finding an article added twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ALL_ARTICLES, REPO_ROOT, make_workspace, write_file

ADD = "import sys; from tui.cli import main; sys.argv = ['borderbrief', *sys.argv[1:]]; main()"


def test_two_adds_of_the_same_files_at_once_add_each_once(tmp_path: Path):
    root = make_workspace(tmp_path / "ws")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = []
    for n in range(30):
        path = inbox / f"note-{n}.txt"
        path.write_text(f"Crossing note {n}\n\nReport number {n} on the Tumen crossing. Trucks at Quanhe: {n * 7}.\n",
                        encoding="utf-8")
        files.append(str(path))
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.Popen([sys.executable, "-c", ADD, "--workspace", str(root), "add",
                              *files], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs

    added = sorted(p.name for p in (root / "corpus").glob("*.md") if p.stem not in ALL_ARTICLES)
    assert len(added) == 30, added  # each body once, no `-2` copies
    said = "".join(out for out, _ in outputs).splitlines()
    assert sum(line.startswith("added ") for line in said) == 30
    assert sum("already in the corpus" in line for line in said) == 30


def test_check_reports_two_articles_with_the_same_body(tmp_path: Path, run_cli):
    root = make_workspace(tmp_path / "ws")
    body = "Trucks crossed the Tumen at Quanhe again.\n"
    write_file(root, "corpus/2024-a.md", f"---\nid: 2024-a\ntitle: One\n---\n{body}")
    write_file(root, "corpus/2024-b.md", f"---\nid: 2024-b\ntitle: Two\n---\n  {body.replace(' ', '  ')}\n")

    result = run_cli("check", workspace=root)

    assert result.exit_code == 1
    assert "corpus/2024-b.md: same text as '2024-a' (2024-a.md): the same article added twice? keep one" in result.stdout
    assert "2024-a.md: same text" not in result.stdout
