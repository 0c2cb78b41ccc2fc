"""to_prov_json() writes the provenance graph as PROV-JSON that the prov package reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.export import to_prov_json
from ddfacts.export._provnames import agent_type, id_of_qname, qname_of

from ._export_facts import build
from ._export_formats import XML_QNAME, check_prov_json
from ._facts11 import facts11

prov_model = pytest.importorskip("prov.model")

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
#: The PROV-XML schema, shipped with the prov package's tests.
PROV_XSD = Path(prov_model.__file__).parents[1] / "tests" / "schemas" / "prov.xsd"
IDS = st.from_regex(r"\A(source|statement|actor|claim|review):[a-z0-9]([a-z0-9./-]*[a-z0-9])?\Z")


def _read(document: dict[str, Any]) -> Any:
    return prov_model.ProvDocument.deserialize(content=json.dumps(document), format="json")


def _relations(document: Any, kind: type) -> set[tuple[str, ...]]:
    found = set()
    for record in document.get_records(kind):
        found.add(tuple(str(value) for _attr, value in record.formal_attributes if value))
    return found


class TestToProvJson:
    def test_keeps_prov_json_keys_and_prefixes(self) -> None:
        """Only PROV-JSON keys appear, and every qualified name's prefix is declared."""
        check_prov_json(to_prov_json(build()))

    def test_prov_reads_it_back(self) -> None:
        """The prov package reads the export, with every node and relation in it."""
        document = to_prov_json(build())
        read = _read(document)
        expected = sum(len(group) for key, group in document.items() if key != "prefix")
        assert len(list(read.get_records())) == expected

    def test_entities_agents_activities(self) -> None:
        """Sources, statements, claims, reviews are entities; actors and recorders agents."""
        document = to_prov_json(build())
        assert set(document["entity"]) == {
            "claim:followers", "claim:ministry-count", "review:followers",
            "review:ministry-count", "source:gazette", "source:wire",
            "statement:gazette_count", "statement:gazette_followers", "statement:wire_count",
        }  # fmt: skip
        assert {"actor:ana", "ddfacts:agent_bo-berg", "ddfacts:tool_annotator_2.1"} <= set(
            document["agent"]
        )
        assert document["agent"]["actor:ana"]["prov:type"]["$"] == "prov:Person"
        assert document["activity"]["ddfacts:reporting_claim_followers"]["prov:type"] == {
            "$": "ddfacts:Quoting",
            "type": "prov:QUALIFIED_NAME",
        }

    def test_quotation_is_a_typed_derivation(self) -> None:
        """Statements, quoting claims and quoted_from links are prov:Quotation derivations."""
        read = _read(to_prov_json(build()))
        quotations = {
            (str(r.formal_attributes[0][1]), str(r.formal_attributes[1][1]))
            for r in read.get_records(prov_model.ProvDerivation)
            if prov_model.PROV["Quotation"] in r.get_asserted_types()
        }
        assert quotations == {
            ("claim:followers", "source:gazette"),
            ("source:wire", "source:gazette"),
            ("statement:gazette_count", "source:gazette"),
            ("statement:gazette_followers", "source:gazette"),
            ("statement:wire_count", "source:wire"),
        }

    def test_attribution_generation_and_delegation_survive(self) -> None:
        """wasAttributedTo, wasGeneratedBy and actedOnBehalfOf come back from prov."""
        read = _read(to_prov_json(build()))
        attributed = _relations(read, prov_model.ProvAttribution)
        assert any("claim:followers" in a[0] and "actor:embassy" in a[1] for a in attributed)
        assert any("review:followers" in a[0] and "actor:checkers" in a[1] for a in attributed)
        generated = _relations(read, prov_model.ProvGeneration)
        assert any(
            "statement:gazette_count" in g[0] and "recording_statement_gazette_count" in g[1]
            for g in generated
        )
        delegated = _relations(read, prov_model.ProvDelegation)
        assert any("actor:embassy-account" in g[0] and "actor:embassy" in g[1] for g in delegated)
        assert any("tool_annotator" in g[0] and "actor:ana" in g[1] for g in delegated)

    def test_relations_are_numbered_in_a_stable_order(self) -> None:
        """Relation keys are _:<kind><n>, numbered after sorting."""
        derived = to_prov_json(build())["wasDerivedFrom"]
        assert list(derived) == [f"_:wasDerivedFrom{n}" for n in range(1, len(derived) + 1)]


class TestReferenceDocuments:
    def test_reference_quotation_reads_like_ours(self) -> None:
        """The PROV reference marks quotation as we do: wasDerivedFrom typed prov:Quotation."""
        path = REFERENCE / "prov_json_test_documents.json"
        if not path.is_file():
            pytest.skip("../shared/reference is absent")
        reference = json.loads(path.read_text(encoding="utf-8"))["documents"]["derivation12.json"]
        ((_, theirs),) = reference["wasDerivedFrom"].items()
        ours = to_prov_json(build())["wasDerivedFrom"]
        quotation = {"$": "prov:Quotation", "type": "prov:QUALIFIED_NAME"}
        assert theirs["prov:type"] == quotation
        assert quotation in [relation.get("prov:type") for relation in ours.values()]
        assert {"prov:generatedEntity", "prov:usedEntity"} <= set(theirs)


class TestQualifiedNames:
    @given(IDS)
    def test_ids_become_qnames_and_back(self, record_id: str) -> None:
        """Every record id becomes an XML QName, and the id comes back from it."""
        assert XML_QNAME.match(qname_of(record_id))
        assert id_of_qname(qname_of(record_id)) == record_id

    def test_examples(self) -> None:
        assert qname_of("claim:demo/x") == "claim:demo_x"
        assert qname_of("source:2023/x.y") == "source:_2023_x.y"
        assert id_of_qname("source:_2023_x.y") == "source:2023/x.y"

    def test_prov_xml_is_valid_against_prov_xsd(self) -> None:
        """prov's PROV-XML of the export validates against prov.xsd."""
        etree = pytest.importorskip("lxml.etree")
        if not PROV_XSD.is_file():
            pytest.skip("the prov package ships no prov.xsd here")
        document = _read(to_prov_json(build()))
        schema = etree.XMLSchema(etree.parse(str(PROV_XSD)))
        xml = etree.fromstring(document.serialize(format="xml").encode("utf-8"))
        assert schema.validate(xml), schema.error_log.last_error

    @pytest.mark.parametrize("fmt", ["xml", "provn", "json"])
    def test_every_serialization_reads_back(self, fmt: str) -> None:
        """PROV-XML, PROV-N and PROV-JSON written by prov read back to the same document."""
        document = _read(to_prov_json(build()))
        text = document.serialize(format=fmt)
        assert prov_model.ProvDocument.deserialize(content=text, format=fmt) == document


class TestAgentTypes:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            ("person", "prov:Person"),
            ("ministry", "prov:Organization"),
            ("diplomatic_mission", "prov:Organization"),
            ("news_agency", "prov:Organization"),
            ("account", "prov:SoftwareAgent"),
            ("channel", "prov:SoftwareAgent"),
            ("country", None),
            ("group", None),
        ],
    )
    def test_broader_chain(self, kind: str, expected: str | None) -> None:
        """A kind is typed by the first PROV type on its broader chain."""
        assert agent_type(kind) == expected

    def test_export_types_a_ministry(self) -> None:
        """A ministry, two steps below organization, is a prov:Organization agent."""
        facts = d.FactSet([d.Actor(id="actor:mfa", kind="ministry", name="MFA")])
        agent = to_prov_json(facts)["agent"]["actor:mfa"]
        assert agent["prov:type"] == {"$": "prov:Organization", "type": "prov:QUALIFIED_NAME"}


class TestChainsOfHops:
    """Format 1.1: one derivation per hop, speaker's words -> hop 1 -> ... -> the source."""

    def _derivations(self) -> set[tuple[str, str]]:
        read = _read(to_prov_json(facts11()))
        return {
            (str(r.formal_attributes[0][1]), str(r.formal_attributes[1][1]))
            for r in read.get_records(prov_model.ProvDerivation)
        }

    def test_a_chain_gives_one_derivation_per_hop(self) -> None:
        """The words pass through TASS and the embassy's translation into the wire story."""
        found = self._derivations()
        words, hop = "ddfacts:words_claim_words", "ddfacts:hop_claim_words_"
        assert {(f"{hop}1", words), (f"{hop}2", f"{hop}1"), ("source:wire", f"{hop}2")} <= found

    def test_hops_are_attributed_to_their_agents_with_mode_and_language(self) -> None:
        """Each hop entity is attributed to its agent and carries its mode and language."""
        document = to_prov_json(facts11())
        hop = document["entity"]["ddfacts:hop_claim_words_2"]
        assert hop["ddfacts:mode"] == "translates" and hop["ddfacts:language"] == "en"
        read = _read(document)
        attributed = _relations(read, prov_model.ProvAttribution)
        assert ("ddfacts:hop_claim_words_1", "actor:tass") in attributed
        assert ("ddfacts:hop_claim_words_2", "actor:embassy") in attributed
        assert ("ddfacts:words_claim_words", "actor:stepanov") in attributed

    def test_a_1_0_attribution_keeps_its_relations_and_gains_the_hops(self) -> None:
        """via/translated_by still give the PrimarySource and roles, plus hop relations."""
        document = to_prov_json(facts11())
        found = self._derivations()
        assert ("claim:relayed", "source:wire") in found
        assert ("source:wire", "source:tass") in found
        assert ("ddfacts:hop_claim_relayed_1", "ddfacts:words_claim_relayed") in found
        assert ("ddfacts:hop_claim_relayed_2", "ddfacts:hop_claim_relayed_1") in found
        roles = {
            (r["prov:agent"], r.get("prov:role"))
            for r in document["wasAssociatedWith"].values()
            if r["prov:activity"] == "ddfacts:reporting_claim_relayed"
        }
        assert roles == {
            ("actor:stepanov", "speaker"),
            ("actor:tass", "original outlet"),
            ("actor:embassy", "translator"),
        }
        check_prov_json(document)
        read = _read(document)
        expected = sum(len(group) for key, group in document.items() if key != "prefix")
        assert len(list(read.get_records())) == expected
