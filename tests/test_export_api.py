"""export() and FORMATS: every format, deterministic, on the invented set and the examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts._escape import json_text
from ddfacts.export import FORMATS, ExportError, export, to_webannotation
from ddfacts.imports import from_webannotation
from ddfacts.textstore import TextStore

from ._export_facts import build
from ._export_formats import (
    check_claimreview,
    check_csv,
    check_fever,
    check_prov_json,
    check_webannotation,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
#: Example fact files and the folder of their texts.
EXAMPLES = {
    "demo": ([ROOT / "examples" / "demo" / "demo.facts.json"], ROOT / "examples" / "demo"),
    "seeds": (sorted(SEEDS.glob("*.facts.json")), ROOT.parent / "shared" / "seeds"),
}


def _example(name: str) -> d.FactSet:
    paths, _texts = EXAMPLES[name]
    if not paths or not all(path.is_file() for path in paths):
        pytest.skip(f"examples/{name} has no fact files yet")
    records: list[d.Record] = []
    for path in paths:
        records.extend(d.load(path))
    return d.FactSet(records)


def _check(fmt: str, facts: d.FactSet, folder: Path) -> None:
    if fmt == "csv":
        export(facts, fmt, out=folder)
        check_csv(folder)
        return
    skipped: list[str] = []
    text = export(facts, fmt, skip_incomplete=True, on_skip=skipped.append)
    assert text is not None
    # Only reviews without url are left out (ClaimReview refuses them otherwise).
    no_url = [review.id for review in facts.reviews if not review.url]
    assert [reason.split(": ")[0] for reason in skipped] == (
        sorted(no_url) if fmt == "claimreview" else []
    )
    if fmt == "fever":
        check_fever(text)  # empty when nothing is reviewed
        return
    assert text.endswith("\n")
    value = json.loads(text)
    # Canonical, and safe inside an HTML <script> block: <, >, & are \u escapes.
    assert text == json_text(value, indent=2) + "\n"
    assert not {"<", ">", "&", "\u2028", "\u2029"} & set(text)
    {
        "webannotation": check_webannotation,
        "prov-json": check_prov_json,
        "claimreview": check_claimreview,
    }[fmt](value)


class TestFormats:
    def test_registry_names(self) -> None:
        """The CLI's --to choices are these, in this order."""
        assert list(FORMATS) == ["webannotation", "prov-json", "claimreview", "fever", "csv"]
        assert [fmt.is_folder for fmt in FORMATS.values()] == [False] * 4 + [True]


class TestExport:
    @pytest.mark.parametrize("fmt", list(FORMATS))
    def test_each_format_keeps_its_rules(self, fmt: str, tmp_path: Path) -> None:
        """Every format's output on the invented set keeps that format's rules."""
        _check(fmt, build(), tmp_path)

    @pytest.mark.parametrize("fmt", list(FORMATS))
    def test_same_input_same_bytes(self, fmt: str, tmp_path: Path) -> None:
        """Exporting a set and the same set shuffled gives the same bytes."""
        facts = build()
        shuffled = d.FactSet(reversed(list(facts)))
        if fmt == "csv":
            export(facts, fmt, out=tmp_path / "a")
            export(shuffled, fmt, out=tmp_path / "b")
            names = sorted(p.name for p in (tmp_path / "a").iterdir())
            assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
            for name in names:
                assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        else:
            assert export(facts, fmt) == export(shuffled, fmt)

    def test_writes_to_out_atomically(self, tmp_path: Path) -> None:
        """With out, the text goes to the file and nothing is returned; no temp files remain."""
        target = tmp_path / "reviews.json"
        assert export(build(), "claimreview", out=target) is None
        assert target.read_text(encoding="utf-8") == export(build(), "claimreview")
        assert [p.name for p in tmp_path.iterdir()] == ["reviews.json"]

    def test_unknown_format(self) -> None:
        """An unknown format name is an ExportError naming the choices."""
        with pytest.raises(ExportError, match="unknown export format 'rdf'; expected one of"):
            export(build(), "rdf")

    def test_csv_needs_a_folder(self) -> None:
        """The folder format refuses to run without out."""
        with pytest.raises(ExportError, match="the csv format writes a folder"):
            export(build(), "csv")


class TestExamples:
    @pytest.mark.parametrize("fmt", list(FORMATS))
    @pytest.mark.parametrize("name", list(EXAMPLES))
    def test_examples_export_in_every_format(self, name: str, fmt: str, tmp_path: Path) -> None:
        """The demo and the seed fact files export in every format, keeping its rules."""
        _check(fmt, _example(name), tmp_path)

    @pytest.mark.parametrize("name", list(EXAMPLES))
    def test_examples_round_trip_through_web_annotation(self, name: str) -> None:
        """Every example statement comes back from its Web Annotation with the same anchor."""
        facts = _example(name)
        texts = EXAMPLES[name][1]
        if not texts.is_dir():
            pytest.skip(f"{texts} is absent")
        result = from_webannotation(
            to_webannotation(facts), TextStore(texts), sources=facts.sources
        )
        assert result.report.ok, [str(p) for p in result.report]
        back = {r.id: r for r in result.records if isinstance(r, d.Statement)}
        assert {s.id: s.anchor for s in back.values()} == {s.id: s.anchor for s in facts.statements}
