"""The example corpus: the demo and the three annotated seed documents.

Every example fact file validates at every level against its texts, round-trips
byte for byte, and has every Statement's quote at its offsets; the build
scripts reproduce the committed files; the seed annotation is complete (every
number and month name in the texts stands inside some Statement).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import ddfacts
import ddfacts.cli
from ddfacts import Claim, Event, Source, Statement

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
DEMO = EXAMPLES / "demo"
SEEDS_FACTS = EXAMPLES / "seeds"

#: Seed text file name by Source id (the texts live in ../shared/seeds).
SEED_TEXTS = {
    "source:rabble-kalinin": "000_ebea2a00771ec505.txt",
    "source:globalnews-summons": "001_a5d173d06a98328b.txt",
    "source:shakirov-digital-diplomacy-2016": "002_26e4c5bc5c62dbcf.txt",
}

#: Number words and month names the completeness scan looks for (whole words).
NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    "|forty|fifty|eighty|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens"
    "|first|second|third|fourth|fifth|sixth|tenth|half|twice|single|couple"
)
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_NUMBERS = re.compile(rf"\d+(?:[.,]\d+)*|\b(?:{NUMBER_WORDS})\b", re.IGNORECASE)
_MONTHS = re.compile(rf"\b(?:{MONTHS})\b")  # capitalized only: "may" the verb is no month
#: Matches that are not figures or dates: (source id, a phrase around the match, why).
NOT_FIGURES = (("source:rabble-kalinin", "one Tweet away from unemployment", "a figure of speech"),)


def _exempt(source_id: str, text: str, start: int, end: int) -> bool:
    for exempt_source, phrase, _why in NOT_FIGURES:
        if exempt_source != source_id:
            continue
        at = text.find(phrase)
        while at != -1:
            if at <= start and end <= at + len(phrase):
                return True
            at = text.find(phrase, at + 1)
    return False


def _facts_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.facts.json"))


def _seed_facts() -> ddfacts.FactSet:
    records: list[ddfacts.Record] = []
    for path in _facts_files(SEEDS_FACTS):
        records.extend(ddfacts.load(path))
    return ddfacts.FactSet(records)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


class TestDemo:
    """The self-contained demo: its text and fact file beside each other."""

    def test_validates_at_every_level(self) -> None:
        """The demo validates clean against its own text, nothing else needed."""
        report = ddfacts.validate([DEMO], texts=DEMO)
        assert report.ok, report.render_text()
        assert len(report) == 0, report.render_text()

    def test_cli_first_command_is_clean(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The README's first command, ``ddfacts validate examples/demo --texts ...``, exits 0."""
        code = ddfacts.cli.main(["validate", str(DEMO), "--texts", str(DEMO)])
        out = capsys.readouterr()
        assert code == 0, out.out + out.err

    def test_round_trips_byte_for_byte(self) -> None:
        """Loading and dumping the demo reproduces the file exactly."""
        path = DEMO / "demo.facts.json"
        assert ddfacts.dumps(ddfacts.load(path)) == _read(path)

    def test_quotes_stand_at_their_offsets(self) -> None:
        """Every Statement's quote is the text between its offsets, context included."""
        facts = ddfacts.load(DEMO / "demo.facts.json")
        text = _read(DEMO / "demo.txt")
        for statement in facts.statements:
            anchor = statement.anchor
            assert text[anchor.start : anchor.end] == anchor.exact, statement.id
            assert text[: anchor.start].endswith(anchor.prefix), statement.id
            assert text[anchor.end :].startswith(anchor.suffix), statement.id

    def test_source_identity_matches_the_text(self) -> None:
        """The Source's sha256 and length are those of demo.txt."""
        import hashlib

        (source,) = ddfacts.load(DEMO / "demo.facts.json").sources
        assert source.sha256 == hashlib.sha256((DEMO / "demo.txt").read_bytes()).hexdigest()
        assert source.length == len(_read(DEMO / "demo.txt"))

    def test_has_what_the_demo_promises(self) -> None:
        """The demo has a summons, a translation, a review, an emoji and a quote used twice."""
        facts = ddfacts.load(DEMO / "demo.facts.json")
        text = _read(DEMO / "demo.txt")
        assert any(e.event_type == "summons" for e in facts.events)
        assert any(
            c.attribution is not None and c.attribution.mode.value == "translates"
            for c in facts.claims
        )
        assert facts.reviews
        assert any(ord(ch) > 0xFFFF for s in facts.statements for ch in s.anchor.exact)
        twice = [s for s in facts.statements if text.count(s.anchor.exact) == 2]
        assert twice

    def test_build_reproduces_the_committed_file(self, tmp_path: Path) -> None:
        """``examples/demo/build.py`` writes exactly the committed fact file."""
        subprocess.run(
            [sys.executable, str(DEMO / "build.py"), str(tmp_path)], check=True, capture_output=True
        )
        assert _read(tmp_path / "demo.facts.json") == _read(DEMO / "demo.facts.json")


class TestSeeds:
    """The three seed documents, annotated: texts from ../shared/seeds."""

    def test_validates_at_every_level(self, seeds_dir: Path) -> None:
        """The seed fact files validate clean, as one set, against the seed texts."""
        report = ddfacts.validate([SEEDS_FACTS], texts=seeds_dir)
        assert report.ok, report.render_text()
        assert len(report) == 0, report.render_text()

    def test_cli_validate_is_clean(
        self, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``ddfacts validate examples/seeds --texts ../shared/seeds`` exits 0."""
        code = ddfacts.cli.main(["validate", str(SEEDS_FACTS), "--texts", str(seeds_dir)])
        out = capsys.readouterr()
        assert code == 0, out.out + out.err

    @pytest.mark.parametrize("name", [p.name for p in _facts_files(SEEDS_FACTS)])
    def test_round_trips_byte_for_byte(self, name: str) -> None:
        """Loading and dumping each seed fact file reproduces it exactly."""
        path = SEEDS_FACTS / name
        assert ddfacts.dumps(ddfacts.load(path)) == _read(path)

    def test_quotes_stand_at_their_offsets(self, seeds_dir: Path) -> None:
        """Every Statement's quote is the seed text between its offsets, context included."""
        facts = _seed_facts()
        texts = {sid: _read(seeds_dir / name) for sid, name in SEED_TEXTS.items()}
        assert facts.statements
        for statement in facts.statements:
            text = texts[statement.source]
            anchor = statement.anchor
            assert text[anchor.start : anchor.end] == anchor.exact, statement.id
            assert text[: anchor.start].endswith(anchor.prefix), statement.id
            assert text[anchor.end :].startswith(anchor.suffix), statement.id

    def test_quotes_are_short(self) -> None:
        """No quote is longer than a sentence: the texts are not copied into the repository."""
        for statement in _seed_facts().statements:
            exact = statement.anchor.exact
            assert len(exact) <= 400, statement.id
            assert exact.count("\n") == 0, statement.id

    def test_sources_match_their_texts(self, seeds_dir: Path) -> None:
        """Each Source's sha256 and length are those of its seed text."""
        import hashlib

        sources = {s.id: s for s in _seed_facts().sources if s.sha256 is not None}
        assert set(sources) == set(SEED_TEXTS)
        for source_id, name in SEED_TEXTS.items():
            data = (seeds_dir / name).read_bytes()
            assert sources[source_id].sha256 == hashlib.sha256(data).hexdigest()
            assert sources[source_id].length == len(data.decode("utf-8"))

    def test_claims_and_events_cite_evidence(self) -> None:
        """Every Claim and Event cites at least one Statement, and every citation resolves."""
        facts = _seed_facts()
        for record in (*facts.claims, *facts.events):
            assert isinstance(record, (Claim, Event))
            assert record.evidence, record.id
            for statement_id in record.evidence:
                assert isinstance(facts.get(statement_id), Statement), (record.id, statement_id)

    def test_ids_unique_across_the_folder(self) -> None:
        """No id is used twice across the seed fact files."""
        ids = [r.id for p in _facts_files(SEEDS_FACTS) for r in ddfacts.load(p)]
        assert len(ids) == len(set(ids))

    def test_syndication_link_recorded(self) -> None:
        """The rabble post's "also appears on" AlbertaPolitics.ca is a SourceLink with evidence."""
        source = _seed_facts().get("source:rabble-kalinin", Source)
        assert source is not None
        (link,) = source.links
        assert link.kind.value == "also_appears_at"
        assert link.evidence

    @pytest.mark.parametrize("source_id", sorted(SEED_TEXTS))
    def test_every_number_and_month_is_annotated(self, seeds_dir: Path, source_id: str) -> None:
        """Each number (digits or words) and month name of the text lies inside some Statement."""
        text = _read(seeds_dir / SEED_TEXTS[source_id])
        spans = [
            (s.anchor.start, s.anchor.end)
            for s in _seed_facts().statements
            if s.source == source_id
        ]
        missing = []
        matches = [*_NUMBERS.finditer(text), *_MONTHS.finditer(text)]
        for match in sorted(matches, key=lambda m: m.start()):
            start, end = match.span()
            if _exempt(source_id, text, start, end):
                continue
            if not any(a <= start and end <= b for a, b in spans):
                line = text.count("\n", 0, start) + 1
                missing.append(f"line {line}: {text[max(0, start - 30) : end + 30]!r}")
        assert not missing, "\n".join(missing)

    def test_statement_ids_are_the_default_and_readable(self, seeds_dir: Path) -> None:
        """Every seed Statement has the library's default id, and none is digits or a hash.

        Romanizing Cyrillic and Greek changed only the ids that were digits
        (``.../4``, ``.../20-71``) or a hash (``.../q29f395a18b``); every
        Latin-script id is what it was.
        """
        texts = {sid: _read(seeds_dir / name) for sid, name in SEED_TEXTS.items()}
        for statement in _seed_facts().statements:
            made = ddfacts.anchors.statement_id(
                statement.source, texts[statement.source], statement.anchor
            )
            assert re.fullmatch(rf"{re.escape(made)}(?:-x\d+)?", statement.id), statement.id
            slug = statement.id.rsplit("/", 1)[1]
            assert re.search("[a-z]", slug) and not re.fullmatch("q[0-9a-f]{10}", slug), slug

    def test_build_reproduces_the_committed_files(self, seeds_dir: Path, tmp_path: Path) -> None:
        """``examples/seeds/build.py`` writes exactly the committed fact files."""
        subprocess.run(
            [sys.executable, str(SEEDS_FACTS / "build.py"), str(tmp_path)],
            check=True,
            capture_output=True,
        )
        written = sorted(p.name for p in tmp_path.glob("*.facts.json"))
        assert written == [p.name for p in _facts_files(SEEDS_FACTS)]
        for name in written:
            assert _read(tmp_path / name) == _read(SEEDS_FACTS / name), name
