"""Provenance: who or what recorded a record, when, how, and from what.

Every record may carry one :class:`Provenance`.  Derivation links
(:class:`Derivation`) tie a record to the records or sources it was derived,
quoted or translated from; :class:`Activity` entries log what was done to it
since (re-anchoring, import).
"""

from __future__ import annotations

from .records._provenance import Activity, Derivation, DerivationKind, Method, Provenance

__all__ = ["Activity", "Derivation", "DerivationKind", "Method", "Provenance"]
