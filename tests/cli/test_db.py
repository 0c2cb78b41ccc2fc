"""``ddfacts db build|update``, ``search``, and ``--db`` on ``query`` and ``cite``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddfacts.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = str(ROOT / "examples" / "demo" / "demo.facts.json")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A store built from the demo fact file by the command line."""
    path = str(tmp_path / "demo.sqlite")
    assert main(["db", "build", DEMO, "-o", path]) == 0
    assert "records from 1 files (1 read)" in capsys.readouterr().err
    return path


class TestDb:
    """Building and updating from the command line."""

    def test_update_reads_nothing_unchanged(
        self, db: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An update with unchanged files reads none of them."""
        assert main(["db", "update", DEMO, "-o", db]) == 0
        assert "(0 read)" in capsys.readouterr().err

    def test_unreadable_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing fact file is exit 2, one line, and no store is written."""
        out = tmp_path / "x.sqlite"
        assert main(["db", "build", str(tmp_path / "none.json"), "-o", str(out)]) == 2
        assert capsys.readouterr().err.count("\n") == 1 and not out.exists()

    def test_unwritable_store(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A store in a missing folder, or over a folder, is exit 2 with one line."""
        assert main(["db", "build", DEMO, "-o", str(tmp_path / "no" / "f.sqlite")]) == 2
        assert main(["db", "build", DEMO, "-o", str(tmp_path)]) == 2
        err = capsys.readouterr().err
        assert err.count("cannot write the store") == 2 and "Traceback" not in err
        assert [p.name for p in tmp_path.iterdir()] == []

    def test_usage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No action, or stdout as the store, are usage errors."""
        assert main(["db"]) == 2
        assert main(["db", "build", DEMO, "-o", "-"]) == 2
        assert "stdout" in capsys.readouterr().err


class TestReadingTheStore:
    """query, cite and search read the store as they read files."""

    @pytest.mark.parametrize(
        "filters",
        [
            ["--property", "followers", "--at", "January 2020"],
            ["--speaker", "actor:demo-tomas-brell"],
            ["--subject", "actor:demo-ilse-varro", "--type", "event"],
            ["--source", "source:demo"],
        ],
    )
    def test_query_same_as_files(
        self, db: str, filters: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """query --db prints what query over the files prints."""
        assert main(["query", DEMO, *filters]) == 0
        from_files = capsys.readouterr().out
        assert main(["query", "--db", db, *filters]) == 0
        assert capsys.readouterr().out == from_files

    def test_cite_same_as_files(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """cite --db prints what cite over the files prints."""
        assert main(["query", DEMO, "--type", "statement", "--format", "json"]) == 0
        statement = json.loads(capsys.readouterr().out)[0]["id"]
        assert main(["cite", DEMO, statement]) == 0
        from_files = capsys.readouterr().out
        assert main(["cite", "--db", db, statement]) == 0
        assert capsys.readouterr().out == from_files

    def test_files_or_db(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Naming both files and a store, or neither, is a usage error."""
        assert main(["query", DEMO, "--db", db]) == 2
        assert main(["query"]) == 2
        assert "--db" in capsys.readouterr().err

    def test_search(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """search prints hits with what matched; JSON for programs; no hit is exit 0."""
        assert main(["search", "embassy", "--db", db, "--format", "json"]) == 0
        hits = json.loads(capsys.readouterr().out)
        assert hits and {"id", "type", "field", "text", "score", "source"} <= set(hits[0])
        assert main(["search", "zzzzqqq", "--db", db]) == 0
        assert capsys.readouterr().out == "no records match\n"
        assert main(["search", "x", "--db", db, "--limit", "0"]) == 2
