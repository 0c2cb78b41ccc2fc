"""Read the time expressions of news text into :class:`~ddfacts.times.TimeSpan` values.

:func:`parse_time` reads, case-insensitively:

- full dates: "May 2, 1945", "2 May 1945", "November 30, 2016", "2016-11-30"
  (absolute dates are read by :func:`dateutil.parser.parse`, with two
  defaults so that a field the text leaves out is never filled in silently;
  single periods are read by :mod:`ddfacts.times._period`);
- months and days: "December 2014", "in February", "Dec. 9";
- seasons: "summer 2015", "the summer of 2015";
- parts of a period: "late June 2016", "early November", "mid-2016",
  "the end of 2016", "early 1990s" (conventions in :mod:`ddfacts.times._words`:
  thirds, the inner bound approximate, the precision that of the period);
  "the very end of 2016" and "the very beginning of June" are narrower (a
  year's last or first month, a month's last or first seven days);
- years, decades, centuries: "in 2006", "the 1930s", "the 19th century";
- a year naming a dated thing: "the 2013 edition", "the 2016 election" (the
  year, for the nouns in ``_YEAR_NOUNS``: editions, versions, elections,
  summits, studies…; "the 2000 followers" is not a time);
- ranges and open ends: "from 2007 until 2010", "between 1941 and 1945",
  "2007–2010", "since 1956" (``1956/..``), "until 2010" (``/2010``, start unknown);
- relative expressions against the reference date ("last week", "this month",
  "this year", "over the previous two years", "two years ago"; see
  :mod:`ddfacts.times._relative`), also as possessives ("yesterday's") and
  after adverbs that do not move them ("again this month", "only last week");
- anaphora: "that day", "that year", "later that year", "between 1941 and
  that day" read "that …" against the reference, which the caller must pass
  as the date (or span) the text gave earlier, not the publication date;
- Russian day-month and month forms: "20 сентября", "в сентябре 2016", "в 2016 году",
  and "с.г." / "сего года" / "текущего года" ("of this year": the reference's year,
  "4 сентября с.г.");
- "about"/"around"/"circa" (approximate, ``~``), "possibly"/"maybe" or a
  trailing "?" (uncertain, ``?``), and EDTF strings themselves.

A month, day or season with no year resolves, given a reference date, to the
most recent one that starts on or before it (news convention); without one the
year stays unspecified (``XXXX-12-09``), never the current year.  A relative
expression without a reference date is an explicit unknown time (and an end
of a range that is one is an unknown end: "between 1941 and that day" is
``1941/``).  The span keeps the expression as written and, when the
reference date was used, ``resolved_against``.

The reference may be a :class:`~ddfacts.times.TimeSpan` when the date is
itself known only as a range (an article published some day in February
2018): the expression is resolved against the span's first day and against
its last day, and the result runs from the earlier start to the later end.
Every resolution moves forward with its reference, so this covers the
resolution against any day between ("last week" against February 2018 is
2018-01-22..2018-02-25).  When the result's day bounds fall on the span's own
units it is written at the span's precision: "over the previous two years"
against December 2014 is ``2012-12/2014-12`` at month precision.
``resolved_against`` then records the span's first day, and its EDTF form
(and expression) as the basis.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from ..errors import TimeParseError
from ..limits import MAX_PHRASE_CHARS
from . import _words as words
from ._edtf import EdtfError, coarser, parse_edtf
from ._period import NotTime, read_period
from ._relative import (
    Reference,
    at_precision,
    hull,
    is_relative,
    parse_relative,
    reference_of,
)
from ._span import Precision, ResolvedAgainst, TimeSpan
from ._words import Found

__all__ = ["parse_time"]

_FILLER = re.compile(r"^(?:in|on|at|during|as of|towards|toward|sometime in|some time in|the)\s+")
_APPROX = re.compile(r"^(?:about|around|circa|approximately|roughly|ca\.?|c\.)\s*")
_UNCERTAIN = re.compile(r"^(?:possibly|perhaps|maybe|probably)\s+")
_PART = re.compile(
    r"^(early|mid|late|the end of|end of|the beginning of|beginning of|the start of|"
    r"start of|the middle of|middle of)[\s-]+(.+)$"
)
_VERY = re.compile(r"^(?:the )?very (end|beginning|start) of (.+)\Z")
_ADVERB = re.compile(r"^(?:again|once again|also|and|then|even|just|only)\s+")
_POSSESSIVE = re.compile(r"^(.*[^\W\d])'s\Z")
_PARTS = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1}
_SINCE = re.compile(
    r"^(?:since|from|starting|starting in|beginning in|с)\s+(.+?)(?:\s+on(?:wards?)?)?$"
)
_UNTIL = re.compile(r"^(?:until|till|up to|through|by|до)\s+(.+)\Z")
_RANGE = re.compile(
    r"^(?:from\s+|between\s+)?(.+?)\s*(?:\s(?:until|till|to|through|and)\s|[–—]|-(?=\d{4}$))\s*(.+)$"
)

#: How many readings (the whole, each qualifier, part, open end and range side) one
#: expression may nest: far more than a real expression needs ("from about early
#: 2016 until late 2017?" nests 5), few enough that the stack stays shallow and
#: the work stays linear (each reading scans the text a bounded number of times).
_MAX_READINGS = 24


class _TooDeep(NotTime):
    """Internal: the expression nests more than :data:`_MAX_READINGS` readings."""


@attrs.define
class _Budget:
    """The readings an expression has left; :meth:`spend` raises :class:`_TooDeep` past zero."""

    left: int = _MAX_READINGS

    def spend(self) -> None:
        """Take one reading from the budget."""
        self.left -= 1
        if self.left < 0:
            raise _TooDeep


#: A step of :func:`_read`: what *text* reads as, or None when the step does not apply.
_Reader = Callable[[str, dt.date | None, _Budget], Found | None]


def _normalize(expression: str) -> str:
    text = expression.strip().lower().replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(",;:!").strip()


def _ends(edtf: str) -> tuple[str, str]:
    start, _, end = edtf.partition("/")
    return start, (end if "/" in edtf else start)


def _range(first: str, second: str, reference: dt.date | None, budget: _Budget) -> Found:
    b = _read(second, reference, budget)
    a = _read(first, reference if is_relative(first) else None, budget)
    # A relative end with no reference is an unknown end: "between 1941 and that day" is 1941/.
    unknown_a = a.edtf == "XXXX" and is_relative(first)
    unknown_b = b.edtf == "XXXX" and is_relative(second)
    if unknown_a and unknown_b:
        raise NotTime
    start = "" if unknown_a else _ends(a.edtf)[0]
    end = "" if unknown_b else _ends(b.edtf)[1]
    year = re.match(r"\d{4}", end)
    if start.startswith("XXXX") and year is not None:
        # "from March until May 2016": the start takes the end's year (or the one before).
        for candidate in (int(year.group()), int(year.group()) - 1):
            dated = start.replace("XXXX", f"{candidate:04d}", 1)
            try:
                parse_edtf(f"{dated}/{end}")
            except EdtfError:
                continue
            start = dated
            break
        else:
            raise NotTime
    elif "XXXX" in start and reference is not None:
        a = _read(first, reference, budget)
        start = _ends(a.edtf)[0]
    if ".." in (start, end) or (not start and not unknown_a) or (not end and not unknown_b):
        raise NotTime
    known = [_precision(f) for f, unknown in ((a, unknown_a), (b, unknown_b)) if not unknown]
    precision = coarser(known[0], known[-1])
    return Found(f"{start}/{end}", precision=precision, resolved=a.resolved or b.resolved)


def _precision(found: Found) -> str:
    return found.precision or parse_edtf(found.edtf).precision


def _qualified(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """A trailing "?" (uncertain), a leading "about" (approximate) or "possibly" (uncertain)."""
    if text.endswith("?"):
        # One reading for a run of them: "2020???" is as uncertain as "2020?".
        found = _read(text.rstrip("? "), reference, budget)
        return attrs.evolve(found, edtf=words.qualify(found.edtf, uncertain=True))
    for pattern, flag in ((_APPROX, "approximate"), (_UNCERTAIN, "uncertain")):
        match = pattern.match(text)
        if match is not None and match.end() < len(text):
            found = _read(text[match.end() :], reference, budget)
            return attrs.evolve(found, edtf=words.qualify(found.edtf, **{flag: True}))
    return None


def _wrapped(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """A possessive ("yesterday's") or an adverb that does not move the time ("again")."""
    match = _POSSESSIVE.fullmatch(text)
    if match is not None:
        return _read(match[1], reference, budget)
    match = _ADVERB.match(text)
    if match is not None and match.end() < len(text):
        return _read(text[match.end() :], reference, budget)
    return None


def _relative(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """A relative expression: unknown without a reference date."""
    if not is_relative(text):
        return None
    if reference is None:
        return Found("XXXX")
    relative = parse_relative(text, reference)
    if relative is None:  # pragma: no cover - is_relative said it was one
        raise NotTime
    return relative


def _filler(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """A leading "in", "on", "the"… that adds nothing."""
    match = _FILLER.match(text)
    if match is not None and match.end() < len(text):
        return _read(text[match.end() :], reference, budget)
    return None


def _part(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """A part of a period: "late June 2016", "the very end of 2016"."""
    match = _PART.fullmatch(text)
    if match is not None:
        part = _PARTS.get(match[1], 2)
        return _narrowed(match[2], reference, budget, lambda edtf: words.part_of(edtf, part))
    match = _VERY.fullmatch(text)
    if match is not None:
        end = match[1] == "end"
        return _narrowed(match[2], reference, budget, lambda edtf: words.edge_of(edtf, end))
    return None


def _narrowed(
    text: str, reference: dt.date | None, budget: _Budget, narrow: Callable[[str], str | None]
) -> Found:
    """The period *text* reads as, narrowed to a part of it (an unknown time stays unknown)."""
    inner = _read(text, reference, budget)
    if inner.edtf == "XXXX":
        return inner
    edtf = narrow(inner.edtf)
    if edtf is None:
        raise NotTime
    return Found(edtf, precision=_precision(inner), resolved=inner.resolved)


def _from_range(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """A range opened by "from" or "between"."""
    if not text.startswith(("from ", "between ")):
        return None
    match = _RANGE.fullmatch(text)
    if match is not None:
        return _range(match[1], match[2], reference, budget)
    return None


def _open(text: str, reference: dt.date | None, budget: _Budget) -> Found | None:
    """An open end: "since 1956" (``1956/..``), "until 2010" (``/2010``)."""
    match = _SINCE.fullmatch(text)
    if match is not None:
        inner = _read(match[1], reference, budget)
        start = _ends(inner.edtf)[0]
        if start in ("", ".."):
            raise NotTime
        return Found(f"{start}/..", precision=_precision(inner), resolved=inner.resolved)
    match = _UNTIL.fullmatch(text)
    if match is not None:
        inner = _read(match[1], reference, budget)
        end = _ends(inner.edtf)[1]
        if end in ("", ".."):
            raise NotTime
        return Found(f"/{end}", precision=_precision(inner), resolved=inner.resolved)
    return None


#: The steps of :func:`_read`, in order: the first that applies reads the text.
_READERS: tuple[_Reader, ...] = (
    _qualified,
    _wrapped,
    _relative,
    _filler,
    _part,
    _from_range,
    _open,
)


def _read(text: str, reference: dt.date | None, budget: _Budget) -> Found:
    """*text* (normalized) read as a time expression; raises :class:`NotTime`.

    Each qualifier, part, open end or range side is read by a nested call, one
    reading of *budget* each, so the nesting (and the stack) stays bounded.
    """
    budget.spend()
    text = text.strip()
    if not text:
        raise NotTime
    for reader in _READERS:
        found = reader(text, reference, budget)
        if found is not None:
            return found
    try:
        return read_period(text, reference)
    except NotTime:
        match = _RANGE.fullmatch(text)
        if match is None:
            raise
        return _range(match[1], match[2], reference, budget)


def _resolve(text: str, reference: Reference | None) -> Found:
    if reference is None:
        return _read(text, None, _Budget())
    _record, first, last, precision = reference
    found = _read(text, first, _Budget())
    if last == first or not found.resolved:
        return found
    return at_precision(hull(found, _read(text, last, _Budget())), precision)


def parse_time(
    expression: str, relative_to: dt.date | ResolvedAgainst | TimeSpan | None = None
) -> TimeSpan:
    """The :class:`~ddfacts.times.TimeSpan` the time expression *expression* stands for.

    Args:
        expression: a time expression as the text writes it ("Dec. 9", "late June 2016").
        relative_to: the reference date for relative expressions and for months
            and days written without a year, usually the source's publication
            date; a :class:`~ddfacts.times.ResolvedAgainst` also says where it
            came from.  For anaphora ("that day", "later that year") it is the
            date the text gave earlier.  A :class:`~ddfacts.times.TimeSpan`
            (with both bounds) stands for a reference known only as a range:
            the result spans the resolutions against its first and last day.
            The span records the reference in ``resolved_against`` when used.

    Raises:
        TimeParseError: *expression* is not a time expression (a ValueError), is
            longer than :data:`~ddfacts.limits.MAX_PHRASE_CHARS` characters, or
            nests more qualifiers, parts and ranges than any real expression
            (24 readings).
        ValueError: *relative_to* is a TimeSpan with an open or unknown end.

    .. versionadded:: 0.1.0
    """
    if not isinstance(expression, str):
        raise TypeError(f"expression must be a str, got {expression!r}")
    if len(expression) > MAX_PHRASE_CHARS:
        raise TimeParseError(
            f"{expression[:40]!r}... is {len(expression)} characters long; a time expression "
            f"has at most {MAX_PHRASE_CHARS} (ddfacts.limits.MAX_PHRASE_CHARS)"
        )
    reference = reference_of(relative_to)
    text = _normalize(expression)
    try:
        return _span(_resolve(text, reference), expression, reference)
    except _TooDeep:
        raise TimeParseError(
            f"{expression!r} nests more than {_MAX_READINGS} qualifiers, parts of periods, "
            "open ends and ranges; it is not a time expression ddfacts understands"
        ) from None
    except (NotTime, EdtfError, ValueError, OverflowError):
        raise TimeParseError(
            f"{expression!r} is not a time expression ddfacts understands"
        ) from None


def _span(found: Found, expression: str, reference: Reference | None) -> TimeSpan:
    """The span *found* stands for; raises ValueError when no valid TimeSpan is one."""
    span = TimeSpan.from_edtf(found.edtf, expression=expression)
    if found.precision is not None:
        span = attrs.evolve(span, precision=Precision(found.precision))
    if found.resolved and reference is not None:
        span = attrs.evolve(span, resolved_against=reference[0])
    return span
