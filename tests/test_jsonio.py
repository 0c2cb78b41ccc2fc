"""Fact files: canonical output, round trips, atomic writes, located load errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts import jsonio

SPAN = d.TimeSpan(
    earliest=dt.date(2014, 12, 1),
    latest=dt.date(2014, 12, 31),
    precision="month",
    edtf="2014-12",
    expression="December 2014",
)


def _records() -> list[d.Record]:
    return [
        d.Source(
            id="source:demo",
            title="Ünïcode — title",
            sha256="a" * 64,
            length=10,
            published=SPAN,
            extensions={"x-tool": {"name": "mine", "n": [1, 2.5, None]}},
        ),
        d.Statement(
            id="statement:demo/1",
            source="source:demo",
            anchor=d.Anchor(start=0, end=3, exact="abc", suffix="def"),
        ),
        d.Claim(
            id="claim:c1",
            subject="actor:acct",
            property="followers",
            value=d.Quantity(amount=9000, lower=9000, qualifier="more_than", unit="follower"),
            as_of=SPAN,
            qualifiers={"platform": "twitter"},
            attribution=d.Attribution(source="source:demo", mode="quotes", via="actor:ria"),
            evidence=["statement:demo/1"],
            provenance=d.Provenance(
                agent="me",
                recorded=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone.utc),
                method="rule",
                confidence=0.5,
                derived_from=[d.Derivation(kind="quoted_from", target="source:demo")],
            ),
        ),
        d.Claim(id="claim:c2", subject="actor:acct", property="handle", value="@X"),
        d.Claim(id="claim:c3", subject="actor:a", property="employer", value=d.Ref(id="actor:b")),
        d.Claim(id="claim:c4", subject="actor:a", property="born", value=SPAN),
    ]


class TestCanonical:
    """dump writes canonical text that load reads back to equal records."""

    @pytest.mark.parametrize("suffix", [".json", ".jsonl"])
    def test_round_trip_bytes(self, tmp_path: Path, suffix: str) -> None:
        """dump(load(f)) reproduces a file written by dump byte for byte."""
        first = tmp_path / f"a{suffix}"
        second = tmp_path / f"b{suffix}"
        d.dump(_records(), first)
        facts = d.load(first)
        assert list(facts) == _records()
        d.dump(facts, second)
        assert first.read_bytes() == second.read_bytes()

    def test_document_layout(self) -> None:
        """A document has the version, two-space indent, type and id first, UTF-8, final newline."""
        text = d.dumps(_records())
        assert text.startswith(
            '{\n  "ddfacts": "1.1",\n  "records": [\n    {\n      "type": "source",'
        )
        assert text.endswith("}\n") and "Ünïcode — title" in text
        assert '"prefix"' not in text  # empty optional members are left out

    def test_jsonl_layout(self) -> None:
        """JSON Lines hold one compact record a line."""
        lines = d.dumps(_records(), jsonl=True).splitlines()
        assert len(lines) == len(_records())
        assert lines[3] == (
            '{"type":"claim","id":"claim:c2","subject":"actor:acct","property":"handle",'
            '"value":{"text":"@X"}}'
        )

    def test_extensions_survive(self) -> None:
        """Unknown x- members survive a round trip, in sorted order."""
        text = '{"type":"actor","id":"actor:a","kind":"person","name":"A","x-z":1,"x-a":{"b":[]}}\n'
        facts = d.loads(text, jsonl=True)
        assert dict(facts.get("actor:a").extensions) == {"x-z": 1, "x-a": {"b": []}}  # type: ignore[union-attr]
        assert d.dumps(facts, jsonl=True) == (
            '{"type":"actor","id":"actor:a","kind":"person","name":"A","x-a":{"b":[]},"x-z":1}\n'
        )

    def test_to_json_from_json(self) -> None:
        """to_json and from_json are inverse on records."""
        for record in _records():
            assert d.from_json(d.to_json(record)) == record

    def test_file_objects(self) -> None:
        """load reads text and binary file objects; dump writes to a text file object."""
        buffer = io.StringIO()
        d.dump(_records(), buffer)
        assert list(d.load(io.StringIO(buffer.getvalue()))) == _records()
        assert list(d.load(io.BytesIO(buffer.getvalue().encode()))) == _records()

    def test_sniffs_jsonl_in_file_objects(self) -> None:
        """An open file holding JSON Lines is recognised as such."""
        text = d.dumps(_records(), jsonl=True)
        assert list(d.load(io.StringIO(text))) == _records()

    def test_single_line_document(self) -> None:
        """A whole document on one line is a document, not JSON Lines."""
        text = json.dumps({"ddfacts": "1.0", "records": [d.to_json(r) for r in _records()]})
        assert list(d.load(io.StringIO(text))) == _records()


class TestStreaming:
    """iter_records yields JSON Lines records one by one."""

    def test_lazy(self, tmp_path: Path) -> None:
        """Records before a broken line are yielded before the error is raised."""
        path = tmp_path / "f.jsonl"
        good = d.dumps(_records()[:2], jsonl=True)
        path.write_text(good + "{broken\n", encoding="utf-8")
        seen = []
        with pytest.raises(d.LoadError) as error:
            for record in d.iter_records(path):
                seen.append(record.id)
        assert seen == ["source:demo", "statement:demo/1"]
        assert error.value.line == 3

    def test_blank_lines_skipped(self, tmp_path: Path) -> None:
        """Blank lines in JSON Lines are skipped and line numbers stay true."""
        path = tmp_path / "f.jsonl"
        path.write_text('\n{"type":"actor","id":"actor:a","kind":"person"}\n', encoding="utf-8")
        with pytest.raises(d.LoadError) as error:
            list(d.iter_records(path))
        assert error.value.line == 2 and "'name'" in str(error.value)


class TestAtomic:
    """Writes never leave a half-written file."""

    def test_mode_like_a_plain_write(self, tmp_path: Path) -> None:
        """A new file gets the umask's mode, and a rewritten file keeps its own mode."""
        fresh = tmp_path / "new.json"
        d.dump(_records(), fresh)
        umask = os.umask(0)
        os.umask(umask)
        assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
        fresh.chmod(0o640)
        d.dump(_records(), fresh)
        assert fresh.stat().st_mode & 0o777 == 0o640

    def test_failed_write_keeps_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the rename fails, the old file is intact and no temporary file is left."""
        path = tmp_path / "f.json"
        path.write_text("old", encoding="utf-8")

        def fail(*_args: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(OSError):
            d.dump(_records(), path)
        assert path.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


BAD = [
    ("empty.json", b"", None, "", "empty"),
    ("syntax.json", b'{"ddfacts": "1.0",\n "records": [}', 2, "", "invalid JSON"),
    ("bom.json", b'\xef\xbb\xbf{"ddfacts": "1.0", "records": []}', None, "", "byte-order mark"),
    ("utf8.json", b'{"ddfacts": "1.0", "records": ["\xff"]}', 1, "", "invalid UTF-8"),
    ("dup.json", b'{"ddfacts": "1.0", "records": [], "records": []}', None, "", "duplicate key"),
    ("nan.json", b'{"ddfacts": "1.0", "records": [NaN]}', None, "", "NaN"),
    ("deep.json", b"[" * 100 + b"]" * 100, None, "", "deeper"),
    ("array.json", b"[1, 2]", None, "", "not a fact file"),
    ("version.json", b'{"ddfacts": "9.0", "records": []}', None, "/ddfacts", "version"),
    ("records.json", b'{"ddfacts": "1.0", "records": {}}', None, "/records", "array"),
    (
        "notype.json",
        b'{"ddfacts": "1.0", "records": [{"id": "actor:a"}]}',
        None,
        "/records/0",
        "'type'",
    ),
    (
        "unknown.json",
        b'{"ddfacts": "1.0", "records": [{"type": "rumour", "id": "rumour:a"}]}',
        None,
        "/records/0/type",
        "unknown record type 'rumour'",
    ),
    (
        "noid.json",
        b'{"ddfacts": "1.0", "records": [{"type": "actor", "kind": "person", "name": "A"}]}',
        None,
        "/records/0",
        "'id'",
    ),
    (
        "member.json",
        b'{"ddfacts": "1.0", "records": [{"type": "actor", "id": "actor:a",'
        b' "kind": "p", "name": "A", "nick": 1}]}',
        None,
        "/records/0",
        "unknown member 'nick'",
    ),
    (
        "value.json",
        b'{"ddfacts": "1.0", "records": [{"type": "statement", "id": "statement:a",'
        b' "source": "source:b",'
        b' "anchor": {"start": "0", "end": 1, "exact": "x"}}]}',
        None,
        "/records/0/anchor/start",
        "expected an integer",
    ),
    (
        "line.jsonl",
        b'{"type":"actor","id":"actor:a","kind":"p","name":"A"}\n[]\n',
        2,
        "",
        "JSON object",
    ),
    (
        "dupid.jsonl",
        b'{"type":"actor","id":"actor:a","kind":"p","name":"A"}\n'
        b'{"type":"actor","id":"actor:a","kind":"p","name":"B"}\n',
        None,
        "",
        "duplicate record id 'actor:a'",
    ),
]


class TestLoadErrors:
    """Bad input raises LoadError naming the file, line or pointer, and the problem."""

    @pytest.mark.parametrize(
        ("name", "data", "line", "pointer", "words"), BAD, ids=[b[0] for b in BAD]
    )
    def test_bad_input(
        self, tmp_path: Path, name: str, data: bytes, line: int | None, pointer: str, words: str
    ) -> None:
        """load raises one exception type that says where and what."""
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(d.LoadError) as caught:
            d.load(path)
        error = caught.value
        assert isinstance(error, ValueError)
        assert error.file == str(path)
        assert error.line == line
        assert error.pointer == pointer
        assert words in str(error)
        assert str(error).startswith(str(path))

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a LoadError naming it."""
        with pytest.raises(d.LoadError, match="cannot read"):
            d.load(tmp_path / "nope.json")

    def test_syntax_column(self) -> None:
        """JSON syntax errors carry line and column."""
        with pytest.raises(d.LoadError) as caught:
            jsonio.parse_json('{\n  "a": tru\n}', file="f.json")
        assert (caught.value.line, caught.value.column) == (2, 8)

    def test_pickles(self) -> None:
        """LoadError survives pickling (it crosses process boundaries in parallel runs)."""
        import pickle

        error = d.LoadError("bad", file="f", line=3, pointer="/a")
        again = pickle.loads(pickle.dumps(error))
        assert str(again) == str(error) and again.line == 3
