"""A fact file written by release 1.0 still loads, validates and dumps back as it was.

``tests/fixtures/format-1.0/`` holds files the previous release wrote:
``demo.facts.json`` (the demo, with its invented text ``demo.txt``) and
``relayed.facts.json`` (invented claims relayed through the 1.0 members
``via``, ``via_source`` and ``translated_by``; it has no texts, so no
anchor checks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ddfacts as d

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "format-1.0"
#: File name -> the folder of its texts (None: no anchor checks).
FILES = {"demo.facts.json": FIXTURES, "relayed.facts.json": None}


def _body(text: str) -> list[str]:
    """The lines of a fact file but its version line."""
    lines = text.splitlines()
    assert lines[1].strip().startswith('"ddfacts":'), lines[:3]
    return [lines[0], *lines[2:]]


@pytest.mark.parametrize("name", sorted(FILES))
def test_written_by_1_0(name: str) -> None:
    """The fixture is a 1.0 file."""
    assert (FIXTURES / name).read_text(encoding="utf-8").splitlines()[1] == '  "ddfacts": "1.0",'


@pytest.mark.parametrize("name", sorted(FILES))
def test_loads_and_dumps_back_unchanged_but_the_version(name: str) -> None:
    """Loading a 1.0 file and dumping it gives the same text, in format 1.1."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    again = d.dumps(d.loads(text))
    assert again.splitlines()[1] == '  "ddfacts": "1.1",'
    assert _body(again) == _body(text)


@pytest.mark.parametrize("name", sorted(FILES))
def test_validates_with_no_problems(name: str) -> None:
    """A 1.0 file validates clean (with anchor checks where its text is here)."""
    texts = FILES[name]
    report = d.validate(FIXTURES / name, texts=texts) if texts else d.validate(FIXTURES / name)
    assert list(report) == []


def test_relayed_reads_as_hops() -> None:
    """The 1.0 relay members read as a chain of hops, in order."""
    facts = d.load(FIXTURES / "relayed.facts.json")
    hops = {
        claim.id: [(hop.by, hop.mode.value, hop.source) for hop in claim.attribution.hops]
        for claim in facts.claims
        if claim.attribution is not None
    }
    assert hops == {
        "claim:relay/via": [("actor:outlet", "reports", None)],
        "claim:relay/via-source": [("actor:outlet", "reports", "source:outlet-interview")],
        "claim:relay/translated": [
            ("actor:outlet", "reports", None),
            ("actor:embassy", "translates", None),
        ],
    }
