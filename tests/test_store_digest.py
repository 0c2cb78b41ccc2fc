"""Store format 3: rows as built are decoded without the shape check, rows changed since with it.

Each ``records`` row carries a keyed digest of its JSON; the store's key is in
``meta``.  A row whose digest matches is read by the builder alone (the shape
check is made to raise below, and the store still reads); any other row takes
the checked path and a bad one is still a StoreError naming the record.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.cli._base import load_all
from ddfacts.jsonio._fast import _load
from ddfacts.jsonio._fast._load import structure_trusted
from ddfacts.jsonio._files import to_json
from ddfacts.store import FactStore, StoreError, _decode, build_store, update_store
from ddfacts.store._decode import Decoder
from ddfacts.store._digest import KEY_BYTES, digest_of, new_key, store_key
from ddfacts.store._schema import FORMAT

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"


def _refuse(*args: object) -> Any:
    raise AssertionError("the shape check ran")


def _sql(path: Path, statement: str, params: tuple[object, ...] = ()) -> list[Any]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(statement, params).fetchall()
    connection.close()
    return rows


def _decoder(path: Path) -> Decoder:
    """The store's decoder, with no warm-up on either path."""
    with sqlite3.connect(path) as connection:
        key = store_key(connection)
    connection.close()
    return Decoder(path, warm_up=0, key=key, trusted_warm_up=0)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the demo file, built once; tests copy it before changing it."""
    path = tmp_path_factory.mktemp("digest") / "demo.sqlite"
    build_store([DEMO], path)
    return path


@pytest.fixture
def demo(demo_store: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo store."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_store, path)
    return path


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the rows the decoder sends down the checked path (its strict fast parser)."""
    calls = [0]
    real = _decode._parse_fast

    def counted(text: str) -> Any:
        calls[0] += 1
        return real(text)

    monkeypatch.setattr(_decode, "_parse_fast", counted)
    yield calls


def _claim() -> d.Claim:
    return next(r for r in load_all([str(DEMO)]) if isinstance(r, d.Claim) and r.property)


class TestAsBuilt:
    """A store as built is read by the trusted path, and equals the FactSet."""

    def test_built_rows_carry_digests(self, demo: Path) -> None:
        """Every row's digest is its JSON's under the store's key, kept in meta."""
        (key,) = _sql(demo, "SELECT value FROM meta WHERE key = 'digest_key'")[0]
        assert len(bytes.fromhex(key)) == KEY_BYTES
        rows = _sql(demo, "SELECT json, digest FROM records")
        assert rows and all(digest == digest_of(text, bytes.fromhex(key)) for text, digest in rows)
        assert _sql(demo, "SELECT value FROM meta WHERE key = 'format'") == [(str(FORMAT),)]

    def test_shape_check_never_runs(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """With the shape check and the checked path made to raise, the store still reads."""
        path = tmp_path / "seeds.sqlite"
        build_store([SEEDS], path)
        facts = load_all([str(SEEDS)])
        monkeypatch.setattr(_load, "_by_type", _refuse)
        monkeypatch.setattr(_decode, "_parse_fast", _refuse)
        with FactStore(path) as store:
            assert list(store) == list(facts)  # default warm-ups: the codec, then trusted
            store._decode = _decoder(path)
            monkeypatch.setattr(Decoder, "_exact", _refuse)  # nor the codec
            assert list(store) == list(facts)
            assert [to_json(r) for r in store] == [to_json(r) for r in facts]
            claim = facts.claims[0]
            assert store.query(property=claim.property) == facts.query(property=claim.property)

    def test_trusted_equals_checked(self, demo: Path) -> None:
        """Both paths build equal records from the same rows."""
        rows = _sql(demo, "SELECT seq, id, json, digest FROM records ORDER BY seq")
        trusted = [_decoder(demo)(*row) for row in rows]
        checked = [Decoder(demo, warm_up=0)(*row) for row in rows]
        assert trusted == checked == list(load_all([str(DEMO)]))

    def test_get_runs_no_shape_check(self, demo: Path, checked: list[int]) -> None:
        """A get() reads through the codec while the trusted path warms up: no shape check."""
        claim = _claim()
        with FactStore(demo) as store:
            assert store.get(claim.id) == claim
        assert checked == [0]


class TestChangedSince:
    """Rows whose digest does not match take the checked path, as format 2 read every row."""

    def test_edited_row_checked_and_kept(self, demo: Path, checked: list[int]) -> None:
        """JSON edited in SQL to the same record (spaced out) is checked, and read."""
        claim = _claim()
        _sql(demo, "UPDATE records SET json = ? WHERE id = ?",
             (json.dumps(to_json(claim), indent=1), claim.id))  # fmt: skip
        with FactStore(demo) as store:
            store._decode = _decoder(demo)
            assert list(store) == list(load_all([str(DEMO)]))
        assert checked == [1]

    def test_bad_edit_refused(self, demo: Path) -> None:
        """A wrong type the builder alone would keep is refused, naming the record."""
        claim = _claim()
        bad = {**to_json(claim), "property": 5}
        assert structure_trusted(bad) is not None  # the builder alone does not see it
        _sql(demo, "UPDATE records SET json = ? WHERE id = ?", (json.dumps(bad), claim.id))
        with FactStore(demo) as store:
            store._decode = _decoder(demo)
            with pytest.raises(StoreError, match=rf"bad record \('{claim.id}', seq \d+\)"):
                store.get(claim.id)
        with FactStore(demo) as store, pytest.raises(StoreError, match="rebuild the store"):
            store.query(property=claim.property)

    @pytest.mark.parametrize(
        "digest",
        [
            lambda text: None,
            lambda text: b"garbage",
            lambda text: b"",
            lambda text: "not bytes",
            lambda text: 17,
            lambda text: digest_of(text, new_key()),  # another store's key
            lambda text: digest_of(text, new_key())[:8],
        ],
    )
    def test_other_digests_checked(
        self, demo: Path, checked: list[int], digest: Callable[[str], object]
    ) -> None:
        """NULL, garbage, or another key's digest: the checked path, the same records."""
        rows = _sql(demo, "SELECT seq, json FROM records ORDER BY seq")
        changed = [(digest(text), seq) for seq, text in rows[::3]]
        with sqlite3.connect(demo) as connection:
            connection.executemany("UPDATE records SET digest = ? WHERE seq = ?", changed)
        connection.close()
        with FactStore(demo) as store:
            store._decode = _decoder(demo)
            assert list(store) == list(load_all([str(DEMO)]))
        assert checked == [len(changed)]

    def test_other_key_in_meta(self, demo: Path, checked: list[int]) -> None:
        """A store whose key was replaced checks every row, and reads the same records."""
        _sql(demo, "UPDATE meta SET value = ? WHERE key = 'digest_key'", (new_key().hex(),))
        with FactStore(demo) as store:
            store._decode = _decoder(demo)
            assert list(store) == list(load_all([str(DEMO)]))
            assert checked == [len(store)]


class TestUpdateAndFormat:
    """``db update`` keeps the key; older and keyless stores are refused in one sentence."""

    def test_update_keeps_key_and_writes_digests(self, tmp_path: Path) -> None:
        """New and re-read rows get digests under the store's unchanged key."""
        first, second, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "f.sqlite"
        records = list(load_all([str(DEMO)]))
        d.dump(d.FactSet(records[:40]), first)
        d.dump(d.FactSet(records[50:80]), second)
        build_store([first], db)
        key = _sql(db, "SELECT value FROM meta WHERE key = 'digest_key'")
        d.dump(d.FactSet(records[:50]), first)
        assert main(["db", "update", str(first), str(second), "-o", str(db)]) == 0
        assert _sql(db, "SELECT value FROM meta WHERE key = 'digest_key'") == key
        rows = _sql(db, "SELECT json, digest FROM records")
        assert len(rows) == len(load_all([str(first), str(second)])) > 70
        assert all(digest == digest_of(text, bytes.fromhex(key[0][0])) for text, digest in rows)
        update_store([second], db)
        assert _sql(db, "SELECT value FROM meta WHERE key = 'digest_key'") == key

    def test_format_2_refused(self, demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A format-2 store is refused with the one "older ddfacts" sentence."""
        _sql(demo, "UPDATE meta SET value = '2' WHERE key = 'format'")
        with pytest.raises(StoreError) as caught:
            FactStore(demo)
        message = str(caught.value)
        assert message == (
            f"{demo} was written by an older ddfacts (store format 2; this version reads "
            f"format {FORMAT}): rebuild it with `ddfacts db build`."
        )
        assert main(["query", "--db", str(demo), "--type", "claim"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "older ddfacts" in err and "Traceback" not in err

    @pytest.mark.parametrize("value", [None, "", "zz" * KEY_BYTES, "ab" * (KEY_BYTES + 1)])
    def test_keyless_store_refused(self, demo: Path, value: str | None) -> None:
        """A store whose meta has no usable digest_key is refused by open and by update."""
        if value is None:
            _sql(demo, "DELETE FROM meta WHERE key = 'digest_key'")
        else:
            _sql(demo, "UPDATE meta SET value = ? WHERE key = 'digest_key'", (value,))
        pattern = r"is not a whole ddfacts fact store \(its meta table has no digest_key"
        with pytest.raises(StoreError, match=pattern):
            FactStore(demo)
        with pytest.raises(StoreError, match=pattern):
            update_store([DEMO], demo)
