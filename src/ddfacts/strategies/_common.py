"""What the record strategies share: ids, pools of ids, short texts, provenance.

Internal to :mod:`ddfacts.strategies`; the public names are re-exported there.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..provenance import Activity, Derivation, DerivationKind, Method, Provenance

__all__ = ["KINDS", "LANGUAGES", "TEXT", "evidence", "ids", "pick", "provenances"]

KINDS = ("source", "statement", "actor", "event", "claim", "review")
_SLUG_EDGE = string.ascii_lowercase + string.digits
_SLUG_INNER = _SLUG_EDGE + "-._/"
#: Short free text, any character a JSON string may hold.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
#: A few BCP 47 language tags.
LANGUAGES = st.sampled_from(["en", "ru", "fr", "en-CA", "ru-Latn"])
_UTC_TIMES = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2030, 12, 31),
    timezones=st.just(dt.timezone.utc),
)


@functools.cache
def ids(kind: str) -> st.SearchStrategy[str]:
    """Well-formed ids of record type *kind* (``"actor"`` gives ``actor:…``).

    Shrinks towards ``<kind>:0``.
    """
    if kind not in KINDS:
        raise InvalidArgument(f"kind must be one of {KINDS}, got {kind!r}")
    edge = st.sampled_from(_SLUG_EDGE)
    inner = st.text(st.sampled_from(_SLUG_INNER), max_size=12)
    short = edge.map(lambda first: f"{kind}:{first}")
    longer = st.tuples(edge, inner, edge).map(lambda parts: f"{kind}:{''.join(parts)}")
    return st.one_of(short, longer)


def pick(pool: Sequence[str]) -> st.SearchStrategy[str]:
    """One id of a non-empty *pool*."""
    if not pool:
        raise InvalidArgument("expected a non-empty pool of ids to pick from")
    return st.sampled_from(list(pool))


def evidence(statement_ids: Sequence[str] | None) -> st.SearchStrategy[list[str]]:
    """Evidence lists: random statement ids (None), picked from a pool, or none (empty pool)."""
    if statement_ids is None:
        return st.lists(ids("statement"), max_size=2)
    if not statement_ids:
        return st.just([])
    return st.lists(st.sampled_from(list(statement_ids)), max_size=2)


@functools.cache
def provenances() -> st.SearchStrategy[Provenance]:
    """Provenance records: agent, tool, time, method, confidence, derivations, history."""
    return st.builds(
        Provenance,
        agent=st.none() | TEXT,
        tool=st.none() | st.just("ddfacts"),
        tool_version=st.none() | st.just("0.1.0"),
        recorded=st.none() | _UTC_TIMES,
        method=st.sampled_from(Method),
        confidence=st.none() | st.floats(0, 1),
        derived_from=st.lists(
            st.builds(
                Derivation,
                kind=st.sampled_from(DerivationKind),
                target=st.sampled_from(KINDS).flatmap(ids),
            ),
            max_size=2,
        ),
        history=st.lists(
            st.builds(
                Activity,
                activity=st.just("reanchored"),
                at=st.none() | _UTC_TIMES,
                agent=st.none() | TEXT,
                note=st.none() | TEXT,
            ),
            max_size=2,
        ),
    )
