"""Tests for ``ddfacts anchor`` and ``ddfacts reanchor``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ddfacts import Anchor, Record, Source, Statement, dump, load
from ddfacts.cli import main
from ddfacts.textstore import sha256_of

TEXT = "The embassy has 2,400 followers.\n\nIts press secretary tweets daily.\n"


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    """A small text, demo.txt, in a texts folder."""
    (tmp_path / "texts").mkdir()
    path = tmp_path / "texts" / "demo.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return path


class TestAnchor:
    def test_prints_statement(self, text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """anchor prints a Statement record with its default id and full anchor."""
        code = main(
            ["anchor", str(text_file), "--quote", "press secretary", "--source", "source:demo"]
        )
        assert code == 0
        assert json.loads(capsys.readouterr().out) == {
            "type": "statement",
            "id": "statement:demo/press-secretary",
            "source": "source:demo",
            "anchor": {
                "start": 38,
                "end": 53,
                "exact": "press secretary",
                "prefix": "bassy has 2,400 followers.\n\nIts ",
                "suffix": " tweets daily.\n",
            },
        }

    def test_default_source_from_file_name(
        self, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --source the Source id comes from the file name."""
        assert main(["anchor", str(text_file), "--quote", "embassy"]) == 0
        assert json.loads(capsys.readouterr().out)["source"] == "source:demo"

    def test_quote_absent(self, text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A quote that is not in the text exits 1 with a message naming the file."""
        assert main(["anchor", str(text_file), "--quote", "9,000"]) == 1
        assert capsys.readouterr().err == (
            f"ddfacts anchor: {text_file}: the quote '9,000' is not in the text\n"
        )

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing text file exits 2."""
        assert main(["anchor", str(tmp_path / "nope.txt"), "--quote", "x"]) == 2
        assert "cannot read" in capsys.readouterr().err


def _fact_file(tmp_path: Path, quote: str) -> Path:
    start = TEXT.index(quote)
    anchor = Anchor.from_span(TEXT, start, start + len(quote))
    records: list[Record] = [
        Source(id="source:demo", sha256=sha256_of(TEXT), length=len(TEXT)),
        Statement(id="statement:demo/q", source="source:demo", anchor=anchor),
    ]
    path = tmp_path / "facts.json"
    dump(records, path)
    return path


class TestReanchor:
    def test_unchanged(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Against the same text every statement stays by position; exit 0."""
        facts = _fact_file(tmp_path, "press secretary")
        assert main(["reanchor", str(facts), "--texts", str(text_file.parent)]) == 0
        assert capsys.readouterr().out == (
            "statement:demo/q  position  1.00  38..53 -> 38..53\n1 statement: 1 position\n"
        )

    def test_moved_written_with_provenance(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A moved quote is written to -o with its new offsets and a reanchored activity."""
        facts = _fact_file(tmp_path, "press secretary")
        text_file.write_text("Correction added.\n\n" + TEXT, encoding="utf-8")
        out = tmp_path / "out.json"
        assert main(["reanchor", str(facts), "--texts", str(text_file.parent), "-o", str(out)]) == 0
        assert (
            capsys.readouterr().out.splitlines()[0]
            == "statement:demo/q  exact  1.00  38..53 -> 57..72"
        )
        statement = load(out).get("statement:demo/q", Statement)
        assert statement is not None and statement.provenance is not None
        assert (statement.id, statement.anchor.start) == ("statement:demo/q", 57)
        assert statement.provenance.history[-1].note == "method=exact, score=1.00, 38..53 -> 57..72"
        source = load(out).get("source:demo", Source)
        assert source is not None and source.sha256 == sha256_of(text_file.read_text("utf-8"))

    def test_orphaned_exits_1_and_writes_nothing(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A deleted quote is reported orphaned, exit 1; without -o nothing is written."""
        facts = _fact_file(tmp_path, "Its press secretary tweets daily.")
        before = facts.read_bytes()
        text_file.write_text("The embassy has 2,400 followers.\n", encoding="utf-8")
        assert (
            main(["reanchor", str(facts), "--texts", str(text_file.parent), "--format", "json"])
            == 1
        )
        row = json.loads(capsys.readouterr().out)[0]
        assert (row["method"], row["orphaned"], row["new"]) == ("orphaned", True, None)
        assert facts.read_bytes() == before

    def test_missing_text(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A statement whose text is missing is unchecked, exit 1."""
        facts = _fact_file(tmp_path, "press secretary")
        (tmp_path / "empty").mkdir()
        assert main(["reanchor", str(facts), "--texts", str(tmp_path / "empty")]) == 1
        assert "unchecked" in capsys.readouterr().out

    def test_output_needs_one_file(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o with two fact files is a usage error, exit 2."""
        facts = _fact_file(tmp_path, "press secretary")
        code = main(
            ["reanchor", str(facts), str(facts), "--texts", str(text_file.parent), "-o", "x.json"]
        )
        assert code == 2
        assert "exactly one fact file" in capsys.readouterr().err


class TestReanchorFiles:
    def test_in_place_rewrites_only_what_changed(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--in-place rewrites a file whose records changed and leaves the others' bytes."""
        facts = _fact_file(tmp_path, "press secretary")
        other = tmp_path / "other.json"
        dump([Source(id="source:unrelated")], other)
        before = other.read_bytes()
        text_file.write_text("Correction added.\n\n" + TEXT, encoding="utf-8")
        texts = str(text_file.parent)
        assert main(["reanchor", str(facts), str(other), "--texts", texts, "--in-place"]) == 0
        statement = load(facts).get("statement:demo/q", Statement)
        assert statement is not None and statement.anchor.start == 57
        assert other.read_bytes() == before

    def test_in_place_unchanged_keeps_the_file(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With nothing moved, --in-place does not touch the file."""
        facts = _fact_file(tmp_path, "press secretary")
        before = facts.stat().st_mtime_ns, facts.read_bytes()
        assert main(["reanchor", str(facts), "--texts", str(text_file.parent), "--in-place"]) == 0
        assert (facts.stat().st_mtime_ns, facts.read_bytes()) == before

    def test_source_in_another_file(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A statement's Source may sit in another fact file of the run."""
        records = list(load(_fact_file(tmp_path, "press secretary")))
        sources, statements = tmp_path / "sources.json", tmp_path / "statements.jsonl"
        dump([r for r in records if isinstance(r, Source)], sources)
        dump([r for r in records if isinstance(r, Statement)], statements)
        text_file.write_text("Correction added.\n\n" + TEXT, encoding="utf-8")
        code = main(["reanchor", str(sources), str(statements), "--texts", str(text_file.parent)])
        assert code == 0
        assert capsys.readouterr().out.splitlines()[0] == (
            "statement:demo/q  exact  1.00  38..53 -> 57..72"
        )

    def test_jsonl_output(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o with a .jsonl name writes JSON Lines, one record a line."""
        facts = _fact_file(tmp_path, "press secretary")
        out = tmp_path / "out.jsonl"
        assert main(["reanchor", str(facts), "--texts", str(text_file.parent), "-o", str(out)]) == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["type"] for line in lines] == ["source", "statement"]

    def test_stdin_is_read_once(
        self,
        tmp_path: Path,
        text_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Fact records on stdin are re-anchored (the file is read once, not twice)."""
        facts = _fact_file(tmp_path, "press secretary")
        monkeypatch.setattr("sys.stdin", io.StringIO(facts.read_text(encoding="utf-8")))
        assert main(["reanchor", "-", "--texts", str(text_file.parent)]) == 0
        assert capsys.readouterr().out.endswith("1 statement: 1 position\n")

    def test_json_rows(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json gives one object per statement; an unchecked one says why."""
        facts = _fact_file(tmp_path, "press secretary")
        statement = load(facts).get("statement:demo/q", Statement)
        assert statement is not None
        lost = Statement(id="statement:demo/lost", source="source:lost", anchor=statement.anchor)
        dump([*load(facts), lost], facts)
        args = ["reanchor", str(facts), "--texts", str(text_file.parent), "--format", "json"]
        assert main(args) == 1
        assert json.loads(capsys.readouterr().out) == [
            {
                "id": "statement:demo/q",
                "method": "position",
                "score": 1.0,
                "margin": None,
                "old": [38, 53],
                "new": [38, 53],
                "orphaned": False,
                "problem": None,
            },
            {
                "id": "statement:demo/lost",
                "method": "unchecked",
                "score": None,
                "margin": None,
                "old": [38, 53],
                "new": None,
                "orphaned": False,
                "problem": "no Source record source:lost",
            },
        ]

    def test_duplicate_ids_across_files(
        self, tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same record in two files is a usage error, exit 2, and nothing is written."""
        facts = _fact_file(tmp_path, "press secretary")
        code = main(["reanchor", str(facts), str(facts), "--texts", str(text_file.parent)])
        assert code == 2
        assert "duplicate record id" in capsys.readouterr().err
