"""Import other tools' records: W3C Web Annotations as Statements, ClaimReview as Reviews.

:func:`from_claimreview` (and its streamed form :func:`iter_claimreview`)
reads schema.org ClaimReview markup, JSON-LD or the JSON-LD blocks of an
HTML page, as Claims, Reviews, Actors and Sources (see
:mod:`ddfacts.imports._claimreview` for the mapping); :func:`merge_records`
merges an import into an existing fact set by id.

:func:`from_webannotation` reads an AnnotationCollection, an AnnotationPage,
one Annotation, a JSON array of them, or a Hypothesis API search result
(``{"rows": [...]}``), and anchors each annotation in its source's text:

1. its TextPositionSelector, read as code points (ddfacts, W3C) or as UTF-16
   code units (the Hypothesis client, a JavaScript program), converted and
   kept only when the text there is the TextQuoteSelector's ``exact`` quote.
   With ``offsets="auto"`` both readings are tried, the Hypothesis one first
   for Hypothesis annotations (they carry ``user`` or ``uri``);
2. otherwise the quote, re-anchored with :meth:`ddfacts.Anchor.relocate`
   (context, then nearness to the given position; normalized and approximate
   matches only with a clear margin).

The target IRI names the source: a Source given in *sources* with that
``url`` (or with that ``urn:ddfacts:`` IRI); else ``urn:ddfacts:source:x``
is ``source:x``; else the source gets the id ``source:<host>/<path>`` made
from the IRI, and its text is looked up under that id (``<host>/<path>.txt``
in a :class:`~ddfacts.TextStore` folder).  A statement keeps the id in a
``urn:ddfacts:statement:`` annotation id; any other annotation gets the
default id (:func:`ddfacts.anchors.statement_id`).  Each statement's
provenance says how it was anchored.  Annotations that cannot be imported are
reported as problems (codes ``import.*``, registered in
:data:`ddfacts.problems.CODES` and listed in ``docs/problems.md``), never guessed.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._anchoring import OffsetUnit
from ._crrun import (
    ClaimReviewImport,
    ImportSummary,
    MergeResult,
    from_claimreview,
    iter_claimreview,
    merge_records,
)
from ._webannotation import ImportResult, from_webannotation, source_id_for_iri

__all__ = [
    "ClaimReviewImport",
    "ImportResult",
    "ImportSummary",
    "MergeResult",
    "OffsetUnit",
    "from_claimreview",
    "from_webannotation",
    "iter_claimreview",
    "merge_records",
    "source_id_for_iri",
]
