"""Records as a folder of CSV tables, one per record type, flattened, with ids for joins.

``sources.csv``, ``statements.csv``, ``actors.csv``, ``events.csv``,
``claims.csv`` and ``reviews.csv`` hold one row per record, sorted by id,
with the record's JSON members flattened: nested objects become dotted
columns (``anchor.start``, ``value.quantity.amount``).  A list member becomes
a table of its own, ``<table>__<member>.csv`` (``claims__evidence.csv``,
``events__participants.csv``), with the owner's id in column ``id``, the
position in column ``index`` (from 0), and the item in ``value`` or, for
objects, in flattened columns.  Lists inside those items are written as JSON
text.  Every table has a header; an empty cell is a missing value; text is
UTF-8 without byte-order mark, comma-separated, rows ended by ``\\n``, so
pandas (``read_csv``) and DuckDB (``read_csv_auto``) load them as they are.

Text is protected against formula injection, so that a spreadsheet never
runs a cell: a text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return (``=HYPERLINK(…)``, ``@VeloriaInOstr``), or with ``'``, is
written with a ``'`` in front (OWASP's advice).  To get the original value
back, drop the first character of every text cell that starts with ``'``
(:func:`ddfacts._escape.csv_original`; in pandas,
``df[col].str.replace(r"^'", "", regex=True)``).  Numbers, ``true`` and
``false`` are written bare: ``-5`` stays a number.  Lone surrogates, which
UTF-8 cannot hold, are written as U+FFFD.

A folder is written all or nothing: every table goes to a new folder beside
it, which then takes the folder's place, so a failed export leaves the
previous one as it was.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._escape import csv_cell
from ..factset import FactSet
from ..jsonio._files import to_json
from ..records import Record
from ._common import sorted_by_id
from ._swap import replace_folder

__all__ = ["TABLES", "csv_tables", "write_csv"]

#: The record types in table order, with their table names.
TABLES = {
    "source": "sources",
    "statement": "statements",
    "actor": "actors",
    "event": "events",
    "claim": "claims",
    "review": "reviews",
}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return csv_cell(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, str):
        return csv_cell(value)
    return value


def _flatten(value: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict) and item:
            yield from _flatten(item, f"{name}.")
        else:
            yield name, item


class _Table:
    """Rows with a growing set of columns, kept in the records' member order."""

    def __init__(self, lead: Iterable[str]) -> None:
        self.columns: list[str] = list(lead)
        self.rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        # A new column goes right after the columns before it in this row, so
        # columns keep the record's member order whichever record shows them first.
        after = -1
        for name in row:
            if name not in self.columns:
                self.columns.insert(after + 1, name)
            after = max(after, self.columns.index(name))
        self.rows.append(row)

    def render(self) -> str:
        lines = [_csv_line([csv_cell(name) for name in self.columns])]
        for row in self.rows:
            lines.append(_csv_line([_cell(row.get(name)) for name in self.columns]))
        return "".join(lines)


def _csv_line(cells: list[Any]) -> str:
    """One CSV row ended by ``\\n``; a cell holding CR or LF is quoted.

    The csv module quotes only the characters of its line terminator, so the
    row is written with ``\\r\\n`` (a lone CR in a cell is quoted too, and
    cannot end the row for a reader) and the terminator then shortened.
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"


def _add_record(record: Record, table: str, tables: dict[str, _Table]) -> None:
    main = tables.setdefault(table, _Table(("id", "type")))
    row: dict[str, Any] = {}
    for name, value in _flatten(to_json(record)):
        if isinstance(value, list):
            child = tables.setdefault(f"{table}__{name}", _Table(("id", "index")))
            for index, item in enumerate(value):
                entry: dict[str, Any] = {"id": record.id, "index": index}
                if isinstance(item, dict):
                    entry.update(_flatten(item))
                else:
                    entry["value"] = item
                child.add(entry)
        else:
            row[name] = value
    main.add(row)


def csv_tables(facts: FactSet) -> dict[str, str]:
    """The CSV text of every table, by file name (``claims.csv``…), in a fixed order.

    Every record type gets its table, with a header, even when it has no rows.
    """
    tables: dict[str, _Table] = {}
    for kind, table in TABLES.items():
        tables[table] = _Table(("id", "type"))
        for record in sorted_by_id(facts.by_type(kind)):  # type: ignore[type-var]
            _add_record(record, table, tables)
    return {f"{name}.csv": tables[name].render() for name in sorted(tables)}


def write_csv(facts: FactSet, folder: str | Path) -> list[Path]:
    """Write the CSV tables of *facts* into *folder* (made if missing); return the paths.

    All or nothing: the tables are written into a new folder beside *folder*,
    which then takes its place (:func:`~ddfacts.export._swap.replace_folder`).
    Files of an earlier export that this one does not write, and any other
    file in *folder*, are kept.  If anything fails, *folder* is left as it was.

    Raises:
        OSError: *folder* is not a folder, or cannot be written.
    """
    tables = csv_tables(facts)
    target = replace_folder(Path(folder), tables)
    return [target / name for name in tables]
