"""ddfacts html on hostile records and texts: escaped, valid pages that run no script."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("jinja2")

import ddfacts
from ddfacts.html import build

#: Text that would run script, break out of attributes or reorder the page if not escaped.
TEXT = (
    'A "><img src=x onerror="window.__pwned=1"> & </script><script>window.__pwned=2</script>\r\n'
    "\r\nשלום עולם 😀 mixed \u202e RTL \x07 bell \u2028 end."
)


def _site(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x.txt").write_bytes(TEXT.encode("utf-8"))
    records: list[ddfacts.Record] = [
        ddfacts.Source(
            id="source:x",
            title='</title><script>window.__pwned=3</script>"',
            url="javascript:window.__pwned=4",
        )
    ]
    for number, quote in enumerate(
        ['"><img src=x onerror="window.__pwned=1">', "😀 mixed", "שלום"]
    ):
        anchor = ddfacts.Anchor.from_quote(TEXT, quote)
        records.append(
            ddfacts.Statement(id=f"statement:x/{number}", source="source:x", anchor=anchor)
        )
    out = tmp_path / "site"
    build(ddfacts.FactSet(records), ddfacts.TextStore(tmp_path / "texts"), out)
    return out


def test_hostile_text_and_records_are_escaped(tmp_path: Path) -> None:
    """No markup from the input reaches a page; a javascript: URL is text, never a link."""
    out = _site(tmp_path)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "__pwned=2</script>" not in html and "<img" not in html, page
        assert 'href="javascript:' not in html.lower(), page
        assert "\r" not in html and "\x07" not in html, page


def test_the_hostile_site_runs_no_script_in_a_browser(tmp_path: Path) -> None:
    """Every page opens in Chromium with no console error and window.__pwned undefined."""
    pytest.importorskip("websocket")
    from ..browser._cdp import Browser, find_browser

    binary = find_browser()
    if binary is None:
        pytest.skip("no Chromium installed (apt-get install chromium; .ci/run does)")
    out = _site(tmp_path)
    browser = Browser(binary)
    try:
        for page in sorted(out.rglob("*.html")):
            browser.open(page.as_uri())
            assert browser.evaluate("typeof window.__pwned") == "undefined", page
            assert browser.errors() == [], page
        browser.open((out / "sources" / "source.x.html").as_uri())
        texts = browser.evaluate(
            "[...document.querySelectorAll('mark.st[id]')].map(m => m.textContent)"
        )
        assert sorted(texts) == sorted(
            ['"><img src=x onerror="window.__pwned=1">', "😀 mixed", "שלום"]
        )
    finally:
        browser.close()


def test_problem_sentences_with_markup_and_sql_are_stored_and_escaped(tmp_path: Path) -> None:
    """A quote that does not match, full of markup and SQL, shows as text in its problem."""
    quote = "<script>window.__pwned=5</script>'); DROP TABLE problem;--"
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x.txt").write_bytes(TEXT.encode("utf-8"))
    records: list[ddfacts.Record] = [
        ddfacts.Source(id="source:x", title="x"),
        ddfacts.Statement(
            id="statement:x/0",
            source="source:x",
            anchor=ddfacts.Anchor(start=0, end=len(quote), exact=quote),
        ),
    ]
    out = tmp_path / "site"
    build(ddfacts.FactSet(records), ddfacts.TextStore(tmp_path / "texts"), out)
    for name in ("index.html", "sources/source.x.html"):
        html = (out / name).read_text(encoding="utf-8")
        assert "anchor.mismatch" in html, name
        assert "<script>window" not in html and "&lt;script&gt;window" in html, name
        assert "DROP TABLE problem;--" in html, name
