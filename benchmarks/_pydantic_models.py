"""Pydantic v2 models equivalent to the ddfacts record schemas, for the benchmark.

What many users would write instead of ddfacts: strict models (no coercion),
unknown members forbidden, the same patterns, enums and bounds as the JSON
Schemas in ``schemas/``.  Records are told apart by ``type`` (a
discriminated union).  ``x-…`` extension members are not modelled: the
generated benchmark files hold none.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

__all__ = ["RECORD", "Record"]

_SLUG = r"[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?$"
Id = Annotated[str, Field(pattern=r"^(source|statement|actor|event|claim|review):" + _SLUG)]
ActorId = Annotated[str, Field(pattern=r"^actor:" + _SLUG)]
SourceId = Annotated[str, Field(pattern=r"^source:" + _SLUG)]
ClaimId = Annotated[str, Field(pattern=r"^claim:" + _SLUG)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
Date = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
DateTime = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"),
]
NonBlank = Annotated[str, Field(pattern=r"\S")]
Number = Union[int, float]  # noqa: UP007 - a runtime alias


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class ResolvedAgainst(_Model):
    date: Date
    basis: str | None = None


class TimeSpan(_Model):
    earliest: Date | DateTime | None = None
    latest: Date | DateTime | None = None
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
    edtf: Annotated[str, Field(min_length=1)]
    approximate: bool = False
    uncertain: bool = False
    expression: str | None = None
    resolved_against: ResolvedAgainst | None = None


class Quantity(_Model):
    amount: Number | None = None
    lower: Number | None = None
    upper: Number | None = None
    qualifier: Literal[
        "exact", "approximately", "more_than", "at_least", "less_than", "at_most", "between"
    ]
    unit: str | None = None
    expression: str | None = None


class Anchor(_Model):
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    exact: Annotated[str, Field(min_length=1)]
    prefix: Annotated[str, Field(max_length=32)] = ""
    suffix: Annotated[str, Field(max_length=32)] = ""


class Derivation(_Model):
    kind: Literal["derived_from", "quoted_from", "translated_from", "revision_of"]
    target: Id


class Activity(_Model):
    activity: str
    at: DateTime | None = None
    agent: str | None = None
    note: str | None = None


class Provenance(_Model):
    agent: str | None = None
    tool: str | None = None
    tool_version: str | None = None
    recorded: DateTime | None = None
    method: Literal["manual", "rule", "model", "import"] = "manual"
    confidence: Annotated[Number, Field(ge=0, le=1)] | None = None
    derived_from: list[Derivation] = []
    history: list[Activity] = []


class SourceLink(_Model):
    kind: Literal[
        "also_appears_at", "syndicates", "wire_copy_of", "translation_of", "quotes", "revision_of"
    ]
    source: SourceId | None = None
    url: str | None = None
    evidence: list[Id] = []


class Source(_Model):
    type: Literal["source"]
    id: Annotated[str, Field(pattern=r"^source:" + _SLUG)]
    title: str | None = None
    authors: list[ActorId] = []
    publisher: ActorId | None = None
    url: str | None = None
    published: TimeSpan | None = None
    language: Language | None = None
    kind: str | None = None
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    length: Annotated[int, Field(ge=0)] | None = None
    links: list[SourceLink] = []
    provenance: Provenance | None = None


class Statement(_Model):
    type: Literal["statement"]
    id: Annotated[str, Field(pattern=r"^statement:" + _SLUG)]
    source: SourceId
    anchor: Anchor
    language: Language | None = None
    note: str | None = None
    provenance: Provenance | None = None


class Name(_Model):
    text: NonBlank
    language: Language | None = None
    kind: str | None = None


class Identifier(_Model):
    scheme: NonBlank
    value: NonBlank


class Role(_Model):
    position: NonBlank
    organization: Id | None = None
    during: TimeSpan | None = None
    evidence: list[Id] = []


class Actor(_Model):
    type: Literal["actor"]
    id: Annotated[str, Field(pattern=r"^actor:" + _SLUG)]
    kind: NonBlank
    name: NonBlank
    names: list[Name] = []
    aliases: list[str] = []
    identifiers: list[Identifier] = []
    roles: list[Role] = []
    platform: str | None = None
    handle: str | None = None
    operated_by: Id | None = None
    description: str | None = None
    evidence: list[Id] = []
    provenance: Provenance | None = None


class Participant(_Model):
    actor: ActorId
    role: NonBlank


class Event(_Model):
    type: Literal["event"]
    id: Annotated[str, Field(pattern=r"^event:" + _SLUG)]
    event_type: NonBlank
    time: TimeSpan | None = None
    place: str | None = None
    participants: list[Participant] = []
    about: list[Id] = []
    description: str | None = None
    evidence: list[Id] = []
    provenance: Provenance | None = None


class QuantityValue(_Model):
    quantity: Quantity


class TimeValue(_Model):
    time: TimeSpan


class EntityValue(_Model):
    entity: Id


class TextValue(_Model):
    text: str


class Attribution(_Model):
    source: SourceId
    mode: Literal["states", "quotes", "paraphrases", "reports", "disputes", "translates"] = "states"
    via: Id | None = None
    via_source: Id | None = None
    original_language: Language | None = None
    translated_by: Id | None = None


class Claim(_Model):
    type: Literal["claim"]
    id: Annotated[str, Field(pattern=r"^claim:" + _SLUG)]
    subject: Id
    property: NonBlank
    value: QuantityValue | TimeValue | EntityValue | TextValue
    as_of: TimeSpan | None = None
    qualifiers: dict[str, str] = {}
    speaker: Id | None = None
    attribution: Attribution | None = None
    text: str | None = None
    evidence: list[Id] = []
    provenance: Provenance | None = None


class Rating(_Model):
    value: Number
    best: Number
    worst: Number
    label: str | None = None


class Review(_Model):
    type: Literal["review"]
    id: Annotated[str, Field(pattern=r"^review:" + _SLUG)]
    claim: ClaimId
    rating: Rating
    reviewer: ActorId
    published: Date | None = None
    explanation: str | None = None
    url: str | None = None
    evidence: list[Id] = []
    provenance: Provenance | None = None


#: Any record, told apart by ``type``.
Record = Annotated[Source | Statement | Actor | Event | Claim | Review, Field(discriminator="type")]
#: Validates one record's JSON value (``RECORD.validate_python(value)``).
RECORD: TypeAdapter[Source | Statement | Actor | Event | Claim | Review] = TypeAdapter(Record)
