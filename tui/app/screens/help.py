"""The help screen: the keys of the screen it was opened from first, then every key, grouped
by where it works."""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.motions import LIST_MOTIONS, SCROLL_MOTIONS, TREE_MOTIONS

MOTIONS = {(b.key, b.action) for b in (*LIST_MOTIONS, *SCROLL_MOTIONS, *TREE_MOTIONS)}

KEYS = [
    ("Anywhere", [
        ("/", "focus the search box (in the reader: find in the article)"),
        ("tab / shift+tab", "move between panes (the mouse works too)"),
        ("ctrl+p", "command palette: find articles, entities and disputes by name, recent queries; change theme"),
        ("escape", "back: search box → the view under it; reader or brief → exactly the place before (the article or brief, its scroll and highlighted item; the line under the search box names the way back); then clear the entity filter"),
        ("h / l", "the pane to the left / right"),
        ("z", "zoom: the focused pane takes the whole width (again to restore)"),
        ("c", "compare: disputes side by side (of the selected entity or claim); with two sources marked, the two articles aligned"),
        ("m", "map of the sites (arrows select, +/- zoom, enter opens a brief)"),
        ("t", "timeline of dated claims and articles (s: lanes by site or by source)"),
        ("f", "in a brief: figures chart of the measures its claims quantify"),
        ("v", "coverage: which outlets and countries report on which entity; single-source flags"),
        ("b", "crossing board: each crossing's latest state by source and as of when; ≠ where they disagree"),
        ("w / W", "save the current search as a watch / the watches and what is new in them"),
        ("a", "add an article to the corpus from a file (.html, .md, .txt)"),
        ("y", "copy a citation of the selected hit, claim or article"),
        ("Y", "copy menu: citation, claim id, quote, article id, url, path:line of the quote and of the claim"),
        ("o", "open the selected article's url in the browser (http and https only)"),
        ("e", "open the selected entity's brief file in $EDITOR, then reload"),
        ("p", "problems found in the corpus and briefs (path:line)"),
        ("?", "this help: the keys of the screen it was opened on first, then every key"),
        ("q", "quit"),
    ]),
    ("Search box", [
        ("typing", "results update as you type"),
        ("enter", "go to the results"),
        ("up / down", "the queries asked before, kept between launches; down past the newest: what you were typing"),
        ("syntax", 'words (stemmed), AND / OR / NOT, "a phrase", rail*, title:, outlet:hankyoreh, '
                   "published:2016, published:[2020 TO 2026], site:sinuiju, actor:kotra, kind:claim"),
    ]),
    ("Sources, results and entities", [
        ("up / down, j / k", "move"),
        ("g / G", "first / last"),
        ("ctrl+d / ctrl+u", "a page down / up"),
        ("enter", "open the article, claim or entity brief"),
        ("space", "mark a source (two marked sources can be compared)"),
    ]),
    ("Reader", [
        ("j / k, g / G", "scroll a line; top / bottom"),
        ("ctrl+d / ctrl+u", "a page down / up"),
        ("/", "find in the article (case and accents ignored), with a 3/12 counter; enter or escape: back to the reader"),
        ("n / N", "next / previous find match or search hit (says when it wraps)"),
        ("] / [", "next / previous entity mention or claim quote (a mark 3/41 counter; says when it wraps)"),
        ("enter", "open the brief of the selected mention or claim (or click it)"),
        ("> / <", "next / previous page of a long article"),
    ]),
    ("Timeline and map", [
        ("+ / -", "zoom in / out"),
        ("0", "the whole region / every year"),
        ("s", "timeline: lanes by site or by source"),
    ]),
    ("Compare", [
        ("/", "filter the disputes"),
        ("x", "every entity's disputes, not only the selected one's"),
        ("f", "the figures chart of the highlighted dispute"),
        ("y", "copy the comparison (or a suggestion's dispute skeleton)"),
    ]),
    ("Coverage", [
        ("s", "sites or actors"),
        ("b", "by outlet or by country"),
        ("enter", "the articles of a cell"),
    ]),
    ("Brief", [
        ("enter", "on a related entity: its brief; on a claim: the source at the quote"),
    ]),
]


def keys_here(screen) -> tuple[str, list[tuple[list[str], list[str], str]]]:
    """The keys that work on `screen` as it is now, hidden ones too: the screen's own, then
    its focused widget's; not the app's (they are under "Anywhere") nor Textual's generic
    ones (arrows, tab). (where, [(keys, shown as, what)]); keys doing the same thing share
    a row ("j / k")."""
    app = screen.app
    active = screen.active_bindings  # what applies now (check_action has hidden the rest)
    nodes = [node for node, _ in screen._modal_binding_chain if node is not app]  # focused first
    # The focused widget's own keys, then the screen's, then the motions every list shares.
    ordered = [(node, key, action) for node in nodes for key, action in _our_bindings(type(node))]
    ordered.sort(key=lambda item: (item[1], item[2]) in MOTIONS)
    rows: dict[tuple[str, str], tuple[list[str], list[str], str]] = {}
    for node, key, action in ordered:
        chosen = active.get(key)
        if chosen is None or chosen.node is not node or chosen.binding.action != action:
            continue  # hidden here, or another widget's key wins
        binding = chosen.binding
        what = binding.description or binding.action.replace("_", " ")
        keys, shown, _ = rows.setdefault((action, what), ([], [], what))
        if key not in keys:
            keys.append(key)
            shown.append(app.get_key_display(binding))
    name = type(screen).__name__.removesuffix("Screen") or "Main"
    where = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()  # CrossingBoard: "Crossing board"
    focused = screen.focused
    if focused is not None and focused.id:
        where += f" · {focused.id.replace('-', ' ')}"
    return where, list(rows.values())


def _our_bindings(cls: type) -> list[tuple[str, str]]:
    """(key, action) of every binding borderbrief's own classes give `cls`, in order."""
    found: list[tuple[str, str]] = []
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("tui."):
            continue
        for binding in vars(klass).get("BINDINGS", []):
            key, action = (binding.key, binding.action) if isinstance(binding, Binding) else binding[:2]
            found += [(k.strip(), action) for k in key.split(",") if (k.strip(), action) not in found]
    return found


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, here: tuple[str, list[tuple[list[str], list[str], str]]] | None = None) -> None:
        super().__init__()
        self.here = here  # the keys of the screen under this one, shown first

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "borderbrief keys"
            body.border_subtitle = "escape closes"
            if self.here is not None:
                where, rows = self.here
                table = self._table()
                for _, shown, what in rows:
                    # Text, not str: a Rich table reads a str as markup, and a key shown as "[" is one.
                    table.add_row(Text(" / ".join(dict.fromkeys(shown))), Text(what))
                yield Static(Text(f"Here ({where})", style="bold underline"), id="help-here", classes="help-section")
                yield Static(table)
                yield Static(Text("Every key", style="bold"), classes="help-section")
            for section, keys in KEYS:
                table = self._table()
                for key, what in keys:
                    table.add_row(key, what)
                yield Static(Text(section, style="bold underline"), classes="help-section")
                yield Static(table)

    @staticmethod
    def _table() -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=16)
        table.add_column()
        return table

    def action_dismiss(self) -> None:
        self.dismiss(None)
