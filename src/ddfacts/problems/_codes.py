"""The registry of problem codes: every code ddfacts can report, its level and severity.

Validation, :func:`ddfacts.check`, :func:`ddfacts.imports.from_webannotation`
and :meth:`ddfacts.TextStore.problem` all report from this one table, and a
defect has one code whoever finds it (``check`` reports a role the event type
does not allow as ``vocab.role-not-allowed``, as validation does).
``docs/problems.md`` documents exactly these codes (a test keeps the two in
step).  Problems are made only through :func:`problem`, which refuses an
unregistered code, so a new rule cannot ship undocumented.
"""

from __future__ import annotations

import enum

import attrs

from ._report import Location, Problem, Severity

__all__ = ["ALL_LEVELS", "CODES", "CodeInfo", "Level", "problem"]


class Level(str, enum.Enum):
    """A validation level; each can be selected on its own."""

    #: The JSON Schemas, one record at a time.
    SHAPE = "shape"
    #: Ids unique; every referenced id exists and has the right type.
    REFS = "refs"
    #: Times, quantities, anchors' spans, ratings, vocabulary coherence, cycles.
    MEANING = "meaning"
    #: Statements against their sources' texts (needs a text store).
    ANCHORS = "anchors"


#: Every level, in the order they are described.
ALL_LEVELS = frozenset(Level)


@attrs.frozen
class CodeInfo:
    """What a problem code means: the level that reports it, its severity, one line."""

    #: Validation's ``input`` (reading the file), ``shape``, ``refs``, ``meaning`` or
    #: ``anchors``; ``check`` (:func:`ddfacts.check` only) or ``import`` (importers).
    level: str
    #: The severity problems with this code have.
    severity: Severity
    #: What it means, in one line.
    meaning: str
    #: The severity of this defect's graver cases, if it has them (else None): a
    #: contradiction within one voice is an error, between two a warning.
    graver: Severity | None = None

    @property
    def severities(self) -> tuple[Severity, ...]:
        """Every severity a problem with this code may have, the usual one first."""
        return (self.severity,) if self.graver is None else (self.severity, self.graver)


_E, _W = Severity.ERROR, Severity.WARNING

#: Every problem code, by code.
CODES: dict[str, CodeInfo] = {
    # reading the input: always checked
    "file.missing": CodeInfo("input", _E, "The file or folder does not exist."),
    "file.unreadable": CodeInfo("input", _E, "The file exists but cannot be read."),
    "file.no-fact-files": CodeInfo("input", _E, "A folder holds no fact files."),
    "file.empty": CodeInfo("input", _E, "The file is empty or holds only white space."),
    "file.binary": CodeInfo("input", _E, "The file holds NUL bytes: it is binary, not JSON."),
    "file.not-fact-file": CodeInfo("input", _E, "Valid JSON, but not a fact file."),
    "file.version": CodeInfo("input", _E, "The fact file's format version is not supported."),
    "file.unknown-member": CodeInfo(
        "input", _E, "The fact file has a member other than ddfacts, records and x-…."
    ),
    "json.encoding": CodeInfo("input", _E, "The bytes are not valid UTF-8."),
    "json.bom": CodeInfo("input", _E, "The file starts with a UTF-8 byte-order mark."),
    "json.syntax": CodeInfo("input", _E, "The text is not valid JSON."),
    "json.duplicate-key": CodeInfo(
        "input", _E, "One object has the same key twice (ambiguous JSON)."
    ),
    "json.constant": CodeInfo("input", _E, "NaN, Infinity or a number too large for a float."),
    "json.depth": CodeInfo("input", _E, "Arrays and objects nest deeper than the limit (64)."),
    "json.number": CodeInfo("input", _E, "A number literal is longer than the limit (64)."),
    "json.surrogate": CodeInfo(
        "input", _E, "A string holds a lone UTF-16 surrogate escape (\\ud800-\\udfff)."
    ),
    "file.line-too-long": CodeInfo("input", _E, "A JSON Lines line is longer than 16 MiB."),
    "file.too-large": CodeInfo("input", _E, "A JSON document is larger than 4 GiB."),
    # shape: the JSON Schemas
    "shape.record-type": CodeInfo("shape", _E, "A record's type is missing or unknown."),
    "shape.required": CodeInfo("shape", _E, "A required member is missing."),
    "shape.type": CodeInfo("shape", _E, "A value has the wrong JSON type."),
    "shape.pattern": CodeInfo(
        "shape", _E, "A string does not have the required form (an id, a language tag, a date…)."
    ),
    "shape.enum": CodeInfo("shape", _E, "A value is not one of the allowed values."),
    "shape.additional": CodeInfo(
        "shape", _E, "An object has a member the schema does not know (extensions start with x-)."
    ),
    "shape.range": CodeInfo("shape", _E, "A number is below its minimum or above its maximum."),
    "shape.length": CodeInfo("shape", _E, "A string, array or object is too short or too long."),
    "shape.any-of": CodeInfo("shape", _E, "A value fits none of the allowed alternatives."),
    "shape.format": CodeInfo(
        "shape", _E, "A date or date-time has the right form but is not a real calendar time."
    ),
    "shape.invalid": CodeInfo("shape", _E, "The value breaks another schema rule."),
    "id.too-long": CodeInfo("shape", _E, "An id is longer than the limit (200 characters)."),
    # refs: the whole run
    "ref.duplicate-id": CodeInfo("refs", _E, "Two records share an id."),
    "ref.missing": CodeInfo("refs", _E, "A referenced id is not the id of any record in the run."),
    "ref.wrong-type": CodeInfo("refs", _E, "A referenced id names a record of the wrong type."),
    # meaning: one record, then the whole run
    "meaning.time-order": CodeInfo("meaning", _E, "A time's earliest bound is after its latest."),
    "meaning.time-precision": CodeInfo("meaning", _E, "A time's bounds do not fit its precision."),
    "meaning.time-edtf": CodeInfo(
        "meaning", _E, "A time's EDTF is not EDTF, or stands for other bounds than the time's."
    ),
    "meaning.quantity-bounds": CodeInfo(
        "meaning",
        _E,
        "A quantity's lower bound is above its upper, its amount outside them, "
        "or a number no 64-bit float holds.",
    ),
    "meaning.quantity-qualifier": CodeInfo(
        "meaning", _E, "A quantity's bounds do not fit its qualifier."
    ),
    "meaning.anchor-span": CodeInfo(
        "meaning", _E, "An anchor's span does not match its quote's length."
    ),
    "meaning.rating-scale": CodeInfo(
        "meaning", _E, "A review's rating lies outside its scale, or the scale is empty."
    ),
    "meaning.operated-by": CodeInfo(
        "meaning", _E, "An actor that is not an account has operated_by."
    ),
    "meaning.account-operator": CodeInfo("meaning", _W, "An account does not say who operates it."),
    "meaning.single-valued": CodeInfo(
        "meaning",
        _W,
        "One source gives a single-valued property two values for one subject at one time.",
    ),
    "meaning.cycle": CodeInfo("meaning", _E, "Derivation links or operated_by links form a cycle."),
    "meaning.claim-content": CodeInfo(
        "meaning", _E, "A claim has part of a subject-property-value triple, or no content at all."
    ),
    "meaning.attribution-forms": CodeInfo(
        "meaning", _E, "An attribution has both a chain of hops and the 1.0 via/translated_by."
    ),
    "meaning.members-overlap": CodeInfo(
        "meaning", _E, "A claim's members name one member as both named and excluded."
    ),
    "meaning.refines-mismatch": CodeInfo(
        "meaning",
        _E,
        "A claim refines one with another subject or property, or one with no count to narrow.",
    ),
    "meaning.rank-position": CodeInfo(
        "meaning", _E, "A rank's position is not a whole number from 1."
    ),
    "meaning.quantity-rounding": CodeInfo(
        "meaning", _E, "A quantity's rounded_to is not positive, or has no amount to round."
    ),
    "meaning.invalid": CodeInfo(
        "meaning", _E, "The record cannot be built for another reason (a safety net)."
    ),
    "vocab.unknown-actor-type": CodeInfo(
        "meaning", _E, "An actor's kind is not in the vocabulary."
    ),
    "vocab.unknown-event-type": CodeInfo(
        "meaning", _E, "An event's type is not in the vocabulary."
    ),
    "vocab.unknown-role": CodeInfo("meaning", _E, "A participant role is not in the vocabulary."),
    "vocab.role-not-allowed": CodeInfo(
        "meaning", _E, "A participant role is not allowed for the event's type."
    ),
    "vocab.unknown-property": CodeInfo(
        "meaning", _E, "A claim's property is not in the vocabulary."
    ),
    "vocab.value-type": CodeInfo(
        "meaning", _E, "A claim's value is not of its property's value type."
    ),
    "vocab.unit": CodeInfo("meaning", _E, "A quantity's unit is not its property's unit."),
    "vocab.subject-type": CodeInfo(
        "meaning", _E, "A claim's property does not apply to its subject's type."
    ),
    "vocab.entity-type": CodeInfo(
        "meaning", _E, "A claim's entity value is not of a type its property allows."
    ),
    # anchors: with a text store
    "anchor.text-missing": CodeInfo(
        "anchors", _W, "The text store has no text for a source, so its anchors are not checked."
    ),
    "anchor.text-refused": CodeInfo(
        "anchors", _E, "The text store refuses a source's text (escaping path, not UTF-8)."
    ),
    "anchor.mismatch": CodeInfo(
        "anchors", _E, "A statement's quote does not stand at its offsets."
    ),
    "anchor.out-of-range": CodeInfo(
        "anchors", _E, "A statement's offsets run past the end of the text."
    ),
    "anchor.context": CodeInfo(
        "anchors", _W, "A statement's prefix or suffix differs from the text around the quote."
    ),
    "source.hash-mismatch": CodeInfo("anchors", _E, "A source's sha256 differs from its text's."),
    "source.length-mismatch": CodeInfo("anchors", _E, "A source's length differs from its text's."),
    # check: what a FactSet says against itself (ddfacts.check only)
    "check.contradiction": CodeInfo(
        "check",
        _W,
        "Two claims give a single-valued property values that cannot both be true at one time "
        "(an error when one source says both in one voice).",
        graver=_E,
    ),
    "check.hedged": CodeInfo(
        "check",
        _W,
        "A hedged claim (probable or possible) disagrees with another: not a contradiction.",
    ),
    "check.rank-conflict": CodeInfo(
        "check",
        _W,
        "Two subjects hold one position of a ranking untied, or one subject two positions "
        "(an error when one source says both in one voice).",
        graver=_E,
    ),
    "check.refinement": CodeInfo(
        "check", _E, "A figure refining another ('6 of the 15') is larger than the one it refines."
    ),
    "check.unsupported": CodeInfo(
        "check", _E, "A claim's figure or date is written in none of its evidence quotes."
    ),
    "check.no-evidence": CodeInfo(
        "check", _E, "A claim put in a speaker's mouth cites no evidence statement."
    ),
    "check.attribution": CodeInfo(
        "check", _W, "A claim a source quotes, reports or disputes names no speaker."
    ),
    # import: annotations that cannot become statements
    "import.not-annotation": CodeInfo("import", _E, "An item is not an annotation object."),
    "import.no-target": CodeInfo("import", _E, "An annotation has no target source IRI."),
    "import.no-selector": CodeInfo("import", _E, "An annotation's target has no text selector."),
    "import.no-text": CodeInfo(
        "import", _E, "The text store has no usable text for an annotation's source."
    ),
    "import.orphaned": CodeInfo(
        "import", _E, "An annotation's quote cannot be placed in its source's text."
    ),
    "import.duplicate-id": CodeInfo("import", _E, "Two annotations name the same statement id."),
    # import: ClaimReview markup that cannot become claims and reviews
    "import.not-claimreview": CodeInfo(
        "import", _E, "An item of a ClaimReview feed is not a JSON object."
    ),
    "import.no-claim-text": CodeInfo(
        "import",
        _E,
        "A ClaimReview names no claim text (claimReviewed), so nothing is imported from it.",
    ),
    "import.no-rating": CodeInfo(
        "import",
        _E,
        "A ClaimReview has no rating (neither ratingValue nor alternateName): its claim is "
        "imported, the review is not.",
    ),
    "import.rating-label-only": CodeInfo(
        "import",
        _E,
        "A ClaimReview's rating has only a label, no value on a scale: its claim is imported, the"
        " review is not.",
    ),
    "import.bad-rating": CodeInfo(
        "import",
        _E,
        "A ClaimReview's rating is not a number or lies off its scale: the review is not imported.",
    ),
    "import.no-reviewer": CodeInfo(
        "import",
        _E,
        "A ClaimReview names no author (the fact-checker): the review is not imported.",
    ),
    "import.bad-party": CodeInfo(
        "import",
        _W,
        "An author in ClaimReview markup has no name or url, or is not a name or an object: left "
        "out.",
    ),
    "import.bad-appearance": CodeInfo(
        "import", _W, "A claim's appearance has no url to name its source by: left out."
    ),
    "import.bad-date": CodeInfo(
        "import", _W, "A date in ClaimReview markup names no single day: left out."
    ),
    "import.relative-url": CodeInfo(
        "import", _W, "A URL in ClaimReview markup is relative and no base URL is known: left out."
    ),
    "import.item-too-large": CodeInfo(
        "import", _E, "One item of a streamed JSON-LD feed is larger than the line limit (16 MiB)."
    ),
    "import.unreadable": CodeInfo(
        "import", _E, "An imported file cannot be read (not UTF-8, or an I/O error)."
    ),
}


def problem(
    code: str,
    message: str,
    location: Location,
    *,
    records: tuple[str, ...] = (),
    context: tuple[Problem, ...] = (),
    excerpt: str | None = None,
    severity: Severity | None = None,
) -> Problem:
    """A problem with a registered *code* and that code's severity.

    *severity*, when given, must be one the code has (:attr:`CodeInfo.severities`):
    a rule says which case it found, never a severity of its own.

    Raises:
        KeyError: *code* is not registered (a bug in a check, never bad input).
        ValueError: *code* never has *severity* (a bug too).
    """
    info = CODES[code]
    if severity is None:
        severity = info.severity
    elif severity not in info.severities:
        raise ValueError(f"{code} is never a {severity.value}")
    return Problem(
        code=code,
        severity=severity,
        message=message,
        location=location,
        records=records,
        context=context,
        excerpt=excerpt,
    )
