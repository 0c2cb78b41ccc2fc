"""ddfacts html: the claims table and the timeline as pages, and links that find their page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

pytest.importorskip("jinja2")

import ddfacts
from ddfacts.html import _paging, build
from ddfacts.html._blocks import slug
from ddfacts.html._paging import Pager, pager, pages_of

from .conftest import ROOT

DEMO = ROOT / "examples" / "demo"


class _Page(HTMLParser):
    """The ids, links, claim rows, timeline rows and page navigations of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.rows: list[str] = []
        self.entries: list[str] = []
        self.navs: list[str] = []
        self.current: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and "href" in found:
            self.links.append(found["href"])
            if found.get("aria-current") == "page":
                self.current.append(found["href"])
        if tag == "tr" and "id" in found:
            self.rows.append(found["id"])
        if tag == "li" and self._in == "timeline":
            self.entries.append(found.get("id", ""))
        if tag == "ol" and found.get("class") == "timeline":
            self._in = "timeline"
        if tag == "nav" and found.get("class") == "pages":
            self.navs.append(found.get("aria-label", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self._in = None


def _pages(site: Path) -> dict[Path, _Page]:
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path.resolve()] = page
    return parsed


def _broken_links(pages: dict[Path, _Page]) -> list[tuple[str, str]]:
    """Each site link whose page is missing, or whose fragment names no id on it."""
    broken = []
    for path, page in pages.items():
        for href in page.links:
            if re.match(r"[a-z]+:", href) or ":~:" in href or href.startswith("static/"):
                continue
            target, _, fragment = href.partition("#")
            where = (path.parent / target).resolve() if target else path
            if where.suffix != ".html":
                continue
            if where not in pages or (fragment and unquote(fragment) not in pages[where].ids):
                broken.append((path.name, href))
    return broken


def _numbered(site: Path, name: str) -> list[Path]:
    """The pages of list *name* in page order: ``name.html``, ``name-2.html``, ..."""
    pages = [site / f"{name}.html"]
    number = 2
    while (site / f"{name}-{number}.html").exists():
        pages.append(site / f"{name}-{number}.html")
        number += 1
    assert len(list(site.glob(f"{name}*.html"))) == len(pages)
    return pages


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> tuple[ddfacts.FactSet, Path]:
    """The demo's site with four rows a page."""
    facts = ddfacts.load(DEMO / "demo.facts.json")
    out = tmp_path_factory.mktemp("paged") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_paging, "PAGE_ROWS", 4)
        build(facts, ddfacts.TextStore(DEMO), out)
    return facts, out


def test_every_claim_is_on_exactly_one_page_in_id_order(
    paged: tuple[ddfacts.FactSet, Path],
) -> None:
    """The claims table's pages hold every claim once, four a page, in id order."""
    facts, site = paged
    pages = _numbered(site, "claims")
    assert len(pages) == -(-len(facts.claims) // 4) > 1
    rows = []
    parsed = _pages(site)
    for path in pages:
        page = parsed[path.resolve()]
        assert 1 <= len(page.rows) <= 4
        rows.extend(page.rows)
    assert rows == [slug(c.id) for c in sorted(facts.claims, key=lambda c: c.id)]


def test_the_timeline_is_paged_in_time_order(paged: tuple[ddfacts.FactSet, Path]) -> None:
    """The timeline's pages hold every event once; each list goes on numbering the last."""
    facts, site = paged
    pages = _numbered(site, "timeline")
    assert len(pages) > 1
    parsed = _pages(site)
    events: list[str] = []
    for number, path in enumerate(pages, start=1):
        page = parsed[path.resolve()]
        assert 1 <= len(page.entries) <= 4
        events.extend(e for e in page.entries if e)
        if number > 1:
            assert f'<ol class="timeline" start="{(number - 1) * 4 + 1}">' in path.read_text()
    assert sorted(events) == sorted(slug(e.id) for e in facts.events)


def test_pages_link_to_each_other_and_say_the_filter_is_of_this_page(
    paged: tuple[ddfacts.FactSet, Path],
) -> None:
    """Each page names itself as current, links previous and next, and filters itself only."""
    _, site = paged
    parsed = _pages(site)
    for name in ("claims", "timeline"):
        files = [p.name for p in _numbered(site, name)]
        for number, file in enumerate(files):
            page = parsed[(site / file).resolve()]
            assert len(page.navs) == 2 and len(set(page.navs)) == 2
            assert page.current == [file, file]
            text = (site / file).read_text(encoding="utf-8")
            assert (f'rel="prev" href="{files[number - 1]}"' in text) == (number > 0)
            assert (f'rel="next" href="{files[(number + 1) % len(files)]}"' in text) == (
                number < len(files) - 1
            )
            if name == "claims":
                assert "Filter this page" in text
                assert f"Page {number + 1} of {len(files)}" in text


def test_every_internal_link_of_a_paged_site_resolves(
    paged: tuple[ddfacts.FactSet, Path],
) -> None:
    """Actor, source, chart and timeline links to a claim or event name the page it is on."""
    facts, site = paged
    pages = _pages(site)
    assert _broken_links(pages) == []
    deep = [
        href
        for page in pages.values()
        for href in page.links
        if re.match(r"(\.\./)?(claims|timeline)-\d+\.html#", href)
    ]
    assert len(deep) > len(facts.claims)


def test_a_small_set_is_one_page_without_page_navigation(tmp_path: Path) -> None:
    """Under PAGE_ROWS rows the claims table and timeline are one page each, unpaged."""
    build(ddfacts.load(DEMO / "demo.facts.json"), ddfacts.TextStore(DEMO), tmp_path / "s")
    site = tmp_path / "s"
    assert _numbered(site, "claims") == [site / "claims.html"]
    assert _numbered(site, "timeline") == [site / "timeline.html"]
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'class="pages"' not in text and "Filter this page" not in text
    assert _broken_links(_pages(site)) == []


def test_a_pager_finds_the_page_of_a_key_and_keeps_its_navigation_short() -> None:
    """Bisecting the first keys finds a row's page; the navigation has at most 9 pages."""
    many = pager("claims", (f"claim:{n:04d}" for n in range(2500)), 10)
    assert many.total == 250
    assert many.file_of("claim:0000") == "claims.html"
    assert many.file_of("claim:0009") == "claims.html"
    assert many.file_of("claim:0010") == "claims-2.html"
    assert many.file_of("claim:2499") == "claims-250.html"
    assert many.file_of("a") == "claims.html"  # before the first: the first page
    nav = many.nav(100)
    numbers = [link.number for link in nav.links]
    assert numbers == [1, 0, 97, 98, 99, 100, 101, 102, 103, 0, 250]
    assert (nav.previous, nav.next) == ("claims-99.html", "claims-101.html")
    assert [link.number for link in many.nav(1).links] == [1, 2, 3, 4, 0, 250]
    assert many.nav(250).next is None and many.nav(1).previous is None
    empty: Pager[str] = pager("timeline", iter(()), 10)
    assert empty.total == 1 and empty.file_of("x") == "timeline.html"
    assert list(pages_of([], 3)) == [(1, [])]
    assert list(pages_of(range(7), 3)) == [(1, [0, 1, 2]), (2, [3, 4, 5]), (3, [6])]
