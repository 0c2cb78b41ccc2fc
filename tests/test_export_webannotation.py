"""to_webannotation() writes one W3C Web Annotation per Statement."""

from __future__ import annotations

import attrs

import ddfacts as d
from ddfacts.export import ANNO_CONTEXT, to_webannotation

from ._export_facts import GAZETTE, build
from ._export_formats import check_annotation, check_webannotation
from ._facts11 import facts11


def _items(facts: d.FactSet) -> dict[str, dict[str, object]]:
    return {item["id"]: item for item in to_webannotation(facts)["first"]["items"]}


class TestToWebannotation:
    def test_collection_keeps_the_model_rules(self) -> None:
        """The export is an AnnotationCollection whose annotations keep the model's rules."""
        document = to_webannotation(build())
        check_webannotation(document)
        assert document["total"] == 3

    def test_annotation_ids_are_statement_iris(self) -> None:
        """Each annotation is named by its statement's urn:ddfacts: IRI, sorted."""
        assert list(_items(build())) == [
            "urn:ddfacts:statement:gazette/count",
            "urn:ddfacts:statement:gazette/followers",
            "urn:ddfacts:statement:wire/count",
        ]

    def test_target_is_the_source_url_else_its_urn(self) -> None:
        """A source with a URL is named by it; one without by urn:ddfacts:."""
        items = _items(build())
        gazette = items["urn:ddfacts:statement:gazette/followers"]["target"]
        wire = items["urn:ddfacts:statement:wire/count"]["target"]
        assert gazette["source"] == "https://gazette.example/2023/03/followers"  # type: ignore[index]
        assert wire["source"] == "urn:ddfacts:source:wire"  # type: ignore[index]

    def test_selectors_give_quote_context_and_code_points(self) -> None:
        """Both selectors are there, and positions count code points past the emoji."""
        target = _items(build())["urn:ddfacts:statement:gazette/followers"]["target"]
        quote, position = target["selector"]  # type: ignore[index]
        start = GAZETTE.index("more than 9,000 followers")
        assert quote == {
            "type": "TextQuoteSelector",
            "exact": "more than 9,000 followers",
            "prefix": GAZETTE[start - 32 : start],
            "suffix": GAZETTE[start + 25 : start + 57],
        }
        assert position == {"type": "TextPositionSelector", "start": start, "end": start + 25}

    def test_body_links_claims_and_events_and_carries_the_note(self) -> None:
        """The body links the claims and events citing the statement, then its note."""
        items = _items(build())
        assert items["urn:ddfacts:statement:gazette/count"]["body"] == [
            {
                "type": "SpecificResource",
                "source": "urn:ddfacts:claim:ministry-count",
                "purpose": "linking",
            },
            {
                "type": "SpecificResource",
                "source": "urn:ddfacts:event:dispute",
                "purpose": "linking",
            },
        ]
        assert items["urn:ddfacts:statement:gazette/followers"]["body"][-1] == {  # type: ignore[index]
            "type": "TextualBody",
            "value": "The embassy's own figure.",
            "format": "text/plain",
            "purpose": "commenting",
        }

    def test_creator_and_created_come_from_provenance(self) -> None:
        """The recorder becomes the creator, the tool the generator, the time created."""
        item = _items(build())["urn:ddfacts:statement:gazette/followers"]
        assert item["creator"] == {
            "id": "urn:ddfacts:actor:ana",
            "type": "Person",
            "name": "Ana Ark",
        }
        assert item["generator"] == {
            "id": "urn:ddfacts:tool:annotator:2.1",
            "type": "Software",
            "name": "annotator 2.1",
        }
        assert item["created"] == "2023-03-10T12:00:00Z"

    def test_every_creator_has_an_iri_and_no_guessed_type(self) -> None:
        """A free name, a URL and a tool each get an IRI; a free name is not typed Person."""
        base = d.Statement(
            id="statement:a/x", source="source:a", anchor=d.Anchor(start=0, end=1, exact="x")
        )
        cases = {
            "ddfacts corpus annotators": {
                "id": "urn:ddfacts:agent:ddfacts%20corpus%20annotators",
                "name": "ddfacts corpus annotators",
            },
            "https://desk.example/ana": {
                "id": "https://desk.example/ana",
                "name": "https://desk.example/ana",
            },
        }
        for agent, expected in cases.items():
            record = attrs.evolve(base, provenance=d.Provenance(agent=agent))
            (item,) = to_webannotation(d.FactSet([record]), collection=False)
            check_annotation(item)
            assert item["creator"] == expected
        record = attrs.evolve(base, provenance=d.Provenance(tool="importer"))
        (item,) = to_webannotation(d.FactSet([record]), collection=False)
        assert item["creator"] == {
            "id": "urn:ddfacts:tool:importer",
            "type": "Software",
            "name": "importer",
        }

    def test_statement_without_provenance_or_links_only_highlights(self) -> None:
        """A statement nothing cites has motivation highlighting and no creator."""
        facts = d.FactSet(
            [
                d.Statement(
                    id="statement:a/x",
                    source="source:a",
                    anchor=d.Anchor(start=0, end=1, exact="x"),
                )
            ]
        )
        (item,) = to_webannotation(facts, collection=False)
        check_annotation(item)
        assert item["motivation"] == "highlighting"
        assert "creator" not in item
        # Every annotation has a body: here one describing what the statement quotes.
        assert item["body"] == [
            {
                "type": "TextualBody",
                "value": "A statement quoted from source:a.",
                "format": "text/plain",
                "purpose": "describing",
            }
        ]
        # It starts the text, so its prefix is empty; the source's length is unknown.
        quote = item["target"]["selector"][0]  # type: ignore[index]
        assert quote["prefix"] == "" and "suffix" not in quote
        assert item["@context"] == ANNO_CONTEXT

    def test_same_facts_give_the_same_collection_iri(self) -> None:
        """The collection IRI depends on the statements only, so reruns agree."""
        first = to_webannotation(build())["id"]
        assert first.startswith("urn:ddfacts:collection:")
        empty = to_webannotation(d.FactSet())["id"]
        assert first != empty


class TestShoulds:
    def test_collection_names_last_page_and_generator(self) -> None:
        """The collection names its last page and the software that wrote it."""
        document = to_webannotation(build())
        assert document["last"] == document["first"]["id"]
        assert document["generator"]["type"] == "Software"
        assert document["generator"]["name"] == f"ddfacts {d.__version__}"
        assert document["generator"]["id"].startswith("https://")

    def test_every_annotation_has_a_body(self) -> None:
        assert all(item.get("body") for item in _items(build()).values())

    def test_suffix_is_empty_at_the_end_of_the_text(self) -> None:
        """A quote that ends the source's text has an empty suffix."""
        item = _items(build())["urn:ddfacts:statement:wire/count"]
        text = "The ministry said the count was 4,000, the wire reported."
        assert item["target"]["selector"][0]["suffix"] != ""  # type: ignore[index]
        facts = d.FactSet(
            [
                d.Source(id="source:s", length=len(text), language="en"),
                d.Statement(
                    id="statement:s/end",
                    source="source:s",
                    anchor=d.Anchor.from_quote(text, "the wire reported."),
                ),
            ]
        )
        (only,) = to_webannotation(facts, collection=False)
        assert only["target"]["selector"][0]["suffix"] == ""
        assert only["target"]["language"] == "en"

    def test_statement_language_wins_over_the_source(self) -> None:
        facts = d.FactSet(
            [
                d.Source(id="source:s", language="en"),
                d.Statement(
                    id="statement:s/x",
                    source="source:s",
                    anchor=d.Anchor(start=2, end=3, exact="x"),
                    language="ru",
                ),
            ]
        )
        (only,) = to_webannotation(facts, collection=False)
        assert only["target"]["language"] == "ru"


def test_a_linked_proposition_is_a_describing_body() -> None:
    """The statement's annotation carries the linked claim's proposition in its words."""
    collection = to_webannotation(facts11())
    check_webannotation(collection)
    (annotation,) = collection["first"]["items"]
    described = [b for b in annotation["body"] if b.get("purpose") == "describing"]
    assert described == [
        {
            "type": "TextualBody",
            "value": "Canada isolates itself (probable: “apparently”)",
            "format": "text/plain",
            "purpose": "describing",
            "language": "en",
        }
    ]
    linked = {b["source"] for b in annotation["body"] if b.get("purpose") == "linking"}
    assert linked == {"urn:ddfacts:claim:each", "urn:ddfacts:claim:words"}
