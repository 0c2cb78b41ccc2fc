"""Statements as W3C Web Annotations (JSON-LD, ``http://www.w3.org/ns/anno.jsonld``).

One Annotation per Statement, named by the statement's ``urn:ddfacts:`` IRI.
Its target is the source (the Source's URL, else its ``urn:ddfacts:`` IRI)
narrowed by a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector whose ``start``/``end`` count code points, as ddfacts
stores them.  Its body links the claims and events the statement is evidence
for (SpecificResources with purpose ``linking``) and carries the statement's
note (a TextualBody with purpose ``commenting``), and the proposition of each
linked claim that has one (a TextualBody with purpose ``describing``, in the
proposition's words and language, with the speaker's hedge kept as
:func:`~ddfacts.export._common.claim_sentence` keeps it); a statement with neither
gets a TextualBody with purpose ``describing`` that says what it quotes, so
every annotation has a body.  ``creator`` and ``created`` come from the
statement's provenance.  At the start or end of the source's text the
``prefix`` or ``suffix`` is written empty (there is no context, rather than
an unknown one); ``language`` is the statement's, else its Source's.  The
collection names its ``first`` and ``last`` page and its ``generator``
(ddfacts and its version).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..factset import FactSet
from ..provenance import Provenance
from ..records import Actor, Claim, Event, Source, Statement
from ._common import claim_sentence, display_name, iri_of, record_iri, sorted_by_id

__all__ = ["ANNO_CONTEXT", "annotation_of", "to_webannotation"]

#: The JSON-LD context of the W3C Web Annotation Data Model.
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _timestamp(value: dt.datetime) -> str:
    """An xsd:dateTime; naive datetimes are taken as UTC (the model asks for UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    text = value.astimezone(dt.timezone.utc).isoformat()
    return text.replace("+00:00", "Z")


def _agent(name: str, facts: FactSet, *, software: bool = False) -> dict[str, Any]:
    actor = facts.get(name, Actor)
    if actor is not None:
        kind = "Person" if actor.kind == "person" else "Organization"
        return {"id": record_iri(actor.id), "type": kind, "name": actor.name}
    if name.startswith("actor:"):
        return {"id": record_iri(name), "name": name}
    if name.startswith(("https://", "http://")):
        return {"id": name, "name": name}
    if software:
        return {"id": _urn("tool", name), "type": "Software", "name": name}
    # A free name may be a person or a group: it gets an IRI and its name, and no
    # type, rather than a guess (the corpus's "ddfacts corpus annotators" is a group).
    return {"id": _urn("agent", name), "name": name}


def _urn(kind: str, name: str) -> str:
    """``urn:ddfacts:<kind>:<name>``, the name percent-encoded (an IRI for a free name)."""
    return f"urn:ddfacts:{kind}:{quote(name, safe='')}"


def _creator(provenance: Provenance, facts: FactSet) -> dict[str, Any] | None:
    if provenance.agent:
        return _agent(provenance.agent, facts)
    if provenance.tool:
        return _software(provenance)
    return None


def _software(provenance: Provenance) -> dict[str, Any]:
    tool = provenance.tool or "unknown"
    iri, name = _urn("tool", tool), tool
    if provenance.tool_version:
        iri += ":" + quote(provenance.tool_version, safe="")
        name = f"{tool} {provenance.tool_version}"
    return {"id": iri, "type": "Software", "name": name}


#: The software that wrote the collection.
GENERATOR = {
    "id": "https://ddfacts.org/",
    "type": "Software",
    "name": f"ddfacts {__version__}",
    "homepage": "https://ddfacts.org/",
}


def _quote(statement: Statement, source: Source | None) -> dict[str, Any]:
    """The TextQuoteSelector; an empty prefix/suffix where the text starts or ends."""
    anchor = statement.anchor
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": anchor.exact}
    if anchor.prefix or anchor.start == 0:
        quote["prefix"] = anchor.prefix or ""
    length = source.length if source is not None else None
    if anchor.suffix or (length is not None and anchor.end == length):
        quote["suffix"] = anchor.suffix or ""
    return quote


def _described(statement: Statement, facts: FactSet) -> dict[str, Any]:
    """A TextualBody saying what a statement without links or note quotes."""
    return {
        "type": "TextualBody",
        "value": f"A statement quoted from {display_name(statement.source, facts)}.",
        "format": "text/plain",
        "purpose": "describing",
    }


def _propositions(linked: list[str], facts: FactSet) -> list[dict[str, Any]]:
    """A describing TextualBody for each linked claim's proposition, in its words."""
    bodies = []
    for record_id in linked:
        claim = facts.get(record_id, Claim)
        if claim is None or claim.proposition is None:
            continue
        body = {
            "type": "TextualBody",
            "value": claim_sentence(claim, facts),
            "format": "text/plain",
            "purpose": "describing",
        }
        if claim.proposition.language:
            body["language"] = claim.proposition.language
        bodies.append(body)
    return bodies


def _links(facts: FactSet) -> dict[str, list[str]]:
    """Statement id -> ids of the claims and events that cite it as evidence, sorted."""
    links: dict[str, set[str]] = {}
    records: list[Claim | Event] = [*facts.claims, *facts.events]
    for record in records:
        for statement_id in record.evidence:
            links.setdefault(statement_id, set()).add(record.id)
    return {key: sorted(value) for key, value in links.items()}


def annotation_of(
    statement: Statement, facts: FactSet, *, linked: list[str] | None = None
) -> dict[str, Any]:
    """The Web Annotation of one Statement (without ``@context``).

    *linked* lists the ids of the records the body links; by default the
    claims and events in *facts* that cite the statement as evidence.
    """
    if linked is None:
        linked = _links(facts).get(statement.id, [])
    anchor = statement.anchor
    source = facts.get(statement.source, Source)
    quote = _quote(statement, source)
    position = {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end}
    body: list[dict[str, Any]] = [
        {"type": "SpecificResource", "source": record_iri(record_id), "purpose": "linking"}
        for record_id in linked
    ]
    body.extend(_propositions(linked, facts))
    if statement.note:
        body.append(
            {
                "type": "TextualBody",
                "value": statement.note,
                "format": "text/plain",
                "purpose": "commenting",
            }
        )
    annotation: dict[str, Any] = {
        "id": record_iri(statement.id),
        "type": "Annotation",
        "motivation": "linking" if linked else "highlighting",
    }
    provenance = statement.provenance
    if provenance is not None:
        creator = _creator(provenance, facts)
        if creator is not None:
            annotation["creator"] = creator
        if provenance.recorded is not None:
            annotation["created"] = _timestamp(provenance.recorded)
        if provenance.agent and provenance.tool:
            annotation["generator"] = _software(provenance)
    annotation["body"] = body or [_described(statement, facts)]
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": iri_of(statement.source, facts),
        "selector": [quote, position],
    }
    language = statement.language or (source.language if source is not None else None)
    if language:
        target["language"] = language
    annotation["target"] = target
    return annotation


def to_webannotation(facts: FactSet, *, collection: bool = True) -> Any:
    """Every Statement as a W3C Web Annotation, sorted by statement id.

    Returns an AnnotationCollection holding one AnnotationPage with every
    annotation (named ``urn:ddfacts:collection:<digest>`` from the statement
    ids, so the same statements give the same IRI), or, when *collection* is
    false, a plain list of annotations, each with its own ``@context``.
    """
    links = _links(facts)
    items = [
        annotation_of(statement, facts, linked=links.get(statement.id, []))
        for statement in sorted_by_id(facts.statements)
    ]
    if not collection:
        return [{"@context": ANNO_CONTEXT, **item} for item in items]
    digest = hashlib.sha256("\n".join(item["id"] for item in items).encode("utf-8"))
    collection_id = f"urn:ddfacts:collection:{digest.hexdigest()[:16]}"
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "ddfacts statements",
        "total": len(items),
        "generator": GENERATOR,
        "last": f"{collection_id}:page:1",
        "first": {
            "id": f"{collection_id}:page:1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }
