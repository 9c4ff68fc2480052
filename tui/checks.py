"""Cross-file checks of a loaded workspace: ids, sources, quotes, disputes, aliases, links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from .measure_checks import measure_problems
from .model import Article, Brief, Claim, Dispute
from .problems import Problem
from .site_checks import location_problems, status_problems
from .quotes import closest_passage, locate_quote
from .textfold import fold_key


class LoadedFiles(Protocol):
    """What the checks read: the files of a workspace as loaded (tui/workspace.py's
    Workspace is one). The loader runs the checks, so they depend on the model only."""

    @property
    def root(self) -> Path: ...
    @property
    def articles(self) -> Mapping[str, Article]: ...
    @property
    def briefs(self) -> Mapping[str, Brief]: ...
    @property
    def disputes(self) -> Mapping[str, Dispute]: ...
    @property
    def claims(self) -> Mapping[str, Claim]: ...


def check_workspace(ws: LoadedFiles) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_ids(ws)
    problems += _check_claims(ws)
    problems += _check_disputes(ws)
    problems += _check_aliases(ws)
    problems += _check_related(ws)
    problems += location_problems(ws.briefs.values())
    problems += status_problems(ws.briefs.values(), ws.claims)
    problems += measure_problems(c for b in ws.briefs.values() for c in b.claims)
    return problems


def duplicate_bodies(ws: LoadedFiles) -> list[Problem]:
    """Two articles with the same text (white space folded): one was added twice.

    Not one of the load-time checks: it reads every body, which a load from the parse
    cache's snapshot never does. `borderbrief check` runs it.
    """
    first: dict[str, Article] = {}
    problems = []
    for article in sorted(ws.articles.values(), key=lambda a: a.path.name):
        if not article.body.strip():
            continue
        earlier = first.setdefault(article.body_hash, article)
        if earlier is not article:
            problems.append(Problem(article.path, None, f"same text as '{earlier.id}' ({earlier.path.name}): "
                                                        "the same article added twice? keep one"))
    return problems


def _check_ids(ws: LoadedFiles) -> list[Problem]:
    """Brief, claim and dispute ids share one namespace: a citation names exactly one thing."""
    seen: dict[str, str] = {}
    problems = []
    things = [(b.id, b.path, b.line("id"), "brief") for b in ws.briefs.values()]
    things += [(c.id, c.path, c.line, "claim") for b in ws.briefs.values() for c in b.claims]
    things += [(d.id, d.path, d.line("id"), "dispute") for d in ws.disputes.values()]
    for ident, path, line, what in things:
        where = f"{path.relative_to(ws.root)}" if path.is_relative_to(ws.root) else str(path)
        if ident in seen:
            problems.append(Problem(path, line, f"duplicate id '{ident}' ({what}; already used by {seen[ident]})"))
        else:
            seen[ident] = f"a {what} in {where}"
    return problems


def _check_claims(ws: LoadedFiles) -> list[Problem]:
    problems = []
    for brief in ws.briefs.values():
        for claim in brief.claims:
            article = ws.articles.get(claim.source)
            if article is None:
                problems.append(Problem(claim.path, claim.source_line or claim.line, f"claim '{claim.id}': source article '{claim.source}' does not exist"))
                continue
            found = locate_quote(article.body, claim.quote, claim.occurrence)
            if found.span is not None:
                claim.quote_span = found.span
                continue
            hint = None
            if found.count == 0:
                passage = closest_passage(article.body, claim.quote)
                hint = f"closest passage: \"{passage}\"" if passage else None
            message = f"claim '{claim.id}': {found.error} ({claim.source})"
            if hint:
                message += f"; {hint}"
            problems.append(Problem(claim.path, claim.quote_line or claim.line, message, hint))
    return problems


def _check_disputes(ws: LoadedFiles) -> list[Problem]:
    claims = ws.claims
    problems = []
    for dispute in ws.disputes.values():
        sources = set()
        for index, claim_id in enumerate(dispute.claim_ids):
            claim = claims.get(claim_id)
            if claim is None:
                problems.append(Problem(dispute.path, dispute.line("claims", index), f"dispute '{dispute.id}': unknown claim '{claim_id}'"))
            else:
                sources.add(claim.source)
        if dispute.internal and len(sources) > 1:
            problems.append(Problem(dispute.path, dispute.line("claims", 0), f"dispute '{dispute.id}': labelled internal, but its claims come from {len(sources)} sources; an internal dispute sets one article against itself"))
        elif not dispute.internal and len(sources) == 1:
            problems.append(Problem(dispute.path, dispute.line("claims", 0), f"dispute '{dispute.id}': all its claims come from one source ({next(iter(sources))}); a tension inside one article is labelled 'internal: true'"))
        elif not dispute.internal and len(sources) < 2:
            problems.append(Problem(dispute.path, dispute.line("claims", 0), f"dispute '{dispute.id}': its claims come from {len(sources)} source(s); a dispute needs two or more"))
        for index, entity in enumerate(dispute.entities):
            if entity not in ws.briefs:
                problems.append(Problem(dispute.path, dispute.line("entities", index), f"dispute '{dispute.id}': unknown entity '{entity}'"))
    return problems


def _check_aliases(ws: LoadedFiles) -> list[Problem]:
    owners: dict[str, set[str]] = defaultdict(set)
    for brief in ws.briefs.values():
        for name in brief.names:
            owners[fold_key(name)].add(brief.id)
    problems = []
    for brief in ws.briefs.values():
        for index, name in enumerate(brief.names):
            others = sorted(owners[fold_key(name)] - {brief.id})
            if others:
                line = brief.line("name") if index == 0 else brief.line("aliases", index - 1)
                problems.append(Problem(brief.path, line, f"name or alias '{name}' is also used by {', '.join(others)}"))
    return problems


def _check_related(ws: LoadedFiles) -> list[Problem]:
    problems = []
    for brief in ws.briefs.values():
        for index, related in enumerate(brief.related):
            line = brief.line("related", index)
            if related not in ws.briefs:
                problems.append(Problem(brief.path, line, f"related id '{related}' does not exist"))
            elif related == brief.id:
                problems.append(Problem(brief.path, line, "a brief lists itself as related"))
    return problems
