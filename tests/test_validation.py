"""ddfacts.validate: every fixture produces exactly its expected problems; the API's inputs."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts import Location, Problem, Report, Severity, validate
from ddfacts.validation import CODES, Level, LevelError, check_record, parse_levels
from ddfacts.validation import _record as record_module
from ddfacts.validation._shape import shape_problems
from ddfacts.vocabulary import default_vocabulary

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXTS = FIXTURES / "texts"
EXPECT: dict[str, Any] = json.loads((FIXTURES / "expect.json").read_text(encoding="utf-8"))
CASES = sorted(name for name in EXPECT if not name.startswith("_"))


def _found(report: Report) -> list[list[Any]]:
    return [[p.code, p.location.pointer, p.location.line, p.location.column] for p in report]


class TestFixtures:
    """Each invalid fixture triggers exactly the codes and locations it lists."""

    @pytest.mark.parametrize("name", CASES)
    def test_invalid_fixture(self, name: str) -> None:
        """The fixture's problems are exactly the expected codes, pointers, lines, columns."""
        texts = TEXTS if name.startswith("anchors/") else None
        report = validate(FIXTURES / name, texts=texts)
        assert _found(report) == EXPECT[name]
        assert all(p.location.file == str(FIXTURES / name) for p in report)

    @pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "valid").iterdir()))
    def test_valid_fixture(self, name: str) -> None:
        """A valid fixture has no problem at any level, texts included."""
        report = validate(FIXTURES / "valid" / name, texts=TEXTS)
        assert report.problems == ()
        assert report.ok

    def test_every_code_has_a_fixture(self) -> None:
        """Every code validation gives but the safety nets is triggered by some fixture."""
        covered = {code for name in CASES for code, *_ in EXPECT[name]}
        untested_here = {
            "file.missing",
            "file.unreadable",
            "file.no-fact-files",
            "meaning.invalid",
            # Over 16 MiB and 4 GiB: tests/hostile/test_reader.py lowers the limits.
            "file.line-too-long",
            "file.too-large",
        }
        validated = {code for code, info in CODES.items() if info.level not in ("check", "import")}
        assert validated - covered == untested_here

    def test_messages_are_sentences(self) -> None:
        """Every fixture problem has a non-empty message with its code's registered severity."""
        for name in CASES:
            texts = TEXTS if name.startswith("anchors/") else None
            for problem in validate(FIXTURES / name, texts=texts):
                assert problem.message.strip()
                assert problem.severity is CODES[problem.code].severity


class TestInputs:
    """validate() accepts paths, folders, open files, FactSets and lists of them."""

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a file.missing problem, not an exception."""
        report = validate(tmp_path / "nope.json")
        assert report.codes() == ["file.missing"]

    def test_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file that cannot be opened is a file.unreadable problem."""

        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", refuse)
        report = validate(tmp_path / "locked.json")
        assert report.codes() == ["file.unreadable"]
        assert "Permission denied" in report.problems[0].message

    def test_empty_folder(self, tmp_path: Path) -> None:
        """A folder with no fact files is a file.no-fact-files problem."""
        (tmp_path / "notes.txt").write_text("hello")
        assert validate(tmp_path).codes() == ["file.no-fact-files"]

    def test_folder_expands(self) -> None:
        """A folder means every fact file in it, read in sorted order, as one run."""
        report = validate(FIXTURES / "valid")
        assert set(report.codes()) == {"ref.duplicate-id"}
        assert len(report) == 8
        assert {p.location.file for p in report} == {
            str(FIXTURES / "valid" / "freedonia.facts.jsonl")
        }

    def test_references_resolve_across_files(self, tmp_path: Path) -> None:
        """An id defined in one file of a run satisfies a reference from another."""
        actors = tmp_path / "actors.jsonl"
        claims = tmp_path / "claims.jsonl"
        actors.write_text(
            json.dumps({"type": "actor", "id": "actor:a", "kind": "person", "name": "A"}) + "\n"
        )
        claims.write_text(
            json.dumps(
                {
                    "type": "claim",
                    "id": "claim:a",
                    "subject": "actor:a",
                    "property": "position",
                    "value": {"text": "consul"},
                }
            )
            + "\n"
        )
        assert validate([actors, claims]).problems == ()
        assert validate(claims).codes() == ["ref.missing"]

    def test_binary_file_object(self) -> None:
        """An open binary file is read like a path, named '<stdin>' when it has no name."""
        data = (FIXTURES / "invalid" / "shape-type.facts.jsonl").read_bytes()
        report = validate(io.BytesIO(data))
        assert [(p.code, p.location.file, p.location.line) for p in report] == [
            ("shape.type", "<stdin>", 1)
        ]

    def test_text_file_object(self) -> None:
        """An open text file holding a JSON document is validated."""
        text = (FIXTURES / "valid" / "freedonia.facts.json").read_text(encoding="utf-8")
        assert validate(io.StringIO(text)).problems == ()

    def test_factset(self) -> None:
        """A FactSet is validated through its records' JSON forms, with /records/N pointers."""
        facts = ddfacts.load(FIXTURES / "valid" / "freedonia.facts.json")
        report = validate(facts, levels="refs,meaning")
        assert report.problems == ()
        partial = ddfacts.FactSet([r for r in facts if r.type != "source"])
        pointers = {p.location.pointer for p in validate(partial)}
        assert pointers == {"/records/0/source", "/records/4/attribution/source"}

    def test_anchors_need_texts(self) -> None:
        """Without a text store the anchors level reports nothing."""
        name = FIXTURES / "anchors" / "anchor-mismatch.facts.jsonl"
        assert validate(name).problems == ()

    def test_text_lookup_object(self) -> None:
        """Any object with get(source) serves as a text store."""

        class Texts:
            def get(self, source: ddfacts.Source) -> str | None:
                return "The Consuls" if source.id == "source:freedonia" else None

        name = FIXTURES / "anchors" / "anchor-mismatch.facts.jsonl"
        codes = validate(name, texts=Texts()).codes()
        assert codes == ["source.hash-mismatch"]


class TestLevels:
    """Levels are selectable one by one."""

    def test_parse_levels(self) -> None:
        """Names, comma lists and enum members all parse."""
        assert parse_levels("shape,refs") == {Level.SHAPE, Level.REFS}
        assert parse_levels([Level.MEANING, "anchors"]) == {Level.MEANING, Level.ANCHORS}

    def test_unknown_level(self) -> None:
        """An unknown level name raises LevelError naming it."""
        with pytest.raises(LevelError, match="'everything'"):
            parse_levels("everything")

    def test_only_shape(self) -> None:
        """With only shape, reference and meaning problems are not reported."""
        name = FIXTURES / "invalid" / "ref-missing.facts.jsonl"
        assert validate(name, levels="shape").problems == ()
        name = FIXTURES / "invalid" / "vocab-unit.facts.jsonl"
        assert validate(name, levels=["shape", "refs"]).problems == ()

    def test_input_problems_always_reported(self) -> None:
        """JSON problems are reported whatever the levels."""
        name = FIXTURES / "invalid" / "json-syntax.facts.json"
        assert validate(name, levels="anchors").codes() == ["json.syntax"]


class TestCheckRecord:
    """check_record is a pure function of one raw value, its location and the vocabulary."""

    def test_summary(self) -> None:
        """The summary holds the id, type, kind, references and operator."""
        value = {
            "type": "actor",
            "id": "actor:x",
            "kind": "account",
            "name": "X",
            "operated_by": "actor:y",
            "evidence": ["statement:s"],
        }
        result = check_record(value, Location(file="f.jsonl", line=3), default_vocabulary())
        summary = result.summary
        assert (summary.id, summary.type, summary.kind, summary.operated_by) == (
            "actor:x",
            "account" and "actor",
            "account",
            "actor:y",
        )
        assert [(r.target, r.location.pointer) for r in summary.refs] == [
            ("statement:s", "/evidence/0"),
            ("actor:y", "/operated_by"),
        ]
        assert result.problems == ()

    def test_any_json_value(self) -> None:
        """A value that is not an object gives one shape.type problem."""
        result = check_record([1, 2], Location(), default_vocabulary())
        assert [p.code for p in result.problems] == ["shape.type"]

    def test_meaning_invalid_safety_net(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """When the codec refuses a record no check caught, the problem is meaning.invalid."""
        from ddfacts.jsonio._codec import StructureError

        def refuse(value: Any, pointer: str = "") -> Any:
            raise StructureError("something no check knows", "/name")

        monkeypatch.setattr(record_module, "structure", refuse)
        if hasattr(record_module, "structure_fast"):  # the fast path defers to the codec
            monkeypatch.setattr(record_module, "structure_fast", lambda value: None)
        value = {"type": "actor", "id": "actor:x", "kind": "person", "name": "X"}
        result = check_record(value, Location(), default_vocabulary())
        assert [(p.code, p.location.pointer) for p in result.problems] == [
            ("meaning.invalid", "/name")
        ]

    def test_shape_invalid_fallback(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A schema keyword without its own code gives shape.invalid."""
        from jsonschema import Draft202012Validator

        import ddfacts.validation._shape as shape

        unique = Draft202012Validator({"properties": {"aliases": {"uniqueItems": True}}})
        monkeypatch.setattr(shape, "validator", lambda name: unique)
        value = {"type": "actor", "aliases": ["a", "a"]}
        problems = shape_problems(value, Location())
        assert [(p.code, p.location.pointer) for p in problems] == [("shape.invalid", "/aliases")]


class TestReport:
    """The report keeps file order and renders for people and programs."""

    def test_file_order(self) -> None:
        """/records/10 sorts after /records/9."""
        problems = [
            Problem(
                code="x.y",
                severity="error",
                message="m",
                location=Location(pointer=f"/records/{n}"),
            )
            for n in (10, 9)
        ]
        assert [p.location.pointer for p in Report(problems)] == ["/records/9", "/records/10"]

    def test_json_form(self) -> None:
        """to_json gives code, severity, file, line, column, pointer and message."""
        name = FIXTURES / "invalid" / "shape-type.facts.jsonl"
        (item,) = validate(name).to_json()
        assert item == {
            "code": "shape.type",
            "severity": "error",
            "file": str(name),
            "line": 1,
            "column": None,
            "pointer": "/name",
            "message": "expected a string, got the number 5",
        }

    def test_severity_warning_keeps_ok(self) -> None:
        """A warning alone leaves the report ok."""
        report = validate(FIXTURES / "invalid" / "meaning-account-operator.facts.jsonl")
        assert report.problems[0].severity is Severity.WARNING
        assert report.ok and report.errors == ()


def test_reexports() -> None:
    """The package exports validate and the problem types."""
    assert ddfacts.validate is validate
    assert {"Location", "Problem", "Report", "Severity", "validate"} <= set(ddfacts.__all__)
    assert os.fspath(FIXTURES)
