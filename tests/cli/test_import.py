"""``ddfacts import webannotation``: annotations that cannot be imported, on stderr with codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import ddfacts
from ddfacts.cli import main
from ddfacts.problems import CODES


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """An empty folder of texts."""
    folder = tmp_path / "texts"
    folder.mkdir()
    return folder


class TestProblems:
    """Annotations that cannot become statements are listed, each with its code."""

    def test_listed_with_codes(
        self, tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each problem is a line on stderr, located and coded; exit 1; no records written."""
        path = tmp_path / "in.json"
        path.write_text('[{"type": "Annotation"}, 3]', encoding="utf-8")
        assert main(["import", "webannotation", str(path), "--texts", str(texts)]) == 1
        captured = capsys.readouterr()
        assert json.loads(captured.out) == {"ddfacts": ddfacts.FORMAT_VERSION, "records": []}
        assert captured.err.splitlines() == [
            f"{path}: /0: the annotation has no target source IRI [import.no-target]",
            f"{path}: /1: expected an annotation object [import.not-annotation]",
        ]

    def test_codes_are_registered(
        self, tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every code the command prints is registered at level import."""
        path = tmp_path / "in.json"
        annotations = [
            {"type": "Annotation", "target": {"source": "https://x.example/a"}},
            {
                "type": "Annotation",
                "target": {
                    "source": "https://x.example/a",
                    "selector": {"type": "TextQuoteSelector", "exact": "gone"},
                },
            },
        ]
        path.write_text(json.dumps(annotations), encoding="utf-8")
        assert main(["import", "webannotation", str(path), "--texts", str(texts)]) == 1
        codes = [
            line.rsplit("[", 1)[1].rstrip("]") for line in capsys.readouterr().err.splitlines()
        ]
        assert codes == ["import.no-selector", "import.no-text"]
        assert all(CODES[code].level == "import" for code in codes)

    def test_stdin(
        self, texts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``-`` reads the annotations from stdin, and problems are located in ``-``."""
        stdin = io.TextIOWrapper(io.BytesIO(b'{"type": "Annotation"}'), encoding="utf-8")
        monkeypatch.setattr("sys.stdin", stdin)
        assert main(["import", "webannotation", "-", "--texts", str(texts)]) == 1
        assert capsys.readouterr().err == (
            "-: /: the annotation has no target source IRI [import.no-target]\n"
        )
