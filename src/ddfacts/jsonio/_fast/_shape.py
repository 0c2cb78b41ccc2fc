"""A fast shape check: the record schemas compiled once into generated Python.

:func:`is_valid_record` answers only *valid or not*, several times faster
than ``jsonschema``; validation runs ``jsonschema`` only on the records it
calls invalid, to explain them, so every report stays what a
``jsonschema``-only run gives.  The generated code is in the spirit of
fastjsonschema and of cattrs' generated structuring functions: one Python
function per schema node, with leaf checks (types, patterns, enums, bounds)
inlined as expressions.

The compiler supports exactly the keywords the ddfacts schemas use and
raises :class:`UnsupportedSchemaError` on any other, so a schema change can
never silently weaken the check.  Where a check is cheaper when stricter
(``type(x) is dict`` rather than any mapping), it may call a value invalid
that ``jsonschema`` accepts: that only costs a ``jsonschema`` call; it
never calls an invalid value valid.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from ...records import RECORD_CLASSES
from ._schemacompile import Compiler, UnsupportedSchemaError

__all__ = [
    "UnsupportedSchemaError",
    "check_for",
    "compile_check",
    "compile_schema",
    "is_valid_record",
]

#: A compiled check: True when the JSON value is valid against the schema.
Check = Callable[[Any], bool]


def compile_check(node: Any, *, base: str | None = None) -> tuple[Check, str]:
    """Compile a schema value (which may ``$ref`` the ddfacts schemas); return check and source.

    Raises:
        UnsupportedSchemaError: the schema uses a keyword the compiler does not know.
    """
    from referencing.jsonschema import DRAFT202012  # jsonschema only when first needed

    from ...schemas import BASE_URI, registry

    uri = base or BASE_URI + "inline.schema.json"
    known = registry()
    if base is None:  # the inline schema is a resource too: its $defs and $ids resolve
        known = known.with_resource(uri, DRAFT202012.create_resource(node)).crawl()
    resolver = known.resolver(base_uri=uri)
    compiler = Compiler()
    entry = compiler.function(node, resolver, uri)
    source = "\n".join(compiler.lines)
    namespace: dict[str, Any] = dict(compiler.constants)
    exec(compile(source, f"<ddfacts fast shape: {uri}>", "exec"), namespace)
    check: Check = namespace[entry]
    return check, source


def compile_schema(name: str) -> tuple[Check, str]:
    """Compile the ddfacts schema *name*; return its check and the generated source.

    Raises:
        UnsupportedSchemaError: the schema uses a keyword the compiler does not know.
    """
    from ...schemas import BASE_URI, schema

    uri = BASE_URI + schema(name)["$id"].rsplit("/", 1)[1]
    return compile_check({"$ref": uri}, base=uri)


@cache
def check_for(name: str) -> Check:
    """The compiled check of schema *name* (a record type or ``"record"``), made once."""
    return compile_schema(name)[0]


@cache
def _by_type() -> dict[str, Check]:
    return {name: check_for(name) for name in RECORD_CLASSES}


def is_valid_record(value: Any) -> bool:
    """Whether *value* (a JSON value) is valid against ``record.schema.json``.

    Equivalent to ``ddfacts.schemas.validator("record").is_valid(value)`` for
    values made of JSON types, and several times faster.
    """
    if type(value) is not dict:
        return False
    kind = value.get("type")
    if type(kind) is not str:
        return False
    check = _by_type().get(kind)
    return check is not None and check(value)
