"""The Web Annotation importer: each annotation through named steps to a Statement.

An annotation becomes a statement in four steps, each of which may stop it
with a problem (codes ``import.*``): find its target and selectors, find its
source and the source's text, anchor it in the text, give it an id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._version import __version__
from ..anchors import Anchor, statement_id
from ..errors import TextStoreError
from ..limits import MAX_ID_LENGTH
from ..problems._codes import problem
from ..problems._report import Location, Problem, Report
from ..provenance import Activity, Method, Provenance
from ..records import Record, Source, Statement
from ..textstore import TextLookup, sha256_of
from . import _annotation as read
from ._anchoring import Anchoring, OffsetUnit, Utf16Index, readings

__all__ = ["ImportResult", "from_webannotation", "source_id_for_iri"]

#: How a problem names a JSON value that is not an object.
_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}
_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")
#: The selectors an annotation is anchored by; a target needs one of them.
_TEXT_SELECTORS = frozenset({"TextQuoteSelector", "TextPositionSelector"})


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import made: new Sources, then Statements, and the problems met."""

    #: New Source records (for targets no given source matched), then Statements, by id.
    records: tuple[Record, ...]
    #: Annotations that could not be imported, located by JSON pointer.
    report: Report


def source_id_for_iri(iri: str) -> str:
    """The id a source named only by *iri* gets: ``source:<host>/<path>``, lower-cased.

    ``urn:ddfacts:source:x`` gives ``source:x``.  Characters outside
    ``a-z0-9._-`` become ``-`` in each path segment; empty segments go.  An
    id that would be longer than :data:`~ddfacts.limits.MAX_ID_LENGTH` is cut
    and ends with ``-`` and 12 hex digits of the IRI's SHA-256 instead.
    """
    match = read.URN.match(iri)
    if match and match.group(1).startswith("source:"):
        return match.group(1)
    rest = re.sub(r"^[a-z][a-z0-9+.-]*:(//)?", "", iri.lower())
    rest = rest.split("#", 1)[0]
    segments = [_NOT_SLUG.sub("-", part).strip("-._") for part in re.split(r"[/?&=]", rest)]
    slug = "/".join(segment for segment in segments if segment) or "unnamed"
    room = MAX_ID_LENGTH - len("source:")
    if len(slug) > room:
        digest = hashlib.sha256(iri.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        slug = slug[: room - 13].rstrip("-._/") + "-" + digest
    return f"source:{slug}"


def _known(sources: Iterable[Source]) -> dict[str, Source]:
    """The given sources by ``urn:ddfacts:`` IRI and by url."""
    known: dict[str, Source] = {}
    for source in sources:
        known.setdefault(f"urn:ddfacts:{source.id}", source)
        if source.url:
            known.setdefault(source.url, source)
    return known


def _provenance(annotation: dict[str, Any], how: str) -> Provenance:
    """An imported statement's provenance: who annotated it, when, and how it was anchored."""
    ident = annotation.get("id")
    return Provenance(
        agent=read.agent(annotation),
        recorded=read.created(annotation),
        method=Method.IMPORT,
        tool="ddfacts",
        tool_version=__version__,
        history=(
            Activity(
                activity="imported",
                agent=f"ddfacts {__version__}",
                note=f"Imported from a Web Annotation{f' ({ident})' if ident else ''}; "
                f"anchored {how}.",
            ),
        ),
    )


class _Importer:
    """The statements and new sources made so far, and the problems met."""

    def __init__(
        self, texts: TextLookup, known: dict[str, Source], offsets: OffsetUnit, file: str | None
    ) -> None:
        self._texts = texts
        self._known = known
        self._offsets = offsets
        self._file = file
        self._made: dict[str, Source] = {}
        #: Each IRI's source and text (with its UTF-16 index), or why there is none:
        #: a text is read, hashed and indexed once per import, not once per annotation.
        self._read: dict[str, tuple[Source, str, Utf16Index] | str] = {}
        self._statements: dict[str, Statement] = {}
        #: For each default id taken: the number to try next for another statement.
        self._numbers: dict[str, int] = {}
        self._problems: list[Problem] = []

    def _problem(self, code: str, pointer: str, message: str) -> None:
        self._problems.append(problem(code, message, Location(file=self._file, pointer=pointer)))

    def _target(self, pointer: str, annotation: Any) -> tuple[str, dict[str, Any]] | None:
        """Step 1: the annotation's target with a source IRI and a text selector."""
        if not isinstance(annotation, dict):
            message = "expected an annotation object"
            if not pointer:  # the whole document: say what it is instead
                got = _KINDS.get(type(annotation), type(annotation).__name__)
                message += f" (or a list, collection or page of them), got {got}"
            self._problem("import.not-annotation", pointer, message)
            return None
        target = read.target(annotation)
        if target is None or not isinstance(target.get("source"), str):
            self._problem("import.no-target", pointer, "the annotation has no target source IRI")
            return None
        if not _TEXT_SELECTORS & set(read.selectors(target)):
            self._problem(
                "import.no-selector", f"{pointer}/target", "the target has no text selector"
            )
            return None
        return target["source"], target

    def _text(self, pointer: str, iri: str) -> tuple[Source, str, Utf16Index] | None:
        """Step 2: the source *iri* names (given, made before, or new) and its text."""
        if iri not in self._read:
            self._read[iri] = self._lookup(iri)
        found = self._read[iri]
        if isinstance(found, str):
            self._problem("import.no-text", f"{pointer}/target", found)
            return None
        return found

    def _lookup(self, iri: str) -> tuple[Source, str, Utf16Index] | str:
        """The source *iri* names and its text, read once; or why there is none."""
        source = self._known.get(iri)
        try:
            if source is None:
                url = None if iri.startswith("urn:") else iri
                source = Source(id=source_id_for_iri(iri), url=url)
        except ValueError as error:
            return f"no source can be named for {iri}: {error}"
        try:
            text = self._texts.text_for(source)
        except TextStoreError as error:
            return f"no text for {iri}: {error}"
        if iri not in self._known:
            self._made[iri] = attrs.evolve(source, sha256=sha256_of(text), length=len(text))
        return source, text, Utf16Index(text)

    def _anchor(
        self,
        pointer: str,
        annotation: dict[str, Any],
        text: tuple[str, Utf16Index],
        target: dict[str, Any],
    ) -> tuple[Anchor, str] | None:
        """Step 3: the anchor in the text, and how it was found."""
        hypothesis = "user" in annotation or "uri" in annotation
        anchoring = Anchoring(text[0], read.selectors(target), text[1])
        anchor, how = anchoring.anchor(readings(hypothesis, self._offsets))
        if anchor is None:
            self._problem("import.orphaned", pointer, how)
            return None
        return anchor, how

    def _new_id(
        self, pointer: str, annotation: dict[str, Any], source: Source, text: str, anchor: Anchor
    ) -> str | None:
        """Step 4: the id the annotation names, else the default id, numbered when taken."""
        new_id = read.statement_id_of(annotation)
        if new_id is None:
            new_id = statement_id(source.id, text, anchor)
            base, number = new_id, self._numbers.get(new_id, 2)
            while new_id in self._statements:
                new_id, number = f"{base}-{number}", number + 1
            self._numbers[base] = number  # the next free number: no rescan from 2
        if new_id in self._statements:
            self._problem("import.duplicate-id", pointer, f"a second annotation is {new_id}")
            return None
        return new_id

    def take(self, pointer: str, annotation: Any) -> None:
        """Import one annotation, or record the problem that stops it."""
        found = self._target(pointer, annotation)
        if found is None:
            return
        iri, target = found
        sourced = self._text(pointer, iri)
        if sourced is None:
            return
        source, text, utf16 = sourced
        anchored = self._anchor(pointer, annotation, (text, utf16), target)
        if anchored is None:
            return
        anchor, how = anchored
        new_id = self._new_id(pointer, annotation, source, text, anchor)
        if new_id is None:
            return
        self._statements[new_id] = Statement(
            id=new_id,
            source=source.id,
            anchor=anchor,
            language=read.language(target),
            note=read.note(annotation),
            provenance=_provenance(annotation, how),
        )

    def result(self) -> ImportResult:
        """The sources statements were made from, then the statements, each by id."""
        used = {statement.source for statement in self._statements.values()}
        sources = sorted((s for s in self._made.values() if s.id in used), key=lambda s: s.id)
        statements = sorted(self._statements.values(), key=lambda s: s.id)
        return ImportResult(records=(*sources, *statements), report=Report(self._problems))


def from_webannotation(
    document: Any,
    texts: TextLookup,
    *,
    sources: Iterable[Source] = (),
    offsets: OffsetUnit = "auto",
    file: str | None = None,
) -> ImportResult:
    """Turn the W3C or Hypothesis annotations in a parsed JSON *document* into Statements.

    Args:
        document: the parsed JSON.
        texts: where the sources' texts are (a :class:`~ddfacts.TextStore`).
        sources: Sources already recorded; targets are matched to them by
            ``url`` or ``urn:ddfacts:`` IRI.
        offsets: how TextPositionSelectors count; ``auto`` tries both.
        file: the input's name, for problem locations.
    """
    importer = _Importer(texts, _known(sources), offsets, file)
    for pointer, annotation in read.annotations_in(document):
        importer.take(pointer, annotation)
    return importer.result()
