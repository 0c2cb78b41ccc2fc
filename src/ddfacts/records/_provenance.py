"""The provenance types, defined beside the records that carry them (see :mod:`ddfacts.provenance`).

They live inside :mod:`ddfacts.records` because every record class needs them
and they need the records' shared field validators: defined outside, importing
either one first would run the other's package half-made (an import cycle).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ._fields import (
    any_id,
    instances_of,
    optional_str,
    probability,
    to_tuple,
)

__all__ = ["Activity", "Derivation", "DerivationKind", "Method", "Provenance"]


class Method(str, enum.Enum):
    """How a record was made."""

    MANUAL = "manual"
    RULE = "rule"
    MODEL = "model"
    IMPORT = "import"


class DerivationKind(str, enum.Enum):
    """How one record or source comes from another."""

    DERIVED_FROM = "derived_from"
    QUOTED_FROM = "quoted_from"
    TRANSLATED_FROM = "translated_from"
    REVISION_OF = "revision_of"


@attrs.frozen(kw_only=True)
class Derivation:
    """A link from a record to the record or source it comes from."""

    #: How it comes from it.
    kind: DerivationKind = attrs.field(converter=DerivationKind)
    #: The id of what it comes from.
    target: str = attrs.field(validator=any_id)


@attrs.frozen(kw_only=True)
class Activity:
    """One thing done to a record after it was made (re-anchored, imported, corrected)."""

    #: What was done, e.g. ``"reanchored"``.
    activity: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: When.
    at: dt.datetime | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.datetime))
    )
    #: Who or what did it: a person's name or id, or a tool with its version.
    agent: str | None = attrs.field(default=None, validator=optional_str)
    #: One sentence saying what changed.
    note: str | None = attrs.field(default=None, validator=optional_str)


@attrs.frozen(kw_only=True)
class Provenance:
    """Who or what recorded a record, when, by what method, with what confidence.

    .. versionadded:: 0.1.0
    """

    #: The person (an actor id or a name) who recorded it.
    agent: str | None = attrs.field(default=None, validator=optional_str)
    #: The tool that recorded it, e.g. ``"ddfacts"``.
    tool: str | None = attrs.field(default=None, validator=optional_str)
    #: The tool's version.
    tool_version: str | None = attrs.field(default=None, validator=optional_str)
    #: When it was recorded.
    recorded: dt.datetime | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.datetime))
    )
    #: How it was made.
    method: Method = attrs.field(default=Method.MANUAL, converter=Method)
    #: How sure the recorder is, from 0 to 1.
    confidence: float | None = attrs.field(default=None, validator=probability)
    #: What it was derived, quoted or translated from.
    derived_from: tuple[Derivation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Derivation)
    )
    #: What was done to it since it was made, oldest first.
    history: tuple[Activity, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Activity)
    )
