"""``ddfacts html`` at scale: build time, site size and peak memory, side by side.

    python benchmarks/html_site.py                       # seeds, 10,000 and 100,000 records
    python benchmarks/html_site.py --records 10000       # one generated size only
    python benchmarks/html_site.py --before HEAD         # also build with the code of HEAD
    python benchmarks/html_site.py --db                  # also build from a fact store
    python benchmarks/html_site.py --memory --records 10000 --records 20000
                                                         # the store build's memory by holder

Sets measured: the seed fact files with their texts (``examples/seeds`` and
``../shared/seeds``, skipped when absent) and seeded generated sets
(``_generate.py``) of each ``--records`` size.  The generator writes no
texts, so this script writes one per generated source: filler paragraphs of
the source's ``length`` with each statement's quote at its offsets (a quote
that another overwrites no longer verifies, and the site shows that problem),
and sets the source's ``sha256`` to match.

Each step runs in a fresh process; its peak resident memory is ``ru_maxrss``
from ``os.wait4``.  ``load`` is ``ddfacts.load`` alone, ``build`` is
``ddfacts.load`` + ``ddfacts.html.build``: the difference is what the build
holds beyond the fact set.  Printed per set: records, texts, seconds, peak MB
of both steps, the build's extra MB, the site's files and MB, and the
microseconds per record.  With ``--before REV`` each set is also built by the
package as it was at the git revision REV (extracted with ``git archive``
into a temporary folder and put first on ``PYTHONPATH``), in the same run,
and a last table sets the two side by side.  With ``--db`` each set is also
indexed into a fact store (``ddfacts db build``, its own step) and the site
built from the store (``ddfacts.html.build(FactStore(...))``, which never
loads the set), and a table sets the store build beside the FactSet build
(``load`` + ``build``), with the store build's peak MB per 1,000 records
added between the last two sets.  With ``--memory`` (generated sets only,
no seeds) each set is put in a store and its site built from the store
once as is (peak resident MB and seconds) and, for sets of at most
``--trace-up-to`` records, once more under :mod:`tracemalloc`, with a
snapshot of the biggest holders (by source line) when the last record has
gone into the one pass (validation, check and the site index still hold
what they keep), after the pass, and as each kind of page starts; the
tables give each phase's traced peak and each holder's MB per 1,000
records between the smallest and largest traced set.  SQLite's own memory
is not traced: each set's site is built once more with SQLite probed at the
same phases (through ctypes, where the library is reachable: its heap's
high-water mark and each open connection's page cache, named by its first
tables), and a table gives each scratch database's largest cache by size
(``--no-probe`` leaves that build out, for timings).
Needs Jinja2 (``ddfacts[html]``) and ddfacts.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402 - the benchmark folder is not a package
from _child import run_child  # noqa: E402

#: The seed texts, beside the repository, and the seed fact files.
SEEDS = HERE.parents[0].parent / "shared" / "seeds"
SEED_FACTS = HERE.parent / "examples" / "seeds"

_FILLER = _generate._WORDS


def _filler(rng: random.Random, length: int) -> list[str]:
    """*length* code points of words, with a blank line about every 600."""
    chars: list[str] = []
    since = 0
    while len(chars) < length:
        if since > 600:
            chars.extend("\n\n")
            since = 0
        word = rng.choice(_FILLER) + " "
        chars.extend(word)
        since += len(word)
    return chars[:length]


def _text_for(source: dict[str, Any], statements: list[dict[str, Any]], seed: int) -> str:
    """A text of the source's length with each statement's quote at its offsets."""
    rng = random.Random(f"{seed}:{source['id']}")
    chars = _filler(rng, int(source["length"]))
    for statement in statements:
        anchor = statement["anchor"]
        chars[anchor["start"] : anchor["end"]] = list(anchor["exact"])
    return "".join(chars)


def _blocks(count: int, seed: int) -> Iterator[list[dict[str, Any]]]:
    """The generated records, one article's block (its source first) at a time."""
    block: list[dict[str, Any]] = []
    for record in _generate.records(count, seed=seed):
        if record["type"] == "source" and block:
            yield block
            block = []
        block.append(record)
    if block:
        yield block


def write_generated(count: int, seed: int, facts: Path, texts: Path) -> int:
    """Write *count* generated records to *facts* and their sources' texts into *texts*."""
    texts.mkdir(parents=True, exist_ok=True)
    written = 0
    with facts.open("w", encoding="utf-8") as handle:
        for block in _blocks(count, seed):
            source = block[0]
            if source["type"] == "source":
                statements = [r for r in block if r["type"] == "statement"]
                text = _text_for(source, statements, seed)
                data = text.encode("utf-8")
                source["sha256"] = hashlib.sha256(data).hexdigest()
                name = source["id"].split(":", 1)[1] + ".txt"
                (texts / name).write_bytes(data)
                written += 1
            for record in block:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return written


def _child(step: str, facts: list[str], texts: str, out: str) -> None:
    import ddfacts
    from ddfacts.html import build
    from ddfacts.textstore import TextStore

    start = time.perf_counter()
    if step in ("db", "dbsite"):
        from ddfacts.store import FactStore, build_store

        if step == "db":
            build_store(facts, out + ".sqlite")
        else:
            with FactStore(out + ".sqlite") as store:
                build(store, TextStore(texts), out)
                count = len(store)
        print(
            json.dumps(
                {
                    "seconds": time.perf_counter() - start,
                    "records": count if step == "dbsite" else 0,
                }
            )
        )
        return
    if step == "dbtrace":
        print(json.dumps(_traced(texts, out)))
        return
    if step == "dbsqlite":
        print(json.dumps(_sqlite_probe(texts, out)))
        return
    loaded = [ddfacts.load(path) for path in facts]
    factset = loaded[0] if len(loaded) == 1 else ddfacts.FactSet(itertools.chain(*loaded))
    if step == "build":
        build(factset, TextStore(texts), out)
    print(json.dumps({"seconds": time.perf_counter() - start, "records": len(factset)}))


#: A holder (a source line) below this many bytes is left out of a snapshot.
_SMALL = 8192


def _holder(frame: Any) -> str:
    """A source line as ``package/module.py:line`` (the part after the last ``ddfacts/``)."""
    name = frame.filename.replace(os.sep, "/")
    for mark in ("/ddfacts/", "/lib/python"):
        if mark in name:
            name = name.rsplit(mark, 1)[1]
            break
    return f"{name}:{frame.lineno}"


def _hooked(texts: str, out: str, snap: Any) -> None:
    """Build the site of the store *out*.sqlite, calling ``snap(label)`` at each phase.

    Called when the one pass has had its last record, when the pass is
    done, as each kind of page starts (by template) and at the end.
    """
    from ddfacts.html import _build, build
    from ddfacts.store import FactStore
    from ddfacts.textstore import TextStore

    class Watched:
        """The records, with a snapshot after the last one."""

        def __init__(self, facts: Any) -> None:
            self._facts = facts

        def __iter__(self) -> Iterator[Any]:
            yield from self._facts
            snap("last record in")

    real_gather, real_stream = _build.gather, _build._stream
    kinds: list[str] = []

    def gather(facts: Any, *args: Any) -> Any:
        counts = real_gather(Watched(facts), *args)
        snap("pass done")
        return counts

    def stream(path: Path, template: Any, **context: Any) -> None:
        if not kinds or kinds[-1] != template.name:
            kinds.append(template.name)
            snap(f"{template.name} starts")
        real_stream(path, template, **context)

    _build.gather, _build._stream = gather, stream
    try:
        with FactStore(out + ".sqlite") as store:
            build(store, TextStore(texts), out + "-hooked")
        snap("end")
    finally:
        _build.gather, _build._stream = real_gather, real_stream


def _traced(texts: str, out: str) -> dict[str, Any]:
    """Build the site of the store *out*.sqlite under tracemalloc; a snapshot per phase.

    Each snapshot: the phase's label, the traced MB now, the traced peak MB
    since the previous snapshot, and every holder of at least :data:`_SMALL`
    bytes.  (SQLite's own memory is not traced: see :func:`_sqlite_probe`.)
    """
    import tracemalloc

    snapshots: list[dict[str, Any]] = []

    def snap(label: str) -> None:
        current, peak = tracemalloc.get_traced_memory()
        stats = tracemalloc.take_snapshot().statistics("lineno")
        holders = {_holder(s.traceback[0]): s.size for s in stats if s.size >= _SMALL}
        snapshots.append({"label": label, "mb": current / 2**20, "peak_mb": peak / 2**20,
                          "holders": holders})  # fmt: skip
        tracemalloc.reset_peak()

    tracemalloc.start()
    _hooked(texts, out, snap)
    return {"snapshots": snapshots, "records": 0, "seconds": 0.0}


#: ``sqlite3_status64`` and ``sqlite3_db_status`` operations (sqlite3.h).
_MEMORY_USED, _CACHE_USED = 0, 1


def _sqlite_lib() -> Any:
    """The SQLite library the :mod:`sqlite3` module runs on, through ctypes (or None)."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    except OSError:
        return None


def _connection_caches(lib: Any) -> dict[str, int]:
    """Each open sqlite3 connection's page cache in bytes, named by its first tables.

    The connection's ``sqlite3 *`` is the first field after the object header
    (CPython's ``pysqlite_Connection``); a benchmark may read it, a library may not.
    """
    import ctypes
    import gc
    import sqlite3

    caches: dict[str, int] = {}
    for item in gc.get_objects():
        if type(item) is not sqlite3.Connection:
            continue
        try:
            names = item.execute(
                "SELECT group_concat(name, '+') FROM (SELECT name FROM sqlite_master"
                " WHERE type = 'table' ORDER BY rowid LIMIT 2)"
            ).fetchone()[0]
        except sqlite3.ProgrammingError:  # closed
            continue
        handle = ctypes.c_void_p.from_address(id(item) + object.__basicsize__).value
        current, high = ctypes.c_int(), ctypes.c_int()
        lib.sqlite3_db_status(ctypes.c_void_p(handle), _CACHE_USED, ctypes.byref(current),
                              ctypes.byref(high), 0)  # fmt: skip
        key = str(names or "(no tables)")
        while key in caches:
            key += "'"
        caches[key] = current.value
    return caches


def _sqlite_probe(texts: str, out: str) -> dict[str, Any]:
    """Build the site of the store *out*.sqlite; at each phase SQLite's memory and caches.

    Each snapshot: the phase's label, SQLite's heap now and its high-water
    mark since the last snapshot (MB), the process's peak RSS so far (MB) and
    each open connection's page cache (bytes, by its first tables).
    """
    import ctypes
    import resource

    lib = _sqlite_lib()
    snapshots: list[dict[str, Any]] = []
    start = time.perf_counter()

    def snap(label: str) -> None:
        current, high = ctypes.c_int64(), ctypes.c_int64()
        lib.sqlite3_status64(_MEMORY_USED, ctypes.byref(current), ctypes.byref(high), 1)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        snapshots.append({"label": label, "mb": current.value / 2**20,
                          "peak_mb": high.value / 2**20, "rss_mb": rss,
                          "holders": _connection_caches(lib)})  # fmt: skip

    if lib is not None:
        _hooked(texts, out, snap)
    return {"snapshots": snapshots, "records": 0, "seconds": time.perf_counter() - start}


def _run(
    step: str, facts: list[Path], texts: Path, out: Path, code: Path | None = None
) -> dict[str, Any]:
    """Run *step* in a child; with *code*, the child imports ddfacts from that folder."""
    saved = os.environ.get("PYTHONPATH")
    if code is not None:
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), saved]))
    try:
        return run_child(__file__, step, str(texts), str(out), *map(str, facts))
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def extract(revision: str, into: Path) -> Path:
    """The package as it was at git *revision*, written under *into*; its ``src`` folder."""
    archive = subprocess.run(
        ["git", "archive", revision, "src/ddfacts"],
        cwd=HERE.parent,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _same(one: Path, other: Path) -> bool:
    """Whether two sites hold the same files with the same bytes."""
    names = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file()):
        return False
    return all((one / n).read_bytes() == (other / n).read_bytes() for n in names)


def measure(
    name: str,
    facts: list[Path],
    texts: Path,
    work: Path,
    before: Path | None = None,
    db: bool = False,
) -> dict[str, Any]:
    """Load and build the site of *facts* in fresh processes (also with *before*, and from
    a store with *db*); the figures."""
    site = work / f"site-{name}"
    load = _run("load", facts, texts, site)
    old = _run("build", facts, texts, work / f"old-{name}", before) if before else None
    build = _run("build", facts, texts, site)
    stored = _run("db", facts, texts, work / f"db-{name}") if db else None
    from_db = _run("dbsite", facts, texts, work / f"db-{name}") if db else None
    files, size = _site_size(site)
    text_count = sum(1 for p in texts.rglob("*.txt"))
    return {
        "db_s": stored["seconds"] if stored else None,
        "db_mb": stored["peak_mb"] if stored else None,
        "dbsite_s": from_db["seconds"] if from_db else None,
        "dbsite_mb": from_db["peak_mb"] if from_db else None,
        "same": _same(site, work / f"db-{name}") if db else None,
        "before_s": old["seconds"] if old else None,
        "before_mb": old["peak_mb"] if old else None,
        "set": name,
        "records": build["records"],
        "texts": text_count,
        "load_s": load["seconds"],
        "load_mb": load["peak_mb"],
        "build_s": build["seconds"],
        "build_mb": build["peak_mb"],
        "files": files,
        "site_mb": size / 2**20,
    }


def report(rows: list[dict[str, Any]]) -> None:
    """Print the figures side by side."""
    print(f"python {sys.version.split()[0]}")
    head = ("set", "records", "texts", "load s", "load MB", "build s", "build MB", "extra MB",
            "files", "site MB", "us/rec")  # fmt: skip
    print(f"{head[0]:<10}" + "".join(f"{h:>10}" for h in head[1:]))
    for r in rows:
        per = r["build_s"] / max(r["records"], 1) * 1e6
        print(f"{r['set']:<10}{r['records']:>10,}{r['texts']:>10,}{r['load_s']:>10.2f}"
              f"{r['load_mb']:>10.0f}{r['build_s']:>10.2f}{r['build_mb']:>10.0f}"
              f"{r['build_mb'] - r['load_mb']:>10.0f}{r['files']:>10,}{r['site_mb']:>10.1f}"
              f"{per:>10.0f}")  # fmt: skip
    compared = [r for r in rows if r["before_mb"] is not None]
    if compared:
        print("\nbefore and after, extra MB = build peak - load peak")
        pair = ("set", "records", "before s", "after s", "before MB", "after MB",
                "before +MB", "after +MB")  # fmt: skip
        print(f"{pair[0]:<10}" + "".join(f"{h:>11}" for h in pair[1:]))
        for r in compared:
            print(f"{r['set']:<10}{r['records']:>11,}{r['before_s']:>11.2f}{r['build_s']:>11.2f}"
                  f"{r['before_mb']:>11.0f}{r['build_mb']:>11.0f}"
                  f"{r['before_mb'] - r['load_mb']:>11.0f}"
                  f"{r['build_mb'] - r['load_mb']:>11.0f}")  # fmt: skip
    if any(r["dbsite_mb"] is not None for r in rows):
        _report_db(rows)
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        print(f"\n{b['set']} / {a['set']}: records x{b['records'] / a['records']:.1f}, "
              f"build time x{b['build_s'] / a['build_s']:.1f}, "
              f"site size x{b['site_mb'] / a['site_mb']:.1f}")  # fmt: skip


def _report_db(rows: list[dict[str, Any]]) -> None:
    """The store build beside the FactSet build: seconds, peak MB, same bytes."""
    print("\nFactSet build (load + build) beside the store build (db build, then the site)")
    head = ("set", "records", "set s", "set MB", "db s", "db MB", "store s", "store MB",
            "same")  # fmt: skip
    print(f"{head[0]:<10}" + "".join(f"{h:>10}" for h in head[1:]))
    for r in rows:
        print(f"{r['set']:<10}{r['records']:>10,}{r['build_s']:>10.2f}{r['build_mb']:>10.0f}"
              f"{r['db_s']:>10.2f}{r['db_mb']:>10.0f}{r['dbsite_s']:>10.2f}"
              f"{r['dbsite_mb']:>10.0f}{'yes' if r['same'] else 'NO':>10}")  # fmt: skip
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        per = 1000 / (b["records"] - a["records"])
        print(f"\nper 1,000 records from {a['set']} to {b['set']}: FactSet build "
              f"+{(b['build_mb'] - a['build_mb']) * per:.2f} MB, store build "
              f"+{(b['dbsite_mb'] - a['dbsite_mb']) * per:.2f} MB")  # fmt: skip


def memory(
    sizes: list[int], seed: int, work: Path, trace_up_to: int, probe: bool = True
) -> list[dict[str, Any]]:
    """Each generated size put in a store; its site built as is, and under tracemalloc
    up to *trace_up_to* records (tracing is slow), and with SQLite probed (*probe*)."""
    rows = []
    for size in sizes:
        facts, texts = work / f"gen-{size}.jsonl", work / f"texts-{size}"
        write_generated(size, seed, facts, texts)
        out = work / f"mem-{size}"
        stored = _run("db", [facts], texts, out)
        plain = _run("dbsite", [facts], texts, out)
        traced = _run("dbtrace", [facts], texts, out) if size <= trace_up_to else None
        probed = _run("dbsqlite", [facts], texts, out) if probe else {"snapshots": []}
        rows.append({"size": size, "records": plain["records"], "db_s": stored["seconds"],
                     "site_s": plain["seconds"], "site_mb": plain["peak_mb"],
                     "snapshots": traced["snapshots"] if traced else None,
                     "sqlite": probed["snapshots"]})  # fmt: skip
    return rows


def report_sqlite(rows: list[dict[str, Any]]) -> None:
    """SQLite's memory by size: its heap's high-water mark, each connection's largest cache."""
    if not all(r["sqlite"] for r in rows):
        print("\n(SQLite's memory not probed: the library is not reachable through ctypes)")
        return
    print("\nSQLite in the store build: heap high-water MB, then each connection's largest"
          " page cache (MB, over the phases), by its first tables")  # fmt: skip
    print(f"{'':<34}" + "".join(f"{r['records']:>10,}" for r in rows))
    highs = [max(s["peak_mb"] for s in r["sqlite"]) for r in rows]
    print(f"{'SQLite heap high-water':<34}" + "".join(f"{h:>10.2f}" for h in highs))
    names = sorted({k for r in rows for s in r["sqlite"] for k in s["holders"]})
    for name in names:
        largest = [max((s["holders"].get(name, 0) for s in r["sqlite"]), default=0) for r in rows]
        print(f"{name[:34]:<34}" + "".join(f"{b / 2**20:>10.2f}" for b in largest))


def report_memory(rows: list[dict[str, Any]]) -> None:
    """Peak MB and seconds by size; traced MB by phase; the holders that grow, per 1,000."""
    print(f"python {sys.version.split()[0]}; site built from a fact store")
    print(f"{'records':>10}{'db s':>8}{'site s':>8}{'peak MB':>9}  traced MB now/peak by phase")
    for r in rows:
        phases = "  ".join(
            f"{s['label']} {s['mb']:.1f}/{s['peak_mb']:.1f}" for s in r["snapshots"] or ()
        )
        print(f"{r['records']:>10,}{r['db_s']:>8.1f}{r['site_s']:>8.1f}{r['site_mb']:>9.0f}  "
              f"{phases}")  # fmt: skip
    if any(r["sqlite"] for r in rows):
        report_sqlite(rows)
    if len(rows) < 2:
        return
    for a, b in itertools.pairwise(rows):
        per = 1000 / (b["records"] - a["records"])
        print(f"peak from {a['records']:,} to {b['records']:,}: "
              f"+{(b['site_mb'] - a['site_mb']) * per:.3f} MB per 1,000 records")  # fmt: skip
    traced = [r for r in rows if r["snapshots"]]
    if len(traced) < 2:
        return
    first, last = traced[0], traced[-1]
    per = 1000 / (last["records"] - first["records"])
    labels = [s["label"] for s in first["snapshots"]]
    print(f"\nholders growing by >= 0.005 MB per 1,000 records from {first['records']:,} to "
          f"{last['records']:,}, by phase (MB at each size; MB per 1,000)")  # fmt: skip
    for index, label in enumerate(labels):
        small = first["snapshots"][index]["holders"]
        large = last["snapshots"][index]["holders"]
        growth = {k: (large.get(k, 0) - small.get(k, 0)) / 2**20 * per for k in large}
        grown = sorted((k for k, v in growth.items() if v >= 0.005), key=lambda k: -growth[k])
        total = sum(growth[k] for k in grown)
        print(f"  {label}: {total:.3f} MB per 1,000 in {len(grown)} holders")
        for key in grown[:12]:
            sizes = " ".join(
                f"{r['snapshots'][index]['holders'].get(key, 0) / 2**20:7.2f}" for r in traced
            )
            print(f"    {key:<52}{sizes}  {growth[key]:.3f}")


def main() -> None:
    """Measure the seeds (when present) and each generated size."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[5:], sys.argv[3], sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, action="append", help="generated set sizes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--before", metavar="REV", help="also build with the code of git REV")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seed texts")
    parser.add_argument("--db", action="store_true", help="also build from a fact store")
    parser.add_argument(
        "--memory", action="store_true", help="store builds only: memory by phase and holder"
    )
    parser.add_argument(
        "--trace-up-to", type=int, default=20_000, metavar="N",
        help="with --memory: trace the sets of at most N records (default 20000)",
    )  # fmt: skip
    parser.add_argument(
        "--no-probe", action="store_true",
        help="with --memory: do not build once more to probe SQLite's memory",
    )  # fmt: skip
    args = parser.parse_args()
    sizes = args.records or [10_000, 100_000]
    if args.memory:
        with tempfile.TemporaryDirectory(prefix="ddfacts-html-bench-") as tmp:
            found = memory(sizes, args.seed, Path(tmp), args.trace_up_to, not args.no_probe)
            report_memory(found)
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="ddfacts-html-bench-") as tmp:
        work = Path(tmp)
        before = extract(args.before, work / "before") if args.before else None
        if args.no_seeds:
            pass
        elif SEEDS.is_dir():
            seed_facts = sorted(SEED_FACTS.glob("*.facts.json"))
            rows.append(measure("seeds", seed_facts, SEEDS, work, before, args.db))
        else:
            sys.stderr.write(f"the seed texts are not here ({SEEDS}); seeds skipped\n")
        for size in sizes:
            facts, texts = work / f"gen-{size}.jsonl", work / f"texts-{size}"
            write_generated(size, args.seed, facts, texts)
            rows.append(measure(f"gen-{size // 1000}k", [facts], texts, work, before, args.db))
    report(rows)


if __name__ == "__main__":
    main()
