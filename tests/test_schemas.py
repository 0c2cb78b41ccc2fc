"""The JSON Schemas: valid 2020-12, shipped identical in the package, resolved offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing.exceptions import Unresolvable

import ddfacts as d
from ddfacts import schemas

ROOT = Path(__file__).resolve().parent.parent


class TestSchemaFiles:
    """The schema files themselves."""

    def test_packaged_copy_equals_repository(self) -> None:
        """src/ddfacts/schemas holds exactly the files of schemas/, byte for byte."""
        repo = {p.name: p.read_bytes() for p in (ROOT / "schemas").glob("*.json")}
        package = {p.name: p.read_bytes() for p in (ROOT / "src/ddfacts/schemas").glob("*.json")}
        assert repo == package
        assert sorted(repo) == sorted(schemas.SCHEMA_FILES.values())

    @pytest.mark.parametrize("name", sorted(schemas.SCHEMA_FILES))
    def test_valid_2020_12(self, name: str) -> None:
        """Each schema is a valid 2020-12 schema with an $id under the base URI."""
        value = schemas.schema(name)
        Draft202012Validator.check_schema(value)
        assert value["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert value["$id"] == schemas.BASE_URI + schemas.SCHEMA_FILES[name]

    def test_refs_resolve_offline(self) -> None:
        """Every $ref in every schema resolves inside the registry."""
        registry = schemas.registry()
        for name in schemas.SCHEMA_FILES:
            resolver = registry.resolver(base_uri=schemas.schema(name)["$id"])
            for ref in _refs(schemas.schema(name)):
                resolver.lookup(ref)

    def test_unknown_refs_refused(self) -> None:
        """A reference outside the registry is refused, not fetched."""
        resolver = schemas.registry().resolver()
        with pytest.raises(Unresolvable):
            resolver.lookup("https://example.com/other.json")


def _refs(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["$ref"]] if isinstance(value.get("$ref"), str) else []
        return found + [ref for item in value.values() for ref in _refs(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _refs(item)]
    return []


class TestSchemaAgreement:
    """Schemas accept what the library writes and refuse what it refuses."""

    def test_dumped_file_passes(self) -> None:
        """A document written by dump passes the fact-file schema."""
        from tests.test_jsonio import _records

        document = json.loads(d.dumps(_records()))
        assert list(schemas.validator("factfile").iter_errors(document)) == []

    @pytest.mark.parametrize(
        "record",
        [
            {"type": "actor", "id": "actor:a", "kind": "person"},
            {"type": "actor", "id": "actor:A", "kind": "person", "name": "A"},
            {"type": "actor", "id": "actor:a", "kind": "person", "name": "A", "nick": "x"},
            {"type": "claim", "id": "claim:a", "subject": "actor:a", "property": "p", "value": {}},
            {
                "type": "claim",
                "id": "claim:a",
                "subject": "actor:a",
                "property": "p",
                "value": {"text": "a", "entity": "actor:b"},
            },
            {
                "type": "statement",
                "id": "statement:a",
                "source": "source:a",
                "anchor": {"start": -1, "end": 1, "exact": "x"},
            },
            {"type": "source", "id": "source:a", "sha256": "ABC"},
        ],
    )
    def test_bad_records_fail(self, record: dict[str, object]) -> None:
        """Records the library refuses also fail their schema."""
        assert list(schemas.validator("record").iter_errors(record))
        with pytest.raises(d.LoadError):
            d.from_json(record)
