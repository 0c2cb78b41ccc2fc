"""The Web Annotation export read by a JSON-LD processor (pyld) against the W3C context.

A JSON-LD processor drops members its context does not define, silently; so the
export is expanded with the real context (vendored, served offline) and every member
we wrote must come out as an IRI of the Web Annotation model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ddfacts import load
from ddfacts.export import ANNO_CONTEXT, to_webannotation

jsonld = pytest.importorskip("pyld.jsonld", reason="pyld (extra test) is not installed")

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = json.loads((ROOT / "tests" / "fixtures" / "jsonld" / "anno.jsonld").read_text())
OA = "http://www.w3.org/ns/oa#"


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    """Serve the vendored context; any other URL is a test failure (no network)."""
    assert url == ANNO_CONTEXT, f"the export asked for {url}"
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def _expand(document: Any) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": _loader})
    return expanded


def _members(node: Any) -> set[str]:
    """Every member name written anywhere in a compacted document."""
    if isinstance(node, dict):
        return set(node).union(*(_members(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_members(value) for value in node))
    return set()


def _demo_collection() -> dict[str, Any]:
    collection = to_webannotation(load(ROOT / "examples" / "demo" / "demo.facts.json"))
    assert isinstance(collection, dict)
    return collection


def test_every_member_is_defined_by_the_context() -> None:
    """No member of the export is one the processor would drop."""
    defined = set(CONTEXT["@context"]) | {"@context", "@id", "@type"}
    assert _members(_demo_collection()) - defined == set()


def test_annotations_expand_to_the_model() -> None:
    """Each annotation expands to an oa:Annotation with a target, a selector and an exact quote."""
    items = _demo_collection()["first"]["items"]
    assert items
    for item in items:
        (node,) = _expand({"@context": ANNO_CONTEXT, **item})
        assert node["@type"] == [OA + "Annotation"]
        assert node[OA + "hasBody"], "every annotation has a body"
        (target,) = node[OA + "hasTarget"]
        selectors = target[OA + "hasSelector"]
        kinds = {kind for selector in selectors for kind in selector["@type"]}
        assert OA + "TextQuoteSelector" in kinds
        assert OA + "TextPositionSelector" in kinds
        (quote,) = [s for s in selectors if OA + "TextQuoteSelector" in s["@type"]]
        assert quote[OA + "exact"][0]["@value"] == item["target"]["selector"][0]["exact"]


def test_the_collection_expands_with_first_and_last() -> None:
    """The collection is an as:OrderedCollection with its first and last pages."""
    (node,) = _expand(_demo_collection())
    assert node["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    for member in ("first", "last"):
        assert node[f"http://www.w3.org/ns/activitystreams#{member}"]
