"""One pass over the records for the site: problems and lookups, kept on disk.

The site shows the problems of ``validate`` and ``check`` beside the records
they name, and needs lookups across records (:mod:`._sitedb`).  All of them
come from one pass over the records in file order, whatever holds them (a
:class:`~ddfacts.FactSet` in memory, a :class:`~ddfacts.store.FactStore` read
a page at a time): each record is handed to the validation run (as the JSON
value ``validate`` reads from a FactSet, at ``/records/N``), to a
:class:`~ddfacts.check.CheckRun` that spills what it keeps to disk, and to
the site index, and is then let go.  Problems stream into the
:class:`~._problems.ProblemStore`, which sorts them into report order on
disk: no report is held whole.  The validation run spills too
(``problems_of(..., spill=True)``): its id index, single-valued claim groups,
counted claims and problems (:mod:`~ddfacts.validation._spillmap`), its
derivation and ``operated_by`` links, whose cycles are found on disk
(:mod:`~ddfacts.validation._linkspill`, the finder ``check`` uses), and the
anchors level's source and statement summaries
(:class:`~ddfacts.validation._anchorspill.AnchorSpill`, read back one source
at a time) live in temporary SQLite files; where each record is takes a few
machine integers for the whole run (:class:`~ddfacts.validation._places.Runs`).
What stays in memory is the batches being written, the page caches (each at
most :data:`~ddfacts._scratchdb.CACHE_KIB`, 2 MB, or less), one source's
statements and text, and the whole-set pass's references to ids not met yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..check import CheckRun
from ..jsonio._codec import unstructure
from ..jsonio._reader import Parsed
from ..problems import ALL_LEVELS
from ..textstore import TextLookup
from ..validation._pass import rows
from ..validation._run import parse_levels, problems_of
from ..vocabulary import default_vocabulary
from ._model import Facts
from ._problems import ProblemStore
from ._sitedb import SiteIndex

__all__ = ["gather"]


def gather(
    facts: Facts, texts: TextLookup | None, problems: ProblemStore, site: SiteIndex
) -> list[tuple[str, int]]:
    """Feed every record of *facts* to validation, check and *site*; the counts by type.

    *problems* gets validation's problems, then those of check validation did
    not give; both stores are sealed when the pass is done.
    """
    vocab = default_vocabulary()
    levels = parse_levels(ALL_LEVELS)
    run = CheckRun(texts, vocab, spill=True)
    counts: dict[str, int] = {}

    def parsed() -> Iterator[Parsed]:
        for ordinal, record in enumerate(facts):
            counts[record.type] = counts.get(record.type, 0) + 1
            run.add(record)
            site.add(record, ordinal)
            problems.name(ordinal, record.id)
            yield Parsed(unstructure(record), None, None, f"/records/{ordinal}", None)

    checked = rows(parsed(), vocab, levels, texts is not None)
    problems.add(problems_of(checked, vocab, levels, store=texts, spill=True))
    problems.add(run.problems(), fresh_only=True)  # the run lets go of what it kept
    problems.seal()
    site.seal()
    return sorted(counts.items())
