"""Fast loading: hand-tuned record constructors for values the schema already accepts.

Loading a record through :mod:`ddfacts.jsonio._codec` checks every field twice: the
codec checks its JSON type, then the attrs validators check the Python value
(a type, an id pattern, a language tag).  For a value that passed the
compiled shape check (:func:`ddfacts.jsonio._fast._shape.is_valid_record`) most of
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

import math
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import attrs

from ...provenance import DerivationKind, Method, Provenance
from ...quantities._value import Qualifier, Quantity
from ...records import (
    Actor,
    Claim,
    Event,
    LinkKind,
    Mode,
    Record,
    Review,
    Role,
    Source,
    Statement,
)
from ...times._span import Precision, TimeSpan
from ._build import (
    STALE,
    GiveUp,
    build_activity,
    build_actor,
    build_anchor,
    build_attribution,
    build_claim,
    build_derivation,
    build_event,
    build_identifier,
    build_link,
    build_name,
    build_participant,
    build_provenance,
    build_quantity,
    build_rating,
    build_ref,
    build_resolved,
    build_review,
    build_role,
    build_source,
    build_statement,
    build_time_span,
    date_fromisoformat,
    parse_datetime,
    parse_instant,
)
from ._shape import is_valid_record

__all__ = ["STALE", "WARM_UP", "Warming", "structure_fast"]

#: Records a bulk load reads through the codec before it compiles the fast path:
#: compiling the schemas costs about as much as loading a few hundred records.
WARM_UP = 256


_EMPTY: MappingProxyType[str, Any] = MappingProxyType({})
_INT = int
_FLOAT = float

_PRECISION = {member.value: member for member in Precision}
_QUALIFIER = {member.value: member for member in Qualifier}
_METHOD = {member.value: member for member in Method}
_DERIVATION = {member.value: member for member in DerivationKind}
_LINK = {member.value: member for member in LinkKind}
_MODE = {member.value: member for member in Mode}


def _time_span(v: dict[str, Any]) -> TimeSpan:
    get = v.get
    earliest = get("earliest")
    latest = get("latest")
    edtf = v["edtf"]
    if not edtf.strip():
        raise GiveUp
    resolved = get("resolved_against")
    if resolved is not None:
        resolved = build_resolved(date_fromisoformat(resolved["date"]), resolved.get("basis"))
    span: TimeSpan = build_time_span(
        None if earliest is None else parse_instant(earliest),
        None if latest is None else parse_instant(latest),
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
        raise GiveUp
    return value


def _quantity(v: dict[str, Any]) -> Quantity:
    get = v.get
    quantity: Quantity = build_quantity(
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
    return build_provenance(  # type: ignore[no-any-return]
        get("agent"),
        get("tool"),
        get("tool_version"),
        None if recorded is None else parse_datetime(recorded),
        Method.MANUAL if method is None else _METHOD[method],
        get("confidence"),
        ()
        if derived is None
        else tuple(build_derivation(_DERIVATION[d["kind"]], d["target"]) for d in derived),
        ()
        if history is None
        else tuple(
            build_activity(
                a["activity"],
                None if a.get("at") is None else parse_datetime(a["at"]),
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
        raise GiveUp
    links = get("links")
    return build_source(  # type: ignore[no-any-return]
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
            build_link(_LINK[x["kind"]], x.get("source"), x.get("url"), _ids(x.get("evidence")))
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
        raise GiveUp
    anchor = build_anchor(start, end, a["exact"], a.get("prefix", ""), a.get("suffix", ""))
    anchor.__attrs_post_init__()
    return build_statement(  # type: ignore[no-any-return]
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
    return build_role(  # type: ignore[no-any-return]
        r["position"], get("organization"), _optional_span(get("during")), _ids(get("evidence"))
    )


def _actor(v: dict[str, Any]) -> Actor:
    get = v.get
    names = get("names")
    identifiers = get("identifiers")
    roles = get("roles")
    return build_actor(  # type: ignore[no-any-return]
        v["id"],
        v["kind"],
        v["name"],
        ()
        if names is None
        else tuple(build_name(n["text"], n.get("language"), n.get("kind")) for n in names),
        _ids(get("aliases")),
        ()
        if identifiers is None
        else tuple(build_identifier(i["scheme"], i["value"]) for i in identifiers),
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
    return build_event(  # type: ignore[no-any-return]
        v["id"],
        v["event_type"],
        _optional_span(get("time")),
        get("place"),
        ()
        if participants is None
        else tuple(build_participant(p["actor"], p["role"]) for p in participants),
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
        return build_ref(item)
    return item


def _claim(v: dict[str, Any]) -> Claim:
    get = v.get
    qualifiers = get("qualifiers")
    attribution = get("attribution")
    if attribution is not None:
        mode = attribution.get("mode")
        attribution = build_attribution(
            attribution["source"],
            Mode.STATES if mode is None else _MODE[mode],
            attribution.get("via"),
            attribution.get("via_source"),
            attribution.get("original_language"),
            attribution.get("translated_by"),
        )
    return build_claim(  # type: ignore[no-any-return]
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
    rating = build_rating(r["value"], r["best"], r["worst"], r.get("label"))
    rating.__attrs_post_init__()
    published = get("published")
    return build_review(  # type: ignore[no-any-return]
        v["id"],
        v["claim"],
        rating,
        v["reviewer"],
        None if published is None else date_fromisoformat(published),
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
    except (GiveUp, ValueError, TypeError, KeyError, AttributeError, OverflowError):
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
