"""Validate and load a big generated fact file with ddfacts and its peers, side by side.

    python benchmarks/validate.py                      # 100,000 records
    python benchmarks/validate.py --records 1000000

One run writes a seeded JSON Lines file (1% invalid records of varied kinds,
see ``_generate.py``) and a clean twin of it (the same records, none broken,
for the loaders, which stop at the first bad record), then runs each peer in
a fresh process and prints, per peer: seconds of work (reading and parsing
included; imports and interpreter start-up not), records per second, the
ratio to the floor (``json.loads`` per line), the whole process's wall time,
and its peak resident memory (``ru_maxrss`` of that child, from ``os.wait4``).

Peers: ``json.loads`` (the floor); jsonschema ``Draft202012Validator.iter_errors``
on the project's own schemas (the reference; past ``--slow-limit`` records it
runs on the first ones and is scaled up); fastjsonschema (first error only);
jsonschema-rs (compiled Rust, every error) on the same schemas; msgspec typed
Structs with constraints, decoding straight from bytes (``_msgspec_models.py``);
pydantic v2 strict models equivalent to the schemas (``_pydantic_models.py``),
with the garbage collector on and off; ``ddfacts validate`` (shape, references,
meaning); the compiled shape check alone; ``ddfacts.load`` into a FactSet;
``ddfacts check`` (contradictions, support, roles), which streams JSON Lines.
Needs the ``bench`` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stdout, suppress
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402 - the benchmark folder is not a package

#: Peers: name -> (label, which file: "mixed" or "clean").
PEERS: dict[str, tuple[str, str]] = {
    "json": ("json.loads per line (floor)", "mixed"),
    "jsonschema": ("jsonschema iter_errors (all errors)", "mixed"),
    "fastjsonschema": ("fastjsonschema (first error)", "mixed"),
    "jsonschema-rs": ("jsonschema-rs iter_errors (compiled)", "mixed"),
    "fastshape": ("ddfacts compiled shape check", "mixed"),
    "validate": ("ddfacts validate (shape+refs+meaning)", "mixed"),
    "validate-jobs2": ("ddfacts validate --jobs 2", "mixed"),
    "json-clean": ("json.loads per line, clean file", "clean"),
    "pydantic": ("pydantic v2 strict, gc on", "clean"),
    "pydantic-nogc": ("pydantic v2 strict, gc off", "clean"),
    "msgspec": ("msgspec typed Structs + constraints", "clean"),
    "load": ("ddfacts.load into a FactSet", "clean"),
    "check": ("ddfacts check, JSON Lines streamed", "clean"),
}


def _each_line(path: str, limit: int | None, work: Callable[[bytes], Any]) -> int:
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            if limit is not None and count == limit:
                break
            work(line)
            count += 1
    return count


def _parse_or_none(line: bytes) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


Runner = Callable[[str, "int | None"], int]


def _peer_json() -> Runner:
    return lambda path, limit: _each_line(path, limit, _parse_or_none)


def _peer_jsonschema() -> Runner:
    from ddfacts.schemas import validator

    check = validator("record")
    errors = 0

    def work(line: bytes) -> None:
        nonlocal errors
        errors += sum(1 for _ in check.iter_errors(_parse_or_none(line)))

    return lambda path, limit: _each_line(path, limit, work)


def _peer_fastjsonschema() -> Runner:
    import fastjsonschema

    from ddfacts.schemas import SCHEMA_FILES, schema

    store = {schema(name)["$id"]: schema(name) for name in SCHEMA_FILES}
    check = fastjsonschema.compile(
        schema("record"), handlers={"https": store.__getitem__}, use_formats=False
    )
    failed = fastjsonschema.JsonSchemaException

    def work(line: bytes) -> None:
        with suppress(failed):
            check(_parse_or_none(line))

    return lambda path, limit: _each_line(path, limit, work)


def _peer_jsonschema_rs() -> Runner:
    import jsonschema_rs

    from ddfacts.schemas import SCHEMA_FILES, schema

    store = {schema(name)["$id"]: schema(name) for name in SCHEMA_FILES}
    check = jsonschema_rs.validator_for(schema("record"), retriever=store.__getitem__)
    errors = 0

    def work(line: bytes) -> None:
        nonlocal errors
        errors += sum(1 for _ in check.iter_errors(_parse_or_none(line)))

    return lambda path, limit: _each_line(path, limit, work)


def _peer_msgspec() -> Runner:
    import msgspec
    from _msgspec_models import Record

    decode = msgspec.json.Decoder(Record).decode
    records: list[Any] = []

    def work(line: bytes) -> None:
        with suppress(msgspec.ValidationError, msgspec.DecodeError):
            records.append(decode(line))

    return lambda path, limit: _each_line(path, limit, work)


def _peer_fastshape() -> Runner:
    from ddfacts.jsonio._fast._shape import is_valid_record

    is_valid_record({"type": "claim"})  # compile before the clock starts

    def work(line: bytes) -> None:
        is_valid_record(_parse_or_none(line))

    return lambda path, limit: _each_line(path, limit, work)


def _peer_pydantic(collector: bool) -> Runner:
    from _pydantic_models import RECORD
    from pydantic import ValidationError

    records: list[Any] = []
    validate = RECORD.validate_python

    def work(line: bytes) -> None:
        with suppress(ValidationError):
            records.append(validate(json.loads(line)))

    def run(path: str, limit: int | None) -> int:
        if not collector:
            gc.disable()
        return _each_line(path, limit, work)

    return run


def _peer_cli(*extra: str, command: str = "validate") -> Runner:
    from ddfacts.cli import build_parser, main

    build_parser()

    def run(path: str, limit: int | None) -> int:
        with redirect_stdout(io.StringIO()):
            main([command, path, "--format", "json", *extra])
        return limit or _count(path)

    return run


def _peer_load() -> Runner:
    import ddfacts

    return lambda path, limit: len(ddfacts.load(path))


def _count(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


_RUNNERS: dict[str, Callable[[], Runner]] = {
    "json": _peer_json,
    "json-clean": _peer_json,
    "jsonschema": _peer_jsonschema,
    "fastjsonschema": _peer_fastjsonschema,
    "fastshape": _peer_fastshape,
    "jsonschema-rs": _peer_jsonschema_rs,
    "msgspec": _peer_msgspec,
    "pydantic": lambda: _peer_pydantic(True),
    "pydantic-nogc": lambda: _peer_pydantic(False),
    "validate": _peer_cli,
    "validate-jobs2": lambda: _peer_cli("--jobs", "2"),
    "load": _peer_load,
    "check": lambda: _peer_cli(command="check"),
}


def _child(peer: str, path: str, limit: int | None) -> None:
    """Run one peer in this (fresh) process and print its figures as JSON."""
    run = _RUNNERS[peer]()  # imports and set-up happen before the clock starts
    start = time.perf_counter()
    count = run(path, limit)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "records": count}))


def _measure(peer: str, path: Path, limit: int | None) -> dict[str, float]:
    argv = [sys.executable, __file__, "--peer", peer, str(path)]
    if limit is not None:
        argv += ["--limit", str(limit)]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE)
    assert process.stdout is not None
    out = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"peer {peer} failed with exit code {process.returncode}")
    figures = json.loads(out)
    figures["wall"] = wall
    figures["rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return figures


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def main() -> None:
    """Generate the files, run every peer, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slow-limit", type=int, default=100_000, help="records for jsonschema")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated peer names")
    parser.add_argument("--repeat", type=int, default=1, help="runs per peer (the best is kept)")
    parser.add_argument("--folder", type=Path, default=None, help="keep the files here")
    parser.add_argument("--peer", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("file", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        _child(args.peer, args.file, args.limit)
        return
    with tempfile.TemporaryDirectory(prefix="ddfacts-bench-") as temporary:
        folder = args.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        files = {
            "mixed": folder / f"mixed-{args.records}.jsonl",
            "clean": folder / f"clean-{args.records}.jsonl",
        }
        for kind, path in files.items():
            if not path.exists():
                _generate.write(
                    path, args.records, seed=args.seed, invalid=0.01 if kind == "mixed" else 0.0
                )
        size = files["mixed"].stat().st_size
        print(f"# {args.records:,} records, {size / args.records:.0f} bytes a record on average")
        print(f"# machine: {_machine()}")
        _report(args, files)


def _report(args: argparse.Namespace, files: dict[str, Path]) -> None:
    results: dict[str, dict[str, float]] = {}
    for peer in args.peers.split(","):
        _label, which = PEERS[peer]
        limit = args.slow_limit if peer == "jsonschema" and args.records > args.slow_limit else None
        runs = [_measure(peer, files[which], limit) for _ in range(args.repeat)]
        best = min(runs, key=lambda run: run["seconds"])
        if limit is not None:
            best["seconds"] *= args.records / best["records"]
            best["scaled"] = 1.0
        results[peer] = best
    floors = {"mixed": results.get("json"), "clean": results.get("json-clean")}
    header = f"| {'peer':<40} | {'seconds':>8} | {'records/s':>10} | {'x floor':>7} |"
    header += f" {'process s':>9} | {'peak RSS MB':>11} |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for peer, figures in results.items():
        label, which = PEERS[peer]
        if figures.get("scaled"):
            label += f" (first {args.slow_limit:,}, scaled)"
        floor = floors[which]
        ratio = f"{figures['seconds'] / floor['seconds']:.2f}" if floor else "-"
        rate = args.records / figures["seconds"]
        print(
            f"| {label:<40} | {figures['seconds']:>8.2f} | {rate:>10,.0f} | {ratio:>7} |"
            f" {figures['wall']:>9.2f} | {figures['rss_mb']:>11.0f} |"
        )


if __name__ == "__main__":
    main()
