"""Tests for ddfacts.textstore: finding a Source's text safely and by hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import ddfacts
from ddfacts import Source, TextStore, TextStoreError, validate
from ddfacts.problems import Location
from ddfacts.textstore import TextLookup, sha256_of

TEXT = "Line one.\r\nLine two \u2014 with a dash.\n"


def _source(source_id: str = "source:demo", text: str | None = TEXT) -> Source:
    digest = None if text is None else sha256_of(text)
    return Source(id=source_id, sha256=digest, length=None if text is None else len(text))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A text folder holding demo.txt."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "demo.txt").write_bytes(TEXT.encode("utf-8"))
    return tmp_path / "texts"


class TestTextFor:
    def test_by_id_slug(self, folder: Path) -> None:
        """source:demo is read from demo.txt, newlines exactly as stored."""
        assert TextStore(folder).text_for(_source()) == TEXT

    def test_slash_is_a_subfolder(self, folder: Path) -> None:
        """A / in the slug is a sub-folder."""
        (folder / "news").mkdir()
        (folder / "news" / "a.txt").write_text("x", encoding="utf-8")
        assert TextStore(folder).text_for(_source("source:news/a", "x")) == "x"

    def test_by_hash_any_name(self, folder: Path) -> None:
        """A file with another name is found by its content's sha256."""
        (folder / "000_abc.txt").write_text("other text", encoding="utf-8")
        assert TextStore(folder).text_for(_source("source:other", "other text")) == "other text"

    def test_wrong_hash_names_both(self, folder: Path) -> None:
        """A text whose hash differs from the Source's is refused, naming both hashes."""
        source = Source(id="source:demo", sha256="0" * 64)
        digest = hashlib.sha256(TEXT.encode()).hexdigest()
        with pytest.raises(TextStoreError, match=f"{digest}.*{'0' * 64}"):
            TextStore(folder).text_for(source)

    def test_missing(self, folder: Path) -> None:
        """No file for the source is a TextStoreError naming where it looked."""
        with pytest.raises(
            TextStoreError, match=r"no text in .* \(looked for absent.txt or a file with sha256"
        ):
            TextStore(folder).text_for(_source("source:absent", "never stored"))

    def test_dotdot_refused(self, folder: Path) -> None:
        """A slug with .. that would leave the folder is refused."""
        with pytest.raises(TextStoreError, match="leaves the text folder"):
            TextStore(folder).text_for(_source("source:a/../../secret", None))

    def test_symlink_out_refused(self, folder: Path, tmp_path: Path) -> None:
        """A symlink pointing outside the folder is refused."""
        (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
        (folder / "linked.txt").symlink_to(tmp_path / "outside.txt")
        with pytest.raises(TextStoreError, match="outside the text folder"):
            TextStore(folder).text_for(_source("source:linked"))

    def test_bom_refused(self, folder: Path) -> None:
        """A text starting with a byte-order mark is refused."""
        data = b"\xef\xbb\xbfabc"
        (folder / "bom.txt").write_bytes(data)
        source = Source(id="source:bom", sha256=hashlib.sha256(data).hexdigest())
        with pytest.raises(TextStoreError, match="byte-order mark"):
            TextStore(folder).text_for(source)


class TestGet:
    def test_missing_is_none(self, folder: Path) -> None:
        """get() answers None when the folder holds no text for the source."""
        assert TextStore(folder).get(_source("source:absent", "nothing")) is None

    def test_is_a_text_lookup(self, folder: Path) -> None:
        """TextStore satisfies the TextLookup protocol."""
        assert isinstance(TextStore(folder), TextLookup)


class TestCurrent:
    def test_ignores_the_old_hash(self, folder: Path) -> None:
        """current() serves the file named after the id even when the text changed."""
        source = Source(id="source:demo", sha256="0" * 64)
        assert TextStore(folder).current(source) == TEXT


class TestProblem:
    def test_missing_is_a_warning(self, folder: Path) -> None:
        """A missing text is an anchor.text-missing warning, not an exception."""
        problem = TextStore(folder).problem(_source("source:absent", "nothing"))
        assert problem is not None
        assert (problem.code, problem.severity.value) == ("anchor.text-missing", "warning")

    def test_wrong_hash_is_an_error(self, folder: Path) -> None:
        """A text with another hash is a source.hash-mismatch error at the Source's sha256."""
        where = Location(file="f.jsonl", line=3)
        problem = TextStore(folder).problem(Source(id="source:demo", sha256="0" * 64), where)
        assert problem is not None
        assert (problem.code, problem.severity.value) == ("source.hash-mismatch", "error")
        assert (str(problem.location), problem.records) == ("f.jsonl:3: /sha256", ("source:demo",))

    def test_wrong_length_is_an_error(self, folder: Path) -> None:
        """A text of another length is a source.length-mismatch error at the Source's length."""
        problem = TextStore(folder).problem(Source(id="source:demo", length=len(TEXT) + 1))
        assert problem is not None
        assert (problem.code, problem.location.pointer) == ("source.length-mismatch", "/length")
        assert f"records a length of {len(TEXT) + 1}" in problem.message

    def test_bad_utf8_is_refused(self, folder: Path) -> None:
        """A text that is not UTF-8 is an anchor.text-refused error, as text_for refuses it."""
        (folder / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
        problem = TextStore(folder).problem(Source(id="source:latin"))
        assert problem is not None
        assert (problem.code, problem.severity.value) == ("anchor.text-refused", "error")
        with pytest.raises(TextStoreError, match="invalid UTF-8"):
            TextStore(folder).text_for(Source(id="source:latin"))

    def test_same_codes_as_validation(self, folder: Path, tmp_path: Path) -> None:
        """The store reports a source's text with the codes validate gives the same source."""
        sources = [
            Source(id="source:demo", sha256="0" * 64),
            Source(id="source:demo", length=1),
            Source(id="source:absent"),
        ]
        for source in sources:
            path = tmp_path / "one.facts.jsonl"
            path.write_text(ddfacts.dumps([source], jsonl=True), encoding="utf-8")
            validated = validate(path, texts=folder, levels=["anchors"]).codes()
            problem = TextStore(folder).problem(source)
            assert problem is not None
            assert [problem.code] == validated

    def test_good_text_is_none(self, folder: Path) -> None:
        """A source whose text is there and matches has no problem."""
        assert TextStore(folder).problem(_source()) is None


class TestSeeds:
    def test_seed_found_by_hash(self, seeds_dir: Path) -> None:
        """A seed text is found by its sha256 although its name is neither id nor hash."""
        path = sorted(seeds_dir.glob("*.txt"))[0]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        text = TextStore(seeds_dir).text_for(Source(id="source:seed", sha256=digest))
        assert text == path.read_bytes().decode("utf-8")
