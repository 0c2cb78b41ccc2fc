"""The public surface: a snapshot of each public ``__all__``, every name documented.

A change to the surface shows up here as a diff: update the snapshot on purpose,
and say so in the changelog.
"""

from __future__ import annotations

import importlib
import inspect

import pytest

SURFACE = {
    "ddfacts": [
        "Activity", "Actor", "Anchor", "Attribution", "Citation", "CiteError", "Claim",
        "DdfactsError", "Derivation", "DerivationKind", "DuplicateIdError", "EntryKind", "Event",
        "FORMAT_VERSION", "FactSet", "Identifier", "LinkKind", "LoadError", "Location", "Method",
        "Mode", "Name", "Participant", "Passage", "Precision", "Problem", "Provenance",
        "Qualifier", "Quantity", "QuantityParseError", "QuoteNotFoundError", "Rating", "Record",
        "Ref", "Relocation", "Report", "ResolvedAgainst", "Review", "Role", "Severity", "Source",
        "SourceLink", "Statement", "TextDirective", "TextDirectiveError", "TextStore",
        "TextStoreError", "TimeParseError", "TimeSpan", "TimelineEntry", "Vocabulary",
        "VocabularyError", "__version__", "check", "cite", "dump", "dumps", "from_json",
        "iter_records", "load", "load_vocabulary", "loads", "parse_quantity", "parse_time",
        "query", "text_fragment", "timeline", "to_json", "validate",
    ],
    "ddfacts.strategies": [
        "actors", "anchors_in_text", "claims", "events", "fact_sets", "ids", "provenances",
        "quantities", "reviews", "sources", "statements", "texts", "texts_and_statements",
        "time_spans",
    ],
    "ddfacts.export": [
        "ANNO_CONTEXT", "ExportError", "FORMATS", "Format", "PROV_PREFIXES", "SCHEMA_CONTEXT",
        "URN_PREFIX", "csv_tables", "export", "fever_label", "id_of_iri", "iri_of",
        "to_claimreview", "to_fever", "to_prov_json", "to_webannotation", "write_csv",
    ],
}  # fmt: skip


@pytest.mark.parametrize("module", sorted(SURFACE))
def test_snapshot(module: str) -> None:
    """Each public module exports exactly the names of the snapshot."""
    assert sorted(importlib.import_module(module).__all__) == sorted(SURFACE[module])


@pytest.mark.parametrize("module", sorted(SURFACE))
def test_documented(module: str) -> None:
    """Every exported class and function has a docstring."""
    loaded = importlib.import_module(module)
    missing = [
        name
        for name in loaded.__all__
        if (inspect.isclass(obj := getattr(loaded, name)) or inspect.isfunction(obj))
        and not inspect.getdoc(obj)
    ]
    assert missing == []


def test_core_does_not_import_hypothesis() -> None:
    """Importing ddfacts does not import Hypothesis (strategies are an optional extra)."""
    import subprocess
    import sys

    code = "import sys, ddfacts; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
