"""Claim and Review: a proposition with who asserts it and who carries it; a verdict on it."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping
from typing import Any, Union

import attrs

from ..quantities._value import Quantity
from ..times._span import TimeSpan
from ._claimparts import (
    Certainty,
    Condition,
    Hop,
    Members,
    Mode,
    Proposition,
    Rank,
)
from ._fields import (
    any_id,
    extensions_field,
    frozen_mapping,
    id_of,
    ids,
    instances_of,
    language,
    non_empty_str,
    optional_id,
    optional_str,
    to_tuple,
)
from ._provenance import Provenance
from ._rules import attribution_forms, claim_content, rating_scale, rating_value

__all__ = ["Attribution", "Claim", "ClaimValue", "Rating", "Ref", "Review"]


@attrs.frozen(kw_only=True)
class Attribution:
    """Who carries a claim, and how firmly it is asserted: kept apart from who asserts it.

    ``chain`` lists who passed the speaker's words on before the source, in
    order (the ambassador -> TASS -> the embassy's translation -> the
    source); format 1.0 said this with ``via``/``via_source`` (the original
    outlet) and ``translated_by``, which still load, and :attr:`hops` reads
    either form.  ``certainty``, ``negated`` and ``hedge`` say how firmly
    the speaker asserts the claim (FactBank-style) and with which words.
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
    #: Who passed the words on between the speaker and the source, in order.
    chain: tuple[Hop, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Hop)
    )
    #: How firmly the speaker asserts the claim.
    certainty: Certainty = attrs.field(default=Certainty.CERTAIN, converter=Certainty)
    #: Whether the speaker asserts that the claim does NOT hold.
    negated: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    #: The hedging (or negating) words as written: "apparently", "seems to".
    hedge: str | None = attrs.field(default=None, validator=optional_str)

    def __attrs_post_init__(self) -> None:
        message = attribution_forms(
            bool(self.chain),
            self.via is not None or self.via_source is not None,
            self.translated_by is not None,
        )
        if message is not None:
            raise ValueError(message)

    @builtins.property
    def hops(self) -> tuple[Hop, ...]:
        """The chain of reported speech, read from ``chain`` or from the 1.0 members.

        A 1.0 attribution gives at most two hops: the original outlet
        (``via``, mode ``reports``, with its ``via_source``), then the
        translator (``translated_by``, mode ``translates``).
        """
        if self.chain or (self.via is None and self.translated_by is None):
            return self.chain
        hops: list[Hop] = []
        if self.via is not None:
            hops.append(Hop(by=self.via, mode=Mode.REPORTS, source=self.via_source))
        if self.translated_by is not None:
            hops.append(Hop(by=self.translated_by, mode=Mode.TRANSLATES))
        return tuple(hops)

    @builtins.property
    def hedged(self) -> bool:
        """Whether the speaker asserts the claim less than certainly."""
        return self.certainty is not Certainty.CERTAIN


@attrs.frozen(kw_only=True)
class Ref:
    """A claim value that is another record (an actor, an event…)."""

    #: The record's id.
    id: str = attrs.field(validator=any_id)


#: What a claim's value can be: a quantity, a time, another record, a rank, or text.
ClaimValue = Union[Quantity, TimeSpan, Ref, Rank, str]  # noqa: UP007 - a runtime alias


def _claim_value(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, (Quantity, TimeSpan, Ref, Rank, str)):
        raise TypeError(f"value must be a Quantity, TimeSpan, Ref, Rank or str, got {value!r}")


def _qualifiers(_inst: object, _attribute: attrs.Attribute[Any], value: Mapping[str, Any]) -> None:
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise TypeError(f"qualifiers map names to strings, got {key!r}: {item!r}")


@attrs.frozen(kw_only=True)
class Claim:
    """What a text asserts: subject, property, value, or a proposition in words, or both.

    ``speaker`` is the actor who asserts it; ``attribution`` the source that
    carries it and how (and how firmly the speaker asserts it).  A claim the
    source makes in its own voice has no speaker and mode ``states``.
    ``members`` makes it a claim about members of the subject (a group);
    ``where`` limits the members a value counts or covers; ``refines``
    names the claim whose figure this one narrows ("6 of the 15").

    .. versionadded:: 0.1.0
    """

    #: ``claim:…``
    id: str = attrs.field(validator=id_of("claim"))
    #: The id of what the claim is about (None for a proposition alone).
    subject: str | None = attrs.field(default=None, validator=optional_id)
    #: The property, from the vocabulary: ``followers``, ``position``…
    property: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_str)
    )
    #: The value.
    value: ClaimValue | None = attrs.field(default=None, validator=_claim_value)
    #: The asserted content in words, with what it is about.
    proposition: Proposition | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Proposition))
    )
    #: Which members of the subject (a group) the claim is about, when not the group itself.
    members: Members | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Members))
    )
    #: Only the subject's members meeting this are counted or covered.
    where: Condition | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Condition))
    )
    #: Id of the claim whose figure this one narrows ("6 of" that claim's "15").
    refines: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(id_of("claim"))
    )
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

    def __attrs_post_init__(self) -> None:
        message = claim_content(
            self.subject is not None,
            self.property is not None,
            self.value is not None,
            self.proposition is not None,
        )
        if message is not None:
            raise ValueError(message)

    @builtins.property
    def type(self) -> str:
        """The record type, ``"claim"``."""
        return "claim"

    @builtins.property
    def about(self) -> tuple[str, ...]:
        """Ids of what the claim is about: its subject, then the proposition's ``about``."""
        found = [self.subject] if self.subject is not None else []
        if self.proposition is not None:
            found.extend(i for i in self.proposition.about if i != self.subject)
        return tuple(found)


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
