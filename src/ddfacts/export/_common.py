"""What the exporters share: IRIs for records, claim sentences, canonical JSON."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

from .._describe import describe_factuality, describe_rank
from .._escape import json_text
from ..factset import FactSet
from ..quantities._value import Qualifier, Quantity
from ..records import Actor, Claim, ClaimValue, Event, Rank, Ref, Review, Source, Statement
from ..times._span import TimeSpan

__all__ = [
    "URN_PREFIX",
    "canonical_json",
    "claim_sentence",
    "display_name",
    "id_of_iri",
    "iri_of",
    "record_iri",
    "sorted_by_id",
    "value_words",
]

#: The IRI prefix of a record that has no URL of its own: ``urn:ddfacts:`` + its id.
URN_PREFIX = "urn:ddfacts:"

R = TypeVar("R", Source, Statement, Actor, Event, Claim, Review)

_ID_IN_URN = re.compile(r"^urn:ddfacts:([a-z]+:[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?)\Z")


def record_iri(record_id: str) -> str:
    """The ``urn:ddfacts:`` IRI of a record id (``statement:x`` -> ``urn:ddfacts:statement:x``)."""
    return URN_PREFIX + record_id


def iri_of(record_id: str, facts: FactSet) -> str:
    """The IRI that names a record outside ddfacts.

    A Source with a ``url`` is named by that URL; every other record (and a
    Source without a URL, or not in *facts*) by its ``urn:ddfacts:`` IRI.
    """
    source = facts.get(record_id, Source)
    if source is not None and source.url:
        return source.url
    return record_iri(record_id)


def id_of_iri(iri: str) -> str | None:
    """The record id inside a ``urn:ddfacts:`` IRI, or None for any other IRI."""
    match = _ID_IN_URN.match(iri)
    return match.group(1) if match else None


def display_name(record_id: str, facts: FactSet) -> str:
    """A readable name for a record: an actor's name, a source's title, else the id."""
    record = facts.get(record_id)
    if isinstance(record, Actor):
        return record.name
    if isinstance(record, Source) and record.title:
        return record.title
    return record_id


#: Units written as they are after any number.
_UNCOUNTED = frozenset({"percent", "%"})

_QUALIFIER_WORDS = {
    Qualifier.APPROXIMATELY: "about ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.AT_MOST: "at most ",
}


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _quantity_words(quantity: Quantity) -> str:
    """A quantity as written, else in words: ``more than 9,000 followers``."""
    if quantity.expression:
        return quantity.expression
    unit = ""
    if quantity.unit:
        one = quantity.qualifier is Qualifier.EXACT and quantity.amount == 1
        plural = one or quantity.unit in _UNCOUNTED or quantity.unit.endswith("s")
        unit = f" {quantity.unit}" if plural else f" {quantity.unit}s"
    if quantity.qualifier is Qualifier.BETWEEN:
        return f"between {_number(quantity.lower)} and {_number(quantity.upper)}{unit}"
    words = _QUALIFIER_WORDS.get(quantity.qualifier, "")
    return f"{words}{_number(quantity.amount)}{unit}"


def value_words(value: ClaimValue, facts: FactSet) -> str:
    """A claim value in words: a quantity or time as written, a record by its name."""
    if isinstance(value, Quantity):
        return _quantity_words(value)
    if isinstance(value, TimeSpan):
        return value.expression or value.edtf
    if isinstance(value, Ref):
        return display_name(value.id, facts)
    if isinstance(value, Rank):
        return describe_rank(value)
    return value


def claim_sentence(claim: Claim, facts: FactSet) -> str:
    """The claim as one sentence: ``text``, else the proposition, else the triple in words.

    The triple names the subject by its display name, turns ``_`` in the
    property into spaces, and adds "(as of …)" when the claim has an as-of
    time.  A sentence built from the proposition or the triple keeps how
    firmly the speaker asserts it, unless it already says the hedge words
    (:func:`~ddfacts._describe.describe_factuality`): "(probable:
    “apparently”)", "(negated)"; a claim's own ``text`` is used as written.
    """
    if claim.text:
        return claim.text
    if claim.proposition is not None:
        sentence = claim.proposition.text
    elif claim.subject is None or claim.property is None or claim.value is None:
        return claim.id
    else:
        subject = _subject_words(claim, claim.subject, facts)
        value = value_words(claim.value, facts)
        sentence = f"{subject} {claim.property.replace('_', ' ')}: {value}"
        if claim.as_of is not None and not claim.as_of.is_unknown:
            sentence += f" (as of {claim.as_of.expression or claim.as_of.edtf})"
    words = describe_factuality(claim.attribution)
    hedge = claim.attribution.hedge if claim.attribution is not None else None
    if not words or (hedge and hedge.casefold() in sentence.casefold()):
        return sentence
    return f"{sentence} ({words})"


def _subject_words(claim: Claim, subject_id: str, facts: FactSet) -> str:
    """The subject, or which of its members: "each member of X except Y" (counting those...)."""
    subject = display_name(subject_id, facts)
    members = claim.members
    if members is not None:
        scope = members.scope.value
        lead = "the average" if scope == "average" else scope
        subject = f"{lead} member{'s' if scope in ('all', 'most', 'some') else ''} of {subject}"
        if members.named:
            subject += " (" + ", ".join(display_name(i, facts) for i in members.named) + ")"
        if members.excluding:
            subject += " except " + ", ".join(display_name(i, facts) for i in members.excluding)
    if claim.where is not None:
        bound = value_words(claim.where.value, facts)
        subject += f" (counting those with {claim.where.property.replace('_', ' ')} {bound})"
    return subject


def canonical_json(value: Any) -> str:
    """JSON text as every exporter writes it: 2-space indent, UTF-8, a final newline.

    Safe to embed in an HTML ``<script>`` block: ``<``, ``>``, ``&``, U+2028 and
    U+2029 are written as ``\\u003c``… (:func:`~ddfacts._escape.json_text`).
    """
    return json_text(value, indent=2) + "\n"


def sorted_by_id(records: Iterable[R]) -> list[R]:
    """Records sorted by id: the order of every export where file order means nothing."""
    return sorted(records, key=lambda record: record.id)
