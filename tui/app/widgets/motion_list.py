"""An OptionList with the vim motions every list in the app shares (j/k, g/G, ctrl+d/ctrl+u)."""

from __future__ import annotations

from textual.widgets import OptionList

from .motions import LIST_MOTIONS


class MotionList(OptionList):
    """The plain list of a screen or view: arrows as OptionList has them, plus vim motions."""

    BINDINGS = LIST_MOTIONS
