"""Values written as a person writes them, read into record values, and checked at the call.

Times and quantities go through the library's parsers (``parse_time``
against the source's publication date, ``parse_quantity``); a claim's value
is read as the kind its property takes.  Vocabulary problems are raised at
once, with the sentence (and "did you mean") the validator's rules give.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import VocabularyError
from ..limits import MAX_PHRASE_CHARS
from ..quantities import Quantity, parse_quantity
from ..records import Actor, Attribution, ClaimValue, Event, Rank, Ref, Statement
from ..times import ResolvedAgainst, TimeSpan, parse_time
from ..validation._rules import known, operated_by, role_allowed, unit_of, value_type
from ..vocabulary import PropertyType, Vocabulary

__all__ = [
    "Referable",
    "Reference",
    "attribution_of",
    "check_actor_kind",
    "check_event",
    "claim_value",
    "id_of",
    "property_of",
    "read_as",
    "reference_of",
    "time_of",
]

#: What a time is read against: a date, a date and where it came from, or a span.
Reference = dt.date | ResolvedAgainst | TimeSpan | None
#: A record or its id.
Referable = str | Actor | Event | Statement


def id_of(item: object, prefix: str) -> str:
    """The id of a record or id *item*; a bare slug gets *prefix* (``actor``) in front."""
    if isinstance(item, (Actor, Event, Statement)):
        return item.id
    if not isinstance(item, str) or not item:
        raise TypeError(f"expected a {prefix} record or id, got {item!r}")
    return item if ":" in item else f"{prefix}:{item}"


def time_of(value: str | TimeSpan | dt.date, reference: Reference) -> TimeSpan:
    """A TimeSpan: given, a day, or a phrase parsed against *reference*."""
    if isinstance(value, TimeSpan):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return parse_time(value.isoformat())
    if not isinstance(value, str):
        raise TypeError(f"a time is a phrase, a date or a TimeSpan, got {value!r}")
    return parse_time(value, relative_to=reference)


def read_as(phrase: str, edtf: str, against: dt.date | ResolvedAgainst | None = None) -> TimeSpan:
    """The span of *edtf*, written *phrase* in the text: a time the parser cannot read.

    For anaphora and spans the annotator resolves ("since then", "in three
    months"); *against* is the date the phrase counts from, recorded as what
    it was resolved against (a date is recorded without a basis).

    Raises:
        ValueError: *edtf* is not EDTF, or *phrase* is empty or longer than
            :data:`~ddfacts.limits.MAX_PHRASE_CHARS`.
    """
    if not isinstance(phrase, str) or not phrase.strip():
        raise ValueError("the phrase of a time read as EDTF must be the non-empty words")
    if len(phrase) > MAX_PHRASE_CHARS:
        raise ValueError(
            f"the phrase is {len(phrase)} characters long; a time expression has at most"
            f" {MAX_PHRASE_CHARS} (ddfacts.limits.MAX_PHRASE_CHARS)"
        )
    span = TimeSpan.from_edtf(edtf, expression=phrase)
    if against is None:
        return span
    if not isinstance(against, ResolvedAgainst):
        if not isinstance(against, dt.date) or isinstance(against, dt.datetime):
            raise TypeError(f"a time is resolved against a date, got {against!r}")
        against = ResolvedAgainst(date=against)
    return attrs.evolve(span, resolved_against=against)


def _raise(message: str | None) -> None:
    if message is not None:
        raise VocabularyError(message)


def property_of(vocab: Vocabulary, name: str) -> PropertyType:
    """The vocabulary's property *name*.

    Raises:
        VocabularyError: the vocabulary has no such property (with "did you mean").
    """
    _raise(known("property", name, vocab.properties))
    return vocab.properties[name]


def check_actor_kind(vocab: Vocabulary, kind: str, has_operator: bool) -> None:
    """An actor type the vocabulary knows; only an account names its operator."""
    _raise(known("actor type", kind, vocab.actor_types))
    _raise(operated_by(kind, "account" in vocab.lineage(kind), has_operator))


def check_event(vocab: Vocabulary, event_type: str, roles: list[str]) -> None:
    """An event type the vocabulary knows, with roles it allows."""
    _raise(known("event type", event_type, vocab.event_types))
    allowed = vocab.roles_for(event_type)
    for role in roles:
        _raise(known("participant role", role, vocab.roles))
        _raise(role_allowed(role, event_type, allowed))


def _tag(value: ClaimValue) -> str:
    if isinstance(value, Quantity):
        return "quantity"
    if isinstance(value, TimeSpan):
        return "time"
    if isinstance(value, Rank):
        return "rank"
    return "entity" if isinstance(value, Ref) else "text"


def _read(prop: PropertyType, value: object, reference: Reference) -> ClaimValue:
    if isinstance(value, (Quantity, TimeSpan, Ref, Rank)):
        return value
    if isinstance(value, (Actor, Event, Statement)):
        return Ref(id=value.id)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return time_of(value, reference)
    if not isinstance(value, str):
        raise TypeError(f"a claim's value is a phrase, an id or a value, got {value!r}")
    if prop.value == "quantity":
        return parse_quantity(value)
    if prop.value == "time":
        return time_of(value, reference)
    if prop.value == "entity":
        return Ref(id=value)
    return value


def claim_value(
    prop: PropertyType, value: object, reference: Reference, unit: str | None = None
) -> ClaimValue:
    """*value* read as the kind *prop* takes, a quantity counting what *prop* counts.

    Raises:
        VocabularyError: the value is of another kind, or counts another unit.
        QuantityParseError, TimeParseError: a phrase the parsers cannot read.
    """
    read = _read(prop, value, reference)
    _raise(value_type(prop.name, prop.value, _tag(read)))
    if isinstance(read, Quantity):
        counted = unit if unit is not None else prop.unit or read.unit
        if counted is not None:
            _raise(unit_of(prop.name, prop.unit, counted))
        read = attrs.evolve(read, unit=counted)
    return read


def reference_of(source_id: str, published: TimeSpan | None) -> Reference:
    """What a text's relative times resolve against: its publication day or span."""
    if published is None or published.earliest is None:
        return None
    if published.earliest == published.latest:
        return ResolvedAgainst(date=published.earliest, basis=f"{source_id} published")
    return published if published.latest is not None else None


def attribution_of(
    source_id: str, mode: str, via: Referable | None, more: dict[str, Any]
) -> Attribution:
    """A claim's attribution to *source_id*; *more* gives its other members.

    ``via_source`` and ``translated_by`` (format 1.0), and ``chain``,
    ``certainty``, ``negated``, ``hedge``, ``original_language``.
    """
    for name in ("via_source", "translated_by"):
        if more.get(name) is not None:
            more[name] = id_of(more[name], "source" if name == "via_source" else "actor")
    return Attribution(
        source=source_id,
        mode=mode,
        via=id_of(via, "actor") if via is not None else None,
        **more,
    )
