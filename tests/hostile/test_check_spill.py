"""Hostile input to ``ddfacts check``'s spill to disk (issue 19): text that looks like SQL.

What the rules keep goes to a private temporary SQLite database.  Ids,
subjects, quotes and values that look like SQL, hold NUL characters or
quotes, go in as bound parameters: the spilled run gives the problems the
in-memory run gives, and the command line answers with a report, never a
traceback.  A lone surrogate never reaches the database: the one strict
reader refuses it, naming the line and the pointer.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts.check import CheckRun
from ddfacts.cli import main
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "valid" / "freedonia.facts.json"
NASTY = "x'); DROP TABLE ids; --\u0000\"%_*"


def _values() -> list[dict[str, Any]]:
    values = [ddfacts.to_json(record) for record in ddfacts.load(FIXTURE)]
    for value in values:
        if value["type"] == "statement":
            anchor = value["anchor"]
            anchor["exact"] = NASTY
            anchor["end"] = anchor["start"] + len(NASTY)
        elif value["type"] == "claim":
            value["text"] = NASTY
            twin = {**value, "id": value["id"] + "-drop-table"}
            values.append(twin)
            break
    return values


def _problems(values: list[dict[str, Any]], spill: bool) -> list[Any]:
    run = CheckRun(None, default_vocabulary(), spill=spill)
    for value in values:
        run.add(ddfacts.from_json(value))
    return run.finish()


def test_sql_looking_text_is_data() -> None:
    values = _values()
    assert _problems(values, True) == _problems(values, False)


def test_the_command_reports(tmp_path: Path) -> None:
    path = tmp_path / "nasty.jsonl"
    path.write_text("".join(json.dumps(value) + "\n" for value in _values()), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(path), "--format", "json"])
    assert code in (0, 1)
    assert isinstance(json.loads(out.getvalue()), list)


def test_a_lone_surrogate_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values = _values()
    path = tmp_path / "surrogate.jsonl"
    text = "".join(json.dumps(value) + "\n" for value in values)
    path.write_text(text.replace("DROP TABLE", "\\ud800", 1), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lone UTF-16 surrogate" in err
    assert "Traceback" not in err
