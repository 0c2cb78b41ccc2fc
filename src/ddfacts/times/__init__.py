"""Times as intervals with a precision: :class:`TimeSpan` and :class:`Precision`.

A time is never a bare date.  "December 2014" is the interval
2014-12-01..2014-12-31 at month precision, with the expression as written and
its EDTF form.  An unknown time is explicit (``TimeSpan.unknown()``), not
missing.  An open end (``1956/..``) has ``latest`` None and an EDTF ``..``;
an unknown end (``1956/``) has ``latest`` None and an empty EDTF end.

Comparisons are honest about what is not known.  A span stands for the
instants it may cover, from ``earliest`` to ``latest``:

- :meth:`TimeSpan.overlaps` says whether two spans *can* share an instant.
  An open, unknown or unspecified end reaches as far as it could, so an
  unknown end can overlap anything after the start, and an unknown time
  overlaps everything.  It is symmetric.
- :meth:`TimeSpan.contains` says whether every instant the other span may
  cover lies *certainly* within this one.  An open end (``..``) runs forever;
  an unknown end, or a year left unspecified, certainly covers nothing on
  that side, so such a span contains nothing.
- :meth:`TimeSpan.before` says whether this span *certainly* ends before the
  other starts; open and unknown ends never do.

Dates and datetimes mix: a date stands for the whole day, from 00:00 to the
last microsecond.  A datetime with a time zone is compared in UTC; a naive
datetime is taken to be UTC already.  The approximate and uncertain flags do
not widen the bounds: ``earliest``/``latest`` already carry the convention.

:func:`parse_time` reads the time expressions of news text ("Dec. 9", "late
June 2016", "over the previous two years") into spans.  The value types live in
a leaf module (``_span``) that the parser (``_parse``) imports, never the reverse.
"""

from __future__ import annotations

from ..errors import EdtfError, EdtfUnsupportedError
from ._parse import parse_time
from ._span import Precision, ResolvedAgainst, TimeSpan

__all__ = [
    "EdtfError",
    "EdtfUnsupportedError",
    "Precision",
    "ResolvedAgainst",
    "TimeSpan",
    "parse_time",
]
