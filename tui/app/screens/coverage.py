"""Coverage: entities × outlets (or countries), and the entities that rest on one source."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...briefing import Briefing
from ...coverage import UNKNOWN_COUNTRY, build_coverage
from ...echoes import origins_by_entity
from ..richtext import DIM, date_text, safe_line, pane_title, one_line
from ..widgets.motion_list import MotionList

HEAT = ["dim", "green", "bold green", "bold black on green"]


class CoverageScreen(Screen[str | None]):
    """Dismisses with the id of an article to open, or None."""

    CSS_PATH = "coverage.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("s", "toggle_kind", "Sites/actors"),
        Binding("b", "toggle_by", "Outlets/countries"),
    ]

    def __init__(self, briefing: Briefing, kind: str = "site", by: str = "outlet") -> None:
        super().__init__()
        self.briefing = briefing
        self.kind = kind
        self.by = by
        self._row_ids: list[str] = []
        self._column_keys: list[str] = []
        self._articles: list[str] = []
        self._column_names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="coverage-pane"):
            yield DataTable(id="coverage-table", cursor_type="cell", zebra_stripes=True)
            yield Static(id="coverage-note")
        yield MotionList(id="coverage-articles")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    def _fill(self) -> None:
        coverage = build_coverage(self.briefing, self.kind)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        columns = coverage.columns(self.by)
        table.header_height = 2 if self.by == "outlet" else 1  # outlet, then its country
        self._column_names = {key: name for key, name, _ in columns}
        self._column_keys = [key for key, _, _ in columns]
        table.add_column(Text("Entity", style="bold"), key="entity")
        for key, name, country in columns:
            label = safe_line(name, "bold", limit=18)
            if self.by == "outlet":
                label.append("\n")
                label.append(country if country != UNKNOWN_COUNTRY else "country ?", style=DIM)
            table.add_column(label, key=f"col-{key}")
        table.add_column(Text("Origins", style="bold"), key="origins")
        table.add_column(Text("Flag", style="bold"), key="flag")
        self._row_ids = list(coverage.rows)
        origins = origins_by_entity(self.briefing)  # an echo counts as the article it repeats
        for entity_id in self._row_ids:
            cells = []
            for key in self._column_keys:
                n = coverage.cell(entity_id, key, self.by)
                cells.append(Text(str(n) if n else "·", style=HEAT[min(n, 3)], justify="center"))
            flag = coverage.flag(entity_id)
            articles, independent = origins.get(entity_id, (0, 0))
            origin_cell = Text(str(independent), justify="center")
            if independent < articles:
                origin_cell = Text.assemble((str(independent), "bold yellow"), (f" of {articles}", DIM))
            table.add_row(safe_line(self.briefing.briefs[entity_id].name, limit=32), *cells, origin_cell,
                          Text(flag or "", style="bold yellow"), key=entity_id)
        flagged = sum(1 for e in self._row_ids if coverage.flag(e) == "single-source")
        pane = self.query_one("#coverage-pane")
        pane.border_title = pane_title(f"Coverage · {'sites' if self.kind == 'site' else 'actors'} × {self.by}s")
        unknown = sum(1 for e in self._row_ids if e in coverage.outlets_unknown)
        pane.border_subtitle = pane_title(f"{flagged} single-source" + (f" · {unknown} outlets unknown" if unknown else ""))
        self.query_one("#coverage-note", Static).update(Text(
            "Cells count the articles that mention the entity; Origins, the independent sources they rest on "
            "(an article that repeats or cites another is counted as that one: \"2 of 3\"). "
            "Articles with no known outlet are counted "
            "together; an entity that only they cover is flagged \"outlets unknown ×N\", not single-source. "
            "enter on a cell lists them; s sites/actors; b outlets/countries.", style=DIM))
        self._coverage = coverage
        self._show_cell()

    @on(DataTable.CellHighlighted)
    def _cell(self, event: DataTable.CellHighlighted) -> None:
        self._show_cell()

    def _show_cell(self) -> None:
        table = self.query_one(DataTable)
        articles = self.query_one("#coverage-articles", OptionList)
        row, column = table.cursor_coordinate
        if not self._row_ids or not (1 <= column <= len(self._column_keys)):
            self._articles = []
            articles.clear_options()
            articles.border_title = "Articles"
            return
        entity_id, key = self._row_ids[row], self._column_keys[column - 1]
        self._articles = self._coverage.articles_in(entity_id, key, self.by)
        options = []
        for article_id in self._articles:
            article = self.briefing.articles[article_id]
            options.append(Option(Text.assemble((f"{date_text(article.published):<10} ", DIM),
                                                safe_line(article.outlet or "outlet unknown", "cyan"), "  ",
                                                safe_line(article.title, "bold"))))
        articles.set_options(options)
        name = self.briefing.briefs[entity_id].name
        column = self._column_names.get(key, key)
        articles.border_title = pane_title(f"{len(self._articles)} article(s): {one_line(name, 40)} · {one_line(column, 30)}")

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        if self._articles:
            articles = self.query_one("#coverage-articles", OptionList)
            articles.highlighted = 0
            articles.focus()

    @on(OptionList.OptionSelected, "#coverage-articles")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._articles[event.option_index])

    def action_toggle_kind(self) -> None:
        self.kind = "actor" if self.kind == "site" else "site"
        self._fill()

    def action_toggle_by(self) -> None:
        self.by = "country" if self.by == "outlet" else "outlet"
        self._fill()

    def action_back(self) -> None:
        if self.focused is self.query_one("#coverage-articles"):
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)
