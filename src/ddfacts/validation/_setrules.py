"""The whole-set rules: what references, claims and chains must be across records.

A record refers to ids of records of the right types that are in the run; a
claim's subject and entity are of the types its property applies to; a
single-valued property has one value per subject, time, source and speaker;
derivation and operated-by chains have no cycle.  Each rule here decides
and words one defect, given what the whole-set pass knows (types, kinds,
places); the pass (:class:`~ddfacts.validation._checker.RunChecker`) only
keeps that knowledge and calls them, so a message is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from ..problems import Location, Problem, problem
from ..vocabulary import Vocabulary
from ._cycles import find_cycles

__all__ = [
    "article",
    "cycle_problems",
    "duplicate_id",
    "entity_type",
    "fits",
    "member_type",
    "place",
    "problems_of_cycles",
    "reference",
    "refines_mismatch",
    "single_valued",
    "subject_type",
]


def place(location: Location) -> str:
    """Where a record is, for a message: ``file line 4`` or ``file /records/2``."""
    where = location.file or "the input"
    if location.line is not None:
        where += f" line {location.line}"
    return f"{where} {location.pointer}" if location.pointer else where


def article(noun: str) -> str:
    """*noun* with ``a`` or ``an`` before it."""
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def duplicate_id(record_id: str, first: Location) -> str:
    """An id names one record: the message for the second record with *record_id*."""
    return (
        f"the id {record_id!r} is already the id of the record at {place(first)}; "
        "ids must be unique"
    )


def reference(
    role: str, target: str, expected: tuple[str, ...], actual: str, defined: bool
) -> tuple[str, str] | None:
    """A reference names a record of a type it may name, in this run: else (code, message).

    *actual* is the type of the record *target* names (its id's prefix when
    no record has it); *defined* whether a record has it.
    """
    if actual not in expected:
        wanted = " or ".join(expected)
        return (
            "ref.wrong-type",
            f"{role} must be {article(wanted)}, but {target!r} is {article(actual)}",
        )
    if not defined:
        return "ref.missing", f"{role} {target!r} is not the id of any record in this run"
    return None


def fits(
    vocab: Vocabulary, record_type: str | None, kind: str | None, allowed: tuple[str, ...]
) -> tuple[bool, str]:
    """Whether a record of *record_type* (and *kind*) is one of *allowed*, and what it is."""
    kind = kind if record_type == "actor" else None
    if record_type == "actor" and (kind is None or kind not in vocab.actor_types):
        return True, ""  # an unknown kind is reported on the actor itself
    return vocab.fits(record_type or "", kind, allowed), kind or record_type or "?"


def subject_type(name: str, subjects: tuple[str, ...], target: str, actual: str) -> str:
    """The message for a claim whose subject is not of a type its property applies to."""
    return (
        f"property {name!r} applies to {', '.join(subjects)}, but the subject {target!r} "
        f"is {article(actual)}"
    )


def entity_type(name: str, entity_types: tuple[str, ...], target: str, actual: str) -> str:
    """The message for a claim whose entity value is not of a type its property takes."""
    return (
        f"property {name!r} takes {', '.join(entity_types)} values, but {target!r} is "
        f"{article(actual)}"
    )


def member_type(name: str, subjects: tuple[str, ...], member: str, actual: str) -> str:
    """The message for a named member of a claim about members not of the property's types.

    A claim about members says its property of the members, not of the
    group, so the types the property applies to are checked on each member
    it names (and not on the group).
    """
    return (
        f"property {name!r} applies to {', '.join(subjects)}, and this claim says it of the "
        f"members it names, but the member {member!r} is {article(actual)}"
    )


def refines_mismatch(
    refined: str, counted: tuple[str, str] | None, subject: str, name: str
) -> str | None:
    """A claim narrows a count of its own subject and property ("6 of the 15"): else a message.

    *counted* is the refined claim's (subject, property) when its value is a
    quantity, None when it has no quantity to narrow.
    """
    if counted is None:
        return (
            f"this claim refines {refined!r}, which gives no quantity: only a count "
            "can be narrowed ('6 of the 15')"
        )
    if counted != (subject, name):
        return (
            f"this claim refines {refined!r}, which gives {counted[1]!r} of {counted[0]!r}, "
            f"but this one gives {name!r} of {subject!r}: a figure narrows one of the same "
            "subject and property"
        )
    return None


def single_valued(name: str, subject: str, as_of: str, first: Location) -> str:
    """The message for a second, different value of a single-valued property."""
    when = f"as of {as_of}" if as_of else "with no as_of time"
    return (
        f"property {name!r} has one value at a time, but {subject!r} has two {when} from "
        f"the same source and speaker: this one and the one at {place(first)}"
    )


def cycle_problems(
    edges: Mapping[str, tuple[str, ...]],
    locate: Callable[[str], Location],
    field: str,
    what: str,
) -> Iterator[Problem]:
    """A ``meaning.cycle`` problem for each cycle of *edges* (id -> ids), at its first record.

    *locate* gives where the record with an id is; the chain starts at the
    record that comes first in the input.
    """
    return problems_of_cycles(find_cycles(edges), locate, field, what)


def problems_of_cycles(
    cycles: Iterable[list[str]],
    locate: Callable[[str], Location],
    field: str,
    what: str,
) -> Iterator[Problem]:
    """A ``meaning.cycle`` problem for each of *cycles* (as ``find_cycles`` gives them)."""
    for cycle in cycles:
        places = [(locate(node), node) for node in cycle]
        first_location, first_id = min(places, key=lambda pair: (*pair[0].sort_key(), pair[1]))
        start = cycle.index(first_id) if first_id in cycle else 0
        ordered = cycle[start:] + cycle[:start]
        chain = " -> ".join([*ordered, ordered[0]])
        yield problem(
            "meaning.cycle",
            f"{what} form a cycle: {chain}",
            first_location.child(field),
            records=tuple(ordered),
        )
