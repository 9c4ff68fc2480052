"""`search --limit N` shows at most N hits in all, articles and claims together."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("limit", [1, 2, 3])
@pytest.mark.parametrize("output", ["--json", "--table"])
def test_limit_bounds_hits_of_every_kind_together(small_workspace, run_cli, limit, output):
    everything = json.loads(run_cli("search", "--json", "Sinuiju", workspace=small_workspace).stdout)
    assert {h["kind"] for h in everything} == {"article", "claim"} and len(everything) > 3
    args = ["search", "--limit", str(limit), "Sinuiju"] + (["--json"] if output == "--json" else [])
    result = run_cli(*args, workspace=small_workspace)
    assert result.exit_code == 0
    if output == "--json":
        assert [h["id"] for h in json.loads(result.stdout)] == [h["id"] for h in everything[:limit]]
    else:
        assert f"{limit} of {len(everything)} match(es)" in result.stdout
