"""borderbrief: a terminal briefing browser for the China–North Korea–Russia border."""

__version__ = "0.1.0"
