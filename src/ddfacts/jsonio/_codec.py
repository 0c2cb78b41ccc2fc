"""Records <-> JSON values: one small codec per field kind, assembled per class.

Codecs are plain functions.  Each class's codec is a table of its members
(:func:`ddfacts.jsonio._fields.members`, derived from its attrs fields) with
the load and dump function of each member's kind, built once on first use,
so loading a record is a loop over a short list with no type introspection.
Errors carry the JSON pointer of the offending value.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

from dateutil.parser import isoparse

from ..errors import StructureError
from ..quantities._value import Quantity
from ..records import RECORD_CLASSES, Rank, Ref
from ..times._span import TimeSpan
from ._fields import Kind, Member, members

__all__ = [
    "DATETIME_PATTERN",
    "DATE_PATTERN",
    "QUANTITY",
    "RECORD_CODECS",
    "TIME_SPAN",
    "VALUE_TAGS",
    "StructureError",
    "codec_for",
    "is_date_form",
    "is_datetime_form",
    "load_date",
    "load_datetime",
    "load_instant",
    "structure",
    "unstructure",
]


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


#: The forms of a date and a date-time: the schemas' ``date`` and ``datetime``
#: patterns (``common.schema.json``; a test keeps them the same), matched whole
#: and with ASCII digits, as ECMA-262 reads them.  A value must have its form
#: before it is parsed: ``isoparse`` and ``fromisoformat`` also read forms the
#: schemas refuse (``20141201``, ``2014-W49``, a date where a date-time is due).
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
is_date_form = re.compile(DATE_PATTERN, re.ASCII).fullmatch
is_datetime_form = re.compile(DATETIME_PATTERN, re.ASCII).fullmatch


def load_date(value: Any, pointer: str) -> dt.date:
    """A date (``YYYY-MM-DD``, a real calendar day) from its JSON value."""
    text = _load_str(value, pointer)
    try:
        if is_date_form(text) is None:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise StructureError(
            f"expected an ISO 8601 date (YYYY-MM-DD), got {value!r}", pointer
        ) from None


def load_datetime(value: Any, pointer: str) -> dt.datetime:
    """A date-time (``YYYY-MM-DDThh:mm``, seconds and offset optional) from its JSON value."""
    text = _load_str(value, pointer)
    try:
        if is_datetime_form(text) is None:
            raise ValueError(text)
        return isoparse(text)
    except ValueError:
        raise StructureError(f"expected an ISO 8601 date-time, got {value!r}", pointer) from None


def load_instant(value: Any, pointer: str) -> dt.date:
    """A date, or a date-time when the text has a ``T``, from its JSON value."""
    text = _load_str(value, pointer)
    try:
        if "T" in text:
            return load_datetime(text, pointer)
        return load_date(text, pointer)
    except StructureError:
        raise StructureError(
            f"expected an ISO 8601 date or date-time, got {value!r}", pointer
        ) from None


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


class ClassCodec:
    """Loads and dumps one attrs class from the table of its members."""

    def __init__(self, cls: type, table: tuple[Member, ...], *, record: bool = False) -> None:
        self.cls = cls
        self.record = record
        self.known = {member.name for member in table}
        if record:
            self.known |= {"type"}
        self.defaults = {member.name: member.default for member in table}
        # Filled by _fill once every codec this one nests exists (classes may nest each other).
        self.fields: list[Field] = []

    def load(self, value: Any, pointer: str) -> Any:
        """The instance *value* (a JSON object) describes; raise :class:`StructureError`."""
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
        """The JSON object of *obj*, members in field order, defaults left out."""
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


_CODECS: dict[type, ClassCodec] = {}


def codec_for(cls: type) -> ClassCodec:
    """The codec of attrs class *cls*, made on first use from its members."""
    codec = _CODECS.get(cls)
    if codec is None:
        table = members(cls)
        codec = _CODECS[cls] = ClassCodec(cls, table, record=cls in RECORD_CLASSES.values())
        codec.fields = [(m.name, *_functions(m.kind), m.required) for m in table]
    return codec


def _functions(kind: Kind) -> tuple[Load, Dump]:
    """The load and dump functions of a member of *kind*."""
    if kind.tag == "enum":
        return _enum(kind.of), _dump_enum
    if kind.tag == "nested":
        codec = codec_for(kind.of)
        return codec.load, codec.dump
    if kind.tag == "list":
        load, dump = _functions(kind.of)
        return _list_of(load), list if dump is _identity else _dump_list_of(dump)
    return _LEAVES[kind.tag]


#: The tags a claim value carries in JSON, by Python type.
VALUE_TAGS = ("quantity", "time", "entity", "rank", "text")


def _load_value(value: Any, pointer: str) -> Any:
    if not isinstance(value, dict) or len(value) != 1:
        raise StructureError(
            "expected an object with exactly one of 'quantity', 'time', 'entity', 'rank', 'text'",
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
    if tag == "rank":
        return RANK.load(item, f"{pointer}/rank")
    if tag == "text":
        return _load_str(item, f"{pointer}/text")
    raise StructureError(
        f"unknown value kind {tag!r}; expected 'quantity', 'time', 'entity', 'rank' or 'text'",
        pointer,
    )


def _dump_value(value: Any) -> dict[str, Any]:
    if isinstance(value, Quantity):
        return {"quantity": QUANTITY.dump(value)}
    if isinstance(value, TimeSpan):
        return {"time": TIME_SPAN.dump(value)}
    if isinstance(value, Ref):
        return {"entity": value.id}
    if isinstance(value, Rank):
        return {"rank": RANK.dump(value)}
    return {"text": value}


#: Load and dump of each leaf kind (see :class:`ddfacts.jsonio._fields.Kind`).
_LEAVES: dict[str, tuple[Load, Dump]] = {
    "str": (_load_str, _identity),
    "bool": (_load_bool, _identity),
    "int": (_load_int, _identity),
    "number": (_load_number, _identity),
    "date": (load_date, _dump_instant),
    "datetime": (load_datetime, _dump_instant),
    "instant": (load_instant, _dump_instant),
    "map": (_string_map, _dump_map),
    "value": (_load_value, _dump_value),
}

TIME_SPAN = codec_for(TimeSpan)
QUANTITY = codec_for(Quantity)
RANK = codec_for(Rank)
#: Record codecs by JSON ``type``, in the order of :data:`ddfacts.records.RECORD_CLASSES`.
RECORD_CODECS: dict[str, ClassCodec] = {
    name: codec_for(cls) for name, cls in RECORD_CLASSES.items()
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
