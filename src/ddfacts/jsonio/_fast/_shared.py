"""Shared values: equal JSON objects of a value class many records repeat give one instance.

A claim's ``as_of``, a source's ``published`` date, an event's time: a set
of a million records holds a few thousand distinct time spans, and the
records of one query (claims of one property at one day) share most of
theirs.  Building a :class:`~ddfacts.TimeSpan` runs its rules (bounds in
order, bounds that fit the precision and the EDTF form), so the fast
builder of a class in :data:`SHARED` keeps what it built, keyed by the
JSON object's members, and hands the same frozen instance back for an
equal object.

The key is exact: the members in order, and the type of each value, so
``true`` and ``1`` never meet, and an object holding a float (``-0.0``
equals ``0.0``) or anything unhashable (a nested object, an array) is
built afresh, never shared.  A value is kept only once its builder
returned it, so one that fails its rules raises every time.  The table is
bounded (:data:`SHARED_LIMIT`); when full it is emptied and fills again
with what is in use, so memory stays bounded and every call stays O(size of
the object).  Instances are frozen attrs classes: sharing them is safe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...times._span import TimeSpan

__all__ = ["SHARED", "SHARED_LIMIT", "shared"]

#: Value classes whose fast builders share equal instances.
SHARED: frozenset[type] = frozenset({TimeSpan})

#: Distinct values a shared builder keeps (per class) before it starts again.
SHARED_LIMIT = 4096

Build = Callable[[dict[str, Any]], Any]


def shared(build: Build, limit: int = SHARED_LIMIT) -> Build:
    """*build*, keeping up to *limit* instances so that equal JSON objects give one.

    The returned function takes what *build* takes and returns an instance
    equal to ``build(value)``; it raises whatever *build* raises.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    table: dict[tuple[Any, ...], Any] = {}
    get = table.get

    def build_shared(value: dict[str, Any]) -> Any:
        types = tuple(map(type, value.values()))
        if float in types:
            return build(value)
        key = (*value.items(), *types)
        try:
            found = get(key)
        except TypeError:  # a nested object or array: built afresh
            return build(value)
        if found is None:
            found = build(value)
            if len(table) >= limit:
                table.clear()
            table[key] = found
        return found

    return build_shared
