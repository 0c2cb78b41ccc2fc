"""An article's main text and metadata from an HTML page, with trafilatura.

trafilatura (which dates pages with htmldate) removes navigation, cookie
banners, sidebars, comments and footers and finds the title, the byline and
the publication date in ``<meta>`` tags, JSON-LD, bylines and ``<time>``
elements.  It is an optional dependency: ``pip install 'ddfacts[authoring]'``.

Pages are read as UTF-8 (a leading byte-order mark is dropped) and are at most
:data:`MAX_HTML_BYTES` long; lxml parses them in time linear in their size.
Inline ``<q>`` quotations are kept in their sentence with the quotation marks
a browser shows (trafilatura would otherwise cut the sentence around them).
"""

from __future__ import annotations

import re
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import attrs

from ..limits import MAX_LINE_BYTES
from ..provenance import Activity, Method, Provenance

__all__ = [
    "MAX_HTML_BYTES",
    "Extracted",
    "extract_article",
    "extraction_provenance",
    "extractor_version",
    "looks_like_html",
]

#: The largest HTML page read, in bytes.
MAX_HTML_BYTES = MAX_LINE_BYTES
#: The largest parsed page trafilatura works on, in elements (a news page has a few thousand;
#: trafilatura takes about 0.7 ms an element, so this bounds a page at about 35 s).
_MAX_ELEMENTS = 50_000
#: Name suffixes of HTML files.
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: How a page starts (after spaces and a byte-order mark), lower-cased.
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")
#: A page has a body or an end tag (one linear scan).
_PAGE_BODY = re.compile(rb"<(?:body|/html)\b", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"
_INSTALL = "HTML pages need the authoring extra: pip install 'ddfacts[authoring]'"


@attrs.frozen(kw_only=True)
class Extracted:
    """What an HTML page's article holds: its text, title, authors and date."""

    #: The main text, paragraphs one a line, without the page's boilerplate.
    text: str
    #: The article's title, when the page has one.
    title: str | None = None
    #: The authors' names, in byline order.
    authors: tuple[str, ...] = ()
    #: The publication date (``YYYY-MM-DD``), when the page gives one.
    published: str | None = None
    #: The extractor and its version, e.g. ``"trafilatura 2.3.1, htmldate 1.11.0"``.
    method: str = ""


def looks_like_html(name: str, data: bytes) -> bool:
    """Whether a file is an HTML page: by its name's suffix, or by how it starts and a body."""
    if name.lower().endswith(_HTML_SUFFIXES):
        return True
    head = data[:512].removeprefix(_BOM).lstrip().lower()
    return head.startswith(_HTML_STARTS) and _PAGE_BODY.search(data) is not None


def extractor_version() -> str:
    """The extractor's name and version, as a Source's provenance records it."""
    found = []
    for name in ("trafilatura", "htmldate"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(name)
    return ", ".join(found)


def _modules() -> tuple[Any, Any, Any]:
    try:
        return (
            import_module("trafilatura"),
            import_module("lxml.html"),
            import_module("lxml.etree"),
        )
    except ImportError:
        raise ImportError(_INSTALL) from None


def _inline_quotes(tree: Any, etree: Any) -> None:
    """Put each ``<q>``'s words in its sentence, between the marks a browser shows."""
    for quote in list(tree.iter("q")):
        quote.text = "\u201c" + (quote.text or "")
        if len(quote):
            quote[-1].tail = (quote[-1].tail or "") + "\u201d"
        else:
            quote.text += "\u201d"
    etree.strip_tags(tree, "q")


def _parse(data: bytes, html: Any, etree: Any) -> Any:
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        tree = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        raise ValueError("the page holds no HTML to read") from None
    count = sum(1 for _ in tree.iter())
    if count > _MAX_ELEMENTS:
        raise ValueError(f"the page has {count} elements; at most {_MAX_ELEMENTS} are read")
    return tree


def _decoded(data: bytes | str) -> bytes:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > MAX_HTML_BYTES:
        raise ValueError(f"the page is larger than {MAX_HTML_BYTES} bytes")
    raw = raw.removeprefix(_BOM)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"the page is not UTF-8 (invalid byte at {error.start}); convert it to UTF-8"
        ) from None
    return raw


def extract_article(page: bytes | str, *, url: str | None = None) -> Extracted:
    """The main text, title, authors and date of an HTML *page* (UTF-8).

    Raises:
        ImportError: trafilatura is not installed (the ``authoring`` extra).
        ValueError: the page is not UTF-8, too large, or holds no article text.
    """
    trafilatura, html, etree = _modules()
    tree = _parse(_decoded(page), html, etree)
    _inline_quotes(tree, etree)
    found = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = (getattr(found, "text", None) or "").strip()
    if not text:
        raise ValueError("no article text found in the page")
    author = getattr(found, "author", None) or ""
    return Extracted(
        text=text + "\n",
        title=getattr(found, "title", None) or None,
        authors=tuple(name.strip() for name in author.split(";") if name.strip()),
        published=getattr(found, "date", None) or None,
        method=extractor_version(),
    )


def extraction_provenance(method: str, given: Provenance | None) -> Provenance:
    """A Source's provenance saying its text was extracted from HTML by *method*.

    The extraction is an activity in the history of *given* provenance, or of
    a new one recording the extractor as the tool (method ``rule``).
    """
    done = Activity(
        activity="extracted from HTML",
        agent=method,
        note="main text, title, authors and date taken from the page; boilerplate removed",
    )
    if given is not None:
        return attrs.evolve(given, history=(*given.history, done))
    tool, _, tool_version = method.split(",")[0].partition(" ")
    return Provenance(
        tool=tool, tool_version=tool_version or None, method=Method.RULE, history=(done,)
    )
