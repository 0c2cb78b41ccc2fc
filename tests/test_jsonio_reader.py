"""One reader: load, validation and ``ddfacts check`` read fact files through the same code."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts
from ddfacts.cli._base import CommandError, expand_paths
from ddfacts.errors import DuplicateIdError
from ddfacts.jsonio._files import iter_located
from ddfacts.jsonio._inputs import RawRecord, expand, iter_parsed, iter_raw
from ddfacts.jsonio._reader import BINARY_PROBE, LOAD, VALIDATE, Parsed, _nul_line, _probe, read
from ddfacts.jsonio._run import stream_files
from ddfacts.jsonio._strict import Fault, parse
from ddfacts.problems import Location, Problem

ACTOR = {"type": "actor", "id": "actor:a", "kind": "person", "name": "A"}


def _line(value: Any) -> bytes:
    return json.dumps(value).encode() + b"\n"


def _actor(n: int) -> dict[str, Any]:
    return {**ACTOR, "id": f"actor:a{n}"}


class TestFaults:
    """A fault is validate's problem and load's error, made in one place."""

    @pytest.mark.parametrize(
        ("text", "code", "words"),
        [
            ('{"a": 1, "a": 2}', "json.duplicate-key", "duplicate key 'a'"),
            ("[NaN]", "json.constant", "NaN is not a JSON number"),
            ('{"a": tru}', "json.syntax", "invalid JSON"),
            ("[" * 70 + "]" * 70, "json.depth", "deeper than 64"),
        ],
    )
    def test_both_faces(self, text: str, code: str, words: str) -> None:
        """The problem has the code; the LoadError load's words; both the same file."""
        with pytest.raises(Fault) as caught:
            parse(text, Location(file="f.json"), finite=True)
        assert caught.value.problem.code == code
        assert caught.value.problem.location.file == caught.value.error.file == "f.json"
        assert words in str(caught.value.error)

    def test_finite_only_for_validation(self) -> None:
        """A number too large for a float is a problem for validate; load reads infinity."""
        assert parse("[1e999]", Location(), finite=False) == [float("inf")]
        with pytest.raises(Fault) as caught:
            parse("[1e999]", Location(), finite=True)
        assert caught.value.problem.code == "json.constant"


class TestPolicies:
    """Validation reads on past faults; load stops at the first."""

    def test_bad_line_in_the_middle(self, tmp_path: Path) -> None:
        """Validate reports the bad line and reads the next; load raises with its line."""
        path = tmp_path / "f.jsonl"
        path.write_bytes(_line(_actor(1)) + b"{broken\n" + _line(_actor(2)))
        items = list(read(path, VALIDATE))
        assert [type(item) for item in items] == [Parsed, Problem, Parsed]
        problem = items[1]
        assert isinstance(problem, Problem) and problem.excerpt == "{broken"
        assert (problem.location.line, problem.location.column) == (2, 2)
        with pytest.raises(ddfacts.LoadError) as caught:
            list(read(path, LOAD))
        assert (caught.value.line, caught.value.column) == (2, 2)

    def test_bom_then_records(self) -> None:
        """A BOM is one problem, and the records after it are still read."""
        data = b"\xef\xbb\xbf" + _line(ACTOR)
        items = list(iter_parsed(io.BytesIO(data)))
        assert isinstance(items[0], Problem) and items[0].code == "json.bom"
        assert isinstance(items[1], Parsed) and items[1].value == ACTOR
        with pytest.raises(ddfacts.LoadError, match="byte-order mark"):
            ddfacts.load(io.BytesIO(data))

    def test_versions(self) -> None:
        """Load and validation both want 1.<digits> (load used to accept any 1.x: issue 14)."""
        text = json.dumps({"ddfacts": "1.0.1", "records": [ACTOR]})
        with pytest.raises(ddfacts.LoadError, match="format version"):
            ddfacts.loads(text)
        assert len(ddfacts.loads(json.dumps({"ddfacts": "1.7", "records": [ACTOR]}))) == 1
        codes = [item.code for item in iter_parsed(io.StringIO(text)) if isinstance(item, Problem)]
        assert codes == ["file.version"]

    def test_empty_json_lines(self, tmp_path: Path) -> None:
        """Load reads an empty JSON Lines file as no records (dump writes one for none)."""
        path = tmp_path / "none.jsonl"
        ddfacts.dump([], path)
        assert len(ddfacts.load(path)) == 0
        assert len(ddfacts.loads(ddfacts.dumps([], jsonl=True), jsonl=True)) == 0
        assert [p.code for p in ddfacts.validate(path)] == ["file.empty"]
        with pytest.raises(ddfacts.LoadError, match="empty"):
            ddfacts.load(io.BytesIO(b" \n"))

    def test_unicode_blank_document(self, tmp_path: Path) -> None:
        """A document of Unicode white space is empty, for load and validate alike."""
        path = tmp_path / "f.json"
        path.write_bytes(b"\x1c\n")
        with pytest.raises(ddfacts.LoadError, match="empty"):
            ddfacts.load(path)
        assert [p.code for p in ddfacts.validate(path)] == ["file.empty"]

    def test_binary_file_is_named_as_such(self, tmp_path: Path) -> None:
        """Load names a file holding NUL bytes as binary, as validate does."""
        path = tmp_path / "f.json"
        path.write_bytes(b"\x89PNG\r\n\x00\x00")
        with pytest.raises(ddfacts.LoadError, match="NUL bytes"):
            ddfacts.load(path)

    def test_text_and_binary_handles_alike(self) -> None:
        """An open text file is read as its bytes would be."""
        data = _line(ACTOR) + _line(_actor(2))
        as_text = list(read(io.StringIO(data.decode()), VALIDATE, name="x"))
        as_bytes = list(read(io.BytesIO(data), VALIDATE, name="x"))
        assert as_text == as_bytes


class TestBinaryProbe:
    """A document is read in one piece, yet finds NUL bytes where the line probe would."""

    @given(
        st.lists(
            st.binary(max_size=3000).map(lambda raw: raw.replace(b"\n", b"") + b"\n"),
            max_size=12,
        )
    )
    def test_same_line(self, lines: list[bytes]) -> None:
        """The NUL's line found in the whole bytes is the one the line probe reports."""
        probed = _probe(iter(lines), "f")
        found = next(
            (item.problem.location.line for item in probed if isinstance(item, Fault)), None
        )
        assert _nul_line(b"".join(lines), 0) == found

    def test_past_the_probe(self) -> None:
        """A NUL on a line starting past the probe's bytes is left to the parser."""
        data = b"x" * BINARY_PROBE + b"\n\x00\n"
        assert _nul_line(data, 0) is None
        assert _nul_line(data[BINARY_PROBE - 10 :], 0) == 2


class TestLocated:
    """Records with their lines, for ``ddfacts check``."""

    def test_sniffed_json_lines(self, tmp_path: Path) -> None:
        """JSON Lines in a .json file have lines; blank lines counted, skipped."""
        path = tmp_path / "f.json"
        path.write_bytes(_line(_actor(1)) + b"\n" + _line(_actor(2)))
        assert [line for _record, line in iter_located(path)] == [1, 3]

    def test_document(self, tmp_path: Path) -> None:
        """Records of a document have no line."""
        path = tmp_path / "f.json"
        ddfacts.dump([ddfacts.from_json(_actor(1))], path)
        assert [line for _record, line in iter_located(path)] == [None]


class TestStreamFiles:
    """A run of files as one FactSet reads them: same records, same errors."""

    def _files(self, tmp_path: Path, *groups: list[dict[str, Any]]) -> list[Path]:
        paths = []
        for index, group in enumerate(groups):
            path = tmp_path / f"f{index}.jsonl"
            path.write_bytes(b"".join(_line(value) for value in group))
            paths.append(path)
        return paths

    def test_origins(self, tmp_path: Path) -> None:
        """Every record reaches the consumer in order; origins locate each by ordinal."""
        first, second = self._files(tmp_path, [_actor(1), _actor(2)], [_actor(3)])
        seen: list[str] = []

        def consume(record: ddfacts.Record) -> int | None:
            seen.append(record.id)
            return None

        origins = stream_files([first, second], consume)
        assert seen == ["actor:a1", "actor:a2", "actor:a3"]
        assert origins.locate(2, "/name") == Location(file=str(second), line=1, pointer="/name")

    @pytest.mark.parametrize("within", [True, False])
    def test_duplicates(self, tmp_path: Path, within: bool) -> None:
        """An id twice in one file is that file's LoadError; across files a DuplicateIdError."""
        groups = (
            [[_actor(1), _actor(1)], [_actor(2)]]
            if within
            else [[_actor(1)], [_actor(1), _actor(3)]]
        )
        paths = self._files(tmp_path, *groups)
        ordinals: dict[str, int] = {}
        seen: list[str] = []

        def consume(record: ddfacts.Record) -> int | None:
            earlier = ordinals.setdefault(record.id, len(seen))
            seen.append(record.id)
            return None if earlier == len(seen) - 1 else earlier

        with pytest.raises(ddfacts.LoadError if within else DuplicateIdError) as caught:
            stream_files(paths, consume)
        assert "duplicate record id 'actor:a1'" in str(caught.value)
        # Within a file: raised once that file is read; across files: once all are.
        assert len(seen) == (2 if within else 3)
        if isinstance(caught.value, ddfacts.LoadError):
            assert within and caught.value.file == str(paths[0])


class TestExpander:
    """One folder expander: validate reports an empty folder, other commands stop on it."""

    def test_same_files(self, tmp_path: Path) -> None:
        """Validate and the command line expand a folder to the same files, in order."""
        for name in ("b.jsonl", "a.json", "c.ndjson", "notes.txt", "sub/d.JSON"):
            (tmp_path / name).parent.mkdir(exist_ok=True)
            (tmp_path / name).write_text("{}", encoding="utf-8")
        found = [Path(p) for p in expand(tmp_path) if not isinstance(p, Problem)]
        assert found == expand_paths([str(tmp_path)])
        assert len(expand_paths([str(tmp_path)])) == 4

    def test_empty_folder(self, tmp_path: Path) -> None:
        """The problem's message is the command's."""
        (found,) = expand(tmp_path)
        assert isinstance(found, Problem) and found.code == "file.no-fact-files"
        with pytest.raises(CommandError) as caught:
            expand_paths([str(tmp_path)])
        assert str(caught.value) == f"{tmp_path}: {found.message}"

    def test_dash_is_stdin(self) -> None:
        """``-`` stays as it is, even beside a folder named ``-``."""
        assert expand_paths(["-"]) == [Path("-")]


class TestIterRaw:
    """validation.iter_raw: the raw records of every input, located, with reading problems."""

    def test_inputs(self, tmp_path: Path) -> None:
        """Lines keep an excerpt; a FactSet's records a pointer; an empty folder is a problem."""
        path = tmp_path / "f.jsonl"
        path.write_bytes(_line(ACTOR) + b"{broken\n")
        facts = ddfacts.FactSet([ddfacts.from_json(_actor(2))])
        (tmp_path / "empty").mkdir()
        items = list(iter_raw([path, facts, tmp_path / "empty"]))
        first, broken, from_set, folder = items
        assert isinstance(first, RawRecord) and first.value == ACTOR
        assert first.location == Location(file=str(path), line=1)
        assert first.excerpt == json.dumps(ACTOR)
        assert isinstance(broken, Problem) and broken.code == "json.syntax"
        assert isinstance(from_set, RawRecord) and from_set.location.pointer == "/records/0"
        assert isinstance(folder, Problem) and folder.code == "file.no-fact-files"
