"""The shipped briefs keep the curation rules the checks enforce, stated here on the data
itself so a rule weakened in code still fails on the briefs."""

from __future__ import annotations

import pytest

from support import REPO_ROOT
from tui.workspace import Workspace

WS = Workspace.load(REPO_ROOT)
DISPUTES = sorted(WS.disputes)


@pytest.mark.parametrize("dispute_id", DISPUTES, ids=DISPUTES)
def test_a_dispute_from_one_article_is_labelled_internal(dispute_id: str):
    dispute = WS.disputes[dispute_id]
    sources = {WS.claims[c].source for c in dispute.claim_ids}
    assert (len(sources) == 1) is dispute.internal, (dispute_id, sorted(sources))


def test_the_shipped_workspace_has_internal_and_framing_disputes_to_check():
    assert any(d.internal for d in WS.disputes.values())
    assert any(d.kind == "framing" for d in WS.disputes.values())
    assert any(d.kind != "framing" and not d.internal for d in WS.disputes.values())


def test_shipped_workspace_checks_clean():
    from tui.checks import check_workspace

    assert WS.problems == [] and check_workspace(WS) == []
