"""Hostile derivation links for ``ddfacts check``'s cycle rule on disk (issue 19).

A chain of 100,000 links (too narrow to prune round by round: walked) is
followed without recursion and in linear time;
ids that look like SQL are data.  The spilled run is held to the dict
finder, :func:`~ddfacts.validation._cycles.find_cycles`.
"""

from __future__ import annotations

import ddfacts
from ddfacts.check import CheckRun
from ddfacts.check._spill import SpillKeeper
from ddfacts.validation._cycles import find_cycles
from ddfacts.vocabulary import default_vocabulary

LENGTH = 100_000


def _spilled(links: list[tuple[str, list[str]]]) -> list[list[str]]:
    keeper = SpillKeeper()
    for ordinal, (record_id, targets) in enumerate(links):
        keeper.keep_links(record_id, ordinal, targets)
    try:
        return list(keeper.cycles())
    finally:
        keeper.close()


def test_a_long_chain_into_a_ring_is_walked() -> None:
    """100,000 links walked without recursion; the ring is found at the chain's end."""
    links = [(f"n{number}", [f"n{number + 1}"]) for number in range(LENGTH)]
    links.append((f"n{LENGTH}", [f"n{LENGTH - 1}"]))
    found = _spilled(links)
    assert found == list(find_cycles(dict(links))) == [[f"n{LENGTH - 1}", f"n{LENGTH}"]]


def test_sql_looking_ids_are_data() -> None:
    nasty = ["claim:x'); DROP TABLE edges; --", 'claim:"%_*', "claim:\u0000null"]
    links = [(here, [there]) for here, there in zip(nasty, [*nasty[1:], nasty[0]], strict=True)]
    assert _spilled(links) == list(find_cycles(dict(links))) == [nasty]


def test_a_ring_through_the_run() -> None:
    """Through :class:`CheckRun`: the problem the in-memory run gives, at the first record."""
    values = [
        {
            "type": "actor",
            "id": f"actor:a{number}",
            "name": "A",
            "kind": "person",
            "provenance": {
                "derived_from": [{"kind": "derived_from", "target": f"actor:a{(number + 1) % 3}"}]
            },
        }
        for number in range(3)
    ]
    found = []
    for spill in (False, True):
        run = CheckRun(None, default_vocabulary(), spill=spill)
        for value in values:
            run.add(ddfacts.from_json(value))
        found.append(run.finish())
    assert found[0] == found[1]
    assert [(item.code, item.location.pointer) for item in found[1]] == [
        ("meaning.cycle", "/records/0/provenance/derived_from")
    ]
