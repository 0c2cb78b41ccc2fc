"""Validation on a Dask cluster: records checked in partitions, ids joined on the cluster.

:func:`validate_dask` cuts every JSON Lines file into byte ranges at line
ends (the ranges of ``--jobs``, :func:`~ddfacts.validation._parallel.split`;
a JSON document is one partition) and runs the per-record pass on each range
on the workers, where its rows stay (persisted).  What runs where:

* **on the workers, per partition**: reading, levels ``shape`` and
  ``meaning`` on each record alone, and the partition's tables
  (:mod:`~ddfacts.validation._dask_frames`): id definitions (id, number,
  type, kind, place), lookups (target, number, what is expected, place) and
  single-valued claims and derivation and operator edges;
* **on the workers, across partitions** (Dask DataFrame shuffles): the first
  definition of each id (a groupby on ids); duplicate ids (a join of the
  definitions with the first ones); missing and mistyped references, and
  claims' subjects and entities of the wrong type (a left join of the
  lookups with the first definitions, faults kept on the workers); second
  values of single-valued properties (a groupby on the claim group and a
  join);
* **on the client**: each partition's record count (to give every record a
  global number), the problems found (with their sort keys), and the
  derivation and operator edges with their records' places, from which
  cycles are found (``meaning.cycle``).  No table of all ids comes to the
  client.

The report equals :func:`~ddfacts.validation.validate`'s.  The ``anchors``
level is not run here.  Install with ``pip install ddfacts[dask]``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from ..problems import ALL_LEVELS, Level, Location, Problem, Report, problem
from ..vocabulary import Vocabulary
from . import _dask_frames as frames
from ._parallel import Chunk, _compact, _entries, check_chunk, split
from ._pass import Checked, checked
from ._run import _with_excerpts, parse_levels, vocabulary_of
from ._setrules import cycle_problems, duplicate_id, single_valued

__all__ = ["validate_dask"]

#: A second-stage sort key: (0 references / 1 claims, record number, index).
_Key2 = tuple[int, int, int]


@cache
def _worker_vocabulary(files: tuple[str, ...]) -> Vocabulary:
    return vocabulary_of(files or None)


def _run(task: Chunk | str, files: tuple[str, ...], levels: frozenset[Level]) -> list[Checked]:
    """One partition on a worker: a range of lines, or a whole file."""
    vocab = _worker_vocabulary(files)
    if isinstance(task, Chunk):
        return _compact(check_chunk(task, vocab, levels))
    return list(checked(task, vocab, levels))


def _count(rows: list[Any]) -> int:
    return sum(1 for item in rows if not isinstance(item, Problem))


def _lookups(rows: list[Any], offset: int, files: tuple[str, ...], levels: frozenset[Level]) -> Any:
    return frames.lookups_frame(rows, offset, _worker_vocabulary(files), levels)


def _claims(rows: list[Any], offset: int, files: tuple[str, ...]) -> Any:
    return frames.claims_frame(rows, offset, _worker_vocabulary(files))


def _faults(joined: Any, files: tuple[str, ...]) -> Any:
    return frames.lookup_faults(joined, _worker_vocabulary(files))


def _tasks(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    partition_bytes: int | None,
    min_split_bytes: int | None,
) -> list[Chunk | str | Problem]:
    """The partitions to read (ranges of lines, whole files) and the problems of the paths."""
    sources = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    tasks: list[Chunk | str | Problem] = []
    for entry in _entries(sources):
        if isinstance(entry, Problem):
            tasks.append(entry)
            continue
        if not isinstance(entry, (str, os.PathLike)):
            raise TypeError(f"validate_dask reads files by path, got {entry!r}")
        chunks = split(entry, partition_bytes, min_size=min_split_bytes)
        tasks.extend(chunks if chunks is not None else [os.fspath(entry)])
    return tasks


def validate_dask(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    client: Any = None,
    vocab: Iterable[str | os.PathLike[str]] = (),
    levels: Iterable[Level | str] | Level | str = ALL_LEVELS,
    partition_bytes: int | None = None,
    min_split_bytes: int | None = None,
) -> Report:
    """Validate fact files on a Dask cluster, with the report :func:`validate` would give.

    Records are checked on their own in partitions on the workers; duplicate
    ids, references and claims' targets are checked by joins on ids across
    the cluster (see the module's text for what runs where); only problems,
    partition counts and derivation edges come back to the client.

    Args:
        paths: fact files or folders (every worker must see them at the same paths).
        client: a ``distributed.Client``; None uses Dask's current scheduler.
        vocab: vocabulary files extending the shipped one (read on each worker).
        levels: the levels to check (``anchors`` is not run here).
        partition_bytes: about how many bytes one partition reads.
        min_split_bytes: files smaller than this are one partition.

    .. versionadded:: 0.1.0
    """
    from dask.base import compute as compute_
    from dask.base import persist
    from dask.delayed import delayed

    wanted = parse_levels(levels)
    files = tuple(os.fspath(name) for name in vocab)
    tasks = _tasks(paths, partition_bytes, min_split_bytes)
    work = [task for task in tasks if not isinstance(task, Problem)]
    compute: Callable[..., Any] = client.compute if client is not None else compute_
    run = delayed(_run, pure=True)
    parts = [run(task, files, wanted) for task in work]
    parts = list(client.persist(parts) if client is not None else persist(*parts))  # type: ignore[no-untyped-call]
    counts = _gather(compute, [delayed(_count)(part) for part in parts])
    offsets = [sum(counts[:index]) for index in range(len(counts))]
    first = _first_stage(compute, tasks, parts, counts)
    second: list[tuple[_Key2, Problem]] = []
    cycles: list[Problem] = []
    if parts and (Level.REFS in wanted or Level.MEANING in wanted):
        joins = _Joins(compute, parts, offsets, files, wanted)
        first.extend(joins.duplicates() if Level.REFS in wanted else [])
        second.extend(joins.lookups())
        if Level.MEANING in wanted:
            second.extend(joins.single_valued())
            cycles = joins.cycles()
    found = [item for _key, item in sorted(first, key=lambda pair: pair[0])]
    found.extend(item for _key, item in sorted(second, key=lambda pair: pair[0]))
    return Report(_with_excerpts(found + cycles))


def _gather(compute: Callable[..., Any], items: list[Any]) -> list[Any]:
    """Compute delayed *items* (on the client's cluster or the current scheduler)."""
    if not items:
        return []
    owner = getattr(compute, "__self__", None)
    if owner is not None and hasattr(owner, "gather"):
        return list(owner.gather(compute(items)))
    return list(compute(*items))


def _first_stage(
    compute: Callable[..., Any],
    tasks: list[Chunk | str | Problem],
    parts: list[Any],
    counts: list[int],
) -> list[tuple[frames.Key, Problem]]:
    """Reading problems and records' own problems, with keys in input order."""
    from dask.delayed import delayed

    offsets = [sum(counts[:index]) for index in range(len(counts))]
    own = delayed(frames.own_problems)
    places = [index for index, task in enumerate(tasks) if not isinstance(task, Problem)]
    jobs = [own(part, places[n], offsets[n]) for n, part in enumerate(parts)]
    found: list[tuple[frames.Key, Problem]] = []
    for chunk in _gather(compute, jobs):
        found.extend(chunk)
    total = offsets[-1] + counts[-1] if offsets else 0
    done = 0
    for index, task in enumerate(tasks):
        if isinstance(task, Problem):
            number = offsets[done] if done < len(offsets) else total
            found.append(((number, 0, index, 0), task))
        else:
            done += 1
    return found


class _Joins:
    """The whole-set checks as Dask DataFrame joins over the partitions' tables."""

    def __init__(
        self,
        compute: Callable[..., Any],
        parts: list[Any],
        offsets: list[int],
        files: tuple[str, ...],
        levels: frozenset[Level],
    ) -> None:
        import dask.dataframe as dd
        from dask.delayed import delayed

        self._compute, self._files, self._levels = compute, files, levels
        pairs = list(zip(parts, offsets, strict=True))
        self._ids = dd.from_delayed(
            [delayed(frames.ids_frame)(p, o) for p, o in pairs], meta=frames.empty(frames.IDS)
        )
        self._lookup = dd.from_delayed(
            [delayed(_lookups)(p, o, files, levels) for p, o in pairs],
            meta=frames.empty(frames.LOOKUPS),
        )
        self._claims = dd.from_delayed(
            [delayed(_claims)(p, o, files) for p, o in pairs], meta=frames.empty(frames.CLAIMS)
        )
        self._edges = dd.from_delayed(
            [delayed(frames.edges_frame)(p, o) for p, o in pairs], meta=frames.empty(frames.EDGES)
        )
        firsts = self._ids.groupby("id")["number"].min().reset_index()
        firsts = firsts.merge(self._ids, on=["id", "number"], how="inner")
        self._firsts = firsts.rename(
            columns={name: f"first_{name}" for name in firsts.columns if name != "id"}
        )

    def _small(self, frame: Any) -> Any:
        """Compute a (small) frame of results on the cluster and bring it here."""
        return _gather(self._compute, [frame])[0]

    def duplicates(self) -> list[tuple[frames.Key, Problem]]:
        """A ``ref.duplicate-id`` problem for each record whose id an earlier record has."""
        joined = self._ids.merge(self._firsts, on="id", how="inner")
        later = self._small(joined[joined["number"] != joined["first_number"]])
        found: list[tuple[frames.Key, Problem]] = []
        for row in later.itertuples(index=False):
            first = frames.location(row.first_file, row.first_line, row.first_pointer)
            where = frames.location(row.file, row.line, row.pointer).child("id")
            message = duplicate_id(row.id, first)
            key = (int(row.number), 2, 0, 0)
            found.append((key, problem("ref.duplicate-id", message, where, records=(row.id,))))
        return found

    def lookups(self) -> list[tuple[_Key2, Problem]]:
        """Missing and mistyped references, claims' targets of the wrong type."""
        columns = ["id", "first_type", "first_kind", "first_count"]
        firsts = self._firsts[columns].rename(columns={"id": "target"})
        joined = self._lookup.merge(firsts, on="target", how="left")
        meta = joined._meta.assign(code=[], message=[]).astype(
            {"code": "object", "message": "object"}
        )
        faults = self._small(joined.map_partitions(_faults, self._files, meta=meta))
        return [frames.fault_problem(row) for row in faults.itertuples(index=False)]

    def single_valued(self) -> list[tuple[_Key2, Problem]]:
        """A ``meaning.single-valued`` problem for each later, different value of a group."""
        claims = self._claims
        heads = claims.groupby("group")["number"].min().reset_index()
        heads = heads.merge(claims, on=["group", "number"], how="inner")
        heads = heads.rename(
            columns={name: f"first_{name}" for name in heads.columns if name != "group"}
        )
        joined = claims.merge(heads, on="group", how="inner")
        differ = joined[
            (joined["number"] != joined["first_number"]) & (joined["text"] != joined["first_text"])
        ]
        found: list[tuple[_Key2, Problem]] = []
        for row in self._small(differ).itertuples(index=False):
            first = frames.location(row.first_file, row.first_line, row.first_pointer)
            message = single_valued(row.property, row.subject, row.as_of, first)
            where = frames.location(row.file, row.line, row.pointer).child("value")
            ids = tuple(
                item
                for item in (row.first_record_id, row.record_id)
                if isinstance(item, str) and item
            )
            made = problem("meaning.single-valued", message, where, records=ids)
            found.append(((1, int(row.number), 2), made))
        return found

    def cycles(self) -> list[Problem]:
        """``meaning.cycle`` problems, from the edges and their records' first places."""
        places = self._firsts[["id", "first_file", "first_line", "first_pointer"]]
        edges = self._small(self._edges.merge(places, on="id", how="left"))
        edges = edges.sort_values("number", kind="stable")
        graphs: dict[str, dict[str, tuple[str, ...]]] = {"derived": {}, "operated": {}}
        where: dict[str, Location] = {}
        for row in edges.itertuples(index=False):
            graphs[row.which].setdefault(row.id, frames.split_ids(row.targets))
            where[row.id] = frames.location(row.first_file, row.first_line, row.first_pointer)
        locate = where.__getitem__
        found = list(cycle_problems(graphs["derived"], locate, "derived_from", "derivation links"))
        found.extend(cycle_problems(graphs["operated"], locate, "operated_by", "operated_by links"))
        return found
