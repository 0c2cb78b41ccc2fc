"""The one strict reader on hostile input (issue 14, cases 3, 4 and 8).

Every case is read three ways, ``ddfacts.validate`` (a located problem),
``ddfacts.load`` (a LoadError naming file, line and pointer) and the command
line (a message and exit code, never a traceback).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts.cli import main
from ddfacts.jsonio import _bounded, parse_json
from ddfacts.limits import MAX_DEPTH, MAX_NUMBER_CHARS
from ddfacts.problems import Report

from ._timing import assert_near_linear

SHA = "0" * 64
DEEP = 100_000


def _source(**extra: Any) -> dict[str, Any]:
    return {"type": "source", "id": "source:x", "sha256": SHA, "length": 3, **extra}


def _document(records_text: str) -> str:
    return '{"ddfacts": "1.0", "records": [' + records_text + "]}"


def _codes(report: Report) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.location.pointer, p.location.line) for p in report]


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


#: Documents that nest too deep, each a way json would recurse.
DEEP_TEXTS = {
    "arrays in records": _document("[" * DEEP + "]" * DEEP),
    "bare arrays": "[" * DEEP + "]" * DEEP,
    "objects": _document('{"a":' * DEEP + "1" + "}" * DEEP),
    "just over the limit": _document("[" * MAX_DEPTH + "]" * MAX_DEPTH),
}


class TestDepth:
    """Deep nesting is json.depth, in every reading path, before json recurses."""

    @pytest.mark.parametrize("name", sorted(DEEP_TEXTS))
    def test_document(self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """validate reports json.depth, load raises LoadError, the CLI exits 1 or 2."""
        path = tmp_path / "deep.json"
        path.write_text(DEEP_TEXTS[name], encoding="utf-8")
        assert _codes(ddfacts.validate(path)) == [("json.depth", "", None)]
        with pytest.raises(ddfacts.LoadError, match="nests deeper than 64"):
            ddfacts.load(path)
        code, text = _cli(capsys, "validate", str(path))
        assert code == 1 and "json.depth" in text
        code, text = _cli(capsys, "query", str(path))
        assert code == 2 and "nests deeper than 64" in text

    def test_at_the_limit(self) -> None:
        """Nesting of exactly MAX_DEPTH levels is read."""
        nested = "[" * (MAX_DEPTH - 3) + "]" * (MAX_DEPTH - 3)
        document = _document(json.dumps(_source(**{"x-n": "@"})).replace('"@"', nested))
        assert ddfacts.validate(io.StringIO(document)).ok

    def test_jsonl_sniffed_first_line(self, tmp_path: Path) -> None:
        """A deep first line of a file not named .jsonl (the sniffing path) is json.depth."""
        path = tmp_path / "deep.json"
        path.write_text("[" * DEEP + "]" * DEEP + "\n" + json.dumps(_source()) + "\n")
        assert [p.code for p in ddfacts.validate(path)] == ["json.depth"]

    def test_jsonl_line(self, tmp_path: Path) -> None:
        """A deep JSON Lines line is json.depth at its line."""
        path = tmp_path / "deep.jsonl"
        path.write_text(json.dumps(_source()) + "\n" + "[" * DEEP + "]" * DEEP + "\n")
        assert _codes(ddfacts.validate(path)) == [("json.depth", "", 2)]
        with pytest.raises(ddfacts.LoadError, match=r"deep.jsonl:2"):
            ddfacts.load(path)

    def test_brackets_in_strings_do_not_count(self) -> None:
        """Brackets and escaped quotes inside strings are not nesting."""
        title = '\\"[[[' * 100 + "\\\\"
        document = _document(
            json.dumps(_source()).replace('"length"', f'"x-t": "{title}", "length"')
        )
        assert ddfacts.validate(io.StringIO(document)).ok

    def test_imported_document(self) -> None:
        """The importers' reader (parse_json) refuses deep JSON with a LoadError."""
        with pytest.raises(ddfacts.LoadError, match="nests deeper"):
            parse_json("[" * DEEP + "]" * DEEP, file="annotations.json")


SURROGATE_CASES = {
    "string": ('"title": "t\\ud800"', "/records/0/title", "\\ud800"),
    "low half": ('"title": "t\\uDCFF"', "/records/0/title", "\\udcff"),
    "key": ('"x-\\ud83d": 1', "/records/0", "\\ud83d"),
    "in an array": ('"x-list": ["a", "\\udfff"]', "/records/0/x-list/1", "\\udfff"),
}


class TestSurrogates:
    """Lone surrogate escapes are json.surrogate with the pointer of the string or key."""

    @pytest.mark.parametrize("name", sorted(SURROGATE_CASES))
    def test_document(self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """validate points at the value, load names it, the CLI exits 1 and 2."""
        member, pointer, escape = SURROGATE_CASES[name]
        record = json.dumps(_source()).replace('"length"', member + ', "length"')
        path = tmp_path / "s.json"
        path.write_text(_document(record), encoding="utf-8")
        report = ddfacts.validate(path)
        assert _codes(report) == [("json.surrogate", pointer, None)]
        assert escape in report.problems[0].message
        with pytest.raises(ddfacts.LoadError, match="lone UTF-16 surrogate") as caught:
            ddfacts.load(path)
        assert caught.value.pointer == pointer
        code, text = _cli(capsys, "validate", str(path))
        assert code == 1 and "json.surrogate" in text
        code, text = _cli(capsys, "export", str(path), "--to", "csv", "-o", str(tmp_path / "out"))
        assert code == 2 and "surrogate" in text

    def test_jsonl(self, tmp_path: Path) -> None:
        """On a JSON Lines line the pointer is the record's and the line is given."""
        path = tmp_path / "s.jsonl"
        good = json.dumps(_source())
        path.write_text(
            good
            + "\n"
            + good.replace('"x"', '"y"', 1).replace('"length"', '"title": "\\ud800", "length"')
            + "\n"
        )
        assert _codes(ddfacts.validate(path)) == [("json.surrogate", "/title", 2)]
        with pytest.raises(ddfacts.LoadError, match=r"s.jsonl:2: /title"):
            ddfacts.load(path)

    @pytest.mark.parametrize("text", ["\\ud83d\\ude00", "\\\\ud800", "\\u00e9", "\\uD83D\\uDE00"])
    def test_not_lone(self, text: str) -> None:
        """A surrogate pair, an escaped backslash before 'ud800' and other escapes are read."""
        document = _document(
            json.dumps(_source()).replace('"length"', f'"title": "{text}", "length"')
        )
        assert ddfacts.validate(io.StringIO(document)).ok
        assert len(ddfacts.loads(document)) == 1


class TestNumbers:
    """Number literals longer than MAX_NUMBER_CHARS are json.number, never ValueError."""

    @pytest.mark.parametrize(
        "literal", ["9" * 5000, "1." + "5" * 5000, "1e" + "0" * 100, "-" + "1" * 64]
    )
    def test_too_long(
        self, literal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """validate points at the number, load names it, the CLI exits 1."""
        path = tmp_path / "n.json"
        path.write_text(_document(json.dumps(_source()).replace("3", literal, 1)), encoding="utf-8")
        assert _codes(ddfacts.validate(path)) == [("json.number", "/records/0/length", None)]
        with pytest.raises(ddfacts.LoadError, match=f"{len(literal)} characters"):
            ddfacts.load(path)
        code, text = _cli(capsys, "validate", str(path))
        assert code == 1 and "json.number" in text

    def test_at_the_limit(self) -> None:
        """A literal of exactly MAX_NUMBER_CHARS characters is read."""
        literal = "1" * MAX_NUMBER_CHARS
        document = _document(
            json.dumps(_source()).replace('"length"', f'"x-n": {literal}, "length"')
        )
        assert ddfacts.validate(io.StringIO(document)).ok

    def test_long_digits_in_a_string(self) -> None:
        """A long run of digits inside a string is not a number."""
        document = _document(json.dumps(_source(title="7" * 500)))
        assert ddfacts.validate(io.StringIO(document)).ok


class _Endless(io.RawIOBase):
    """A stream that never ends and never has a newline (a FIFO of garbage)."""

    def __init__(self, byte: bytes) -> None:
        self.byte = byte
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        buffer[:size] = self.byte * size
        self.given += size
        return size


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lower the line and file limits so tests need not write 16 MiB or 4 GiB."""
    monkeypatch.setattr(_bounded, "MAX_LINE_BYTES", 10_000)
    monkeypatch.setattr(_bounded, "MAX_FILE_BYTES", 100_000)


class TestSizes:
    """Lines and documents are read in bounded pieces; over the limits is a located problem."""

    def test_dev_zero(self, capsys: pytest.CaptureFixture[str]) -> None:
        """/dev/zero (endless NUL bytes, no newline) is file.binary, at once."""
        assert _codes(ddfacts.validate("/dev/zero")) == [("file.binary", "", 1)]
        with pytest.raises(ddfacts.LoadError, match="NUL bytes"):
            ddfacts.load("/dev/zero")
        code, text = _cli(capsys, "validate", "/dev/zero")
        assert code == 1 and "file.binary" in text

    @pytest.mark.usefixtures("small_limits")
    def test_endless_text(self) -> None:
        """An endless stream without NUL stops at the document limit: file.too-large."""
        stream = _Endless(b"y")
        assert [p.code for p in ddfacts.validate(io.BufferedReader(stream))] == ["file.too-large"]
        assert stream.given < 1_000_000

    @pytest.mark.usefixtures("small_limits")
    def test_large_regular_file(self, tmp_path: Path) -> None:
        """A regular file over the limit is refused before it is read."""
        path = tmp_path / "big.json"
        path.write_text(_document(",".join([json.dumps(_source())] * 1000)))
        assert _codes(ddfacts.validate(path)) == [("file.too-large", "", None)]
        with pytest.raises(ddfacts.LoadError, match="larger than 100000 bytes"):
            ddfacts.load(path)

    @pytest.mark.usefixtures("small_limits")
    def test_long_line(self, tmp_path: Path) -> None:
        """A JSON Lines line over the limit is file.line-too-long at its line, with an excerpt."""
        path = tmp_path / "long.jsonl"
        good = json.dumps(_source())
        path.write_text(good + "\n" + json.dumps(_source(title="t" * 20_000)) + "\n")
        report = ddfacts.validate(path)
        assert _codes(report) == [("file.line-too-long", "", 2)]
        assert report.problems[0].excerpt is not None
        with pytest.raises(ddfacts.LoadError, match=r"long\.jsonl:2"):
            ddfacts.load(path)

    @pytest.mark.usefixtures("small_limits")
    def test_long_document_line_is_fine(self, tmp_path: Path) -> None:
        """A JSON document on one line longer than the line limit is read whole."""
        path = tmp_path / "one-line.json"
        records = [json.dumps(_source(id=f"source:x{n}")) for n in range(200)]
        path.write_text(_document(",".join(records)))
        assert len(ddfacts.load(path)) == 200
        assert ddfacts.validate(path).ok


def _jsonl(count: int) -> str:
    return "".join(
        json.dumps(_source(id=f"source:s{n}", title=f"t {n} é", length=n * 1000)) + "\n"
        for n in range(count)
    )


def _reading(text: str, jsonl: bool) -> Callable[[], Any]:
    def run() -> Any:
        return ddfacts.loads(text, jsonl=jsonl)

    return run


class TestComplexity:
    """Reading stays linear: the scans add a constant per character."""

    def test_jsonl(self) -> None:
        """Ten times the JSON Lines takes at most twenty times as long."""
        assert_near_linear(lambda n: _reading(_jsonl(n), True), 300)

    def test_document(self) -> None:
        """Ten times the document (depth scan, number hooks, surrogate scan) likewise."""

        def make(count: int) -> Callable[[], Any]:
            records = ",".join(_jsonl(count).splitlines())
            escaped = records.replace("é", "\\u00e9")  # escapes that are not surrogates
            return _reading(_document(escaped), False)

        assert_near_linear(make, 300)

    def test_surrogate_walk(self) -> None:
        """A document with a lone surrogate at its end is refused in linear time."""

        def make(count: int) -> Callable[[], Any]:
            records = ",".join(_jsonl(count).splitlines())
            text = _document(
                records
                + ","
                + json.dumps(_source(id="source:z")).replace(
                    '"length"', '"title": "\\ud800", "length"'
                )
            )

            def run() -> None:
                with pytest.raises(ddfacts.LoadError):
                    ddfacts.loads(text)

            return run

        assert_near_linear(make, 300)
