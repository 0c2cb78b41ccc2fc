"""``ddfacts summary``: load fact files and say what they hold."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from ._base import EXIT_OK, arguments, load_all, register


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text")


@register("summary", "Load fact files and count what they hold.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    facts = load_all(args.paths)
    counts = Counter(record.type for record in facts)
    if args.format == "json":
        json.dump({"records": len(facts), "by_type": dict(sorted(counts.items()))}, sys.stdout)
        sys.stdout.write("\n")
        return EXIT_OK
    sys.stdout.write(f"{len(facts)} records\n")
    for name in ("source", "statement", "actor", "event", "claim", "review"):
        if counts[name]:
            sys.stdout.write(f"  {name:<10} {counts[name]}\n")
    return EXIT_OK
