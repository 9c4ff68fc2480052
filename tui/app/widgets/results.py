"""Results: the hits of the current search with their highlighted fragments."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..backend import HIGHLIGHT_FIRST, Hit
from ...searchhints import SearchHint
from .motions import LIST_MOTIONS
from .paged_list import PagedOptionList
from ..richtext import DIM, MATCH, safe_line, pane_title


class ResultsList(PagedOptionList[Hit]):
    """A page of hits is laid out at a time (see PagedOptionList): typing costs what is seen."""

    BINDINGS = LIST_MOTIONS

    class HitChosen(Message):
        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    class SuggestionChosen(Message):
        def __init__(self, suggestion: SearchHint) -> None:
            super().__init__()
            self.suggestion = suggestion

    class FragmentsWanted(Message):
        """Hits laid out without fragments (the search highlighted only the first page)."""

        def __init__(self, hits: list[Hit]) -> None:
            super().__init__()
            self.hits = hits

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[Hit] = []
        self.suggestions: list[SearchHint] = []
        self._query = ""
        self._fragments_asked: set[int] = set()

    def show(self, hits: list[Hit], total: int, query: str, entity: str | None = None,
             suggestions: list[SearchHint] = ()) -> None:
        self.hits = list(hits)
        self._query = query
        # The search gave fragments to the first HIGHLIGHT_FIRST hits of each kind already (one
        # of those left without any holds no word of the query in its text); the others are
        # asked for as they are laid out.
        ranks: dict[str, int] = {}
        self._fragments_asked = set()
        for index, hit in enumerate(self.hits):
            ranks[hit.kind] = ranks.get(hit.kind, 0) + 1
            if ranks[hit.kind] <= HIGHLIGHT_FIRST or hit.kind == "dispute":
                self._fragments_asked.add(index)
        self.suggestions = list(suggestions) if not hits else []
        before = [self._nothing_found(query, entity, self.suggestions)] if not hits and query.strip() else []
        before += [self._suggestion(i, s) for i, s in enumerate(self.suggestions)]
        self.show_items(self.hits, before=before)
        if hits:
            self.highlighted = 0
        elif self.suggestions:
            self.highlighted = 1  # the first suggestion: enter runs it
        if not query.strip():
            shown = f"{len(hits)}" if total == len(hits) else f"{len(hits)} of {total:,}"
            self.border_title = pane_title(f"Articles ({shown})")
        else:
            self.border_title = pane_title(f"Results ({total})" if total == len(hits) else f"Results ({len(hits)} of {total})")

    def lay_out_upto(self, count: int) -> None:
        start = self.laid_out
        super().lay_out_upto(count)
        if not self._query.strip():
            return  # browsing: nothing to highlight
        wanted = [i for i in range(start, self.laid_out) if i not in self._fragments_asked]
        if wanted:
            self._fragments_asked.update(wanted)
            self.post_message(self.FragmentsWanted([self.hits[i] for i in wanted]))

    def add_fragments(self, query: str, highlighted: list[Hit]) -> None:
        """Hits given fragments after they were laid out: their options are drawn again."""
        if query != self._query:
            return  # another search has replaced these hits
        where = {(hit.kind, hit.doc_id): i for i, hit in enumerate(self.hits)}
        for hit in highlighted:
            index = where.get((hit.kind, hit.doc_id))
            if index is None or not hit.fragments or index >= self.laid_out:
                continue
            self.hits[index] = hit
            self.replace_option_prompt(f"hit-{index}", self._make_option(index, hit).prompt)

    @staticmethod
    def _nothing_found(query: str, entity: str | None, suggestions: list[SearchHint]) -> Option:
        """A search that finds nothing says so, and what to loosen, instead of a blank pane."""
        message = Text.assemble(("No results for ", "bold"), safe_line(query, "bold"))
        hints = []
        if suggestions:
            hints.append("try one of these (enter runs it):")
        else:
            if entity:
                hints.append("escape clears the entity filter")
            if ":" in query:
                hints.append("drop a field filter (site:, outlet:, published: …)")
            if len(query.split()) > 1:
                hints.append("fewer words: words are ANDed; OR finds either")
            hints.append("rail* finds every word that starts so")
        for hint in hints:
            message.append("\n  · " + hint, style=DIM)
        return Option(message, id="nothing-found", disabled=True)

    @staticmethod
    def _suggestion(index: int, suggestion: SearchHint) -> Option:
        prompt = Text.assemble(("  → ", "bold"), safe_line(suggestion.query, "bold"),
                               (f"  {suggestion.hits} result(s)", DIM), "\n     ", safe_line(suggestion.why, DIM))
        return Option(prompt, id=f"suggest-{index}")

    def _make_option(self, index: int, hit: Hit) -> Option:
        first = Text(no_wrap=True, overflow="ellipsis")
        if hit.kind == "claim":
            first.append("claim ", style="bold magenta")
        elif hit.kind == "dispute":  # a question between sources: enter opens it side by side
            first.append("⚖ dispute", style="bold red")
            return Option(Group(first, safe_line(hit.title, "bold")), id=f"hit-{index}")
        first.append(f"{hit.published or 'undated':<10} ", style=DIM)
        first.append_text(safe_line(hit.outlet or "outlet unknown", "cyan" if hit.outlet else DIM))
        prompt = safe_line(hit.title, "bold")
        for fragment in hit.fragments:
            line = safe_line(fragment.text)
            # safe_line collapses white space, so map marks by re-finding each word in order.
            position = 0
            for word in fragment.marked_words:
                found = line.plain.find(" ".join(word.split()), position)
                if found >= 0:
                    line.stylize(MATCH, found, found + len(" ".join(word.split())))
                    position = found + 1
            prompt.append("\n  … ", style=DIM)
            prompt.append_text(line)
            prompt.append(" …", style=DIM)
        return Option(Group(first, prompt), id=f"hit-{index}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id and event.option_id.startswith("hit-"):  # not the "no results" line
            self.post_message(self.HitChosen(self.hits[int(event.option_id.removeprefix("hit-"))]))
        elif event.option_id and event.option_id.startswith("suggest-"):
            self.post_message(self.SuggestionChosen(self.suggestions[int(event.option_id.removeprefix("suggest-"))]))

    @property
    def highlighted_hit(self) -> Hit | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("hit-"):
            return None
        return self.hits[int(option.id.removeprefix("hit-"))]
