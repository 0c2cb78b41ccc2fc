"""The fast shape check's schema compiler on JSON-Schema-Test-Suite cases (issue 14, case 7).

The cases are copied from the official JSON-Schema-Test-Suite
(https://github.com/json-schema-org/JSON-Schema-Test-Suite, MIT licence),
draft 2020-12: ``tests/draft2020-12/ref.json`` for ``$id`` and ``$ref``,
``tests/draft2020-12/optional/ecmascript-regex.json`` for ECMA-262 patterns.
The suite is not on this machine, so they were written out from it by hand;
the two marked "ours" follow the same rules (JSON Schema 2020-12 §8.2.1,
ECMA-262 §22.2.2) where the suite has no case.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from ddfacts.errors import UnsupportedSchemaError
from ddfacts.jsonio._fast._ecma import ecma_source
from ddfacts.jsonio._fast._shape import compile_check

#: (description, schema, [(data, valid), ...]) where jsonschema agrees with the suite.
REF_CASES: list[tuple[str, Any, list[tuple[Any, bool]]]] = [
    (
        "ref.json: refs with relative uris and defs",
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "http://example.com/schema-relative-uri-defs1.json",
            "properties": {
                "foo": {
                    "$id": "schema-relative-uri-defs2.json",
                    "$defs": {"inner": {"properties": {"bar": {"type": "string"}}}},
                    "$ref": "#/$defs/inner",
                }
            },
            "$ref": "schema-relative-uri-defs2.json",
        },
        [
            ({"foo": {"bar": 1}, "bar": "a"}, False),
            ({"foo": {"bar": "a"}, "bar": 1}, False),
            ({"foo": {"bar": "a"}, "bar": "a"}, True),
        ],
    ),
    (
        "ref.json: relative refs with absolute uris and defs",
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "http://example.com/schema-refs-absolute-uris-defs1.json",
            "properties": {
                "foo": {
                    "$id": "http://example.com/schema-refs-absolute-uris-defs2.json",
                    "$defs": {"inner": {"properties": {"bar": {"type": "string"}}}},
                    "$ref": "#/$defs/inner",
                }
            },
            "$ref": "schema-refs-absolute-uris-defs2.json",
        },
        [
            ({"foo": {"bar": 1}, "bar": "a"}, False),
            ({"foo": {"bar": "a"}, "bar": 1}, False),
            ({"foo": {"bar": "a"}, "bar": "a"}, True),
        ],
    ),
    (
        "ref.json: Recursive references between schemas",
        {
            "$id": "http://localhost:1234/draft2020-12/tree",
            "description": "tree of nodes",
            "type": "object",
            "properties": {
                "meta": {"type": "string"},
                "nodes": {"type": "array", "items": {"$ref": "node"}},
            },
            "required": ["meta", "nodes"],
            "$defs": {
                "node": {
                    "$id": "http://localhost:1234/draft2020-12/node",
                    "description": "node",
                    "type": "object",
                    "properties": {"value": {"type": "number"}, "subtree": {"$ref": "tree"}},
                    "required": ["value"],
                }
            },
        },
        [
            (
                {
                    "meta": "root",
                    "nodes": [
                        {"value": 1, "subtree": {"meta": "child", "nodes": [{"value": 1.1}]}},
                        {"value": 2, "subtree": {"meta": "child", "nodes": [{"value": 2.1}]}},
                    ],
                },
                True,
            ),
            (
                {
                    "meta": "root",
                    "nodes": [
                        {"value": 1, "subtree": {"meta": "child", "nodes": [{"value": "x"}]}},
                    ],
                },
                False,
            ),
        ],
    ),
    (
        "ours: the same pointer under two $ids names two schemas",
        {
            "$id": "http://example.com/root.json",
            "properties": {
                "a": {
                    "$id": "a.json",
                    "$defs": {"inner": {"type": "string"}},
                    "$ref": "#/$defs/inner",
                },
                "b": {
                    "$id": "b.json",
                    "$defs": {"inner": {"type": "integer"}},
                    "$ref": "#/$defs/inner",
                },
            },
        },
        [({"a": "x", "b": 1}, True), ({"a": "x", "b": "y"}, False), ({"a": 1, "b": 1}, False)],
    ),
]

#: (description, pattern, [(string, valid under ECMA-262), ...]).
PATTERN_CASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    ("$ does not match trailing newline", "^abc$", [("abc", True), ("abc\n", False)]),
    ("\\t is a horizontal tab", "^\\t$", [("\\t", False), ("\t", True)]),
    ("\\d matches ascii digits only", "^\\d$", [("0", True), ("\u07c0", False), ("٣", False)]),
    ("\\D matches everything but ascii digits", "^\\D$", [("0", False), ("\u07c0", True)]),
    ("\\w matches ascii letters only", "^\\w$", [("a", True), ("\u00e9", False)]),
    ("\\W matches everything but ascii letters", "^\\W$", [("a", False), ("\u00e9", True)]),
    (
        "\\s matches whitespace",
        "^\\s$",
        [
            (" ", True),
            ("\t", True),
            ("\u000b", True),
            ("\u000c", True),
            ("\u00a0", True),
            ("\ufeff", True),
            ("\u2029", True),
            ("\u2003", True),
            ("\u001c", False),  # Python's \s takes it (str.isspace); ECMA's does not
            ("-", False),
        ],
    ),
    ("\\S matches everything but whitespace", "^\\S$", [("\u00a0", False), ("-", True)]),
    ("\\w in patterns is not unicode letters", "\\wcole", [("l'école", False), ("l'ecole", True)]),
    ("\\d in pattern is not unicode digits", "^\\d+$", [("42", True), ("\u09ea\u09e8", False)]),
    ("ours: . stops at line terminators", "^a.b$", [("axb", True), ("a\u2028b", False)]),
    ("ours: [\\d-] in a class", "^[\\d-]+$", [("1-2", True), ("\u0663", False)]),
]

#: ECMA-262 patterns that cannot be translated exactly: refused, never re.error.
REFUSED = ["\\p{Letter}cole", "^\\p{digit}+$", "^\\cC$", "\\k<a>", "[\\D]", "(?i)a", "\\ud83d"]


class TestRefs:
    """$ref resolves against the nearest $id, as jsonschema and the suite say."""

    @pytest.mark.parametrize(("description", "schema", "tests"), REF_CASES, ids=lambda x: x)
    def test_agrees(self, description: str, schema: Any, tests: list[tuple[Any, bool]]) -> None:
        """The compiled check, jsonschema and the suite give the same answer on each datum."""
        check, _source = compile_check(schema)
        reference = jsonschema.Draft202012Validator(schema)
        for data, valid in tests:
            assert check(data) is valid, (description, data)
            assert reference.is_valid(data) is valid, (description, data)


class TestPatterns:
    """Patterns keep their ECMA-262 meaning (optional/ecmascript-regex.json)."""

    @pytest.mark.parametrize(("description", "pattern", "tests"), PATTERN_CASES, ids=lambda x: x)
    def test_ecma(self, description: str, pattern: str, tests: list[tuple[str, bool]]) -> None:
        """The compiled check decides as ECMA-262 does, for pattern and patternProperties."""
        check, _source = compile_check({"type": "string", "pattern": pattern})
        keys, _source = compile_check(
            {"type": "object", "patternProperties": {pattern: True}, "additionalProperties": False}
        )
        for text, valid in tests:
            assert check(text) is valid, (description, text)
            assert keys({text: 1}) is valid, (description, text)

    @pytest.mark.parametrize("pattern", REFUSED)
    def test_refused(self, pattern: str) -> None:
        """An untranslatable pattern is refused with a clear error naming it."""
        with pytest.raises(UnsupportedSchemaError, match="pattern"):
            compile_check({"type": "string", "pattern": pattern})

    def test_ddfacts_patterns_unchanged_on_ascii(self) -> None:
        """A plain ASCII pattern translates to itself but for the end anchor."""
        assert ecma_source("^[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?$") == (
            "^[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?\\Z"
        )

    def test_id_with_trailing_newline(self) -> None:
        """The compiled actor schema calls an id ending in a newline invalid."""
        from ddfacts.jsonio._fast._shape import check_for

        actor = {"type": "actor", "id": "actor:x", "kind": "person", "name": "X"}
        assert check_for("actor")(actor)
        assert not check_for("actor")({**actor, "id": "actor:x\n"})
