"""``ddfacts query``: filters from the command line, a table or JSON out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddfacts.cli import main

DEMO = str(Path(__file__).resolve().parents[2] / "examples" / "demo" / "demo.facts.json")


class TestQueryCommand:
    """The command's output and exit code."""

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Matching records come as an aligned table of id, type, time and content."""
        assert main(["query", DEMO, "--property", "followers", "--at", "January 2020"]) == 0
        assert capsys.readouterr().out == (
            "ID                                 TYPE   WHEN     WHAT\n"
            "claim:demo/account-followers-2020  claim  2020-01  actor:demo-embassy-account "
            "followers = about 900 follower; states in source:demo\n"
        )

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json prints an array of the records in their JSON form."""
        args = ["query", DEMO, "--speaker", "actor:demo-tomas-brell", "--format", "json"]
        assert main(args) == 0
        records = json.loads(capsys.readouterr().out)
        assert {r["type"] for r in records} == {"claim"}
        assert all(r["speaker"] == "actor:demo-tomas-brell" for r in records)
        assert len(records) >= 1

    def test_subject_and_source(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Subject and source filters combine."""
        args = ["query", DEMO, "--subject", "actor:demo-ilse-varro", "--source", "source:demo",
                "--type", "event", "--format", "json"]  # fmt: skip
        assert main(args) == 0
        events = json.loads(capsys.readouterr().out)
        assert events and all(
            any(p["actor"] == "actor:demo-ilse-varro" for p in e.get("participants", []))
            or "actor:demo-ilse-varro" in e.get("about", [])
            for e in events
        )

    def test_nothing_matches(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty result is an answer: exit 0."""
        assert main(["query", DEMO, "--subject", "actor:nobody"]) == 0
        assert capsys.readouterr().out == "no records match\n"

    def test_empty_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty result in JSON is an empty array."""
        assert main(["query", DEMO, "--subject", "actor:nobody", "--format", "json"]) == 0
        assert capsys.readouterr().out == "[]\n"

    def test_bad_time(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An --at that is no time is a usage error."""
        assert main(["query", DEMO, "--at", "whenever"]) == 2
        assert capsys.readouterr().err == (
            "ddfacts query: --at: 'whenever' is not a time expression ddfacts understands\n"
        )

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not JSON is a usage error naming it."""
        path = tmp_path / "bad.json"
        path.write_text("{", encoding="utf-8")
        assert main(["query", str(path)]) == 2
        assert str(path) in capsys.readouterr().err
