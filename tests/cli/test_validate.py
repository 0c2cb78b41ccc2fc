"""``ddfacts validate``: exact output and exit codes for each format and each kind of input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ddfacts.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VALID = str(FIXTURES / "valid" / "freedonia.facts.jsonl")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


class TestExitCodes:
    """0 nothing wrong, 1 problems, 2 usage errors or unreadable input."""

    def test_valid(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A valid file exits 0 and says so."""
        assert _run(capsys, VALID, "--texts", str(FIXTURES / "texts")) == (0, "no problems\n", "")

    def test_problems(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file with an error exits 1; its text report shows the JSON Lines line."""
        path = tmp_path / "bad.jsonl"
        path.write_text('{"type": "actor", "id": "actor:x", "kind": "person", "name": 5}\n')
        code, out, _ = _run(capsys, str(path))
        assert code == 1
        assert out == (
            f"{path}\n"
            '  line 1: {"type": "actor", "id": "actor:x", "kind": "person", "name": 5}\n'
            "    error: /name: expected a string, got the number 5 [shape.type]\n"
            "1 error, 0 warnings in 1 file\n"
        )

    def test_warning_only(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Warnings alone exit 0."""
        name = str(FIXTURES / "invalid" / "meaning-account-operator.facts.jsonl")
        code, out, _ = _run(capsys, name)
        assert code == 0
        assert out.endswith("0 errors, 1 warning in 1 file\n")

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing file exits 2 and is reported as file.missing."""
        code, out, _ = _run(capsys, str(tmp_path / "nope.json"))
        assert code == 2
        assert "[file.missing]" in out

    def test_not_a_fact_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON that is not a fact file exits 1 with a problem."""
        code, out, _ = _run(capsys, str(FIXTURES / "invalid" / "file-not-fact-file.facts.json"))
        assert code == 1
        assert "[file.not-fact-file]" in out

    def test_empty_folder(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A folder without fact files exits 2."""
        code, out, _ = _run(capsys, str(tmp_path))
        assert code == 2
        assert "[file.no-fact-files]" in out

    def test_bad_level(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown level is a usage error on stderr."""
        code, out, err = _run(capsys, VALID, "--level", "everything")
        assert (code, out) == (2, "")
        assert err.startswith("ddfacts validate: unknown level 'everything'")

    def test_texts_not_a_folder(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--texts naming no folder is a usage error."""
        code, _, err = _run(capsys, VALID, "--texts", str(tmp_path / "none"))
        assert code == 2
        assert "no such folder" in err

    def test_bad_vocab(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An unusable vocabulary file is a usage error naming it."""
        vocab = tmp_path / "v.json"
        vocab.write_text('{"ddfacts_vocabulary": "1.0", "properties": {"x": {}}}')
        code, _, err = _run(capsys, VALID, "--vocab", str(vocab))
        assert code == 2
        assert str(vocab) in err and "/properties/x" in err


class TestOptions:
    """Levels, vocabularies and stdin."""

    def test_level_selects(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--level shape skips reference checks."""
        name = str(FIXTURES / "invalid" / "ref-missing.facts.jsonl")
        assert _run(capsys, name, "--level", "shape")[0] == 0
        assert _run(capsys, name, "--level", "shape", "--level", "refs")[0] == 1

    def test_vocab_extends(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A --vocab file adds an actor type without code."""
        vocab = tmp_path / "v.json"
        vocab.write_text(
            json.dumps(
                {
                    "ddfacts_vocabulary": "1.0",
                    "actor_types": {
                        "wizard": {"description": "A maker of magic.", "broader": "person"}
                    },
                }
            )
        )
        name = str(FIXTURES / "invalid" / "vocab-unknown-actor-type.facts.jsonl")
        assert _run(capsys, name)[0] == 1
        assert _run(capsys, name, "--vocab", str(vocab)) == (0, "no problems\n", "")

    def test_stdin(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """'-' reads the standard input, named <stdin>."""
        data = (FIXTURES / "invalid" / "shape-type.facts.jsonl").read_bytes()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
        code, out, _ = _run(capsys, "-")
        assert code == 1
        assert out.startswith("<stdin>\n  line 1: ")


class TestFormats:
    """--format json and github."""

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json prints an array of problems with the documented members."""
        name = str(FIXTURES / "invalid" / "json-syntax.facts.json")
        code, out, _ = _run(capsys, name, "--format", "json")
        assert code == 1
        assert json.loads(out) == [
            {
                "code": "json.syntax",
                "severity": "error",
                "file": name,
                "line": 1,
                "column": 32,
                "pointer": "",
                "message": "invalid JSON: expecting value, found '}'",
            }
        ]

    def test_json_empty(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No problems is an empty JSON array."""
        assert _run(capsys, VALID, "--format", "json") == (0, "[]\n", "")

    def test_github(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format github prints one workflow command per problem."""
        name = str(FIXTURES / "invalid" / "shape-type.facts.jsonl")
        code, out, _ = _run(capsys, name, "--format", "github")
        assert code == 1
        assert out == (
            f"::error file={name},line=1,title=shape.type::"
            "/name: expected a string, got the number 5\n"
        )
