"""Hostile HTML pages for Document.from_html and ``ddfacts source``: size, width, depth."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ddfacts.authoring import Document
from ddfacts.authoring._html import _MAX_ELEMENTS, MAX_HTML_BYTES
from ddfacts.cli import main

pytest.importorskip("trafilatura", reason="the authoring extra (trafilatura) is not installed")


def test_a_page_over_the_size_limit_is_refused_before_parsing() -> None:
    """More than MAX_HTML_BYTES: refused at once, naming the limit."""
    page = b"<html><body><p>" + b"a" * MAX_HTML_BYTES + b"</p></body></html>"
    started = time.perf_counter()
    with pytest.raises(ValueError, match=str(MAX_HTML_BYTES)):
        Document.from_html(page, id="source:huge")
    assert time.perf_counter() - started < 2


def test_a_page_with_too_many_elements_is_refused_before_extraction() -> None:
    """Element count is bounded, so extraction time is too."""
    page = "<html><body>" + "<b>x</b>" * (_MAX_ELEMENTS + 1) + "</body></html>"
    started = time.perf_counter()
    with pytest.raises(ValueError, match="elements"):
        Document.from_html(page, id="source:wide")
    assert time.perf_counter() - started < 5


def test_deep_nesting_is_read_without_recursion_errors() -> None:
    """Ten thousand nested elements: an answer (text or a clear refusal), never a crash."""
    page = "<html><body>" + "<div>" * 10_000 + "<p>Deep words.</p>" + "</div>" * 10_000
    try:
        doc = Document.from_html(page + "</body></html>", id="source:deep")
    except ValueError as error:
        assert "no article text" in str(error)
    else:
        assert doc.text.endswith("\n")


def test_controls_in_a_refusal_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name carrying a terminal escape is shown escaped, on one line."""
    path = tmp_path / "x\x1b[2Jy.txt"
    path.write_bytes(b"\xff")
    assert main(["source", str(path), "--id", "source:x"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err and err.count("\n") == 1
