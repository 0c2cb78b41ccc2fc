"""A seeded generator of realistic fact files in JSON Lines, for benchmarks and scale tests.

Records come in blocks, one block per invented article: its Source, the
Statements anchored in it, the Actors it names (a person with roles and
identifiers, an organization, an account it operates), an Event with
participants, Claims with quantities, times, attributions, evidence and
provenance, and now and then a Review.  A share of the records (1% by
default) is broken, each in one of several ways that ``ddfacts validate``
reports at different levels: shape, references, meaning, JSON syntax and
duplicate ids.

Run ``python benchmarks/_generate.py OUT.jsonl --records 100000`` to write a file.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["BREAKERS", "generate", "records", "write"]

_VOCABULARY = (
    "embassy ministry ambassador summoned statement account followers press secretary "
    "foreign affairs diplomatic mission official spokesperson interview government "
    "reported said tweeted published channel subscribers capital minister office "
    "council delegation agency correspondent bureau policy relations dispute"
)
_WORDS = tuple(_VOCABULARY.split())
_PLATFORMS = ("twitter", "facebook", "telegram", "vk", "youtube")
_EVENT_TYPES = ("summons", "statement", "interview", "account_launch", "post", "meeting")
#: Claim properties from the shipped vocabulary: (quantity, unit), entity, time.
_COUNTS = (("followers", "follower"), ("tweets", "tweet"), ("subscribers", "subscriber"))
_ENTITIES = ("employer", "affiliation")
_TIMES = ("joined", "born")
_MODES = ("states", "quotes", "paraphrases", "reports", "disputes")
_QUALIFIERS = ("exact", "approximately", "more_than", "at_least", "less_than", "at_most")

Record = dict[str, Any]


def _slug(rng: random.Random, n: int) -> str:
    return "-".join(rng.choice(_WORDS) for _ in range(n))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:] + "."


def _day(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2010, 2023), rng.randint(1, 12), rng.randint(1, 28)


def _time(rng: random.Random) -> dict[str, Any]:
    year, month, day = _day(rng)
    if rng.random() < 0.5:
        return {
            "earliest": f"{year}-{month:02d}-{day:02d}",
            "latest": f"{year}-{month:02d}-{day:02d}",
            "precision": "day",
            "edtf": f"{year}-{month:02d}-{day:02d}",
            "expression": f"{day} {month} {year}",
        }
    last = calendar.monthrange(year, month)[1]
    return {
        "earliest": f"{year}-{month:02d}-01",
        "latest": f"{year}-{month:02d}-{last}",
        "precision": "month",
        "edtf": f"{year}-{month:02d}",
        "approximate": rng.random() < 0.2,
        "expression": f"month {month} of {year}",
    }


def _quantity(rng: random.Random, unit: str) -> dict[str, Any]:
    amount = rng.randint(100, 200_000)
    qualifier = rng.choice(_QUALIFIERS)
    out: dict[str, Any] = {"amount": amount}
    if qualifier == "exact":
        out.update(lower=amount, upper=amount)
    elif qualifier in ("more_than", "at_least"):
        out.update(lower=amount)
    elif qualifier in ("less_than", "at_most"):
        out.update(upper=amount)
    else:
        out.update(lower=amount - amount // 10, upper=amount + amount // 10)
    out.update(qualifier=qualifier, unit=unit, expression=f"{qualifier} {amount}")
    return out


def _provenance(rng: random.Random) -> dict[str, Any]:
    year, month, day = _day(rng)
    out: dict[str, Any] = {
        "agent": "annotator-" + str(rng.randint(1, 40)),
        "tool": "ddfacts",
        "tool_version": "0.1.0",
        "recorded": f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:15:00Z",
    }
    if rng.random() < 0.3:
        out["method"] = "rule"
        out["confidence"] = round(rng.random(), 2)
    return out


class _Block:
    """One article's records, with ids numbered by the block."""

    def __init__(self, rng: random.Random, number: int) -> None:
        self.rng = rng
        self.n = number
        self.source = f"source:article-{number}"
        self.person = f"actor:person-{number}"
        self.org = f"actor:ministry-{number}"
        self.account = f"actor:account-{number}"
        self.statements = [f"statement:article-{number}/{i}" for i in range(6)]
        self.claims = [f"claim:article-{number}/{i}" for i in range(5)]

    def records(self) -> Iterator[Record]:
        rng = self.rng
        text_length = rng.randint(2000, 12000)
        yield {
            "type": "source",
            "id": self.source,
            "title": _sentence(rng, 5, 10),
            "authors": [self.person],
            "publisher": self.org,
            "url": f"https://news.example.org/{self.n}/{_slug(rng, 3)}",
            "published": _time(rng),
            "language": "en",
            "kind": "news_article",
            "sha256": hashlib.sha256(str(self.n).encode()).hexdigest(),
            "length": text_length,
            "provenance": _provenance(rng),
        }
        for statement in self.statements:
            exact = _sentence(rng, 4, 12)
            start = rng.randint(0, text_length - 200)
            yield {
                "type": "statement",
                "id": statement,
                "source": self.source,
                "anchor": {
                    "start": start,
                    "end": start + len(exact),
                    "exact": exact,
                    "prefix": _sentence(rng, 2, 4)[:32],
                    "suffix": _sentence(rng, 2, 4)[:32],
                },
                "note": _sentence(rng, 4, 10),
                "provenance": _provenance(rng),
            }
        yield from self._actors()
        yield {
            "type": "event",
            "id": f"event:summons-{self.n}",
            "event_type": rng.choice(_EVENT_TYPES),
            "time": _time(rng),
            "place": "Capital " + str(self.n % 50),
            "participants": [
                {"actor": self.org, "role": "agent"},
                {"actor": self.person, "role": "target"},
            ],
            "about": [self.source],
            "description": _sentence(rng, 6, 12),
            "evidence": rng.sample(self.statements, 2),
            "provenance": _provenance(rng),
        }
        yield from self._claims()
        if rng.random() < 0.3:
            yield {
                "type": "review",
                "id": f"review:article-{self.n}",
                "claim": self.claims[0],
                "rating": {"value": rng.randint(1, 5), "best": 5, "worst": 1, "label": "Mixed"},
                "reviewer": self.org,
                "published": f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "explanation": _sentence(rng, 8, 16),
                "evidence": [self.statements[0]],
                "provenance": _provenance(rng),
            }

    def _actors(self) -> Iterator[Record]:
        rng = self.rng
        yield {
            "type": "actor",
            "id": self.person,
            "kind": "person",
            "name": f"Person {self.n}",
            "names": [
                {"text": f"Person {self.n}", "language": "en"},
                {"text": f"Персона {self.n}", "language": "ru"},
            ],
            "identifiers": [{"scheme": "wikidata", "value": f"Q{self.n + 1000}"}],
            "roles": [
                {
                    "position": "press secretary",
                    "organization": self.org,
                    "during": _time(rng),
                    "evidence": [self.statements[1]],
                }
            ],
            "evidence": [self.statements[1]],
            "provenance": _provenance(rng),
        }
        yield {
            "type": "actor",
            "id": self.org,
            "kind": "government_body",
            "name": f"Ministry {self.n}",
            "aliases": [f"MFA {self.n}"],
            "description": _sentence(rng, 5, 10),
            "provenance": _provenance(rng),
        }
        yield {
            "type": "actor",
            "id": self.account,
            "kind": "account",
            "name": f"Embassy account {self.n}",
            "platform": rng.choice(_PLATFORMS),
            "handle": f"@Embassy{self.n}",
            "operated_by": self.org,
            "evidence": [self.statements[2]],
            "provenance": _provenance(rng),
        }

    def _claims(self) -> Iterator[Record]:
        rng = self.rng
        for index, claim in enumerate(self.claims):
            kind = index % 3
            value: dict[str, Any]
            if kind == 0:
                prop, unit = _COUNTS[(index // 3 + self.n) % len(_COUNTS)]
                value = {"quantity": _quantity(rng, unit)}
            elif kind == 1:
                prop = _ENTITIES[index // 3 % len(_ENTITIES)]
                value = {"entity": self.org}
            else:
                prop = rng.choice(_TIMES)
                value = {"time": _time(rng)}
            record: Record = {
                "type": "claim",
                "id": claim,
                "subject": self.account if kind == 0 else self.person,
                "property": prop,
                "value": value,
                "as_of": _time(rng),
                "speaker": self.person,
                "attribution": {"source": self.source, "mode": rng.choice(_MODES)},
                "text": _sentence(rng, 8, 14),
                "evidence": [self.statements[3 + index % 3]],
                "provenance": _provenance(rng),
            }
            if kind == 0:
                record["qualifiers"] = {"platform": rng.choice(_PLATFORMS)}
            yield record


# -- breaking records: each returns the broken line's text -----------------------


def _dump(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _missing_required(record: Record, rng: random.Random) -> str:
    del record["id"]
    return _dump(record)


def _wrong_type(record: Record, rng: random.Random) -> str:
    record["provenance"] = {"agent": 42}
    return _dump(record)


def _bad_id(record: Record, rng: random.Random) -> str:
    record["id"] = record["id"].upper()
    return _dump(record)


def _unknown_member(record: Record, rng: random.Random) -> str:
    record["colour"] = "blue"
    return _dump(record)


def _bad_enum(record: Record, rng: random.Random) -> str:
    record["provenance"] = {"method": "guesswork"}
    return _dump(record)


def _dangling_reference(record: Record, rng: random.Random) -> str:
    record["provenance"] = {"derived_from": [{"kind": "derived_from", "target": "source:gone"}]}
    return _dump(record)


def _time_reversed(record: Record, rng: random.Random) -> str:
    record["provenance"] = {"recorded": "2020-01-01T00:00:00Z"}
    if record["type"] == "claim":
        record["as_of"] = {
            "earliest": "2021-05-01",
            "latest": "2020-05-01",
            "precision": "day",
            "edtf": "2021-05-01",
        }
    else:
        record["provenance"] = {"confidence": 1.5}
    return _dump(record)


def _syntax_error(record: Record, rng: random.Random) -> str:
    return _dump(record)[:-7]


def _duplicate_id(record: Record, rng: random.Random) -> str:
    record["id"] = record["type"] + ":article-1"
    if record["type"] in ("statement", "claim"):
        record["id"] += "/0"
    return _dump(record)


#: Ways to break a record, by the level of problem they cause.
BREAKERS: dict[str, Callable[[Record, random.Random], str]] = {
    "shape.required": _missing_required,
    "shape.type": _wrong_type,
    "shape.pattern": _bad_id,
    "shape.unknown": _unknown_member,
    "shape.enum": _bad_enum,
    "reference": _dangling_reference,
    "meaning": _time_reversed,
    "syntax": _syntax_error,
    "duplicate": _duplicate_id,
}


def records(count: int, *, seed: int = 0) -> Iterator[Record]:
    """Yield *count* valid records (JSON values), the same for the same *seed*."""
    rng = random.Random(seed)
    made = 0
    number = 0
    while True:
        number += 1
        for record in _Block(rng, number).records():
            if made == count:
                return
            yield record
            made += 1


def lines(count: int, *, seed: int = 0, invalid: float = 0.01) -> Iterator[str]:
    """Yield *count* JSON Lines (without newline); a share *invalid* of them broken."""
    rng = random.Random(seed + 1)
    kinds = list(BREAKERS)
    for index, record in enumerate(records(count, seed=seed)):
        # Keep the first blocks intact so that duplicate ids have something to clash with.
        if index > 100 and rng.random() < invalid:
            yield BREAKERS[kinds[rng.randrange(len(kinds))]](record, rng)
        else:
            yield _dump(record)


def write(path: Path, count: int, *, seed: int = 0, invalid: float = 0.01) -> None:
    """Write *count* records to *path* as JSON Lines (see :func:`lines`)."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for line in lines(count, seed=seed, invalid=invalid):
            handle.write(line + "\n")


generate = write


def main() -> None:
    """Write a generated fact file: ``_generate.py OUT --records N [--seed S] [--invalid R]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--invalid", type=float, default=0.01)
    args = parser.parse_args()
    write(args.out, args.records, seed=args.seed, invalid=args.invalid)


if __name__ == "__main__":
    main()
