"""Export fact sets to the formats other tools read.

=================  ==========================================================
``webannotation``  W3C Web Annotation JSON-LD: one Annotation per Statement
``prov-json``      W3C PROV-JSON: the provenance graph
``claimreview``    schema.org ClaimReview JSON-LD: one per Review
``fever``          FEVER-style JSON Lines: one row per reviewed Claim
``csv``            a folder of CSV tables, one per record type
=================  ==========================================================

Every export is safe for the program that reads it.  JSON text (JSON-LD,
FEVER) writes ``<``, ``>``, ``&``, U+2028, U+2029 and the C1 controls as
``\\u`` escapes, so it can sit inside an HTML ``<script>`` block: still JSON,
the same data.  A CSV text cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or CR), or that starts with
``'``, gets a leading ``'``: drop it to get the value back (see
:func:`write_csv`).  Lone surrogates, which UTF-8 cannot carry, are written
as U+FFFD.

Every export is deterministic: the same facts give the same bytes.  Records
are named outside ddfacts by an IRI: a Source's ``url`` when it has one,
else ``urn:ddfacts:`` followed by the record's id
(``urn:ddfacts:statement:kalinin-quote``).

    >>> from ddfacts.export import export
    >>> text = export(facts, "claimreview")          # doctest: +SKIP
    >>> export(facts, "csv", out="tables/")          # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import attrs

from .._escape import json_text
from ..errors import ExportError
from ..factset import FactSet
from ..jsonio._files import write_atomic
from ._claimreview import SCHEMA_CONTEXT, to_claimreview
from ._common import URN_PREFIX, canonical_json, id_of_iri, iri_of
from ._csv import csv_tables, write_csv
from ._fever import fever_label, to_fever
from ._prov import PROV_PREFIXES, to_prov_json
from ._webannotation import ANNO_CONTEXT, to_webannotation

__all__ = [
    "ANNO_CONTEXT",
    "FORMATS",
    "PROV_PREFIXES",
    "SCHEMA_CONTEXT",
    "URN_PREFIX",
    "ExportError",
    "Format",
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
]


@attrs.frozen(kw_only=True)
class Format:
    """An export format: its name, what it is, and how to render it."""

    #: The name ``--to`` takes.
    name: str
    #: One line saying what the format is.
    description: str
    #: Renders a fact set as one text; None for a format written as a folder.
    render: Callable[[FactSet], str] | None = None
    #: Writes a fact set into a folder; None for a one-file format.
    write_folder: Callable[[FactSet, Path], object] | None = None
    #: Renders leaving out the records the format cannot carry, telling the
    #: callback why for each; None for a format that carries every record.
    render_skipping: Callable[[FactSet, Callable[[str], None] | None], str] | None = None

    @property
    def is_folder(self) -> bool:
        """Whether the format is a folder of files rather than one text."""
        return self.render is None


def _jsonl(rows: list[dict[str, object]]) -> str:
    return "".join(json_text(row) + "\n" for row in rows)


#: The export formats by name, in the order ``--help`` lists them.
FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format(
            name="webannotation",
            description="W3C Web Annotation JSON-LD (an AnnotationCollection)",
            render=lambda facts: canonical_json(to_webannotation(facts)),
        ),
        Format(
            name="prov-json",
            description="W3C PROV-JSON provenance graph",
            render=lambda facts: canonical_json(to_prov_json(facts)),
        ),
        Format(
            name="claimreview",
            description="schema.org ClaimReview JSON-LD (an array, one per review)",
            render=lambda facts: canonical_json(to_claimreview(facts)),
            render_skipping=lambda facts, on_skip: canonical_json(
                to_claimreview(facts, skip_incomplete=True, on_skip=on_skip)
            ),
        ),
        Format(
            name="fever",
            description="FEVER-style JSON Lines, one row per reviewed claim",
            render=lambda facts: _jsonl(to_fever(facts)),
        ),
        Format(
            name="csv",
            description="a folder of CSV tables, one per record type",
            write_folder=write_csv,
        ),
    )
}


def export(
    facts: FactSet,
    fmt: str,
    *,
    out: str | os.PathLike[str] | None = None,
    skip_incomplete: bool = False,
    on_skip: Callable[[str], None] | None = None,
) -> str | None:
    """Export *facts* in format *fmt*; return the text, or write it to *out* and return None.

    A one-file format is written to *out* atomically when given.  A folder
    format (``csv``) needs *out*, the folder to write into.  A record the
    format cannot carry (a Review without ``url`` in ``claimreview``) is
    refused, or with *skip_incomplete* left out and reported to *on_skip*
    (by default as a :class:`UserWarning`).

    Raises:
        ExportError: *fmt* is not a known format, ``csv`` has no *out*, or a
            record cannot be exported and *skip_incomplete* is false.
        OSError: *out* cannot be written.
    """
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise ExportError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if chosen.render is None:
        if out is None or chosen.write_folder is None:
            raise ExportError(f"the {fmt} format writes a folder: name it with out=")
        chosen.write_folder(facts, Path(out))
        return None
    if skip_incomplete and chosen.render_skipping is not None:
        text = chosen.render_skipping(facts, on_skip)
    else:
        text = chosen.render(facts)
    if out is None:
        return text
    write_atomic(Path(out), text)
    return None
