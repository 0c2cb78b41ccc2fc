"""Record builders for the fast loading path: instances made without validators.

:func:`builder` makes, for one attrs class, a function that takes every field
positionally and sets the slots directly (``object.__new__`` and the slot
descriptors, as attrs' own ``__init__`` does), skipping validators and
converters.  :mod:`ddfacts.jsonio._fast._load` calls them only with values it has
already checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import attrs
from dateutil import tz
from dateutil.parser import isoparse

from ...anchors._anchor import Anchor
from ...provenance import Activity, Derivation, Provenance
from ...quantities._value import Quantity
from ...records import (
    Actor,
    Attribution,
    Claim,
    Event,
    Identifier,
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
from ...times._span import ResolvedAgainst, TimeSpan

__all__ = [
    "STALE",
    "GiveUp",
    "builder",
    "date_fromisoformat",
    "parse_datetime",
    "parse_instant",
]


class GiveUp(Exception):
    """The fast path cannot vouch for this value; the codec must load it."""


#: Classes whose fields are no longer those the constructors below were written
#: for; they always go through the codec (a test keeps this empty).
STALE: list[str] = []


def _stale(*_args: Any) -> Any:
    raise GiveUp


def builder(cls: type, fields: str) -> Callable[..., Any]:
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


_RECORD = "provenance extensions"

build_anchor = builder(Anchor, "start end exact prefix suffix")
build_time_span = builder(
    TimeSpan, "earliest latest precision edtf approximate uncertain expression resolved_against"
)
build_resolved = builder(ResolvedAgainst, "date basis")
build_quantity = builder(Quantity, "amount lower upper qualifier unit expression")
build_provenance = builder(
    Provenance, "agent tool tool_version recorded method confidence derived_from history"
)
build_derivation = builder(Derivation, "kind target")
build_activity = builder(Activity, "activity at agent note")
build_link = builder(SourceLink, "kind source url evidence")
build_source = builder(
    Source,
    f"id title authors publisher url published language kind sha256 length links {_RECORD}",
)
build_statement = builder(Statement, f"id source anchor language note {_RECORD}")
build_name = builder(Name, "text language kind")
build_identifier = builder(Identifier, "scheme value")
build_role = builder(Role, "position organization during evidence")
build_actor = builder(
    Actor,
    "id kind name names aliases identifiers roles platform handle operated_by description"
    f" evidence {_RECORD}",
)
build_participant = builder(Participant, "actor role")
build_event = builder(
    Event, f"id event_type time place participants about description evidence {_RECORD}"
)
build_attribution = builder(
    Attribution, "source mode via via_source original_language translated_by"
)
build_ref = builder(Ref, "id")
build_claim = builder(
    Claim,
    f"id subject property value as_of qualifiers speaker attribution text evidence {_RECORD}",
)
build_rating = builder(Rating, "value best worst label")
build_review = builder(
    Review, f"id claim rating reviewer published explanation url evidence {_RECORD}"
)


# Date-times that datetime.fromisoformat reads exactly as dateutil's isoparse
# does (up to the tzinfo class, mapped below); anything else goes to isoparse.
_PLAIN_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
    r"(?::[0-9]{2}(?:\.[0-9]{3}|\.[0-9]{6})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?"
).fullmatch
_fromisoformat = dt.datetime.fromisoformat
date_fromisoformat = dt.date.fromisoformat


def parse_datetime(text: str) -> dt.datetime:
    """A date-time as dateutil's ``isoparse`` reads it, through ``fromisoformat`` when it can."""
    if _PLAIN_DATETIME(text) is None:
        return isoparse(text)
    value = _fromisoformat(text)
    offset = value.utcoffset()
    if offset is None:
        return value
    # isoparse gives dateutil's UTC for a zero offset and a tzoffset otherwise.
    seconds = int(offset.total_seconds())
    return value.replace(tzinfo=tz.UTC if seconds == 0 else tz.tzoffset(None, seconds))


def parse_instant(text: str) -> dt.date:
    """A date, or a date-time when the text has a ``T`` (as the codec reads instants)."""
    return parse_datetime(text) if "T" in text else date_fromisoformat(text)
