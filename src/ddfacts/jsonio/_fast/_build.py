"""Record builders for the fast loading path, generated from the classes' members.

:func:`builder_for` makes, once per attrs class, a function that takes a JSON
object the compiled shape check accepted and returns the instance: it sets
the slots directly (``object.__new__`` and the slot descriptors, as attrs'
own ``__init__`` does), converting each member by its kind
(:mod:`ddfacts.jsonio._fields`: the members the codec uses too), and runs
only what the schemas do not imply: the class's ``__attrs_post_init__``,
whole integers, finite numbers, the parsing of dates and times, and the
few field checks in :data:`BEYOND_SCHEMA`.  Anything unexpected raises
(:class:`GiveUp`, or the error of a failed lookup); the caller then lets the
codec load the value, which says what is wrong.

The generated source is plain Python, one statement a member, in the spirit
of cattrs' generated structuring functions; :func:`source_of` shows it.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import attrs
from dateutil import tz
from dateutil.parser import isoparse

from ...quantities._rules import fits_float
from ...quantities._value import Quantity
from ...records import RECORD_CLASSES, Rank, Ref
from ...records._fields import frozen_mapping, to_tuple
from ...times._rules import time_edtf
from ...times._span import TimeSpan
from .._fields import EXTENSIONS, Kind, Member, members
from ._shared import SHARED, shared

__all__ = [
    "BEYOND_SCHEMA",
    "GiveUp",
    "builder_for",
    "date_fromisoformat",
    "parse_datetime",
    "parse_instant",
    "source_of",
]


class GiveUp(Exception):
    """The fast path cannot vouch for this value; the codec must load it."""


def _not_blank(text: str) -> str:
    if time_edtf(text) is not None:
        raise GiveUp
    return text


#: Field checks the schemas do not imply, by (class, field): each returns the
#: JSON value or raises :class:`GiveUp`.  (The schemas only ask EDTF for one
#: character; a TimeSpan wants one that is not blank.)
BEYOND_SCHEMA: dict[tuple[type, str], Callable[[Any], Any]] = {
    (TimeSpan, "edtf"): _not_blank,
}

# Date-times that datetime.fromisoformat reads exactly as dateutil's isoparse
# does (up to the tzinfo class, mapped below); anything else goes to isoparse.
_PLAIN_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
    r"(?::[0-9]{2}(?:\.[0-9]{3}|\.[0-9]{6})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?"
).fullmatch
_fromisoformat = dt.datetime.fromisoformat
_UTC = dt.timezone.utc
date_fromisoformat = dt.date.fromisoformat


def parse_datetime(text: str) -> dt.datetime:
    """A date-time as dateutil's ``isoparse`` reads it, through ``fromisoformat`` when it can."""
    if _PLAIN_DATETIME(text) is None:
        return isoparse(text)
    value = _fromisoformat(text)
    if value.tzinfo is _UTC:  # fromisoformat's zero offset, the usual one: no arithmetic
        return value.replace(tzinfo=tz.UTC)
    offset = value.utcoffset()
    if offset is None:
        return value
    # isoparse gives dateutil's UTC for a zero offset and a tzoffset otherwise.
    seconds = int(offset.total_seconds())
    return value.replace(tzinfo=tz.UTC if seconds == 0 else tz.tzoffset(None, seconds))


def parse_instant(text: str) -> dt.date:
    """A date, or a date-time when the text has a ``T`` (as the codec reads instants)."""
    return parse_datetime(text) if "T" in text else date_fromisoformat(text)


def _whole(value: Any) -> int:
    if type(value) is not int:  # an integral float passes the schema, not the class
        raise GiveUp
    return value


def _finite(value: Any) -> Any:
    if not fits_float(value):  # infinity, NaN, or an integer no float holds
        raise GiveUp
    return value


_EMPTY: MappingProxyType[str, Any] = MappingProxyType({})


def _extensions(value: dict[str, Any], known: frozenset[str]) -> MappingProxyType[str, Any]:
    return MappingProxyType({key: value[key] for key in value if key not in known})


_set_ref_id = Ref.__dict__["id"].__set__


def _entity(text: str) -> Ref:
    ref: Ref = object.__new__(Ref)
    _set_ref_id(ref, text)
    return ref


def _value(value: dict[str, Any]) -> Any:
    """A claim's value from its tagged JSON object (one member: the shape check saw to it)."""
    ((tag, item),) = value.items()
    if tag == "quantity":
        return _QUANTITY(item)
    if tag == "time":
        return _TIME_SPAN(item)
    if tag == "entity":
        return _entity(item)
    if tag == "rank":
        return _RANK(item)
    return item


#: What a leaf kind's JSON value goes through (a name in every builder's namespace).
_LEAF_CALLS = {
    "int": "_whole",
    "number": "_finite",
    "date": "_date",
    "datetime": "_datetime",
    "instant": "_instant",
    "map": "dict",
    "value": "_value",
}
_COMMON: dict[str, Any] = {
    "_new": object.__new__,
    "_whole": _whole,
    "_finite": _finite,
    "_date": date_fromisoformat,
    "_datetime": parse_datetime,
    "_instant": parse_instant,
    "_frozen": MappingProxyType,
    "_EMPTY": _EMPTY,
    "_extensions": _extensions,
    "_value": _value,
}
_LITERALS = (type(None), bool, str, int)
_IMMUTABLE = (str, int, float, enum.Enum, tuple, frozenset, MappingProxyType, dt.date)


def _converted(kind: Kind, converter: Callable[[Any], Any]) -> bool:
    """Whether a value of *kind* as built is already what *converter* would make of it."""
    if kind.tag == "list":
        return converter in (to_tuple, tuple)
    return kind.tag == "enum" and converter is kind.of


class _Writer:
    """The source and namespace of one class's builder."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.namespace: dict[str, Any] = {**_COMMON, "_cls": cls}
        self.lines: list[str] = []

    def name(self, value: Any) -> str:
        """A name for *value* in the builder's namespace."""
        name = f"_c{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def convert(self, kind: Kind, source: str, depth: int = 0) -> str:
        """An expression turning the JSON value *source* (not None) into the field's value."""
        tag = kind.tag
        if tag in ("str", "bool"):
            return source
        if tag in _LEAF_CALLS:
            return f"{_LEAF_CALLS[tag]}({source})"
        if tag == "enum":
            return f"{self.name({member.value: member for member in kind.of})}[{source}]"
        if tag == "nested":
            return f"{self.name(builder_for(kind.of))}({source})"
        item = f"i{depth}"
        inner = self.convert(kind.of, item, depth + 1)
        return f"tuple({source})" if inner == item else f"tuple([{inner} for {item} in {source}])"

    def value(self, member: Member, source: str) -> str:
        """An expression giving *member*'s value from its JSON value *source*, as built."""
        value = self.convert(member.kind, source)
        check = BEYOND_SCHEMA.get((self.cls, member.name))
        if check is not None:
            value = f"{self.name(check)}({value})"
        converter = member.converter
        if converter is None or _converted(member.kind, converter):
            return value
        if member.kind.tag == "map" and converter is frozen_mapping:
            return f"_frozen({value})"  # frozen_mapping, knowing the value is a dict
        return f"{self.name(converter)}({value})"

    def member(self, member: Member) -> None:
        """The statements that set *member*'s slot."""
        setter = self.name(self.cls.__dict__[member.name].__set__)
        if member.required:
            self.lines.append(f"    {setter}(obj, {self.value(member, f'v[{member.name!r}]')})")
            return
        value = self.value(member, "x")
        default, shared = self._default(member)
        if value == "x" and shared:  # the JSON value as it is, or the default: one call
            default = "" if default == "None" else f", {default}"
            self.lines.append(f"    {setter}(obj, get({member.name!r}{default}))")
            return
        self.lines.append(f"    x = get({member.name!r})")
        self.lines.append(f"    {setter}(obj, {default} if x is None else {value})")

    def _default(self, member: Member) -> tuple[str, bool]:
        """An expression giving *member*'s default, and whether it is one value for all."""
        default = member.default
        if type(default) in _LITERALS or (type(default) is tuple and not default):
            return repr(default), True
        if member.fresh is None or isinstance(default, _IMMUTABLE):
            return self.name(default), True  # as attrs does: one value serves every instance
        return f"{self.name(member.fresh)}()", False  # a factory of mutable values: a new one

    def finish(self) -> Callable[[dict[str, Any]], Any]:
        """Compile the builder."""
        if self.cls in RECORD_CLASSES.values():
            known = frozenset(member.name for member in members(self.cls)) | {"type"}
            setter = self.name(self.cls.__dict__[EXTENSIONS].__set__)
            names = self.name(known)
            self.lines.append(
                f"    {setter}(obj, _EMPTY if {names} >= v.keys() else _extensions(v, {names}))"
            )
        if "__attrs_post_init__" in vars(self.cls):
            self.lines.append("    obj.__attrs_post_init__()")
        self.lines.append("    return obj")
        head = ["def build(v):", "    get = v.get", "    obj = _new(_cls)"]
        if not any("get(" in line for line in self.lines):
            del head[1]
        source = "\n".join(head + self.lines)
        code = compile(source, f"<ddfacts fast builder: {self.cls.__qualname__}>", "exec")
        exec(code, self.namespace)  # our own generated source
        build: Callable[[dict[str, Any]], Any] = self.namespace["build"]
        _SOURCES[self.cls] = source
        return build


_BUILDERS: dict[type, Callable[[dict[str, Any]], Any]] = {}
_SOURCES: dict[type, str] = {}


def builder_for(cls: type) -> Callable[[dict[str, Any]], Any]:
    """The fast builder of attrs class *cls*: JSON object in, instance out; made once.

    A class in :data:`~ddfacts.jsonio._fast._shared.SHARED` gets a builder
    that hands back one instance for equal JSON objects.
    """
    build = _BUILDERS.get(cls)
    if build is None:
        if not attrs.has(cls):
            raise TypeError(f"{cls!r} is not an attrs class")
        writer = _Writer(cls)
        for member in members(cls):
            writer.member(member)
        build = writer.finish()
        _BUILDERS[cls] = build = shared(build) if cls in SHARED else build
    return build


def source_of(cls: type) -> str:
    """The generated source of *cls*'s builder (for reading and debugging)."""
    builder_for(cls)
    return _SOURCES[cls]


_TIME_SPAN = builder_for(TimeSpan)
_QUANTITY = builder_for(Quantity)
_RANK = builder_for(Rank)
