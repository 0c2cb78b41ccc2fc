"""Links between records on disk, and the cycles among them found without loading them.

A run that must not grow with its records keeps each record's links (``check``:
``provenance.derived_from``; validation: ``derived_from`` and ``operated_by``)
in a private temporary SQLite database: :data:`SCHEMA` holds them as fed, a
row per record with links (``nodes``) and a row per link (``links``).
:func:`spilled_cycles` then finds the cycles
:func:`~ddfacts.validation._cycles.find_cycles` finds on the same links held in
a dict, the same cycles in the same order, in three steps, each linear in
the links (up to SQLite's B-tree lookups):

1. *Resolve.*  A record id's node takes the place of the first record with
   links and that id, and the links of the last one (what a dict assigned
   record by record holds; ``check``) or of the first (what a dict that
   keeps an id's first links holds; validation); each link whose target has
   links becomes an edge between two nodes, numbered by place (``graph``,
   ``edges``).
2. *Prune.*  A node that reaches no cycle can be dropped: the depth-first
   search only marks it done and finds nothing through it, and no node it
   reaches reaches a cycle either, so the search over the rest takes the
   same steps where it matters and finds the same cycles in the same order
   (whichever of those nodes are dropped).  Nodes with no edge to a node
   left go, round after round (Kahn's algorithm backwards, in SQL): each
   round touches only the edges into the nodes the last round dropped, and
   rounds go on while they drop many (*wide*, :data:`WIDE` by default).  On
   a typical file without a cycle nothing is left.
3. *Walk.*  The same iterative depth-first search over the nodes left, in
   place order, reading each node's edges by one indexed query.  What stays
   in memory is a byte of state per place and the search's path (machine
   integers: three per step and its children left); the cycles already
   given are told apart by a digest of their nodes kept on disk.

:class:`LinkSpill` is such a database of its own, for one graph
(validation keeps two); ``check`` keeps its links in its spill database
(:mod:`ddfacts.check._spill`, :mod:`ddfacts.check._links`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from collections.abc import Iterator, Sequence

from .._scratchdb import scratch_db

__all__ = ["CACHE_KIB", "INSERTS", "SCHEMA", "WIDE", "LinkSpill", "spilled_cycles"]

#: The tables a run fills as records come (see the module doc).
SCHEMA = (
    "CREATE TABLE nodes(ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL)",
    "CREATE TABLE links(ordinal INTEGER NOT NULL, seq INTEGER NOT NULL, target TEXT NOT NULL,"
    " PRIMARY KEY (ordinal, seq)) WITHOUT ROWID",
)
#: How a row goes into each of :data:`SCHEMA`'s tables.
INSERTS = {
    "nodes": "INSERT INTO nodes VALUES (?, ?)",
    "links": "INSERT INTO links VALUES (?, ?, ?)",
}

_RESOLVE = (
    "CREATE TABLE graph(place INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, last INTEGER NOT NULL)",
    # (the ``last`` column: the record whose links the node takes, see _LINKS_OF)
    "INSERT INTO graph SELECT MIN(ordinal), id, {links_of}(ordinal) FROM nodes GROUP BY id",
    "CREATE TABLE edges(source INTEGER NOT NULL, seq INTEGER NOT NULL, target INTEGER NOT NULL,"
    " PRIMARY KEY (source, seq)) WITHOUT ROWID",
    "INSERT INTO edges SELECT g.place, l.seq, t.place FROM graph AS g"
    " JOIN links AS l ON l.ordinal = g.last JOIN graph AS t ON t.id = l.target",
    "CREATE INDEX edges_in ON edges(target, source)",
    # Each node with the number of its edges to nodes not yet dropped.
    "CREATE TABLE alive(place INTEGER PRIMARY KEY, out INTEGER NOT NULL)",
    "INSERT INTO alive SELECT g.place, COUNT(e.target) FROM graph AS g"
    " LEFT JOIN edges AS e ON e.source = g.place GROUP BY g.place",
    "CREATE TABLE dropped(place INTEGER PRIMARY KEY)",
    "CREATE TABLE hit(place INTEGER PRIMARY KEY, lost INTEGER NOT NULL)",
    "CREATE TABLE given(digest BLOB PRIMARY KEY) WITHOUT ROWID",
)
_FIRST = "INSERT INTO dropped SELECT place FROM alive WHERE out = 0"
#: One round of pruning: drop the nodes found last round, count what their sources lose.
#: (``CROSS JOIN`` keeps SQLite to this join order: from the few nodes dropped, by index.)
_ROUND = (
    "DELETE FROM hit",
    "DELETE FROM alive WHERE place IN (SELECT place FROM dropped)",
    "INSERT INTO hit SELECT e.source, COUNT(*) FROM dropped AS d"
    " CROSS JOIN edges AS e ON e.target = d.place GROUP BY e.source",
    "UPDATE alive SET out = out - (SELECT lost FROM hit WHERE hit.place = alive.place)"
    " WHERE place IN (SELECT place FROM hit)",
    "DELETE FROM dropped",
    "INSERT INTO dropped SELECT a.place FROM hit AS h CROSS JOIN alive AS a"
    " ON a.place = h.place WHERE a.out = 0",
)
#: A node's edges to the nodes left, in order.
_CHILDREN = (
    "SELECT e.target FROM edges AS e CROSS JOIN alive AS a ON a.place = e.target"
    " WHERE e.source = ? ORDER BY e.seq"
)
#: Fewer nodes dropped in a round than this, and the rest is left to the walk.
WIDE = 32
_ON_PATH, _DONE = 1, 2
#: Places read at once when a cycle's ids are read.
_CHUNK = 500


#: Whose links an id's node takes: its last record's (``check``) or its first's.
_LINKS_OF = {False: "MAX", True: "MIN"}
#: The most page cache, in KiB, a :class:`LinkSpill` lets SQLite hold.
CACHE_KIB = 1024
#: Rows a :class:`LinkSpill` writes at once.
_BATCH = 2000


def _prune(db: sqlite3.Connection, wide: int, first: bool) -> None:
    """Resolve the links into edges and drop the nodes that reach no cycle, while many go.

    A round costs a few statements however many nodes it drops: once fewer
    than *wide* go at a time (a long chain), walking them is cheaper
    (a query a node), and any of the nodes that reach no cycle may be left.
    With *first*, an id's node takes its first record's links, else its last's.
    """
    for statement in _RESOLVE:
        db.execute(statement.format(links_of=_LINKS_OF[first]))
    found = db.execute(_FIRST).rowcount
    while found >= wide:
        for statement in _ROUND:
            found = db.execute(statement).rowcount  # the last: the nodes to drop next


def _first_time(db: sqlite3.Connection, cycle: array[int]) -> bool:
    """Whether no cycle on the same nodes was given before (remembering this one)."""
    digest = hashlib.sha256(array("q", sorted(cycle)).tobytes()).digest()
    added = db.execute("INSERT INTO given VALUES (?) ON CONFLICT DO NOTHING", (digest,))
    return added.rowcount == 1


def _ids(db: sqlite3.Connection, cycle: array[int]) -> list[str]:
    """The ids of the nodes at the places in *cycle*, read :data:`_CHUNK` at a time."""
    names: dict[int, str] = {}
    for start in range(0, len(cycle), _CHUNK):
        chunk = cycle[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        get = f"SELECT place, id FROM graph WHERE place IN ({marks})"  # only marks: bound
        names.update(db.execute(get, tuple(chunk)).fetchall())
    return [names[place] for place in cycle]


class _Path:
    """The depth-first search's path: the nodes on it, and the children each has left.

    The children of the nodes on the path are in one array (a node's after
    its parent's), so a step costs two machine integers and its children.
    """

    def __init__(self, db: sqlite3.Connection, state: bytearray) -> None:
        self._db = db
        self._state = state
        self.nodes = array("q")
        self._starts = array("q")
        self._next = array("q")
        self._children = array("q")

    def push(self, node: int) -> None:
        """Step onto *node*, reading its edges to the nodes left."""
        self._state[node] = _ON_PATH
        self.nodes.append(node)
        self._starts.append(len(self._children))
        self._next.append(len(self._children))
        self._children.extend(row[0] for row in self._db.execute(_CHILDREN, (node,)))

    def next_child(self) -> int | None:
        """The last node's next child; None (stepping back off the node) when it has no more."""
        at = self._next[-1]
        if at < len(self._children):
            self._next[-1] = at + 1
            return self._children[at]
        self._state[self.nodes.pop()] = _DONE
        del self._children[self._starts.pop() :]
        self._next.pop()
        return None


def _walk(db: sqlite3.Connection, root: int, state: bytearray) -> Iterator[list[str]]:
    """The cycles the depth-first search from *root* finds (as ``find_cycles``)."""
    path = _Path(db, state)
    path.push(root)
    while path.nodes:
        child = path.next_child()
        if child is None:
            continue
        if state[child] == _ON_PATH:
            cycle = path.nodes[path.nodes.index(child) :]
            if _first_time(db, cycle):
                yield _ids(db, cycle)
        elif not state[child]:
            path.push(child)


def spilled_cycles(
    db: sqlite3.Connection, *, wide: int = WIDE, first: bool = False
) -> Iterator[list[str]]:
    """The cycles of the links in *db*'s :data:`SCHEMA` tables, as ``find_cycles`` gives them.

    Each cycle is the ids from the node a back edge returns to, to the node
    it leaves; of cycles on the same nodes, only the first found.  An id fed
    more than once has the links of its last record, or with *first* of its
    first.  Pruning goes on while a round drops at least *wide* nodes.
    Every row must have been written; the tables it makes are left in *db*.
    """
    _prune(db, wide, first)
    top = db.execute("SELECT MAX(place) FROM alive").fetchone()[0]
    if top is None:
        return
    state = bytearray(top + 1)
    for (root,) in db.execute("SELECT place FROM alive ORDER BY place"):
        if not state[root]:
            yield from _walk(db, root, state)


class LinkSpill:
    """One graph's links in a database of their own; an id keeps its first record's links.

    What the whole-set pass of a spilled validation run keeps instead of a
    dict of links (see :class:`~ddfacts.validation._cycles.FirstLinks`): the
    same cycles come out in the same order.  The database is opened when the
    first links come (a run without links opens none); memory is the batch
    being written (:data:`_BATCH` rows) and SQLite's page cache
    (:data:`CACHE_KIB`).  Call :meth:`close` when done.
    """

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None
        self._nodes: list[tuple[int, str]] = []
        self._links: list[tuple[int, int, str]] = []
        self._count = 0

    def __len__(self) -> int:
        """How many records gave links."""
        return self._count

    def add(self, record_id: str, ordinal: int, targets: Sequence[str]) -> None:
        """Keep the links of the record at *ordinal* (ordinals rise as records come)."""
        self._count += 1
        self._nodes.append((ordinal, record_id))
        self._links.extend((ordinal, seq, target) for seq, target in enumerate(targets))
        if len(self._nodes) + len(self._links) >= _BATCH:
            self._flush()

    def _flush(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = scratch_db(CACHE_KIB, SCHEMA)
        self._db.executemany(INSERTS["nodes"], self._nodes)
        self._db.executemany(INSERTS["links"], self._links)
        self._nodes.clear()
        self._links.clear()
        return self._db

    def cycles(self) -> Iterator[list[str]]:
        """The cycles among the links kept, as ``find_cycles`` finds them in a dict."""
        if self._db is None and not self._nodes:
            return iter(())
        return spilled_cycles(self._flush(), wide=WIDE, first=True)

    def close(self) -> None:
        """Let the database go (SQLite deletes its file)."""
        if self._db is not None:
            self._db.close()
            self._db = None
