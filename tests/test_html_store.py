"""ddfacts html from a fact store: the same site as from the files, never the whole set loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("jinja2")

import ddfacts
from ddfacts.cli import main
from ddfacts.html import build
from ddfacts.html._problems import ProblemStore
from ddfacts.html._sitedb import SiteIndex, time_key
from ddfacts.problems import Location, Problem
from ddfacts.store import FactStore, build_store

from .conftest import ROOT

DEMO = ROOT / "examples" / "demo"
SEED_FACTS = sorted((ROOT / "examples" / "seeds").glob("*.facts.json"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _both(files: list[Path], texts: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The site of *files* built from a FactSet, and from a store of the same files."""
    loaded = ddfacts.FactSet(record for path in files for record in ddfacts.load(path))
    from_set = build(loaded, ddfacts.TextStore(texts), tmp_path / "from-set")
    build_store(files, tmp_path / "facts.sqlite")
    with FactStore(tmp_path / "facts.sqlite") as store:
        from_store = build(store, ddfacts.TextStore(texts), tmp_path / "from-store")
    return from_set, from_store


def test_the_demo_site_from_a_store_is_byte_identical(tmp_path: Path) -> None:
    """The demo's site from its store has the same files and bytes as from its FactSet."""
    from_set, from_store = _both([DEMO / "demo.facts.json"], DEMO, tmp_path)
    first = _tree(from_set)
    assert "sources/source.demo.html" in first and len(first) > 10
    assert _tree(from_store) == first
    cli = tmp_path / "cli"
    db = str(tmp_path / "facts.sqlite")
    assert main(["html", "--db", db, "--texts", str(DEMO), "-o", str(cli)]) == 0
    assert _tree(cli) == first


def test_the_seed_site_from_a_store_is_byte_identical(tmp_path: Path, seeds_dir: Path) -> None:
    """The seeds' site (with their texts) from a store equals the one from the FactSet."""
    from_set, from_store = _both(SEED_FACTS, seeds_dir, tmp_path)
    assert _tree(from_store) == _tree(from_set)


def test_a_store_build_never_reads_a_whole_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build reads a store a page at a time: no ``by_type`` (every claim, every actor)."""
    build_store([DEMO / "demo.facts.json"], tmp_path / "facts.sqlite")

    def whole(self: FactStore, type_name: str) -> tuple[ddfacts.Record, ...]:
        raise AssertionError(f"the build read every {type_name} at once")

    monkeypatch.setattr(FactStore, "by_type", whole)
    with FactStore(tmp_path / "facts.sqlite") as store:
        site = build(store, ddfacts.TextStore(DEMO), tmp_path / "site")
    assert (site / "claims.html").is_file()


def test_ordered_is_id_order_in_a_set_and_a_store(tmp_path: Path) -> None:
    """``ordered`` gives a type's records by id (code points) in a FactSet and a store alike."""
    ids = ["source:b", "source:a.z", "source:a", "source:a/b", "source:0", "source:a-b"]
    facts = ddfacts.FactSet(ddfacts.Source(id=record_id) for record_id in ids)
    path = tmp_path / "facts.jsonl"
    ddfacts.dump(facts, path)
    build_store([path], tmp_path / "facts.sqlite")
    with FactStore(tmp_path / "facts.sqlite") as store:
        from_store = [s.id for s in store.ordered(ddfacts.Source)]
    assert [s.id for s in facts.ordered(ddfacts.Source)] == sorted(ids) == from_store


def _problem(code: str, pointer: str, *, records: tuple[str, ...] = ()) -> Problem:
    return Problem(
        code=code, severity="error", message=code, location=Location(pointer=pointer),
        records=records,
    )  # fmt: skip


def test_problems_streamed_in_any_order_come_back_in_report_order() -> None:
    """Problems fed unsorted are given back by report place; pointers find ids named later."""
    with ProblemStore() as store:
        store.add(
            [
                _problem("b.two", "/records/10"),
                _problem("a.one", "/records/2"),
                _problem("c.three", "/records/2"),
                _problem("d.four", "", records=("claim:x",)),
            ]
        )
        for ordinal in range(12):
            store.name(ordinal, f"claim:{'x' if ordinal in (2, 10) else ordinal}")
        store.seal()
        assert [code for code, *_ in store.of("claim:x")] == ["d.four", "a.one", "c.three", "b.two"]
        assert store.unplaced() == []


def test_the_site_index_orders_times_and_ids() -> None:
    """Timeline keys sort as the times do; unknown ends last; undated events by id after."""
    import datetime as dt

    assert time_key(dt.date(2022, 1, 2)) < time_key(dt.datetime(2022, 1, 2, 5)) < time_key(None)
    utc = dt.datetime(2022, 1, 2, 1, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert time_key(utc) == "2022-01-01T22:00:00"
    with SiteIndex() as site:
        site.add(ddfacts.Event(id="event:b", event_type="meeting"), 0)
        site.add(ddfacts.Event(id="event:a", event_type="meeting"), 1)
        site.seal()
        assert list(site.timeline()) == ["event:a", "event:b"]
