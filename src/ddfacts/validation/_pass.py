"""The per-record pass: every record of the inputs, checked on its own, as a typed row.

The records come from the one reader (:func:`ddfacts.jsonio._inputs.read_inputs`).
Each record first goes through the fast pass
(:class:`~ddfacts.validation._scan.Scanner`); a record it cannot prove clean
goes through the exact checks (:func:`~ddfacts.validation.check_record`).
Either way the record becomes one :class:`~ddfacts.validation._rows.Row`;
reading problems pass through as they are met.  Other processes and machines
run the same pass on their share of the input (:mod:`~ddfacts.validation._parallel`,
:mod:`~ddfacts.validation._dask`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Union

from ..jsonio._inputs import Input, read_inputs
from ..jsonio._reader import Parsed
from ..problems import Level, Location, Problem
from ..vocabulary import Vocabulary
from ._record import check_record, summarize
from ._rows import ANCHORED_TYPES, Row, row_of_result
from ._scan import Scanner

__all__ = ["Checked", "checked", "rows"]

#: Build a row without its class call's keyword machinery (once a record).
_new = tuple.__new__

#: What the per-record pass yields: a reading problem, or a record's row.
Checked = Union[Problem, Row]  # noqa: UP007 - a runtime alias


def rows(
    items: Iterable[Parsed | Problem], vocab: Vocabulary, levels: frozenset[Level], summaries: bool
) -> Iterator[Checked]:
    """The per-record pass over parsed records: the fast pass, the exact checks when unsure.

    With *summaries*, sources' and statements' rows carry the summary the
    anchors level needs.
    """
    facts_of = Scanner(vocab).facts
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        value, file, line, pointer, text = item
        facts = facts_of(value)
        if facts is None:
            location = Location(file=file, line=line, pointer=pointer)
            result = check_record(value, location, vocab, levels)
            yield row_of_result(result, text, summary=summaries)
            continue
        summary = None
        if summaries and facts.type in ANCHORED_TYPES:
            summary = summarize(value, Location(file=file, line=line, pointer=pointer))
        yield _new(Row, ((), facts, file, line, pointer, text, summary))


def checked(
    source: Input | Iterable[Input],
    vocab: Vocabulary,
    levels: frozenset[Level],
    *,
    summaries: bool = False,
) -> Iterator[Checked]:
    """The per-record pass over the inputs, in order, in this process.

    With *summaries*, sources' and statements' rows carry the summary the
    anchors level needs.
    """
    return rows(read_inputs(source), vocab, levels, summaries)
