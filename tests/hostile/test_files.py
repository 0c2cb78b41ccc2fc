"""Files on hostile input: unopenable texts, empty output paths, refused texts, repeated ids."""

from __future__ import annotations

import errno
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.errors import TextStoreError

TEXT = "The embassy has more than 9,000 followers."
QUOTE = "more than 9,000 followers"


def _facts(folder: Path, *, sha256: str | None = None) -> Path:
    """A source, a statement of QUOTE and a claim citing it, with the text in folder/texts."""
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (texts / "t.txt").write_text(TEXT, encoding="utf-8")
    start = TEXT.index(QUOTE)
    records: list[dict[str, Any]] = [
        {
            "type": "source",
            "id": "source:t",
            "sha256": sha256 or hashlib.sha256(TEXT.encode()).hexdigest(),
            "length": len(TEXT),
        },
        {
            "type": "statement",
            "id": "statement:t/q",
            "source": "source:t",
            "anchor": {"start": start, "end": start + len(QUOTE), "exact": QUOTE},
        },
        {
            "type": "claim",
            "id": "claim:c",
            "subject": "source:t",
            "property": "says",
            "value": {"text": QUOTE},
            "evidence": ["statement:t/q"],
        },
    ]
    path = folder / "facts.json"
    path.write_text(json.dumps({"ddfacts": "1.0", "records": records}), encoding="utf-8")
    return path


def _too_long(self: Path) -> bool:
    raise OSError(errno.ENAMETOOLONG, "File name too long", str(self))


class TestTextStoreNeverCrashes:
    """Any error the system gives opening a text is a refusal naming the file."""

    def test_library(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """``text_for``, ``get`` and ``current`` raise TextStoreError, not OSError."""
        store = d.TextStore(tmp_path)
        monkeypatch.setattr(Path, "is_file", _too_long)
        source = d.Source(id="source:t")
        for ask in (store.text_for, store.get, store.current):
            with pytest.raises(TextStoreError, match=r"t\.txt: cannot read the text: File name"):
                ask(source)
        assert store.problem(source) is not None

    @pytest.mark.parametrize(
        "argv",
        [
            ["check", "{facts}", "--texts", "{texts}"],
            ["cite", "{facts}", "statement:t/q", "--texts", "{texts}"],
            ["reanchor", "{facts}", "--texts", "{texts}"],
        ],
    )
    def test_cli(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
    ) -> None:
        """Every command that reads texts answers with an exit code, never a traceback."""
        facts = _facts(tmp_path)
        texts = str(tmp_path / "texts")
        monkeypatch.setattr(Path, "is_file", _too_long)
        code = main([arg.format(facts=facts, texts=texts) for arg in argv])
        err = capsys.readouterr().err
        assert code in (0, 1, 2)
        assert "Traceback" not in err


class TestEmptyOutputPath:
    """``-o ''`` is a usage error for every command with ``-o``, and writes nothing."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["reanchor", "{facts}", "--texts", "{texts}", "-o", ""],
            ["export", "{facts}", "--to", "prov-json", "-o", ""],
            ["export", "{facts}", "--to", "csv", "--output", ""],
            ["import", "webannotation", "{facts}", "--texts", "{texts}", "-o", ""],
        ],
    )
    def test_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """Exit 2 with a message naming the option."""
        facts = _facts(tmp_path)
        texts = str(tmp_path / "texts")
        before = sorted(tmp_path.rglob("*"))
        assert main([arg.format(facts=facts, texts=texts) for arg in argv]) == 2
        err = capsys.readouterr().err
        assert "argument -o/--output: the output path is empty" in err
        assert sorted(tmp_path.rglob("*")) == before


class TestCheckReportsRefusedTexts:
    """``check --texts`` says when it cannot check a source's quotes, and why."""

    def test_hash_mismatch(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A text whose hash differs is ``anchor.text-refused`` at the Source, exit 1."""
        facts = _facts(tmp_path, sha256="0" * 64)
        code = main(["check", str(facts), "--texts", str(tmp_path / "texts")])
        out = capsys.readouterr().out
        assert code == 1
        assert f"{facts}\n  error: /records/0: the text of source:t is refused" in out
        assert "records 0000" in out
        assert "[anchor.text-refused]" in out

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A text that is not UTF-8 is reported by the library too, once per source."""
        facts = _facts(tmp_path, sha256=hashlib.sha256(b"\xff" * 10).hexdigest())
        (tmp_path / "texts" / "t.txt").write_bytes(b"\xff" * 10)
        source = d.Source(id="source:t")
        report = d.check(d.load(facts), texts=d.TextStore(tmp_path / "texts"))
        refused = [p for p in report if p.code == "anchor.text-refused"]
        assert [p.records for p in refused] == [(source.id,)]
        assert "invalid UTF-8" in refused[0].message

    def test_missing_text_stays_quiet(self, tmp_path: Path) -> None:
        """A text simply not there is still left to validation (no new problem)."""
        facts = _facts(tmp_path)
        (tmp_path / "texts" / "t.txt").unlink()
        assert d.check(d.load(facts), texts=d.TextStore(tmp_path / "texts")).ok


class TestDuplicateIdsNamePlaces:
    """An id in two files names both files, and the line or pointer of each."""

    @pytest.fixture
    def two(self, tmp_path: Path) -> tuple[Path, Path]:
        actor = {"type": "actor", "id": "actor:a", "kind": "person", "name": "A"}
        first = tmp_path / "one.json"
        first.write_text(json.dumps({"ddfacts": "1.0", "records": [actor]}), encoding="utf-8")
        second = tmp_path / "two.jsonl"
        other = {**actor, "id": "actor:b"}
        second.write_text(json.dumps(other) + "\n" + json.dumps(actor) + "\n", encoding="utf-8")
        return first, second

    @pytest.mark.parametrize(
        "argv",
        [
            ["check"],
            ["query"],
            ["export", "--to", "prov-json"],
            ["summary"],
            ["cite", "actor:a"],
        ],
    )
    def test_cli(
        self, two: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """Exit 2; the message names one.json /records/0 and two.jsonl:2."""
        first, second = two
        args = [*argv[:1], str(first), str(second), *argv[1:]]
        assert main(args) == 2
        err = capsys.readouterr().err
        assert f"duplicate record id 'actor:a' at {first} /records/0 and {second}:2" in err

    def test_within_one_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Twice in one JSON Lines file: both lines."""
        actor = json.dumps({"type": "actor", "id": "actor:a", "kind": "person", "name": "A"})
        path = tmp_path / "dup.jsonl"
        path.write_text(f"{actor}\n{actor}\n", encoding="utf-8")
        assert main(["query", str(path)]) == 2
        assert f"duplicate record id 'actor:a' at {path}:1 and {path}:2" in capsys.readouterr().err
