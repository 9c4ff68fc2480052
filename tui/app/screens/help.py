"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Anywhere", [
        ("/", "focus the search box (in the reader: find in the article)"),
        ("tab / shift+tab", "move between panes (the mouse works too)"),
        ("ctrl+p", "command palette: find articles, entities and disputes by name; change theme"),
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
        ("e", "open the selected entity's brief file in $EDITOR, then reload"),
        ("p", "problems found in the corpus and briefs (path:line)"),
        ("?", "this help"),
        ("q", "quit"),
    ]),
    ("Search box", [
        ("typing", "results update as you type"),
        ("enter", "go to the results"),
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


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "borderbrief keys"
            body.border_subtitle = "escape closes"
            for section, keys in KEYS:
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold", no_wrap=True, min_width=16)
                table.add_column()
                for key, what in keys:
                    table.add_row(key, what)
                yield Static(Text(section, style="bold underline"), classes="help-section")
                yield Static(table)

    def action_dismiss(self) -> None:
        self.dismiss(None)
