"""Reading the members of one ClaimReview as markup in the wild writes them.

Each reader returns what it found and the oddities it met: a name from
:data:`ODDITIES` for a variant it mapped faithfully (a rating written as a
string), or a :class:`Trouble` (a problem code and message, at a JSON
pointer below the item) for what it could not map.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import Any

import attrs

from ..errors import TimeParseError
from ..limits import MAX_NUMBER_CHARS, MAX_PHRASE_CHARS
from ..times._parse import parse_time
from ..times._span import as_date

__all__ = ["ODDITIES", "Party", "Trouble", "Troubles", "date_of", "parties", "rating_of", "text_of"]

#: The variants the importer maps faithfully, counted in the summary.
ODDITIES = (
    "author-string",
    "author-list",
    "author-untyped",
    "rating-string",
    "rating-scale-default",
    "item-creativework",
    "date-datetime",
    "date-text",
    "date-missing",
    "url-relative-resolved",
    "url-missing",
)

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@attrs.frozen
class Trouble:
    """What could not be mapped: a problem code, a message, a pointer below the item."""

    code: str
    message: str
    pointer: tuple[str | int, ...] = ()


#: What a reader met: oddity names and troubles, in the order met.
Troubles = list["str | Trouble"]


@attrs.frozen
class Party:
    """An author or reviewer as the markup gives it."""

    #: ``Person``, ``Organization``, or None when untyped (a bare name).
    kind: str | None
    name: str | None
    url: str | None
    #: Its ``@id``, when it has one.
    iri: str | None


def text_of(value: object) -> str | None:
    """A non-blank string with its white space trimmed, or None."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def absolute(
    url: object, base: str | None, met: Troubles, pointer: tuple[str | int, ...]
) -> str | None:
    """*url* made absolute against *base*; a relative one with no base is a trouble."""
    text = text_of(url)
    if text is None:
        return None
    if urllib.parse.urlsplit(text).scheme:
        return text
    if base and urllib.parse.urlsplit(base).scheme:
        met.append("url-relative-resolved")
        return urllib.parse.urljoin(base, text)
    met.append(
        Trouble(
            "import.relative-url",
            f"the URL {text!r} is relative and no base URL is known; left out",
            pointer,
        )
    )
    return None


def _type_of(node: dict[str, Any]) -> str | None:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    for kind in kinds:
        if kind in ("Person", "Organization"):
            return str(kind)
    if any(isinstance(kind, str) and kind.endswith("Organization") for kind in kinds):
        return "Organization"  # NewsMediaOrganization, GovernmentOrganization…
    return None


def _party(
    value: object, base: str | None, met: Troubles, at: tuple[str | int, ...]
) -> Party | None:
    if isinstance(value, str):
        name = text_of(value)
        if name is None:
            return None
        met.append("author-string")
        return Party(kind=None, name=name, url=None, iri=None)
    if not isinstance(value, dict):
        met.append(Trouble("import.bad-party", "an author is neither a name nor an object", at))
        return None
    kind = _type_of(value)
    if kind is None:
        met.append("author-untyped")
    url = absolute(value.get("url"), base, met, (*at, "url"))
    iri = text_of(value.get("@id"))
    name = text_of(value.get("name")) or text_of(value.get("alternateName"))
    if name is None and url is None:
        met.append(Trouble("import.bad-party", "an author has neither a name nor a url", at))
        return None
    return Party(kind=kind, name=name, url=url, iri=iri)


def parties(
    value: object, base: str | None, met: Troubles, at: tuple[str | int, ...]
) -> list[Party]:
    """The authors in *value*: a name, an object, or a list of them."""
    if value is None:
        return []
    if isinstance(value, list):
        if len(value) > 1:
            met.append("author-list")
        found = [_party(item, base, met, (*at, index)) for index, item in enumerate(value)]
        return [party for party in found if party is not None]
    party = _party(value, base, met, at)
    return [] if party is None else [party]


def _number(value: object, met: Troubles, at: tuple[str | int, ...]) -> float | None:
    if isinstance(value, bool):
        met.append(Trouble("import.bad-rating", f"a rating is {value!r}, not a number", at))
        return None
    if isinstance(value, (int, float)):
        return value
    text = text_of(value)
    if text is not None and len(text) <= MAX_NUMBER_CHARS and _NUMBER.fullmatch(text):
        met.append("rating-string")
        number = float(text)
        return int(number) if number.is_integer() else number
    met.append(Trouble("import.bad-rating", f"the rating {str(value)[:40]!r} is not a number", at))
    return None


def rating_of(
    node: object, met: Troubles, at: tuple[str | int, ...]
) -> tuple[float, float, float, str | None] | None:
    """``(value, best, worst, label)`` of a Rating, or None (a trouble says why)."""
    if not isinstance(node, dict):
        met.append(Trouble("import.no-rating", "the review has no reviewRating object", at))
        return None
    label = text_of(node.get("alternateName")) or text_of(node.get("name"))
    if node.get("ratingValue") is None:
        code, what = (
            ("import.rating-label-only", f"only the label {label!r}")
            if label
            else (
                "import.no-rating",
                "neither a ratingValue nor an alternateName",
            )
        )
        met.append(Trouble(code, f"the rating has {what}: no value on a scale to record", at))
        return None
    value = _number(node["ratingValue"], met, (*at, "ratingValue"))
    if node.get("bestRating") is None or node.get("worstRating") is None:
        met.append("rating-scale-default")
    best = _number(node.get("bestRating", 5), met, (*at, "bestRating"))
    worst = _number(node.get("worstRating", 1), met, (*at, "worstRating"))
    if value is None or best is None or worst is None:
        return None
    if best == worst or not min(best, worst) <= value <= max(best, worst):
        met.append(
            Trouble(
                "import.bad-rating",
                f"the rating {value} does not lie on the scale {worst}..{best}",
                at,
            )
        )
        return None
    return value, best, worst, label


def date_of(value: object, met: Troubles, at: tuple[str | int, ...]) -> dt.date | None:
    """The day a date member names: ISO date or date-time, else a date in words."""
    text = text_of(value)
    if text is None:
        if value is not None:
            met.append(Trouble("import.bad-date", "a date is not a string", at))
        else:
            met.append("date-missing")
        return None
    day = _ISO_DAY.fullmatch(text)
    if day:
        try:
            return dt.date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            pass
    else:
        try:
            moment = dt.datetime.fromisoformat(text[:MAX_PHRASE_CHARS])
        except ValueError:
            moment = None
        if moment is not None:
            met.append("date-datetime")
            return moment.date()
        found = _worded(text)
        if found is not None:
            met.append("date-text")
            return found
    met.append(
        Trouble("import.bad-date", f"the date {text[:40]!r} names no single day; left out", at)
    )
    return None


def _worded(text: str) -> dt.date | None:
    """A date written in words ("March 14, 2023"), when it names one day."""
    if len(text) > MAX_PHRASE_CHARS:
        return None
    try:
        span = parse_time(text)
    except TimeParseError:
        return None
    if span.earliest is None or span.latest is None or span.precision.value != "day":
        return None
    return as_date(span.earliest)
