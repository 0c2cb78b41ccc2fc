"""Reading W3C and Hypothesis annotations: where they are in a document, and their parts.

Every function takes parsed JSON as it comes and returns None (or nothing)
for what is missing or malformed: deciding what that means is the importer's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from dateutil.parser import isoparse

__all__ = [
    "URN",
    "agent",
    "annotations_in",
    "created",
    "language",
    "note",
    "selectors",
    "statement_id_of",
    "target",
]

#: A ``urn:ddfacts:`` IRI naming a record; group 1 is the record's id.
URN = re.compile(r"^urn:ddfacts:((?:source|statement|actor):[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?)\Z")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


def _collection(document: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """The items of an AnnotationCollection's pages, following ``next``."""
    page, pointer = document.get("first"), "/first"
    while isinstance(page, dict):
        for index, item in enumerate(page.get("items") or []):
            yield f"{pointer}/items/{index}", item
        page, pointer = page.get("next"), f"{pointer}/next"


def annotations_in(document: Any) -> Iterator[tuple[str, Any]]:
    """Each annotation in *document* with its JSON pointer."""
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield f"/{index}", item
        return
    if not isinstance(document, dict):
        yield "", document  # not an annotation: the importer says so
        return
    types = document.get("type")
    types = set(types) if isinstance(types, list) else {types}
    if "rows" in document and isinstance(document["rows"], list):
        for index, item in enumerate(document["rows"]):
            yield f"/rows/{index}", item
    elif "AnnotationCollection" in types:
        yield from _collection(document)
    elif "AnnotationPage" in types:
        for index, item in enumerate(document.get("items") or []):
            yield f"/items/{index}", item
    else:
        yield "", document


def selectors(target: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A target's selectors by type, the first of each type."""
    found = target.get("selector")
    items = found if isinstance(found, list) else [found]
    by_type: dict[str, dict[str, Any]] = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("type"), str):
            by_type.setdefault(item["type"], item)
    return by_type


def target(annotation: dict[str, Any]) -> dict[str, Any] | None:
    """The annotation's target with a source, preferring one with selectors."""
    found = annotation.get("target")
    candidates = found if isinstance(found, list) else [found]
    dicts = [item for item in candidates if isinstance(item, dict) and "source" in item]
    with_selector = [item for item in dicts if selectors(item)]
    chosen = with_selector or dicts
    return chosen[0] if chosen else None


def agent(annotation: dict[str, Any]) -> str | None:
    """Who made the annotation: an actor id from a ``urn:ddfacts:`` IRI, else a name."""
    creator = annotation.get("creator", annotation.get("user"))
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, dict):
        ident = creator.get("id")
        if isinstance(ident, str) and URN.match(ident):
            creator = ident
        else:
            creator = creator.get("name") or creator.get("nickname") or ident
    if not isinstance(creator, str):
        return None
    match = URN.match(creator)
    return match.group(1) if match else creator


def note(annotation: dict[str, Any]) -> str | None:
    """The annotation's comment: Hypothesis ``text``, or a commenting TextualBody."""
    if isinstance(annotation.get("text"), str) and annotation["text"].strip():
        return str(annotation["text"])
    body = annotation.get("body")
    for item in body if isinstance(body, list) else [body]:
        if (
            isinstance(item, dict)
            and item.get("type") == "TextualBody"
            and isinstance(item.get("value"), str)
            and item.get("purpose", "commenting") == "commenting"
        ):
            return str(item["value"])
    return None


def created(annotation: dict[str, Any]) -> dt.datetime | None:
    """When the annotation was made, if it says so in ISO 8601."""
    value = annotation.get("created")
    if not isinstance(value, str):
        return None
    try:
        return isoparse(value)
    except ValueError:
        return None


def language(found: dict[str, Any]) -> str | None:
    """The target's language tag, when it is one."""
    tag = found.get("language")
    return tag if isinstance(tag, str) and _LANG.match(tag) else None


def statement_id_of(annotation: dict[str, Any]) -> str | None:
    """The statement id a ``urn:ddfacts:statement:`` annotation id names, else None."""
    ident = annotation.get("id")
    match = URN.match(ident) if isinstance(ident, str) else None
    if match and match.group(1).startswith("statement:"):
        return match.group(1)
    return None
