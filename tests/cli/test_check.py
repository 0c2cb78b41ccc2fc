"""``ddfacts check``: problems located in their files, exit codes as ``validate``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ddfacts.cli import main

MARCH = {"earliest": "2017-03-01", "latest": "2017-03-31", "precision": "month", "edtf": "2017-03"}
DAY = {"earliest": "2017-03-22", "latest": "2017-03-22", "precision": "day", "edtf": "2017-03-22"}


def _followers(ident: str, source: str, amount: int, qualifier: str, as_of: Any) -> Any:
    quantity: dict[str, Any] = {
        "amount": amount,
        "lower": amount,
        "qualifier": qualifier,
        "unit": "follower",
    }
    if qualifier == "exact":
        quantity["upper"] = amount
    return {"type": "claim", "id": ident, "subject": "actor:account", "property": "followers",
            "value": {"quantity": quantity}, "as_of": as_of,
            "attribution": {"source": source}}  # fmt: skip


RECORDS = [
    {"type": "statement", "id": "statement:a/1", "source": "source:a",
     "anchor": {"start": 0, "end": 16, "exact": "a savvy operator"}},
    _followers("claim:a", "source:a", 9000, "more_than", MARCH),
    _followers("claim:b", "source:b", 5000, "exact", DAY),
]  # fmt: skip
RECORDS[1]["evidence"] = ["statement:a/1"]


def _write(tmp_path: Path, records: list[Any], name: str = "facts.json") -> str:
    path = tmp_path / name
    if name.endswith(".jsonl"):
        path.write_text("".join(json.dumps(r) + "\n\n" for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps({"ddfacts": "1.0", "records": records}), encoding="utf-8")
    return str(path)


class TestCheckCommand:
    """The command's output and exit code."""

    def test_planted_problems(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The contradiction (a warning) and the unsupported figure (an error) are reported."""
        path = _write(tmp_path, RECORDS)
        assert main(["check", path]) == 1
        assert capsys.readouterr().out == (
            f"{path}\n"
            "  error: /records/1/value: claim:a gives the figure more than 9,000 follower, "
            "which its evidence (statement:a/1) does not write [check.unsupported]\n"
            "  warning: /records/2/value: claim:a and claim:b give values of 'followers' for "
            "actor:account that cannot both be true (as of 2017-03 and 2017-03-22): more than "
            "9,000 follower vs 5,000 follower [check.contradiction]\n"
            "1 error, 1 warning in 1 file\n"
        )

    def test_warnings_pass(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A contradiction alone is a warning: exit 0, unless --strict."""
        path = _write(tmp_path, [RECORDS[2], _followers("claim:a", "source:a", 9000, "more_than",
                                                        MARCH)])  # fmt: skip
        assert main(["check", path]) == 0
        assert main(["check", "--strict", path]) == 1
        assert "[check.contradiction]" in capsys.readouterr().out

    def test_clean(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Facts with nothing wrong exit 0 and say so."""
        path = _write(tmp_path, [RECORDS[2]])
        assert main(["check", path]) == 0
        assert capsys.readouterr().out == "no problems\n"

    def test_json_lines_located_by_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In JSON Lines a problem names the record's line and a pointer inside it."""
        path = _write(tmp_path, RECORDS, "facts.jsonl")
        assert main(["check", "--format", "json", path]) == 1
        found = [(p["code"], p["file"], p["line"], p["pointer"], p["records"])
                 for p in json.loads(capsys.readouterr().out)]  # fmt: skip
        assert found == [
            ("check.unsupported", path, 3, "/value", ["claim:a", "statement:a/1"]),
            ("check.contradiction", path, 5, "/value", ["claim:a", "claim:b"]),
        ]

    def test_records_across_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Claims in two files are checked together and each problem names its own file."""
        first = _write(tmp_path, RECORDS[:2], "one.json")
        second = _write(tmp_path, RECORDS[2:], "two.json")
        assert main(["check", "--format", "json", first, second]) == 1
        found = [(p["file"], p["pointer"]) for p in json.loads(capsys.readouterr().out)]
        assert found == [(first, "/records/1/value"), (second, "/records/0/value")]

    def test_texts(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With --texts, an evidence quote away from its offsets is reported."""
        texts = tmp_path / "texts"
        texts.mkdir()
        (texts / "a.txt").write_text("now: a savvy operator", encoding="utf-8")
        path = _write(tmp_path, [{"type": "source", "id": "source:a"}, *RECORDS[:2]])
        assert main(["check", "--texts", str(texts), "--format", "json", path]) == 1
        codes = [p["code"] for p in json.loads(capsys.readouterr().out)]
        assert codes == ["anchor.mismatch", "check.unsupported"]

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is a usage error, exit 2, with a message on stderr."""
        assert main(["check", str(tmp_path / "none.json")]) == 2
        assert "none.json" in capsys.readouterr().err

    def test_texts_not_a_folder(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--texts must name a folder."""
        path = _write(tmp_path, RECORDS)
        assert main(["check", "--texts", str(tmp_path / "nope"), path]) == 2
        assert capsys.readouterr().err == (
            f"ddfacts check: --texts: {tmp_path / 'nope'} is not a folder\n"
        )

    def test_demo(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The demo's two summons counts are reported as a contradiction between voices."""
        demo = Path(__file__).resolve().parents[2] / "examples" / "demo"
        assert main(["check", "--texts", str(demo), str(demo / "demo.facts.json")]) == 0
        out = capsys.readouterr().out
        assert "[check.contradiction]" in out
        assert out.endswith("0 errors, 1 warning in 1 file\n")
