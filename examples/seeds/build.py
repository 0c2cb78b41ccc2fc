"""Build the seed fact files from the three seed texts in ``../shared/seeds``.

Run from anywhere: ``python examples/seeds/build.py [OUT_FOLDER] [--texts SEEDS]``
(defaults: this folder, and ``../shared/seeds`` beside the repository).  The
texts are read, never copied: the fact files cite them by short quotes,
offsets and sha256.  The output is canonical and deterministic, so the
committed files equal what this script writes.

Files written:

- ``actors.facts.json``: actors named in more than one document;
- ``rabble-kalinin.facts.json``: seed 000, the rabble.ca post on Kirill Kalinin;
- ``globalnews-summons.facts.json``: seed 001, Global News on the summonses;
- ``shakirov-digital-diplomacy-2016.facts.json``: seed 002, Oleg Shakirov's review.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

import _globalnews  # noqa: E402
import _rabble  # noqa: E402
import _shakirov  # noqa: E402
import _shared  # noqa: E402
from _seeding import Document, Shared  # noqa: E402

import ddfacts  # noqa: E402
from ddfacts import Record, ResolvedAgainst  # noqa: E402

#: Where the seed texts are, by default: ../shared/seeds beside the repository.
SEEDS = HERE.parents[2] / "shared" / "seeds"


def _document(
    module: object,
    texts: Path,
    reference: dt.date,
    basis: str,
    within: str | None = None,
) -> Document:
    """A document whose relative times resolve against *reference* (or the span *within*)."""
    source_id: str = getattr(module, "SOURCE")  # noqa: B009 - modules, not classes
    return Document(
        source_id=source_id,
        path=texts / getattr(module, "FILE"),  # noqa: B009
        relative_to=ResolvedAgainst(date=reference, basis=f"{source_id} published, {basis}"),
        within=ddfacts.parse_time(within) if within is not None else None,
    )


def build(texts: Path) -> dict[str, list[Record] | tuple[Record, ...]]:
    """Declare the annotation; return the records by output file name."""
    # Rabble and Global News are known to be published within a span: their relative
    # times cover every day of it ("last week" is any week that could be the last one).
    rabble = _document(
        _rabble,
        texts,
        dt.date(2018, 2, 1),
        "2018-02 (from its URL)",
        within="2018-02",
    )
    globalnews = _document(
        _globalnews,
        texts,
        dt.date(2022, 12, 9),
        "between 2022-12-09 and 2022-12-31 (after the Dec. 9 press release it cites)",
        within="2022-12-09/2022-12-31",
    )
    shakirov = _document(
        _shakirov,
        texts,
        dt.date(2017, 2, 1),
        "between 2017-02 and 2017-12 (it cites February 2017 and calls 2016 'last year')",
    )  # Not within that span: its bare months ("In October") are 2016's, as a review of 2016.
    shared = Shared()
    _shared.declare(shared, rabble, globalnews, shakirov)
    _rabble.annotate(rabble)
    _globalnews.annotate(globalnews)
    _shakirov.annotate(shakirov)
    return {
        "actors.facts.json": shared.records,
        "rabble-kalinin.facts.json": rabble.records(),
        "globalnews-summons.facts.json": globalnews.records(),
        "shakirov-digital-diplomacy-2016.facts.json": shakirov.records(),
    }


def main(argv: list[str]) -> int:
    """Write the seed fact files into the folder given (default: this folder)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=HERE)
    parser.add_argument("--texts", type=Path, default=SEEDS)
    args = parser.parse_args(argv)
    if not args.texts.is_dir():
        sys.stderr.write(f"build.py: the seed texts are not at {args.texts}\n")
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, records in build(args.texts).items():
        ddfacts.dump(records, args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
