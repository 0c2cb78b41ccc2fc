"""``ddfacts migrate`` and the library function under it: 1.0 attribution members become hops."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ddfacts import Claim, LoadError, validate
from ddfacts.cli import main
from ddfacts.jsonio._migrate import migrate
from ddfacts.records import Hop, Mode

_RECORDS: list[dict[str, Any]] = [
    {"type": "source", "id": "source:cp", "title": "CP", "language": "en"},
    {"type": "source", "id": "source:tass", "title": "TASS", "language": "ru"},
    {"type": "actor", "id": "actor:stepanov", "kind": "person", "name": "Stepanov"},
    {"type": "actor", "id": "actor:tass", "kind": "organization", "name": "TASS"},
    {"type": "actor", "id": "actor:embassy", "kind": "organization", "name": "Embassy"},
    {
        "type": "claim",
        "id": "claim:c",
        "subject": "actor:stepanov",
        "property": "position",
        "value": {"text": "ambassador"},
        "speaker": "actor:stepanov",
        "attribution": {
            "source": "source:cp",
            "mode": "reports",
            "via": "actor:tass",
            "via_source": "source:tass",
            "original_language": "ru",
            "translated_by": "actor:embassy",
        },
    },
    {
        "type": "claim",
        "id": "claim:own",
        "subject": "actor:embassy",
        "property": "followers",
        "value": {"quantity": {"amount": 5, "lower": 5, "upper": 5, "qualifier": "exact"}},
        "attribution": {"source": "source:cp"},
    },
]
_HOPS = (
    Hop(by="actor:tass", mode=Mode.REPORTS, source="source:tass"),
    Hop(by="actor:embassy", mode=Mode.TRANSLATES, language="en"),
)


def _old(path: Path, records: list[dict[str, Any]] = _RECORDS) -> Path:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps({"ddfacts": "1.0", "records": records}), encoding="utf-8")
    return path


def _claim(facts: Any) -> Claim:
    claim = facts.get("claim:c")
    assert isinstance(claim, Claim)
    return claim


@pytest.mark.parametrize("name", ["old.facts.json", "old.facts.jsonl"])
def test_library_rewrites_hops(tmp_path: Path, name: str) -> None:
    """via -> a reporting hop with its source; translated_by -> a translating hop."""
    source = _old(tmp_path / name)
    out = tmp_path / ("new" + source.name[3:])
    facts = migrate(source, out)
    attribution = _claim(facts).attribution
    assert attribution is not None
    assert attribution.chain == _HOPS
    assert (attribution.via, attribution.via_source, attribution.translated_by) == (None,) * 3
    assert attribution.original_language == "ru"
    assert facts.get("claim:own") == migrate(source).get("claim:own")  # untouched
    text = out.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert json.loads(text)["ddfacts"] == "1.1"
    assert "via" not in text and "translated_by" not in text
    assert list(validate(out)) == []


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    """A 1.1 file comes out byte for byte as it went in."""
    first, second = tmp_path / "a.facts.json", tmp_path / "b.facts.json"
    migrate(_old(tmp_path / "old.facts.json"), first)
    migrate(first, second)
    assert first.read_bytes() == second.read_bytes()


def test_cli_to_output_and_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o writes one file, --in-place rewrites each input, stdout by default."""
    source = _old(tmp_path / "old.facts.jsonl")
    out = tmp_path / "new.facts.json"
    assert main(["migrate", str(source), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["ddfacts"] == "1.1"
    assert main(["migrate", str(source)]) == 0
    assert '"chain": [' in capsys.readouterr().out
    assert main(["migrate", "--in-place", str(source)]) == 0
    assert '"chain":[' in source.read_text(encoding="utf-8")
    assert list(validate(source)) == []


def test_cli_refuses_bad_input_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken record or an unrepresentable 1.0 attribution: exit 2, no file touched."""
    broken = tmp_path / "broken.facts.jsonl"
    broken.write_text('{"type": "claim", "id": "claim:x", "subject": "actor:a"}\n')
    before = broken.read_bytes()
    assert main(["migrate", "--in-place", str(broken)]) == 2
    assert broken.read_bytes() == before
    assert "broken.facts.jsonl" in capsys.readouterr().err
    lone = [dict(r) for r in _RECORDS]
    lone[-2] = {**lone[-2], "attribution": {"source": "source:cp", "via_source": "source:tass"}}
    path = _old(tmp_path / "lone.facts.json", lone)
    before = path.read_bytes()
    assert main(["migrate", "--in-place", str(path)]) == 2
    assert path.read_bytes() == before
    assert "via_source" in capsys.readouterr().err
    assert main(["migrate", "--in-place", "-o", str(tmp_path / "x.json"), str(path)]) == 2
    with pytest.raises(LoadError):
        migrate(broken)
