"""The Textual app. UI modules never import whoosh or yaml: they go through the Backend."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..cli.session import Session


def run_app(session: "Session") -> None:
    from .app import BorderbriefApp
    from .backend import EngineBackend

    backend = EngineBackend(session.root, session.index_dir)
    BorderbriefApp(backend).run()
