"""Properties of records and fact files, over generated records."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddfacts as d
from ddfacts import schemas
from ddfacts import strategies as dst

RECORDS = st.one_of(
    dst.sources(),
    dst.statements(),
    dst.actors(),
    dst.events(),
    dst.claims(),
    dst.reviews(),
)


class TestRoundTrip:
    """record -> JSON -> record is the identity, and JSON text is canonical."""

    @given(RECORDS)
    def test_record(self, record: d.Record) -> None:
        """from_json(to_json(r)) == r, also through JSON text."""
        value = d.to_json(record)
        assert d.from_json(value) == record
        assert d.from_json(json.loads(json.dumps(value))) == record

    @settings(max_examples=100)  # whole sets are slow to draw; records get the full profile
    @given(dst.fact_sets())
    def test_fact_set_text(self, facts: d.FactSet) -> None:
        """dumps(loads(dumps(f))) == dumps(f) for documents and JSON Lines."""
        for jsonl in (False, True):
            text = d.dumps(facts, jsonl=jsonl)
            again = d.loads(text, jsonl=jsonl)
            assert again == facts
            assert d.dumps(again, jsonl=jsonl) == text


class TestSchemaAgreement:
    """What the library writes passes the schemas."""

    @given(RECORDS)
    def test_record_passes_its_schema(self, record: d.Record) -> None:
        """Each generated record's JSON passes the schema of its type."""
        errors = list(schemas.validator(record.type).iter_errors(d.to_json(record)))
        assert errors == []

    @settings(max_examples=100)
    @given(dst.fact_sets())
    def test_document_passes(self, facts: d.FactSet) -> None:
        """A dumped fact set passes the fact-file schema."""
        document = json.loads(d.dumps(facts))
        assert list(schemas.validator("factfile").iter_errors(document)) == []


def _wrong(value: Any) -> Any:
    """A JSON value of another kind than *value*."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, (int, float)):
        return "12"
    if isinstance(value, str):
        return 12
    if isinstance(value, list):
        return {"items": value}
    return [value]


class TestCorruption:
    """A record with one member corrupted fails to load, and fails its schema."""

    @given(RECORDS, st.data())
    def test_one_member_of_the_wrong_kind(self, record: d.Record, data: st.DataObject) -> None:
        """Replacing one known member's value by another kind of JSON value is refused."""
        value = d.to_json(record)
        keys = sorted(k for k in value if k != "type" and not k.startswith("x-"))
        key = data.draw(st.sampled_from(keys))
        value[key] = _wrong(value[key])
        with pytest.raises(d.LoadError) as caught:
            d.from_json(value)
        assert caught.value.pointer.startswith(f"/{key}") or caught.value.pointer == ""
        assert list(schemas.validator("record").iter_errors(value))

    @given(RECORDS, st.sampled_from(["", "BAD ID", "actor", "x:y", "actor:-a"]))
    def test_malformed_id(self, record: d.Record, bad: str) -> None:
        """A malformed id is refused by the codec and by the schema."""
        value = d.to_json(record)
        value["id"] = bad
        with pytest.raises(d.LoadError):
            d.from_json(value)
        assert list(schemas.validator("record").iter_errors(value))

    @given(RECORDS)
    def test_missing_required(self, record: d.Record) -> None:
        """Dropping a required member is refused by the codec and by the schema."""
        value = d.to_json(record)
        required = schemas.schema(record.type)["required"]
        for key in required:
            broken = {k: v for k, v in value.items() if k != key}
            with pytest.raises(d.LoadError):
                d.from_json(broken)
            assert list(schemas.validator("record").iter_errors(broken))
