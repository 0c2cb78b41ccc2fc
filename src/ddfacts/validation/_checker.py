"""The whole-set pass: one run's rows, in input order, holding only an id index and open ends.

:class:`RunChecker` takes each record's :class:`~ddfacts.validation._rows.Facts`
as it comes.  The id index maps an id to its type, kind and place; a
reference to an id already defined is checked at once and forgotten; a
forward reference waits under its target's id and is checked when that id
appears, so only references to ids not yet seen are held.  Problems carry an
order key, so the report is the same whatever the order references resolve
in: references (in record order, then in each record's reference order),
then claims, then cycles.  The rules and their messages are
in :mod:`~ddfacts.validation._setrules`.  With ``spill=True`` what grows with
the set is on disk: the id index, claim groups, counted claims and problems
(:mod:`~ddfacts.validation._spillmap`) and the links whose cycles are
sought (:class:`~ddfacts.validation._linkspill.LinkSpill`).
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Iterator
from sys import intern
from typing import Any, NamedTuple, TypeVar

from ..problems import Level, Location, Problem, problem
from ..vocabulary import Vocabulary
from ._cycles import FirstLinks, Links
from ._linkspill import LinkSpill
from ._places import Places, at, location_of
from ._record import meaning_text
from ._refs import Site
from ._rows import ClaimFacts, Facts
from ._setrules import (
    duplicate_id,
    entity_type,
    fits,
    member_type,
    problems_of_cycles,
    reference,
    refines_mismatch,
    single_valued,
    subject_type,
)
from ._spillmap import MapLike, SpillBase, SpillMap, SpillSorted

__all__ = ["RunChecker"]

K = TypeVar("K")

#: How many (type, kind) codes an id index entry can carry: ``ordinal << _CODE_BITS | code``.
_CODE_BITS = 20
_MASK = (1 << _CODE_BITS) - 1
#: Build the small typed tuples below without their class call's keyword machinery.
_new = tuple.__new__
#: Which claim target a waiting claim check is about (and its order among a claim's
#: problems): the subject, the entity; a named member ``i`` is ``_MEMBER + i``.
_SUBJECT, _ENTITY, _MEMBER = 0, 1, 4
#: The order of a claim's single-valued and refines problems among its problems.
_SINGLE, _REFINES = 2, 3


class _Waiting(NamedTuple):
    """A reference met before its target: the record's ordinal, the reference's index, site."""

    seq: int
    sub: int
    site: Site


class _ClaimCheck(NamedTuple):
    """A claim's subject, entity or member met before its record: ordinal, which, property."""

    seq: int
    which: int
    name: str


class _Refining(NamedTuple):
    """A claim that narrows another's figure: its ordinal, the refined id, subject, property."""

    seq: int
    refined: str
    subject: str
    name: str


class _FirstValue(NamedTuple):
    """The first value of a single-valued claim group: its canonical text, ordinal and id."""

    text: str
    seq: int
    record_id: str | None


#: A single-valued claim group: subject, property, as-of, source, speaker and scope.
_Group = tuple[str, str, str, str, str, str]


def _group_key(group: _Group) -> str:
    """A group as text that equal groups share (JSON: ASCII, lone surrogates escaped)."""
    return json.dumps(group)


def _ordinal(seq: int) -> int:
    return seq


def _pickled(value: object) -> bytes:
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def _spilled(base: SpillBase, key: Callable[[K], str | int]) -> SpillMap[K, Any]:
    """A map on disk whose values are pickled (read back by this process only)."""
    return SpillMap(base, key, _pickled, pickle.loads)


def _spilled_index(base: SpillBase) -> SpillMap[str, int]:
    """The id index on disk: ids as UTF-8 bytes (lone surrogates too), entries as ints."""
    return SpillMap(base, lambda record_id: record_id.encode("utf-8", "surrogatepass"))


class RunChecker:
    """The whole-set pass over facts, in input order.

    :meth:`add` gives the duplicate-id problem of a record at once,
    :meth:`finish` the rest.  The id index maps an interned id to one int:
    the record's ordinal in the run, shifted, with a small code for its
    (type, kind) from a table; where the ordinal is comes from
    :class:`~ddfacts.validation._places.Places`.  Single-valued claims are
    grouped under a tuple of interned strings and keep their value's
    canonical text, their ordinal and their id.
    """

    def __init__(self, vocab: Vocabulary, levels: frozenset[Level], *, spill: bool = False) -> None:
        self._vocab = vocab
        self._refs = Level.REFS in levels
        self._meaning = Level.MEANING in levels
        self._base = SpillBase() if spill else None
        self._index: MapLike[str, int] = {}
        self._kinds: list[tuple[str | None, str | None]] = []
        self._codes: dict[tuple[str | None, str | None], int] = {}
        self._places = Places()
        #: Target id -> references to it met before it was defined.
        self._waiting: dict[str, list[_Waiting]] = {}
        #: Target id -> claim checks met before it was defined.
        self._claims_waiting: dict[str, list[_ClaimCheck]] = {}
        self._single: MapLike[_Group, _FirstValue] = {}
        #: Derivation and ``operated_by`` links, each id's first (on disk with *spill*).
        self._derived: Links = LinkSpill() if spill else FirstLinks()
        self._operated: Links = LinkSpill() if spill else FirstLinks()
        #: Ordinal of a claim with an id and a quantity value -> its (subject, property).
        self._counts: MapLike[int, tuple[str, str]] = {}
        #: The claims that refine another, checked at the end (the refined may come later).
        self._refining: list[_Refining] = []
        self._found: list[tuple[tuple[int, int, int], Problem]] | SpillSorted[Problem] = []
        self._seq = 0
        self._fit_cache: dict[tuple[int, tuple[str, ...]], tuple[bool, str]] = {}
        if self._base is not None:  # the maps that grow with the set, on disk
            self._index = _spilled_index(self._base)
            self._single = _spilled(self._base, _group_key)
            self._counts = _spilled(self._base, _ordinal)
            self._found = SpillSorted(self._base, _pickled, pickle.loads)

    def add(self, facts: Facts, file: str | None, line: int | None, pointer: str) -> list[Problem]:
        """Take one record's facts; a ``ref.duplicate-id`` problem if its id is taken."""
        seq = self._seq
        self._seq = seq + 1
        places = self._places
        if file is places.last_file:  # the common case, inline: same file as the last record
            places.lines.append(-1 if line is None else line)
            if pointer:
                places.pointer(seq, pointer)
        else:
            places.add(seq, file, line, pointer)
        record_id, record_type, kind, targets, sites, derived, operator, claim = facts
        index = self._index
        duplicate: list[Problem] = []
        if record_id is not None:
            first = index.get(record_id)
            if first is None:
                record_id = intern(record_id)
                code = self._codes.get((record_type, kind))
                if code is None:
                    code = self._code(record_type, kind)
                entry = index[record_id] = seq << _CODE_BITS | code
                if self._waiting or self._claims_waiting:
                    self._resolve(record_id, entry)
            elif self._refs:
                message = duplicate_id(record_id, self._places.location(first >> _CODE_BITS))
                where = location_of(file, line, pointer).child("id")
                duplicate.append(problem("ref.duplicate-id", message, where, records=(record_id,)))
        if targets and self._refs:
            kinds = self._kinds
            for sub, target in enumerate(targets):
                found = index.get(target)
                if found is None:  # held until its record comes
                    waiting = self._waiting.setdefault(intern(target), [])
                    waiting.append(_new(_Waiting, (seq, sub, sites[sub])))
                elif (
                    actual
                    if (actual := kinds[found & _MASK][0]) is not None
                    else target.split(":", 1)[0]
                ) not in sites[sub].expected:
                    self._check_ref(target, found, seq, sub, sites[sub])
        if self._meaning and (claim is not None or derived or operator is not None):
            self._note(record_id, derived, operator, claim, seq)
        return duplicate

    def _code(self, record_type: str | None, kind: str | None) -> int:
        """The small code of a (type, kind) pair, given out in the order pairs are met."""
        key = (record_type, kind)
        code = self._codes.get(key)
        if code is None:
            code = len(self._kinds)
            if code >> _CODE_BITS:
                raise OverflowError("too many distinct record types and actor kinds")
            self._kinds.append(key)
            self._codes[key] = code
        return code

    def _resolve(self, record_id: str, entry: int) -> None:
        """Check the references and claim targets that waited for a new id."""
        for waiting in self._waiting.pop(record_id, ()):
            self._check_ref(record_id, entry, waiting.seq, waiting.sub, waiting.site)
        for check in self._claims_waiting.pop(record_id, ()):
            self._check_claim_target(record_id, check.which, check.name, check.seq)

    def _type(self, target: str, entry: int | None) -> str:
        """The type a reference target has: its record's, else its id's prefix."""
        if entry is not None:
            record_type = self._kinds[entry & _MASK][0]
            if record_type is not None:
                return record_type
        return target.split(":", 1)[0]

    def _check_ref(self, target: str, entry: int | None, seq: int, sub: int, site: Site) -> None:
        fault = reference(
            site.role, target, site.expected, self._type(target, entry), entry is not None
        )
        if fault is not None:
            code, message = fault
            where = at(site.where, *self._places[seq])
            self._found.append(((0, seq, sub), problem(code, message, where, records=(target,))))

    def _note(
        self,
        record_id: str | None,
        derived: tuple[str, ...],
        operator: str | None,
        claim: ClaimFacts | None,
        seq: int,
    ) -> None:
        """Keep what the meaning level needs: graph edges and the claim."""
        if record_id is not None:
            if derived:
                self._derived.add(record_id, seq, derived)
            if operator is not None:
                self._operated.add(record_id, seq, (intern(operator),))
        if claim is not None:
            self._claim(claim, seq, record_id)

    def _fits(self, target: str, allowed: tuple[str, ...]) -> tuple[bool, str]:
        code = self._index[target] & _MASK
        key = (code, allowed)
        answer = self._fit_cache.get(key)
        if answer is None:
            record_type, kind = self._kinds[code]
            answer = self._fit_cache[key] = fits(self._vocab, record_type, kind, allowed)
        return answer

    def _check_claim_target(self, target: str, which: int, name: str, seq: int) -> None:
        prop = self._vocab.properties[name]
        if which >= _MEMBER:
            good, actual = self._fits(target, prop.subjects)
            if not good:
                message = member_type(name, prop.subjects, target, actual)
                where = self._places.location(seq).child("members", "named", which - _MEMBER)
                found = problem("vocab.subject-type", message, where, records=(target,))
                self._found.append(((1, seq, which), found))
            return
        if which == _SUBJECT:
            good, actual = self._fits(target, prop.subjects)
            if not good:
                message = subject_type(name, prop.subjects, target, actual)
                where = self._places.location(seq).child("subject")
                found = problem("vocab.subject-type", message, where, records=(target,))
                self._found.append(((1, seq, 0), found))
            return
        good, actual = self._fits(target, prop.entity_types)
        if not good:
            message = entity_type(name, prop.entity_types, target, actual)
            where = self._places.location(seq).child("value", "entity")
            found = problem("vocab.entity-type", message, where, records=(target,))
            self._found.append(((1, seq, 1), found))

    def _target(self, target: str, which: int, name: str, seq: int) -> None:
        """Check a claim's subject or entity now, or when its record comes."""
        if target in self._index:
            self._check_claim_target(target, which, name, seq)
        else:
            waiting = self._claims_waiting.setdefault(intern(target), [])
            waiting.append(_new(_ClaimCheck, (seq, which, name)))

    def _claim(self, claim: ClaimFacts, seq: int, record_id: str | None) -> None:
        name = claim.property
        if claim.counts and record_id is not None:
            self._counts[seq] = (intern(claim.subject), intern(name))
        if claim.refines and claim.counts:  # else the claim alone is wrong (refines_value)
            self._refining.append(_new(_Refining, (seq, claim.refines, claim.subject, name)))
        prop = self._vocab.properties.get(name)
        if prop is None:
            return
        if claim.named is None:
            self._target(claim.subject, _SUBJECT, name, seq)
        else:  # a claim about members: the property's types apply to the members it names
            for index, member in enumerate(claim.named):
                self._target(member, _MEMBER + index, name, seq)
        if claim.entity is not None and prop.entity_types:
            self._target(claim.entity, _ENTITY, name, seq)
        if not prop.single:
            return
        text = claim.value if claim.ready else meaning_text(claim.value)
        subject, as_of = intern(claim.subject), intern(claim.as_of)
        group = (
            subject,
            intern(name),
            as_of,
            intern(claim.source),
            intern(claim.speaker),
            claim.scope,
        )
        first = self._single.get(group)
        if first is None:
            self._single[group] = _new(_FirstValue, (text, seq, record_id))
        elif first.text != text:
            message = single_valued(name, subject, as_of, self._places.location(first.seq))
            where = self._places.location(seq).child("value")
            records = tuple(item for item in (first.record_id, record_id) if item)
            found = problem("meaning.single-valued", message, where, records=records)
            self._found.append(((1, seq, _SINGLE), found))

    def finish(self) -> list[Problem]:
        """The problems of the whole set: references, claims, then cycles (listed)."""
        return list(self.problems())

    def problems(self) -> Iterator[Problem]:
        """The problems of the whole set: references, claims, then cycles, one at a time."""
        if self._refs:
            for target, waiting in self._waiting.items():
                for item in waiting:
                    self._check_ref(target, None, item.seq, item.sub, item.site)
        self._waiting.clear()
        self._claims_waiting.clear()
        self._check_refining()
        if isinstance(self._found, list):
            yield from (item for _key, item in sorted(self._found, key=lambda pair: pair[0]))
        else:
            yield from self._found.in_order()
        if self._meaning:
            locate = self._locate
            for links, field, what in (
                (self._derived, "derived_from", "derivation links"),
                (self._operated, "operated_by", "operated_by links"),
            ):
                yield from problems_of_cycles(links.cycles(), locate, field, what)

    def _check_refining(self) -> None:
        """``meaning.refines-mismatch`` for each refined claim it cannot narrow."""
        for item in self._refining:
            entry = self._index.get(item.refined)
            if entry is None or self._kinds[entry & _MASK][0] != "claim":
                continue  # a missing or mistyped reference is reported as one
            counted = self._counts.get(entry >> _CODE_BITS)
            message = refines_mismatch(item.refined, counted, item.subject, item.name)
            if message is not None:
                where = self._places.location(item.seq).child("refines")
                found = problem("meaning.refines-mismatch", message, where, records=(item.refined,))
                self._found.append(((1, item.seq, _REFINES), found))
        self._refining.clear()

    def close(self) -> None:
        """Let go of the maps on disk, if the run spilled (call once, after :meth:`finish`)."""
        self._derived.close()
        self._operated.close()
        if self._base is not None:
            self._base.close()

    def _locate(self, record_id: str) -> Location:
        return self._places.location(self._index[record_id] >> _CODE_BITS)
