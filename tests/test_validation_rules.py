"""Each rule in one place: the rules, the reference table, and the paths that use them.

A rule is a function that returns a message or None.  The record classes
raise ValueError with it, validation reports it (same message), and the
fast pass only asks whether it holds.  The reference table drives every
reference walk, and must name every member the schemas say holds ids.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.anchors._rules import anchor_span
from ddfacts.jsonio._fast._shape import check_for
from ddfacts.problems import Level, Location
from ddfacts.quantities._rules import quantity_amount, quantity_order, quantity_qualifier
from ddfacts.records._rules import rating_scale, rating_value
from ddfacts.schemas import schema
from ddfacts.times._rules import time_edtf, time_order, time_precision, whole
from ddfacts.validation import check_record, report_of, validate
from ddfacts.validation._refs import IDS, OBJECT, OBJECTS, REFERENCES, Place
from ddfacts.validation._refwalks import SHAPED_WALKS, WALKS, walk
from ddfacts.validation._rules import (
    account_operator,
    known,
    operated_by,
    role_allowed,
    unit_of,
    value_type,
)
from ddfacts.vocabulary import default_vocabulary

from .test_validation_stream import RECORDS

VOCAB = default_vocabulary()


class TestRules:
    """Each rule holds (None) or says what is wrong."""

    def test_quantity(self) -> None:
        """Bounds in order, the amount between them, what each qualifier needs."""
        assert quantity_order(1, 2) is None and quantity_order(None, 2) is None
        assert (
            quantity_order(3, 2) == "lower bound 3 is above upper bound 2; expected lower <= upper"
        )
        assert quantity_amount(5, 1, None) is None
        assert quantity_amount(0, 1, 4) == "amount 0 lies outside its bounds 1..4"
        assert quantity_qualifier("more_than", 9000, 9000, None) is None
        assert quantity_qualifier("between", None, 1, None) == (
            "the qualifier 'between' needs both bounds; got amount None, lower 1, upper None"
        )
        assert quantity_qualifier("not-a-qualifier", None, None, None) is None

    def test_anchor_and_rating(self) -> None:
        """A span as long as its quote; a rating on a non-empty scale."""
        assert anchor_span(2, 5, "abc") is None
        assert anchor_span(5, 2, "abc") == "end 2 is before start 5"
        assert anchor_span(0, 4, "abc") is not None
        assert rating_scale(5, 1) is None and rating_value(1, 5, 1) is None
        assert rating_scale(3, 3) == "the scale 3..3 is empty; expected best != worst"
        assert rating_value(0, 5, 1) == "rating 0 lies outside its scale 1..5"
        assert rating_value(2, 1, 5) is None  # best may be the low end

    def test_times(self) -> None:
        """Bounds in order and fitting the precision, unless the span is loose."""
        import datetime as dt

        first, last = dt.date(2014, 2, 1), dt.date(2014, 2, 28)
        month = {"precision": "month", "edtf": "2014-02", "earliest": "2014-02-01"}
        assert whole("month", first, last) is True and whole("week", first, last) is None
        assert time_order(month, first, last) is None
        assert time_order({"earliest": "b", "latest": "a"}, last, first) is not None
        assert time_precision(month, first, last) is None
        assert time_precision({**month, "precision": "day"}, first, last) is not None
        assert (
            time_precision({**month, "precision": "day", "approximate": True}, first, last) is None
        )
        assert time_precision({"precision": "unknown", "latest": "2014"}, None, None) is not None
        assert time_edtf(" ") == "edtf must not be empty" and time_edtf("2014") is None

    def test_vocabulary(self) -> None:
        """Known names (with a hint), operators, roles, value kinds and units."""
        assert known("actor type", "person", VOCAB.actor_types) is None
        assert "did you mean 'person'" in str(known("actor type", "persn", VOCAB.actor_types))
        assert operated_by("person", False, True) is not None
        assert operated_by("account", True, True) is None
        assert account_operator(True, False) is not None and account_operator(False, False) is None
        assert role_allowed("agent", "post", None) is None
        assert role_allowed("target", "post", ("author",)) == (
            "role 'target' is not allowed in a 'post' event; expected one of 'author'"
        )
        assert value_type("followers", "quantity", "text") is not None
        assert value_type("followers", "quantity", "mystery") is None  # the shape level's
        assert unit_of("followers", "follower", "follower") is None
        assert unit_of("followers", None, "tweet") is None


def _claim(quantity: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "claim",
        "id": "claim:c",
        "subject": "actor:a",
        "property": "followers",
        "value": {"quantity": {"unit": "follower", **quantity}},
    }


def _statement(start: int, end: int, exact: str) -> dict[str, Any]:
    anchor = {"start": start, "end": end, "exact": exact}
    return {"type": "statement", "id": "statement:s", "source": "source:x", "anchor": anchor}


def _review(value: float, best: float, worst: float) -> dict[str, Any]:
    return {
        "type": "review",
        "id": "review:r",
        "claim": "claim:c",
        "reviewer": "actor:a",
        "rating": {"value": value, "best": best, "worst": worst},
    }


#: A record that breaks one rule, the code validation gives it, and the value the record
#: class refuses: the constructor's message must be validation's.
ONE_RULE_BROKEN = [
    (
        _claim({"amount": 5, "lower": 6, "upper": 4, "qualifier": "between"}),
        "meaning.quantity-bounds",
        lambda: d.Quantity(amount=5, lower=6, upper=4, qualifier="between"),
    ),
    (
        _claim({"amount": 3, "lower": 4, "upper": 5, "qualifier": "between"}),
        "meaning.quantity-bounds",
        lambda: d.Quantity(amount=3, lower=4, upper=5, qualifier="between"),
    ),
    (
        _claim({"amount": 5, "lower": 4, "upper": 5, "qualifier": "exact"}),
        "meaning.quantity-qualifier",
        lambda: d.Quantity(amount=5, lower=4, upper=5, qualifier="exact"),
    ),
    (
        _statement(0, 4, "abc"),
        "meaning.anchor-span",
        lambda: d.Anchor(start=0, end=4, exact="abc"),
    ),
    (_statement(4, 1, "abc"), "meaning.anchor-span", lambda: d.Anchor(start=4, end=1, exact="abc")),
    (_review(3, 2, 2), "meaning.rating-scale", lambda: d.Rating(value=3, best=2, worst=2)),
    (_review(9, 5, 1), "meaning.rating-scale", lambda: d.Rating(value=9, best=5, worst=1)),
]


@pytest.mark.parametrize(("value", "code", "build"), ONE_RULE_BROKEN)
def test_constructor_and_validation_say_the_same(value: Any, code: str, build: Any) -> None:
    """The record class raises the very message validation reports; the fast pass declines."""
    problems = check_record(value, Location(), VOCAB).problems
    assert [p.code for p in problems] == [code]
    with pytest.raises(ValueError) as caught:
        build()
    assert str(caught.value) == problems[0].message
    from ddfacts.validation._scan import Scanner

    assert Scanner(VOCAB).facts(value) is None


def _schema_paths(node: Any, path: tuple[str, ...], found: set[tuple[str, ...]]) -> None:
    """Every path below a record that holds ids, by the schemas (``*``: each item)."""
    ref = node.get("$ref", "") if isinstance(node, dict) else ""
    name = ref.rsplit("/", 1)[-1] if ref else ""
    if name in ("id", "actor_id", "source_id", "claim_id", "statement_id"):
        found.add(path)
        return
    if name == "ids":
        found.add((*path, "*"))
        return
    if name:
        _schema_paths(schema("common")["$defs"][name], path, found)
        return
    if not isinstance(node, dict):
        return
    for key, member in node.get("properties", {}).items():
        _schema_paths(member, (*path, key), found)
    if isinstance(node.get("items"), dict):
        _schema_paths(node["items"], (*path, "*"), found)


def _table_paths(places: tuple[Place, ...], path: tuple[str, ...]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for place in places:
        here = (*path, place.key)
        if place.holds == OBJECT:
            found |= _table_paths(place.places, here)
        elif place.holds == OBJECTS:
            found |= _table_paths(place.places, (*here, "*"))
        else:
            found.add((*here, "*") if place.holds == IDS else here)
    return found


@pytest.mark.parametrize("kind", sorted(REFERENCES))
def test_the_table_names_every_reference_the_schema_has(kind: str) -> None:
    """A member the schemas type as an id (other than the record's own) is in the table.

    The table has nothing else but ``evidence``, which every record is walked
    for (so a source that has it by mistake gets its references checked too).
    """
    found: set[tuple[str, ...]] = set()
    _schema_paths(schema(kind), (), found)
    table = _table_paths(REFERENCES[kind], ())
    assert found - {("id",)} <= table
    assert table - found <= {("evidence", "*")}


class TestWalks:
    """The compiled walks: defensive and trusting, the same answers where both apply."""

    def test_trusting_walk_agrees_on_shape_valid_records(self) -> None:
        """On every fixture record the shape check accepts, both walks find the same."""
        compared = 0
        for value in RECORDS:
            kind = value.get("type") if isinstance(value, dict) else None
            if isinstance(kind, str) and kind in REFERENCES and check_for(kind)(value):
                assert SHAPED_WALKS[kind](value) == WALKS[kind](value)
                compared += 1
        assert compared > 20

    def test_sites_are_shared(self) -> None:
        """Two records get the same site objects for the same places."""
        first = {"type": "claim", "subject": "actor:a", "evidence": ["statement:x"]}
        second = {"type": "claim", "subject": "actor:b", "evidence": ["statement:y"]}
        (_, one, _), (_, two, _) = walk(first, "claim"), walk(second, "claim")
        assert [site.where for site in one] == [("evidence", 0), ("subject",)]
        assert all(a is b for a, b in zip(one, two, strict=True))

    def test_derivations(self) -> None:
        """Provenance targets and deriving links, in order; other links are not followed."""
        value = {
            "provenance": {"derived_from": [{"kind": "derived_from", "target": "source:a"}]},
            "links": [
                {"kind": "quotes", "source": "source:b"},
                {"kind": "syndicates", "source": "source:c", "evidence": ["statement:e"]},
            ],
        }
        targets, sites, derived = walk(value, "source")
        assert derived == ("source:a", "source:c")
        assert targets == ["source:a", "source:b", "source:c", "statement:e"]
        assert sites[-1].where == ("links", 1, "evidence", 0)

    @settings(max_examples=200)
    @given(
        st.dictionaries(
            st.sampled_from(["evidence", "provenance", "links", "roles", "value", "attribution"]),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.sampled_from(["actor:a", "x"]),
                lambda inner: (
                    st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["target", "source", "kind"]), inner)
                ),
                max_leaves=8,
            ),
        ),
        st.sampled_from([*REFERENCES, None, "mystery"]),
    )
    def test_any_value_walks(self, value: dict[str, Any], kind: str | None) -> None:
        """The defensive walk never fails, whatever the JSON types."""
        targets, sites, _derived = walk(value, kind)
        assert len(targets) == len(sites)


def test_report_of_takes_record_results(tmp_path: Path) -> None:
    """Results of check_record run anywhere make the report validate makes."""
    values = [
        {"type": "actor", "id": "actor:a", "kind": "person", "name": "A"},
        {**_claim({"amount": 5, "qualifier": "exact", "lower": 5, "upper": 5}), "speaker": "x:y"},
        {"type": "actor", "id": "actor:a", "kind": "person", "name": "Again"},
        _statement(0, 4, "abc"),
    ]
    path = tmp_path / "run.facts.json"
    path.write_text(json.dumps({"ddfacts": "1.0", "records": values}), encoding="utf-8")
    results = [
        check_record(value, Location(file=str(path), pointer=f"/records/{index}"), VOCAB)
        for index, value in enumerate(values)
    ]
    report = report_of(results, VOCAB, frozenset(Level))
    assert report.to_json() == validate(path).to_json()
    assert {p.code for p in report} >= {"ref.duplicate-id", "ref.missing", "meaning.anchor-span"}
