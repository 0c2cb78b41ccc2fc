"""Each attribution layer (speaker, source and mode, relayed outlet, translation,
syndication link, provenance derivation) survives a JSON round trip and can be queried."""

from __future__ import annotations

import json
from typing import Any

import pytest

import ddfacts as d
from ddfacts.query import query

DAY = {"earliest": "2022-10-12", "latest": "2022-10-12", "precision": "day", "edtf": "2022-10-12"}

#: An invented story: an ambassador told an agency something in Russian, a
#: wire service carried the embassy's translation of a remark to another agency,
#: a paper reports both, and a blog post also appears on a second site.
DOCUMENT: dict[str, Any] = {
    "ddfacts": "1.0",
    "records": [
        {"type": "source", "id": "source:paper", "title": "Envoy speaks", "published": DAY,
         "url": "https://paper.example/envoy",
         "links": [{"kind": "wire_copy_of", "source": "source:wire"}]},
        {"type": "source", "id": "source:wire", "title": "Wire: envoy speaks", "published": DAY},
        {"type": "source", "id": "source:agency-ru", "language": "ru"},
        {"type": "source", "id": "source:blog",
         "links": [{"kind": "also_appears_at", "url": "https://mirror.example/post",
                    "evidence": ["statement:blog/also"]}]},
        {"type": "statement", "id": "statement:paper/told", "source": "source:paper",
         "anchor": {"start": 0, "end": 24, "exact": "told the agency in Russian"[:24]}},
        {"type": "statement", "id": "statement:paper/translated", "source": "source:paper",
         "anchor": {"start": 30, "end": 40, "exact": "translated"},
         "provenance": {"derived_from": [{"kind": "translated_from",
                                          "target": "source:agency-ru"}]}},
        {"type": "statement", "id": "statement:blog/also", "source": "source:blog",
         "anchor": {"start": 0, "end": 14, "exact": "also appears on"[:14]}},
        {"type": "actor", "id": "actor:envoy", "kind": "person", "name": "Ivo Marek"},
        {"type": "actor", "id": "actor:agency", "kind": "news_agency", "name": "Agency One"},
        {"type": "actor", "id": "actor:embassy", "kind": "diplomatic_mission",
         "name": "The Embassy"},
        {"type": "claim", "id": "claim:told", "subject": "actor:envoy", "property": "stance",
         "value": {"text": "no real diplomacy"}, "speaker": "actor:envoy",
         "attribution": {"source": "source:paper", "mode": "quotes", "via": "actor:agency",
                         "via_source": "source:agency-ru", "original_language": "ru"},
         "evidence": ["statement:paper/told"],
         "provenance": {"agent": "annotator", "confidence": 0.9,
                        "derived_from": [{"kind": "quoted_from",
                                          "target": "statement:paper/told"}]}},
        {"type": "claim", "id": "claim:translated", "subject": "actor:envoy",
         "property": "stance", "value": {"text": "sanctions fail"}, "speaker": "actor:envoy",
         "attribution": {"source": "source:paper", "mode": "translates", "via": "actor:agency",
                         "original_language": "ru", "translated_by": "actor:embassy"},
         "evidence": ["statement:paper/translated"],
         "provenance": {"tool": "ddfacts-extract", "tool_version": "0.1.0", "method": "model",
                        "confidence": 0.5,
                        "derived_from": [{"kind": "translated_from",
                                          "target": "statement:paper/translated"}]}},
        {"type": "claim", "id": "claim:own-voice", "subject": "actor:embassy",
         "property": "stance", "value": {"text": "active online"},
         "attribution": {"source": "source:blog"},
         "evidence": ["statement:blog/also"]},
    ],
}  # fmt: skip


@pytest.fixture
def facts() -> d.FactSet:
    """The invented story as a FactSet."""
    return d.loads(json.dumps(DOCUMENT))


class TestRoundTrip:
    """Every layer is written back exactly as it was read."""

    def test_document(self, facts: d.FactSet) -> None:
        """Dumping and loading the story gives back the same records."""
        assert d.loads(d.dumps(facts)) == facts

    def test_json_unchanged(self, facts: d.FactSet) -> None:
        """The JSON written holds the same members as the JSON read."""
        written = json.loads(d.dumps(facts))["records"]
        assert written == DOCUMENT["records"]

    def test_speaker_kept_apart_from_attribution(self, facts: d.FactSet) -> None:
        """The speaker, the carrying source and its mode are separate fields."""
        claim = facts.get("claim:told", d.Claim)
        assert claim is not None and claim.attribution is not None
        assert (claim.speaker, claim.attribution.source, claim.attribution.mode) == (
            "actor:envoy",
            "source:paper",
            d.Mode.QUOTES,
        )

    def test_relayed_outlet(self, facts: d.FactSet) -> None:
        """The outlet the source relays, and its own source, are kept."""
        claim = facts.get("claim:told", d.Claim)
        assert claim is not None and claim.attribution is not None
        assert (claim.attribution.via, claim.attribution.via_source) == (
            "actor:agency",
            "source:agency-ru",
        )

    def test_translation(self, facts: d.FactSet) -> None:
        """Who translated the words, and from what language, are kept."""
        claim = facts.get("claim:translated", d.Claim)
        assert claim is not None and claim.attribution is not None
        assert (
            claim.attribution.mode,
            claim.attribution.original_language,
            claim.attribution.translated_by,
        ) == (d.Mode.TRANSLATES, "ru", "actor:embassy")

    def test_own_voice(self, facts: d.FactSet) -> None:
        """A claim the source makes itself has no speaker and mode states."""
        claim = facts.get("claim:own-voice", d.Claim)
        assert claim is not None and claim.attribution is not None
        assert (claim.speaker, claim.attribution.mode) == (None, d.Mode.STATES)

    def test_source_links(self, facts: d.FactSet) -> None:
        """Syndication and wire-copy links between sources are kept with their evidence."""
        blog = facts.get("source:blog", d.Source)
        paper = facts.get("source:paper", d.Source)
        assert blog is not None and paper is not None
        assert blog.links == (
            d.SourceLink(
                kind=d.LinkKind.ALSO_APPEARS_AT,
                url="https://mirror.example/post",
                evidence=("statement:blog/also",),
            ),
        )
        assert paper.links == (d.SourceLink(kind=d.LinkKind.WIRE_COPY_OF, source="source:wire"),)

    def test_provenance(self, facts: d.FactSet) -> None:
        """Who or what recorded a claim, how, how surely and from what, is kept."""
        claim = facts.get("claim:translated", d.Claim)
        assert claim is not None
        assert claim.provenance == d.Provenance(
            tool="ddfacts-extract",
            tool_version="0.1.0",
            method=d.Method.MODEL,
            confidence=0.5,
            derived_from=(
                d.Derivation(
                    kind=d.DerivationKind.TRANSLATED_FROM, target="statement:paper/translated"
                ),
            ),
        )


class TestQueryLayers:
    """Each layer can be asked about through the query filters."""

    def test_by_speaker(self, facts: d.FactSet) -> None:
        """Filtering by speaker finds the claims the actor asserts, not those about it."""
        assert [r.id for r in query(facts, speaker="actor:envoy")] == [
            "claim:told",
            "claim:translated",
        ]

    def test_by_carrying_source(self, facts: d.FactSet) -> None:
        """Filtering by source finds its statements and the claims it carries."""
        assert [r.id for r in query(facts, source="source:paper")] == [
            "statement:paper/told",
            "statement:paper/translated",
            "claim:told",
            "claim:translated",
        ]

    def test_by_relayed_source(self, facts: d.FactSet) -> None:
        """Filtering by the relayed outlet's source finds the claims relayed from it."""
        assert [r.id for r in query(facts, source="source:agency-ru")] == ["claim:told"]

    def test_own_voice_by_type_and_source(self, facts: d.FactSet) -> None:
        """The source's own claims are found by type and source."""
        found = query(facts, type="claim", source="source:blog")
        assert [r.id for r in found] == ["claim:own-voice"]

    def test_modes(self, facts: d.FactSet) -> None:
        """The mode of each claim the paper carries can be read from the query's results."""
        modes = [
            r.attribution.mode.value
            for r in query(facts, type="claim", source="source:paper")
            if isinstance(r, d.Claim) and r.attribution is not None
        ]
        assert modes == ["quotes", "translates"]

    def test_translated_statement_derivation(self, facts: d.FactSet) -> None:
        """A statement's translated-from link names the original source."""
        statement = facts.get("statement:paper/translated", d.Statement)
        assert statement is not None and statement.provenance is not None
        assert [(x.kind.value, x.target) for x in statement.provenance.derived_from] == [
            ("translated_from", "source:agency-ru")
        ]
