"""The command line: `borderbrief` opens the app; subcommands serve scripts and people without it."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from .. import __version__
from .session import Session


# Each command's module is imported when that command runs: `borderbrief search` need not
# load the HTML extraction of `add`, the schema models of `check` or the ledger of `figures`
# (a third of a cold search's time went to importing them).
COMMANDS = {
    "add": "add_cmd", "check": "check_cmd", "compare": "compare_cmd", "coverage": "coverage_cmd",
    "echoes": "echoes_cmd", "entities": "entities_cmd", "export": "export_cmd", "figures": "figures_cmd",
    "index": "index_cmd", "init": "init_cmd", "search": "search_cmd", "show": "show_cmd", "status": "status_cmd",
    "watch": "watch_cmd",
}


class LazyCommands(click.Group):
    """A group whose commands are imported on first use (click's lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f".{COMMANDS[name]}", __name__)
        return getattr(module, name)


@click.group(cls=LazyCommands, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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


def main() -> None:
    cli(prog_name="borderbrief")
