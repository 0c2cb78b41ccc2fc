"""Field helpers shared by the record classes: ids, tuples, extension fields."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..limits import MAX_ID_LENGTH

#: The record types and the prefix their ids carry.
RECORD_TYPES = ("source", "statement", "actor", "event", "claim", "review")

#: A typed, readable id: ``<type>:<slug>``; the slug is lower-case letters,
#: digits and ``-._/``, starting and ending with a letter or digit; at most
#: :data:`~ddfacts.limits.MAX_ID_LENGTH` characters.  The schemas hold the
#: same pattern (ECMA-262, where ``$`` is the end of the string); Python
#: checks it with ``fullmatch``, since its ``$`` also matches before a final
#: newline.
ID_PATTERN = r"^(source|statement|actor|event|claim|review):[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?$"
_ID_FULL = re.compile(ID_PATTERN).fullmatch

#: Language tags (BCP 47, loosely): ``en``, ``ru``, ``en-CA``, ``ru-Latn``.
LANG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
_LANG_FULL = re.compile(LANG_PATTERN).fullmatch

#: How much of a bad value a message quotes.
_SHOWN = 60


def shown(value: object) -> str:
    """*value*'s repr for a message, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 2] + "…" + text[-1]


def is_id(value: object, kind: str | None = None) -> bool:
    """Whether *value* is a well-formed record id (of type *kind*, if given)."""
    if not isinstance(value, str) or len(value) > MAX_ID_LENGTH or _ID_FULL(value) is None:
        return False
    return kind is None or value.startswith(kind + ":")


def id_problem(value: object, kind: str | None = None) -> str | None:
    """What is wrong with *value* as a record id (of type *kind*, if given); None: nothing.

    The one id rule: the constructors raise with it, the codec reports it
    with the member's JSON pointer, and validation's shape level says the
    same of the schema's ``pattern`` and ``maxLength``.
    """
    if is_id(value, kind):
        return None
    if isinstance(value, str) and len(value) > MAX_ID_LENGTH:
        size = len(value)
        return f"must be an id of at most {MAX_ID_LENGTH} characters, got {size}: {shown(value)}"
    like = f"an id like '{kind}:some-name'" if kind else "a typed id like 'actor:some-name'"
    return f"must be {like}, got {shown(value)}"


def id_of(kind: str) -> Any:
    """An attrs validator: the value is an id of record type *kind*."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        message = id_problem(value, kind)
        if message is not None:
            raise ValueError(f"{attribute.name} {message}")

    return check


def any_id(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: the value is a well-formed id of any record type."""
    message = id_problem(value)
    if message is not None:
        raise ValueError(f"{attribute.name} {message}")


def optional_id(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None or a well-formed id of any record type."""
    if value is not None:
        any_id(_inst, attribute, value)


def ids(_inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """An attrs validator: every item is a well-formed id."""
    for item in value:
        message = id_problem(item)
        if message is not None:
            raise ValueError(f"{attribute.name} items {message}")


def language(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None or a BCP 47 language tag."""
    if value is not None and (not isinstance(value, str) or _LANG_FULL(value) is None):
        raise ValueError(f"{attribute.name} must be a language tag like 'en', got {value!r}")


def non_empty_str(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a string with something in it."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string, got {value!r}")


def optional_str(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None or a string."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string or None, got {value!r}")


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable (but not a lone string) into a tuple."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a sequence, got the string {value!r}")
    return tuple(value)


def instances_of(cls: type) -> Any:
    """An attrs validator: every item of a tuple is an instance of *cls*."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            if not isinstance(item, cls):
                raise TypeError(f"{attribute.name} must hold {cls.__name__} values, got {item!r}")

    return check


def strings(_inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """An attrs validator: every item of a tuple is a string."""
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{attribute.name} must hold strings, got {item!r}")


def frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A read-only copy of a mapping (``None`` gives an empty one)."""
    return MappingProxyType(dict(value or {}))


def extension_keys(
    _inst: object, attribute: attrs.Attribute[Any], value: Mapping[str, Any]
) -> None:
    """An attrs validator: every key of an extension mapping starts with ``x-``."""
    for key in value:
        if not isinstance(key, str) or not key.startswith("x-"):
            raise ValueError(f"extension field names must start with 'x-', got {key!r}")


def extensions_field() -> Any:
    """The ``extensions`` field every record has: unknown ``x-…`` JSON members."""
    return attrs.field(
        factory=lambda: MappingProxyType({}),
        converter=frozen_mapping,
        validator=extension_keys,
        hash=False,
    )


def probability(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None or a number in [0, 1]."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"{attribute.name} must be a number from 0 to 1, got {value!r}")
