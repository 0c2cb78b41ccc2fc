"""Import W3C Web Annotations (and the Hypothesis client's) as Statements.

:func:`from_webannotation` reads an AnnotationCollection, an AnnotationPage,
one Annotation, a JSON array of them, or a Hypothesis API search result
(``{"rows": [...]}``), and anchors each annotation in its source's text:

1. its TextPositionSelector, read as code points (ddfacts, W3C) or as UTF-16
   code units (the Hypothesis client, a JavaScript program), converted and
   kept only when the text there is the TextQuoteSelector's ``exact`` quote.
   With ``offsets="auto"`` both readings are tried, the Hypothesis one first
   for Hypothesis annotations (they carry ``user`` or ``uri``);
2. otherwise the quote, re-anchored with :meth:`ddfacts.Anchor.relocate`
   (context, then nearness to the given position; normalized and approximate
   matches only with a clear margin).

The target IRI names the source: a Source given in *sources* with that
``url`` (or with that ``urn:ddfacts:`` IRI); else ``urn:ddfacts:source:x``
is ``source:x``; else the source gets the id ``source:<host>/<path>`` made
from the IRI, and its text is looked up under that id (``<host>/<path>.txt``
in a :class:`~ddfacts.TextStore` folder).  A statement keeps the id in a
``urn:ddfacts:statement:`` annotation id; any other annotation gets the
default id (:func:`ddfacts.anchors.statement_id`).  Each statement's
provenance says how it was anchored.  Annotations that cannot be anchored are
reported as problems, never guessed.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs
from dateutil.parser import isoparse

from .anchors._anchor import CONTEXT_LENGTH, Anchor, statement_id
from .errors import TextStoreError
from .offsets import from_utf16
from .problems import (
    Location,
    Problem,
    Report,
    Severity,
)
from .provenance import Activity, Method, Provenance
from .records import Record, Source, Statement
from .textstore import TextLookup, sha256_of

__all__ = ["ImportResult", "OffsetUnit", "from_webannotation", "source_id_for_iri"]

#: How a TextPositionSelector counts: ``codepoints``, ``utf16``, or ``auto`` (try both).
OffsetUnit = Literal["auto", "codepoints", "utf16"]

_URN = re.compile(r"^urn:ddfacts:((?:source|statement|actor):[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?)$")
_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


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
    ``a-z0-9._-`` become ``-`` in each path segment; empty segments go.
    """
    match = _URN.match(iri)
    if match and match.group(1).startswith("source:"):
        return match.group(1)
    rest = re.sub(r"^[a-z][a-z0-9+.-]*:(//)?", "", iri.lower())
    rest = rest.split("#", 1)[0]
    segments = [_NOT_SLUG.sub("-", part).strip("-._") for part in re.split(r"[/?&=]", rest)]
    slug = "/".join(segment for segment in segments if segment)
    return f"source:{slug or 'unnamed'}"


def _annotations(document: Any) -> Iterator[tuple[str, Any]]:
    """Each annotation in *document* with its JSON pointer."""
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield f"/{index}", item
        return
    if not isinstance(document, dict):
        return
    types = document.get("type")
    types = set(types) if isinstance(types, list) else {types}
    if "rows" in document and isinstance(document["rows"], list):
        for index, item in enumerate(document["rows"]):
            yield f"/rows/{index}", item
    elif "AnnotationCollection" in types:
        page, pointer = document.get("first"), "/first"
        while isinstance(page, dict):
            for index, item in enumerate(page.get("items") or []):
                yield f"{pointer}/items/{index}", item
            page, pointer = page.get("next"), f"{pointer}/next"
    elif "AnnotationPage" in types:
        for index, item in enumerate(document.get("items") or []):
            yield f"/items/{index}", item
    else:
        yield "", document


def _selectors(target: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = target.get("selector")
    items = found if isinstance(found, list) else [found]
    by_type: dict[str, dict[str, Any]] = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("type"), str):
            by_type.setdefault(item["type"], item)
    return by_type


def _target(annotation: dict[str, Any]) -> dict[str, Any] | None:
    target = annotation.get("target")
    candidates = target if isinstance(target, list) else [target]
    dicts = [item for item in candidates if isinstance(item, dict) and "source" in item]
    with_selector = [item for item in dicts if _selectors(item)]
    chosen = with_selector or dicts
    return chosen[0] if chosen else None


def _agent(annotation: dict[str, Any]) -> str | None:
    creator = annotation.get("creator", annotation.get("user"))
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, dict):
        ident = creator.get("id")
        if isinstance(ident, str) and _URN.match(ident):
            creator = ident
        else:
            creator = creator.get("name") or creator.get("nickname") or ident
    if not isinstance(creator, str):
        return None
    match = _URN.match(creator)
    return match.group(1) if match else creator


def _note(annotation: dict[str, Any]) -> str | None:
    if isinstance(annotation.get("text"), str) and annotation["text"].strip():
        return str(annotation["text"])
    body = annotation.get("body")
    for item in body if isinstance(body, list) else [body]:
        if (
            isinstance(item, dict)
            and item.get("type") == "TextualBody"
            and isinstance(item.get("value"), str)
            and item.get("purpose", "commenting") == "commenting"
        ):
            return str(item["value"])
    return None


def _readings(hypothesis: bool, offsets: OffsetUnit) -> tuple[str, ...]:
    if offsets != "auto":
        return (offsets,)
    return ("utf16", "codepoints") if hypothesis else ("codepoints", "utf16")


def _span(text: str, position: dict[str, Any], unit: str) -> tuple[int, int] | None:
    start, end = position.get("start"), position.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return None
    assert isinstance(start, int) and isinstance(end, int)
    try:
        if unit == "utf16":
            start, end = from_utf16(text, start), from_utf16(text, end)
    except ValueError:
        return None
    if not 0 <= start < end <= len(text):
        return None
    return start, end


class _Anchoring:
    """Anchors one annotation's selectors in a text; says how, or why not."""

    def __init__(self, text: str, selectors: dict[str, dict[str, Any]]) -> None:
        self.text = text
        quote = selectors.get("TextQuoteSelector", {})
        self.exact = quote.get("exact") if isinstance(quote.get("exact"), str) else None
        self.prefix = str(quote.get("prefix") or "")[-CONTEXT_LENGTH:]
        self.suffix = str(quote.get("suffix") or "")[:CONTEXT_LENGTH]
        self.position = selectors.get("TextPositionSelector")

    def by_position(self, readings: tuple[str, ...]) -> tuple[Anchor, str] | None:
        if self.position is None:
            return None
        for unit in readings:
            span = _span(self.text, self.position, unit)
            if span is None:
                continue
            found = self.text[span[0] : span[1]]
            if self.exact is None or found == self.exact:
                words = "UTF-16 code units" if unit == "utf16" else "code points"
                return Anchor.from_span(self.text, *span), f"by position in {words}"
        return None

    def by_quote(self, readings: tuple[str, ...]) -> tuple[Anchor | None, str]:
        if not self.exact:
            return None, "the annotation has no quote, and its position does not fit the text"
        hint = 0
        for unit in readings:
            span = _span(self.text, self.position or {}, unit)
            if span is not None:
                hint = span[0]
                break
        guess = Anchor(
            start=hint,
            end=hint + len(self.exact),
            exact=self.exact,
            prefix=self.prefix,
            suffix=self.suffix,
        )
        found = guess.relocate(self.text)
        anchor = found.anchor(self.text)
        if anchor is None:
            return None, f"the quote cannot be placed in the text: {found.reason}"
        return anchor, f"re-anchored by quote ({found.method}, score {found.score:.2f})"


def _known(sources: Iterable[Source]) -> dict[str, Source]:
    known: dict[str, Source] = {}
    for source in sources:
        known.setdefault(f"urn:ddfacts:{source.id}", source)
        if source.url:
            known.setdefault(source.url, source)
    return known


def _created(annotation: dict[str, Any]) -> Any:
    value = annotation.get("created")
    if not isinstance(value, str):
        return None
    try:
        return isoparse(value)
    except ValueError:
        return None


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
    from . import __version__

    known = _known(sources)
    made: dict[str, Source] = {}
    statements: dict[str, Statement] = {}
    problems: list[Problem] = []

    def problem(code: str, pointer: str, message: str) -> None:
        location = Location(file=file, pointer=pointer)
        problems.append(
            Problem(code=code, severity=Severity.ERROR, message=message, location=location)
        )

    for pointer, annotation in _annotations(document):
        if not isinstance(annotation, dict):
            problem("import.not-annotation", pointer, "expected an annotation object")
            continue
        target = _target(annotation)
        if target is None or not isinstance(target.get("source"), str):
            problem("import.no-target", pointer, "the annotation has no target source IRI")
            continue
        selectors = _selectors(target)
        if not {"TextQuoteSelector", "TextPositionSelector"} & set(selectors):
            problem("import.no-selector", f"{pointer}/target", "the target has no text selector")
            continue
        iri = target["source"]
        source = known.get(iri) or made.get(iri)
        if source is None:
            source = Source(id=source_id_for_iri(iri), url=None if iri.startswith("urn:") else iri)
        try:
            text = texts.text_for(source)
        except TextStoreError as error:
            problem("import.no-text", f"{pointer}/target", f"no text for {iri}: {error}")
            continue
        if iri not in known and iri not in made:
            made[iri] = attrs.evolve(source, sha256=sha256_of(text), length=len(text))
        hypothesis = "user" in annotation or "uri" in annotation
        readings = _readings(hypothesis, offsets)
        anchoring = _Anchoring(text, selectors)
        placed = anchoring.by_position(readings)
        if placed is None:
            anchor, how = anchoring.by_quote(readings)
            if anchor is None:
                problem("import.orphaned", pointer, how)
                continue
        else:
            anchor, how = placed
        ident = annotation.get("id")
        match = _URN.match(ident) if isinstance(ident, str) else None
        if match and match.group(1).startswith("statement:"):
            new_id = match.group(1)
        else:
            new_id = statement_id(source.id, text, anchor)
            base, number = new_id, 2
            while new_id in statements:
                new_id, number = f"{base}-{number}", number + 1
        if new_id in statements:
            problem("import.duplicate-id", pointer, f"a second annotation is {new_id}")
            continue
        language = target.get("language")
        provenance = Provenance(
            agent=_agent(annotation),
            recorded=_created(annotation),
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
        statements[new_id] = Statement(
            id=new_id,
            source=source.id,
            anchor=anchor,
            language=language if isinstance(language, str) and _LANG.match(language) else None,
            note=_note(annotation),
            provenance=provenance,
        )
    used = {statement.source for statement in statements.values()}
    new_sources = sorted((s for s in made.values() if s.id in used), key=lambda s: s.id)
    records: list[Record] = [*new_sources, *sorted(statements.values(), key=lambda s: s.id)]
    return ImportResult(records=tuple(records), report=Report(problems))
