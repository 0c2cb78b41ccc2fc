"""Time the documentation build: the generated references alone, then Sphinx, side by side.

Run ``python benchmarks/docs_build.py`` (needs the ``docs`` extra).  Each Sphinx
build runs in a fresh process, offline, with warnings as errors, exactly as
``.ci/run`` runs it: a fresh build into an empty folder, the same build again
with nothing changed (Sphinx's incremental rebuild), and a fresh build with two
worker processes (``-j 2``).  For each it prints the wall time, the CPU time of
the process and its children, and the ratio to the fresh build; the first rows
time each generated reference page (``docs/_ext/ddfacts_pages.py``) in this
process, its size in bytes, and its share of the fresh build.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _generators() -> list[tuple[str, float, int]]:
    """(page, seconds, bytes) for each generated reference page, in this process."""
    sys.path.insert(0, str(DOCS / "_ext"))
    import ddfacts_pages

    rows = []
    for name, make in ddfacts_pages.PAGES.items():
        start = time.perf_counter()
        text = make()
        rows.append((name, time.perf_counter() - start, len(text.encode("utf-8"))))
    return rows


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(out: Path, *extra: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``sphinx -W`` build into *out*."""
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run([*command, *extra, str(DOCS), str(out)], check=True, cwd=ROOT)
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> None:
    """Print the table."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    print(f"# machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    generated = _generators()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        builds = [
            ("sphinx fresh build", *_build(site)),
            ("sphinx rebuild, nothing changed", *_build(site)),
            ("sphinx fresh build -j 2", *_build(Path(folder) / "site2", "-j", "2")),
        ]
        pages = sum(1 for _ in site.rglob("*.html"))
    fresh = builds[0][1]
    print(f"| {'step':<40} | {'wall s':>7} | {'CPU s':>6} | {'x fresh':>7} | {'bytes':>8} |")
    print(f"|{'-' * 42}|{'-' * 9}|{'-' * 8}|{'-' * 9}|{'-' * 10}|")
    for name, seconds, size in generated:
        step = f"generate reference: {name}"
        print(f"| {step:<40} | {seconds:7.2f} | {'':>6} | {seconds / fresh:7.3f} | {size:8,} |")
    for name, wall, cpu in builds:
        print(f"| {name:<40} | {wall:7.2f} | {cpu:6.2f} | {wall / fresh:7.2f} | {'':>8} |")
    print(f"{pages} HTML pages")


if __name__ == "__main__":
    main()
