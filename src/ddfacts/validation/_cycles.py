"""Cycles in a directed graph of ids: one finder for validation and ``check``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

__all__ = ["find_cycles"]


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
