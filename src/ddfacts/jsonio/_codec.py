"""Records <-> JSON values: one small codec per field kind, assembled per class.

Codecs are plain functions; each class gets a table of its fields built once
at import, so loading a record is a loop over a short list with no type
introspection.  Errors carry the JSON pointer of the offending value.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from dateutil.parser import isoparse

from ..anchors._anchor import Anchor
from ..errors import StructureError
from ..provenance import (
    Activity,
    Derivation,
    DerivationKind,
    Method,
    Provenance,
)
from ..quantities._value import Qualifier, Quantity
from ..records import (
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
    Ref,
    Review,
    Role,
    Source,
    SourceLink,
    Statement,
)
from ..times._span import Precision, ResolvedAgainst, TimeSpan

__all__ = ["StructureError", "structure", "unstructure"]


Load = Callable[[Any, str], Any]
Dump = Callable[[Any], Any]


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# -- leaf codecs -------------------------------------------------------------


def _load_str(value: Any, pointer: str) -> str:
    if not isinstance(value, str):
        raise StructureError(f"expected a string, got {_kind(value)} {value!r}", pointer)
    return value


def _load_int(value: Any, pointer: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise StructureError(f"expected an integer, got {_kind(value)} {value!r}", pointer)
    return value


def _load_number(value: Any, pointer: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StructureError(f"expected a number, got {_kind(value)} {value!r}", pointer)
    return value


def _load_bool(value: Any, pointer: str) -> bool:
    if not isinstance(value, bool):
        raise StructureError(f"expected true or false, got {_kind(value)} {value!r}", pointer)
    return value


def _load_instant(value: Any, pointer: str) -> dt.date:
    text = _load_str(value, pointer)
    try:
        if "T" in text:
            return isoparse(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise StructureError(
            f"expected an ISO 8601 date or date-time, got {value!r}", pointer
        ) from None


def _load_date(value: Any, pointer: str) -> dt.date:
    text = _load_str(value, pointer)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise StructureError(
            f"expected an ISO 8601 date (YYYY-MM-DD), got {value!r}", pointer
        ) from None


def _load_datetime(value: Any, pointer: str) -> dt.datetime:
    text = _load_str(value, pointer)
    try:
        return isoparse(text)
    except ValueError:
        raise StructureError(f"expected an ISO 8601 date-time, got {value!r}", pointer) from None


def _dump_instant(value: dt.date) -> str:
    return value.isoformat()


def _identity(value: Any) -> Any:
    return value


def _enum(cls: type[enum.Enum]) -> Load:
    choices = ", ".join(repr(member.value) for member in cls)

    def load(value: Any, pointer: str) -> Any:
        try:
            return cls(value)
        except ValueError:
            raise StructureError(f"expected one of {choices}, got {value!r}", pointer) from None

    return load


def _dump_enum(value: enum.Enum) -> Any:
    return value.value


def _list_of(item: Load) -> Load:
    def load(value: Any, pointer: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise StructureError(f"expected an array, got {_kind(value)}", pointer)
        return tuple(item(element, f"{pointer}/{index}") for index, element in enumerate(value))

    return load


def _dump_list_of(item: Dump) -> Dump:
    def dump(value: tuple[Any, ...]) -> list[Any]:
        return [item(element) for element in value]

    return dump


def _string_map(value: Any, pointer: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise StructureError(f"expected an object, got {_kind(value)}", pointer)
    for key, item in value.items():
        _load_str(item, f"{pointer}/{_escape(key)}")
    return dict(value)


def _dump_map(value: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value[key] for key in sorted(value)}


# -- class codecs ------------------------------------------------------------

#: A field: JSON key, load, dump, required.
Field = tuple[str, Load, Dump, bool]


class _ClassCodec:
    """Loads and dumps one attrs class from a table of fields."""

    def __init__(self, cls: type, fields: list[Field], *, record: bool = False) -> None:
        self.cls = cls
        self.fields = fields
        self.record = record
        self.known = {name for name, *_ in fields}
        self.defaults = _defaults(cls)
        if record:
            self.known |= {"type"}

    def load(self, value: Any, pointer: str) -> Any:
        if not isinstance(value, dict):
            raise StructureError(f"expected an object, got {_kind(value)}", pointer)
        kwargs: dict[str, Any] = {}
        for name, load, _dump, required in self.fields:
            if name in value:
                kwargs[name] = load(value[name], f"{pointer}/{name}")
            elif required:
                raise StructureError(f"missing required member {name!r}", pointer)
        extensions = {}
        for key in value:
            if key not in self.known:
                if self.record and key.startswith("x-"):
                    extensions[key] = value[key]
                else:
                    raise StructureError(
                        f"unknown member {key!r} for a {self.cls.__name__}"
                        + (" (extension members must start with 'x-')" if self.record else ""),
                        pointer,
                    )
        if extensions:
            kwargs["extensions"] = extensions
        try:
            return self.cls(**kwargs)
        except (ValueError, TypeError) as error:
            raise StructureError(str(error), pointer) from None

    def dump(self, obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.record:
            out["type"] = obj.type
        for name, _load, dump, required in self.fields:
            item = getattr(obj, name)
            # A member equal to its field's default is left out: canonical and lossless.
            if not required and item == self.defaults[name]:
                continue
            out[name] = dump(item)
        if self.record:
            extensions = obj.extensions
            for key in sorted(extensions):
                out[key] = extensions[key]
        return out


_NO_DEFAULT = object()


def _defaults(cls: type) -> dict[str, Any]:
    """Each attrs field's default value (factories called once); required fields have none."""
    result: dict[str, Any] = {}
    for field in attrs.fields(cls):
        default = field.default
        if default is attrs.NOTHING:
            result[field.name] = _NO_DEFAULT
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            result[field.name] = default.factory()
        else:
            result[field.name] = default
    return result


def _codec(cls: type, fields: list[Field], *, record: bool = False) -> _ClassCodec:
    return _ClassCodec(cls, fields, record=record)


def _f(name: str, load: Load, dump: Dump = _identity, *, required: bool = False) -> Field:
    return (name, load, dump, required)


def _nested(codec: _ClassCodec) -> tuple[Load, Dump]:
    return codec.load, codec.dump


_resolved = _codec(
    ResolvedAgainst,
    [_f("date", _load_date, _dump_instant, required=True), _f("basis", _load_str)],
)
TIME_SPAN = _codec(
    TimeSpan,
    [
        _f("earliest", _load_instant, _dump_instant),
        _f("latest", _load_instant, _dump_instant),
        _f("precision", _enum(Precision), _dump_enum, required=True),
        _f("edtf", _load_str, required=True),
        _f("approximate", _load_bool),
        _f("uncertain", _load_bool),
        _f("expression", _load_str),
        _f("resolved_against", *_nested(_resolved)),
    ],
)
QUANTITY = _codec(
    Quantity,
    [
        _f("amount", _load_number),
        _f("lower", _load_number),
        _f("upper", _load_number),
        _f("qualifier", _enum(Qualifier), _dump_enum, required=True),
        _f("unit", _load_str),
        _f("expression", _load_str),
    ],
)
ANCHOR = _codec(
    Anchor,
    [
        _f("start", _load_int, required=True),
        _f("end", _load_int, required=True),
        _f("exact", _load_str, required=True),
        _f("prefix", _load_str),
        _f("suffix", _load_str),
    ],
)
_derivation = _codec(
    Derivation,
    [
        _f("kind", _enum(DerivationKind), _dump_enum, required=True),
        _f("target", _load_str, required=True),
    ],
)
_activity = _codec(
    Activity,
    [
        _f("activity", _load_str, required=True),
        _f("at", _load_datetime, _dump_instant),
        _f("agent", _load_str),
        _f("note", _load_str),
    ],
)
PROVENANCE = _codec(
    Provenance,
    [
        _f("agent", _load_str),
        _f("tool", _load_str),
        _f("tool_version", _load_str),
        _f("recorded", _load_datetime, _dump_instant),
        _f("method", _enum(Method), _dump_enum),
        _f("confidence", _load_number),
        _f("derived_from", _list_of(_derivation.load), _dump_list_of(_derivation.dump)),
        _f("history", _list_of(_activity.load), _dump_list_of(_activity.dump)),
    ],
)
_ids = _list_of(_load_str)
_strs = _list_of(_load_str)
_provenance_field = _f("provenance", PROVENANCE.load, PROVENANCE.dump)


def _ext() -> list[Field]:
    return [_provenance_field]


_link = _codec(
    SourceLink,
    [
        _f("kind", _enum(LinkKind), _dump_enum, required=True),
        _f("source", _load_str),
        _f("url", _load_str),
        _f("evidence", _ids, list),
    ],
)
SOURCE = _codec(
    Source,
    [
        _f("id", _load_str, required=True),
        _f("title", _load_str),
        _f("authors", _ids, list),
        _f("publisher", _load_str),
        _f("url", _load_str),
        _f("published", *_nested(TIME_SPAN)),
        _f("language", _load_str),
        _f("kind", _load_str),
        _f("sha256", _load_str),
        _f("length", _load_int),
        _f("links", _list_of(_link.load), _dump_list_of(_link.dump)),
        *_ext(),
    ],
    record=True,
)
STATEMENT = _codec(
    Statement,
    [
        _f("id", _load_str, required=True),
        _f("source", _load_str, required=True),
        _f("anchor", *_nested(ANCHOR), required=True),
        _f("language", _load_str),
        _f("note", _load_str),
        *_ext(),
    ],
    record=True,
)
_name = _codec(
    Name, [_f("text", _load_str, required=True), _f("language", _load_str), _f("kind", _load_str)]
)
_identifier = _codec(
    Identifier,
    [_f("scheme", _load_str, required=True), _f("value", _load_str, required=True)],
)
_role = _codec(
    Role,
    [
        _f("position", _load_str, required=True),
        _f("organization", _load_str),
        _f("during", *_nested(TIME_SPAN)),
        _f("evidence", _ids, list),
    ],
)
ACTOR = _codec(
    Actor,
    [
        _f("id", _load_str, required=True),
        _f("kind", _load_str, required=True),
        _f("name", _load_str, required=True),
        _f("names", _list_of(_name.load), _dump_list_of(_name.dump)),
        _f("aliases", _strs, list),
        _f("identifiers", _list_of(_identifier.load), _dump_list_of(_identifier.dump)),
        _f("roles", _list_of(_role.load), _dump_list_of(_role.dump)),
        _f("platform", _load_str),
        _f("handle", _load_str),
        _f("operated_by", _load_str),
        _f("description", _load_str),
        _f("evidence", _ids, list),
        *_ext(),
    ],
    record=True,
)
_participant = _codec(
    Participant,
    [_f("actor", _load_str, required=True), _f("role", _load_str, required=True)],
)
EVENT = _codec(
    Event,
    [
        _f("id", _load_str, required=True),
        _f("event_type", _load_str, required=True),
        _f("time", *_nested(TIME_SPAN)),
        _f("place", _load_str),
        _f("participants", _list_of(_participant.load), _dump_list_of(_participant.dump)),
        _f("about", _ids, list),
        _f("description", _load_str),
        _f("evidence", _ids, list),
        *_ext(),
    ],
    record=True,
)
_attribution = _codec(
    Attribution,
    [
        _f("source", _load_str, required=True),
        _f("mode", _enum(Mode), _dump_enum),
        _f("via", _load_str),
        _f("via_source", _load_str),
        _f("original_language", _load_str),
        _f("translated_by", _load_str),
    ],
)

#: The tags a claim value carries in JSON, by Python type.
VALUE_TAGS = ("quantity", "time", "entity", "text")


def _load_value(value: Any, pointer: str) -> Any:
    if not isinstance(value, dict) or len(value) != 1:
        raise StructureError(
            "expected an object with exactly one of 'quantity', 'time', 'entity', 'text'",
            pointer,
        )
    ((tag, item),) = value.items()
    if tag == "quantity":
        return QUANTITY.load(item, f"{pointer}/quantity")
    if tag == "time":
        return TIME_SPAN.load(item, f"{pointer}/time")
    if tag == "entity":
        text = _load_str(item, f"{pointer}/entity")
        try:
            return Ref(id=text)
        except ValueError as error:
            raise StructureError(str(error), f"{pointer}/entity") from None
    if tag == "text":
        return _load_str(item, f"{pointer}/text")
    raise StructureError(
        f"unknown value kind {tag!r}; expected 'quantity', 'time', 'entity' or 'text'", pointer
    )


def _dump_value(value: Any) -> dict[str, Any]:
    if isinstance(value, Quantity):
        return {"quantity": QUANTITY.dump(value)}
    if isinstance(value, TimeSpan):
        return {"time": TIME_SPAN.dump(value)}
    if isinstance(value, Ref):
        return {"entity": value.id}
    return {"text": value}


CLAIM = _codec(
    Claim,
    [
        _f("id", _load_str, required=True),
        _f("subject", _load_str, required=True),
        _f("property", _load_str, required=True),
        _f("value", _load_value, _dump_value, required=True),
        _f("as_of", *_nested(TIME_SPAN)),
        _f("qualifiers", _string_map, _dump_map),
        _f("speaker", _load_str),
        _f("attribution", *_nested(_attribution)),
        _f("text", _load_str),
        _f("evidence", _ids, list),
        *_ext(),
    ],
    record=True,
)
_rating = _codec(
    Rating,
    [
        _f("value", _load_number, required=True),
        _f("best", _load_number, required=True),
        _f("worst", _load_number, required=True),
        _f("label", _load_str),
    ],
)
REVIEW = _codec(
    Review,
    [
        _f("id", _load_str, required=True),
        _f("claim", _load_str, required=True),
        _f("rating", *_nested(_rating), required=True),
        _f("reviewer", _load_str, required=True),
        _f("published", _load_date, _dump_instant),
        _f("explanation", _load_str),
        _f("url", _load_str),
        _f("evidence", _ids, list),
        *_ext(),
    ],
    record=True,
)

#: Record codecs by JSON ``type``.
RECORD_CODECS: dict[str, _ClassCodec] = {
    "source": SOURCE,
    "statement": STATEMENT,
    "actor": ACTOR,
    "event": EVENT,
    "claim": CLAIM,
    "review": REVIEW,
}


def structure(value: Any, pointer: str = "") -> Any:
    """Make a record from its JSON value; raise :class:`StructureError` with a pointer."""
    if not isinstance(value, dict):
        raise StructureError(f"a record must be a JSON object, got {_kind(value)}", pointer)
    kind = value.get("type")
    codec = RECORD_CODECS.get(kind) if isinstance(kind, str) else None
    if codec is None:
        if "type" not in value:
            raise StructureError("missing required member 'type'", pointer)
        known = ", ".join(repr(name) for name in RECORD_CODECS)
        raise StructureError(
            f"unknown record type {kind!r}; expected one of {known}", f"{pointer}/type"
        )
    return codec.load(value, pointer)


def unstructure(record: Any) -> dict[str, Any]:
    """The JSON value of a record, members in canonical order."""
    return RECORD_CODECS[record.type].dump(record)
