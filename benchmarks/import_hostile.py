"""Benchmark cite and import on hostile inputs: a quote whose first words repeat, many annotations.

Run ``python benchmarks/import_hostile.py`` to time this checkout; add
``--base DIR`` (a checkout of another version, e.g. the one before issue 14)
to time it too, side by side.  Each case runs the CLI in a fresh process
(``python -m ddfacts``, ``PYTHONPATH`` set to the checkout's ``src``) with a
time limit (``--timeout``, default 120 s), and prints exit code and wall time.

Cases: ``cite --texts`` of a 250-character quote whose first 40 words are
the word the text repeats (texts of 23 KB and 69 KB), and ``import
webannotation`` of 1,000, 10,000 and 100,000 annotations (``--max-annotations``
to stop earlier) on a 688 KB text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
QUOTE = "word " * 40 + "and then the rest of a long quote ends here"
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def cite_case(folder: Path, repeats: int) -> list[str]:
    """Files for ``cite`` of QUOTE after *repeats* repetitions of its first word; the argv."""
    text = "word " * repeats + QUOTE + " tail."
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    name = f"cite{repeats}"
    (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    start = text.index(QUOTE)
    records = [
        {
            "type": "source",
            "id": f"source:{name}",
            "url": "https://example.org/a",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "length": len(text),
        },
        {
            "type": "statement",
            "id": "statement:q",
            "source": f"source:{name}",
            "anchor": {"start": start, "end": start + len(QUOTE), "exact": QUOTE},
        },
    ]
    facts = folder / f"{name}.json"
    facts.write_text(json.dumps({"ddfacts": "1.0", "records": records}), encoding="utf-8")
    return ["cite", str(facts), "statement:q", "--texts", str(texts)]


def import_case(folder: Path, count: int) -> list[str]:
    """*count* annotations on a 688 KB text (made once); the argv of their import."""
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    big = texts / "big.txt"
    if not big.exists():
        rng = random.Random(1)
        lines: list[str] = []
        size = 0
        while size < 688_000:
            line = " ".join(rng.choice(WORDS) for _ in range(12)) + f" sentence {len(lines)}.\n"
            lines.append(line)
            size += len(line)
        big.write_text("".join(lines), encoding="utf-8")
    text = big.read_text(encoding="utf-8")
    rng = random.Random(count)
    annotations = []
    for number in range(count):
        start = rng.randrange(0, len(text) - 40)
        selectors = [
            {"type": "TextPositionSelector", "start": start, "end": start + 30},
            {"type": "TextQuoteSelector", "exact": text[start : start + 30]},
        ]
        annotations.append(
            {
                "id": f"urn:ddfacts:statement:s{number}",
                "target": {"source": "urn:ddfacts:source:big", "selector": selectors},
            }
        )
    path = folder / f"ann{count}.json"
    path.write_text(json.dumps(annotations), encoding="utf-8")
    out = folder / f"out{count}.json"
    return ["import", "webannotation", str(path), "--texts", str(texts), "-o", str(out)]


def run(checkout: Path, argv: list[str], timeout: float) -> str:
    """Exit code and wall time of ``ddfacts argv`` with *checkout*'s code."""
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ddfacts", *argv],
            env=env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"timeout > {timeout:.0f} s"
    return f"exit {done.returncode}, {time.perf_counter() - start:6.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, help="another checkout to time beside this one")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--max-annotations", type=int, default=100_000)
    args = parser.parse_args()
    checkouts = [("this", HERE)] + ([("base", args.base)] if args.base else [])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = [
            (f"cite, {n * 5 // 1000} KB of repeated words", cite_case(folder, n))
            for n in (4_600, 13_800)
        ]
        for count in (1_000, 10_000, 100_000):
            if count <= args.max_annotations:
                rows.append((f"import, {count:,} annotations", import_case(folder, count)))
        print(f"{'case':34}" + "".join(f"{name:>24}" for name, _ in checkouts))
        for label, argv in rows:
            cells = [run(path, argv, args.timeout) for _, path in checkouts]
            print(f"{label:34}" + "".join(f"{cell:>24}" for cell in cells), flush=True)


if __name__ == "__main__":
    main()
