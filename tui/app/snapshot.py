"""Pictures as SVG: one screen shown by a headless app, exported as Textual draws it.

tui/app/pictures.py (no Textual at import time) calls render_svg; the CLI's `export`
command calls tui/app/pictures.py.
"""

from __future__ import annotations

from typing import Callable

from textual.app import App
from textual.screen import Screen


class PictureApp(App[str]):
    """Shows one screen, waits until it has drawn, and exits with its SVG."""

    CSS_PATH = "app.tcss"

    def __init__(self, make_screen: Callable[[], Screen], title: str) -> None:
        super().__init__()
        self._make_screen = make_screen
        self._title = title

    def on_mount(self) -> None:
        self.push_screen(self._make_screen())


def render_svg(make_screen: Callable[[], Screen], size: tuple[int, int] = (120, 40), title: str = "borderbrief") -> str:
    app = PictureApp(make_screen, title)

    async def capture(pilot) -> None:
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        pilot.app.exit(pilot.app.export_screenshot(title=title))

    result = app.run(headless=True, size=size, auto_pilot=capture)
    if not isinstance(result, str):
        raise RuntimeError("the picture could not be drawn")
    return result
