"""Benchmark HTML article extraction: trafilatura, readability-lxml and a stdlib baseline.

Run ``python benchmarks/source_html.py`` (needs the ``bench`` extra).  The
pages are the ones built for the tests (``tests/fixtures/articles``): each
has navigation, boilerplate, a byline, a ``<time>`` element and an embedded
quotation.  For every page and method it prints: article sentences recovered
(of those listed below), boilerplate phrases leaked, whether the title, author
and date are right, and the time per page; then totals per method.

Methods:

- ``ddfacts``: :func:`ddfacts.authoring._html.extract_article` (trafilatura,
  dates by htmldate, inline ``<q>`` kept in its sentence);
- ``trafilatura``: ``trafilatura.bare_extraction`` on the page as it is;
- ``readability+htmldate``: readability-lxml's summary as text, its short
  title, htmldate's date (readability finds no author);
- ``stdlib``: ``html.parser`` text of ``<body>`` without scripts, the
  ``<title>``, ``<meta name=author>`` and the first ``<time datetime>``.
"""

from __future__ import annotations

import html.parser
import time
from collections.abc import Callable
from pathlib import Path

import attrs

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


@attrs.frozen
class Truth:
    title: str
    author: str
    date: str
    sentences: tuple[str, ...]
    boilerplate: tuple[str, ...]


@attrs.frozen
class Found:
    text: str
    title: str | None
    author: str | None
    date: str | None


TRUTH = {
    "ledger": Truth(
        "Embassy account passes 12,500 followers",
        "Mira Tallis",
        "2023-03-14",
        (
            "now has more than 12,500 followers, up from about 3,000 a year earlier.",
            '"We did not buy a single follower," Brandt said.',
            "They counted 41 posts in February alone",
            "how many of its followers live in the country.",
        ),
        (
            "Accept all cookies",
            "Related stories",
            "All rights reserved",
            "Subscribe now",
            "By Mira",
        ),
    ),
    "blog": Truth(
        "Counting retweets is not counting readers",
        "Jon Åberg",
        "2022-10-05",
        (
            "the ministry counted 48,200 of them across its 37 embassy accounts.",
            "61 of them had posted nothing of their own for a year.",
            "reach is a measure of attention, not of agreement\u201d, which is a sentence",
            "It means the table measures the wrong thing.",
        ),
        ("Popular posts", "newsletter", "cheap followers", "editor@example.org", "Posted by"),
    ),
    "release": Truth(
        "Statement on the summons of the ambassador",
        "Helena Roos",
        "2022-10-21",
        (
            "On 20 October 2022 the ambassador of Ostravia was summoned",
            "published more than 300 posts on domestic politics since January.",
            '"Diplomats are guests in our country and are expected to behave as guests,"',
        ),
        ("Skip to content", "Visas", "Share: Facebook", "may be reproduced", "Press service"),
    ),
}


def by_ddfacts(page: str) -> Found:
    from ddfacts.authoring._html import extract_article

    got = extract_article(page)
    return Found(got.text, got.title, "; ".join(got.authors) or None, got.published)


def by_trafilatura(page: str) -> Found:
    import trafilatura

    got = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    return Found(got.text or "", got.title, got.author, got.date)


def by_readability(page: str) -> Found:
    import htmldate
    import lxml.html
    from readability import Document

    doc = Document(page)
    text = lxml.html.fromstring(doc.summary()).text_content()
    return Found(text, doc.short_title(), None, htmldate.find_date(page))


class _Stdlib(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.title = ""
        self.author: str | None = None
        self.date: str | None = None
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        found = dict(attrs_)
        self._in.append(tag)
        if tag == "meta" and found.get("name") == "author":
            self.author = found.get("content")
        if tag == "time" and self.date is None:
            self.date = (found.get("datetime") or "")[:10] or None

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "title" in self._in:
            self.title += data
        elif "body" in self._in and not {"script", "style"} & set(self._in):
            self.parts.append(data)


def by_stdlib(page: str) -> Found:
    parser = _Stdlib()
    parser.feed(page)
    return Found(" ".join("".join(parser.parts).split()), parser.title, parser.author, parser.date)


METHODS: dict[str, Callable[[str], Found]] = {
    "ddfacts": by_ddfacts,
    "trafilatura": by_trafilatura,
    "readability+htmldate": by_readability,
    "stdlib": by_stdlib,
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    totals: dict[str, list[float]] = {name: [0, 0, 0, 0, 0, 0] for name in METHODS}
    wanted = sum(len(t.sentences) for t in TRUTH.values())
    leaks = sum(len(t.boilerplate) for t in TRUTH.values())
    print(f"{'page':8} {'method':21} {'sentences':>9} {'leaked':>6} title author date {'ms':>7}")
    for name, truth in TRUTH.items():
        page = (PAGES / f"{name}.html").read_text(encoding="utf-8")
        for method, extract in METHODS.items():
            extract(page)  # warm up imports
            started = time.perf_counter()
            got = extract(page)
            ms = (time.perf_counter() - started) * 1000
            text = _flat(got.text)
            kept = sum(_flat(s) in text for s in truth.sentences)
            leaked = sum(b in got.text for b in truth.boilerplate)
            right = [
                (got.title or "").strip() == truth.title,
                got.author == truth.author,
                got.date == truth.date,
            ]
            print(
                f"{name:8} {method:21} {kept:>4}/{len(truth.sentences):<4} {leaked:>6}"
                f" {'yes' if right[0] else 'no':5} {'yes' if right[1] else 'no':6}"
                f" {'yes' if right[2] else 'no':4} {ms:7.1f}"
            )
            total = totals[method]
            for index, value in enumerate((kept, leaked, *right, ms)):
                total[index] += value
    print(f"\ntotals over {len(TRUTH)} pages ({wanted} sentences, {leaks} boilerplate phrases)")
    print(f"{'method':21} {'sentences':>9} {'leaked':>6} title author date {'ms/page':>8}")
    for method, (kept, leaked, title, author, date, ms) in totals.items():
        print(
            f"{method:21} {int(kept):>4}/{wanted:<4} {int(leaked):>6} {int(title)}/3   "
            f"{int(author)}/3    {int(date)}/3 {ms / len(TRUTH):8.1f}"
        )


if __name__ == "__main__":
    main()
