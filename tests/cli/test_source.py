"""``ddfacts source``: a Source for a text or an HTML page, the text stored by sha256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ddfacts import TextStore, load
from ddfacts.cli import main

PAGES = Path(__file__).parent.parent / "fixtures" / "articles"
TEXT = "The embassy counted more than 300 posts.\r\nIt said so on 21 October 2022.\n"


def _records(out: str) -> list[dict[str, object]]:
    records: list[dict[str, object]] = json.loads(out)["records"]
    return records


def test_plain_text_gives_a_source_and_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sha256 and length are computed; the text is stored byte for byte under its sha256."""
    path = tmp_path / "note.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    store = tmp_path / "texts"
    code = main(
        ["source", str(path), "--id", "source:note", "--url", "https://example.org/n",
         "--published", "21 October 2022", "--texts", str(store)]
    )  # fmt: skip
    assert code == 0
    (source,) = _records(capsys.readouterr().out)
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert source["sha256"] == digest and source["length"] == len(TEXT)
    assert source["url"] == "https://example.org/n" and "provenance" not in source
    assert (store / f"{digest}.txt").read_bytes() == TEXT.encode("utf-8")


def test_output_file_loads_and_the_store_serves_it(tmp_path: Path) -> None:
    """The printed Source, written with -o, finds its text in the store."""
    path = tmp_path / "note.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    out = tmp_path / "note.facts.json"
    assert main(["source", str(path), "--id", "source:n", "--texts", str(tmp_path / "t"),
                 "-o", str(out)]) == 0  # fmt: skip
    (source,) = load(out).sources
    assert TextStore(tmp_path / "t").text_for(source) == TEXT


def test_html_page_gives_source_author_and_article_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An HTML page: title, author, date, extraction provenance; the article text stored."""
    pytest.importorskip("trafilatura", reason="the authoring extra (trafilatura) is not installed")
    store = tmp_path / "texts"
    page = PAGES / "release.html"
    assert main(["source", str(page), "--id", "source:release", "--texts", str(store)]) == 0
    source, author = _records(capsys.readouterr().out)
    assert source["title"] == "Statement on the summons of the ambassador"
    assert source["authors"] == [author["id"]] and author["name"] == "Helena Roos"
    assert source["published"]["edtf"] == "2022-10-21"  # type: ignore[index]
    assert source["provenance"]["tool"] == "trafilatura"  # type: ignore[index]
    (stored,) = store.iterdir()
    text = stored.read_text(encoding="utf-8")
    assert stored.name == f"{source['sha256']}.txt"
    assert "summoned to the Ministry" in text and "Share: Facebook" not in text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"caf\xe9 au lait\n", "invalid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "invalid UTF-8"),
        (b"ELF\x00\x01\x00text", "binary"),
        (b"\xef\xbb\xbfwith a byte-order mark\n", "byte-order mark"),
    ],
)
def test_not_a_utf8_text_exits_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str
) -> None:
    """Non-UTF-8 and binary files: exit 2, one line naming the file, nothing stored."""
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    store = tmp_path / "texts"
    assert main(["source", str(path), "--id", "source:bad", "--texts", str(store)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and not store.exists()
    assert captured.err.count("\n") == 1 and str(path) in captured.err and words in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--id", "actor:x"], "an id like 'source:some-name'"),
        (["--id", "source:x", "--published", "the day after never"], "not a time expression"),
    ],
)
def test_bad_arguments_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    """A bad id or date is refused at the call, with one sentence."""
    path = tmp_path / "ok.txt"
    path.write_text("words\n", encoding="utf-8")
    assert main(["source", str(path), *args]) == 2
    assert words in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not there: exit 2 naming it."""
    assert main(["source", str(tmp_path / "none.txt"), "--id", "source:x"]) == 2
    assert "cannot read" in capsys.readouterr().err
