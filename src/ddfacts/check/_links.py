"""Derivation links on disk for ``ddfacts check``, and the cycles among them.

``ddfacts check`` keeps each record's derivation links (``provenance.derived_from``)
in its spill database (:mod:`ddfacts.check._spill`), in the tables of
:data:`SCHEMA`, and finds the cycles among them there with the one finder on
disk, :func:`ddfacts.validation._linkspill.spilled_cycles` (resolve, prune,
walk: linear in the links), which spilled validation runs share.  As a dict
assigned record by record would, an id fed more than once has the links of
its last record.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..validation import _linkspill
from ..validation._linkspill import INSERTS, SCHEMA

__all__ = ["INSERTS", "SCHEMA", "WIDE", "spilled_cycles"]

#: Fewer nodes dropped in a pruning round than this, and the rest is left to the walk.
WIDE = _linkspill.WIDE


def spilled_cycles(db: sqlite3.Connection) -> Iterator[list[str]]:
    """The cycles of the links in *db*'s :data:`SCHEMA` tables, as ``find_cycles`` gives them.

    Each cycle is the ids from the node a back edge returns to, to the node
    it leaves; of cycles on the same nodes, only the first found; an id's
    node has its last record's links.  Every row must have been written.
    """
    return _linkspill.spilled_cycles(db, wide=WIDE)
