"""ddfacts: typed, validated, citable records of what documents say.

Load a fact file, look things up, write it back::

    import ddfacts

    facts = ddfacts.load("examples/demo/demo.facts.json")
    for claim in facts.claims:
        print(claim.subject, claim.property, claim.value)
    ddfacts.dump(facts, "copy.facts.json")

The root holds what a user's program needs: the records and the values they
are made of, :class:`FactSet`, reading and writing files, the operations
(:func:`validate`, :func:`check`, :func:`query`, :func:`timeline`,
:func:`cite`, :func:`reanchor`, :func:`parse_time`, :func:`parse_quantity`,
:func:`suggest`), what they return, and the exceptions they raise; authoring
(:class:`Document`) and the SQLite store (:class:`FactStore`).  The rest lives in
the public module of its topic: :mod:`ddfacts.cite` (text fragments),
:mod:`ddfacts.timeline`, :mod:`ddfacts.errors` (every exception),
:mod:`ddfacts.problems` (the code registry), :mod:`ddfacts.limits` (input limits),
:mod:`ddfacts.export`, :mod:`ddfacts.imports`, :mod:`ddfacts.store`,
:mod:`ddfacts.html` (extra ``html``), :mod:`ddfacts.strategies`.
"""

from __future__ import annotations

from ._version import __version__
from .anchors import Anchor, Relocation
from .authoring import Document
from .check import check
from .cite import Citation, cite
from .errors import (
    AmbiguousQuoteError,
    CiteError,
    DdfactsError,
    DuplicateIdError,
    LoadError,
    QuantityParseError,
    QuoteNotFoundError,
    StoreError,
    TextStoreError,
    TimeParseError,
    VocabularyError,
)
from .factset import FactSet
from .jsonio import (
    FORMAT_VERSION,
    dump,
    dumps,
    from_json,
    iter_records,
    load,
    loads,
    migrate,
    to_json,
)
from .problems import Location, Problem, Report, Severity
from .provenance import Activity, Derivation, DerivationKind, Method, Provenance
from .quantities import Qualifier, Quantity, parse_quantity
from .query import query
from .reanchoring import ReanchorResult, ReanchorRow, reanchor
from .records import (
    Actor,
    Attribution,
    Certainty,
    Claim,
    Condition,
    Event,
    Hop,
    Identifier,
    LinkKind,
    Members,
    Mode,
    Name,
    Participant,
    Proposition,
    Rank,
    Ranking,
    RankOrder,
    Rating,
    Record,
    Ref,
    Review,
    Role,
    Scope,
    Source,
    SourceLink,
    Statement,
)
from .store import FactStore
from .suggest import suggest
from .textstore import TextStore
from .timeline import TimelineEntry, timeline
from .times import Precision, ResolvedAgainst, TimeSpan, parse_time
from .validation import validate
from .vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "FORMAT_VERSION",
    "Activity",
    "Actor",
    "AmbiguousQuoteError",
    "Anchor",
    "Attribution",
    "Certainty",
    "Citation",
    "CiteError",
    "Claim",
    "Condition",
    "DdfactsError",
    "Derivation",
    "DerivationKind",
    "Document",
    "DuplicateIdError",
    "Event",
    "FactSet",
    "FactStore",
    "Hop",
    "Identifier",
    "LinkKind",
    "LoadError",
    "Location",
    "Members",
    "Method",
    "Mode",
    "Name",
    "Participant",
    "Precision",
    "Problem",
    "Proposition",
    "Provenance",
    "Qualifier",
    "Quantity",
    "QuantityParseError",
    "QuoteNotFoundError",
    "Rank",
    "RankOrder",
    "Ranking",
    "Rating",
    "ReanchorResult",
    "ReanchorRow",
    "Record",
    "Ref",
    "Relocation",
    "Report",
    "ResolvedAgainst",
    "Review",
    "Role",
    "Scope",
    "Severity",
    "Source",
    "SourceLink",
    "Statement",
    "StoreError",
    "TextStore",
    "TextStoreError",
    "TimeParseError",
    "TimeSpan",
    "TimelineEntry",
    "Vocabulary",
    "VocabularyError",
    "__version__",
    "check",
    "cite",
    "dump",
    "dumps",
    "from_json",
    "iter_records",
    "load",
    "load_vocabulary",
    "loads",
    "migrate",
    "parse_quantity",
    "parse_time",
    "query",
    "reanchor",
    "suggest",
    "timeline",
    "to_json",
    "validate",
]
