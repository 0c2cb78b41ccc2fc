"""The public surface: a snapshot of each public ``__all__``, every public class accounted for.

A public module is one whose dotted path has no component starting with ``_``.
A change to the surface shows up here as a diff: update the snapshot on
purpose (a failure prints the module's new row) and say so in the changelog.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts import _version, errors

SRC = Path(__file__).resolve().parent.parent / "src"


def _module_paths() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted((SRC / "ddfacts").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULE_PATHS = _module_paths()
PUBLIC = sorted(
    name for name in MODULE_PATHS if not any(part.startswith("_") for part in name.split("."))
)

#: Each public module's ``__all__``, sorted: one name a line, so a change is a one-line diff.
SURFACE: dict[str, list[str]] = {
    "ddfacts": [
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
        "FORMAT_VERSION",
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
    ],
    "ddfacts.anchors": [
        "Anchor",
        "CONTEXT_LENGTH",
        "Candidate",
        "Relocation",
        "RelocationMethod",
        "occurrence_of",
        "relocate_all",
        "statement_id",
    ],
    "ddfacts.authoring": [
        "AmbiguousQuoteError",
        "Document",
        "Evidence",
        "combine",
    ],
    "ddfacts.check": [
        "CheckRun",
        "check",
    ],
    "ddfacts.cite": [
        "Citation",
        "CiteError",
        "Passage",
        "TextDirective",
        "TextDirectiveError",
        "cite",
        "text_fragment",
    ],
    "ddfacts.cli": [
        "EXIT_OK",
        "EXIT_PROBLEMS",
        "EXIT_USAGE",
        "main",
        "run",
    ],
    "ddfacts.errors": [
        "AmbiguousQuoteError",
        "CiteError",
        "DdfactsError",
        "DuplicateIdError",
        "EdtfError",
        "EdtfUnsupportedError",
        "ExportError",
        "LevelError",
        "LoadError",
        "QuantityParseError",
        "QuoteNotFoundError",
        "SiteError",
        "StoreError",
        "StructureError",
        "TextDirectiveError",
        "TextStoreError",
        "TimeParseError",
        "UnsupportedSchemaError",
        "VocabularyError",
    ],
    "ddfacts.export": [
        "ANNO_CONTEXT",
        "ExportError",
        "FORMATS",
        "Format",
        "PROV_PREFIXES",
        "SCHEMA_CONTEXT",
        "URN_PREFIX",
        "csv_tables",
        "export",
        "fever_label",
        "id_of_iri",
        "iri_of",
        "to_claimreview",
        "to_fever",
        "to_prov_json",
        "to_webannotation",
        "write_csv",
    ],
    "ddfacts.factset": [
        "FactSet",
    ],
    "ddfacts.html": [
        "SiteError",
        "build",
    ],
    "ddfacts.imports": [
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
    ],
    "ddfacts.jsonio": [
        "FORMAT_VERSION",
        "MAX_DEPTH",
        "dump",
        "dumps",
        "from_json",
        "iter_records",
        "load",
        "loads",
        "migrate",
        "migrate_records",
        "parse_json",
        "to_json",
    ],
    "ddfacts.limits": [
        "MAX_DEPTH",
        "MAX_FILE_BYTES",
        "MAX_ID_LENGTH",
        "MAX_LINE_BYTES",
        "MAX_NUMBER_CHARS",
        "MAX_PHRASE_CHARS",
    ],
    "ddfacts.offsets": [
        "from_utf16",
        "from_utf8",
        "to_utf16",
        "to_utf8",
    ],
    "ddfacts.problems": [
        "ALL_LEVELS",
        "CODES",
        "CodeInfo",
        "Level",
        "Location",
        "Problem",
        "Report",
        "Severity",
        "escape_pointer",
        "pointer_of",
        "problem",
    ],
    "ddfacts.provenance": [
        "Activity",
        "Derivation",
        "DerivationKind",
        "Method",
        "Provenance",
    ],
    "ddfacts.quantities": [
        "APPROXIMATE_TOLERANCE",
        "Number",
        "Qualifier",
        "Quantity",
        "parse_quantity",
    ],
    "ddfacts.query": [
        "claim_matches",
        "filter_records",
        "query",
        "record_times",
        "span_of",
    ],
    "ddfacts.reanchoring": [
        "AGENT",
        "METHODS",
        "ReanchorMethod",
        "ReanchorResult",
        "ReanchorRow",
        "Texts",
        "reanchor",
        "reanchor_statement",
        "rehash",
    ],
    "ddfacts.records": [
        "Actor",
        "Attribution",
        "Certainty",
        "Claim",
        "ClaimValue",
        "Condition",
        "Event",
        "Hop",
        "Identifier",
        "LinkKind",
        "Members",
        "Mode",
        "Name",
        "Participant",
        "Proposition",
        "RECORD_CLASSES",
        "Rank",
        "RankOrder",
        "Ranking",
        "Rating",
        "Record",
        "Ref",
        "Review",
        "Role",
        "Scope",
        "Source",
        "SourceLink",
        "Statement",
    ],
    "ddfacts.records.actor": [
        "Actor",
        "Identifier",
        "Name",
        "Role",
    ],
    "ddfacts.records.claim": [
        "Attribution",
        "Claim",
        "ClaimValue",
        "Rating",
        "Ref",
        "Review",
    ],
    "ddfacts.records.event": [
        "Event",
        "Participant",
    ],
    "ddfacts.records.source": [
        "LinkKind",
        "Source",
        "SourceLink",
    ],
    "ddfacts.records.statement": [
        "Statement",
    ],
    "ddfacts.schemas": [
        "BASE_URI",
        "SCHEMA_FILES",
        "registry",
        "schema",
        "validator",
    ],
    "ddfacts.store": [
        "BuildSummary",
        "FactStore",
        "SearchHit",
        "StoreError",
        "build_store",
        "update_store",
    ],
    "ddfacts.strategies": [
        "actors",
        "anchors_in_text",
        "attributions",
        "claims",
        "events",
        "fact_sets",
        "ids",
        "propositions",
        "provenances",
        "quantities",
        "ranks",
        "reviews",
        "sources",
        "statements",
        "texts",
        "texts_and_statements",
        "time_spans",
    ],
    "ddfacts.suggest": [
        "Coverage",
        "Suggestion",
        "coverage",
        "suggest",
    ],
    "ddfacts.textstore": [
        "TEXT_SUFFIX",
        "TextLookup",
        "TextStore",
        "decode_text",
        "sha256_of",
    ],
    "ddfacts.timeline": [
        "EntryKind",
        "TimelineEntry",
        "timeline",
    ],
    "ddfacts.times": [
        "EdtfError",
        "EdtfUnsupportedError",
        "Precision",
        "ResolvedAgainst",
        "TimeSpan",
        "parse_time",
    ],
    "ddfacts.validation": [
        "ALL_LEVELS",
        "CODES",
        "CodeInfo",
        "FACT_SUFFIXES",
        "Level",
        "LevelError",
        "RawRecord",
        "RecordResult",
        "RecordSummary",
        "anchor_problems",
        "check_record",
        "checked",
        "iter_raw",
        "parse_levels",
        "report_of",
        "validate",
        "validate_dask",
    ],
    "ddfacts.vocabulary": [
        "ActorType",
        "EventType",
        "PropertyType",
        "SHIPPED_FILES",
        "Term",
        "VALUE_TYPES",
        "Vocabulary",
        "VocabularyError",
        "default_vocabulary",
        "load_vocabulary",
    ],
}

#: Classes with a public name that no public module exports, and why: (module.Class) -> reason.
INTERNAL: dict[str, str] = {
    "ddfacts.records._typed.TypedAccessors": "the typed accessors FactSet and FactStore share",
    "ddfacts.authoring._claims.ClaimMaking": "Document's claim-making methods (a mixin)",
    "ddfacts.authoring._html.Extracted": "what the HTML extractor found on a page",
    "ddfacts.html._problems.ProblemStore": "the site build's problems in a temporary SQLite file",
    "ddfacts.check._sorted.SortedProblems": "a check run's problems, sorted on disk in SQLite",
    "ddfacts.validation._anchorspill.AnchorSpill": "per-source anchor summaries on disk",
    "ddfacts.validation._spillmap.MapLike": "what validation's whole-set pass asks of a map",
    "ddfacts.validation._spillmap.SpillBase": "validation's temporary SQLite database for its maps",
    "ddfacts.validation._spillmap.SpillMap": "a dict-like map in a temporary SQLite table",
    "ddfacts.validation._spillmap.SpillSorted": "whole-set problems sorted on disk",
    "ddfacts.validation._cycles.FirstLinks": "an id's first links, in memory, for cycles",
    "ddfacts.validation._cycles.Links": "what the cycle rule asks of a link table",
    "ddfacts.validation._linkspill.LinkSpill": "one graph's links on disk, for cycles",
    "ddfacts.validation._places.Runs": "line numbers and pointers as arithmetic runs",
    "ddfacts.store._decode.Decoder": "decodes a store's records (fast path, strict fallback)",
    "ddfacts.check._keep.Figure": "a quantity claim's figure kept for refinement checks",
    "ddfacts.check._keep.Keeper": "where a check run keeps its state (protocol)",
    "ddfacts.check._keep.MemoryKeeper": "a check run's state kept in memory",
    "ddfacts.check._keep.Pending": "a claim awaiting its evidence in a check run",
    "ddfacts.check._spill.SpillKeeper": "a check run's state spilled to SQLite",
    "ddfacts.cite._match.Shape": "how a text-fragment term must sit on word edges",
    "ddfacts.export._provgraph.Graph": "the PROV export's graph while it is built",
    "ddfacts.html._blocks.Block": "one paragraph of a source page",
    "ddfacts.html._blocks.Mark": "one highlighted statement part",
    "ddfacts.html._blocks.Piece": "a run of text or a mark inside a block",
    "ddfacts.html._charts.Chart": "one SVG chart laid out at build time",
    "ddfacts.html._charts.Shape": "one drawn value of a chart",
    "ddfacts.html._model.CachedFacts": "recently used actors and sources of the site's facts",
    "ddfacts.html._model.Facts": "what the site build reads of a FactSet or FactStore (protocol)",
    "ddfacts.html._sitedb.SiteIndex": "the site build's cross-record lookups, in SQLite",
    "ddfacts.html._scratch.Scratch": "a private SQLite file in a temporary folder",
    "ddfacts.html._paging.Link": "one link of a page navigation",
    "ddfacts.html._paging.Nav": "a paged list's navigation",
    "ddfacts.html._paging.Pager": "one paged list (claims or timeline)",
    "ddfacts.html._paging.Paging": "where each claim and event is shown",
    "ddfacts.html._model.Citing": "what cites one statement",
    "ddfacts.html._model.Index": "the site's lookups over a fact set",
    "ddfacts.html._model.Shown": "a problem as a page shows it",
    "ddfacts.html._pages.ActorIndex": "an actor page's lists, built in one pass",
    "ddfacts.html._pages.Fragment": "a text-fragment link of a highlight",
    "ddfacts.imports._claimreview.ClaimReviewReader": "the ClaimReview mapping of one feed",
    "ddfacts.imports._crfields.Party": "an author or reviewer read from markup",
    "ddfacts.imports._crfields.Trouble": "an oddity of ClaimReview markup",
    "ddfacts.imports._jsonld.Readable": "a streamed JSON-LD source",
    "ddfacts.anchors._search.Occurrences": "a quote's occurrences, counted once",
    "ddfacts.cite._match.Folded": "a text folded once for linear text-fragment matching",
    "ddfacts.cite._match.Queue": "the text-fragment matcher's queue of candidate starts",
    "ddfacts.cite._match.Search": "one text-fragment search over a folded text",
    "ddfacts.cite._match.Term": "one term of a text-fragment directive, folded",
    "ddfacts.imports._anchoring.SplitCharacter": "a UTF-16 offset inside a surrogate pair",
    "ddfacts.imports._anchoring.Utf16Index": "UTF-16 to code-point offsets, built once",
    "ddfacts.jsonio._scan.LongNumber": "a number literal over the limit",
    "ddfacts.jsonio._scan.Marked": "a value to report after decoding",
    "ddfacts.anchors._normalize.Normalized": "relocation's normalized text with its offset map",
    "ddfacts.anchors._search.Query": "what the fuzzy search looks for, inside relocation",
    "ddfacts.check._contradiction.Said": "the contradiction rule's view of a claim",
    "ddfacts.check._texts.Cited": "the text rule's view of a claim with evidence",
    "ddfacts.check._texts.Quote": "the evidence rules' view of a statement",
    "ddfacts.cli._base.Command": "a CLI sub-command's registration; the CLI's API is main()",
    "ddfacts.cli._base.CommandError": "stops a CLI command with an exit code; never escapes main()",
    "ddfacts.cli._progress.Progress": "the CLI's progress line",
    "ddfacts.imports._anchoring.Anchoring": "one annotation's anchoring, inside the importer",
    "ddfacts.jsonio._codec.ClassCodec": "the codec's table for one record class",
    "ddfacts.jsonio._fast._build.GiveUp": "control flow: the fast path hands a value to the codec",
    "ddfacts.jsonio._fast._load.Warming": "the fast loader's warm-up switch",
    "ddfacts.jsonio._fast._schemacompile.Compiler": "generates the fast shape checker's source",
    "ddfacts.jsonio._fields.Kind": "how the codec treats a field, derived from attrs.fields",
    "ddfacts.jsonio._fields.Member": "one JSON member of a record class, derived from attrs.fields",
    "ddfacts.jsonio._reader.Parsed": "one document or line as the reader parsed it",
    "ddfacts.jsonio._reader.Policy": "what the reader tolerates, chosen by its callers",
    "ddfacts.jsonio._run.Origins": "where each record of a run came from (file, line)",
    "ddfacts.jsonio._strict.Fault": "bad JSON text, before it becomes a Problem or a LoadError",
    "ddfacts.times._edtf.ParsedEdtf": "what TimeSpan.from_edtf builds a TimeSpan from",
    "ddfacts.times._period.NotTime": "control flow inside parse_time; users get TimeParseError",
    "ddfacts.times._words.Found": "a time expression as read, before it becomes a TimeSpan",
    "ddfacts.validation._parallel.Chunk": "a range of lines handed to a worker process",
    "ddfacts.validation._record.AnchorFacts": "the anchors level's view of a statement",
    "ddfacts.validation._record.ClaimKey": "the set pass's view of a claim",
    "ddfacts.validation._record.Reference": "one reference of a record, for the reference walk",
    "ddfacts.validation._checker.RunChecker": "validate()'s whole-set pass",
    "ddfacts.validation._scan.Scanner": "validate()'s fast per-record pass",
    "ddfacts.validation._places.Places": "where each record of a run is",
    "ddfacts.validation._refs.Place": "one row of the reference table",
    "ddfacts.validation._refs.Site": "where and how a record refers to another",
    "ddfacts.validation._rows.Facts": "what the whole-set pass needs of a record",
    "ddfacts.validation._rows.ClaimFacts": "what the claim checks need",
    "ddfacts.validation._rows.Row": "one record's result in the per-record pass",
}


def _row(module: str, names: list[str]) -> str:
    """The snapshot row of *module*, as it is written in :data:`SURFACE`."""
    return "".join([f'    "{module}": [\n', *(f'        "{n}",\n' for n in names), "    ],"])


def _exported() -> dict[int, list[str]]:
    """Every object a public module exports, by id, with the names it is exported as."""
    found: dict[int, list[str]] = {}
    for module in PUBLIC:
        loaded = importlib.import_module(module)
        for name in loaded.__all__:
            found.setdefault(id(getattr(loaded, name)), []).append(f"{module}.{name}")
    return found


def _public_classes() -> dict[str, Any]:
    """Every class with a public name defined at the top of a module, by ``module.Class``."""
    found: dict[str, Any] = {}
    for module, path in MODULE_PATHS.items():
        if module.endswith("__main__"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [
            node.name
            for node in tree.body
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_")
        ]
        if names:
            loaded = importlib.import_module(module)
            found.update({f"{module}.{name}": getattr(loaded, name) for name in names})
    return found


def test_every_public_module_is_snapshotted() -> None:
    """The snapshot has a row for each public module, and no row for anything else."""
    rows = "\n".join(
        _row(module, sorted(importlib.import_module(module).__all__))
        for module in PUBLIC
        if module not in SURFACE
    )
    extra = sorted(set(SURFACE) - set(PUBLIC))
    assert sorted(SURFACE) == PUBLIC, f"rows to remove: {extra}; rows to add:\n{rows}"


@pytest.mark.parametrize("module", PUBLIC)
def test_snapshot(module: str) -> None:
    """Each public module has an ``__all__`` holding exactly the names of its row, sorted."""
    loaded = importlib.import_module(module)
    assert hasattr(loaded, "__all__"), f"{module} has no __all__"
    current = sorted(loaded.__all__)
    expected = SURFACE.get(module, [])
    added, removed = sorted(set(current) - set(expected)), sorted(set(expected) - set(current))
    assert current == expected, (
        f"{module}.__all__ changed (added {added}, removed {removed}); "
        f"if on purpose, its row becomes:\n{_row(module, current)}"
    )


@pytest.mark.parametrize("module", PUBLIC)
def test_every_name_exists(module: str) -> None:
    """Every name in a public ``__all__`` is there, and is ddfacts' own (no module, no import)."""
    loaded = importlib.import_module(module)
    missing = [name for name in loaded.__all__ if not hasattr(loaded, name)]
    assert missing == []
    foreign = [
        name
        for name in loaded.__all__
        if inspect.ismodule(obj := getattr(loaded, name))
        or (
            (inspect.isclass(obj) or inspect.isfunction(obj))
            and obj.__module__.split(".")[0] != "ddfacts"
        )
    ]
    assert foreign == []


@pytest.mark.parametrize("module", PUBLIC)
def test_documented(module: str) -> None:
    """A public module, and every class and function it exports, has a docstring of its own."""
    loaded = importlib.import_module(module)
    assert inspect.getdoc(loaded)
    missing = [
        name
        for name in loaded.__all__
        if (
            inspect.isclass(obj := getattr(loaded, name))
            and not (vars(obj).get("__doc__") or "").strip()
        )
        or (inspect.isfunction(obj) and not inspect.getdoc(obj))
    ]
    assert missing == []


def test_every_public_class_is_exported_or_internal() -> None:
    """A class with a public name is exported by a public module or listed as internal."""
    exported = _exported()
    classes = _public_classes()
    hidden = sorted(name for name, cls in classes.items() if id(cls) not in exported)
    unlisted = [name for name in hidden if name not in INTERNAL]
    assert unlisted == [], f"export these from a public module, or add them to INTERNAL: {unlisted}"
    stale = sorted(set(INTERNAL) - set(hidden))
    assert stale == [], f"INTERNAL lists classes that are gone or exported now: {stale}"


def test_exceptions_live_in_errors() -> None:
    """An exception a public module exports is defined in ``ddfacts.errors``, which exports all."""
    defined = {
        name
        for name, obj in vars(errors).items()
        if inspect.isclass(obj)
        and issubclass(obj, BaseException)
        and obj.__module__ == errors.__name__
    }
    assert sorted(defined) == sorted(errors.__all__)
    elsewhere = [
        f"{module}.{name}"
        for module in PUBLIC
        for name in importlib.import_module(module).__all__
        if inspect.isclass(obj := getattr(importlib.import_module(module), name))
        and issubclass(obj, BaseException)
        and obj.__module__ != errors.__name__
    ]
    assert elsewhere == []


def test_every_ddfacts_error_is_in_errors() -> None:
    """No module but ``ddfacts.errors`` defines a subclass of :class:`~ddfacts.DdfactsError`."""
    strays = [
        name
        for name, cls in _public_classes().items()
        if issubclass(cls, ddfacts.DdfactsError) and cls.__module__ != errors.__name__
    ]
    assert strays == []


def test_root_exports_the_error_base_classes() -> None:
    """The root exports the base of every ddfacts exception."""
    assert ddfacts.DdfactsError is errors.DdfactsError
    assert all(issubclass(getattr(errors, name), ddfacts.DdfactsError) for name in errors.__all__)


def test_version_comes_from_one_place() -> None:
    """``ddfacts.__version__`` is ``ddfacts._version``'s, and the installed package's."""
    assert ddfacts.__version__ is _version.__version__
    assert ddfacts.__version__ == metadata.version("ddfacts")


def test_core_does_not_import_hypothesis() -> None:
    """Importing ddfacts does not import Hypothesis (strategies are an optional extra)."""
    code = "import sys, ddfacts; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
