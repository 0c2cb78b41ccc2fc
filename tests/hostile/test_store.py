"""Hostile fact stores: truncated, foreign, tampered, unfinished or killed mid-build.

Each is refused with one sentence (a StoreError, exit 2 from the command
line), never a traceback, and the previous store stays intact.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.cli._base import load_all
from ddfacts.limits import MAX_PHRASE_CHARS
from ddfacts.store import FactStore, StoreError, build_store

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store of the demo fact file."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    return path


def _refused(path: Path, capsys: pytest.CaptureFixture[str], words: str) -> None:
    with pytest.raises(StoreError, match=words):
        FactStore(path)
    assert main(["query", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words.split()[0] in err and "Traceback" not in err


class TestRefused:
    """Files that are not a whole store are refused in one sentence."""

    def test_truncated(self, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A store cut short is refused as truncated."""
        data = store.read_bytes()
        store.write_bytes(data[: len(data) // 2])
        _refused(store, capsys, "is truncated")

    def test_not_sqlite(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not SQLite (or is empty) is refused."""
        path = tmp_path / "x.sqlite"
        for content in (b"", b"SQLite format 3", b"{}\n" * 100):
            path.write_bytes(content)
            _refused(path, capsys, "is not a SQLite database")

    def test_foreign_database(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A SQLite database that ddfacts did not write is refused."""
        path = tmp_path / "other.sqlite"
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE t (x)")
        connection.close()
        _refused(path, capsys, "is not a ddfacts fact store")

    def test_unfinished(self, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A store whose build never finished is refused."""
        with sqlite3.connect(store) as connection:
            connection.execute("UPDATE meta SET value = 'no' WHERE key = 'complete'")
        connection.close()
        _refused(store, capsys, "is unfinished")

    def test_tampered_record(self, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A record whose JSON was changed into something invalid is an error, not a crash."""
        with sqlite3.connect(store) as connection:
            connection.execute('UPDATE records SET json = \'{"type": "claim", "id": 5}\'')
            connection.execute("UPDATE records SET json = '[[[[' WHERE rowid % 2 = 0")
        connection.close()
        with FactStore(store) as opened, pytest.raises(StoreError, match="holds a bad record"):
            list(opened)
        assert main(["query", "--db", str(store), "--type", "claim"]) == 2
        assert "holds a bad record" in capsys.readouterr().err


class TestSearchWords:
    """Whatever the words, search is a plain search."""

    def test_long_words_refused(self, store: Path) -> None:
        """Words past the phrase limit are refused, not searched."""
        with FactStore(store) as opened, pytest.raises(StoreError, match="limit"):
            opened.search("a" * (MAX_PHRASE_CHARS + 1))

    def test_hostile_words(self, store: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Quotes, operators, NUL and lone surrogates are words; output is terminal-safe."""
        for words in ('"\x00', "\ud800 x", 'a" OR "b', "NEAR(", "x*^", "\x1b[2J"):
            assert main(["search", words, "--db", str(store)]) == 0
        assert "\x1b" not in capsys.readouterr().out


def _big_file(path: Path, copies: int) -> None:
    records = list(load_all([str(DEMO)]))
    many = (
        attrs.evolve(r, id=f"{r.id}-{i}")
        for i in range(copies)
        for r in records
        if isinstance(r, d.Statement)
    )
    d.dump(many, path)


def test_killed_build_leaves_the_old_store(store: Path, tmp_path: Path) -> None:
    """A build killed mid-way leaves the previous store intact; its half file is refused."""
    before = store.read_bytes()
    big = tmp_path / "big.jsonl"
    _big_file(big, 800)
    command = [sys.executable, "-m", "ddfacts", "db", "build", str(big), "-o", str(store)]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".f.sqlite.*.building")) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build ended before it could be killed"
    assert store.read_bytes() == before
    with FactStore(store) as opened:
        assert len(opened) == len(load_all([str(DEMO)]))
    for half in tmp_path.glob(".f.sqlite.*.building"):
        with pytest.raises(StoreError, match=r"unfinished|truncated|not a"):
            FactStore(half)
