"""Right-to-left, astral and CR text on a source page in headless Chromium: offsets hold.

The browser counts the page's text in UTF-16 units and lays out Hebrew and
Arabic right to left; a CR must reach the page as a character, not vanish in
the parser.  Each highlight must still cover its quote exactly, at its
anchor's code-point offsets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("websocket")

import ddfacts
from ddfacts.html import build
from ddfacts.html._blocks import slug

from ._cdp import Browser
from .test_site import MARKS

#: Hebrew, Arabic, astral emoji (a skin-tone sequence, a flag), bare CR and CRLF, a blank
#: line of CRLFs, markup characters, and a bidi override, across three paragraphs.
TEXT = (
    "The embassy 🇺🇦 wrote: שלום עולם, and then مرحبا بالعالم 👍🏽 to its followers.\r\n"
    "A second line\rwith a bare CR & <script>x</script> inside it.\r\n\r\n"
    "Paragraph two: 😀😀 twelve thousand 🎉 followers, "
    "said \u202eright-to-left\u202c ממשלה.\n\n"
    "Closing: السفارة 🏳️‍🌈 end."
)

#: Quotes to mark: RTL alone, RTL with emoji, across a CR, across a CRLF, astral-only,
#: nested inside another, overlapping another, and across a blank line.
QUOTES = (
    "שלום עולם",
    "مرحبا بالعالم 👍🏽",
    "line\rwith a bare CR",
    "followers.\r\nA second",
    "😀😀",
    "😀😀 twelve thousand 🎉 followers",
    "twelve thousand 🎉 followers, said \u202eright",
    "ממשלה.\n\nClosing: السفارة 🏳️‍🌈",
    "& <script>x</script>",
    "🇺🇦",
)


def _facts() -> ddfacts.FactSet:
    records: list[ddfacts.Record] = [
        ddfacts.Source(id="source:rtl", title="שלום 😀 مرحبا", language="he")
    ]
    for number, quote in enumerate(QUOTES):
        anchor = ddfacts.Anchor.from_quote(TEXT, quote)
        records.append(
            ddfacts.Statement(id=f"statement:rtl/{number}", source="source:rtl", anchor=anchor)
        )
    return ddfacts.FactSet(records)


def test_rtl_astral_and_cr_highlights_are_their_quotes(browser: Browser, tmp_path: Path) -> None:
    """Every highlight covers its quote at its anchor; the article's text is the text."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "rtl.txt").write_bytes(TEXT.encode("utf-8"))
    facts = _facts()
    out = build(facts, ddfacts.TextStore(texts), tmp_path / "site")
    browser.open((out / "sources" / f"{slug('source:rtl')}.html").as_uri())
    found = browser.evaluate(MARKS)
    assert found["text"] == TEXT
    anchors = {s.id: s.anchor for s in facts.statements}
    assert sorted(m["statement"] for m in found["marks"]) == sorted(anchors)
    for mark in found["marks"]:
        anchor = anchors[mark["statement"]]
        assert (mark["start"], mark["end"]) == (anchor.start, anchor.end), mark
        assert mark["offset"] == anchor.start, mark
        assert mark["text"] == anchor.exact == TEXT[anchor.start : anchor.end], mark
    assert browser.errors() == []
