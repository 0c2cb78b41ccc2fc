"""Records from JSON values: ddfacts' codec and fast path against cattrs, side by side.

The foundation issue asked whether cattrs would make dict <-> record conversion
smaller and faster.  This measures, on the same JSON values (every record of
the example corpus, repeated), microseconds per record for:

* ``ddfacts codec``: the table-driven codec (:mod:`ddfacts.jsonio._codec`), with
  its JSON-pointer error messages and the attrs validators;
* ``ddfacts fast path``: the compiled shape check plus hand-tuned constructors
  (:mod:`ddfacts.jsonio._fast._load`) that ``ddfacts.load`` uses on big files;
* ``cattrs``: a ``cattrs.Converter`` with the hooks our records need (dates,
  date-times, the tagged claim value, read-only mappings); attrs validators run
  as in the others.  cattrs cannot keep ``x-`` extension members nor name the
  JSON pointer of a bad value in one string, which ddfacts needs.

Run: ``python benchmarks/codec.py`` (extra ``bench``).
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from pathlib import Path
from typing import Any

import cattrs
from dateutil.parser import isoparse

import ddfacts
from ddfacts.jsonio import _codec
from ddfacts.jsonio._fast import _load as _fastload
from ddfacts.records import ClaimValue, Ref

ROOT = Path(__file__).resolve().parent.parent


def _converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(dt.date, lambda v, _t: dt.date.fromisoformat(v))
    conv.register_structure_hook(dt.datetime, lambda v, _t: isoparse(v))

    def instant(v: Any, _t: Any) -> Any:
        if v is None:
            return None
        return isoparse(v) if "T" in v else dt.date.fromisoformat(v)

    def number(v: Any, _t: Any) -> Any:
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise TypeError(f"expected a number, got {v!r}")
        return v

    for union in (dt.date | dt.datetime, dt.date | dt.datetime | None):
        conv.register_structure_hook(union, instant)
    for union in (int | float, int | float | None):
        conv.register_structure_hook(union, number)

    def value(v: dict[str, Any], _t: Any) -> Any:
        ((tag, item),) = v.items()
        if tag == "quantity":
            return conv.structure(item, ddfacts.Quantity)
        if tag == "time":
            return conv.structure(item, ddfacts.TimeSpan)
        if tag == "entity":
            return Ref(id=item)
        return item

    conv.register_structure_hook(ClaimValue, value)
    return conv


def _values() -> list[dict[str, Any]]:
    records = []
    for path in sorted((ROOT / "examples").rglob("*.facts.json")):
        if "broken" in path.parts:
            continue
        records.extend(ddfacts.to_json(record) for record in ddfacts.load(path))
    return [value for value in records if not any(k.startswith("x-") for k in value)]


def _time(label: str, func: Any, values: list[dict[str, Any]], rounds: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(rounds):
        for value in values:
            func(value)
    elapsed = time.perf_counter() - start
    per = elapsed / (rounds * len(values)) * 1e6
    print(f"| {label:<22} | {per:9.1f} |")
    return per


def main() -> None:
    values = _values()
    conv = _converter()
    classes = ddfacts.records.RECORD_CLASSES

    def with_cattrs(value: dict[str, Any]) -> Any:
        body = {k: v for k, v in value.items() if k != "type"}
        return conv.structure(body, classes[value["type"]])

    for value in values:  # the three agree before anything is timed
        expected = _codec.structure(value)
        assert _fastload.structure_fast(value) == expected
        assert with_cattrs(value) == expected, value["id"]
    rounds = max(1, 20_000 // len(values))
    print(f"{len(values)} records of the example corpus, {rounds} rounds\n")
    print("| structure              | us/record |")
    print("|------------------------|-----------|")
    base = _time("ddfacts codec", _codec.structure, values, rounds)
    fast = _time("ddfacts fast path", _fastload.structure_fast, values, rounds)
    catt = _time("cattrs", with_cattrs, values, rounds)
    print(f"\ncattrs / codec = {catt / base:.2f}x; cattrs / fast path = {catt / fast:.2f}x")


if __name__ == "__main__":
    main()
