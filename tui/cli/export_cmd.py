"""`borderbrief export`: pictures (map, timeline, figures charts) as SVG files."""

from __future__ import annotations

from pathlib import Path

import click

from ..measures import measure_title
from ..pictures import chart_svg, map_svg, parse_size, timeline_svg
from .session import Session, fail

FILE = click.Path(dir_okay=False, writable=True, path_type=Path)


@click.command()
@click.option("--map", "map_file", type=FILE, metavar="FILE", help="Write the map of the located sites (SVG).")
@click.option("--timeline", "timeline_file", type=FILE, metavar="FILE", help="Write the timeline of dated claims and articles (SVG).")
@click.option("--by", type=click.Choice(["site", "source"]), default="site", show_default=True,
              help="Timeline lanes: one per site (the brief a claim belongs to) or one per source.")
@click.option("--chart", "charts", multiple=True, metavar="MEASURE[=FILE]",
              help="Write the figures chart of a measure (SVG; FILE defaults to MEASURE.svg). Repeatable.")
@click.option("--measures", "list_measures", is_flag=True, help="List the measures that can be charted, and stop.")
@click.option("--size", default="120x40", show_default=True, metavar="COLSxROWS",
              help="Terminal size the pictures are drawn at.")
@click.pass_obj
def export(session: Session, map_file: Path | None, timeline_file: Path | None, by: str, charts: tuple[str, ...],
           list_measures: bool, size: str) -> None:
    """Export pictures as SVG, drawn as the app draws them.

    \b
      borderbrief export --map map.svg
      borderbrief export --timeline timeline.svg --by source
      borderbrief export --chart nk-trade-volume-kotra=trade.svg
      borderbrief export --measures
    """
    briefing = session.briefing
    if list_measures:
        for measure in briefing.measures.values():
            click.echo(f"{measure.id}\t{measure_title(measure.id, measure.unit)}\t{len(measure.points)} values, "
                       f"{len(measure.sources)} source(s)")
        return
    if not (map_file or timeline_file or charts):
        fail("nothing to export: give --map FILE, --timeline FILE or --chart MEASURE[=FILE] (see --help)")
    try:
        terminal = parse_size(size)
    except ValueError as err:
        fail(str(err))
    jobs: list[tuple[Path, str, object]] = []
    if map_file:
        jobs.append((map_file, "map", lambda: map_svg(briefing, size=terminal)))
    if timeline_file:
        jobs.append((timeline_file, f"timeline by {by}", lambda: timeline_svg(briefing, size=terminal, by=by)))
    for spec in charts:
        measure, _, target = spec.partition("=")
        if measure not in briefing.measures:
            known = ", ".join(briefing.measures) or "none yet"
            fail(f"'{measure}' is not a measure that two or more claims quantify (chartable: {known})")
        path = Path(target) if target else Path(f"{measure}.svg")
        jobs.append((path, f"chart of {measure}", lambda m=measure: chart_svg(briefing, m, size=terminal)))
    for path, _, _ in jobs:
        if path.suffix.lower() != ".svg":
            fail(f"{path}: only SVG is written (name the file .svg)")
    for path, what, draw in jobs:
        svg = draw()
        try:
            path.write_text(svg, encoding="utf-8")
        except OSError as err:
            fail(f"cannot write {path}: {err.strerror or err}")
        click.echo(f"wrote {path} ({what}, {terminal[0]}x{terminal[1]})", err=True)
