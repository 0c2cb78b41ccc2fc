"""FactStore answers as the FactSet of the same files does, without loading the set."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.cli._base import load_all
from ddfacts.jsonio._fast._load import WARM_UP, structure_fast
from ddfacts.jsonio._files import to_json
from ddfacts.query import record_times, span_of
from ddfacts.store import FactStore, StoreError, build_store, update_store
from ddfacts.store._decode import Decoder
from ddfacts.store._schema import FORMAT, time_bounds
from ddfacts.store._times import overlapping, width_of
from ddfacts.strategies import fact_sets

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"
FILTERS = ("type", "subject", "property", "source", "speaker", "at")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[d.FactSet, FactStore]]:
    """The seed corpus as a FactSet and as a store built from the same files."""
    path = tmp_path_factory.mktemp("store") / "seeds.sqlite"
    build_store([SEEDS], path)
    with FactStore(path) as store:
        list(store)  # past the decoder's warm-up: the tests below read through the fast path
        yield load_all([str(SEEDS)]), store


def _pools(facts: d.FactSet) -> dict[str, list[Any]]:
    """Values each filter can take in *facts*, plus some that match nothing."""
    claims = facts.claims
    times: list[Any] = [span for record in facts for span in record_times(record)]
    return {
        "type": [*sorted({r.type for r in facts}), "nothing"],
        "subject": [
            *sorted({r.id for r in facts.actors} | {i for c in claims for i in c.about}),
            "actor:x",
        ],
        "property": [*sorted({c.property for c in claims if c.property}), "nothing"],
        "source": [*sorted({r.id for r in facts.sources}), "source:x"],
        "speaker": [*sorted({c.speaker for c in claims if c.speaker}), "actor:x"],
        "at": [*times[:40], dt.date(2022, 12, 9), dt.date(1990, 1, 1)],
    }


def _filters(pools: dict[str, list[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Up to three filters, each a value from its pool."""
    choices = {name: st.sampled_from(pool) for name, pool in pools.items() if pool}
    return st.lists(st.sampled_from(sorted(choices)), max_size=3, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({name: choices[name] for name in names})
    )


class TestSameAnswers:
    """Queries, lookups and timelines of a store equal the FactSet's, in the same order."""

    def test_iteration_and_accessors(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Iterating, len, get and the typed accessors give the FactSet's records."""
        facts, store = seeds
        assert list(store) == list(facts)
        assert len(store) == len(facts)
        assert store.claims == facts.claims and store.actors == facts.actors
        assert store.statements == facts.statements and store.sources == facts.sources
        first = facts.claims[0]
        assert store.get(first.id) == first and store.get(first.id, d.Actor) is None
        assert store[first.id] == first and first.id in store and "claim:none" not in store
        assert store.by_property(first.property) == facts.by_property(first.property)

    def test_indexes(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """by_subject and by_source equal the FactSet's indexes for every actor and source."""
        facts, store = seeds
        for actor in facts.actors:
            assert store.by_subject(actor.id) == facts.by_subject(actor.id)
        for source in facts.sources:
            assert store.by_source(source.id) == facts.by_source(source.id)

    def test_timelines(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Every actor's timeline is the FactSet's."""
        facts, store = seeds
        for actor in facts.actors:
            assert store.timeline(actor.id) == facts.timeline(actor.id)
        with pytest.raises(KeyError):
            store.timeline("actor:nobody")

    @given(data=st.data())
    @settings(max_examples=80, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
    def test_random_queries_over_the_seeds(
        self, seeds: tuple[d.FactSet, FactStore], data: st.DataObject
    ) -> None:
        """Random filter combinations give the same records in the same order."""
        facts, store = seeds
        filters = data.draw(_filters(_pools(facts)))
        assert store.query(**filters) == facts.query(**filters)

    @given(facts=fact_sets(max_records=16), data=st.data())
    @settings(max_examples=12, deadline=None)
    def test_random_queries_over_generated_sets(
        self, facts: d.FactSet, data: st.DataObject
    ) -> None:
        """Over generated sets too, the store and the FactSet agree on every query."""
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "facts.jsonl"
            d.dump(facts, source)
            build_store([source], Path(folder) / "facts.sqlite")
            with FactStore(Path(folder) / "facts.sqlite") as store:
                assert list(store) == list(facts)
                for _ in range(5):
                    filters = data.draw(_filters(_pools(facts)))
                    assert store.query(**filters) == facts.query(**filters)


class TestSearch:
    """Full-text search over quotes, claim texts, propositions and names."""

    def test_every_word_ranked(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Hits hold every word, best first, with the source they come from."""
        _, store = seeds
        hits = store.search("summoned ambassador Stepanov")
        assert hits and all("summon" in h.text.lower() for h in hits)
        assert [h.score for h in hits] == sorted(h.score for h in hits)
        assert hits[0].source is not None and hits[0].source.id == "source:globalnews-summons"

    def test_operators_are_words(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """FTS5 syntax in the words is text, never an error or an operator."""
        _, store = seeds
        for words in ('"', "NEAR(a b)", "a OR", "text:x", "*", "-x", "(", "AND"):
            store.search(words)
        assert store.search("") == () and store.search("   ") == ()

    def test_names_and_limit(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Actor names are found; limit caps the hits."""
        _, store = seeds
        assert any(h.field == "name" for h in store.search("Stepanov"))
        assert len(store.search("the", limit=2)) == 2


class TestBuildAndUpdate:
    """Builds are atomic; updates re-read only what changed; bad stores are refused."""

    def test_update_reads_changed_files(self, tmp_path: Path) -> None:
        """Only a changed file is re-read, and the store then equals a fresh build."""
        first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        facts = load_all([str(DEMO)])
        records = list(facts)
        d.dump(records[:10], first)
        d.dump(records[10:], second)
        db = tmp_path / "f.sqlite"
        assert build_store([first, second], db).records == len(records)
        d.dump(records[:5], first)
        summary = update_store([first, second], db)
        assert (summary.read, summary.records) == (1, len(records) - 5)
        with FactStore(db) as store:
            assert list(store) == [*records[:5], *records[10:]]
        assert update_store([second], db).records == len(records) - 10

    def test_failed_build_keeps_the_old_store(self, tmp_path: Path) -> None:
        """A build that fails leaves the previous store as it was, and no temporary file."""
        db = tmp_path / "f.sqlite"
        build_store([DEMO], db)
        before = db.read_bytes()
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"type": "claim"}\n', encoding="utf-8")
        with pytest.raises(d.LoadError):
            build_store([DEMO, bad], db)
        with pytest.raises(d.DuplicateIdError, match=r"demo\.facts\.json"):
            build_store([DEMO, DEMO], db)
        assert db.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "f.sqlite"]

    def test_mode_of_a_plain_write(self, tmp_path: Path) -> None:
        """A new store gets the mode a plain write gives under the umask, not mkstemp's 0600."""
        db = tmp_path / "f.sqlite"
        umask = os.umask(0o022)
        try:
            build_store([DEMO], db)
        finally:
            os.umask(umask)
        assert db.stat().st_mode & 0o777 == 0o644

    def test_newer_format_refused(self, tmp_path: Path) -> None:
        """A store written by a newer format is refused with one sentence."""
        db = tmp_path / "f.sqlite"
        build_store([DEMO], db)
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'format'", (str(FORMAT + 1),))
        connection.close()
        with pytest.raises(StoreError, match="newer ddfacts"):
            FactStore(db)
        with pytest.raises(StoreError, match="newer ddfacts"):
            update_store([DEMO], db)


def _day(ordinal: int | None) -> str | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


_ORDINALS = st.one_of(st.none(), st.integers(1, dt.date.max.toordinal()),
                      st.integers(738000, 738100))  # fmt: skip


class TestTimeIndex:
    """The times index finds exactly the overlapping intervals, by range reads only."""

    @given(
        rows=st.lists(st.tuples(_ORDINALS, _ORDINALS), max_size=30),
        query=st.tuples(_ORDINALS, _ORDINALS),
    )
    @settings(max_examples=60, deadline=None)
    def test_width_classes_find_every_overlap(
        self, rows: list[tuple[int | None, int | None]], query: tuple[int | None, int | None]
    ) -> None:
        """overlapping() returns the rows a brute-force interval test returns."""
        db = sqlite3.connect(":memory:")
        db.execute('CREATE TABLE times (seq, property, width, "from", "to")')
        intervals = [(a, b) if None in (a, b) or a <= b else (b, a) for a, b in rows]  # type: ignore[operator]
        for seq, (low, high) in enumerate(intervals):
            values = (seq, "p", width_of(_day(low), _day(high)), _day(low), _day(high))
            db.execute("INSERT INTO times VALUES (?, ?, ?, ?, ?)", values)
        first, last = query
        sql, params = overlapping(_day(first), _day(last), "p")
        found = sorted(seq for (seq,) in db.execute(sql, params))
        expected = [
            seq for seq, (low, high) in enumerate(intervals)
            if (low is None or last is None or low <= last)
            and (high is None or first is None or high >= first)
        ]  # fmt: skip
        assert found == expected

    def test_plans_read_indexes(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """Property + time and time alone are index range reads; search needs no sort."""
        _, store = seeds
        db = sqlite3.connect(store.path)
        for sql, params in (
            overlapping("2022-12-08", "2022-12-10", "followers"),
            overlapping("2022-12-08", None),
            overlapping(None, "2022-12-10"),
        ):
            plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            assert "SCAN" not in plan and "COVERING INDEX times_" in plan, plan
        search = "SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rowid LIMIT 20"
        plan = " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {search}", ("a",)))
        assert "TEMP B-TREE" not in plan, plan
        db.close()

    def test_bounds_exact_for_days_widened_for_offsets(self) -> None:
        """A date's bounds are its own day; a time with an offset reaches the next UTC day."""
        day = dt.date(2022, 12, 9)
        assert time_bounds(span_of(day)) == ("2022-12-09", "2022-12-09")
        moment = dt.datetime(2022, 12, 9, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
        bounds = time_bounds(span_of(moment))
        assert bounds == ("2022-12-08", "2022-12-10")


class TestShortestFirst:
    """Search hits come shortest text first, and a search reads only as far as its hits."""

    def test_order_and_update(self, tmp_path: Path) -> None:
        """Shorter quotes holding every word come first, also after an update adds texts."""
        facts = load_all([str(DEMO)])
        source = facts.sources[0]
        first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        d.dump(facts, first)
        words = ["alpha beta " + "filler " * n for n in (5, 1, 9)]
        d.dump([_statement(source.id, i, text) for i, text in enumerate(words)], second)
        db = tmp_path / "f.sqlite"
        build_store([first, second], db)
        with FactStore(db) as store:
            hits = store.search("beta alpha")
            assert [h.id for h in hits] == ["statement:t/1", "statement:t/0", "statement:t/2"]
            assert [h.score for h in hits] == [3.0, 7.0, 11.0]
            assert hits[0].source == source
        d.dump([_statement(source.id, 3, "alpha beta")], second)
        update_store([first, second], db)
        with FactStore(db) as store:
            assert [h.id for h in store.search("alpha beta")] == ["statement:t/3"]


def _statement(source: str, number: int, text: str) -> d.Statement:
    anchor = d.Anchor(start=0, end=len(text), exact=text)
    return d.Statement(id=f"statement:t/{number}", source=source, anchor=anchor)


class TestFormats:
    """Stores of another format are refused with one sentence."""

    def test_older_format_refused(self, tmp_path: Path) -> None:
        """A store written by an older format says to rebuild it."""
        db = tmp_path / "f.sqlite"
        build_store([DEMO], db)
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'format'", (str(FORMAT - 1),))
        connection.close()
        with pytest.raises(StoreError, match=r"older ddfacts.*rebuild it"):
            FactStore(db)


def _rows(path: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT seq, id, json FROM records ORDER BY seq").fetchall()
    connection.close()
    return rows


def _tamper(path: Path, record_id: str, value: object) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE records SET json = ? WHERE id = ?", (value, record_id))
    connection.close()


class TestDecoding:
    """Stored records decode fast when the store is as built, and exactly otherwise."""

    def test_warm_up_then_fast(self, seeds: tuple[d.FactSet, FactStore]) -> None:
        """The seed store's records, decoded past the warm-up, are the FactSet's."""
        facts, store = seeds
        assert len(facts) > WARM_UP
        rows = _rows(store.path)
        assert all(structure_fast(json.loads(text)) is not None for _, _, text in rows)
        decode = Decoder(store.path, warm_up=0)
        decoded = [decode(*row) for row in rows]
        assert decoded == list(facts)
        assert [to_json(r) for r in decoded] == [to_json(r) for r in facts]

    @given(facts=fact_sets(max_records=16))
    @settings(max_examples=8, deadline=None)
    def test_fast_equals_exact_on_generated_sets(self, facts: d.FactSet) -> None:
        """For generated records, the fast path and the codec build equal records."""
        with tempfile.TemporaryDirectory() as folder:
            source, path = Path(folder) / "facts.jsonl", Path(folder) / "facts.sqlite"
            d.dump(facts, source)
            build_store([source], path)
            rows = _rows(path)
            fast = [Decoder(path, warm_up=0)(*row) for row in rows]
            exact = [Decoder(path, warm_up=len(rows))(*row) for row in rows]
        assert fast == exact == list(facts)
        assert [to_json(r) for r in fast] == [to_json(r) for r in exact]

    @pytest.mark.parametrize(
        "change",
        [
            lambda v: {**v, "property": 5},  # a wrong type the builder alone would keep
            lambda v: {**v, "subject": "not an id"},
            lambda v: {**v, "confidence": float("nan")},
            lambda v: {**v, "value": {"quantity": {"unit": "x"}, "text": "y"}},
            lambda v: {"type": "claim", "id": v["id"]},
            lambda v: json.dumps(v)[:-1] + ', "id": "claim:twice"}',  # a duplicate key
            lambda v: "[" * 10_000,
            lambda v: "{not json",
            lambda v: 17,
            lambda v: json.dumps(v).encode(),
        ],
    )
    def test_tampered_record_named(self, tmp_path: Path, change: Any) -> None:
        """A record changed on disk is a StoreError naming it, fast path or not."""
        path = tmp_path / "f.sqlite"
        build_store([DEMO], path)
        claim = next(r for r in load_all([str(DEMO)]) if isinstance(r, d.Claim))
        changed = change(to_json(claim))
        _tamper(path, claim.id, json.dumps(changed) if isinstance(changed, dict) else changed)
        for warm_up in (0, WARM_UP):
            with FactStore(path) as store:
                store._decode = Decoder(path, warm_up=warm_up)
                with pytest.raises(StoreError, match=rf"bad record \('{claim.id}', seq \d+\)"):
                    store.get(claim.id)
                with pytest.raises(StoreError, match="rebuild the store"):
                    store.query(property=claim.property)
