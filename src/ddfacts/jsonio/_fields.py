"""Each class's JSON members, derived once from its attrs fields: the codec's one field list.

A member has the field's name; it is required when the field has no
default; what it holds in JSON (its :class:`Kind`) follows from the field's
type by the rules below, the codec's defaults.  The codec
(:mod:`ddfacts.jsonio._codec`) and the fast builders
(:mod:`ddfacts.jsonio._fast._build`) both read these members, so adding a
field to a record class adds it to both; a field of a type no rule covers
stops the import with a :class:`TypeError` rather than being left out.

The rules, first match wins (``X | None`` is read as ``X``):

* an :class:`enum.Enum` subclass: its values;
* ``str``, ``bool``, ``int``; ``float`` or ``int | float``: a number;
* ``datetime.date``, ``datetime.datetime``; both: an *instant* (a date,
  or a date-time when the text has a ``T``);
* an attrs class: a nested object of its own members;
* ``tuple[X, ...]``: an array of X;
* ``Mapping[str, str]``: an object of strings;
* :data:`ddfacts.records.ClaimValue`: the tagged claim value
  (``{"quantity": …}``, ``{"time": …}``, ``{"entity": …}``, ``{"text": …}``).

A record's ``extensions`` field is not a member: it holds the ``x-…``
members, which the codec collects apart.
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ..records import RECORD_CLASSES, ClaimValue

__all__ = ["EXTENSIONS", "NO_DEFAULT", "Kind", "Member", "kind_of", "members"]

#: The field of a record that holds its ``x-…`` members.
EXTENSIONS = "extensions"


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


#: The default of a required member.
NO_DEFAULT: Any = _NoDefault()


@attrs.frozen
class Kind:
    """What a member holds in JSON.

    ``tag`` is one of ``str``, ``bool``, ``int``, ``number``, ``date``,
    ``datetime``, ``instant``, ``map``, ``value`` (leaves), ``enum`` and
    ``nested`` (``of`` is the class), or ``list`` (``of`` is the items' kind).
    """

    tag: str
    of: Any = None


@attrs.frozen
class Member:
    """One JSON member of a class: its name, kind, and default (:data:`NO_DEFAULT` if required)."""

    name: str
    kind: Kind
    #: The field's value when the member is absent, converted as the constructor
    #: converts it (a factory is called once); :data:`NO_DEFAULT` when required.
    default: Any
    #: The field's converter (the constructor runs it on the value given).
    converter: Callable[[Any], Any] | None = None
    #: Makes a fresh default, converted, when the field's default comes from a factory.
    fresh: Callable[[], Any] | None = None

    @property
    def required(self) -> bool:
        """Whether the member must be present."""
        return self.default is NO_DEFAULT


_LEAVES: dict[Any, str] = {
    str: "str",
    bool: "bool",
    int: "int",
    float: "number",
    dt.date: "date",
    dt.datetime: "datetime",
}
_UNIONS: dict[frozenset[Any], str] = {
    frozenset({int, float}): "number",
    frozenset({dt.date, dt.datetime}): "instant",
    frozenset(typing.get_args(ClaimValue)): "value",
}
_UNION_ORIGINS = (typing.Union, types.UnionType)


def kind_of(hint: Any, where: str) -> Kind:
    """The kind of a field typed *hint* (``None`` left out of unions); *where* names it.

    Raises:
        TypeError: no rule covers the type.
    """
    origin = typing.get_origin(hint)
    if origin in _UNION_ORIGINS:
        args = frozenset(arg for arg in typing.get_args(hint) if arg is not type(None))
        if len(args) == 1:
            return kind_of(next(iter(args)), where)
        if args in _UNIONS:
            return Kind(_UNIONS[args])
    elif origin is tuple:
        item, *rest = typing.get_args(hint)
        if rest == [Ellipsis]:
            return Kind("list", kind_of(item, where))
    elif origin is collections.abc.Mapping and typing.get_args(hint) == (str, str):
        return Kind("map")
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        return Kind("enum", hint)
    elif hint in _LEAVES:
        return Kind(_LEAVES[hint])
    elif attrs.has(hint):
        return Kind("nested", hint)
    raise TypeError(f"{where}: no JSON codec for the type {hint!r}")


def _member(cls: type, field: attrs.Attribute[Any], hint: Any) -> Member:
    kind = kind_of(hint, f"{cls.__name__}.{field.name}")
    converter: Callable[[Any], Any] | None = field.converter  # type: ignore[assignment]
    default: Any = field.default
    if default is attrs.NOTHING:
        return Member(field.name, kind, NO_DEFAULT, converter)
    convert = converter or _same
    factory: Callable[[], Any] | None = getattr(default, "factory", None)  # an attrs.Factory
    if factory is None:
        return Member(field.name, kind, convert(default), converter)
    return Member(field.name, kind, convert(factory()), converter, lambda: convert(factory()))


def _same(value: Any) -> Any:
    return value


_MEMBERS: dict[type, tuple[Member, ...]] = {}


def members(cls: type) -> tuple[Member, ...]:
    """The JSON members of attrs class *cls*, in field order (but a record's ``extensions``).

    Derived on first use, then kept.
    """
    found = _MEMBERS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        record = cls in RECORD_CLASSES.values()
        found = _MEMBERS[cls] = tuple(
            _member(cls, field, hints[field.name])
            for field in attrs.fields(cls)
            if not (record and field.name == EXTENSIONS)
        )
    return found
