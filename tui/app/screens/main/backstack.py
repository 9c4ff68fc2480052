"""Main screen: the places escape goes back to, exactly as they were left.

A place is a view of the centre pane (results, an article in the reader, a brief) with what
was shown in it, how far it was scrolled and which item was highlighted. Opening something
pushes the place being left; escape pops it and puts it back. Results are the root: arriving
there by a new search starts the stack again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterator

LIMIT = 50  # places kept; the oldest go first (a long session must not grow without end)


@dataclass(frozen=True)
class Place:
    view: str  # results | reader | brief
    subject: str | None = None  # the article id (reader) or the brief id (brief)
    label: str = ""  # what the breadcrumb calls it: an article's title, a brief's name
    page: int = 0  # the reader's page of a long article
    scroll_y: float = 0.0
    selection: int | None = None  # the highlighted item of the view's list

    def same_subject(self, other: Place) -> bool:
        """Both show the same thing (they may be scrolled differently)."""
        return self.view == other.view and self.subject == other.subject


class BackStack:
    def __init__(self, limit: int = LIMIT) -> None:
        self._places: deque[Place] = deque(maxlen=limit)

    def leave(self, place: Place, going_to: Place) -> None:
        """`place` is being left for `going_to`: remember it, unless that shows the same thing
        (the same article opened again at another quote is one place, not two)."""
        if not place.same_subject(going_to):
            self._places.append(place)

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None

    def clear(self) -> None:
        self._places.clear()

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)
