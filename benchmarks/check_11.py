"""The 1.1 check rules at scale: ranks, refinements, members and hedges against plain 1.0 claims.

    python benchmarks/check_11.py                  # 20,000 claims per set
    python benchmarks/check_11.py --claims 20000 200000

For each size it builds four sets of claims in memory and times
:func:`ddfacts.check` on each, in memory and spilled to SQLite
(``CheckRun(spill=True)``), printing seconds, claims per second, problems
found and the ratio to the plain set:

``plain``     1.0 follower counts of many accounts, a few per account (the baseline);
``ranks``     rank claims in one ranking, every subject claiming first place
              (the worst case: one problem per claim);
``refines``   a chain of member counts, each refining the one before;
``members``   per-account counts beside member-scoped and hedged ones
              (``average`` members, ``where`` conditions, certainty ``possible``).

Needs only the standard library and ddfacts; nothing is fetched.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import ddfacts as d
from ddfacts.check import CheckRun
from ddfacts.vocabulary import default_vocabulary

SOURCE = d.Attribution(source="source:a")


def _exact(amount: int, unit: str) -> d.Quantity:
    return d.Quantity(amount=amount, lower=amount, upper=amount, qualifier="exact", unit=unit)


def plain(size: int) -> list[d.Claim]:
    """Follower counts, four per account, all agreeing."""
    return [
        d.Claim(
            id=f"claim:{n}",
            subject=f"actor:{n // 4}",
            property="followers",
            value=_exact(1000 + n // 4, "follower"),
            attribution=SOURCE,
        )
        for n in range(size)
    ]


def ranks(size: int) -> list[d.Claim]:
    """Every subject first in one ranking."""
    ranking = d.Ranking(of="actor:group", measure="impact")
    return [
        d.Claim(
            id=f"claim:{n}",
            subject=f"actor:{n}",
            property="rank",
            value=d.Rank(position=1, ranking=ranking),
            attribution=SOURCE,
        )
        for n in range(size)
    ]


def refines(size: int) -> list[d.Claim]:
    """Each count refines the one before."""
    return [
        d.Claim(
            id=f"claim:{n}",
            subject="actor:group",
            property="members",
            value=_exact(size - n, "member"),
            refines=f"claim:{n - 1}" if n else None,
            attribution=SOURCE,
        )
        for n in range(size)
    ]


def members(size: int) -> list[d.Claim]:
    """Group counts beside average-member, conditioned and hedged counts of the same groups."""
    hedged = d.Attribution(source="source:a", certainty="possible", hedge="seems to")
    where = d.Condition(property="followers", value=_exact(5000, "follower"))
    forms: list[dict[str, object]] = [
        {},
        {"members": d.Members(scope="average")},
        {"where": where},
        {"attribution": hedged},
    ]
    return [
        d.Claim(
            id=f"claim:{n}",
            subject=f"actor:{n // 4}",
            property="followers",
            value=_exact(1000 * (n % 4 + 1), "follower"),
            **{"attribution": SOURCE, **forms[n % 4]},  # type: ignore[arg-type]
        )
        for n in range(size)
    ]


SETS: dict[str, Callable[[int], list[d.Claim]]] = {
    "plain": plain,
    "ranks": ranks,
    "refines": refines,
    "members": members,
}


def _time(records: list[d.Claim], spill: bool) -> tuple[float, int]:
    start = time.perf_counter()
    run = CheckRun(None, default_vocabulary(), spill=spill)
    for record in records:
        run.add(record)
    found = len(run.finish())
    return time.perf_counter() - start, found


def main() -> None:
    """Time each set at each size, in memory and spilled; print a table with ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[20_000])
    args = parser.parse_args()
    print(
        f"{'set':8} {'claims':>8} {'mode':6} {'seconds':>8} {'claims/s':>10} {'problems':>9} ratio"
    )
    for size in args.claims:
        for spill in (False, True):
            mode = "spill" if spill else "memory"
            base = None
            for name, build in SETS.items():
                seconds, found = _time(build(size), spill)
                base = base or seconds
                print(
                    f"{name:8} {size:>8} {mode:6} {seconds:8.3f} {size / seconds:10.0f} "
                    f"{found:>9} {seconds / base:5.2f}x"
                )


if __name__ == "__main__":
    main()
