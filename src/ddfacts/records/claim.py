"""Claim and Review: a proposition with who asserts it and who carries it; a verdict on it."""

from __future__ import annotations

import builtins
import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any, Union

import attrs

from ..quantities._value import Quantity
from ..times._span import TimeSpan
from ._fields import (
    any_id,
    extensions_field,
    frozen_mapping,
    id_of,
    ids,
    language,
    non_empty_str,
    optional_id,
    optional_str,
    to_tuple,
)
from ._provenance import Provenance
from ._rules import rating_scale, rating_value

__all__ = ["Attribution", "Claim", "ClaimValue", "Mode", "Rating", "Ref", "Review"]


class Mode(str, enum.Enum):
    """How a source carries a claim."""

    #: The source asserts it in its own voice (the author's own statement).
    STATES = "states"
    #: The source quotes the speaker's words.
    QUOTES = "quotes"
    #: The source gives the speaker's words in its own.
    PARAPHRASES = "paraphrases"
    #: The source reports that the speaker said it, without endorsing it.
    REPORTS = "reports"
    #: The source reports it and disputes it.
    DISPUTES = "disputes"
    #: The source gives a translation of the speaker's words.
    TRANSLATES = "translates"


@attrs.frozen(kw_only=True)
class Attribution:
    """Who carries a claim, and how: kept apart from who asserts it (the speaker).

    ``via`` names the original outlet when the source relays another (the
    ambassador "told RIA Novosti"); ``translated_by`` who translated the
    words, from ``original_language``.
    """

    #: The Source that carries the claim.
    source: str = attrs.field(validator=id_of("source"))
    #: How it carries it.
    mode: Mode = attrs.field(default=Mode.STATES, converter=Mode)
    #: Actor id of the outlet that first carried the words, when the source relays another.
    via: str | None = attrs.field(default=None, validator=optional_id)
    #: The original outlet's Source record, when there is one.
    via_source: str | None = attrs.field(default=None, validator=optional_id)
    #: Language the words were first said or written in.
    original_language: str | None = attrs.field(default=None, validator=language)
    #: Actor id of who translated them.
    translated_by: str | None = attrs.field(default=None, validator=optional_id)


@attrs.frozen(kw_only=True)
class Ref:
    """A claim value that is another record (an actor, an event…)."""

    #: The record's id.
    id: str = attrs.field(validator=any_id)


#: What a claim's value can be: a quantity, a time, another record, or text.
ClaimValue = Union[Quantity, TimeSpan, Ref, str]  # noqa: UP007 - a runtime alias


def _claim_value(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (Quantity, TimeSpan, Ref, str)):
        raise TypeError(f"value must be a Quantity, TimeSpan, Ref or str, got {value!r}")


def _qualifiers(_inst: object, _attribute: attrs.Attribute[Any], value: Mapping[str, Any]) -> None:
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise TypeError(f"qualifiers map names to strings, got {key!r}: {item!r}")


@attrs.frozen(kw_only=True)
class Claim:
    """A proposition: subject, property, value, with who asserts it and who carries it.

    ``speaker`` is the actor who asserts it; ``attribution`` the source that
    carries it and how.  A claim the source makes in its own voice has no
    speaker and mode ``states``.

    .. versionadded:: 0.1.0
    """

    #: ``claim:…``
    id: str = attrs.field(validator=id_of("claim"))
    #: The id of what the claim is about.
    subject: str = attrs.field(validator=any_id)
    #: The property, from the vocabulary: ``followers``, ``position``…
    property: str = attrs.field(validator=non_empty_str)
    #: The value.
    value: ClaimValue = attrs.field(validator=_claim_value)
    #: When the value holds (a follower count "as of" a date).
    as_of: TimeSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TimeSpan))
    )
    #: Further qualifiers (``platform``, ``place``…), name to value.
    qualifiers: Mapping[str, str] = attrs.field(
        factory=dict, converter=frozen_mapping, validator=_qualifiers, hash=False
    )
    #: Actor id of who asserts it; None when the source asserts it itself.
    speaker: str | None = attrs.field(default=None, validator=optional_id)
    #: The source that carries it, and how.
    attribution: Attribution | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Attribution))
    )
    #: The claim as one plain sentence (for fact-check and verification exports).
    text: str | None = attrs.field(default=None, validator=optional_str)
    #: Statement ids that carry it.
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Who recorded this record, how and from what.
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance))
    )
    #: Unknown ``x-…`` members, kept as they came.
    extensions: Mapping[str, Any] = extensions_field()

    @builtins.property
    def type(self) -> str:
        """The record type, ``"claim"``."""
        return "claim"


def _rating_number(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise TypeError(f"{attribute.name} must be a number, got {value!r}")


@attrs.frozen(kw_only=True)
class Rating:
    """A verdict on a declared scale: ``value`` between ``worst`` and ``best``."""

    #: The rating given.
    value: int | float = attrs.field(validator=_rating_number)
    #: The best rating on the scale.
    best: int | float = attrs.field(validator=_rating_number)
    #: The worst rating on the scale.
    worst: int | float = attrs.field(validator=_rating_number)
    #: The rating in words ("False", "Mostly true").
    label: str | None = attrs.field(default=None, validator=optional_str)

    def __attrs_post_init__(self) -> None:
        message = rating_scale(self.best, self.worst) or rating_value(
            self.value, self.best, self.worst
        )
        if message is not None:
            raise ValueError(message)


@attrs.frozen(kw_only=True)
class Review:
    """A fact-checker's verdict on a Claim.

    .. versionadded:: 0.1.0
    """

    #: ``review:…``
    id: str = attrs.field(validator=id_of("review"))
    #: The reviewed Claim's id.
    claim: str = attrs.field(validator=id_of("claim"))
    #: The verdict.
    rating: Rating = attrs.field(validator=attrs.validators.instance_of(Rating))
    #: Actor id of the reviewer (a person or a fact-checking organization).
    reviewer: str = attrs.field(validator=id_of("actor"))
    #: When the review was published.
    published: dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )
    #: Why, in a few sentences.
    explanation: str | None = attrs.field(default=None, validator=optional_str)
    #: Where the review is published.
    url: str | None = attrs.field(default=None, validator=optional_str)
    #: Statement ids the verdict rests on.
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Who recorded this record, how and from what.
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance))
    )
    #: Unknown ``x-…`` members, kept as they came.
    extensions: Mapping[str, Any] = extensions_field()

    @property
    def type(self) -> str:
        """The record type, ``"review"``."""
        return "review"
