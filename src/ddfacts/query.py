"""Filters over a FactSet: records by type, subject, property, source, speaker and time.

:func:`query` keeps the records that pass every filter given, in file order.
Each filter says what a record must have to match:

``type``
    its JSON ``type`` (``"claim"``, ``"event"``…).
``subject``
    a Claim about it (its subject, or what its proposition is ``about``),
    an Event it takes part in or is about, a Review of it (when the subject
    is a claim).
``property``
    a Claim of that property.
``source``
    a Statement of that Source; a Claim the source carries
    (``attribution.source``), relays (``attribution.via_source``, or a hop
    of its chain of reported speech) or has evidence in; an Event, Actor or
    Review with evidence in it.
``speaker``
    a Claim asserted by that actor.
``certainty``
    a Claim asserted that firmly (``certain``, ``probable``, ``possible``;
    a claim without attribution counts as certain).
``proposition``
    a Claim with a proposition whose text holds these words (case is
    ignored; ``""`` matches every claim with a proposition).
``at``
    a time (a date, or a TimeSpan) that overlaps the record's own time: a
    Claim's ``as_of``, an Event's ``time``, a Source's ``published``, a
    Review's ``published`` date, or any of an Actor's roles.  A record with
    no time of its own (a Statement, a Claim without ``as_of``) does not
    match, and neither does an unknown time: "we don't know when" is not
    "at that time".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .records import Actor, Certainty, Claim, Event, Record, Review, Source, Statement
from .times._span import Precision, TimeSpan

if TYPE_CHECKING:  # FactSet.query calls query(): the set is only read through its methods here.
    from .factset import FactSet

__all__ = ["claim_matches", "filter_records", "query", "record_times", "span_of"]


def span_of(when: dt.date | TimeSpan) -> TimeSpan:
    """*when* as a TimeSpan: a date (or datetime) becomes the one-day span it names."""
    if isinstance(when, TimeSpan):
        return when
    if isinstance(when, dt.datetime):
        return TimeSpan(
            earliest=when, latest=when, precision=Precision.SECOND, edtf=when.isoformat()
        )
    return TimeSpan(earliest=when, latest=when, precision=Precision.DAY, edtf=when.isoformat())


def record_times(record: Record) -> tuple[TimeSpan, ...]:
    """The times a record holds at: as-of, event time, publication, or its actor's roles."""
    if isinstance(record, Claim):
        spans: Iterable[TimeSpan | None] = (record.as_of,)
    elif isinstance(record, Event):
        spans = (record.time,)
    elif isinstance(record, Source):
        spans = (record.published,)
    elif isinstance(record, Review):
        spans = (span_of(record.published),) if record.published is not None else ()
    elif isinstance(record, Actor):
        spans = (role.during for role in record.roles)
    else:
        spans = ()
    return tuple(span for span in spans if span is not None and not span.is_unknown)


#: How the filters look a record up by id: ``get(record_id, kind)``, a record or None.
Lookup = Callable[[str, type[Statement]], Record | None]


def _evidence_in(get: Lookup, evidence: tuple[str, ...], source: str) -> bool:
    for statement_id in evidence:
        statement = get(statement_id, Statement)
        if isinstance(statement, Statement) and statement.source == source:
            return True
    return False


def _about(record: Record, subject: str) -> bool:
    if isinstance(record, Claim):
        return subject in record.about
    if isinstance(record, Event):
        return subject in record.about or any(p.actor == subject for p in record.participants)
    if isinstance(record, Review):
        return record.claim == subject
    return False


def _from_source(get: Lookup, record: Record, source: str) -> bool:
    if isinstance(record, Statement):
        return record.source == source
    if isinstance(record, Claim):
        attribution = record.attribution
        if attribution is not None and (
            source in (attribution.source, attribution.via_source)
            or any(hop.source == source for hop in attribution.hops)
        ):
            return True
        return _evidence_in(get, record.evidence, source)
    if isinstance(record, (Event, Actor, Review)):
        return _evidence_in(get, record.evidence, source)
    return False


def claim_matches(
    record: Record,
    *,
    certainty: Certainty | str | None = None,
    proposition: str | None = None,
) -> bool:
    """Whether *record* passes the claim filters ``certainty`` and ``proposition``.

    With neither given every record passes; with either, only claims can.

    .. versionadded:: 0.2.0
    """
    if certainty is None and proposition is None:
        return True
    if not isinstance(record, Claim):
        return False
    if certainty is not None:
        attribution = record.attribution
        held = attribution.certainty if attribution is not None else Certainty.CERTAIN
        if held is not Certainty(certainty):
            return False
    if proposition is not None:
        said = record.proposition
        if said is None or proposition.casefold() not in said.text.casefold():
            return False
    return True


def _candidates(factset: FactSet, type_: str | None, property_: str | None) -> Iterable[Record]:
    if property_ is not None:
        return factset.by_property(property_)
    if type_ is not None:
        return factset.by_type(type_)
    return factset


def query(
    factset: FactSet,
    *,
    type: str | None = None,
    subject: str | None = None,
    property: str | None = None,
    source: str | None = None,
    speaker: str | None = None,
    at: dt.date | TimeSpan | None = None,
    certainty: Certainty | str | None = None,
    proposition: str | None = None,
) -> tuple[Record, ...]:
    """The records of *factset* that pass every filter given, in file order.

    Filters left as None do not filter; see the module documentation for what
    each one matches.  ``at`` matches by overlap, so "2022" finds a claim as
    of 9 December 2022 and "9 December 2022" finds a role held through 2022.

    .. versionadded:: 0.1.0
    """
    return filter_records(
        _candidates(factset, type, property), factset.get,
        type=type, subject=subject, property=property, source=source, speaker=speaker,
        at=at, certainty=certainty, proposition=proposition,
    )  # fmt: skip


def filter_records(
    records: Iterable[Record],
    get: Lookup,
    *,
    type: str | None = None,
    subject: str | None = None,
    property: str | None = None,
    source: str | None = None,
    speaker: str | None = None,
    at: dt.date | TimeSpan | None = None,
    certainty: Certainty | str | None = None,
    proposition: str | None = None,
) -> tuple[Record, ...]:
    """The *records* that pass every filter given, in their order: what :func:`query` keeps.

    :func:`query` hands it a FactSet's candidates; a fact store hands it the
    rows its indexes found, so both keep the records by this one rule, and
    neither builds a set to ask it.  *get* looks a statement up by id (the
    ``source`` filter follows a record's evidence), as ``FactSet.get`` does.
    One pass; each record costs O(its own size), plus one *get* per
    evidence item with ``source``.

    .. versionadded:: 0.2.0
    """
    when = span_of(at) if at is not None else None
    claims_only = certainty is not None or proposition is not None
    found: list[Record] = []
    for record in records:
        if type is not None and record.type != type:
            continue
        if property is not None and not (isinstance(record, Claim) and record.property == property):
            continue
        if subject is not None and not _about(record, subject):
            continue
        if speaker is not None and not (isinstance(record, Claim) and record.speaker == speaker):
            continue
        if source is not None and not _from_source(get, record, source):
            continue
        if when is not None and not any(span.overlaps(when) for span in record_times(record)):
            continue
        if claims_only and not claim_matches(record, certainty=certainty, proposition=proposition):
            continue
        found.append(record)
    return tuple(found)
