"""A briefing report for people without the tool: Markdown, a self-contained HTML page,
or JSON with schema.org ClaimReview-style claims.

The report holds the sources, the briefs (sites, then actors) with their claims and
citations, and every dispute with its sources side by side; HTML also carries the map
and the timeline as inline SVG. Filtered to some entities, it keeps their briefs, the
disputes that touch them and the sources they cite. All text from articles and briefs
is escaped for its format, with control, bidi and invisible characters made visible.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from . import __version__
from .briefing import Briefing
from .compare import DisputeComparison, compare_dispute, disputes_for, source_count_text
from .model import Article, Brief, Claim
from .safetext import json_safe, one_line, visible


@dataclass
class ReportContent:
    briefing: Briefing
    briefs: list[Brief]
    disputes: list[DisputeComparison]
    sources: list[Article]
    entities: list[str]  # the filter, or [] for everything

    def citation_number(self, article_id: str) -> int:
        return 1 + [a.id for a in self.sources].index(article_id)


def collect(briefing: Briefing, entities: list[str] | None = None) -> ReportContent:
    """What goes in the report. Raises KeyError for an unknown entity id."""
    entities = list(entities or [])
    for entity in entities:
        if entity not in briefing.briefs:
            raise KeyError(entity)
    if entities:
        briefs = [briefing.briefs[e] for e in entities]
        disputes = [c for e in entities for c in disputes_for(briefing, entity=e)]
        unique, seen = [], set()
        for comparison in disputes:
            if comparison.dispute.id not in seen:
                seen.add(comparison.dispute.id)
                unique.append(comparison)
        disputes = unique
    else:
        briefs = sorted(briefing.briefs.values(), key=lambda b: (b.kind != "site", b.name.casefold()))
        disputes = [compare_dispute(briefing, d) for d in briefing.disputes.values()]
    cited = {c.source for b in briefs for c in b.claims} | {s.claim.source for d in disputes for s in d.sides}
    if not entities:
        cited |= set(briefing.articles)
    sources = [a for a in briefing.workspace.articles_newest_first() if a.id in cited]
    return ReportContent(briefing, briefs, disputes, sources, entities)


def _date(article: Article | None) -> str:
    return article.published.iso() if article and article.published else "undated"


def _outlet(article: Article | None) -> str:
    return one_line(article.outlet) if article and article.outlet else "outlet unknown"


# -- Markdown ---------------------------------------------------------------------------------

def _md(text: str | None) -> str:
    """Untrusted text for Markdown: visible, one line, with Markdown/HTML syntax escaped."""
    text = one_line(text or "")
    for ch in "\\`*_{}[]<>#|!":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(content: ReportContent) -> str:
    b = content.briefing
    out = [f"# Border briefing{' — ' + ', '.join(_md(b.briefs[e].name) for e in content.entities) if content.entities else ''}",
           "", f"Generated {dt.date.today().isoformat()} by borderbrief {__version__} from {len(content.sources)} source(s).", ""]
    out += ["## Sources", ""]
    for n, article in enumerate(content.sources, 1):
        line = f"{n}. {_date(article)} — {_md(_outlet(article))}: *{_md(article.title)}*"
        if article.author:
            line += f", by {_md(article.author)}"
        if article.url:
            line += f" <{_md(article.url)}>"
        out.append(line + f" `{article.id}`")
    for kind, heading in (("site", "Sites"), ("actor", "Actors")):
        briefs = [x for x in content.briefs if x.kind == kind]
        if not briefs:
            continue
        out += ["", f"## {heading}", ""]
        for brief in briefs:
            out += [f"### {_md(brief.name)}", "", f"*{brief.type}{' · ' + brief.country if brief.country else ''}"
                    + (f" · {brief.location.lat:.3f}, {brief.location.lon:.3f}" if brief.location else "") + "*", ""]
            if brief.aliases:
                out += [f"Also: {_md(', '.join(brief.aliases))}", ""]
            out += [_md(" ".join(brief.summary.split())), ""]
            for claim in brief.claims:
                article = b.articles.get(claim.source)
                value = f" **{_md(claim.value_text())}**" if claim.value is not None else ""
                as_of = f" (as of {claim.as_of.iso()})" if claim.as_of else ""
                cite = f"[{content.citation_number(claim.source)}]" if article in content.sources else ""
                out.append(f"- {_md(claim.says)}{value}{as_of} — “{_md(claim.quote)}” {cite} {_md(_outlet(article))}, {_date(article)}")
            if brief.claims:
                out.append("")
    out += ["", "## Where sources disagree", ""]
    for comparison in content.disputes:
        d = comparison.dispute
        out += [f"### {_md(d.question)}", "", f"*{d.kind} · {source_count_text(comparison.source_count)}* — {_md(' '.join(d.note.split()))}", ""]
        out += ["| " + " | ".join(f"{_md(_outlet(s.article))}, {_date(s.article)}" for s in comparison.sides) + " |",
                "|" + "---|" * len(comparison.sides),
                "| " + " | ".join((f"**{_md(s.claim.value_text())}**{' ≠' if s.differs else ''} " if s.claim.value is not None else "")
                                  + f"“{_md(s.claim.quote)}” [{content.citation_number(s.claim.source)}]" for s in comparison.sides) + " |", ""]
    return "\n".join(out).rstrip() + "\n"


# -- HTML ---------------------------------------------------------------------------------------

def _h(text: str | None) -> str:
    """Untrusted text for HTML: control/bidi/invisible characters visible, then escaped."""
    return html.escape(visible(text or ""), quote=True)


_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }
h1 { font-size: 1.8rem; } h2 { border-bottom: 2px solid #d0d7e2; margin-top: 2.5rem; }
h3 { margin-bottom: .2rem; } .meta { color: #5a6475; font-size: .9rem; }
ol.sources li { margin: .2rem 0; } q { background: #fff3c4; quotes: "“" "”"; }
ul.claims li { margin: .4rem 0; } .value { font-weight: 600; color: #0b5394; } .differs { color: #b3261e; }
.dispute { margin: 1.5rem 0; } .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .8rem; }
.side { border: 1px solid #d0d7e2; border-radius: .4rem; padding: .6rem .8rem; background: #fafbfd; }
.side .outlet { font-weight: 600; } .gap { color: #8a5a00; font-size: .85rem; }
figure { margin: 1.5rem 0; } figure svg { width: 100%; height: auto; border: 1px solid #d0d7e2; }
@media print { body { margin: 0; max-width: none; } .side { break-inside: avoid; } figure { break-inside: avoid; } a { color: inherit; } }
"""


def render_html(content: ReportContent, pictures: dict[str, str] | None = None) -> str:
    """One self-contained page: no scripts, no external resources; pictures inline."""
    b = content.briefing
    title = "Border briefing" + (" — " + ", ".join(b.briefs[e].name for e in content.entities) if content.entities else "")
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{_h(title)}</h1>",
             f'<p class="meta">Generated {dt.date.today().isoformat()} by borderbrief {__version__} from '
             f"{len(content.sources)} source(s), {len(content.briefs)} brief(s), {len(content.disputes)} dispute(s).</p>"]
    for name, svg in (pictures or {}).items():
        parts.append(f'<figure id="picture-{_h(name)}">{svg}<figcaption class="meta">{_h(name.title())}</figcaption></figure>')
    parts.append('<h2 id="sources">Sources</h2><ol class="sources">')
    for article in content.sources:
        link = f' <a href="{_h(article.url)}">{_h(article.url)}</a>' if article.url else ""
        author = f", by {_h(article.author)}" if article.author else ""
        parts.append(f'<li id="src-{_h(article.id)}">{_date(article)} — {_h(_outlet(article))}: '
                     f"<cite>{_h(article.title)}</cite>{author}{link} <code>{_h(article.id)}</code></li>")
    parts.append("</ol>")
    for kind, heading in (("site", "Sites"), ("actor", "Actors")):
        briefs = [x for x in content.briefs if x.kind == kind]
        if not briefs:
            continue
        parts.append(f'<h2 id="{kind}s">{heading}</h2>')
        for brief in briefs:
            where = f" · {brief.location.lat:.3f}, {brief.location.lon:.3f}" if brief.location else ""
            parts.append(f'<section class="brief" id="brief-{_h(brief.id)}"><h3>{_h(brief.name)}</h3>'
                         f'<p class="meta">{_h(brief.type)}{" · " + _h(brief.country) if brief.country else ""}{where}'
                         + (f" · also {_h(', '.join(brief.aliases))}" if brief.aliases else "") + "</p>"
                         f"<p>{_h(' '.join(brief.summary.split()))}</p>")
            if brief.claims:
                parts.append('<ul class="claims">')
                for claim in brief.claims:
                    parts.append(f"<li>{_claim_html(content, claim)}</li>")
                parts.append("</ul>")
            parts.append("</section>")
    parts.append('<h2 id="disputes">Where sources disagree</h2>')
    for comparison in content.disputes:
        d = comparison.dispute
        parts.append(f'<section class="dispute" id="dispute-{_h(d.id)}"><h3>{_h(d.question)}</h3>'
                     f'<p class="meta">{_h(d.kind)} · {source_count_text(comparison.source_count)}</p><p>{_h(" ".join(d.note.split()))}</p>'
                     '<div class="sides">')
        for side in comparison.sides:
            value = ""
            if side.claim.value is not None:
                value = (f'<div class="value{" differs" if side.differs else ""}">{_h(side.claim.value_text())}'
                         f'{" ≠" if side.differs else ""}</div>')
            gap = f'<div class="gap">+{_h(side.gap)} after the previous source</div>' if side.gap else ""
            parts.append(f'<div class="side">{gap}<div class="outlet">{_h(_outlet(side.article))}</div>'
                         f'<div class="meta">{_date(side.article)}</div>{value}<p><q>{_h(side.claim.quote)}</q> '
                         f'<a href="#src-{_h(side.claim.source)}">[{content.citation_number(side.claim.source)}]</a></p></div>')
        parts.append("</div></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _claim_html(content: ReportContent, claim: Claim) -> str:
    article = content.briefing.articles.get(claim.source)
    value = f' <span class="value">{_h(claim.value_text())}</span>' if claim.value is not None else ""
    as_of = f" (as of {claim.as_of.iso()})" if claim.as_of else ""
    cite = (f' <a href="#src-{_h(claim.source)}">[{content.citation_number(claim.source)}]</a>'
            if article in content.sources else "")
    return f"{_h(claim.says)}{value}{as_of} — <q>{_h(claim.quote)}</q>{cite} <span class=\"meta\">{_h(_outlet(article))}, {_date(article)}</span>"


# -- JSON -----------------------------------------------------------------------------------------

def claim_review(briefing: Briefing, claim: Claim) -> dict:
    """A claim as a schema.org ClaimReview-style object, with its exact quote and offsets."""
    article = briefing.articles.get(claim.source)
    brief = briefing.briefs[claim.brief_id]
    date = article.published.iso() if article and article.published else None
    appearance = {"@type": "NewsArticle", "identifier": claim.source}
    if article:
        appearance |= {"headline": article.title, "datePublished": date, "url": article.url,
                       "publisher": {"@type": "Organization", "name": article.outlet},
                       "author": {"@type": "Person", "name": article.author} if article.author else None}
    return {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.says,
        "about": {"@type": "Place" if brief.kind == "site" else "Thing", "identifier": brief.id, "name": brief.name},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": article.outlet if article else None},
            "datePublished": date,
            "url": article.url if article else None,
            "appearance": appearance,
            "text": claim.quote,
        },
        "quote": claim.quote,
        "quoteSelector": {"@type": "TextQuoteSelector", "exact": claim.quote,
                          "start": claim.quote_span[0] if claim.quote_span else None,
                          "end": claim.quote_span[1] if claim.quote_span else None},
        "value": claim.value,
        "unit": claim.unit,
        "measure": claim.measure,
        "asOf": claim.as_of.iso() if claim.as_of else None,
    }


def render_json(content: ReportContent) -> str:
    b = content.briefing
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": "Border briefing",
        "dateCreated": dt.date.today().isoformat(),
        "generator": f"borderbrief {__version__}",
        "entities": content.entities,
        "sources": [{"@type": "NewsArticle", "identifier": a.id, "headline": a.title, "datePublished": _date(a),
                     "publisher": a.outlet, "author": a.author, "url": a.url} for a in content.sources],
        "briefs": [{"identifier": x.id, "kind": x.kind, "type": x.type, "name": x.name, "aliases": x.aliases,
                    "country": x.country, "geo": {"latitude": x.location.lat, "longitude": x.location.lon} if x.location else None,
                    "related": x.related, "summary": x.summary, "claims": [c.id for c in x.claims]} for x in content.briefs],
        "claims": [claim_review(b, c) for x in content.briefs for c in x.claims],
        "disputes": [c.to_json() for c in content.disputes],
    }
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
