"""The streaming validation pass: one walk per record, compact state, lazy locations.

Most records of a big file have no problem at all.  For those,
:class:`Scanner` does in one pass over the raw dict what the per-record
checks and the summary do: the compiled shape check, then per-type code
that proves the record *clean* (real calendar dates, times in order, the
quantity, anchor and rating rules, the vocabulary, everything the record
classes' constructors check) while it collects the few facts the whole-set
pass needs.  No :class:`~ddfacts.problems.Location`, pointer string or
record object is made for a clean record.  A record that is not proved
clean (a fast check is unsure, or a problem is there) goes through the
exact per-record checks (:func:`~ddfacts.validation._record.check_record`),
so every message is what it always was: the fast pass changes speed only.

:class:`RunChecker` is the whole-set pass over those facts: the id index
maps an id to its type, kind and place; a reference to an id already
defined is checked at once and forgotten; a forward reference waits under
its target's id and is checked when that id appears, so only references
to ids not yet seen are held.  Problems it finds carry an order key, so the
report is the one the summary-based :class:`~ddfacts.validation.SetChecker`
gives.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from sys import intern
from typing import Any

from ..jsonio._fast._build import _PLAIN_DATETIME
from ..jsonio._fast._shape import check_for
from ..problems import Level, Location, Problem, problem
from ..records._fields import ID_PATTERN, RECORD_TYPES
from ..vocabulary import Vocabulary
from ._cycles import find_cycles
from ._meaning import _whole
from ._record import RecordResult, RecordSummary, _meaning_of
from ._set import _article, _place

__all__ = ["Facts", "Row", "RunChecker", "Scanner", "facts_of_summary", "row_of_result"]

#: A reference: target id, the types it may name, its role (for messages), and
#: where it is (a path of keys and indexes below the record, or a Location).
Ref = tuple[str, tuple[str, ...], str, Any]
#: A claim: subject, property, value (raw, or canonical JSON when *ready*),
#: entity, as-of EDTF, attributed source, speaker, ready.
ClaimFacts = tuple[str, str, Any, str | None, str, str, str, bool]
#: What the whole-set pass needs of a record: id, type, actor kind, references,
#: derivation targets, operator, claim.
Facts = tuple[
    str | None,
    str | None,
    str | None,
    list[Ref],
    tuple[str, ...],
    str | None,
    ClaimFacts | None,
]
#: One record's result: own problems, facts, file, line, pointer, its text (the
#: JSON Lines line, for excerpts; None elsewhere), and its summary when the
#: anchors level needs it (sources and statements).
Row = tuple[
    tuple[Problem, ...],
    Facts,
    str | None,
    int | None,
    str,
    str | None,
    RecordSummary | None,
]

_ID = re.compile(ID_PATTERN).match
_ANY = RECORD_TYPES
_STATEMENT = ("statement",)
_ACTOR = ("actor",)
_SOURCE = ("source",)
_CLAIM = ("claim",)
_DERIVING_LINKS = frozenset(("syndicates", "wire_copy_of", "translation_of", "revision_of"))
_date = dt.date.fromisoformat
_datetime = dt.datetime.fromisoformat


class _Unclean(Exception):
    """The fast pass cannot vouch for a record: run the exact checks."""


def _datetime_ok(text: str) -> bool:
    if _PLAIN_DATETIME(text) is None:
        return False
    try:
        _datetime(text)
    except ValueError:
        return False
    return True


def _date_ok(text: str) -> bool:
    try:
        _date(text)
    except ValueError:
        return False
    return True


def _instant_ok(text: str) -> bool:
    return _datetime_ok(text) if "T" in text else _date_ok(text)


def _span(span: dict[str, Any]) -> None:
    """Raise :class:`_Unclean` unless a shape-valid time span is sure to have no problem."""
    edtf = span["edtf"]
    precision = span["precision"]
    has_first, has_last = "earliest" in span, "latest" in span
    if not edtf.strip() or (precision == "unknown" and (has_first or has_last)):
        raise _Unclean
    resolved = span.get("resolved_against")
    if resolved is not None and not _date_ok(resolved["date"]):
        raise _Unclean
    first, last = span.get("earliest"), span.get("latest")
    if first is None or last is None:
        for text in (first, last):
            if text is not None and not _instant_ok(text):
                raise _Unclean
        return
    if "T" in first or "T" in last:
        raise _Unclean  # date-times compare to the second: the exact checks decide
    try:
        start, end = _date(first), _date(last)
    except ValueError:
        raise _Unclean from None
    if start > end:
        raise _Unclean
    if span.get("approximate") or span.get("uncertain") or "/" in edtf:
        return
    if _whole(precision, start, end) is False:
        raise _Unclean


def _quantity(quantity: dict[str, Any]) -> None:
    amount, lower, upper = quantity.get("amount"), quantity.get("lower"), quantity.get("upper")
    if lower is not None and upper is not None and lower > upper:
        raise _Unclean
    if amount is not None and (
        (lower is not None and amount < lower) or (upper is not None and amount > upper)
    ):
        raise _Unclean
    qualifier = quantity["qualifier"]
    if qualifier == "exact":
        fits = amount is not None and lower == amount and upper == amount
    elif qualifier in ("more_than", "at_least"):
        fits = amount is not None and lower == amount and upper is None
    elif qualifier in ("less_than", "at_most"):
        fits = amount is not None and upper == amount
    elif qualifier == "approximately":
        fits = amount is not None and lower is not None and upper is not None
    elif qualifier == "between":
        fits = lower is not None and upper is not None
    else:
        fits = True
    if not fits:
        raise _Unclean


def _ids(
    refs: list[Ref], items: Any, expected: tuple[str, ...], role: str, *path: str | int
) -> None:
    if items is not None:
        for index, item in enumerate(items):
            if _ID(item):
                refs.append((item, expected, role, (*path, index)))


def _one(refs: list[Ref], item: Any, expected: tuple[str, ...], role: str, path: Any) -> None:
    if item is not None and _ID(item):
        refs.append((item, expected, role, path))


def _common(value: dict[str, Any], refs: list[Ref]) -> list[str]:
    """Evidence and provenance (every type): references, date-times; the derivation targets."""
    _ids(refs, value.get("evidence"), _STATEMENT, "evidence", "evidence")
    provenance = value.get("provenance")
    derived: list[str] = []
    if provenance is None:
        return derived
    recorded = provenance.get("recorded")
    if recorded is not None and not _datetime_ok(recorded):
        raise _Unclean
    history = provenance.get("history")
    if history is not None:
        for entry in history:
            at = entry.get("at")
            if at is not None and not _datetime_ok(at):
                raise _Unclean
    links = provenance.get("derived_from")
    if links is not None:
        for index, link in enumerate(links):
            target = link["target"]
            _one(
                refs, target, _ANY, "a derivation", ("provenance", "derived_from", index, "target")
            )
            derived.append(target)
    return derived


class Scanner:
    """The fast per-record pass for one vocabulary (caches what it looks up in it)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self._vocab = vocab
        self._accounts: dict[str, bool] = {
            kind: "account" in vocab.lineage(kind) for kind in vocab.actor_types
        }
        self._roles = frozenset(vocab.roles)
        self._events: dict[str, frozenset[str] | None] = {}
        self._checks = {name: check_for(name) for name in RECORD_TYPES}
        self._by_type = {
            "source": self._source,
            "statement": self._statement,
            "actor": self._actor,
            "event": self._event,
            "claim": self._claim,
            "review": self._review,
        }

    def facts(self, value: Any) -> Facts | None:
        """The facts of a record proved clean (no problem at any level), else None."""
        if type(value) is not dict:
            return None
        kind = value.get("type")
        check = self._checks.get(kind) if type(kind) is str else None
        if check is None or not check(value):
            return None
        try:
            return self._by_type[kind](value)  # type: ignore[index]
        except _Unclean:
            return None

    def _source(self, value: dict[str, Any]) -> Facts:
        refs: list[Ref] = []
        derived = _common(value, refs)
        length = value.get("length")
        if length is not None and type(length) is not int:
            raise _Unclean
        published = value.get("published")
        if published is not None:
            _span(published)
        _ids(refs, value.get("authors"), _ACTOR, "an author", "authors")
        _one(refs, value.get("publisher"), _ACTOR, "the publisher", ("publisher",))
        links = value.get("links")
        if links is not None:
            for index, link in enumerate(links):
                target = link.get("source")
                _one(refs, target, _SOURCE, "a linked source", ("links", index, "source"))
                _ids(refs, link.get("evidence"), _STATEMENT, "evidence", "links", index, "evidence")
                if target is not None and link["kind"] in _DERIVING_LINKS:
                    derived.append(target)
        return (value["id"], "source", None, refs, tuple(derived), None, None)

    def _statement(self, value: dict[str, Any]) -> Facts:
        refs: list[Ref] = []
        derived = _common(value, refs)
        anchor = value["anchor"]
        start, end, exact = anchor["start"], anchor["end"], anchor["exact"]
        if type(start) is not int or type(end) is not int or not exact or end - start != len(exact):
            raise _Unclean
        _one(refs, value["source"], _SOURCE, "the source", ("source",))
        return (value["id"], "statement", None, refs, tuple(derived), None, None)

    def _actor(self, value: dict[str, Any]) -> Facts:
        refs: list[Ref] = []
        derived = _common(value, refs)
        kind = value["kind"]
        account = self._accounts.get(kind)
        operator = value.get("operated_by")
        if account is None or account != (operator is not None):
            raise _Unclean  # unknown kind, an operator where none belongs, or a missing one
        _one(refs, operator, _ACTOR, "the operator", ("operated_by",))
        roles = value.get("roles")
        if roles is not None:
            for index, role in enumerate(roles):
                during = role.get("during")
                if during is not None:
                    _span(during)
                _one(
                    refs,
                    role.get("organization"),
                    _ACTOR,
                    "the organization",
                    ("roles", index, "organization"),
                )
                _ids(refs, role.get("evidence"), _STATEMENT, "evidence", "roles", index, "evidence")
        return (value["id"], "actor", kind, refs, tuple(derived), operator, None)

    def _allowed(self, name: str) -> frozenset[str] | None:
        if name not in self._events:
            allowed = self._vocab.roles_for(name)
            if allowed is None:
                raise _Unclean
            self._events[name] = frozenset(allowed)
        return self._events[name]

    def _event(self, value: dict[str, Any]) -> Facts:
        refs: list[Ref] = []
        derived = _common(value, refs)
        allowed = self._allowed(value["event_type"])
        time = value.get("time")
        if time is not None:
            _span(time)
        participants = value.get("participants")
        if participants is not None:
            roles = self._roles
            for index, participant in enumerate(participants):
                role = participant["role"]
                if role not in roles or (allowed is not None and role not in allowed):
                    raise _Unclean
                _one(
                    refs,
                    participant["actor"],
                    _ACTOR,
                    "a participant",
                    ("participants", index, "actor"),
                )
        _ids(refs, value.get("about"), _ANY, "what the event is about", "about")
        return (value["id"], "event", None, refs, tuple(derived), None, None)

    def _claim(self, value: dict[str, Any]) -> Facts:
        refs: list[Ref] = []
        derived = _common(value, refs)
        name = value["property"]
        prop = self._vocab.properties.get(name)
        if prop is None:
            raise _Unclean
        as_of = value.get("as_of")
        if as_of is not None:
            _span(as_of)
        claim_value = value["value"]
        ((tag, item),) = claim_value.items()
        if tag != prop.value and tag in ("quantity", "time", "entity", "text"):
            raise _Unclean
        entity = None
        if tag == "quantity":
            _quantity(item)
            unit = item.get("unit")
            if unit is not None and prop.unit is not None and unit != prop.unit:
                raise _Unclean
        elif tag == "time":
            _span(item)
        elif tag == "entity":
            entity = item
        subject, speaker = value["subject"], value.get("speaker")
        _one(refs, subject, _ANY, "the subject", ("subject",))
        _one(refs, speaker, _ACTOR, "the speaker", ("speaker",))
        _one(refs, entity, _ANY, "the value", ("value", "entity"))
        attribution = value.get("attribution")
        source = ""
        if attribution is not None:
            source = attribution["source"]
            _one(refs, source, _SOURCE, "the attributed source", ("attribution", "source"))
            get = attribution.get
            _one(refs, get("via"), _ACTOR, "the relaying outlet", ("attribution", "via"))
            _one(
                refs,
                get("via_source"),
                _SOURCE,
                "the relayed source",
                ("attribution", "via_source"),
            )
            _one(
                refs,
                get("translated_by"),
                _ACTOR,
                "the translator",
                ("attribution", "translated_by"),
            )
        claim: ClaimFacts = (
            subject,
            name,
            claim_value,
            entity,
            "" if as_of is None else as_of["edtf"],
            source,
            speaker or "",
            False,
        )
        return (value["id"], "claim", None, refs, tuple(derived), None, claim)

    def _review(self, value: dict[str, Any]) -> Facts:
        refs: list[Ref] = []
        derived = _common(value, refs)
        rating = value["rating"]
        score, best, worst = rating["value"], rating["best"], rating["worst"]
        if best == worst or not min(best, worst) <= score <= max(best, worst):
            raise _Unclean
        published = value.get("published")
        if published is not None and not _date_ok(published):
            raise _Unclean
        _one(refs, value["claim"], _CLAIM, "the reviewed claim", ("claim",))
        _one(refs, value["reviewer"], _ACTOR, "the reviewer", ("reviewer",))
        return (value["id"], "review", None, refs, tuple(derived), None, None)


def facts_of_summary(summary: RecordSummary) -> Facts:
    """The facts of a record summary (a record that went through the exact checks)."""
    key = summary.claim
    claim: ClaimFacts | None = None
    if key is not None:
        claim = (
            key.subject,
            key.property,
            key.value,
            key.entity,
            key.as_of,
            key.source,
            key.speaker,
            True,
        )
    refs: list[Ref] = [(ref.target, ref.expected, ref.role, ref.location) for ref in summary.refs]
    return (
        summary.id,
        summary.type,
        summary.kind,
        refs,
        summary.derived_from,
        summary.operated_by,
        claim,
    )


def row_of_result(result: RecordResult, text: str | None) -> Row:
    """A row from a :class:`RecordResult` (other processes, older callers)."""
    where = result.summary.location
    summary = result.summary if result.summary.type in ("source", "statement") else None
    return (
        result.problems,
        facts_of_summary(result.summary),
        where.file,
        where.line,
        where.pointer,
        text,
        summary,
    )


#: Where a record is: file, line, pointer.
_Place = tuple[str | None, int | None, str]
#: How many (type, kind) codes an id index entry can carry: ``ordinal << _CODE_BITS | code``.
_CODE_BITS = 20
_MASK = (1 << _CODE_BITS) - 1


def _location(file: str | None, line: int | None, pointer: str) -> Location:
    return Location(file=file, line=line, pointer=pointer)


def _at(path: Any, file: str | None, line: int | None, pointer: str) -> Location:
    if isinstance(path, Location):
        return path
    return _location(file, line, pointer).child(*path)


class _Places:
    """Where each record of a run is, by its ordinal, in a few bytes a record.

    Lines go in an array (-1 for none), files in runs of ordinals (a file
    changes rarely), and only non-empty pointers (JSON documents) in a dict.
    """

    def __init__(self) -> None:
        self.lines = array("q")
        self.pointers: dict[int, str] = {}
        self._starts: list[int] = []
        self._files: list[str | None] = []
        #: The file of the last record (a string no file name equals, at first).
        self.file_of_last: str | None = "\x00"

    def add(self, seq: int, file: str | None, line: int | None, pointer: str) -> None:
        """Record *seq*'s place (records come in order)."""
        if file != self.file_of_last:
            self._starts.append(seq)
            self._files.append(file)
            self.file_of_last = file
        self.lines.append(-1 if line is None else line)
        if pointer:
            self.pointers[seq] = pointer

    def __getitem__(self, seq: int) -> _Place:
        line = self.lines[seq]
        file = self._files[bisect_right(self._starts, seq) - 1]
        return file, None if line < 0 else line, self.pointers.get(seq, "")

    def location(self, seq: int) -> Location:
        return _location(*self[seq])


class RunChecker:
    """The whole-set pass over rows, in input order, holding only the id index and open ends.

    Gives the problems :class:`~ddfacts.validation.SetChecker` gives for the
    same records: :meth:`add` the duplicate-id problem at once, :meth:`finish`
    the rest, in the same order.

    The id index maps an interned id to one int: the record's ordinal in the
    run, shifted, with a small code for its (type, kind) from a table; where
    the ordinal is comes from :class:`_Places`.  Single-valued claims are
    grouped under a tuple of interned strings and keep their value's
    canonical text, their ordinal and their id.
    """

    def __init__(self, vocab: Vocabulary, levels: frozenset[Level]) -> None:
        self._vocab = vocab
        self._refs = Level.REFS in levels
        self._meaning = Level.MEANING in levels
        self._index: dict[str, int] = {}
        self._kinds: list[tuple[str | None, str | None]] = []
        self._codes: dict[tuple[str | None, str | None], int] = {}
        self._places = _Places()
        #: Target id -> references to it met before it was defined.
        self._waiting: dict[str, list[tuple[int, int, tuple[str, ...], str, Any]]] = {}
        #: Target id -> claim checks (subject 0, entity 1) met before it was defined.
        self._claims_waiting: dict[str, list[tuple[int, int, str]]] = {}
        self._single: dict[tuple[str, str, str, str, str], tuple[str, int, str | None]] = {}
        self._derived: dict[str, tuple[str, ...]] = {}
        self._operated: dict[str, tuple[str, ...]] = {}
        self._found: list[tuple[tuple[int, int, int], Problem]] = []
        self._seq = 0
        self._fit_cache: dict[tuple[int, tuple[str, ...]], tuple[bool, str]] = {}

    def _code(self, record_type: str | None, kind: str | None) -> int:
        key = (record_type, kind)
        code = self._codes.get(key)
        if code is None:
            code = len(self._kinds)
            if code >> _CODE_BITS:
                raise OverflowError("too many distinct record types and actor kinds")
            self._kinds.append(key)
            self._codes[key] = code
        return code

    def _type(self, target: str, entry: int | None) -> str:
        """The type a reference target has: its record's, else its id's prefix."""
        if entry is not None:
            record_type = self._kinds[entry & _MASK][0]
            if record_type is not None:
                return record_type
        return target.split(":", 1)[0]

    def add(self, facts: Facts, file: str | None, line: int | None, pointer: str) -> list[Problem]:
        """Take one record's facts; a ``ref.duplicate-id`` problem if its id is taken."""
        seq = self._seq
        self._seq = seq + 1
        places = self._places
        if places.file_of_last is not file and places.file_of_last != file:
            places.add(seq, file, line, pointer)
        else:  # the common case, inline: same file, a line, no pointer
            places.lines.append(-1 if line is None else line)
            if pointer:
                places.pointers[seq] = pointer
        record_id, record_type, kind, refs, derived, operator, claim = facts
        duplicate: list[Problem] = []
        index = self._index
        if record_id is not None:
            first = index.get(record_id)
            if first is None:
                record_id = intern(record_id)
                code = self._codes.get((record_type, kind))
                if code is None:
                    code = self._code(record_type, kind)
                entry = seq << _CODE_BITS | code
                index[record_id] = entry
                if self._waiting:
                    for ref_seq, sub, expected, role, path in self._waiting.pop(record_id, ()):
                        self._check_ref(record_id, entry, ref_seq, sub, expected, role, path)
                if self._claims_waiting:
                    for claim_seq, which, name in self._claims_waiting.pop(record_id, ()):
                        self._check_claim_target(record_id, which, name, claim_seq)
            elif self._refs:
                duplicate.append(
                    problem(
                        "ref.duplicate-id",
                        f"the id {record_id!r} is already the id of the record at "
                        f"{_place(self._places.location(first >> _CODE_BITS))}; ids must be "
                        "unique",
                        _location(file, line, pointer).child("id"),
                        records=(record_id,),
                    )
                )
        if self._refs and refs:
            kinds = self._kinds
            for sub, (target, expected, role, path) in enumerate(refs):
                found = index.get(target)
                if found is None:
                    self._waiting.setdefault(intern(target), []).append(
                        (seq, sub, expected, role, path)
                    )
                elif (
                    actual
                    if (actual := kinds[found & _MASK][0]) is not None
                    else target.split(":", 1)[0]
                ) not in expected:
                    self._check_ref(target, found, seq, sub, expected, role, path)
        if self._meaning:
            if record_id is not None:
                if derived and record_id not in self._derived:
                    self._derived[record_id] = derived
                if operator is not None and record_id not in self._operated:
                    self._operated[record_id] = (intern(operator),)
            if claim is not None:
                self._claim(claim, seq, record_id)
        return duplicate

    def _check_ref(
        self,
        target: str,
        entry: int | None,
        seq: int,
        sub: int,
        expected: tuple[str, ...],
        role: str,
        path: Any,
    ) -> None:
        actual = self._type(target, entry)
        if actual not in expected:
            wanted = " or ".join(expected)
            found = problem(
                "ref.wrong-type",
                f"{role} must be {_article(wanted)}, but {target!r} is {_article(actual)}",
                _at(path, *self._places[seq]),
                records=(target,),
            )
        elif entry is None:
            found = problem(
                "ref.missing",
                f"{role} {target!r} is not the id of any record in this run",
                _at(path, *self._places[seq]),
                records=(target,),
            )
        else:
            return
        self._found.append(((0, seq, sub), found))

    def _fits(self, target: str, allowed: tuple[str, ...]) -> tuple[bool, str]:
        code = self._index[target] & _MASK
        key = (code, allowed)
        answer = self._fit_cache.get(key)
        if answer is None:
            record_type, kind = self._kinds[code]
            kind = kind if record_type == "actor" else None
            if record_type == "actor" and (kind is None or kind not in self._vocab.actor_types):
                answer = (True, "")
            else:
                answer = (
                    self._vocab.fits(record_type or "", kind, allowed),
                    kind or record_type or "?",
                )
            self._fit_cache[key] = answer
        return answer

    def _check_claim_target(self, target: str, which: int, name: str, seq: int) -> None:
        prop = self._vocab.properties[name]
        if which == 0:
            fits, actual = self._fits(target, prop.subjects)
            if not fits:
                self._found.append(
                    (
                        (1, seq, 0),
                        problem(
                            "vocab.subject-type",
                            f"property {name!r} applies to {', '.join(prop.subjects)}, but the "
                            f"subject {target!r} is {_article(actual)}",
                            self._places.location(seq).child("subject"),
                            records=(target,),
                        ),
                    )
                )
            return
        fits, actual = self._fits(target, prop.entity_types)
        if not fits:
            self._found.append(
                (
                    (1, seq, 1),
                    problem(
                        "vocab.entity-type",
                        f"property {name!r} takes {', '.join(prop.entity_types)} values, but "
                        f"{target!r} is {_article(actual)}",
                        self._places.location(seq).child("value", "entity"),
                        records=(target,),
                    ),
                )
            )

    def _claim(self, claim: ClaimFacts, seq: int, record_id: str | None) -> None:
        subject, name, value, entity, as_of, source, speaker, ready = claim
        prop = self._vocab.properties.get(name)
        if prop is None:
            return
        if subject in self._index:
            self._check_claim_target(subject, 0, name, seq)
        else:
            self._claims_waiting.setdefault(intern(subject), []).append((seq, 0, name))
        if entity is not None and prop.entity_types:
            if entity in self._index:
                self._check_claim_target(entity, 1, name, seq)
            else:
                self._claims_waiting.setdefault(intern(entity), []).append((seq, 1, name))
        if not prop.single:
            return
        text = (
            value if ready else json.dumps(_meaning_of(value), sort_keys=True, ensure_ascii=False)
        )
        group = (intern(subject), intern(name), intern(as_of), intern(source), intern(speaker))
        first = self._single.get(group)
        if first is None:
            self._single[group] = (text, seq, record_id)
            return
        first_text, first_seq, first_id = first
        if first_text != text:
            when = f"as of {as_of}" if as_of else "with no as_of time"
            self._found.append(
                (
                    (1, seq, 2),
                    problem(
                        "meaning.single-valued",
                        f"property {name!r} has one value at a time, but {subject!r} has two "
                        f"{when} from the same source and speaker: this one and the one at "
                        f"{_place(self._places.location(first_seq))}",
                        self._places.location(seq).child("value"),
                        records=tuple(item for item in (first_id, record_id) if item),
                    ),
                )
            )

    def finish(self) -> list[Problem]:
        """The problems of the whole set, in the order the summary-based checker gives them."""
        if self._refs:
            for target, waiting in self._waiting.items():
                for seq, sub, expected, role, path in waiting:
                    self._check_ref(target, None, seq, sub, expected, role, path)
        self._waiting.clear()
        self._claims_waiting.clear()
        found = [item for _key, item in sorted(self._found, key=lambda pair: pair[0])]
        if self._meaning:
            found.extend(self._cycles(self._derived, "derived_from", "derivation links"))
            found.extend(self._cycles(self._operated, "operated_by", "operated_by links"))
        return found

    def _cycles(
        self, edges: dict[str, tuple[str, ...]], field: str, what: str
    ) -> Iterator[Problem]:
        for cycle in find_cycles(edges):
            places = []
            for node in cycle:
                places.append((self._places.location(self._index[node] >> _CODE_BITS), node))
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
