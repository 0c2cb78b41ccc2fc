"""Charts of quantities over time, laid out at build time as SVG geometry.

For each (subject, property) with dated quantity claims, one chart: time
runs left to right over the claims' ``as_of`` spans, the amount bottom to
top from zero.  A claim is drawn by what it says: an exact figure as a dot,
"about N" and "between A and B" as a band from the lower to the upper
bound, "more than N" as a bar from N open to the top, "less than N" as a
bar from zero to N.  Layout is linear in the claims; the claims of each chart
come from the site index (:mod:`._sitedb`), one chart at a time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator

import attrs

from .._describe import describe_value
from ..quantities import Quantity
from ..records import Claim
from ..times import TimeSpan
from ._blocks import slug
from ._model import Facts, name_of
from ._sitedb import SiteIndex

__all__ = ["Chart", "Shape", "charts", "draw", "points_of"]

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40


@attrs.frozen
class Shape:
    """One claim on a chart: kind (dot, band, open, below), box, label, link."""

    kind: str
    x: float
    y: float
    width: float
    height: float
    label: str
    claim: str


@attrs.frozen
class _Point:
    claim: Claim
    value: Quantity
    span: TimeSpan
    earliest: dt.date
    latest: dt.date


@attrs.frozen
class Chart:
    """One chart: its id, title, shapes, axis ticks and a text alternative row per claim."""

    id: str
    title: str
    subject: str
    property: str
    shapes: tuple[Shape, ...]
    yticks: tuple[tuple[float, str], ...]
    xticks: tuple[tuple[float, str], ...]
    rows: tuple[tuple[str, str, str, str], ...]
    width: int = WIDTH
    height: int = HEIGHT


def _day(day: dt.date) -> int:
    return day.toordinal()


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _label(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def charts(facts: Facts, site: SiteIndex, subject: str | None = None) -> Iterator[Chart]:
    """Every chart (with *subject*, that subject's), by subject then property, one at a time.

    The site index gives each chart's claim ids; only one chart's claims are
    fetched and held at a time.
    """
    for key, ids in site.charts(subject):
        yield draw(facts, key, points_of(facts, ids))


def points_of(facts: Facts, ids: Iterable[str]) -> list[_Point]:
    """The points of the claims *ids* (each a quantity with a bounded as-of time)."""
    points = []
    for record_id in ids:
        claim = facts.get(record_id, Claim)
        if claim is None:
            continue
        span, value = claim.as_of, claim.value
        if span is None or span.earliest is None or span.latest is None:
            continue
        if isinstance(value, Quantity):
            points.append(_Point(claim, value, span, span.earliest, span.latest))
    return points


def draw(facts: Facts, key: tuple[str, str], points: list[_Point]) -> Chart:
    """The chart of the *points* of *key*: shapes, ticks and rows (linear in the points)."""
    points = sorted(points, key=lambda p: (p.earliest, p.latest, p.claim.id))
    first = min(_day(p.earliest) for p in points)
    last = max(_day(p.latest) for p in points) + 1
    if last - first < 30:
        first, last = first - 15, last + 15
    high = 0.0
    for point in points:
        value = point.value
        for bound in (value.amount, value.lower, value.upper):
            if bound is not None:
                high = max(high, float(bound))
    top = _nice_top(high * 1.15)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def xpos(day: int) -> float:
        return round(LEFT + (day - first) / (last - first) * plot_w, 2)

    def ypos(amount: float) -> float:
        return round(TOP + plot_h - max(0.0, min(amount, top)) / top * plot_h, 2)

    shapes = [_shape(point, xpos, ypos) for point in points]
    yticks = tuple((ypos(top * i / 4), _label(top * i / 4)) for i in range(5))
    years = range(dt.date.fromordinal(first).year + 1, dt.date.fromordinal(last).year + 1)
    step = max(1, len(years) // 8)
    xticks = tuple((xpos(_day(dt.date(y, 1, 1))), str(y)) for y in years[::step])
    subject, prop = key
    rows = tuple(
        (p.span.edtf, describe_value(p.value), name_of(facts, p.claim.speaker) or "-", p.claim.id)
        for p in points
    )
    title = f"{name_of(facts, subject)}: {prop}"
    return Chart(
        id=f"chart-{slug(subject)}--{slug(prop)}",
        title=title,
        subject=subject,
        property=prop,
        shapes=tuple(shapes),
        yticks=yticks,
        xticks=xticks,
        rows=rows,
    )


def _shape(point: _Point, xpos: Callable[[int], float], ypos: Callable[[float], float]) -> Shape:
    value, claim = point.value, point.claim
    x0 = xpos(_day(point.earliest))
    x1 = max(xpos(_day(point.latest) + 1), x0 + 6)
    label = f"{point.span.edtf}: {describe_value(value)}"
    floor = ypos(0)
    if value.lower is not None and value.upper is None:
        y = float(TOP)  # open to the plot's top edge
        return Shape("open", x0, y, x1 - x0, ypos(float(value.lower)) - y, label, claim.id)
    if value.upper is not None and value.lower is None:
        y = ypos(float(value.upper))
        return Shape("below", x0, y, x1 - x0, floor - y, label, claim.id)
    if value.lower is not None and value.upper is not None and value.lower != value.upper:
        y = ypos(float(value.upper))
        return Shape("band", x0, y, x1 - x0, ypos(float(value.lower)) - y, label, claim.id)
    amount = value.amount if value.amount is not None else value.lower
    return Shape("dot", (x0 + x1) / 2, ypos(float(amount or 0)), 0, 0, label, claim.id)
