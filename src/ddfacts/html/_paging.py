"""The claims table and the timeline as pages of :data:`PAGE_ROWS` rows, and links into them.

A long list is written as numbered pages: the first keeps the list's name
(``claims.html``), the next are ``claims-2.html``, ``claims-3.html``, ...; a
list that fits one page is one file, as it was before paging.  A
:class:`Pager` keeps the sort key of each page's first row, so the page of a
row is a bisection of those keys: memory is a key per page, a lookup is
``log(pages)``.  The claims are in id order (the key is the id); the
timeline in the site index's time order (:func:`._sitedb.timeline_key`).

:class:`Paging` is the one place that says where a record is shown: claims
(and reviews, with the claim they review) on their page of the claims table,
events on their page of the timeline, every other record where
:func:`._model.href_of` puts it.  Each page's navigation (:meth:`Pager.nav`)
names the first, previous, next and last pages and a few around the current
one, so a page's size does not grow with the number of pages.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

import attrs

from ..records import Claim, Event, Record, Review, Statement
from ._blocks import slug
from ._model import Facts, href_of
from ._sitedb import SiteIndex, TimelineKey, timeline_key

__all__ = [
    "PAGE_ROWS",
    "Link",
    "Nav",
    "Pager",
    "Paging",
    "pager",
    "pages_of",
    "paging",
]

#: Rows on one page of the claims table or of the timeline.
PAGE_ROWS = 1000
#: Pages named on each side of the current one in a page's navigation.
_AROUND = 3

#: A page's first key: a claim's id, or a timeline row's place.
K = TypeVar("K", str, TimelineKey)
T = TypeVar("T")


@attrs.frozen
class Link:
    """One entry of a page's navigation: the page's number and file, or a gap (number 0)."""

    number: int
    file: str
    current: bool = False


@attrs.frozen
class Nav:
    """A page's navigation: its number, the pages, previous and next (None at the ends)."""

    number: int
    total: int
    first_row: int
    links: tuple[Link, ...]
    previous: str | None
    next: str | None


class Pager(Generic[K]):
    """A list of *rows* rows a page, named *name*, whose pages start at the keys *firsts*."""

    def __init__(self, name: str, firsts: list[K], rows: int) -> None:
        self.name = name
        self.firsts: list[K] = firsts
        self.rows = rows

    @property
    def total(self) -> int:
        """How many pages there are (at least one, the empty list's)."""
        return max(1, len(self.firsts))

    def file(self, number: int) -> str:
        """The file of page *number* (from 1): ``claims.html``, ``claims-2.html``, ..."""
        return f"{self.name}.html" if number <= 1 else f"{self.name}-{number}.html"

    def number_of(self, key: K) -> int:
        """The number of the page where the row with *key* is (or would be)."""
        return max(1, bisect.bisect_right(self.firsts, key))

    def file_of(self, key: K) -> str:
        """The file of the page where the row with *key* is."""
        return self.file(self.number_of(key))

    def nav(self, number: int) -> Nav:
        """The navigation of page *number*: first, last and :data:`_AROUND` pages each side."""
        shown = {1, self.total, *range(number - _AROUND, number + _AROUND + 1)}
        links: list[Link] = []
        for page in sorted(p for p in shown if 1 <= p <= self.total):
            if links and page > links[-1].number + 1:
                links.append(Link(0, ""))
            links.append(Link(page, self.file(page), page == number))
        return Nav(
            number=number,
            total=self.total,
            first_row=(number - 1) * self.rows + 1,
            links=tuple(links),
            previous=self.file(number - 1) if number > 1 else None,
            next=self.file(number + 1) if number < self.total else None,
        )


def pager(name: str, keys: Iterable[K], rows: int = 0) -> Pager[K]:
    """The pager of the rows whose sort keys are *keys*, in order (one pass, a key a page)."""
    rows = rows or PAGE_ROWS
    firsts = [key for number, key in enumerate(keys) if number % rows == 0]
    return Pager(name, firsts, rows)


def pages_of(items: Iterable[T], rows: int) -> Iterator[tuple[int, list[T]]]:
    """*items* a page at a time, numbered from 1; an empty list is one empty page."""
    page: list[T] = []
    number = 1
    for item in items:
        page.append(item)
        if len(page) == rows:
            yield number, page
            number, page = number + 1, []
    if page or number == 1:
        yield number, page


class Paging:
    """Where each record is shown, the claims table and timeline paged (see the module)."""

    def __init__(
        self,
        claims: Pager[str],
        timeline: Pager[TimelineKey],
        get: Callable[[str], Record | None],
    ) -> None:
        self.claims = claims
        self.timeline = timeline
        self._get = get

    def claim_file(self, claim_id: str) -> str:
        """The page of the claims table that shows the claim *claim_id*."""
        return self.claims.file_of(claim_id)

    def href(self, record: Record) -> str:
        """The site-relative page and fragment where *record* is shown."""
        if isinstance(record, Claim):
            return f"{self.claim_file(record.id)}#{slug(record.id)}"
        if isinstance(record, Review):
            return f"{self.claim_file(record.claim)}#{slug(record.claim)}"
        if isinstance(record, Event):
            return f"{self.timeline.file_of(timeline_key(record))}#{slug(record.id)}"
        if isinstance(record, Statement):
            return f"sources/{slug(record.source)}.html#{slug(record.id)}"
        return href_of(record)

    def href_id(self, record_id: str) -> str | None:
        """Where the record *record_id* is shown, or None when there is no such record."""
        record = self._get(record_id)
        return None if record is None else self.href(record)


def paging(facts: Facts, site: SiteIndex, rows: int = 0) -> Paging:
    """The pages of the claims table and of the timeline of *facts*, *rows* rows a page.

    One pass over the claims in id order and one over the timeline's keys
    in the site index: only each page's first key is kept.
    """
    claims = pager("claims", (claim.id for claim in facts.ordered(Claim)), rows)
    return Paging(claims, pager("timeline", site.timeline_keys(), rows), facts.get)
