"""``ddfacts summary``: load fact files and count what they hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddfacts.cli import main

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


class TestSummary:
    """Counts by record type, for people and for programs."""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text form gives the total and a line per record type present."""
        assert main(["summary", str(DEMO)]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0] == "79 records"
        assert out[1:] == [
            "  source     1",
            "  statement  27",
            "  actor      19",
            "  event      9",
            "  claim      22",
            "  review     1",
        ]

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form has the total and the counts by type."""
        assert main(["summary", str(DEMO / "demo.facts.json"), "--format", "json"]) == 0
        value = json.loads(capsys.readouterr().out)
        assert value["records"] == sum(value["by_type"].values()) == 79

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file or a bad record exits 2 with the file and the problem on stderr."""
        assert main(["summary", str(tmp_path / "nope.json")]) == 2
        assert "nope.json: cannot read the file" in capsys.readouterr().err
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"type": "actor", "id": "actor:a", "kind": "person"}\n', encoding="utf-8")
        assert main(["summary", str(bad)]) == 2
        assert "bad.jsonl:1: missing required member 'name'" in capsys.readouterr().err

    def test_empty_folder(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A folder with no fact files is a usage error."""
        assert main(["summary", str(tmp_path)]) == 2
        assert "holds no fact files" in capsys.readouterr().err


def test_python_dash_m() -> None:
    """``python -m ddfacts`` runs the same command line, exit code included."""
    import subprocess
    import sys

    from ddfacts import __version__

    done = subprocess.run(
        [sys.executable, "-m", "ddfacts", "--version"], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"ddfacts {__version__}")
    done = subprocess.run([sys.executable, "-m", "ddfacts", "nosuch"], capture_output=True)
    assert done.returncode == 2
