"""The built site in headless Chromium: highlights, offsets, links, accessibility, fragments."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("websocket")

import ddfacts
from ddfacts.html import build
from ddfacts.html._blocks import slug

from ..conftest import ROOT
from ._cdp import Browser

#: Every highlight: its statement, offsets, the text it covers and where it starts.
MARKS = """(() => {
  const article = document.querySelector("article.text");
  const out = [];
  for (const first of document.querySelectorAll("mark.st[id]")) {
    const parts = document.querySelectorAll(
      'mark.st[data-statement="' + CSS.escape(first.dataset.statement) + '"]');
    const range = document.createRange();
    range.setStartBefore(parts[0]);
    range.setEndAfter(parts[parts.length - 1]);
    const before = document.createRange();
    before.setStart(article, 0);
    before.setEndBefore(first);
    out.push({statement: first.dataset.statement, start: +first.dataset.start,
              end: +first.dataset.end, text: range.toString(),
              offset: [...before.toString()].length});
  }
  return {marks: out, text: article.textContent};
})()"""

#: Landmarks, heading order and text alternatives of the page.
ACCESSIBILITY = """(() => {
  const problems = [];
  for (const sel of ["header", "nav", "main"]) {
    if (!document.querySelector(sel)) problems.push("no " + sel);
  }
  if (!document.documentElement.lang) problems.push("no lang");
  const heads = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => +h.tagName[1]);
  if (heads.filter(h => h === 1).length !== 1) problems.push("not one h1");
  heads.forEach((h, i) => { if (i && h > heads[i - 1] + 1) problems.push("skipped to h" + h); });
  for (const svg of document.querySelectorAll("svg")) {
    const ids = (svg.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
    if (svg.getAttribute("role") !== "img" || !ids.length ||
        ids.some(id => !document.getElementById(id) || !document.getElementById(id).textContent))
      problems.push("chart without a text alternative");
  }
  for (const a of document.querySelectorAll("a")) {
    if (!a.textContent.trim() && !a.querySelector("title")) problems.push("empty link");
  }
  return problems;
})()"""


def _sites(tmp: Path) -> Iterator[tuple[str, ddfacts.FactSet, Path, Path]]:
    demo = ddfacts.load(ROOT / "examples" / "demo" / "demo.facts.json")
    yield "demo", demo, ROOT / "examples" / "demo", tmp / "demo"
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        facts = ddfacts.FactSet(
            r
            for p in sorted((ROOT / "examples" / "seeds").glob("*.facts.json"))
            for r in ddfacts.load(p)
        )
        yield "seeds", facts, seeds, tmp / "seeds"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, ddfacts.FactSet, Path]]:
    tmp = tmp_path_factory.mktemp("sites")
    built = []
    for name, facts, texts, out in _sites(tmp):
        build(facts, ddfacts.TextStore(texts), out)
        built.append((name, facts, out))
    return built


def test_every_highlight_is_its_quote_at_its_offsets(
    browser: Browser, sites: list[tuple[str, ddfacts.FactSet, Path]]
) -> None:
    """Each statement's highlight covers exactly its quote, at its anchor's offsets."""
    for _, facts, out in sites:
        for source in facts.sources:
            browser.open((out / "sources" / f"{slug(source.id)}.html").as_uri())
            found = browser.evaluate(MARKS)
            statements = {s.id: s for s in facts.statements if s.source == source.id}
            assert len(found["marks"]) == len(statements)
            for mark in found["marks"]:
                anchor = statements[mark["statement"]].anchor
                assert (mark["start"], mark["end"]) == (anchor.start, anchor.end)
                assert mark["offset"] == anchor.start
                assert mark["text"] == anchor.exact
            assert browser.errors() == []


def test_pages_have_no_errors_and_pass_basic_accessibility(
    browser: Browser, sites: list[tuple[str, ddfacts.FactSet, Path]]
) -> None:
    """Every page loads without console errors, with landmarks, ordered headings, chart texts."""
    for _, _, out in sites:
        for page in sorted(out.rglob("*.html")):
            browser.open(page.as_uri())
            assert browser.evaluate(ACCESSIBILITY) == [], page
            assert browser.errors() == [], page


def test_every_internal_link_resolves(
    browser: Browser, sites: list[tuple[str, ddfacts.FactSet, Path]]
) -> None:
    """Each relative link names a page of the site and, with a fragment, an id on it."""
    _check_links(browser, [out for _, _, out in sites])


def test_a_paged_site_links_each_claim_and_event_to_its_page(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With four rows a page, every link (to a claim, an event, a page) resolves in Chromium."""
    from ddfacts.html import _paging

    monkeypatch.setattr(_paging, "PAGE_ROWS", 4)
    demo = ROOT / "examples" / "demo"
    build(ddfacts.load(demo / "demo.facts.json"), ddfacts.TextStore(demo), tmp_path / "site")
    assert (tmp_path / "site" / "claims-2.html").is_file()
    assert (tmp_path / "site" / "timeline-2.html").is_file()
    for page in sorted(tmp_path.glob("site/*-*.html")):
        browser.open(page.as_uri())
        assert browser.evaluate(ACCESSIBILITY) == [], page
        assert browser.errors() == [], page
    browser.open((tmp_path / "site" / "claims-2.html").as_uri())
    assert browser.evaluate(FILTER % json.dumps("source:demo")) == [4, 4]
    assert browser.evaluate(FILTER % json.dumps("no such claim")) == [4, 0]
    _check_links(browser, [tmp_path / "site"])


#: Type *words* into the claim filter: the rows of the page, and those left shown.
FILTER = """(() => {
  const input = document.querySelector('input[data-filter="source"]');
  input.value = %s;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  const rows = [...document.querySelectorAll("table.claims tbody tr")];
  return [rows.length, rows.filter(row => !row.hidden).length];
})()"""


def _check_links(browser: Browser, folders: list[Path]) -> None:
    """Each relative link of the sites in *folders* resolves to a page and an id on it."""
    links = """[...document.querySelectorAll("a[href]")]
      .map(a => new URL(a.getAttribute("href"), document.baseURI).href)
      .filter(h => h.startsWith("file:"))"""
    ids = "[...document.querySelectorAll('[id]')].map(e => e.id)"
    known: dict[str, set[str]] = {}
    found: list[tuple[Path, str]] = []
    for out in folders:
        for page in sorted(out.rglob("*.html")):
            browser.open(page.as_uri())
            known[page.as_uri()] = set(browser.evaluate(ids))
            found.extend((page, href) for href in browser.evaluate(links))
    assert found
    for page, href in found:
        target, _, fragment = href.partition("#")
        assert target in known, (page, href)
        if fragment and not fragment.startswith(":~:"):
            assert fragment in known[target], (page, href)


LANDING = """new Promise(done => setTimeout(() => {
  const parts = document.querySelectorAll('mark.st[data-statement="' + CSS.escape(%s) + '"]');
  const range = document.createRange();
  range.setStartBefore(parts[0]);
  range.setEndAfter(parts[parts.length - 1]);
  const box = range.getBoundingClientRect();
  done({middle: box.top + box.height / 2, height: innerHeight, box: box.height});
}, 60))"""


@pytest.mark.parametrize(
    "which",
    [
        "demo",
        pytest.param("seeds", marks=pytest.mark.slow),
    ],
)
def test_text_fragments_land_on_their_highlight(
    browser: Browser, sites: list[tuple[str, ddfacts.FactSet, Path]], which: str
) -> None:
    """Each fragment link, opened on the site's page, scrolls its highlight to the middle.

    The seeds' 154 fragments take minutes: run them with ``DDFACTS_BROWSER_FULL=1``.
    """
    if which == "seeds" and not os.environ.get("DDFACTS_BROWSER_FULL"):
        pytest.skip("the seeds' fragments run with DDFACTS_BROWSER_FULL=1 (slow)")
    browser.call(
        "Page.addScriptToEvaluateOnNewDocument",
        source="addEventListener('DOMContentLoaded', () => "
        "document.body.style.padding = '150vh 0')",
    )
    missed = []
    checked = 0
    for name, _, out in sites:
        if name != which:
            continue
        for page in sorted((out / "sources").glob("*.html")):
            browser.open(page.as_uri())
            links = browser.evaluate(
                "[...document.querySelectorAll('a.fragment')]"
                ".map(a => [a.dataset.statement, a.getAttribute('href')])"
            )
            for number, (statement, href) in enumerate(links):
                # A new query makes a new document: a text directive applies on load only.
                browser.open(f"{page.as_uri()}?{number}{href}")
                seen = browser.evaluate(LANDING % json.dumps(statement))
                checked += 1
                if abs(seen["middle"] - seen["height"] / 2) > max(40, seen["box"] / 2 + 20):
                    missed.append((page.name, statement, href))
    assert checked or which == "seeds"
    assert missed == []
