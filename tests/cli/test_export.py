"""``ddfacts export`` and ``ddfacts import webannotation`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.export import export

from .._export_facts import GAZETTE, WIRE, build


@pytest.fixture
def facts_file(tmp_path: Path) -> Path:
    """The invented fact set, written to a fact file, with its texts in texts/."""
    path = tmp_path / "facts.json"
    d.dump(build(), path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (tmp_path / "texts" / "wire.txt").write_text(WIRE, encoding="utf-8")
    return path


class TestExportCommand:
    @pytest.mark.parametrize("fmt", ["webannotation", "prov-json", "claimreview", "fever"])
    def test_prints_the_export(
        self, fmt: str, facts_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without -o the export goes to stdout, byte for byte what export() gives."""
        assert main(["export", str(facts_file), "--to", fmt]) == 0
        assert capsys.readouterr().out == export(build(), fmt)

    def test_writes_a_file(self, facts_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With -o the export goes to the file and stdout stays empty."""
        out = facts_file.parent / "reviews.jsonld"
        assert main(["export", str(facts_file), "--to", "claimreview", "-o", str(out)]) == 0
        assert capsys.readouterr().out == ""
        assert json.loads(out.read_text(encoding="utf-8"))[0]["@type"] == "ClaimReview"

    def test_csv_writes_a_folder(self, facts_file: Path) -> None:
        """csv writes one table per record type into the folder."""
        out = facts_file.parent / "tables"
        assert main(["export", str(facts_file), "--to", "csv", "-o", str(out)]) == 0
        assert (out / "claims.csv").read_text(encoding="utf-8").startswith("id,type,subject,")

    def test_csv_without_folder_is_a_usage_error(
        self, facts_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """csv without -o exits 2 with one line saying why."""
        assert main(["export", str(facts_file), "--to", "csv"]) == 2
        assert capsys.readouterr().err == (
            "ddfacts export: --to csv writes a folder: name it with -o FOLDER\n"
        )

    def test_unknown_format_is_a_usage_error(
        self, facts_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown --to exits 2 and lists the choices."""
        assert main(["export", str(facts_file), "--to", "rdf"]) == 2
        assert "invalid choice: 'rdf'" in capsys.readouterr().err

    def test_unreadable_input_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A broken fact file exits 2 naming the file and pointer, and writes nothing."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"ddfacts": "1.0", "records": [{"type": "claim"}]}', encoding="utf-8")
        out = tmp_path / "out.json"
        assert main(["export", str(bad), "--to", "fever", "-o", str(out)]) == 2
        assert capsys.readouterr().err == (
            f"ddfacts export: {bad}: /records/0: missing required member 'id'\n"
        )
        assert not out.exists()


class TestImportCommand:
    def test_round_trip(self, facts_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Exported annotations import back to the same statements, exit 0."""
        annotations = facts_file.parent / "annotations.jsonld"
        main(["export", str(facts_file), "--to", "webannotation", "-o", str(annotations)])
        out = facts_file.parent / "imported.jsonl"
        texts = str(facts_file.parent / "texts")
        args = ["webannotation", str(annotations), "--texts", texts, "--facts", str(facts_file)]
        code = main(["import", *args, "-o", str(out)])
        assert code == 0
        assert capsys.readouterr().err == ""
        back = d.load(out)
        assert {s.id: s.anchor for s in back.statements} == {
            s.id: s.anchor for s in build().statements
        }
        assert back.sources == ()

    def test_orphans_exit_1_and_are_listed(
        self, facts_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An annotation whose quote is not in the text is listed on stderr; exit 1."""
        annotation = {
            "type": "Annotation",
            "target": {
                "source": "urn:ddfacts:source:wire",
                "selector": {"type": "TextQuoteSelector", "exact": "not in the wire copy"},
            },
        }
        path = facts_file.parent / "one.json"
        path.write_text(json.dumps([annotation]), encoding="utf-8")
        code = main(
            ["import", "webannotation", str(path), "--texts", str(facts_file.parent / "texts")]
        )
        captured = capsys.readouterr()
        assert code == 1
        assert captured.err.startswith(f"{path}: /0: the quote cannot be placed in the text")
        assert captured.err.endswith("[import.orphaned]\n")
        assert json.loads(captured.out)["records"] == []

    def test_bad_json_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Input that is not JSON exits 2 naming the file, line and column."""
        path = tmp_path / "broken.json"
        path.write_text("[{", encoding="utf-8")
        (tmp_path / "texts").mkdir()
        assert main(["import", "webannotation", str(path), "--texts", str(tmp_path / "texts")]) == 2
        assert capsys.readouterr().err.startswith(f"ddfacts import: {path}:1:3: invalid JSON")

    def test_missing_texts_folder_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--texts must name a folder."""
        assert main(["import", "webannotation", "x.json", "--texts", str(tmp_path / "no")]) == 2
        assert capsys.readouterr().err == (
            f"ddfacts import: {tmp_path / 'no'}: not a folder of texts\n"
        )
