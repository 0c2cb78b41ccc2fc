"""Per-record checks: a pure function of one raw record value, its location and the vocabulary.

:func:`check_record` returns a :class:`RecordResult`: the record's own
problems (shape, then meaning on the record alone), and a small
:class:`RecordSummary` that the whole-set pass needs (id, type, kind, the
references it makes, its graph edges, its claim key, its anchor).  Records
themselves are never kept, so a run holds only summaries in memory, and the
per-record step can run in other processes or on other machines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from sys import intern
from typing import Any

import attrs

from ..jsonio._codec import StructureError, structure
from ..jsonio._fast._load import structure_fast
from ..problems import ALL_LEVELS, Level, Location, Problem, problem
from ..vocabulary import Vocabulary
from ._meaning import meaning_problems
from ._refwalks import walk
from ._shape import shape_problems
from ._walk import as_dict

__all__ = [
    "AnchorFacts",
    "ClaimKey",
    "RecordResult",
    "RecordSummary",
    "Reference",
    "check_record",
    "claim_named",
    "claim_scope",
    "meaning_text",
]


@attrs.frozen
class Reference:
    """One id a record refers to, the record types it may name, and where it is."""

    #: The referenced id.
    target: str
    #: The record types the reference may name.
    expected: tuple[str, ...]
    #: Where the reference is.
    location: Location
    #: What the reference is, for messages (``the speaker``).
    role: str


@attrs.frozen
class ClaimKey:
    """What the set pass needs of a claim: subject, property, value and when and who."""

    #: The subject's id.
    subject: str
    #: The property's name.
    property: str
    #: The value, as canonical JSON text.
    value: str
    #: For an entity value: the entity's id.
    entity: str | None
    #: The as-of time's EDTF, or ``""``.
    as_of: str
    #: The attribution's source id, or ``""``.
    source: str
    #: The speaker's id, or ``""``.
    speaker: str = ""
    #: Which members the value is of (``members`` and ``where``, as meaning text), or ``""``
    #: for the subject's own value: a single-valued property has one value per scope.
    scope: str = ""
    #: The id of the claim whose figure this one narrows, or ``""``.
    refines: str = ""
    #: For a claim about members: the members it names (the property applies to them, not
    #: to the subject); None for a claim about the subject itself.
    named: tuple[str, ...] | None = None
    #: Whether the value is a quantity (a count another claim can narrow).
    counts: bool = False


@attrs.frozen
class AnchorFacts:
    """What the anchors level needs of a statement."""

    #: The statement's source id.
    source: str
    #: The anchor's start, end, quote and context.
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@attrs.frozen
class RecordSummary:
    """The small part of a record the whole-set checks need."""

    #: The record's id (as written; None when it has no string id).
    id: str | None
    #: The record type (None when it has none).
    type: str | None
    #: An actor's kind.
    kind: str | None
    #: Where the record is.
    location: Location
    #: The ids it refers to.
    refs: tuple[Reference, ...] = ()
    #: Ids it is derived from (provenance derivations and deriving source links).
    derived_from: tuple[str, ...] = ()
    #: For an account: the actor that operates it.
    operated_by: str | None = None
    #: For a claim: its key.
    claim: ClaimKey | None = None
    #: For a statement: its anchor.
    anchor: AnchorFacts | None = None
    #: For a source: its recorded sha256 and length.
    identity: tuple[str | None, int | None] | None = None


@attrs.frozen
class RecordResult:
    """A record's own problems and its summary."""

    #: Problems found in the record alone.
    problems: tuple[Problem, ...]
    #: What the whole-set pass needs of it.
    summary: RecordSummary


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _references(
    value: dict[str, Any], kind: str | None, location: Location
) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """The references a record makes (located) and the ids it derives from."""
    targets, sites, derived = walk(value, kind)
    located = tuple(
        # Interned: a run keeps every reference until the end, and most name
        # ids that other records name too.
        Reference(
            intern(target),
            site.expected,
            site.where if isinstance(site.where, Location) else location.child(*site.where),
            site.role,
        )
        for target, site in zip(targets, sites, strict=True)
    )
    return located, derived


def _claim_key(value: dict[str, Any]) -> ClaimKey | None:
    subject, prop, claim_value = value.get("subject"), value.get("property"), value.get("value")
    if not isinstance(subject, str) or not isinstance(prop, str) or claim_value is None:
        return None
    return ClaimKey(
        subject=subject,
        property=prop,
        value=meaning_text(claim_value),
        entity=_str(as_dict(claim_value).get("entity")),
        as_of=_str(as_dict(value.get("as_of")).get("edtf")) or "",
        source=_str(as_dict(value.get("attribution")).get("source")) or "",
        speaker=_str(value.get("speaker")) or "",
        scope=claim_scope(value),
        refines=_str(value.get("refines")) or "",
        named=claim_named(value),
        counts=isinstance(as_dict(claim_value).get("quantity"), dict),
    )


def claim_named(value: dict[str, Any]) -> tuple[str, ...] | None:
    """The members a claim about members names; None for a claim about its subject itself."""
    members = value.get("members")
    if not isinstance(members, dict):
        return None
    named = members.get("named")
    return tuple(item for item in named if isinstance(item, str)) if isinstance(named, list) else ()


def claim_scope(value: dict[str, Any]) -> str:
    """Which members a claim's value is of, as meaning text; ``""`` for the subject's own."""
    members, where = value.get("members"), value.get("where")
    if members is None and where is None:
        return ""
    return meaning_text({"members": members, "where": where})


#: Members that say how a value was written, not what it is.
_WORDING = ("expression", "resolved_against")
#: Canonical JSON text (made once: ``json.dumps`` with options makes an encoder each call).
_canonical = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def _meaning_of(value: Any) -> Any:
    """A claim value without its wording, so "five times" and "the five" compare equal."""
    if not isinstance(value, dict):
        return value
    return {key: _meaning_of(item) for key, item in value.items() if key not in _WORDING}


def meaning_text(value: Any) -> str:
    """A claim value's meaning as canonical JSON text: two values mean the same when equal."""
    return _canonical(_meaning_of(value))


def _anchor_facts(value: dict[str, Any]) -> AnchorFacts | None:
    anchor = as_dict(value.get("anchor"))
    source, start, end, exact = (
        value.get("source"),
        anchor.get("start"),
        anchor.get("end"),
        anchor.get("exact"),
    )
    if not (
        isinstance(source, str)
        and isinstance(exact, str)
        and type(start) is int
        and type(end) is int
    ):
        return None
    return AnchorFacts(
        source,
        start,
        end,
        exact,
        _str(anchor.get("prefix")) or "",
        _str(anchor.get("suffix")) or "",
    )


def summarize(value: Any, location: Location) -> RecordSummary:
    """The summary of one raw record value (whatever its shape)."""
    if not isinstance(value, dict):
        return RecordSummary(None, None, None, location)
    kind = _str(value.get("type"))
    length = value.get("length")
    record_id = _str(value.get("id"))
    refs, derived = _references(value, kind, location)
    return RecordSummary(
        id=None if record_id is None else intern(record_id),
        type=kind,
        kind=_str(value.get("kind")) if kind == "actor" else None,
        location=location,
        refs=refs,
        derived_from=derived,
        operated_by=_str(value.get("operated_by")) if kind == "actor" else None,
        claim=_claim_key(value) if kind == "claim" else None,
        anchor=_anchor_facts(value) if kind == "statement" else None,
        identity=(
            (_str(value.get("sha256")), length if type(length) is int else None)
            if kind == "source"
            else None
        ),
    )


def check_record(
    value: Any,
    location: Location,
    vocab: Vocabulary,
    levels: Iterable[Level | str] = ALL_LEVELS,
) -> RecordResult:
    """Check one raw record value on its own: shape, then meaning; and summarize it.

    At the meaning level, a record that passes every other check is also
    built through the codec (what :func:`ddfacts.load` does), so a record
    that validates also loads; a failure there is ``meaning.invalid``.
    """
    wanted = {Level(level) for level in levels}
    found: list[Problem] = []
    # A record the fast path builds passes the schema (so shape finds nothing,
    # calendar dates included) and builds through the codec: skip both checks.
    built = structure_fast(value) is not None
    if Level.SHAPE in wanted and not built:
        found.extend(shape_problems(value, location))
    if Level.MEANING in wanted:
        own = meaning_problems(value, location, vocab)
        found.extend(own)
        if (
            not built
            and not any(item.is_error for item in found)
            and (Level.SHAPE in wanted or not shape_problems(value, location))
        ):
            found.extend(_construct(value, location))
    return RecordResult(tuple(found), summarize(value, location))


def _construct(value: Any, location: Location) -> list[Problem]:
    try:
        structure(value)
    except StructureError as error:
        return [
            problem(
                "meaning.invalid",
                f"the record cannot be built: {error.message}",
                attrs.evolve(location, pointer=location.pointer + error.pointer),
            )
        ]
    except Exception as error:  # a safety net: bad data must never raise
        return [problem("meaning.invalid", f"the record cannot be built: {error}", location)]
    return []
