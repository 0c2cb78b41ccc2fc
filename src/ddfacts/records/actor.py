"""Actor: a person, organization, mission, outlet, platform or account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..times._span import TimeSpan
from ._fields import (
    extensions_field,
    id_of,
    ids,
    instances_of,
    language,
    non_empty_str,
    optional_id,
    optional_str,
    strings,
    to_tuple,
)
from ._provenance import Provenance

__all__ = ["Actor", "Identifier", "Name", "Role"]


@attrs.frozen(kw_only=True)
class Name:
    """A name of an actor in one language or script."""

    #: The name as written.
    text: str = attrs.field(validator=non_empty_str)
    #: Its language (BCP 47, e.g. ``ru`` or ``ru-Latn`` for a transliteration).
    language: str | None = attrs.field(default=None, validator=language)
    #: ``official``, ``short``, ``transliteration``, ``native``…
    kind: str | None = attrs.field(default=None, validator=optional_str)


@attrs.frozen(kw_only=True)
class Identifier:
    """An identifier of an actor in another system (Wikidata QID, a handle, a URL)."""

    #: The system: ``wikidata``, ``twitter``, ``url``, ``isni``…
    scheme: str = attrs.field(validator=non_empty_str)
    #: The identifier in that system.
    value: str = attrs.field(validator=non_empty_str)


@attrs.frozen(kw_only=True)
class Role:
    """A position or affiliation an actor held, for a time."""

    #: The position or relation, e.g. ``press secretary`` or ``member``.
    position: str = attrs.field(validator=non_empty_str)
    #: Actor id of the organization the position is in.
    organization: str | None = attrs.field(default=None, validator=optional_id)
    #: When it was held (None: the text does not say).
    during: TimeSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TimeSpan))
    )
    #: Statement ids that show it.
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)


@attrs.frozen(kw_only=True)
class Actor:
    """Someone or something that acts or speaks: person, body, mission, outlet, account.

    An account (``kind="account"``) has a ``platform``, a ``handle`` and the
    actor that ``operated_by`` it.

    .. versionadded:: 0.1.0
    """

    #: ``actor:…``
    id: str = attrs.field(validator=id_of("actor"))
    #: The actor type, from the vocabulary: ``person``, ``government_body``…
    kind: str = attrs.field(validator=non_empty_str)
    #: The display name.
    name: str = attrs.field(validator=non_empty_str)
    #: Names per language and script.
    names: tuple[Name, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Name)
    )
    #: Other names the texts use.
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=strings)
    #: Identifiers in other systems.
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Identifier)
    )
    #: Positions and affiliations over time.
    roles: tuple[Role, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Role)
    )
    #: For an account: the platform (``twitter``, ``facebook``…).
    platform: str | None = attrs.field(default=None, validator=optional_str)
    #: For an account: the handle on the platform, e.g. ``@RussianEmbassyC``.
    handle: str | None = attrs.field(default=None, validator=optional_str)
    #: For an account: the actor that runs it.
    operated_by: str | None = attrs.field(default=None, validator=optional_id)
    #: A short description.
    description: str | None = attrs.field(default=None, validator=optional_str)
    #: Statement ids that show the actor as described.
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Who recorded this record, how and from what.
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance))
    )
    #: Unknown ``x-…`` members, kept as they came.
    extensions: Mapping[str, Any] = extensions_field()

    @property
    def type(self) -> str:
        """The record type, ``"actor"``."""
        return "actor"
