"""Sources side by side: one column per source, its claims on rows aligned across columns
(value, as of, what it says), then its paragraphs once each with the quoted spans marked.

As many columns as fit are shown (3 at 120 terminal columns, 2 at 80); h/l (or ←/→) move the
cursor a column at a time and the window follows it, [ and ] page; the hint "2–3 of 7" says
which are showing. On a terminal under 70 columns the sources stack one under another.
The layout (which columns, which rows, where the spans are) comes from tui/compare."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Click, Resize
from textual.message import Message
from textual.widgets import Static

from ...compare import ColumnLayout, Side, SourceColumn, columns_that_fit, stacks, window, window_hint
from .motions import SCROLL_MOTIONS
from ..richtext import DIM, MATCH, date_with_precision, safe, safe_line

DIFFERS = "bold red"
AGREES = "bold green"


class Cell(Static):
    """One cell of the grid: `column` is the source's index in the layout, `part` which row
    it belongs to ("head", "claim", "passage")."""

    def __init__(self, content: Text, column: int, part: str, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.column = column
        self.part = part

    def on_click(self, event: Click) -> None:
        grid = next((a for a in self.ancestors if isinstance(a, SideBySide)), None)
        if grid is not None:
            grid.focus()
            grid.move_to(self.column)


class SideBySide(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("l", "column(1)", "Next source", show=False),
        Binding("right", "column(1)", "Next source", show=False),
        Binding("h", "column(-1)", "Previous source", show=False),
        Binding("left", "column(-1)", "Previous source", show=False),
        Binding("right_square_bracket", "page(1)", "Next sources", show=False),
        Binding("left_square_bracket", "page(-1)", "Previous sources", show=False),
        # The reader's vim motions, but g/G: on the Compare screen g is the chart.
        *(b for b in SCROLL_MOTIONS if b.key not in ("g", "G")),
        Binding("enter", "open", "Open source"),
    ]

    class Open(Message):
        """Open a source's article at the span its column quotes."""

        def __init__(self, article_id: str, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.article_id = article_id
            self.span = span

    class Windowed(Message):
        """The columns showing changed: `hint` is "2–3 of 7", or empty when all show."""

        def __init__(self, hint: str) -> None:
            super().__init__()
            self.hint = hint

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.arrangement = ColumnLayout([])
        self.cursor = 0  # the column enter opens
        self.first = 0  # the first column showing
        self.fit = 0  # columns showing side by side (0: not laid out yet)
        self.stacked = False
        self.note: Text | None = None

    # -- content --------------------------------------------------------------------------

    def show(self, layout: ColumnLayout, cursor: int = 0, note: Text | None = None) -> None:
        """Show `layout` with the cursor on column `cursor`; `note` (the curator's reading)
        goes under the columns, full width."""
        self.arrangement = layout
        self.note = note
        self.cursor = min(max(0, cursor), max(0, len(layout.columns) - 1))
        self.first = 0
        self._measure()
        self.first = window(len(layout.columns), self.fit, self.cursor, 0)
        self._render_grid()
        self.scroll_home(animate=False)

    @property
    def visible(self) -> list[int]:
        """Indexes of the columns showing (all of them when stacked)."""
        count = len(self.arrangement.columns)
        if self.stacked:
            return list(range(count))
        return list(range(self.first, min(count, self.first + self.fit)))

    @property
    def current(self) -> SourceColumn | None:
        columns = self.arrangement.columns
        return columns[self.cursor] if 0 <= self.cursor < len(columns) else None

    # -- keys -----------------------------------------------------------------------------

    def action_column(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.move_to(self.cursor + step * max(1, self.fit))

    def move_to(self, index: int) -> None:
        count = len(self.arrangement.columns)
        if not count:
            return
        index = min(max(0, index), count - 1)
        if index == self.cursor:
            return
        self.cursor = index
        first = window(count, self.fit, index, self.first)
        if first != self.first and not self.stacked:
            self.first = first
            self._render_grid()
        else:
            self._mark_cursor()
        if self.stacked:
            head = next((c for c in self.query(Cell) if c.column == index and c.part == "head"), None)
            if head is not None:
                self.scroll_to_widget(head, animate=False, top=True)
            self.post_message(self.Windowed(self._position_hint()))

    def action_open(self) -> None:
        column = self.current
        if column is not None:
            self.post_message(self.Open(column.article_id, column.opens_at))

    # -- layout ---------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        before = (self.fit, self.stacked)
        self._measure()
        if (self.fit, self.stacked) != before:
            self.first = window(len(self.arrangement.columns), self.fit, self.cursor, self.first)
            self._render_grid()

    def _measure(self) -> None:
        count = len(self.arrangement.columns)
        self.stacked = stacks(self.app.size.width)
        width = self.content_size.width or self.app.size.width
        self.fit = 1 if self.stacked else columns_that_fit(width, max(1, count))

    def _render_grid(self) -> None:
        self.remove_children()
        layout, visible = self.arrangement, self.visible
        if not visible:
            self.post_message(self.Windowed(""))
            return
        if self.stacked:
            blocks = []
            for index in visible:
                blocks.append(self._cell(self._head(index), index, "head"))
                for row in range(len(layout.columns[index].sides)):
                    blocks.append(self._cell(self._claim(layout.row(row), index, row), index, "claim"))
                blocks.append(self._cell(self._passages(index), index, "passage"))
            self.mount_all(blocks)
        else:
            rows = [Horizontal(*(self._cell(self._head(i), i, "head") for i in visible),
                               classes="grid-row")]
            for row in range(layout.rows):
                sides = layout.row(row)
                rows.append(Horizontal(*(self._cell(self._claim(sides, i, row), i, "claim")
                                         for i in visible), classes="grid-row"))
            rows.append(Horizontal(*(self._cell(self._passages(i), i, "passage")
                                     for i in visible), classes="grid-row"))
            for grid_row in rows:
                grid_row.styles.grid_size_columns = len(visible)
            self.mount_all(rows)
        if self.note is not None and self.note.plain:
            self.mount(Static(self.note, classes="note"))
        self.post_message(self.Windowed(self._position_hint()))

    def _position_hint(self) -> str:
        """Side by side: which columns show ("2–3 of 4"). Stacked, every source is on the page
        but only one fits the eye: which one the cursor is on ("source 2 of 4")."""
        count = len(self.arrangement.columns)
        if self.stacked:
            return f"source {self.cursor + 1} of {count}" if count > 1 else ""
        return window_hint(count, self.fit, self.first)

    def _cell(self, content: Text, index: int, part: str) -> Cell:
        # The cursor class is given at creation: cells inside a row not yet mounted are not
        # found by a query.
        return Cell(content, index, part, classes=f"cell {part}" + (" -cursor" if index == self.cursor else ""))

    def _mark_cursor(self) -> None:
        for cell in self.query(Cell):
            cell.set_class(cell.column == self.cursor, "-cursor")

    # -- cell contents --------------------------------------------------------------------

    def _head(self, index: int) -> Text:
        column = self.arrangement.columns[index]
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{index + 1}. ", style="bold")
        text.append_text(safe_line(column.heading, "bold"))
        text.append("\n")
        text.append(date_with_precision(column.published), style=DIM)
        gap = column.gap
        text.append("\n")
        if gap:
            after = f"same day as source {index}" if gap == "same day" else f"+{gap} after source {index}"
            text.append(after, style="yellow")
        return text

    def _claim(self, sides: list[Side | None], index: int, row: int) -> Text:
        """Row `row` of column `index`; a line every cell of the row has (value, as of) is
        given in every cell of it, so the lines align across the columns."""
        side = sides[index]
        with_value = any(s is not None and s.claim.value is not None for s in sides)
        with_as_of = any(s is not None and s.claim.as_of is not None for s in sides)
        text = Text()
        if side is None:
            text.append("—", style=DIM)
            return text
        claim = side.claim
        if with_value:
            value = claim.value_text()
            if value:
                text.append_text(safe_line(value, DIFFERS if side.differs else AGREES))
                if side.differs:
                    text.append(" ≠", style=DIFFERS)
            else:
                text.append("no figure", style=DIM)
            text.append("\n")
        if with_as_of:
            text.append(f"as of {claim.as_of.iso()}" if claim.as_of else "as of —", style=DIM)
            text.append("\n")
        text.append_text(safe_line(claim.says, "italic"))
        text.append("\n")
        text.append(claim.id, style=DIM)
        return text

    def _passages(self, index: int) -> Text:
        column = self.arrangement.columns[index]
        text = Text()
        if not column.passages:
            quotes = [s.claim.quote for s in column.sides]
            for number, quote in enumerate(quotes):
                if number:
                    text.append("\n\n")
                text.append_text(safe(quote, MATCH))
            return text
        for number, passage in enumerate(column.passages):
            if number:
                text.append("\n\n")
            paragraph = safe(passage.text)
            for start, end in passage.marks:
                paragraph.stylize(MATCH, start, end)
            text.append_text(paragraph)
        return text
