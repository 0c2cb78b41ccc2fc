"""Quantities with bounds and a qualifier: :class:`Quantity` and :class:`Qualifier`.

"more than 9,000 followers" is the open interval (9000, ∞): amount 9000,
lower 9000 (exclusive, by the qualifier), upper None, unit ``follower``.
Two quantities agree when their intervals can overlap: "more than 9,000"
agrees with 9,400 and contradicts 8,000.

"approximately N" is N ± 10% of N (:data:`APPROXIMATE_TOLERANCE`), so
"about 9,000" is 8,100..9,900 and "about 350" is 315..385; for N = 0 it is
-1..1.  "nearly N" and "almost N" are the lower half of that interval,
N − 10%..N.  :meth:`Quantity.approximately` builds such a quantity with
another tolerance when a caller knows better.

:func:`parse_quantity` reads a phrase of text ("more than 9,000 followers").
The value types live in a leaf module (``_value``) that the parser (``_parse``)
imports, never the reverse.
"""

from __future__ import annotations

from ._parse import parse_quantity
from ._value import APPROXIMATE_TOLERANCE, Number, Qualifier, Quantity

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "Number",
    "Qualifier",
    "Quantity",
    "parse_quantity",
]
