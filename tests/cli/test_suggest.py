"""``ddfacts suggest``: text and JSON output, coverage lines, bad folders and texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddfacts.cli import main

TEXT = "On 9 May 2021 the account had more than 900 followers.\n"


def test_text_output_with_coverage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One line a suggestion, then a coverage line per text."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["suggest", "--texts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "a.txt:3-13: date NEW: 9 May 2021" in out
    assert "a.txt: 0 of 2 suggestions covered by Statements" in out


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON list with source, start, end, kind, text and parsed."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["suggest", "--texts", str(tmp_path), "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["kind"] for i in items] == ["date", "figure"]
    assert items[1]["parsed"]["quantity"]["amount"] == 900
    assert {"source", "start", "end", "kind", "text"} <= set(items[0])


def test_non_utf8_text_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text that is not UTF-8 is refused with one sentence naming it."""
    (tmp_path / "a.txt").write_bytes(b"caf\xe9")
    assert main(["suggest", "--texts", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "a.txt" in err and "UTF-8" in err and "Traceback" not in err


def test_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--texts must be a folder."""
    assert main(["suggest", "--texts", str(tmp_path / "none")]) == 2
    assert "is not a folder" in capsys.readouterr().err
