"""Fast loading: hand-tuned record constructors for values the schema already accepts.

Loading a record through :mod:`ddfacts._codec` checks every field twice: the
codec checks its JSON type, then the attrs validators check the Python value
(a type, an id pattern, a language tag).  For a value that passed the
compiled shape check (:func:`ddfacts._fastshape.is_valid_record`) most of
those checks cannot fail, so :func:`structure_fast` builds the records
directly (``object.__new__`` and the slots' setters, as attrs' own
``__init__`` does) and runs only the checks the schemas do not imply: the
classes' ``__attrs_post_init__`` (anchor length, time order, quantity
bounds, rating scale), whole integers, finite numbers, non-blank EDTF, and
the parsing of dates and times.

Anything unexpected makes it give up (``None``); the caller then runs the
codec, which raises the exact error it always did.  So the fast path
changes speed only, never a result or a message.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import attrs
from dateutil import tz
from dateutil.parser import isoparse

from ._fastshape import is_valid_record
from .anchors import Anchor
from .provenance import Activity, Derivation, DerivationKind, Method, Provenance
from .quantities import Qualifier, Quantity
from .records import (
    Actor,
    Attribution,
    Claim,
    Event,
    Identifier,
    LinkKind,
    Mode,
    Name,
    Participant,
    Rating,
    Record,
    Ref,
    Review,
    Role,
    Source,
    SourceLink,
    Statement,
)
from .times import Precision, ResolvedAgainst, TimeSpan

__all__ = ["STALE", "WARM_UP", "Warming", "structure_fast"]

#: Records a bulk load reads through the codec before it compiles the fast path:
#: compiling the schemas costs about as much as loading a few hundred records.
WARM_UP = 256


class _GiveUp(Exception):
    """The fast path cannot vouch for this value; the codec must load it."""


#: Classes whose fields are no longer those the constructors below were written
#: for; they always go through the codec (a test keeps this empty).
STALE: list[str] = []


def _stale(*_args: Any) -> Any:
    raise _GiveUp


def _builder(cls: type, fields: str) -> Callable[..., Any]:
    """A function taking the fields of *cls* positionally and returning an instance.

    It sets the slots directly, skipping validators and converters: callers
    pass values already in their final form.  *fields* names the fields in
    the order the callers pass them; when the class has changed since, the
    builder gives up on every value, so a new or reordered field can slow
    loading down but never put a value in the wrong place.
    """
    names = [field.name for field in attrs.fields(cls)]
    if names != fields.split():
        STALE.append(cls.__name__)
        return _stale
    setters = {f"_set_{name}": cls.__dict__[name].__set__ for name in names}
    lines = [f"def build({', '.join(names)}):", "    obj = _new(_cls)"]
    lines += [f"    _set_{name}(obj, {name})" for name in names]
    lines.append("    return obj")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec("\n".join(lines), namespace)  # our own generated source
    build: Callable[..., Any] = namespace["build"]
    return build


_EMPTY: MappingProxyType[str, Any] = MappingProxyType({})
_INT = int
_FLOAT = float
_RECORD = "provenance extensions"

_build_anchor = _builder(Anchor, "start end exact prefix suffix")
_build_time_span = _builder(
    TimeSpan, "earliest latest precision edtf approximate uncertain expression resolved_against"
)
_build_resolved = _builder(ResolvedAgainst, "date basis")
_build_quantity = _builder(Quantity, "amount lower upper qualifier unit expression")
_build_provenance = _builder(
    Provenance, "agent tool tool_version recorded method confidence derived_from history"
)
_build_derivation = _builder(Derivation, "kind target")
_build_activity = _builder(Activity, "activity at agent note")
_build_link = _builder(SourceLink, "kind source url evidence")
_build_source = _builder(
    Source,
    f"id title authors publisher url published language kind sha256 length links {_RECORD}",
)
_build_statement = _builder(Statement, f"id source anchor language note {_RECORD}")
_build_name = _builder(Name, "text language kind")
_build_identifier = _builder(Identifier, "scheme value")
_build_role = _builder(Role, "position organization during evidence")
_build_actor = _builder(
    Actor,
    "id kind name names aliases identifiers roles platform handle operated_by description"
    f" evidence {_RECORD}",
)
_build_participant = _builder(Participant, "actor role")
_build_event = _builder(
    Event, f"id event_type time place participants about description evidence {_RECORD}"
)
_build_attribution = _builder(
    Attribution, "source mode via via_source original_language translated_by"
)
_build_ref = _builder(Ref, "id")
_build_claim = _builder(
    Claim,
    f"id subject property value as_of qualifiers speaker attribution text evidence {_RECORD}",
)
_build_rating = _builder(Rating, "value best worst label")
_build_review = _builder(
    Review, f"id claim rating reviewer published explanation url evidence {_RECORD}"
)

_PRECISION = {member.value: member for member in Precision}
_QUALIFIER = {member.value: member for member in Qualifier}
_METHOD = {member.value: member for member in Method}
_DERIVATION = {member.value: member for member in DerivationKind}
_LINK = {member.value: member for member in LinkKind}
_MODE = {member.value: member for member in Mode}

# Date-times that datetime.fromisoformat reads exactly as dateutil's isoparse
# does (up to the tzinfo class, mapped below); anything else goes to isoparse.
_PLAIN_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
    r"(?::[0-9]{2}(?:\.[0-9]{3}|\.[0-9]{6})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?"
).fullmatch
_fromisoformat = dt.datetime.fromisoformat
_date_fromisoformat = dt.date.fromisoformat


def _datetime(text: str) -> dt.datetime:
    if _PLAIN_DATETIME(text) is None:
        return isoparse(text)
    value = _fromisoformat(text)
    offset = value.utcoffset()
    if offset is None:
        return value
    # isoparse gives dateutil's UTC for a zero offset and a tzoffset otherwise.
    seconds = int(offset.total_seconds())
    return value.replace(tzinfo=tz.UTC if seconds == 0 else tz.tzoffset(None, seconds))


def _instant(text: str) -> dt.date:
    return _datetime(text) if "T" in text else _date_fromisoformat(text)


def _time_span(v: dict[str, Any]) -> TimeSpan:
    get = v.get
    earliest = get("earliest")
    latest = get("latest")
    edtf = v["edtf"]
    if not edtf.strip():
        raise _GiveUp
    resolved = get("resolved_against")
    if resolved is not None:
        resolved = _build_resolved(_date_fromisoformat(resolved["date"]), resolved.get("basis"))
    span: TimeSpan = _build_time_span(
        None if earliest is None else _instant(earliest),
        None if latest is None else _instant(latest),
        _PRECISION[v["precision"]],
        edtf,
        get("approximate", False),
        get("uncertain", False),
        get("expression"),
        resolved,
    )
    span.__attrs_post_init__()
    return span


def _finite(value: Any) -> Any:
    if value is not None and type(value) is _FLOAT and not math.isfinite(value):
        raise _GiveUp
    return value


def _quantity(v: dict[str, Any]) -> Quantity:
    get = v.get
    quantity: Quantity = _build_quantity(
        _finite(get("amount")),
        _finite(get("lower")),
        _finite(get("upper")),
        _QUALIFIER[v["qualifier"]],
        get("unit"),
        get("expression"),
    )
    quantity.__attrs_post_init__()
    return quantity


def _provenance(v: dict[str, Any] | None) -> Provenance | None:
    if v is None:
        return None
    get = v.get
    recorded = get("recorded")
    method = get("method")
    derived = get("derived_from")
    history = get("history")
    return _build_provenance(  # type: ignore[no-any-return]
        get("agent"),
        get("tool"),
        get("tool_version"),
        None if recorded is None else _datetime(recorded),
        Method.MANUAL if method is None else _METHOD[method],
        get("confidence"),
        ()
        if derived is None
        else tuple(_build_derivation(_DERIVATION[d["kind"]], d["target"]) for d in derived),
        ()
        if history is None
        else tuple(
            _build_activity(
                a["activity"],
                None if a.get("at") is None else _datetime(a["at"]),
                a.get("agent"),
                a.get("note"),
            )
            for a in history
        ),
    )


def _extensions(v: dict[str, Any], known: frozenset[str]) -> MappingProxyType[str, Any]:
    if known >= v.keys():
        return _EMPTY
    return MappingProxyType({key: v[key] for key in v if key not in known})


def _ids(value: list[str] | None) -> tuple[str, ...]:
    return () if value is None else tuple(value)


def _optional_span(value: dict[str, Any] | None) -> TimeSpan | None:
    return None if value is None else _time_span(value)


def _known(cls: type) -> frozenset[str]:
    return frozenset(field.name for field in attrs.fields(cls)) | {"type"}


_SOURCE_KEYS = _known(Source)
_STATEMENT_KEYS = _known(Statement)
_ACTOR_KEYS = _known(Actor)
_EVENT_KEYS = _known(Event)
_CLAIM_KEYS = _known(Claim)
_REVIEW_KEYS = _known(Review)


def _source(v: dict[str, Any]) -> Source:
    get = v.get
    length = get("length")
    if length is not None and type(length) is not _INT:
        raise _GiveUp
    links = get("links")
    return _build_source(  # type: ignore[no-any-return]
        v["id"],
        get("title"),
        _ids(get("authors")),
        get("publisher"),
        get("url"),
        _optional_span(get("published")),
        get("language"),
        get("kind"),
        get("sha256"),
        length,
        ()
        if links is None
        else tuple(
            _build_link(_LINK[x["kind"]], x.get("source"), x.get("url"), _ids(x.get("evidence")))
            for x in links
        ),
        _provenance(get("provenance")),
        _extensions(v, _SOURCE_KEYS),
    )


def _statement(v: dict[str, Any]) -> Statement:
    get = v.get
    a = v["anchor"]
    start, end = a["start"], a["end"]
    if type(start) is not _INT or type(end) is not _INT:
        raise _GiveUp
    anchor = _build_anchor(start, end, a["exact"], a.get("prefix", ""), a.get("suffix", ""))
    anchor.__attrs_post_init__()
    return _build_statement(  # type: ignore[no-any-return]
        v["id"],
        v["source"],
        anchor,
        get("language"),
        get("note"),
        _provenance(get("provenance")),
        _extensions(v, _STATEMENT_KEYS),
    )


def _role(r: dict[str, Any]) -> Role:
    get = r.get
    return _build_role(  # type: ignore[no-any-return]
        r["position"], get("organization"), _optional_span(get("during")), _ids(get("evidence"))
    )


def _actor(v: dict[str, Any]) -> Actor:
    get = v.get
    names = get("names")
    identifiers = get("identifiers")
    roles = get("roles")
    return _build_actor(  # type: ignore[no-any-return]
        v["id"],
        v["kind"],
        v["name"],
        ()
        if names is None
        else tuple(_build_name(n["text"], n.get("language"), n.get("kind")) for n in names),
        _ids(get("aliases")),
        ()
        if identifiers is None
        else tuple(_build_identifier(i["scheme"], i["value"]) for i in identifiers),
        () if roles is None else tuple(_role(r) for r in roles),
        get("platform"),
        get("handle"),
        get("operated_by"),
        get("description"),
        _ids(get("evidence")),
        _provenance(get("provenance")),
        _extensions(v, _ACTOR_KEYS),
    )


def _event(v: dict[str, Any]) -> Event:
    get = v.get
    participants = get("participants")
    return _build_event(  # type: ignore[no-any-return]
        v["id"],
        v["event_type"],
        _optional_span(get("time")),
        get("place"),
        ()
        if participants is None
        else tuple(_build_participant(p["actor"], p["role"]) for p in participants),
        _ids(get("about")),
        get("description"),
        _ids(get("evidence")),
        _provenance(get("provenance")),
        _extensions(v, _EVENT_KEYS),
    )


def _value(v: dict[str, Any]) -> Any:
    ((tag, item),) = v.items()
    if tag == "quantity":
        return _quantity(item)
    if tag == "time":
        return _time_span(item)
    if tag == "entity":
        return _build_ref(item)
    return item


def _claim(v: dict[str, Any]) -> Claim:
    get = v.get
    qualifiers = get("qualifiers")
    attribution = get("attribution")
    if attribution is not None:
        mode = attribution.get("mode")
        attribution = _build_attribution(
            attribution["source"],
            Mode.STATES if mode is None else _MODE[mode],
            attribution.get("via"),
            attribution.get("via_source"),
            attribution.get("original_language"),
            attribution.get("translated_by"),
        )
    return _build_claim(  # type: ignore[no-any-return]
        v["id"],
        v["subject"],
        v["property"],
        _value(v["value"]),
        _optional_span(get("as_of")),
        MappingProxyType({} if qualifiers is None else dict(qualifiers)),
        get("speaker"),
        attribution,
        get("text"),
        _ids(get("evidence")),
        _provenance(get("provenance")),
        _extensions(v, _CLAIM_KEYS),
    )


def _review(v: dict[str, Any]) -> Review:
    get = v.get
    r = v["rating"]
    rating = _build_rating(r["value"], r["best"], r["worst"], r.get("label"))
    rating.__attrs_post_init__()
    published = get("published")
    return _build_review(  # type: ignore[no-any-return]
        v["id"],
        v["claim"],
        rating,
        v["reviewer"],
        None if published is None else _date_fromisoformat(published),
        get("explanation"),
        get("url"),
        _ids(get("evidence")),
        _provenance(get("provenance")),
        _extensions(v, _REVIEW_KEYS),
    )


_BY_TYPE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "source": _source,
    "statement": _statement,
    "actor": _actor,
    "event": _event,
    "claim": _claim,
    "review": _review,
}


def structure_fast(value: Any) -> Record | None:
    """The record of a JSON value when the fast path can vouch for it, else None.

    None means "use the codec": the value failed the compiled shape check or
    one of the checks the schema does not imply, and the codec will say why.
    """
    if not is_valid_record(value):
        return None
    try:
        record: Record = _BY_TYPE[value["type"]](value)
    except (_GiveUp, ValueError, TypeError, KeyError, AttributeError, OverflowError):
        return None
    return record


class Warming:
    """:func:`structure_fast` for bulk loads, switched on after :data:`WARM_UP` records.

    Small files never pay for compiling the schemas; big ones pay once.
    """

    __slots__ = ("_left",)

    def __init__(self, warm_up: int = WARM_UP) -> None:
        self._left = warm_up

    def __call__(self, value: Any) -> Record | None:
        """The record of *value* by the fast path, or None (warming up, or use the codec)."""
        if self._left:
            self._left -= 1
            return None
        return structure_fast(value)
