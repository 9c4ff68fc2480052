"""The main screen, split by job: see screen.py for how the parts compose."""

from .screen import MainScreen

__all__ = ["MainScreen"]
