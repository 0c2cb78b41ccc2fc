"""The vocabulary: actor types, roles, attribution modes, event types and properties, as data.

The shipped terms live in JSON files in ``ddfacts/vocab/`` (one file per
section, each valid against ``vocab/vocabulary.schema.json``).  A user
extends them without code: :func:`load_vocabulary` merges extra files of the
same format over the shipped ones (an entry with an existing name replaces
it).  A :class:`Vocabulary` is immutable; validation reads it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
from jsonschema import Draft202012Validator

from .errors import LoadError, VocabularyError
from .jsonio._strict import parse_json
from .records._fields import RECORD_TYPES, to_tuple

__all__ = [
    "SHIPPED_FILES",
    "VALUE_TYPES",
    "ActorType",
    "EventType",
    "PropertyType",
    "Term",
    "Vocabulary",
    "VocabularyError",
    "default_vocabulary",
    "load_vocabulary",
]

#: The vocabulary files shipped in ``ddfacts/vocab/``, merged in this order.
SHIPPED_FILES = (
    "actor_types.json",
    "roles.json",
    "attribution_modes.json",
    "event_types.json",
    "properties.json",
)
#: What a property's value can be.
VALUE_TYPES = ("quantity", "time", "entity", "text")
#: The root of the actor types: a subject type that every actor kind falls under.
ANY_ACTOR = "actor"


@attrs.frozen(kw_only=True)
class Term:
    """A named term with a description (a participant role, an attribution mode)."""

    #: The term as fact files write it.
    name: str
    #: What it means.
    description: str


@attrs.frozen(kw_only=True)
class ActorType:
    """An actor type: a value of ``Actor.kind``, with the broader type it refines."""

    #: The type as fact files write it (``ministry``).
    name: str
    #: What it means.
    description: str
    #: The type it refines (``government_body``), or None under the root ``actor``.
    broader: str | None = None


@attrs.frozen(kw_only=True)
class EventType:
    """An event type: a value of ``Event.event_type``, its roles and PLOVER category."""

    #: The type as fact files write it (``summons``).
    name: str
    #: What it means.
    description: str
    #: The participant roles it allows.
    roles: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: The PLOVER event category, or None where none fits.
    plover: str | None = None
    #: The event type it refines (``tweet`` refines ``post``), or None.
    broader: str | None = None


@attrs.frozen(kw_only=True)
class PropertyType:
    """A claim property: its value type, unit, subject types and cardinality."""

    #: The property as fact files write it (``followers``).
    name: str
    #: ``quantity``, ``time``, ``entity`` or ``text``.
    value: str
    #: Actor types or record types the subject may have (``actor`` for any actor).
    subjects: tuple[str, ...] = attrs.field(converter=to_tuple)
    #: What it means.
    description: str
    #: The unit a quantity counts (``follower``), or None.
    unit: str | None = None
    #: For entity values: the types the entity may have; empty for any.
    entity_types: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Whether a subject has one value at a time.
    single: bool = False


def _frozen(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Vocabulary:
    """The terms fact files use, merged from the shipped files and any extra ones.

    .. versionadded:: 0.1.0
    """

    #: Actor types by name.
    actor_types: Mapping[str, ActorType] = attrs.field(factory=dict, converter=_frozen)
    #: Participant roles by name.
    roles: Mapping[str, Term] = attrs.field(factory=dict, converter=_frozen)
    #: Attribution modes by name.
    attribution_modes: Mapping[str, Term] = attrs.field(factory=dict, converter=_frozen)
    #: Event types by name.
    event_types: Mapping[str, EventType] = attrs.field(factory=dict, converter=_frozen)
    #: Claim properties by name.
    properties: Mapping[str, PropertyType] = attrs.field(factory=dict, converter=_frozen)

    def lineage(self, kind: str) -> tuple[str, ...]:
        """*kind* and every broader actor type above it, ending with ``actor``."""
        chain = [kind]
        seen = {kind}
        current = self.actor_types.get(kind)
        while current is not None and current.broader and current.broader not in seen:
            chain.append(current.broader)
            seen.add(current.broader)
            current = self.actor_types.get(current.broader)
        chain.append(ANY_ACTOR)
        return tuple(chain)

    def roles_for(self, event_type: str) -> tuple[str, ...] | None:
        """The participant roles an *event_type* event allows, or None for an unknown type.

        An event type refines its ``broader`` one, so it allows its own roles and
        every role of the types above it (a ``tweet`` allows what a ``post``
        allows): the type's own roles in their order, then each broader type's
        roles not yet named.  A broader type the vocabulary does not know, or a
        circle of broader types, ends the walk.
        """
        entry = self.event_types.get(event_type)
        if entry is None:
            return None
        roles: dict[str, None] = {}
        seen: set[str] = set()
        while entry is not None and entry.name not in seen:
            seen.add(entry.name)
            roles.update(dict.fromkeys(entry.roles))
            entry = self.event_types.get(entry.broader) if entry.broader else None
        return tuple(roles)

    def fits(self, record_type: str, kind: str | None, allowed: Iterable[str]) -> bool:
        """Whether a record (its type and, for an actor, its kind) is of a type in *allowed*."""
        wanted = set(allowed)
        if record_type in wanted:
            return True
        if record_type != "actor" or kind is None:
            return False
        return any(name in wanted for name in self.lineage(kind))

    def merged(self, other: Vocabulary) -> Vocabulary:
        """A vocabulary holding these terms and *other*'s (other's win on equal names)."""
        return Vocabulary(
            actor_types={**self.actor_types, **other.actor_types},
            roles={**self.roles, **other.roles},
            attribution_modes={**self.attribution_modes, **other.attribution_modes},
            event_types={**self.event_types, **other.event_types},
            properties={**self.properties, **other.properties},
        )


@cache
def _schema_validator() -> Draft202012Validator:
    folder = resources.files("ddfacts").joinpath("vocab")
    schema = json.loads(folder.joinpath("vocabulary.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _pointer(path: Iterable[str | int]) -> str:
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)


def _parse(document: Any, name: str) -> Vocabulary:
    errors = sorted(_schema_validator().iter_errors(document), key=lambda e: list(e.path))
    if errors:
        error = errors[0]
        raise VocabularyError(
            f"{name}: {_pointer(error.absolute_path) or '/'}: {error.message} "
            f"(not a valid ddfacts vocabulary file)"
        )
    sections: dict[str, Any] = {}
    sections["actor_types"] = {
        key: ActorType(name=key, **entry) for key, entry in document.get("actor_types", {}).items()
    }
    for section in ("roles", "attribution_modes"):
        sections[section] = {
            key: Term(name=key, **entry) for key, entry in document.get(section, {}).items()
        }
    sections["event_types"] = {
        key: EventType(
            name=key,
            description=entry["description"],
            roles=entry["roles"],
            plover=entry.get("plover"),
            broader=entry.get("broader"),
        )
        for key, entry in document.get("event_types", {}).items()
    }
    sections["properties"] = {
        key: PropertyType(name=key, **entry)
        for key, entry in document.get("properties", {}).items()
    }
    return Vocabulary(**sections)


def _read(text: str, name: str) -> Vocabulary:
    try:
        document = parse_json(text, file=name)
    except LoadError as error:
        raise VocabularyError(f"not JSON: {error}") from None
    return _parse(document, name)


def _check_coherent(vocab: Vocabulary) -> None:
    """Raise when one entry names a term no section defines."""
    actor_kinds = set(vocab.actor_types) | {ANY_ACTOR}
    for entry in vocab.actor_types.values():
        if entry.broader is not None and entry.broader not in actor_kinds:
            raise VocabularyError(
                f"actor type {entry.name!r}: broader type {entry.broader!r} is not an actor type"
            )
    for kind in vocab.actor_types:
        seen = {kind}
        broader = vocab.actor_types[kind].broader
        while broader is not None and broader in vocab.actor_types:
            if broader in seen:
                raise VocabularyError(f"actor type {kind!r}: its broader types form a cycle")
            seen.add(broader)
            broader = vocab.actor_types[broader].broader
    for event in vocab.event_types.values():
        for role in event.roles:
            if role not in vocab.roles:
                raise VocabularyError(
                    f"event type {event.name!r}: role {role!r} is not a participant role"
                )
        if event.broader is not None and event.broader not in vocab.event_types:
            raise VocabularyError(
                f"event type {event.name!r}: broader type {event.broader!r} is not an event type"
            )
    types = actor_kinds | set(RECORD_TYPES)
    for prop in vocab.properties.values():
        for subject in (*prop.subjects, *prop.entity_types):
            if subject not in types:
                raise VocabularyError(
                    f"property {prop.name!r}: {subject!r} is neither an actor type "
                    "nor a record type"
                )
        if prop.unit is not None and prop.value != "quantity":
            raise VocabularyError(f"property {prop.name!r}: only quantities have a unit")
        if prop.entity_types and prop.value != "entity":
            raise VocabularyError(f"property {prop.name!r}: only entity values have entity_types")


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with ddfacts."""
    folder = resources.files("ddfacts").joinpath("vocab")
    vocab = Vocabulary()
    for filename in SHIPPED_FILES:
        text = folder.joinpath(filename).read_text(encoding="utf-8")
        vocab = vocab.merged(_read(text, filename))
    _check_coherent(vocab)
    return vocab


def load_vocabulary(*extra_files: str | os.PathLike[str]) -> Vocabulary:
    """The shipped vocabulary, extended by *extra_files* (merged in order).

    Raises:
        VocabularyError: a file cannot be read, is not JSON, does not match
            the vocabulary schema, or names a term no section defines; the
            message names the file and the JSON pointer.
    """
    vocab = default_vocabulary()
    for path in extra_files:
        name = os.fspath(path)
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise VocabularyError(f"{name}: cannot read the file: {error.strerror}") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise VocabularyError(f"{name}: invalid UTF-8 at byte {error.start}") from None
        vocab = vocab.merged(_read(text, name))
    try:
        _check_coherent(vocab)
    except VocabularyError as error:
        names = ", ".join(os.fspath(path) for path in extra_files)
        raise VocabularyError(f"{names}: {error}") from None
    return vocab
