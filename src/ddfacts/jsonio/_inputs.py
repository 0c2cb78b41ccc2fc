"""Inputs as validation reads them: paths, folders, open files and FactSets, as raw records.

The one folder expander is here too (:func:`expand`): a folder means every
fact file under it, sorted, and a folder holding none is the problem
``file.no-fact-files``.  The command line uses it for every command.
Nothing here raises on bad input: each reading fault is a
:class:`~ddfacts.problems.Problem` in the stream.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Union, cast

import attrs

from ..factset import FactSet
from ..problems import Location, Problem, problem
from ._codec import unstructure
from ._reader import VALIDATE, Parsed, read
from ._strict import excerpt_of

__all__ = [
    "FACT_SUFFIXES",
    "Input",
    "RawRecord",
    "expand",
    "inputs",
    "iter_parsed",
    "iter_raw",
    "read_inputs",
]

#: The suffixes of the fact files a folder expands to.
FACT_SUFFIXES = (".json", ".jsonl", ".ndjson")

#: One input: a path, an open file, or a FactSet.
Input = Union[str, "os.PathLike[str]", IO[Any], FactSet]


@attrs.frozen
class RawRecord:
    """One record's JSON value as read, where it is, and (JSON Lines) its line for people."""

    #: The parsed JSON value (any JSON type: checks decide what is wrong with it).
    value: Any
    #: File, line (JSON Lines) and pointer of the value.
    location: Location
    #: The JSON Lines line, shortened; None in a JSON document.
    excerpt: str | None = None


def expand(source: str | os.PathLike[str]) -> Iterator[str | os.PathLike[str] | Problem]:
    """*source* itself, or the fact files under the folder *source*, sorted.

    A folder with no fact file gives the problem ``file.no-fact-files``.
    """
    path = Path(source)
    if not path.is_dir():
        yield source
        return
    found = sorted(
        item for item in path.rglob("*") if item.is_file() and item.suffix.lower() in FACT_SUFFIXES
    )
    if not found:
        yield problem(
            "file.no-fact-files",
            "the folder holds no fact files (*.json, *.jsonl, *.ndjson)",
            Location(file=os.fspath(source)),
        )
    yield from found


def inputs(source: Input | Iterable[Input]) -> Iterator[Input]:
    """The inputs *source* names: itself when it is one, else each of them."""
    if isinstance(source, (str, os.PathLike, FactSet)) or hasattr(source, "read"):
        yield cast(Input, source)
    else:
        yield from cast(Iterable[Input], source)


def iter_parsed(source: str | os.PathLike[str] | IO[Any]) -> Iterator[Parsed | Problem]:
    """The raw records of one fact file and its reading problems, never raising.

    An open file without a name is called ``<stdin>``.
    """
    if isinstance(source, (str, os.PathLike)):
        return read(source, VALIDATE)
    name = getattr(source, "name", None)
    return read(source, VALIDATE, name=name if isinstance(name, str) else "<stdin>")


def read_inputs(source: Input | Iterable[Input]) -> Iterator[Parsed | Problem]:
    """Every record of the inputs, in order, with every problem met reading them."""
    for item in inputs(source):
        if isinstance(item, FactSet):
            for index, record in enumerate(item):
                yield Parsed(unstructure(record), None, None, f"/records/{index}", None)
        elif isinstance(item, (str, os.PathLike)):
            for entry in expand(item):
                if isinstance(entry, Problem):
                    yield entry
                else:
                    yield from iter_parsed(entry)
        else:
            yield from iter_parsed(item)


def iter_raw(source: Input | Iterable[Input]) -> Iterator[RawRecord | Problem]:
    """Every raw record of the inputs, in order, with every problem met reading them."""
    for item in read_inputs(source):
        if isinstance(item, Problem):
            yield item
        else:
            value, file, line, pointer, text = item
            yield RawRecord(
                value,
                Location(file=file, line=line, pointer=pointer),
                None if text is None else excerpt_of(text),
            )
