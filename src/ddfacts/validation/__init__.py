"""Validation: every problem in a run of fact files, located and explained.

:func:`validate` reads fact files (paths, folders, open files, or a
FactSet), checks every record at the selected levels and returns a
:class:`~ddfacts.problems.Report`.  It never raises on bad data.

The work splits in three, so that it can be spread over processes or an
engine such as Dask:

* per record, :func:`check_record` — a pure function of one raw JSON value,
  its location and the vocabulary — gives the record's own problems (levels
  ``shape`` and ``meaning``) and a small :class:`RecordSummary`; the
  per-record pass (:func:`checked`) tries a fast proof that a record is
  clean first;
* over the whole run, :func:`report_of` takes the per-record results in
  input order and reports duplicate ids, dangling or mistyped references,
  vocabulary coherence across records and cycles (levels ``refs`` and
  ``meaning``);
* with a text store, :func:`anchor_problems` checks statements against
  their sources' texts (level ``anchors``).

Every code is listed, with its level and severity, in :data:`CODES`.  This
package only gathers the public names; the run is in ``_run``, the
per-record pass in ``_pass``, the rules in ``_rules`` (and beside the value
types), the reference table in ``_refs``, the whole-set pass in
``_checker``; reading is :mod:`ddfacts.jsonio`'s one reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import LevelError
from ..jsonio._inputs import FACT_SUFFIXES, RawRecord, iter_raw
from ..problems import ALL_LEVELS, CODES, CodeInfo, Level
from ._anchors import anchor_problems
from ._pass import checked
from ._record import RecordResult, RecordSummary, check_record
from ._run import parse_levels, report_of, validate

if TYPE_CHECKING:
    from ._dask import validate_dask


def __getattr__(name: str) -> object:
    """``validate_dask``, imported on first use (it needs the ``dask`` extra)."""
    if name == "validate_dask":
        from ._dask import validate_dask

        return validate_dask
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ALL_LEVELS",
    "CODES",
    "FACT_SUFFIXES",
    "CodeInfo",
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
]
