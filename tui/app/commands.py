"""Command palette: find articles, entities and disputes by name, and the recent queries.

The palette parses plain strings as markup, so untrusted names are handed over as Rich
Text (prompt) and escaped markup (help): a title like "[@click=app.quit]" stays literal.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from ..measures import chartable_measures
from ..safetext import one_line
from ..textfold import fold_key

# Above any fuzzy score (Textual's grow with the length of what matches, past 1), so "Rason"
# lists the Rason site before the articles and disputes that name it.
EXACT_NAME = 1_000_000.0
RECENT = 10  # queries asked before, newest first, offered as "Recent:"


class BriefingCommands(Provider):
    def _entries(self):
        app = self.app
        briefing = app.backend.briefing
        for query in app.backend.query_history.recent(RECENT):
            yield (f"Recent: {one_line(query, 90)}", "search again", partial(app.search_again, query), ())
        for article in briefing.workspace.articles_newest_first():
            date = article.published.iso() if article.published else "undated"
            yield (f"Article: {one_line(article.title, 90)}", f"{date} · {one_line(article.outlet or 'outlet unknown')}",
                   partial(app.open_article, article.id), ())
        for brief in sorted(briefing.briefs.values(), key=lambda b: b.name.casefold()):
            names = ", ".join(brief.aliases[:4])
            yield (f"{brief.kind.title()}: {one_line(brief.name, 60)}", one_line(f"{brief.type} · {names}", 90),
                   partial(app.open_entity, brief.id), {fold_key(n) for n in (brief.name, brief.id, *brief.aliases)})
        for dispute in briefing.disputes.values():
            yield (f"Dispute: {one_line(dispute.question, 90)}", dispute.kind, partial(app.open_dispute, dispute.id), ())
        yield ("Picture: Map of the located sites", "m on the main screen", app.open_map, ())
        yield ("Picture: Timeline of dated claims and articles", "t on the main screen", app.open_timeline, ())
        yield ("Board: Crossings, their latest state by source", "b on the main screen", app.open_crossings, ())
        for measure in chartable_measures(briefing).values():
            yield (f"Picture: Chart of {one_line(measure.title, 60)}",
                   f"{len(measure.points)} values · g on its brief or dispute", partial(app.open_chart, measure.id), ())

    async def discover(self) -> Hits:
        for title, help_text, callback, _ in self._entries():
            if title.startswith(("Recent:", "Site:", "Dispute:", "Picture:", "Board:")):
                yield DiscoveryHit(Text(title), callback, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        key = fold_key(query)
        for title, help_text, callback, names in self._entries():
            score = EXACT_NAME if key in names else max(matcher.match(title), matcher.match(f"{title} {help_text}") * 0.8)
            if score > 0:
                yield Hit(score, self._highlight(matcher, title), callback, text=title, help=escape(help_text))

    @staticmethod
    def _highlight(matcher, title: str) -> Text:
        text = Text(title)
        _, offsets = matcher.fuzzy_search.match(matcher.query, title)
        for offset in offsets:
            text.stylize("bold underline", offset, offset + 1)
        return text
