"""ddfacts: typed, validated, citable records of what documents say.

Load a fact file, look things up, write it back::

    import ddfacts

    facts = ddfacts.load("examples/demo/demo.facts.json")
    for claim in facts.claims:
        print(claim.subject, claim.property, claim.value)
    ddfacts.dump(facts, "copy.facts.json")
"""

from __future__ import annotations

from .anchors._anchor import Anchor
from .anchors._relocate import Relocation
from .check._run import check
from .cite._cite import (
    Citation,
    CiteError,
    Passage,
    TextDirective,
    TextDirectiveError,
    cite,
    text_fragment,
)
from .errors import (
    DdfactsError,
    DuplicateIdError,
    LoadError,
    QuantityParseError,
    QuoteNotFoundError,
    TextStoreError,
    TimeParseError,
)
from .factset import FactSet
from .jsonio._files import (
    FORMAT_VERSION,
    dump,
    dumps,
    from_json,
    iter_records,
    load,
    loads,
    to_json,
)
from .problems import (
    Location,
    Problem,
    Report,
    Severity,
)
from .provenance import Activity, Derivation, DerivationKind, Method, Provenance
from .quantities._value import Qualifier, Quantity, parse_quantity
from .query import query
from .records import (
    Actor,
    Attribution,
    Claim,
    Event,
    Identifier,
    LinkKind,
    Mode,
    Name,
    Participant,
    Rating,
    Record,
    Ref,
    Review,
    Role,
    Source,
    SourceLink,
    Statement,
)
from .textstore import TextStore
from .timeline import EntryKind, TimelineEntry, timeline
from .times._span import (
    Precision,
    ResolvedAgainst,
    TimeSpan,
    parse_time,
)
from .validation import validate
from .vocabulary import Vocabulary, VocabularyError, load_vocabulary

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "Activity",
    "Actor",
    "Anchor",
    "Attribution",
    "Citation",
    "CiteError",
    "Claim",
    "DdfactsError",
    "Derivation",
    "DerivationKind",
    "DuplicateIdError",
    "EntryKind",
    "Event",
    "FactSet",
    "Identifier",
    "LinkKind",
    "LoadError",
    "Location",
    "Method",
    "Mode",
    "Name",
    "Participant",
    "Passage",
    "Precision",
    "Problem",
    "Provenance",
    "Qualifier",
    "Quantity",
    "QuantityParseError",
    "QuoteNotFoundError",
    "Rating",
    "Record",
    "Ref",
    "Relocation",
    "Report",
    "ResolvedAgainst",
    "Review",
    "Role",
    "Severity",
    "Source",
    "SourceLink",
    "Statement",
    "TextDirective",
    "TextDirectiveError",
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
    "parse_quantity",
    "parse_time",
    "query",
    "text_fragment",
    "timeline",
    "to_json",
    "validate",
]
