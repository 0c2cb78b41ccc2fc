"""The store's query path: one filter rule over records, cached time SQL, mapped reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dateutil.parser import isoparse

import ddfacts as d
from ddfacts.cli._base import load_all
from ddfacts.jsonio._fast._build import parse_datetime
from ddfacts.query import filter_records, query
from ddfacts.records import Claim, Record
from ddfacts.store import FactStore, build_store
from ddfacts.store._open import MMAP_SIZE
from ddfacts.store._times import OPEN_BOTH, OPEN_HIGH, OPEN_LOW, WIDTHS, overlapping

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[d.FactSet, FactStore]]:
    """The seed corpus as a FactSet and as a store built from the same files."""
    path = tmp_path_factory.mktemp("store") / "seeds.sqlite"
    build_store([SEEDS], path)
    with FactStore(path) as store:
        yield load_all([str(SEEDS)]), store


def _one_of_each(facts: d.FactSet) -> list[dict[str, Any]]:
    """Each filter alone, with a value some record has and one none has."""
    claim = next(c for c in facts.claims if c.property and c.as_of and c.speaker)
    source = facts.sources[0].id
    return [
        {"type": "claim"}, {"type": "nothing"},
        {"subject": claim.about[0]}, {"subject": "actor:x"},
        {"property": claim.property}, {"property": "nothing"},
        {"source": source}, {"source": "source:x"},
        {"speaker": claim.speaker}, {"speaker": "actor:x"},
        {"at": claim.as_of}, {"at": dt.date(1990, 1, 1)},
        {"property": claim.property, "at": claim.as_of},
        {"certainty": "certain"}, {"proposition": ""},
    ]  # fmt: skip


class TestFilterRecords:
    """filter_records keeps what query keeps, over any sequence of records."""

    def test_each_filter_as_query(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Over a set's records, each filter keeps exactly query()'s answer, in order."""
        facts, _store = seeds
        for filters in _one_of_each(facts):
            kept = filter_records(list(facts), facts.get, **filters)
            assert kept == query(facts, **filters), filters

    def test_keeps_the_order_given(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Records come out in the order they went in (a store passes file order)."""
        facts, _store = seeds
        backwards = list(facts)[::-1]
        kept = filter_records(backwards, facts.get, type="claim")
        assert kept == tuple(r for r in backwards if isinstance(r, Claim))

    def test_source_follows_evidence_through_get(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """The source filter asks *get* for the evidence; a lookup that finds none keeps none
        by evidence alone."""
        facts, _store = seeds
        source = facts.sources[0].id
        asked: list[str] = []

        def nothing(record_id: str, kind: type[Any]) -> Record | None:
            asked.append(record_id)
            return None

        with_evidence = [r for r in facts if getattr(r, "evidence", ()) and r.type != "claim"]
        kept = filter_records(with_evidence, nothing, source=source)
        assert kept == () and (asked or not with_evidence)
        assert filter_records(with_evidence, facts.get, source=source) == tuple(
            r for r in query(facts, source=source) if r in with_evidence
        )

    def test_store_query_is_filter_of_its_candidates(
        self, seeds: tuple[d.FactSet, FactStore]
    ) -> None:
        """FactStore.query is its three phases: candidate rows, decode, filter; = FactSet."""
        facts, store = seeds
        for filters in _one_of_each(facts):
            if "certainty" in filters or "proposition" in filters:
                continue
            full = dict.fromkeys(("type", "subject", "property", "source", "speaker", "at"))
            full |= filters
            phased = store._filtered(store._decoded(store._candidate_rows(full)), full)
            assert phased == store.query(**filters) == query(facts, **filters), filters


def _reference(first: str | None, last: str | None, prop: str | None) -> tuple[str, list[Any]]:
    """The time SQL built class by class, as before it was cached (the test's oracle)."""
    head = "SELECT seq FROM times WHERE " + ("property = ? AND " if prop else "") + "width = ?"
    selects, params = [], []
    for width in (OPEN_BOTH, OPEN_HIGH, OPEN_LOW, *WIDTHS):
        clauses, values = [], []
        if width == OPEN_LOW:
            clauses.append('"from" IS NULL')
        if width >= 0 and first is not None:
            day, span = dt.date.fromisoformat(first), dt.timedelta(days=1 << width)
            if day - dt.date.min >= span:
                clauses.append('"from" > ?')
                values.append((day - span).isoformat())
        if last is not None and width not in (OPEN_LOW, OPEN_BOTH):
            clauses += ['"from" <= ?']
            values.append(last)
        if first is not None and width not in (OPEN_HIGH, OPEN_BOTH):
            clauses += ['"to" >= ?']
            values.append(first)
        selects.append(head + "".join(f" AND {c}" for c in clauses))
        params += ([prop] if prop else []) + [width, *values]
    return " UNION ALL ".join(selects), params


class TestCachedTimeSql:
    """The time statement is made once per shape; only its parameters vary."""

    DAYS = ("0001-01-01", "0001-01-02", "0001-03-01", "1970-01-01", "2022-12-09", "9999-12-31")

    def test_same_as_built_afresh(self) -> None:
        """Text and parameters equal the class-by-class build, for every bound and edge."""
        for first in (None, *self.DAYS):
            for last in (None, *self.DAYS):
                for prop in (None, "followers"):
                    assert overlapping(first, last, prop) == _reference(first, last, prop)

    def test_one_text_per_shape(self) -> None:
        """Two days of one shape share the statement object; their parameters differ."""
        one, two = (
            overlapping("2022-12-09", "2022-12-09", "p"),
            overlapping("2021-03-01", "2021-03-01", "p"),
        )
        assert one[0] is two[0] and one[1] != two[1]

    def test_rows_and_plan_through_index(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Every class is a search of the times_at index (no scan) and the rows are those
        a query over the set finds."""
        facts, store = seeds
        claim = next(c for c in facts.claims if c.property and c.as_of)
        full = dict.fromkeys(("type", "subject", "source", "speaker"))
        full |= {"property": claim.property, "at": claim.as_of}
        rows = store._candidate_rows(full)
        assert claim.id in {row[1] for row in rows}
        sql, params = overlapping("2022-12-09", "2022-12-09", "p")
        plan = store._db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        reads = [row[3] for row in plan if "times" in row[3]]
        assert len(reads) == 3 + len(WIDTHS)
        assert all(read.startswith("SEARCH times USING COVERING INDEX times_at") for read in reads)


def test_read_only_store_is_not_mapped(seeds: tuple[d.FactSet, FactStore]) -> None:
    """A FactStore reads its file without a memory map (see ``MMAP_SIZE``)."""
    _facts, store = seeds
    assert store._db.execute("PRAGMA mmap_size").fetchone()[0] == MMAP_SIZE == 0


@pytest.mark.parametrize(
    "text",
    [
        "2012-01-03T16:15:00+00:00", "2012-01-03T16:15:00Z", "2012-01-03T16:15:00-00:00",
        "2012-01-03T16:15:00.123+00:00", "2012-01-03T16:15:00+05:30", "2012-01-03T16:15:00-08:00",
        "2012-01-03T16:15:00", "2012-01-03T16:15",
    ],
)  # fmt: skip
def test_parse_datetime_as_isoparse(text: str) -> None:
    """The zero-offset shortcut gives dateutil's value and zone class, as every other form."""
    fast, slow = parse_datetime(text), isoparse(text)
    assert fast == slow and type(fast.tzinfo) is type(slow.tzinfo)
    assert fast.utcoffset() == slow.utcoffset()
