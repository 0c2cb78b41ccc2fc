"""Document.from_html: an article's text, title, authors and date from pages we built.

The pages in ``tests/fixtures/articles`` each have navigation, boilerplate
(cookie banner, sidebars, comments, footers), a byline, a ``<time>`` element
and an embedded quotation.  They need the ``authoring`` extra (trafilatura).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddfacts import Actor, Method, Provenance, validate
from ddfacts.authoring import Document
from ddfacts.authoring._html import looks_like_html

pytest.importorskip("trafilatura", reason="the authoring extra (trafilatura) is not installed")

PAGES = Path(__file__).parent / "fixtures" / "articles"

#: page: (title, author, date, a sentence of the article, boilerplate that must be gone)
EXPECTED = {
    "ledger": (
        "Embassy account passes 12,500 followers",
        "Mira Tallis",
        dt.date(2023, 3, 14),
        '"We did not buy a single follower," Brandt said.',
        ("Accept all cookies", "Related stories", "All rights reserved", "Subscribe now"),
    ),
    "blog": (
        "Counting retweets is not counting readers",
        "Jon Åberg",
        dt.date(2022, 10, 5),
        "As the ministry's own guidelines put it, \u201creach is a measure of attention,"
        " not of agreement\u201d, which is a sentence worth keeping in mind",
        ("Popular posts", "newsletter", "cheap followers", "editor@example.org"),
    ),
    "release": (
        "Statement on the summons of the ambassador",
        "Helena Roos",
        dt.date(2022, 10, 21),
        '"Diplomats are guests in our country and are expected to behave as guests,"',
        ("Skip to content", "Visas", "Share: Facebook", "may be reproduced"),
    ),
}


def _page(name: str) -> Document:
    return Document.from_file(PAGES / f"{name}.html", html=None, id=f"source:{name}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_text_title_author_and_date(name: str) -> None:
    """The article's sentences are kept, the page's boilerplate is not."""
    title, author, day, sentence, boilerplate = EXPECTED[name]
    doc = _page(name)
    assert doc.source.title == title
    assert doc.source.published is not None and doc.source.published.earliest == day
    assert doc.source.published.latest == day
    assert sentence in doc.text
    for words in boilerplate:
        assert words not in doc.text, words
    (actor,) = (r for r in doc.records() if isinstance(r, Actor))
    assert actor.name == author and doc.source.authors == (actor.id,)


def test_provenance_names_the_extractor() -> None:
    """The Source records how its text was made: a rule, by trafilatura, in its history."""
    provenance = _page("ledger").source.provenance
    assert provenance is not None and provenance.method is Method.RULE
    assert provenance.tool == "trafilatura" and provenance.tool_version
    (done,) = provenance.history
    assert done.activity == "extracted from HTML" and "htmldate" in (done.agent or "")


def test_given_metadata_wins_and_provenance_is_extended() -> None:
    """Title, date and authors given by the caller replace the page's."""
    page = (PAGES / "ledger.html").read_bytes()
    mine = Provenance(agent="A. Reader")
    doc = Document.from_html(
        page, id="source:mine", title="Mine", published="2023-03-15", authors=[], provenance=mine
    )
    assert doc.source.title == "Mine" and doc.source.authors == ()
    assert doc.source.published is not None
    assert doc.source.published.earliest == dt.date(2023, 3, 15)
    assert doc.source.provenance is not None and doc.source.provenance.agent == "A. Reader"
    assert [a.activity for a in doc.source.provenance.history] == ["extracted from HTML"]
    assert [r.type for r in doc.records()] == ["source"]


def test_records_cite_the_extracted_text_and_validate() -> None:
    """A claim citing the extracted text validates, like any Document's records."""
    doc = _page("ledger")
    account = doc.actor("veloria-account", "account", "@VeloriaInOstr")
    doc.claim(
        account,
        "followers",
        "more than 12,500 followers",
        as_of="14 March 2023",
        evidence=["more than 12,500 followers"],
    )
    assert validate(doc.factset()).ok


def test_a_page_without_an_article_is_refused() -> None:
    """A page with no words to read is an error, not an empty Source."""
    page = "<html><head><title>T</title></head><body><script>go()</script></body></html>"
    with pytest.raises(ValueError, match="no article text"):
        Document.from_html(page, id="source:empty")


def test_a_page_that_is_not_utf8_is_refused() -> None:
    """Pages are read as UTF-8; anything else is named, not guessed."""
    with pytest.raises(ValueError, match="not UTF-8"):
        Document.from_html(b"<html><body><p>caf\xe9</p></body></html>", id="source:latin1")


@pytest.mark.parametrize(
    ("name", "data", "html"),
    [
        ("a.html", b"anything", True),
        ("a.HTM", b"", True),
        ("a.txt", b"\xef\xbb\xbf  <!DOCTYPE html><html><body>x</body></html>", True),
        ("a.txt", b"<html> is a tag, said the text", False),
        ("a.txt", b"A plain text about <html> pages.", False),
    ],
)
def test_html_is_told_by_name_or_first_bytes(name: str, data: bytes, html: bool) -> None:
    """A page is HTML by its suffix, or when it starts as a page does."""
    assert looks_like_html(name, data) is html
