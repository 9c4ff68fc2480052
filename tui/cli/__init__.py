"""The command line: `borderbrief` opens the app; subcommands serve scripts and people without it."""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__
from .add_cmd import add
from .check_cmd import check
from .compare_cmd import compare
from .coverage_cmd import coverage
from .entities_cmd import entities
from .echoes_cmd import echoes
from .export_cmd import export
from .figures_cmd import figures
from .index_cmd import index
from .init_cmd import init
from .search_cmd import search
from .show_cmd import show
from .status_cmd import status
from .watch_cmd import watch
from .session import Session


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--workspace", "-w", metavar="DIR", help="Workspace folder (with corpus/ and briefs/). "
              "Default: $BORDERBRIEF_WORKSPACE, else the current directory if it is one, else the bundled sample.")
@click.option("--index-dir", type=click.Path(path_type=Path), hidden=True, help="Where the index lives (tests, benchmarks).")
@click.option("-v", "--verbose", is_flag=True, help="Say which workspace and index are used.")
@click.version_option(__version__, prog_name="borderbrief")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, index_dir: Path | None, verbose: bool) -> None:
    """borderbrief: a briefing browser for the China–North Korea–Russia border.

    Run without a command to open the app.
    """
    ctx.obj = Session(workspace, verbose=verbose, index_dir=index_dir)
    if ctx.invoked_subcommand is None:
        from ..app import run_app  # imported here so the CLI commands never load Textual

        run_app(ctx.obj.root, ctx.obj.index_dir)


for command in (search, show, compare, coverage, watch, check, entities, echoes, figures, status, index, add, init,
                export):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="borderbrief")
