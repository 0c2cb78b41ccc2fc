"""Cheaper decoding of stored records: shared time spans and remembered pattern tests.

A shared value is equal to a freshly built one, the tables are bounded, and a
bad record is refused exactly as before, whatever the tables hold.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import ddfacts as d
from ddfacts.cli._base import load_all
from ddfacts.jsonio._fast._build import builder_for
from ddfacts.jsonio._fast._load import structure_fast
from ddfacts.jsonio._fast._patterns import PATTERN_MEMO_LIMIT, remembering
from ddfacts.jsonio._fast._shape import check_for
from ddfacts.jsonio._fast._shared import SHARED, shared
from ddfacts.jsonio._files import from_json, to_json
from ddfacts.store import FactStore, StoreError, build_store
from ddfacts.store._decode import Decoder
from ddfacts.times import TimeSpan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"


def _counting(build: Callable[[dict[str, Any]], Any]) -> tuple[list[int], Callable[..., Any]]:
    calls = [0]

    def counted(value: dict[str, Any]) -> Any:
        calls[0] += 1
        return build(value)

    return calls, counted


def _span(day: str) -> dict[str, Any]:
    return {"earliest": day, "latest": day, "precision": "day", "edtf": day}


class TestShared:
    """The shared builder: one instance for equal JSON, bounded, exact about types."""

    def test_time_spans_are_shared(self) -> None:
        """Equal JSON objects give one TimeSpan, equal to the constructor's."""
        assert TimeSpan in SHARED
        build = builder_for(TimeSpan)
        first, second = build(_span("2015-02-28")), build(_span("2015-02-28"))
        assert first is second
        assert first == TimeSpan.from_edtf("2015-02-28")
        assert build(_span("2015-03-01")) is not first

    def test_equal_values_built_once(self) -> None:
        """The builder runs once per distinct value."""
        calls, counted = _counting(dict)
        build = shared(counted)
        for _ in range(3):
            assert build({"a": "x", "b": True}) == {"a": "x", "b": True}
        assert calls == [1]

    def test_types_never_meet(self) -> None:
        """``true``, ``1`` and ``1.0`` are three values; floats are never shared."""
        calls, counted = _counting(dict)
        build = shared(counted)
        assert type(build({"a": True})["a"]) is bool
        assert type(build({"a": 1})["a"]) is int
        assert type(build({"a": 1.0})["a"]) is float
        assert str(build({"a": -0.0})["a"]) == "-0.0"
        assert str(build({"a": 0.0})["a"]) == "0.0"
        assert calls == [5]

    def test_nested_values_built_afresh(self) -> None:
        """An object holding an object or an array is not shared (it is not hashable)."""
        calls, counted = _counting(dict)
        build = shared(counted)
        for value in ({"a": {"b": 1}}, {"a": {"b": 1}}, {"a": [1]}, {"a": [1]}):
            assert build(value) == value
        assert calls == [4]

    def test_bounded(self) -> None:
        """Past its limit the table starts again: the first value is built anew."""
        calls, counted = _counting(dict)
        build = shared(counted, limit=2)
        for name in ("a", "b", "c", "a"):
            build({"k": name})
        assert calls == [4]
        with pytest.raises(ValueError, match="at least 1"):
            shared(dict, limit=0)

    def test_failure_not_kept(self) -> None:
        """A value whose build fails fails every time."""
        calls = [0]

        def refuse(value: dict[str, Any]) -> Any:
            calls[0] += 1
            raise ValueError("bad")

        build = shared(refuse)
        for _ in range(2):
            with pytest.raises(ValueError, match="bad"):
                build({"a": "x"})
        assert calls == [2]


class TestRemembering:
    """Pattern tests answer as the expression does; their memory is bounded."""

    def test_answers_as_the_search(self) -> None:
        """Only matched strings are kept; a miss is never remembered."""
        seen, match = remembering(re.compile(r"^a+\Z"))
        assert match("aaa") and "aaa" in seen
        assert not match("aab") and "aab" not in seen
        assert not match("aaa\n")

    def test_bounded(self) -> None:
        """The set never holds more than its limit."""
        seen, match = remembering(re.compile(r"^[0-9]+\Z"), 3)
        for number in range(10):
            assert match(str(number))
            assert len(seen) <= 3
        assert PATTERN_MEMO_LIMIT >= 1
        with pytest.raises(ValueError, match="at least 1"):
            remembering(re.compile("x"), 0)

    def test_bad_id_after_good_refused(self) -> None:
        """A check that has passed good ids still refuses a bad one."""
        claim = next(r for r in load_all([str(DEMO)]) if isinstance(r, d.Claim))
        value = to_json(claim)
        check = check_for("claim")
        assert check(value) and check(value)
        assert not check({**value, "subject": value["subject"] + "\n"})
        assert not check({**value, "subject": "Not An Id"})


def _rows(path: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT seq, id, json FROM records ORDER BY seq").fetchall()
    connection.close()
    return rows


class TestStoreDecode:
    """Through the store: the records are the codec's, shared spans included."""

    def test_seed_store_equals_codec(self, tmp_path: Path) -> None:
        """Every seed record decodes to what the strict reader and codec give."""
        path = tmp_path / "seeds.sqlite"
        build_store([SEEDS], path)
        rows = _rows(path)
        fast = [Decoder(path, warm_up=0)(*row) for row in rows]
        exact = [from_json(json.loads(text)) for _, _, text in rows]
        assert fast == exact
        assert [to_json(r) for r in fast] == [to_json(r) for r in exact]

    def test_equal_as_of_shared(self) -> None:
        """Claims with equal as-of JSON hold one TimeSpan instance, equal to a fresh one."""
        facts = [r for r in load_all([str(DEMO)]) if isinstance(r, d.Claim) and r.as_of]
        claim = next(r for r in facts if r.as_of and r.as_of.resolved_against is None)
        value = to_json(claim)
        twin = {**value, "id": claim.id + "-twin"}
        one, two = structure_fast(dict(value)), structure_fast(twin)
        assert isinstance(one, d.Claim) and isinstance(two, d.Claim)
        assert one.as_of is two.as_of
        assert claim.as_of is not None
        fresh = attrs.evolve(claim.as_of)  # through the constructor and its rules
        assert one.as_of == fresh and one.as_of is not fresh
        resolved = next(r for r in facts if r.as_of and r.as_of.resolved_against)
        apart = [structure_fast(to_json(resolved)) for _ in range(2)]
        spans = [r.as_of for r in apart if isinstance(r, d.Claim)]
        assert spans == [resolved.as_of] * 2 and spans[0] is not spans[1]  # nested: not shared

    def test_bad_span_refused_after_good(self, tmp_path: Path) -> None:
        """A stored span whose bounds were swapped is refused though its good twin is kept."""
        path = tmp_path / "f.sqlite"
        build_store([DEMO], path)
        claim = next(
            r
            for r in load_all([str(DEMO)])
            if isinstance(r, d.Claim) and r.as_of is not None and r.as_of.precision.value == "day"
        )
        good = to_json(claim)
        bad = {**good, "as_of": {**good["as_of"], "earliest": "2999-01-01"}}
        with sqlite3.connect(path) as connection:
            connection.execute(
                "UPDATE records SET json = ? WHERE id = ?", (json.dumps(bad), claim.id)
            )
        connection.close()
        assert structure_fast(good) is not None  # the good span is in the shared table
        with FactStore(path) as store:
            store._decode = Decoder(path, warm_up=0)
            with pytest.raises(StoreError, match=rf"bad record \('{claim.id}', seq \d+\)"):
                store.get(claim.id)
