"""Cycles in a directed graph of ids: one finder for validation and ``check``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

__all__ = ["FirstLinks", "Links", "find_cycles"]


class Links(Protocol):
    """Where a whole-set pass keeps one graph's links: in memory or on disk."""

    def add(self, record_id: str, ordinal: int, targets: Sequence[str], /) -> None: ...
    def cycles(self) -> Iterator[list[str]]: ...
    def close(self) -> None: ...
    def __len__(self) -> int: ...


class FirstLinks:
    """One graph's links in a dict: each id keeps the links of its first record."""

    def __init__(self) -> None:
        self._edges: dict[str, Sequence[str]] = {}

    def add(self, record_id: str, ordinal: int, targets: Sequence[str]) -> None:
        """Keep *record_id*'s links, unless an earlier record with the id gave some."""
        if record_id not in self._edges:
            self._edges[record_id] = targets

    def cycles(self) -> Iterator[list[str]]:
        """The cycles among the links kept (:func:`find_cycles`)."""
        return find_cycles(self._edges)

    def close(self) -> None:
        """Let the links go."""
        self._edges.clear()

    def __len__(self) -> int:
        """How many ids have links."""
        return len(self._edges)


def find_cycles(edges: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """The cycles of a directed graph, each once, by an iterative depth-first search.

    *edges* maps a node to the nodes it links to, in order; a node with no
    entry has no links.  A cycle is the path from the node a back edge returns
    to, to the node it leaves (``["a", "b"]`` for a -> b -> a); of cycles with
    the same nodes, only the first found is given.  Both the validator and
    :func:`ddfacts.check` find cycles with it; both report ``meaning.cycle``.
    """
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    found: set[frozenset[str]] = set()
    for root in edges:
        if root in state:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            if state.get(child) == 1:
                cycle = path[path.index(child) :]
                if frozenset(cycle) not in found:
                    found.add(frozenset(cycle))
                    yield cycle
            elif child not in state and child in edges:
                state[child] = 1
                stack.append((child, iter(edges[child])))
                path.append(child)
