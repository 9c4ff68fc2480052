"""The JSON Schema files shipped for editors are the ones the models generate."""

from __future__ import annotations

import json

import pytest

from support import REPO_ROOT
from tui.schema import json_schemas


@pytest.mark.parametrize("name", sorted(json_schemas()), ids=sorted(json_schemas()))
def test_shipped_schema_is_up_to_date(name: str):
    shipped = (REPO_ROOT / "schema" / name).read_text(encoding="utf-8")
    assert shipped == json_schemas()[name], "regenerate with: python -m tui.schema schema/"


def test_every_brief_names_its_schema():
    for path in sorted((REPO_ROOT / "briefs").rglob("*.yaml")):
        if path.parent.name not in ("sites", "actors", "disputes"):
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = "dispute.schema.json" if path.parent.name == "disputes" else "brief.schema.json"
        assert first == f"# yaml-language-server: $schema=../../schema/{schema}", path


def test_the_brief_schema_validates_the_shipped_briefs():
    import jsonschema
    import yaml

    # What an editor's YAML language server does with the schema named on each file's first line.
    schemas = {name: json.loads(text) for name, text in json_schemas().items()}
    for folder, name in (("sites", "brief.schema.json"), ("actors", "brief.schema.json"), ("disputes", "dispute.schema.json")):
        for path in sorted((REPO_ROOT / "briefs" / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            jsonschema.validate(json.loads(json.dumps(data, default=str)), schemas[name])
