"""The JSON Schemas (2020-12) of the fact-file format, shipped with the package.

Every ``$ref`` resolves inside a registry built from these files; a
reference to anything else is refused, so nothing is ever fetched.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

__all__ = ["BASE_URI", "SCHEMA_FILES", "registry", "schema", "validator"]

#: The base URI of every schema's ``$id``.
BASE_URI = "https://ddfacts.org/schema/1.1/"
#: The schema files, by what they describe.
SCHEMA_FILES = {
    "common": "common.schema.json",
    "source": "source.schema.json",
    "statement": "statement.schema.json",
    "actor": "actor.schema.json",
    "event": "event.schema.json",
    "claim": "claim.schema.json",
    "review": "review.schema.json",
    "record": "record.schema.json",
    "factfile": "factfile.schema.json",
}


def _refuse(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]


@cache
def _contents() -> dict[str, dict[str, Any]]:
    folder = resources.files(__name__)
    return {
        name: json.loads(folder.joinpath(filename).read_text(encoding="utf-8"))
        for name, filename in SCHEMA_FILES.items()
    }


def schema(name: str) -> dict[str, Any]:
    """The schema *name* (``"claim"``, ``"factfile"``…) as a JSON value."""
    return _contents()[name]


@cache
def registry() -> Registry[Any]:
    """A registry holding every ddfacts schema; it refuses to retrieve anything else."""
    resources_ = [(value["$id"], Resource.from_contents(value)) for value in _contents().values()]
    return Registry(retrieve=_refuse).with_resources(resources_)  # type: ignore[call-arg]


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for schema *name* (a record type, ``"record"`` or ``"factfile"``)."""
    return Draft202012Validator(schema(name), registry=registry())
