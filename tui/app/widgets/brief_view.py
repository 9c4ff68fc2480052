"""Brief view: an entity's summary, names, place, related entities, claims and mentions."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...briefing import Briefing
from ...coverage import coverage_of
from ...model import Brief
from ..richtext import DIM, QUOTE, SITE, ACTOR, date_text, safe, safe_line, pane_title, one_line
from .motion_list import MotionList

CONTEXT_CHARS = 70


class BriefView(VerticalScroll):
    """Shows one brief. Its list of related entities, claims and disputes is navigable."""

    class ItemChosen(Message):
        def __init__(self, kind: str, target: str) -> None:
            super().__init__()
            self.kind = kind  # entity | claim | dispute
            self.target = target

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.brief: Brief | None = None
        self._items: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="brief-header")
        yield MotionList(id="brief-items")
        yield Static(id="brief-mentions")

    def show(self, briefing: Briefing, brief: Brief) -> None:
        self.brief = brief
        self.border_title = pane_title(f"{brief.kind.title()} brief: {one_line(brief.name, 60)}")
        self.query_one("#brief-header", Static).update(self._header(briefing, brief))
        items = self.query_one("#brief-items", OptionList)
        self._items = []
        options: list[Option | None] = []
        for related in brief.related:
            other = briefing.briefs.get(related)
            if other is None:
                continue
            self._items.append(("entity", related))
            options.append(Option(Text.assemble(("→ ", DIM), safe_line(other.name, SITE if other.kind == "site" else ACTOR),
                                                (f"  {other.kind}/{other.type}", DIM))))
        for claim in brief.claims:
            article = briefing.articles.get(claim.source)
            self._items.append(("claim", claim.id))
            prompt = Text()
            prompt.append_text(safe_line(claim.says, "bold"))
            value = claim.value_text()
            if value:
                prompt.append("  = ", style=DIM)
                prompt.append_text(safe_line(value, "bold yellow"))
            if claim.as_of:
                prompt.append(f"  (as of {claim.as_of.iso()})", style=DIM)
            prompt.append("\n  ")
            if article:
                prompt.append(f"{date_text(article.published)} ", style=DIM)
                prompt.append_text(safe_line(article.outlet or "outlet unknown", "cyan", limit=30))
                prompt.append("  ")
            prompt.append(f"[{claim.id}]", style=DIM)
            if coverage_of(briefing).claim_flag(briefing, claim.id) == "single-source":
                prompt.append("  ⚠ single source", style="bold yellow")
            prompt.append("\n  “")
            prompt.append_text(safe_line(claim.quote, QUOTE))
            prompt.append("”")
            options.append(Option(prompt))
        disputes = briefing.disputes_with(brief.id)
        for dispute in disputes:
            self._items.append(("dispute", dispute.id))
            label = ("⚖ dispute ", "bold red") if dispute.is_conflict else ("≈ framing ", "bold blue")
            kind = dispute.kind + (", internal" if dispute.internal else "")
            options.append(Option(Text.assemble(label, safe_line(dispute.question), (f"  ({kind})", DIM))))
        items.set_options(options)
        items.display = bool(options)
        if options:
            items.highlighted = 0
        conflicts = sum(d.is_conflict for d in disputes)
        framing = f" · Framing {len(disputes) - conflicts}" if len(disputes) > conflicts else ""
        items.border_title = pane_title(f"Related {len(brief.related)} · Claims {len(brief.claims)} · Disputes {conflicts}{framing}")
        self.query_one("#brief-mentions", Static).update(self._mentions(briefing, brief))
        self.scroll_home(animate=False)

    @property
    def entries(self) -> list[tuple[str, str]]:
        """What the brief's list holds, in order: (kind, target) with kind entity | claim |
        dispute and target its id."""
        return list(self._items)

    @property
    def highlighted_entry(self) -> tuple[str, str] | None:
        """The (kind, target) of the list's highlighted item, if any."""
        index = self.query_one("#brief-items", OptionList).highlighted
        return self._items[index] if index is not None and index < len(self._items) else None

    def return_to(self, selection: int | None, scroll_y: float) -> None:
        """Put the brief back as it was left (escape): its highlighted item and its scroll."""
        items = self.query_one("#brief-items", OptionList)
        if selection is not None and selection < items.option_count:
            items.highlighted = selection
        self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False, immediate=True)

    def _header(self, briefing: Briefing, brief: Brief) -> Text:
        text = Text()
        text.append_text(safe(brief.name, "bold"))
        text.append(f"  {brief.kind} · {brief.type}", style=DIM)
        if brief.country:
            text.append(f" · {brief.country}", style=DIM)
        if brief.media_kind:
            text.append(f" · {brief.media_kind}", style=DIM)
        if brief.location:
            text.append(f"\n⌖ {brief.location.lat:.3f}, {brief.location.lon:.3f}", style=DIM)
        other_names = [a for a in brief.aliases if a != brief.name]
        if other_names:  # an alias equal to the name alone would leave "Also:" empty
            text.append("\nAlso: ", style=DIM)
            text.append_text(safe_line(", ".join(other_names), limit=400))
        count = briefing.mention_counts.get(brief.id, 0)
        articles = briefing.articles_by_entity.get(brief.id, [])
        text.append(f"\n{count} mention(s) in {len(articles)} article(s)", style=DIM)
        flag = coverage_of(briefing).flag(brief.id)
        if flag == "single-source":
            text.append("\n⚠ single-source: every article that mentions it comes from one outlet (v: coverage)",
                        style="bold yellow")
        elif flag == "single-country":
            text.append("\n⚠ single-country: every known outlet that mentions it is from one country (v: coverage)",
                        style="yellow")
        text.append("\n\n")
        text.append_text(safe(" ".join(brief.summary.split())))
        return text

    def _mentions(self, briefing: Briefing, brief: Brief) -> Text:
        text = Text("Mentions in context\n", style="bold")
        style = SITE if brief.kind == "site" else ACTOR
        any_found = False
        for article_id in briefing.articles_by_entity.get(brief.id, []):
            article = briefing.articles[article_id]
            mentions = [m for m in briefing.mentions.get(article_id, []) if m.entity_id == brief.id]
            if not mentions:
                continue
            any_found = True
            text.append("\n")
            text.append(f"{date_text(article.published)} ", style=DIM)
            text.append_text(safe_line(article.title, "italic", limit=90))
            for mention in mentions[:12]:
                start, end = _context(article.body, mention.start, mention.end)
                before = safe_line(article.body[start:mention.start])
                line = Text("\n  … ")
                line.append_text(before)
                if before.plain and article.body[mention.start - 1].isspace():
                    line.append(" ")
                line.append_text(safe_line(article.body[mention.start:mention.end], style))
                after = safe_line(article.body[mention.end:end])
                if after.plain and article.body[mention.end:mention.end + 1].isspace():
                    line.append(" ")
                line.append_text(after)
                line.append(" …")
                text.append_text(line)
            if len(mentions) > 12:
                text.append(f"\n  … and {len(mentions) - 12} more", style=DIM)
        if not any_found:
            text.append("\nNo article mentions it by name.", style=DIM)
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, target = self._items[event.option_index]
        self.post_message(self.ItemChosen(kind, target))


def _context(body: str, start: int, end: int) -> tuple[int, int]:
    """About CONTEXT_CHARS either side of a span, widened or narrowed to whole words."""
    left = max(0, start - CONTEXT_CHARS)
    if left > 0:
        space = body.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(body), end + CONTEXT_CHARS)
    if right < len(body):
        space = body.rfind(" ", end, right)
        right = space if space != -1 else right
    return left, right
