"""`borderbrief init DIR [--sample]`."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from ..schema import write_json_schemas
from ..workspace import sample_workspace
from .session import fail
from .render import say

WORKSPACE_README = """# borderbrief workspace

- `corpus/` — articles, one Markdown file each with YAML front matter. Add them with
  `borderbrief add FILE…` (Markdown, plain text or saved HTML pages).
- `briefs/sites/`, `briefs/actors/` — one YAML brief per site or actor, with claims quoting
  their sources word for word; `briefs/disputes/` — where sources disagree.
- `schema/` — JSON Schema for the brief files: the first line of each brief points an
  editor's YAML language server at it.

Run `borderbrief check` after editing, and `borderbrief` in this folder to open the app.
"""


@click.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--sample", is_flag=True, help="Start from a copy of the sample workspace.")
def init(directory: Path, sample: bool) -> None:
    """Create a new workspace in DIRECTORY (which must not exist or be empty)."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        fail(f"{directory} exists and is not an empty directory; nothing was written")
    source = sample_workspace()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if sample:
            shutil.copytree(source / "corpus", directory / "corpus")
            shutil.copytree(source / "briefs", directory / "briefs")
        for folder in ("corpus", "briefs/sites", "briefs/actors", "briefs/disputes"):
            (directory / folder).mkdir(parents=True, exist_ok=True)
        write_json_schemas(directory / "schema")
        (directory / "README.md").write_text(WORKSPACE_README, encoding="utf-8")
    except OSError as err:
        fail(f"could not create the workspace: {err.strerror or err}", 1)
    what = "a copy of the sample" if sample else "an empty workspace"
    say(f"created {what} in {directory}")
    say(f"next: cd {directory} && borderbrief add ARTICLE.html   (or: borderbrief --workspace {directory})")
