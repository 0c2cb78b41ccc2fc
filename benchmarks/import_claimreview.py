"""Benchmark ``ddfacts import claimreview`` on a generated DataFeed: streamed against whole-file.

Run ``python benchmarks/import_claimreview.py [--count 100000]``.  It writes a
Data Commons style ``DataFeed`` of COUNT ClaimReviews (fictional, on
``example.org``) to a temporary folder, then, each in a fresh process, and
prints wall time and peak resident memory side by side:

- ``streamed``: ``ddfacts import claimreview FEED -o OUT.jsonl`` (one item in
  memory at a time, records written as they are made);
- ``whole``: the peer way, ``json.load`` of the whole feed then
  :func:`ddfacts.imports.from_claimreview` on the parsed value (every record kept).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
_WHOLE = """
import json, sys
from ddfacts.imports import from_claimreview
with open(sys.argv[1], encoding="utf-8") as handle:
    result = from_claimreview(json.load(handle))
print(len(result.records))
"""
_PEAK = """
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    if sys.argv[0] == "-c":
        code = sys.argv[1]; sys.argv = sys.argv[1:]; exec(code, {"__name__": "__main__"})
    else:
        runpy.run_module(sys.argv[0], run_name="__main__")
except SystemExit:
    pass
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _review(index: int) -> dict[str, object]:
    speaker = f"Speaker {index % 997}"
    return {
        "@type": "DataFeedItem",
        "dateCreated": "2023-03-20",
        "item": [
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"https://checks.example.org/{index // 1000}/check-{index}",
                "claimReviewed": f"Claim number {index}: the harbour moved {index % 50} boats.",
                "datePublished": f"2023-{1 + index % 12:02d}-{1 + index % 28:02d}",
                "author": {
                    "@type": "Organization",
                    "name": f"Checker {index % 20}",
                    "url": f"https://checker{index % 20}.example.org/",
                },
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": 1 + index % 5,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": ["False", "Mostly false", "Half true", "Mostly true", "True"][
                        index % 5
                    ],
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": speaker},
                    "appearance": [
                        {"@type": "CreativeWork", "url": f"https://news.example.com/{index}"}
                    ],
                },
            }
        ],
    }


def write_feed(path: Path, count: int) -> None:
    """A DataFeed of *count* ClaimReviews, written item by item."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            '{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [\n'
        )
        for index in range(count):
            handle.write(("," if index else "") + json.dumps(_review(index)) + "\n")
        handle.write("]}\n")


def _run(argv: list[str]) -> tuple[float, int, int]:
    env = dict(os.environ, PYTHONPATH=str(HERE / "src"))
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *argv], env=env, capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - began
    peak = next(
        (int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")), -1
    )
    return took, peak // 1024, done.returncode


def main() -> None:
    """Generate the feed, run both ways, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.json"
        write_feed(feed, args.count)
        size = feed.stat().st_size / 2**20
        print(f"feed: {args.count:,} ClaimReviews, {size:.1f} MiB")
        out = str(Path(folder) / "out.jsonl")
        streamed = _run(["ddfacts", "import", "claimreview", str(feed), "-o", out])
        whole = _run(["-c", _WHOLE, str(feed)])
        lines = sum(1 for _ in open(out, encoding="utf-8"))  # noqa: SIM115
        print(f"{'way':<10} {'seconds':>8} {'peak MiB':>9} {'exit':>5}")
        for name, (took, peak, code) in (("streamed", streamed), ("whole", whole)):
            print(f"{name:<10} {took:8.1f} {peak:9d} {code:5d}")
        print(f"records written (streamed): {lines:,}")
        print(
            f"ratio whole/streamed: time {whole[0] / streamed[0]:.2f}x, "
            f"memory {whole[1] / max(streamed[1], 1):.2f}x"
        )


if __name__ == "__main__":
    main()
