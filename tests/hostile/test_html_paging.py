"""Paged claims and timeline on hostile ids and times: each row once, every link on its page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("jinja2")

import ddfacts as d
from ddfacts.html import _paging, build
from ddfacts.html._blocks import slug
from ddfacts.limits import MAX_ID_LENGTH

from ..test_html_paging import _broken_links, _numbered, _pages

#: Ids whose slugs sort unlike them (``/`` -> ``_``, ``_`` -> ``~5f.``), and ids so long that
#: their slugs are cut and end in a hash: the page of a row is found by its id, not its slug.
IDS = [
    "claim:a/b",
    "claim:a_b",
    "claim:a.b",
    "claim:a-b",
    "claim:a0",
    "claim:a",
    "claim:z",
    "claim:" + "x" * (MAX_ID_LENGTH - 7),
    "claim:" + "x" * (MAX_ID_LENGTH - 8) + "y",
    "claim:" + "x" * (MAX_ID_LENGTH - 9) + "/y",
    "claim:0/0/0",
]


def _span(day: dt.date | None) -> d.TimeSpan | None:
    if day is None:
        return None
    return d.TimeSpan(earliest=day, latest=day, precision="day", edtf=day.isoformat())


def _facts() -> d.FactSet:
    records: list[d.Record] = [d.Actor(id="actor:x", kind="person", name="X")]
    days = [dt.date(2020, 1, 1), None, dt.date(2019, 5, 5)]
    for number, claim_id in enumerate(IDS):
        records.append(
            d.Claim(
                id=claim_id,
                subject="actor:x",
                property="followers",
                value=d.Quantity(amount=number, lower=number, upper=number, qualifier="exact"),
                as_of=_span(days[number % 3]),
            )
        )
        event_id = claim_id.replace("claim:", "event:", 1)
        records.append(
            d.Event(
                id=event_id,
                event_type="statement",
                time=_span(days[number % 3]),  # the same times again and again, and none
                participants=[d.Participant(actor="actor:x", role="agent")],
            )
        )
    return d.FactSet(records)


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_hostile_ids_page_and_link_whatever_they_sort_like(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    """Every claim and event is on one page, and every link to it names that page."""
    monkeypatch.setattr(_paging, "PAGE_ROWS", rows)
    facts = _facts()
    build(facts, None, tmp_path / "site")
    site = tmp_path / "site"
    pages = _pages(site)
    claims = [row for p in _numbered(site, "claims") for row in pages[p.resolve()].rows]
    assert claims == [slug(c.id) for c in sorted(facts.claims, key=lambda c: c.id)]
    entries = [e for p in _numbered(site, "timeline") for e in pages[p.resolve()].entries if e]
    assert sorted(entries) == sorted(slug(e.id) for e in facts.events)
    assert _broken_links(pages) == []
