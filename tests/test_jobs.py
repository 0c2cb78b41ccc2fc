"""``--jobs``: big JSON Lines files over several processes, with the one-process report."""

from __future__ import annotations

import importlib.util
import io
import itertools
from pathlib import Path
from types import ModuleType

import pytest

from ddfacts import validation
from ddfacts.cli import main
from ddfacts.cli._progress import Progress, estimate_records, progress_for
from ddfacts.validation import _parallel
from ddfacts.validation._parallel import Chunk, split
from ddfacts.validation._run import vocabulary_of

ROOT = Path(__file__).resolve().parent.parent


def load_generator() -> ModuleType:
    """The benchmark's seeded fact-file generator (benchmarks/_generate.py)."""
    spec = importlib.util.spec_from_file_location(
        "ddfacts_bench_generate", ROOT / "benchmarks" / "_generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated JSON Lines file of 1,500 records, 4% of them broken in varied ways."""
    path = tmp_path_factory.mktemp("jobs") / "facts.jsonl"
    load_generator().write(path, 1500, seed=7, invalid=0.04)
    return path


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split files of any size into ranges of about 64 KiB."""
    monkeypatch.setattr(_parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(_parallel, "CHUNK_BYTES", 1 << 16)


class TestSplit:
    """split: ranges at line ends, with their first line numbers."""

    def test_ranges_cover_the_file_at_line_ends(self, corpus: Path, small_chunks: None) -> None:
        """The ranges tile the file, each starts a line, and each knows its line number."""
        chunks = split(corpus)
        assert chunks is not None and len(chunks) > 5
        data = corpus.read_bytes()
        assert chunks[0].start == 0 and chunks[-1].end == len(data)
        for before, after in itertools.pairwise(chunks):
            assert before.end == after.start
            assert data[after.start - 1 : after.start] == b"\n"
            assert after.first_line == data.count(b"\n", 0, after.start) + 1

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("facts.json", b'{"type": "source", "id": "source:a"}\n' * 10),
            ("bom.jsonl", b'\xef\xbb\xbf{"type": "source", "id": "source:a"}\n' * 10),
            ("nul.jsonl", b'{"type": "source", "id": "source:\x00"}\n' * 10),
            ("blank.jsonl", b'\n{"type": "source", "id": "source:a"}\n' * 10),
        ],
    )
    def test_read_whole(
        self, tmp_path: Path, small_chunks: None, name: str, content: bytes
    ) -> None:
        """Documents and files with an odd start are left to the one-process reader."""
        path = tmp_path / name
        path.write_bytes(content)
        assert split(path) is None

    def test_small_files_are_not_split(self, corpus: Path) -> None:
        """A file under MIN_SPLIT_BYTES is read in one piece."""
        assert split(corpus) is None


class TestValidateJobs:
    """validate(jobs=N) against validate()."""

    def test_same_report(self, corpus: Path, small_chunks: None) -> None:
        """Two processes give the same problems, in the same order, as one."""
        one = validation.validate(corpus)
        two = validation.validate([corpus, corpus.parent], jobs=2)
        alone = validation.validate([corpus, corpus.parent])
        assert len(one) > 50
        assert two.to_json() == alone.to_json()
        assert {p.code for p in one} >= {"shape.required", "ref.missing", "json.syntax"}

    def test_chunk_results_match_the_reader(self, corpus: Path, small_chunks: None) -> None:
        """A range checked alone yields what the whole-file pass yields for its lines."""
        chunks = split(corpus)
        assert chunks is not None
        vocab = vocabulary_of(None)
        levels = frozenset(validation.Level)
        whole = list(validation.checked(corpus, vocab, levels))
        pieces = [item for chunk in chunks for item in _parallel.check_chunk(chunk, vocab, levels)]
        assert pieces == whole

    def test_chunk_is_a_value(self) -> None:
        """A Chunk names its file, byte range and first line."""
        chunk = Chunk("f.jsonl", 0, 10, 1)
        assert (chunk.file, chunk.start, chunk.end, chunk.first_line) == ("f.jsonl", 0, 10, 1)


class TestCli:
    """ddfacts validate --jobs."""

    def test_same_output(
        self, corpus: Path, small_chunks: None, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--jobs 2 prints exactly what --jobs 1 prints, with the same exit code."""
        assert main(["validate", str(corpus), "--format", "json", "--jobs", "1"]) == 1
        one = capsys.readouterr()
        assert main(["validate", str(corpus), "--format", "json", "--jobs", "2"]) == 1
        two = capsys.readouterr()
        assert two.out == one.out
        assert two.err == one.err == ""

    def test_bad_jobs(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--jobs 0 is a usage error."""
        assert main(["validate", str(corpus), "--jobs", "0"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            "ddfacts validate: --jobs 0: expected a number of processes, 1 or more\n"
        )


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestProgress:
    """The progress line."""

    def test_silent_for_short_runs(self) -> None:
        """Nothing is drawn in the first two seconds."""
        stream, clock = io.StringIO(), _Clock()
        progress = Progress(stream, total=100, clock=clock)
        clock.now += 1.9
        progress(50)
        progress.close()
        assert stream.getvalue() == ""

    def test_line_then_wiped(self) -> None:
        """A long run shows records, rate and time left, then wipes the line."""
        stream, clock = io.StringIO(), _Clock()
        progress = Progress(stream, total=10_000, clock=clock)
        clock.now += 4
        progress(2_000)
        line = "ddfacts: 2,000 records, 500 records/s, about 16s left"
        assert stream.getvalue() == "\r" + line
        progress.close()
        assert stream.getvalue() == "\r" + line + "\r" + " " * len(line) + "\r"

    def test_only_on_a_terminal(self, corpus: Path) -> None:
        """No progress object for a pipe or a file; one for a terminal."""
        assert progress_for([corpus], io.StringIO()) is None
        assert isinstance(progress_for([corpus], _Terminal()), Progress)

    def test_estimate(self, corpus: Path) -> None:
        """The estimate of records is near the real count."""
        estimate = estimate_records([corpus])
        assert estimate is not None and 1_200 < estimate < 1_800
