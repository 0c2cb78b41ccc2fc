"""The rules each export format must keep, as assertions shared by the export tests."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Motivations of the W3C Web Annotation vocabulary.
MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}
#: The top-level keys of a PROV-JSON document (W3C Member Submission, section 2).
PROV_KEYS = {
    "prefix",
    "entity",
    "activity",
    "agent",
    "wasGeneratedBy",
    "used",
    "wasInformedBy",
    "wasStartedBy",
    "wasEndedBy",
    "wasInvalidatedBy",
    "wasDerivedFrom",
    "wasAttributedTo",
    "wasAssociatedWith",
    "actedOnBehalfOf",
    "wasInfluencedBy",
    "specializationOf",
    "alternateOf",
    "hadMember",
    "mentionOf",
    "bundle",
}
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
_QNAME = re.compile(r"^([A-Za-z_][\w.-]*):\S+$")
#: An XML QName (NCName ':' NCName), in the ASCII letters ddfacts names use.
XML_QNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*:[A-Za-z_][A-Za-z0-9._-]*\Z")
FEVER_LABELS = {"SUPPORTS", "REFUTES", "NOT ENOUGH INFO"}


def check_annotation(annotation: dict[str, Any]) -> None:
    """One Web Annotation keeps the model's MUSTs and ddfacts' choices."""
    assert isinstance(annotation["id"], str) and ":" in annotation["id"]
    assert annotation["type"] == "Annotation"
    assert annotation["motivation"] in MOTIVATIONS
    target = annotation["target"]
    assert isinstance(target["source"], str) and ":" in target["source"]
    selectors = {selector["type"]: selector for selector in target["selector"]}
    quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
    assert isinstance(quote["exact"], str) and quote["exact"]
    for key in ("prefix", "suffix"):
        assert isinstance(quote.get(key, ""), str)
    assert all(type(position[key]) is int for key in ("start", "end"))
    assert 0 <= position["start"] < position["end"]
    assert position["end"] - position["start"] == len(quote["exact"])
    for body in annotation.get("body", []):
        assert body["type"] in {"SpecificResource", "TextualBody"}
        assert isinstance(body.get("source", body.get("value")), str)
    if "creator" in annotation:
        # An agent SHOULD be typed; a free name (a person or a group?) is left untyped
        # rather than mistyped, but every creator has an IRI and a name.
        creator = annotation["creator"]
        assert creator.get("type", "Person") in {"Person", "Organization", "Software"}
        assert isinstance(creator["id"], str) and ":" in creator["id"]
        assert isinstance(creator["name"], str)
    if "created" in annotation:
        assert _DATETIME.match(annotation["created"])


def check_webannotation(document: dict[str, Any]) -> None:
    """An AnnotationCollection with one embedded page of valid annotations."""
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    assert isinstance(document["id"], str)
    page = document["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert page["partOf"] == document["id"]
    assert document["total"] == len(page["items"])
    for annotation in page["items"]:
        check_annotation(annotation)
    ids = [annotation["id"] for annotation in page["items"]]
    assert ids == sorted(set(ids))


def check_prov_json(document: dict[str, Any]) -> None:
    """Only PROV-JSON keys; every qualified name's prefix is declared or standard."""
    assert set(document) <= PROV_KEYS
    declared = set(document["prefix"]) | {"prov", "xsd", "_"}

    def names(value: Any) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and value.get("type") == "prov:QUALIFIED_NAME":
            return [value["$"]]
        return []

    for key, group in document.items():
        if key == "prefix":
            continue
        for ident, attributes in group.items():
            assert _QNAME.match(ident), ident
            if not ident.startswith("_:"):
                assert XML_QNAME.match(ident), ident
            assert ident.split(":")[0] in declared, ident
            for name, value in attributes.items():
                assert name.split(":")[0] in declared, name
                if key not in ("entity", "agent", "activity") and name.startswith("prov:"):
                    for qname in names(value):
                        if name not in ("prov:time", "prov:role"):
                            assert qname.split(":")[0] in declared, qname
                            assert XML_QNAME.match(qname), qname


#: Google's fact-check markup guide: the properties a ClaimReview must have
#: (required) and should have (recommended), and those of its Rating and Claim.
GOOGLE_CLAIMREVIEW_REQUIRED = frozenset({"claimReviewed", "reviewRating", "url"})
GOOGLE_CLAIMREVIEW_RECOMMENDED = frozenset({"author", "datePublished", "itemReviewed"})
GOOGLE_RATING_REQUIRED = frozenset({"alternateName"})
GOOGLE_RATING_RECOMMENDED = frozenset({"bestRating", "name", "ratingValue", "worstRating"})
GOOGLE_CLAIM_RECOMMENDED = frozenset({"appearance", "author", "datePublished", "firstAppearance"})


def check_claimreview(documents: list[dict[str, Any]]) -> None:
    """Each ClaimReview has schema.org's and Google's required members, rightly typed."""
    for review in documents:
        assert set(review) >= GOOGLE_CLAIMREVIEW_REQUIRED, review["@id"]
        assert set(review["reviewRating"]) >= GOOGLE_RATING_REQUIRED, review["@id"]
        assert urlsplit(review["url"]).scheme in {"http", "https"}, review["url"]
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        numbers = [rating[k] for k in ("worstRating", "ratingValue", "bestRating")]
        assert all(isinstance(n, (int, float)) for n in numbers)
        assert min(numbers[0], numbers[2]) <= numbers[1] <= max(numbers[0], numbers[2])
        assert isinstance(rating["alternateName"], str) and rating["alternateName"]
        assert isinstance(rating.get("name", ""), str)
        assert review["author"]["@type"] in {"Person", "Organization", "Thing"}
        assert isinstance(review["author"]["name"], str)
        if "datePublished" in review:
            dt.date.fromisoformat(review["datePublished"])
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        for work in item.get("appearance", []):
            assert work["@type"] == "CreativeWork"
        if "firstAppearance" in item:
            assert item["firstAppearance"] in item["appearance"]


def check_fever(text: str) -> list[dict[str, Any]]:
    """FEVER-style JSON Lines: one object a line, the FEVER keys, evidence as sets of triples."""
    rows = [json.loads(line) for line in text.splitlines()]
    assert text == "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    for row in rows:
        assert {"id", "claim", "label", "verifiable", "evidence"} <= set(row)
        assert isinstance(row["claim"], str) and row["claim"]
        assert row["label"] in FEVER_LABELS
        assert row["verifiable"] == (
            "NOT VERIFIABLE" if row["label"] == "NOT ENOUGH INFO" else "VERIFIABLE"
        )
        assert isinstance(row["evidence"], list)
        for evidence_set in row["evidence"]:
            for item in evidence_set:
                assert len(item) == 3
    return rows


def check_csv(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Every table parses with a header; child tables join to their owner's ids."""
    tables: dict[str, list[dict[str, str]]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames and reader.fieldnames[0] == "id"
            tables[path.stem] = list(reader)
    for name, rows in tables.items():
        if "__" in name:
            owner = {row["id"] for row in tables[name.split("__")[0]]}
            assert {row["id"] for row in rows} <= owner
        else:
            ids = [row["id"] for row in rows]
            assert len(ids) == len(set(ids))
    return tables
