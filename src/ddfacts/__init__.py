"""ddfacts: typed, validated, citable records of what documents say.

Load a fact file, look things up, write it back::

    import ddfacts

    facts = ddfacts.load("examples/demo/demo.facts.json")
    for claim in facts.claims:
        print(claim.subject, claim.property, claim.value)
    ddfacts.dump(facts, "copy.facts.json")
"""

from __future__ import annotations

from .anchors import Anchor
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
from .jsonio import FORMAT_VERSION, dump, dumps, from_json, iter_records, load, loads, to_json
from .provenance import Activity, Derivation, DerivationKind, Method, Provenance
from .quantities import Qualifier, Quantity
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
from .times import Precision, ResolvedAgainst, TimeSpan

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "Activity",
    "Actor",
    "Anchor",
    "Attribution",
    "Claim",
    "DdfactsError",
    "Derivation",
    "DerivationKind",
    "DuplicateIdError",
    "Event",
    "FactSet",
    "Identifier",
    "LinkKind",
    "LoadError",
    "Method",
    "Mode",
    "Name",
    "Participant",
    "Precision",
    "Provenance",
    "Qualifier",
    "Quantity",
    "QuantityParseError",
    "QuoteNotFoundError",
    "Rating",
    "Record",
    "Ref",
    "ResolvedAgainst",
    "Review",
    "Role",
    "Source",
    "SourceLink",
    "Statement",
    "TextStoreError",
    "TimeParseError",
    "TimeSpan",
    "__version__",
    "dump",
    "dumps",
    "from_json",
    "iter_records",
    "load",
    "loads",
    "to_json",
]
