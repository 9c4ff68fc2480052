"""`borderbrief export`: a briefing report (Markdown, HTML, JSON) and pictures as SVG."""

from __future__ import annotations

from pathlib import Path

import click

from ..measures import chartable_measures, measure_title
from ..app.pictures import chart_svg, map_svg, parse_size, timeline_svg
from .session import Session, fail
from .render import say

FILE = click.Path(dir_okay=False, writable=True, path_type=Path)


@click.command()
@click.option("--format", "report_format", type=click.Choice(["md", "html", "json"]),
              help="Write a briefing report: sources, briefs with claims and citations, disputes side by side.")
@click.option("-o", "--output", type=FILE, metavar="FILE", help="Where the report goes (default: standard output).")
@click.option("--entity", "entities", multiple=True, metavar="ID", help="Only these entities' briefs and disputes. Repeatable.")
@click.option("--no-pictures", is_flag=True, help="HTML report without the map and timeline.")
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
def export(session: Session, report_format: str | None, output: Path | None, entities: tuple[str, ...],
           no_pictures: bool, map_file: Path | None, timeline_file: Path | None, by: str, charts: tuple[str, ...],
           list_measures: bool, size: str) -> None:
    """Export a briefing report, or pictures as SVG drawn as the app draws them.

    \b
      borderbrief export --format html -o briefing.html
      borderbrief export --format md --entity rason --entity rajin-port
      borderbrief export --format json -o briefing.json
      borderbrief export --map map.svg
      borderbrief export --timeline timeline.svg --by source
      borderbrief export --chart nk-trade-volume-kotra=trade.svg
      borderbrief export --measures
    """
    briefing = session.briefing
    if list_measures:
        for measure in chartable_measures(briefing).values():
            say(f"{measure.id}\t{measure_title(measure.id, measure.unit)}\t{len(measure.points)} values, "
                       f"{len(measure.sources)} source(s)")
        return
    if not (report_format or map_file or timeline_file or charts):
        fail("nothing to export: give --format md|html|json, --map FILE, --timeline FILE or --chart MEASURE[=FILE] (see --help)")
    try:
        terminal = parse_size(size)
    except ValueError as err:
        fail(str(err))
    if report_format:
        _write_report(briefing, report_format, output, list(entities), not no_pictures, terminal)
    jobs: list[tuple[Path, str, object]] = []
    if map_file:
        jobs.append((map_file, "map", lambda: map_svg(briefing, size=terminal)))
    if timeline_file:
        jobs.append((timeline_file, f"timeline by {by}", lambda: timeline_svg(briefing, size=terminal, by=by)))
    for spec in charts:
        measure, _, target = spec.partition("=")
        if measure not in chartable_measures(briefing):
            known = ", ".join(chartable_measures(briefing)) or "none yet"
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
        say(f"wrote {path} ({what}, {terminal[0]}x{terminal[1]})", err=True)


def _write_report(briefing, report_format: str, output: Path | None, entities: list[str], pictures: bool,
                  terminal: tuple[int, int]) -> None:
    from ..report import collect, render_html, render_json, render_markdown

    try:
        content = collect(briefing, entities)
    except KeyError as err:
        fail(f"unknown entity {err} (see `borderbrief entities`)")
    if report_format == "html":
        drawn = {}
        if pictures:
            selected = entities[0] if entities else None
            drawn["map"] = map_svg(briefing, size=terminal, selected=selected if selected in briefing.briefs
                                   and briefing.briefs[selected].location else None)
            drawn["timeline"] = timeline_svg(briefing, size=terminal, entity=selected)
        text = render_html(content, drawn)
    elif report_format == "json":
        text = render_json(content)
    else:
        text = render_markdown(content)
    if output is None:
        say(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror or err}")
    say(f"wrote {output} ({report_format}: {len(content.sources)} sources, {len(content.briefs)} briefs, "
               f"{len(content.disputes)} disputes)", err=True)
