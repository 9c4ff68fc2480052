"""Untrusted text is shown, never obeyed: markup, escapes, bidi and invisible characters."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from conftest import settle
from support import make_workspace, write_file
from tui.app.widgets.reader import ArticleReader
from tui.app.widgets.sources import SourcesPane

HOSTILE_TITLE = "[bold red]Loud[/] [@click=app.quit]title[/]"
HOSTILE_BODY = (
    "Markup: [bold red]not bold[/bold red] and [link=https://evil.example]a link[/link] and "
    "[@click=app.quit]click to quit[/].\n\n"
    "ANSI: \x1b[31mred\x1b[0m and cursor \x1b[2J\x1b[H home; title \x1b]0;pwned\x07; "
    "clipboard \x1b]52;c;ZXZpbA==\x07; link \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\.\n\n"
    "Bidi: abc\u202edcba\u202c and zero\u200bwidth and bell \x07 end.\n"
)


def hostile_workspace(tmp_path: Path) -> Path:
    root = make_workspace(tmp_path / "ws")
    write_file(root, "corpus/2024-hostile.md",
               "---\nid: 2024-hostile\ntitle: \"" + HOSTILE_TITLE.replace('"', '\\"') + "\"\n"
               "outlet: \"[blink]Outlet[/blink]\"\npublished: 2024\n---\n" + HOSTILE_BODY)
    return root


def rendered(widget) -> str:
    console = Console(record=True, width=300, color_system=None)
    console.print(widget.content)
    return console.export_text()


async def test_an_article_of_markup_and_escapes_renders_literally(tmp_path: Path, make_app):
    app = make_app(hostile_workspace(tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        # The hostile title in the sources pane is literal text.
        sources = app.screen.query_one(SourcesPane)
        console = Console(record=True, width=300, color_system=None)
        console.print(sources.get_option("2024-hostile").prompt)
        prompt = console.export_text()
        assert "[@click=app.quit]" in prompt and "[bold red]Loud[/]" in prompt and "[blink]Outlet[/blink]" in prompt
        app.open_article("2024-hostile")
        await settle(pilot)
        reader = app.screen.query_one(ArticleReader)
        text = "\n".join(rendered(p) for p in reader.query(".paragraph"))
        for literal in ("[bold red]not bold[/bold red]", "[link=https://evil.example]a link[/link]",
                        "[@click=app.quit]click to quit[/]"):
            assert literal in text
        # Escape characters are replaced by visible stand-ins; none reaches the terminal.
        assert "\x1b" not in text and "\x07" not in text
        assert "␛[31mred␛[0m" in text and "␛]52;c;ZXZpbA==␇" in text
        assert "⇆" in text and "◌" in text and "\u202e" not in text and "\u200b" not in text
        # No span carries a link or an action that came from the article.
        for paragraph in reader.query(".paragraph"):
            for span in paragraph.content.spans:
                style = span.style
                if hasattr(style, "link"):
                    assert not style.link
                    meta = style.meta or {}
                    assert "app.quit" not in str(meta.get("@click", ""))
        # Clicking on the literal "[@click=app.quit]" does not quit.
        await pilot.click(ArticleReader, offset=(10, 12))
        await pilot.pause()
        assert app.is_running
        header = rendered(reader.query_one("#reader-header"))
        assert HOSTILE_TITLE in header and "[blink]Outlet[/blink]" in header


async def test_a_hostile_query_is_shown_literally(tmp_path: Path, make_app):
    app = make_app(hostile_workspace(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'[@click=app.quit] "oops')
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.is_running
        error = app.screen.query_one("#query-error")
        assert "unbalanced quote" in rendered(error)
