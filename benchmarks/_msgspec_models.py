"""msgspec Structs equivalent to the ddfacts record schemas, for the benchmark.

What a speed-minded user would write instead of ddfacts: typed Structs
decoded straight from JSON bytes, unknown members forbidden, the same
patterns, enums and bounds as ``_pydantic_models.py`` (and the JSON Schemas),
records told apart by their ``type`` tag.  Two differences msgspec imposes: a
claim value is one Struct checked in ``__post_init__`` (msgspec cannot tell
untagged Structs apart in a union), and a date-or-datetime is one pattern.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

import msgspec
from msgspec import Meta

__all__ = ["Record"]

_SLUG = r"[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?$"
Id = Annotated[str, Meta(pattern=r"^(source|statement|actor|event|claim|review):" + _SLUG)]
ActorId = Annotated[str, Meta(pattern=r"^actor:" + _SLUG)]
SourceId = Annotated[str, Meta(pattern=r"^source:" + _SLUG)]
ClaimId = Annotated[str, Meta(pattern=r"^claim:" + _SLUG)]
Language = Annotated[str, Meta(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
_DATE = r"\d{4}-\d{2}-\d{2}"
_TIME = r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
Date = Annotated[str, Meta(pattern=f"^{_DATE}$")]
DateTime = Annotated[str, Meta(pattern=f"^{_DATE}{_TIME}$")]
DateOrTime = Annotated[str, Meta(pattern=f"^{_DATE}(?:{_TIME})?$")]
NonBlank = Annotated[str, Meta(pattern=r"\S")]
Number = Union[int, float]  # noqa: UP007 - a runtime alias


class _Struct(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, tag_field="type", omit_defaults=True
):
    pass


class ResolvedAgainst(_Struct, kw_only=True):
    date: Date
    basis: str | None = None


class TimeSpan(_Struct, kw_only=True):
    earliest: DateOrTime | None = None
    latest: DateOrTime | None = None
    precision: Literal[
        "unknown",
        "century",
        "decade",
        "year",
        "season",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
    ]
    edtf: Annotated[str, Meta(min_length=1)]
    approximate: bool = False
    uncertain: bool = False
    expression: str | None = None
    resolved_against: ResolvedAgainst | None = None


class Quantity(_Struct, kw_only=True):
    amount: Number | None = None
    lower: Number | None = None
    upper: Number | None = None
    qualifier: Literal[
        "exact", "approximately", "more_than", "at_least", "less_than", "at_most", "between"
    ]
    unit: str | None = None
    expression: str | None = None


class Anchor(_Struct, kw_only=True):
    start: Annotated[int, Meta(ge=0)]
    end: Annotated[int, Meta(ge=0)]
    exact: Annotated[str, Meta(min_length=1)]
    prefix: Annotated[str, Meta(max_length=32)] = ""
    suffix: Annotated[str, Meta(max_length=32)] = ""


class Derivation(_Struct, kw_only=True):
    kind: Literal["derived_from", "quoted_from", "translated_from", "revision_of"]
    target: Id


class Activity(_Struct, kw_only=True):
    activity: str
    at: DateTime | None = None
    agent: str | None = None
    note: str | None = None


class Provenance(_Struct, kw_only=True):
    agent: str | None = None
    tool: str | None = None
    tool_version: str | None = None
    recorded: DateTime | None = None
    method: Literal["manual", "rule", "model", "import"] = "manual"
    confidence: Annotated[float, Meta(ge=0, le=1)] | None = None
    derived_from: list[Derivation] = msgspec.field(default_factory=list)
    history: list[Activity] = msgspec.field(default_factory=list)


class SourceLink(_Struct, kw_only=True):
    kind: Literal[
        "also_appears_at", "syndicates", "wire_copy_of", "translation_of", "quotes", "revision_of"
    ]
    source: SourceId | None = None
    url: str | None = None
    evidence: list[Id] = msgspec.field(default_factory=list)


class Source(_Struct, kw_only=True, tag="source"):
    id: Annotated[str, Meta(pattern=r"^source:" + _SLUG)]
    title: str | None = None
    authors: list[ActorId] = msgspec.field(default_factory=list)
    publisher: ActorId | None = None
    url: str | None = None
    published: TimeSpan | None = None
    language: Language | None = None
    kind: str | None = None
    sha256: Annotated[str, Meta(pattern=r"^[0-9a-f]{64}$")] | None = None
    length: Annotated[int, Meta(ge=0)] | None = None
    links: list[SourceLink] = msgspec.field(default_factory=list)
    provenance: Provenance | None = None


class Statement(_Struct, kw_only=True, tag="statement"):
    id: Annotated[str, Meta(pattern=r"^statement:" + _SLUG)]
    source: SourceId
    anchor: Anchor
    language: Language | None = None
    note: str | None = None
    provenance: Provenance | None = None


class Name(_Struct, kw_only=True):
    text: NonBlank
    language: Language | None = None
    kind: str | None = None


class Identifier(_Struct, kw_only=True):
    scheme: NonBlank
    value: NonBlank


class Role(_Struct, kw_only=True):
    position: NonBlank
    organization: Id | None = None
    during: TimeSpan | None = None
    evidence: list[Id] = msgspec.field(default_factory=list)


class Actor(_Struct, kw_only=True, tag="actor"):
    id: Annotated[str, Meta(pattern=r"^actor:" + _SLUG)]
    kind: NonBlank
    name: NonBlank
    names: list[Name] = msgspec.field(default_factory=list)
    aliases: list[str] = msgspec.field(default_factory=list)
    identifiers: list[Identifier] = msgspec.field(default_factory=list)
    roles: list[Role] = msgspec.field(default_factory=list)
    platform: str | None = None
    handle: str | None = None
    operated_by: Id | None = None
    description: str | None = None
    evidence: list[Id] = msgspec.field(default_factory=list)
    provenance: Provenance | None = None


class Participant(_Struct, kw_only=True):
    actor: ActorId
    role: NonBlank


class Event(_Struct, kw_only=True, tag="event"):
    id: Annotated[str, Meta(pattern=r"^event:" + _SLUG)]
    event_type: NonBlank
    time: TimeSpan | None = None
    place: str | None = None
    participants: list[Participant] = msgspec.field(default_factory=list)
    about: list[Id] = msgspec.field(default_factory=list)
    description: str | None = None
    evidence: list[Id] = msgspec.field(default_factory=list)
    provenance: Provenance | None = None


class ClaimValue(_Struct, kw_only=True):
    # msgspec cannot tell untagged Structs apart in a union: one Struct, one member set.
    quantity: Quantity | None = None
    time: TimeSpan | None = None
    entity: Id | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        given = (self.quantity, self.time, self.entity, self.text)
        if sum(value is not None for value in given) != 1:
            raise ValueError("a claim value has exactly one of quantity, time, entity, text")


class Attribution(_Struct, kw_only=True):
    source: SourceId
    mode: Literal["states", "quotes", "paraphrases", "reports", "disputes", "translates"] = "states"
    via: Id | None = None
    via_source: Id | None = None
    original_language: Language | None = None
    translated_by: Id | None = None


class Claim(_Struct, kw_only=True, tag="claim"):
    id: Annotated[str, Meta(pattern=r"^claim:" + _SLUG)]
    subject: Id
    property: NonBlank
    value: ClaimValue
    as_of: TimeSpan | None = None
    qualifiers: dict[str, str] = msgspec.field(default_factory=dict)
    speaker: Id | None = None
    attribution: Attribution | None = None
    text: str | None = None
    evidence: list[Id] = msgspec.field(default_factory=list)
    provenance: Provenance | None = None


class Rating(_Struct, kw_only=True):
    value: Number
    best: Number
    worst: Number
    label: str | None = None


class Review(_Struct, kw_only=True, tag="review"):
    id: Annotated[str, Meta(pattern=r"^review:" + _SLUG)]
    claim: ClaimId
    rating: Rating
    reviewer: ActorId
    published: Date | None = None
    explanation: str | None = None
    url: str | None = None
    evidence: list[Id] = msgspec.field(default_factory=list)
    provenance: Provenance | None = None


#: Any record, told apart by its ``type`` tag.
Record = Union[Source, Statement, Actor, Event, Claim, Review]  # noqa: UP007 - a runtime alias
