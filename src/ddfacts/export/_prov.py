"""The provenance graph as W3C PROV-JSON (the W3C Member Submission of 2013).

Every ddfacts id is written as a PROV qualified name that is also an XML
QName: the prefixes ``source``, ``statement``, ``claim``, ``review`` and
``actor`` map to ``urn:ddfacts:source:`` and so on, and ``/`` in the id is
written ``_`` (``claim:demo/x`` is ``claim:demo_x``; see
:mod:`._provnames`, whose ``id_of_qname`` reverses it).  Agents and
activities that have no record of their own live under the ``ddfacts``
prefix (``urn:ddfacts:``).

- Entities: sources, statements, claims and reviews.
- Agents: actors, typed by the vocabulary's ``broader`` chain
  (``prov:Person``, ``prov:Organization``, ``prov:SoftwareAgent`` for
  accounts), the people who recorded records (``ddfacts:agent_<name>``) and
  their tools (``ddfacts:tool_<name>_<version>``).
- Activities: ``ddfacts:recording_<type>_<slug>`` (a record being recorded,
  at its provenance's time) and ``ddfacts:reporting_claim_<slug>`` (a source
  carrying a claim), typed ``ddfacts:Reporting``, ``ddfacts:Quoting``,
  ``ddfacts:Translating``… after the claim's mode.
- Relations: ``wasAttributedTo`` (a source to its authors and publisher, a
  claim to its speaker, a review to its reviewer); ``wasDerivedFrom`` (a
  statement from its source as a ``prov:Quotation``; a claim from its
  evidence and, through its reporting activity, from its source; derivation
  links of provenance, ``quoted_from`` as ``prov:Quotation`` and
  ``revision_of`` as ``prov:Revision``; a chain of reported speech, one
  derivation per hop: the speaker's words -> hop 1 -> ... -> the source, each
  hop an entity attributed to its agent); ``wasGeneratedBy`` (a record by its
  recording); ``wasAssociatedWith`` (recording and reporting with their
  agents); ``actedOnBehalfOf`` (a tool for the person who ran it, an author
  for the publisher, an account for its operator, an actor for the
  organization a role places it in).

PROV-JSON has no ``wasQuotedFrom`` key: quotation is ``wasDerivedFrom`` with
``prov:type`` ``prov:Quotation``.  Relations are keyed ``_:<kind><n>``,
numbered after sorting, so the same facts give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ..factset import FactSet
from ..provenance import DerivationKind, Provenance
from ..records import Actor, Attribution, Claim, Mode, Record, Review, Source, Statement
from ._common import claim_sentence, display_name, sorted_by_id
from ._provgraph import PROV_PREFIXES, Graph
from ._provnames import agent_type

__all__ = ["PROV_PREFIXES", "to_prov_json"]

_ACTIVITY_TYPES = {
    Mode.STATES: "ddfacts:Stating",
    Mode.QUOTES: "ddfacts:Quoting",
    Mode.PARAPHRASES: "ddfacts:Paraphrasing",
    Mode.REPORTS: "ddfacts:Reporting",
    Mode.DISPUTES: "ddfacts:Disputing",
    Mode.TRANSLATES: "ddfacts:Translating",
}
_DERIVATION_TYPES = {
    DerivationKind.QUOTED_FROM: "prov:Quotation",
    DerivationKind.TRANSLATED_FROM: "ddfacts:Translation",
    DerivationKind.REVISION_OF: "prov:Revision",
}
_HOP_DERIVATION_TYPES = {Mode.QUOTES: "prov:Quotation", Mode.TRANSLATES: "ddfacts:Translation"}
_SLUG = re.compile(r"[^a-z0-9.-]+")


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "prov:QUALIFIED_NAME"}


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-") or "unnamed"


def _local(record_id: str) -> str:
    """``claim:x`` -> ``claim/x``: a record id inside another qualified name."""
    return record_id.replace(":", "/", 1)


def _time(value: dt.datetime) -> str:
    return value.isoformat()


def _agent_of_actor(graph: Graph, actor: Actor) -> str:
    kind = agent_type(actor.kind)
    return graph.node(
        "agent",
        actor.id,
        **{
            "prov:label": actor.name,
            "prov:type": _qname(kind) if kind else None,
            "ddfacts:kind": actor.kind,
        },
    )


def _agent_ref(graph: Graph, name: str, facts: FactSet) -> str:
    """The agent for an actor id, or a person named in provenance."""
    actor = facts.get(name, Actor)
    if actor is not None:
        return _agent_of_actor(graph, actor)
    if name.startswith("actor:"):
        return graph.node("agent", name)
    return graph.node(
        "agent", f"ddfacts:agent/{_slug(name)}", **{"prov:label": name, "prov:type": None}
    )


def _recording(graph: Graph, record: Record, provenance: Provenance, facts: FactSet) -> None:
    activity = graph.node(
        "activity",
        f"ddfacts:recording/{_local(record.id)}",
        **{
            "prov:type": _qname("ddfacts:Recording"),
            "prov:startTime": _time(provenance.recorded) if provenance.recorded else None,
            "prov:endTime": _time(provenance.recorded) if provenance.recorded else None,
            "ddfacts:method": provenance.method.value,
        },
    )
    graph.relate(
        "wasGeneratedBy",
        **{
            "prov:entity": record.id,
            "prov:activity": activity,
            "prov:time": _time(provenance.recorded) if provenance.recorded else None,
        },
    )
    person = _agent_ref(graph, provenance.agent, facts) if provenance.agent else None
    tool = None
    if provenance.tool:
        name = provenance.tool + (f" {provenance.tool_version}" if provenance.tool_version else "")
        local = _slug(provenance.tool) + (
            f"/{_slug(provenance.tool_version)}" if provenance.tool_version else ""
        )
        tool = graph.node(
            "agent",
            f"ddfacts:tool/{local}",
            **{"prov:label": name, "prov:type": _qname("prov:SoftwareAgent")},
        )
    for agent in (person, tool):
        if agent is not None:
            graph.relate("wasAssociatedWith", **{"prov:activity": activity, "prov:agent": agent})
    if person is not None and tool is not None:
        graph.relate(
            "actedOnBehalfOf",
            **{"prov:delegate": tool, "prov:responsible": person, "prov:activity": activity},
        )
    for link in provenance.derived_from:
        kind = _DERIVATION_TYPES.get(link.kind)
        graph.relate(
            "wasDerivedFrom",
            **{
                "prov:generatedEntity": record.id,
                "prov:usedEntity": link.target,
                "prov:type": _qname(kind) if kind else None,
            },
        )


def _claim(graph: Graph, claim: Claim, facts: FactSet) -> None:
    graph.node(
        "entity",
        claim.id,
        **{"prov:type": _qname("ddfacts:Claim"), "prov:label": claim_sentence(claim, facts)},
    )
    if claim.speaker:
        speaker = _agent_ref(graph, claim.speaker, facts)
        graph.relate("wasAttributedTo", **{"prov:entity": claim.id, "prov:agent": speaker})
    for statement_id in claim.evidence:
        graph.relate(
            "wasDerivedFrom", **{"prov:generatedEntity": claim.id, "prov:usedEntity": statement_id}
        )
    attribution = claim.attribution
    if attribution is None:
        return
    mode = Mode.TRANSLATES if attribution.translated_by else attribution.mode
    activity = graph.node(
        "activity",
        f"ddfacts:reporting/{_local(claim.id)}",
        **{"prov:type": _qname(_ACTIVITY_TYPES[mode])},
    )
    kind = _HOP_DERIVATION_TYPES.get(mode)
    graph.relate(
        "wasDerivedFrom",
        **{
            "prov:generatedEntity": claim.id,
            "prov:usedEntity": attribution.source,
            "prov:activity": activity,
            "prov:type": _qname(kind) if kind else None,
        },
    )
    if attribution.via_source:
        graph.relate(
            "wasDerivedFrom",
            **{
                "prov:generatedEntity": attribution.source,
                "prov:usedEntity": attribution.via_source,
                "prov:type": _qname("prov:PrimarySource"),
            },
        )
    roles = (
        (claim.speaker, "speaker"),
        (attribution.via, "original outlet"),
        (attribution.translated_by, "translator"),
    )
    for agent_id, role in roles:
        if agent_id:
            graph.relate(
                "wasAssociatedWith",
                **{
                    "prov:activity": activity,
                    "prov:agent": _agent_ref(graph, agent_id, facts),
                    "prov:role": role,
                },
            )
    _hops(graph, claim, attribution, facts)


def _hops(graph: Graph, claim: Claim, attribution: Attribution, facts: FactSet) -> None:
    """The chain of reported speech: the speaker's words -> hop 1 -> ... -> the source.

    Each hop is an entity (the words as that hop gave them) attributed to the
    hop's agent, with its mode, language, position and publication as
    attributes, and derived from the link before it: the speaker's words
    (``ddfacts:words_<claim>``, attributed to the speaker) for the first hop.
    The source is derived from the last hop.  A derivation is typed after
    the hop's mode (``prov:Quotation``, ``ddfacts:Translation``).
    """
    hops = attribution.hops
    if not hops:
        return
    previous = graph.node(
        "entity",
        f"ddfacts:words/{_local(claim.id)}",
        **{
            "prov:type": _qname("ddfacts:Utterance"),
            "prov:label": claim_sentence(claim, facts),
            "ddfacts:language": attribution.original_language,
        },
    )
    if claim.speaker:
        speaker = _agent_ref(graph, claim.speaker, facts)
        graph.relate("wasAttributedTo", **{"prov:entity": previous, "prov:agent": speaker})
    for position, hop in enumerate(hops, start=1):
        current = graph.node(
            "entity",
            f"ddfacts:hop/{_local(claim.id)}/{position}",
            **{
                "prov:type": _qname("ddfacts:ReportedWords"),
                "prov:label": f"hop {position}: {hop.mode.value} by {display_name(hop.by, facts)}",
                "ddfacts:mode": hop.mode.value,
                "ddfacts:language": hop.language,
                "ddfacts:position": position,
                "ddfacts:publishedIn": _qname(hop.source) if hop.source else None,
            },
        )
        agent = _agent_ref(graph, hop.by, facts)
        graph.relate("wasAttributedTo", **{"prov:entity": current, "prov:agent": agent})
        _derived(graph, current, previous, hop.mode)
        previous = current
    _derived(graph, attribution.source, previous, None)


def _derived(graph: Graph, generated: str, used: str, mode: Mode | None) -> None:
    kind = _HOP_DERIVATION_TYPES.get(mode) if mode is not None else None
    graph.relate(
        "wasDerivedFrom",
        **{
            "prov:generatedEntity": generated,
            "prov:usedEntity": used,
            "prov:type": _qname(kind) if kind else None,
        },
    )


def _entities(facts: FactSet) -> Iterable[Record]:
    """The records that are PROV entities: sources, statements, claims, reviews."""
    yield from sorted_by_id(facts.sources)
    yield from sorted_by_id(facts.statements)
    yield from sorted_by_id(facts.claims)
    yield from sorted_by_id(facts.reviews)


def _actor(graph: Graph, actor: Actor) -> None:
    """An actor as an agent, acting for its operator and the organizations of its roles."""
    agent = _agent_of_actor(graph, actor)
    if actor.operated_by:
        graph.relate(
            "actedOnBehalfOf",
            **{"prov:delegate": agent, "prov:responsible": actor.operated_by},
        )
    for role in actor.roles:
        if role.organization:
            graph.relate(
                "actedOnBehalfOf",
                **{"prov:delegate": agent, "prov:responsible": role.organization},
            )


def _source(graph: Graph, source: Source, facts: FactSet) -> None:
    """A source as an entity, attributed to its authors (for the publisher) and publisher."""
    graph.node(
        "entity",
        source.id,
        **{
            "prov:type": _qname("ddfacts:Source"),
            "prov:label": source.title,
            "schema:url": {"$": source.url, "type": "xsd:anyURI"} if source.url else None,
        },
    )
    for author in source.authors:
        graph.relate(
            "wasAttributedTo",
            **{"prov:entity": source.id, "prov:agent": _agent_ref(graph, author, facts)},
        )
        if source.publisher:
            graph.relate(
                "actedOnBehalfOf",
                **{"prov:delegate": author, "prov:responsible": source.publisher},
            )
    if source.publisher:
        publisher = _agent_ref(graph, source.publisher, facts)
        graph.relate("wasAttributedTo", **{"prov:entity": source.id, "prov:agent": publisher})


def _statement(graph: Graph, statement: Statement) -> None:
    """A statement as an entity quoted from its source."""
    graph.node(
        "entity",
        statement.id,
        **{"prov:type": _qname("ddfacts:Statement"), "prov:value": statement.anchor.exact},
    )
    graph.relate(
        "wasDerivedFrom",
        **{
            "prov:generatedEntity": statement.id,
            "prov:usedEntity": statement.source,
            "prov:type": _qname("prov:Quotation"),
        },
    )


def _review(graph: Graph, review: Review, facts: FactSet) -> None:
    """A review as an entity attributed to its reviewer, derived from its evidence."""
    graph.node(
        "entity",
        review.id,
        **{
            "prov:type": _qname("ddfacts:Review"),
            "prov:label": review.rating.label,
            "ddfacts:reviews": _qname(review.claim),
        },
    )
    reviewer = _agent_ref(graph, review.reviewer, facts)
    graph.relate("wasAttributedTo", **{"prov:entity": review.id, "prov:agent": reviewer})
    for statement_id in review.evidence:
        graph.relate(
            "wasDerivedFrom",
            **{"prov:generatedEntity": review.id, "prov:usedEntity": statement_id},
        )


def to_prov_json(facts: FactSet) -> dict[str, Any]:
    """The provenance graph of *facts* as a PROV-JSON document (a dict of JSON types)."""
    graph = Graph()
    # The order matters: a node's first mention sets its attributes.
    for actor in sorted_by_id(facts.actors):
        _actor(graph, actor)
    for source in sorted_by_id(facts.sources):
        _source(graph, source, facts)
    for statement in sorted_by_id(facts.statements):
        _statement(graph, statement)
    for claim in sorted_by_id(facts.claims):
        _claim(graph, claim, facts)
    for review in sorted_by_id(facts.reviews):
        _review(graph, review, facts)
    for record in _entities(facts):
        if record.provenance is not None:
            _recording(graph, record, record.provenance, facts)
    return graph.render()
