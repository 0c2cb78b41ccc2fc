"""Hostile rows for the store's trusted path: a digest forged with the key in the file.

The digest is no security measure (docs/store.md): whoever can write the file
can write a matching digest.  What such a row can still never do is crash the
reader: text the builder cannot take (not JSON, too deep, not an object, a
record missing members, an unhashable type) falls back to the strict reader
and ends as a StoreError naming the record, never a traceback.  A digest of
any size or type that does not match takes the checked path.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.cli._base import load_all
from ddfacts.jsonio._files import to_json
from ddfacts.store import FactStore, StoreError, build_store
from ddfacts.store._decode import Decoder
from ddfacts.store._digest import digest_of, store_key

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"


def _claim() -> d.Claim:
    return next(r for r in load_all([str(DEMO)]) if isinstance(r, d.Claim) and r.property)


def _forge(path: Path, record_id: str, text: object, digest: object = None) -> bytes:
    """Store *text* as *record_id*'s JSON with *digest* (default: one forged with the key)."""
    with sqlite3.connect(path) as connection:
        key = store_key(connection)
        assert key is not None
        if digest is None and isinstance(text, str):
            digest = digest_of(text, key)
        connection.execute(
            "UPDATE records SET json = ?, digest = ? WHERE id = ?", (text, digest, record_id)
        )
    connection.close()
    return key


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"a":' * 5_000 + "1" + "}" * 5_000,
        "{not json",
        "17",
        '"claim"',
        "[]",
        '{"type": "claim"}',
        '{"type": {"a": 1}, "id": "claim:x"}',
        '{"type": ["claim"]}',
        '{"type": "nothing", "id": "claim:x"}',
        '{"type": "claim", "id": "claim:x", "confidence": NaN}',
        '{"type": "claim", "id": "claim:x", "a": 1, "a": 2}',
        '"\\ud800"',
        "",
    ],
)
def test_forged_digest_never_crashes(tmp_path: Path, text: str) -> None:
    """Bad text under a digest forged with the store's key is a StoreError naming it."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    claim = _claim()
    key = _forge(path, claim.id, text)
    for decoder in (Decoder(path, key=key, trusted_warm_up=0, warm_up=0), None):
        with FactStore(path) as store:
            if decoder is not None:
                store._decode = decoder
            with pytest.raises(StoreError, match=rf"bad record \('{claim.id}', seq \d+\)"):
                store.get(claim.id)


def test_forged_claim_with_extra_members(tmp_path: Path) -> None:
    """A forged row the builder can take is read as what it says (no security measure)."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    claim = _claim()
    value = {**to_json(claim), **{f"x-{n}": n for n in range(10_000)}}
    key = _forge(path, claim.id, json.dumps(value))
    with FactStore(path) as store:
        store._decode = Decoder(path, key=key, trusted_warm_up=0, warm_up=0)
        found = store.get(claim.id)
    assert found is not None and found.id == claim.id


@pytest.mark.parametrize(
    "digest", [b"\x00" * 1_000_000, "x" * 100_000, 2**62, 1.5, memoryview(b"ab").tobytes()]
)
def test_odd_digests_checked(tmp_path: Path, digest: object) -> None:
    """A digest that is huge, text, a number, or short: the checked path, the same record."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    claim = _claim()
    key = _forge(path, claim.id, json.dumps(to_json(claim)), digest)
    with FactStore(path) as store:
        store._decode = Decoder(path, key=key, trusted_warm_up=0, warm_up=0)
        assert store.get(claim.id) == claim


def test_forged_bad_row_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ddfacts query --db`` over a forged bad row: exit 2, one line, no traceback."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    claim = _claim()
    _forge(path, claim.id, "[" * 100_000)
    assert main(["query", "--db", str(path), "--property", str(claim.property)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and claim.id in err and "Traceback" not in err
