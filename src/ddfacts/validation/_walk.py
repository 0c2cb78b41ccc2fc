"""Where things sit inside a raw record value: time spans, instants, quantities.

Every function takes any JSON value and yields only what has the expected
JSON type where it is expected, so checks built on them never fail on
badly shaped input (the shape level reports that).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["Path", "as_dict", "as_list", "instants", "time_spans"]

#: A path of keys and indexes inside a record.
Path = tuple[str | int, ...]


def as_dict(value: Any) -> dict[str, Any]:
    """*value* if it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """*value* if it is an array, else an empty one."""
    return value if isinstance(value, list) else []


def time_spans(record: Any) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every time-span object in a record, with its path."""
    record = as_dict(record)
    kind = record.get("type")
    candidates: list[tuple[Path, Any]] = []
    if kind == "source":
        candidates.append((("published",), record.get("published")))
    elif kind == "event":
        candidates.append((("time",), record.get("time")))
    elif kind == "claim":
        candidates.append((("as_of",), record.get("as_of")))
        candidates.append((("value", "time"), as_dict(record.get("value")).get("time")))
        ranking = as_dict(as_dict(as_dict(record.get("value")).get("rank")).get("ranking"))
        candidates.append((("value", "rank", "ranking", "as_of"), ranking.get("as_of")))
    elif kind == "actor":
        for index, role in enumerate(as_list(record.get("roles"))):
            candidates.append((("roles", index, "during"), as_dict(role).get("during")))
    for path, value in candidates:
        if isinstance(value, dict):
            yield path, value


def instants(record: Any) -> Iterator[tuple[Path, str, str]]:
    """Every date or date-time string in a record: its path, text and expected form.

    The form is ``instant`` (a date or a date-time), ``date`` or ``datetime``.
    """
    record = as_dict(record)
    for path, span in time_spans(record):
        for key in ("earliest", "latest"):
            if isinstance(span.get(key), str):
                yield (*path, key), span[key], "instant"
        resolved = as_dict(span.get("resolved_against"))
        if isinstance(resolved.get("date"), str):
            yield (*path, "resolved_against", "date"), resolved["date"], "date"
    provenance = as_dict(record.get("provenance"))
    if isinstance(provenance.get("recorded"), str):
        yield ("provenance", "recorded"), provenance["recorded"], "datetime"
    for index, entry in enumerate(as_list(provenance.get("history"))):
        at = as_dict(entry).get("at")
        if isinstance(at, str):
            yield ("provenance", "history", index, "at"), at, "datetime"
    if record.get("type") == "review" and isinstance(record.get("published"), str):
        yield ("published",), record["published"], "date"
