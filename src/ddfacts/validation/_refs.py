"""Where each record type refers to other records: one table.

:data:`REFERENCES` says, per record type, every place a record holds ids:
the member that holds them (an id, a list of ids, or objects with places of
their own), the record types the ids may name, and what the reference is in
a message (``the speaker``); and which ids are ones the record derives from
(its provenance derivations, and the sources a deriving link names).  The
per-record summary (:func:`~ddfacts.validation._record.summarize`) and the
fast pass (:class:`~ddfacts.validation._scan.Scanner`) both walk it, through
:mod:`~ddfacts.validation._refwalks`, which compiles it; so a new reference is
one line here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Union

import attrs

from ..problems import Location
from ..records._fields import RECORD_TYPES
from ..records.source import LinkKind

__all__ = [
    "DERIVING_LINKS",
    "ID",
    "IDS",
    "OBJECT",
    "OBJECTS",
    "REFERENCES",
    "UNTYPED",
    "Path",
    "Place",
    "Site",
]

#: A path of keys and indexes below a record.
Path = tuple[Union[str, int], ...]  # noqa: UP007 - a runtime alias

#: Source links that derive one text from another (followed for cycles).
DERIVING_LINKS = frozenset(
    kind.value
    for kind in (
        LinkKind.SYNDICATES,
        LinkKind.WIRE_COPY_OF,
        LinkKind.TRANSLATION_OF,
        LinkKind.REVISION_OF,
    )
)


class Site(NamedTuple):
    """Where a record refers to another: what the id may name, the role, and the place.

    A walk gives the ids a record refers to and, in a parallel list, their
    sites; a site depends on the place only (and its list index), so walks
    share them between records.
    """

    #: The record types the reference may name.
    expected: tuple[str, ...]
    #: What the reference is, for messages (``the speaker``).
    role: str
    #: Where it is: a path below the record, or (from a summary) its Location.
    where: Path | Location


#: What a place holds: an id, a list of ids, an object with places of its own,
#: or a list of such objects.
ID, IDS, OBJECT, OBJECTS = "id", "ids", "object", "objects"


@attrs.frozen
class Place:
    """A member of a JSON object that holds ids, or objects that do."""

    #: The member's name.
    key: str
    #: What it holds: :data:`ID`, :data:`IDS`, :data:`OBJECT` or :data:`OBJECTS`.
    holds: str
    #: For ids: the record types they may name.
    expected: tuple[str, ...] = ()
    #: For ids: what a reference there is, for messages.
    role: str = ""
    #: For an object or objects: their places.
    places: tuple[Place, ...] = ()
    #: For an id: it is one the record derives from (an edge followed for cycles)...
    derives: bool = False
    #: ...when the enclosing object's ``kind`` is one of these (None: always).
    when_kind: frozenset[str] | None = None


_ANY = RECORD_TYPES
_ACTOR = ("actor",)
_SOURCE = ("source",)
_STATEMENT = ("statement",)


def _id(
    key: str,
    expected: tuple[str, ...],
    role: str,
    *,
    derives: bool = False,
    when_kind: frozenset[str] | None = None,
) -> Place:
    return Place(key, ID, expected, role, derives=derives, when_kind=when_kind)


def _ids(key: str, expected: tuple[str, ...], role: str) -> Place:
    return Place(key, IDS, expected, role)


def _object(key: str, *places: Place) -> Place:
    return Place(key, OBJECT, places=places)


def _objects(key: str, *places: Place) -> Place:
    return Place(key, OBJECTS, places=places)


#: The places every record type has: evidence, and provenance derivations.
_COMMON = (
    _ids("evidence", _STATEMENT, "evidence"),
    _object(
        "provenance",
        _objects("derived_from", _id("target", _ANY, "a derivation", derives=True)),
    ),
)

#: Every place a record of each type refers to another record, in the order of its reports.
REFERENCES: Mapping[str, tuple[Place, ...]] = {
    "source": (
        *_COMMON,
        _ids("authors", _ACTOR, "an author"),
        _id("publisher", _ACTOR, "the publisher"),
        _objects(
            "links",
            _id("source", _SOURCE, "a linked source", derives=True, when_kind=DERIVING_LINKS),
            _ids("evidence", _STATEMENT, "evidence"),
        ),
    ),
    "statement": (*_COMMON, _id("source", _SOURCE, "the source")),
    "actor": (
        *_COMMON,
        _id("operated_by", _ACTOR, "the operator"),
        _objects(
            "roles",
            _id("organization", _ACTOR, "the organization"),
            _ids("evidence", _STATEMENT, "evidence"),
        ),
    ),
    "event": (
        *_COMMON,
        _objects("participants", _id("actor", _ACTOR, "a participant")),
        _ids("about", _ANY, "what the event is about"),
    ),
    "claim": (
        *_COMMON,
        _id("subject", _ANY, "the subject"),
        _id("speaker", _ACTOR, "the speaker"),
        _object(
            "value",
            _id("entity", _ANY, "the value"),
            _object(
                "rank",
                _object(
                    "ranking",
                    _id("of", _ANY, "the ranked group"),
                    _ids("among", _ANY, "a ranked member"),
                ),
            ),
        ),
        _object("proposition", _ids("about", _ANY, "what the proposition is about")),
        _object(
            "members",
            _ids("named", _ANY, "a named member"),
            _ids("excluding", _ANY, "an excluded member"),
        ),
        _id("refines", ("claim",), "the refined claim"),
        _object(
            "attribution",
            _id("source", _SOURCE, "the attributed source"),
            _id("via", _ACTOR, "the relaying outlet"),
            _id("via_source", _SOURCE, "the relayed source"),
            _id("translated_by", _ACTOR, "the translator"),
            _objects(
                "chain",
                _id("by", _ACTOR, "a hop of the chain"),
                _id("source", _SOURCE, "a hop's source"),
            ),
        ),
    ),
    "review": (
        *_COMMON,
        _id("claim", ("claim",), "the reviewed claim"),
        _id("reviewer", _ACTOR, "the reviewer"),
    ),
}

#: The places of a record of no known type.
UNTYPED = _COMMON
