"""The compiled shape check agrees with jsonschema on valid records and on broken ones."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import ddfacts
from ddfacts import strategies as dst
from ddfacts.jsonio._fast._shape import (
    UnsupportedSchemaError,
    check_for,
    compile_check,
    compile_schema,
    is_valid_record,
)
from ddfacts.schemas import validator

Path = tuple[Any, ...]

RECORDS = st.one_of(
    dst.sources(),
    dst.statements(),
    dst.actors(),
    dst.events(),
    dst.claims(),
    dst.reviews(),
)
#: Values that break a rule wherever they land: types, patterns, enums, bounds, lengths.
REPLACEMENTS = (
    None,
    True,
    0,
    -1,
    1.5,
    5.0,
    2,
    "",
    " ",
    "X",
    "nope",
    "actor:Bad Id",
    "2014-02-30",
    "2014-02-03T10:00Z",
    "x" * 40,
    [],
    ["x"],
    {},
    {"a": 1},
    {"text": "a", "entity": "actor:a"},
)


def _paths(value: Any, prefix: Path = ()) -> Iterator[Path]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _at(value: Any, path: Path) -> Any:
    for token in path:
        value = value[token]
    return value


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A record's JSON value with one change at one place: replaced, removed or added."""
    value = ddfacts.to_json(draw(RECORDS))
    value = copy.deepcopy(value)
    path = draw(st.sampled_from(list(_paths(value))))
    how = draw(st.sampled_from(["replace", "remove", "add", "append"]))
    if not path:
        how = "add"
    target = _at(value, path)
    parent = _at(value, path[:-1]) if path else None
    if how == "replace" and parent is not None:
        parent[path[-1]] = draw(st.sampled_from(REPLACEMENTS))
    elif how == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "add" and isinstance(target, dict):
        key = draw(st.sampled_from(["zz", "x-note", "type", "id", "value", "mode"]))
        target[key] = draw(st.sampled_from(REPLACEMENTS))
    elif how == "append" and isinstance(target, list):
        target.append(draw(st.sampled_from(REPLACEMENTS)))
    elif parent is not None:
        parent[path[-1]] = draw(st.sampled_from(REPLACEMENTS))
    return value


class TestIsValidRecord:
    """is_valid_record against Draft202012Validator on record.schema.json."""

    @given(RECORDS)
    def test_valid_records_agree(self, record: ddfacts.Record) -> None:
        """A generated record's JSON is valid for both checks."""
        value = ddfacts.to_json(record)
        assert is_valid_record(value) is validator("record").is_valid(value) is True

    @given(mutated())
    def test_mutated_records_agree(self, value: Any) -> None:
        """A record changed at one place is valid for the fast check exactly when jsonschema is."""
        assert is_valid_record(value) is validator("record").is_valid(value)

    @pytest.mark.parametrize(
        "value", [None, [], "claim", {}, {"type": 3, "id": "claim:a"}, {"type": "other"}]
    )
    def test_not_records(self, value: Any) -> None:
        """Values that are not records of a known type are invalid."""
        assert is_valid_record(value) is False
        assert validator("record").is_valid(value) is False


_STATEMENT = {
    "type": "statement",
    "id": "statement:a",
    "source": "source:s",
    "anchor": {"start": 0, "end": 3, "exact": "abc", "prefix": "", "suffix": "d"},
}
_CLAIM = {
    "type": "claim",
    "id": "claim:c",
    "subject": "actor:a",
    "property": "followers",
    "value": {"quantity": {"amount": 5, "qualifier": "exact", "lower": 5, "upper": 5}},
    "qualifiers": {"platform": "twitter"},
    "provenance": {"confidence": 0.5, "recorded": "2020-01-01T10:00:00Z"},
}
_SOURCE = {"type": "source", "id": "source:s", "links": [{"kind": "quotes", "url": "u"}]}


def _change(base: dict[str, Any], path: Path, new: Any) -> dict[str, Any]:
    value = copy.deepcopy(base)
    parent = _at(value, path[:-1])
    if new is _REMOVE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return value


_REMOVE = object()
#: One broken rule of each keyword kind the schemas use: (keyword, base, path, new value).
ONE_RULE = [
    ("type", _STATEMENT, ("anchor", "start"), "0"),
    ("type", _STATEMENT, ("anchor", "start"), 1.5),
    ("required", _STATEMENT, ("anchor",), _REMOVE),
    ("additionalProperties", _STATEMENT, ("colour",), "blue"),
    ("additionalProperties", _STATEMENT, ("anchor", "x-colour"), "blue"),
    ("pattern", _STATEMENT, ("source",), "actor:s"),
    ("pattern", _CLAIM, ("property",), "  "),
    ("enum", _CLAIM, ("value", "quantity", "qualifier"), "roughly"),
    ("const", _STATEMENT, ("type",), "claim-ish"),
    ("minimum", _STATEMENT, ("anchor", "start"), -1),
    ("maximum", _CLAIM, ("provenance", "confidence"), 1.5),
    ("minLength", _STATEMENT, ("anchor", "exact"), ""),
    ("maxLength", _STATEMENT, ("anchor", "prefix"), "p" * 33),
    ("minProperties", _CLAIM, ("value",), {}),
    ("maxProperties", _CLAIM, ("value", "text"), "two members"),
    ("type", _CLAIM, ("qualifiers", "place"), 3),  # additionalProperties as a schema
    ("anyOf", _SOURCE, ("links", 0, "url"), _REMOVE),
    ("pattern", _SOURCE, ("links", 0, "source"), "statement:s"),
    ("pattern", _SOURCE, ("authors",), ["source:s"]),  # inside items
    ("pattern", _CLAIM, ("provenance", "recorded"), "2020-01-01 10:00"),
]


class TestOneRule:
    """Each kind of rule, broken alone, is caught by both checks."""

    @pytest.mark.parametrize(("keyword", "base", "path", "new"), ONE_RULE)
    def test_broken_rule(self, keyword: str, base: dict[str, Any], path: Path, new: Any) -> None:
        """The record is invalid for the fast check, and jsonschema names the keyword."""
        assert is_valid_record(base) is True
        value = _change(base, path, new)
        assert is_valid_record(value) is False
        errors = list(validator(base["type"]).iter_errors(value))
        assert errors
        keywords = {error.validator for error in errors} | {
            sub.validator for error in errors for sub in error.context or ()
        }
        assert keyword in keywords

    def test_integral_float_is_an_integer(self) -> None:
        """A float with no fraction is an integer for JSON Schema, and for the fast check."""
        value = _change(_STATEMENT, ("anchor", "start"), 0.0)
        assert is_valid_record(value) is validator("statement").is_valid(value) is True


class TestCompile:
    """compile_check and compile_schema."""

    @pytest.mark.parametrize(
        "keyword", [{"format": "date"}, {"oneOf": [True]}, {"uniqueItems": True}, {"not": {}}]
    )
    def test_unknown_keyword_refused(self, keyword: dict[str, Any]) -> None:
        """A keyword the compiler does not know stops compilation instead of being ignored."""
        with pytest.raises(UnsupportedSchemaError, match="is not supported"):
            compile_check({"type": "string", **keyword})

    @pytest.mark.parametrize(
        "value", [{"x-a": "abc"}, {"x-a": "ab"}, {"x-b": 3}, {"y": 1}, {}, {"x-a": "a", "x-b": ""}]
    )
    def test_patterns_apply_to_named_members(self, value: dict[str, Any]) -> None:
        """patternProperties constrain named members too, and the rest meet additionalProperties."""
        node = {
            "type": "object",
            "properties": {"x-a": {"type": "string"}},
            "patternProperties": {"^x-": {"type": "string", "maxLength": 2}},
            "additionalProperties": False,
        }
        check, _source = compile_check(node)
        assert check(value) is Draft202012Validator(node).is_valid(value)

    def test_every_record_schema_compiles(self) -> None:
        """Each record schema compiles into source that names its checks."""
        for name in ("source", "statement", "actor", "event", "claim", "review", "record"):
            check, source = compile_schema(name)
            assert source.startswith("def ")
            assert check({"type": name}) is False

    def test_check_for_is_cached(self) -> None:
        """check_for compiles once per schema."""
        assert check_for("claim") is check_for("claim")
