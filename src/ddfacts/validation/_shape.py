"""Level ``shape``: a raw record value against its type's JSON Schema, every error explained.

Each ``jsonschema`` error becomes one problem with a stable code (by the
failing keyword: ``shape.required``, ``shape.type``, ``shape.pattern``…) and
a sentence naming the offending value and what was expected.  Dates that
have the right form but are not calendar dates (``2014-02-30``) are
``shape.format``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from ..jsonio._codec import (
    RECORD_CODECS,
    StructureError,
    is_date_form,
    is_datetime_form,
    load_date,
    load_datetime,
    load_instant,
)
from ..jsonio._fast._ecma import ecma_regex
from ..jsonio._fast._shape import check_for
from ..problems import Location, Problem, problem
from ..schemas import registry, schema
from ._walk import instants

__all__ = ["describe", "shape_problems"]

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "object": "an object",
    "array": "an array",
    "boolean": "true or false",
    "null": "null",
}
_ID_ANY = re.compile(r"^\^\(source\|statement")
_ID_ONE = re.compile(r"^\^([a-z]+):\[a-z0-9\]")
_PATTERNS = {
    r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$": "a BCP 47 language tag like 'en' or 'ru-Latn'",
    r"^\d{4}-\d{2}-\d{2}$": "a date like 2014-12-01",
    r"^[0-9a-f]{64}$": "a SHA-256 digest (64 lower-case hex digits)",
    r"\S": "a string with something in it",
}
#: The schema forms of each kind of instant: a value with its form that does not
#: load is no real calendar time; one without it, the schema's pattern reports.
_FORMS = {
    "date": (is_date_form,),
    "datetime": (is_datetime_form,),
    "instant": (is_date_form, is_datetime_form),
}
_LOADERS = {"instant": load_instant, "date": load_date, "datetime": load_datetime}
_SIZE_NOUN = {
    "minLength": "character",
    "maxLength": "character",
    "minItems": "item",
    "maxItems": "item",
    "minProperties": "member",
    "maxProperties": "member",
}


_ecma = cache(ecma_regex)


def _ecma_pattern(
    validator: Any, pattern: str, instance: Any, _schema: Any
) -> Iterator[ValidationError]:
    """jsonschema's ``pattern`` keyword with ECMA-262 meaning, as the compiled check has it.

    (jsonschema's own uses Python's ``re``, whose ``$`` also matches before a
    final newline: it would explain nothing about ``"actor:x\\n"``.)
    """
    if validator.is_type(instance, "string") and _ecma(pattern).search(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Explainer = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _ecma_pattern}
)


@cache
def validator(name: str) -> Any:
    """The jsonschema validator that explains why a record of type *name* is invalid."""
    return _Explainer(schema(name), registry=registry())


def describe(value: Any, limit: int = 60) -> str:
    """A JSON value for a message: its kind and a short rendering (``the string 'x'``)."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, str):
        text = repr(value)
        return "the string " + (text if len(text) <= limit else text[: limit - 4] + "…'")
    if isinstance(value, (int, float)):
        return f"the number {value!r}"[: limit + 11]
    if isinstance(value, list):
        return f"an array of {len(value)} item{'s' * (len(value) != 1)}"
    if isinstance(value, dict):
        return f"an object with {len(value)} member{'s' * (len(value) != 1)}"
    return type(value).__name__


def _pattern_name(pattern: str) -> str:
    if _ID_ANY.match(pattern):
        return (
            "a typed record id like 'actor:some-name' (a record type, a colon, then "
            "lower-case letters, digits and -._/)"
        )
    match = _ID_ONE.match(pattern)
    if match:
        return f"an id like '{match.group(1)}:some-name' (lower-case letters, digits and -._/)"
    if pattern.startswith(r"^\d{4}-\d{2}-\d{2}T"):
        return "a date-time like 2022-10-12T09:30:00Z"
    return _PATTERNS.get(pattern, f"a string matching the pattern {pattern}")


def _is_id_schema(node: Any) -> bool:
    """Whether a schema node describes an id (its pattern is an id pattern)."""
    pattern = node.get("pattern") if isinstance(node, dict) else None
    return isinstance(pattern, str) and bool(_ID_ANY.match(pattern) or _ID_ONE.match(pattern))


def _one(error: ValidationError, where: Location) -> list[Problem]:
    keyword = error.validator
    value = error.instance
    at = where.child(*error.absolute_path)
    spec: Any = error.validator_value
    if keyword == "required":
        match = re.match(r"^(.*) is a required property$", error.message)
        name = match.group(1) if match else "a member"
        return [problem("shape.required", f"the required member {name} is missing", at)]
    if keyword == "type":
        kinds = [spec] if isinstance(spec, str) else list(spec)
        wanted = " or ".join(_TYPE_NAMES.get(kind, kind) for kind in kinds)
        return [problem("shape.type", f"expected {wanted}, got {describe(value)}", at)]
    if keyword == "pattern":
        return [problem("shape.pattern", f"{describe(value)} is not {_pattern_name(spec)}", at)]
    if keyword == "enum":
        choices = ", ".join(repr(choice) for choice in spec)
        return [problem("shape.enum", f"expected one of {choices}, got {describe(value)}", at)]
    if keyword == "const":
        return [problem("shape.enum", f"expected {spec!r}, got {describe(value)}", at)]
    if keyword == "additionalProperties" and isinstance(value, dict):
        return _additional(error, value, at)
    if keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        side = (
            "at least"
            if keyword == "minimum"
            else "at most"
            if keyword == "maximum"
            else ("above" if keyword == "exclusiveMinimum" else "below")
        )
        return [problem("shape.range", f"expected a number {side} {spec}, got {value!r}", at)]
    if keyword == "maxLength" and _is_id_schema(error.schema) and isinstance(value, str):
        message = f"the id has {len(value)} characters, more than {spec}: {describe(value)}"
        return [problem("id.too-long", message, at)]
    if keyword in _SIZE_NOUN:
        return [_size(keyword, spec, value, at)]
    if keyword in ("anyOf", "oneOf"):
        return [_alternatives(error, value, at, where)]
    return [problem("shape.invalid", f"{describe(value)} is invalid: {error.message}", at)]


def _additional(error: ValidationError, value: dict[str, Any], at: Location) -> list[Problem]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = schema.get("properties", {})
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    hint = "; extension members must start with 'x-'" if patterns else ""
    allowed = ", ".join(repr(name) for name in known)
    return [
        problem(
            "shape.additional",
            f"unknown member {key!r}{hint}; known members are {allowed}",
            at.child(key),
        )
        for key in value
        if key not in known and not any(p.search(key) for p in patterns)
    ]


def _size(keyword: str, limit: int, value: Any, at: Location) -> Problem:
    noun = _SIZE_NOUN[keyword]
    size = len(value) if isinstance(value, (str, list, dict)) else 0
    if keyword == "minLength" and limit == 1:
        return problem("shape.length", "expected a non-empty string, got the empty string", at)
    bound = "at least" if keyword.startswith("min") else "at most"
    if keyword in ("minProperties", "maxProperties") and limit == 1 and isinstance(value, dict):
        got = ", ".join(repr(key) for key in value) or "none"
        return problem("shape.length", f"expected exactly one member, got {len(value)} ({got})", at)
    return problem(
        "shape.length",
        f"expected {bound} {limit} {noun}{'s' * (limit != 1)}, got {size}: {describe(value)}",
        at,
    )


def _alternatives(error: ValidationError, value: Any, at: Location, root: Location) -> Problem:
    subs: list[Problem] = []
    for sub in error.context or ():
        for item in _one(sub, root):  # a sub-error's absolute path includes its parent's
            if item.message not in {known.message for known in subs}:
                subs.append(item)
    options = "; or ".join(sub.message for sub in subs)
    return problem(
        "shape.any-of",
        f"{describe(value)} fits none of the allowed forms: {options}",
        at,
        context=tuple(subs),
    )


def _named(value: Any) -> str:
    return repr(value) if isinstance(value, str) else describe(value)


def shape_problems(value: Any, location: Location) -> list[Problem]:
    """Every shape problem of one record's raw JSON value at *location*."""
    if not isinstance(value, dict):
        return [
            problem(
                "shape.type", f"a record must be a JSON object, got {describe(value)}", location
            )
        ]
    kind = value.get("type")
    if "type" not in value:
        known = ", ".join(repr(name) for name in RECORD_CODECS)
        return [
            problem(
                "shape.record-type", f"the record has no 'type'; expected one of {known}", location
            )
        ]
    if not isinstance(kind, str) or kind not in RECORD_CODECS:
        known = ", ".join(repr(name) for name in RECORD_CODECS)
        return [
            problem(
                "shape.record-type",
                f"unknown record type {_named(kind)}; expected one of {known}",
                location.child("type"),
            )
        ]
    found: list[Problem] = []
    # The compiled check answers valid or not; jsonschema runs only to explain.
    if not check_for(kind)(value):
        for error in validator(kind).iter_errors(value):
            refused = _refused(error, value, location, kind)
            found.extend(_one(error, location) if refused is None else [refused])
    found.extend(_format_problems(value, location))
    return found


def _schema_at(kind: str, path: Any) -> Any:
    """The node of record type *kind*'s schema at *path* (None where a step is not there)."""
    node: Any = schema(kind)
    for step in path:
        listed = isinstance(node, list) and isinstance(step, int) and step < len(node)
        if not listed and not (isinstance(node, dict) and step in node):
            return None
        node = node[step]
    return node


def _refused(error: ValidationError, value: Any, location: Location, kind: str) -> Problem | None:
    """A member a ``false`` schema refuses under an ``if``/``then`` ("no 'via' with a 'chain'").

    jsonschema words this "False schema does not allow ..." at the object;
    this names the member and the members that rule it out, at the member.
    None for any other error (and where the schema path cannot be followed).
    """
    schema_path = list(error.relative_schema_path)
    if error.validator is not None or schema_path[-2:-1] != ["then"]:
        return None
    refusing = _schema_at(kind, schema_path)
    condition = _schema_at(kind, [*schema_path[:-2], "if", "required"])
    owner: Any = value
    for step in error.absolute_path:
        owner = owner[step]
    if not isinstance(refusing, dict) or not isinstance(owner, dict):
        return None
    names = [name for name, rule in refusing.items() if rule is False and name in owner]
    name = next((n for n in names if owner[n] == error.instance), None)
    if name is None:
        return None
    given = " and ".join(repr(item) for item in condition or ()) or "the other members"
    message = f"the member {name!r} is not allowed together with {given}"
    return problem("shape.invalid", message, location.child(*error.absolute_path, name))


def _format_problems(value: dict[str, Any], location: Location) -> list[Problem]:
    found = []
    for path, text, kind in instants(value):
        try:
            _LOADERS[kind](text, "")
        except StructureError:
            if not any(form(text) for form in _FORMS[kind]):
                continue  # the schema's pattern already reports it
            found.append(
                problem(
                    "shape.format",
                    f"{text!r} is not a real calendar {'date' if kind == 'date' else 'time'}",
                    location.child(*path),
                )
            )
    return found
