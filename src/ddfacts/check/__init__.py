"""Check what a FactSet says against itself: contradictions, unsupported figures, roles.

:func:`check` runs every rule below and returns a :class:`~ddfacts.problems.Report`
whose problems name, in ``records`` and in the message, every record involved.

=========================== ======== =================================================
Code                        Severity What it finds
=========================== ======== =================================================
``check.contradiction``     warning  Two claims of a single-valued property about the
                                     same subject, at overlapping as-of times (or both
                                     timeless), whose values cannot both be true:
                                     disjoint quantity intervals, times that cannot
                                     overlap, different entities, different texts.
                                     Two sources or speakers disagreeing is
                                     information about the world, not a fault of the
                                     fact file, so it is a warning; it is an error
                                     when one source gives both in one speaker's
                                     voice (a recording mistake, or a source at odds
                                     with itself that deserves a look).
``check.unsupported``       error    A claim's figure (its quantity) or date (its time
                                     value) is not written in any of its evidence
                                     quotes (see :mod:`ddfacts.check._support` for what
                                     counts).
``check.no-evidence``       error    A claim put in a speaker's mouth with no evidence
                                     statement.
``check.attribution``       warning  A claim a source quotes, paraphrases, reports,
                                     disputes or translates, with no speaker.
``vocab.role-not-allowed``  error    An event participant whose role the event type
                                     (or a broader one) does not allow (the code
                                     validation gives it).
``anchor.mismatch``         error    With texts: a claim's evidence quote no longer
                                     stands at its offsets in its source's text;
                                     ``anchor.out-of-range`` when the offsets run
                                     past the end of the text;
                                     ``anchor.text-refused`` (once, at the Source,
                                     with the reason) when the store refuses the
                                     text (wrong hash or length, not UTF-8, a path
                                     leaving the folder or one the system cannot
                                     open), whose quotes are then not checked.
``meaning.cycle``           error    Records derived from each other in a circle.
=========================== ======== =================================================

The format 1.1 fields (issue 16): claims about different members of a
subject (the group itself, each or the average member, a ``where``
condition, a ``refines`` figure) are never compared, and a negated claim
contradicts the positive one it denies.  When either claim of a
disagreement is hedged (certainty probable or possible) it is the warning
``check.hedged``, not a contradiction.  ``check.rank-conflict`` (a warning,
an error in one voice) finds, in one ranking (equal Ranking values), two
subjects at one position, neither tied, or one subject at two positions;
``check.refinement`` (an error) a figure refining another ("6 of the 15")
that is larger than it.

A defect validation also finds has validation's code (every code is in
:data:`ddfacts.problems.CODES`, level ``check`` for the first four).
References that do not resolve and unknown vocabulary terms are left to
:func:`ddfacts.validate`; a rule skips what it cannot resolve.

The rules run over records fed one at a time (:class:`CheckRun`), keeping
only what they need, never the records: :func:`check` feeds a FactSet's
records, and ``ddfacts check`` streams JSON Lines files through the same run
with what the rules keep spilled to disk, and sorts the problems on disk and
writes the report as it reads them back (:meth:`CheckRun.problems`), so its
memory does not grow with the file nor with the problems found.
"""

from __future__ import annotations

from ._run import (
    CheckRun,
    check,
)

__all__ = [
    "CheckRun",
    "check",
]
