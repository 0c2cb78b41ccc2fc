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
from ddfacts.jsonio._codec import structure
from ddfacts.jsonio._fast._load import structure_fast

#: Claims weigh double: they carry every format-1.1 part.
RECORDS = st.one_of(
    dst.sources(),
    dst.statements(),
    dst.actors(),
    dst.events(),
    dst.claims(),
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

    @given(RECORDS)
    def test_fast_path_agrees(self, record: d.Record) -> None:
        """The fast loading path builds what the codec builds, field for field."""
        value = d.to_json(record)
        assert structure_fast(value) == structure(value) == record

    # Whole sets are slow to draw (about 0.3 s each): 100 of them, drawn once for both
    # properties; the records above get the profile's 500, with every format-1.1 field.
    @settings(max_examples=100)
    @given(dst.fact_sets())
    def test_fact_set_text(self, facts: d.FactSet) -> None:
        """dumps(loads(dumps(f))) == dumps(f) for documents and JSON Lines; the schema agrees."""
        for jsonl in (False, True):
            text = d.dumps(facts, jsonl=jsonl)
            again = d.loads(text, jsonl=jsonl)
            assert again == facts
            assert d.dumps(again, jsonl=jsonl) == text
        document = json.loads(d.dumps(facts))
        assert list(schemas.validator("factfile").iter_errors(document)) == []
        assert all(_refines_its_kind(facts, claim) for claim in facts.claims)


class TestSchemaAgreement:
    """What the library writes passes the schemas."""

    @given(RECORDS)
    def test_record_passes_its_schema(self, record: d.Record) -> None:
        """Each generated record's JSON passes the schema of its type."""
        errors = list(schemas.validator(record.type).iter_errors(d.to_json(record)))
        assert errors == []


def _refines_its_kind(facts: d.FactSet, claim: d.Claim) -> bool:
    """A refinement names a claim of the set with its subject and property."""
    if claim.refines is None:
        return True
    target = facts.get(claim.refines)
    return isinstance(target, d.Claim) and (target.subject, target.property) == (
        claim.subject,
        claim.property,
    )


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

    @given(RECORDS, st.data())
    def test_one_nested_member_of_the_wrong_kind(
        self, record: d.Record, data: st.DataObject
    ) -> None:
        """A member at any depth (a hop's mode, a rank's ranking...) of the wrong kind is refused.

        The codec's pointer names the corrupted member or a member that holds it.
        """
        value = d.to_json(record)
        paths = sorted(_member_paths(value), key=lambda path: [str(t) for t in path])
        path = data.draw(st.sampled_from(paths))
        holder: Any = value
        for token in path[:-1]:
            holder = holder[token]
        holder[path[-1]] = _wrong(holder[path[-1]])
        pointer = "".join(f"/{token}" for token in path)
        with pytest.raises(d.LoadError) as caught:
            d.from_json(value)
        assert pointer.startswith(caught.value.pointer)
        assert not schemas.validator(record.type).is_valid(value)
        assert not schemas.validator("record").is_valid(value)

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


def _member_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every member and item, at any depth, but ``type`` and ``x-`` extensions."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        children: list[tuple[Any, Any]] = [
            (k, v) for k, v in value.items() if not k.startswith("x-") and k != "type"
        ]
    elif isinstance(value, list):
        children = list(enumerate(value))
    else:
        return found
    for token, child in children:
        found.append((*path, token))
        found.extend(_member_paths(child, (*path, token)))
    return found
