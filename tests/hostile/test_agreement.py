"""Issue 14, cases 2 and 7 (ids): ``validate`` and ``load`` agree, side by side.

Each case is a small change to the demo fact file.  For each, what
``ddfacts.validate`` says and what ``ddfacts.load`` does are asked of the same
file, once as a JSON document (read through the codec) and once as JSON Lines
long enough that the fast loader takes over (:data:`WARM_UP` records first),
so the codec, the fast path and validation all answer.  One rule decides
each case; the rule functions are also asked directly.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts import LoadError, Quantity, TimeSpan
from ddfacts.cli import main
from ddfacts.jsonio._codec import DATE_PATTERN, DATETIME_PATTERN, StructureError, structure
from ddfacts.jsonio._fast._load import WARM_UP, structure_fast
from ddfacts.limits import MAX_ID_LENGTH
from ddfacts.problems import Location
from ddfacts.quantities._rules import fits_float, quantity_numbers
from ddfacts.records._fields import ID_PATTERN, LANG_PATTERN, id_problem, is_id
from ddfacts.schemas import schema
from ddfacts.times._rules import time_edtf_bounds
from ddfacts.validation._record import check_record
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parents[2]
DEMO: dict[str, Any] = json.loads((ROOT / "examples" / "demo" / "demo.facts.json").read_text())


def _records() -> list[dict[str, Any]]:
    return copy.deepcopy(DEMO["records"])


def _first(records: list[dict[str, Any]], kind: str, has: str = "") -> dict[str, Any]:
    return next(r for r in records if r["type"] == kind and has in json.dumps(r))


def _padding(count: int) -> list[dict[str, Any]]:
    """Plain actors enough to warm the fast loader up."""
    return [
        {"type": "actor", "id": f"actor:pad-{n}", "kind": "person", "name": f"Pad {n}"}
        for n in range(count)
    ]


def _write(folder: Path, records: list[dict[str, Any]], version: Any = "1.0") -> list[Path]:
    """The records as a JSON document, and (padded) as JSON Lines for the fast path."""
    document = folder / "case.facts.json"
    document.write_text(json.dumps({"ddfacts": version, "records": records}), encoding="utf-8")
    lines = folder / "case.facts.jsonl"
    padded = _padding(WARM_UP + 8) + records
    lines.write_text("".join(json.dumps(r) + "\n" for r in padded), encoding="utf-8")
    return [document, lines]


def _verdicts(path: Path) -> tuple[list[str], str | None]:
    """The error codes validate gives, and load's error (None when it loads)."""
    codes = [p.code for p in ddfacts.validate(path) if p.is_error]
    try:
        ddfacts.load(path)
    except LoadError as error:
        return codes, str(error)
    return codes, None


def _refused(folder: Path, records: list[dict[str, Any]], *codes: str) -> None:
    """Both validate and load refuse every form of the file; validate names one of *codes*."""
    for path in _write(folder, records):
        found, error = _verdicts(path)
        assert error is not None, f"load accepted {path.name}; validate said {found}"
        assert found, f"validate accepted {path.name}; load said {error}"
        assert set(found) & set(codes), (path.name, found)


def _accepted(folder: Path, records: list[dict[str, Any]]) -> None:
    for path in _write(folder, records):
        assert _verdicts(path) == ([], None), path.name


class TestBaseline:
    """The unchanged demo is accepted by both, in both forms (the cases below are its edits)."""

    def test_demo(self, tmp_path: Path) -> None:
        """No problem, and it loads."""
        _accepted(tmp_path, _records())


class TestHugeNumbers:
    """Case 2: a quantity bound of 10**309 passed validate and crashed load (OverflowError)."""

    def _huge(self, value: float) -> list[dict[str, Any]]:
        records = _records()
        quantity = _first(records, "claim", '"quantity"')["value"]["quantity"]
        quantity.update(qualifier="between", lower=0, upper=value)
        quantity.pop("amount", None)
        return records

    def test_file(self, tmp_path: Path) -> None:
        """Refused by both: by the reader (too many digits) or by the quantity rule."""
        _refused(tmp_path, self._huge(10**309), "json.number", "meaning.quantity-bounds")

    def test_record_value(self) -> None:
        """The same raw value past the reader: validation, the codec and the fast path refuse it."""
        value = _first(self._huge(10**309), "claim", '"quantity"')
        result = check_record(value, Location(file="f"), default_vocabulary())
        assert [p.code for p in result.problems] == ["meaning.quantity-bounds"]
        assert "10**309" in result.problems[0].message
        with pytest.raises(StructureError, match="64-bit float"):
            structure(value)
        assert structure_fast(value) is None

    def test_constructor(self) -> None:
        """Quantity refuses with ValueError, never OverflowError; floats at the edge fit."""
        with pytest.raises(ValueError, match="10\\*\\*309"):
            Quantity(upper=10**309, lower=0, qualifier="between")
        with pytest.raises(ValueError, match="finite"):
            Quantity(amount=float("nan"), qualifier="approximately", lower=0, upper=1)
        with pytest.raises(ValueError, match="64-bit float"):
            Quantity.approximately(-(10**400))
        edge = Quantity(amount=1.7e308, lower=1.7e308, qualifier="at_least")
        assert edge.lower == 1.7e308
        assert Quantity(amount=10**300, lower=10**300, qualifier="at_least").amount == 10**300

    def test_rule(self) -> None:
        """The one rule: compares without converting, so any integer is safe to ask about."""
        assert fits_float(10**308) and not fits_float(10**309)
        assert not fits_float(float("inf")) and not fits_float(float("nan"))
        assert quantity_numbers(1, None, -(10**5000)) is not None
        assert quantity_numbers(1, 0.5, None) is None

    def test_infinity_in_an_extension(self, tmp_path: Path) -> None:
        """1e999 is infinity to Python: validate refused it and load read it (unwritable JSON)."""
        records = _records()
        records[0]["x-weight"] = "PLACEHOLDER"
        for path in _write(tmp_path, records):
            path.write_text(path.read_text().replace('"PLACEHOLDER"', "1e999"))
            found, error = _verdicts(path)
            assert found[0] == "json.constant" and error is not None


class TestDates:
    """Case 2: a date-only ``provenance.recorded`` was refused by validate, read by load."""

    @pytest.mark.parametrize(
        "text", ["2026-11-27", "20261127T120000Z", "2026-11-27T12", "2026-W48-1T12:00:00Z"]
    )
    def test_recorded(self, tmp_path: Path, text: str) -> None:
        """A date-time member holds the schema's date-time form, or both refuse it."""
        records = _records()
        records[0]["provenance"]["recorded"] = text
        _refused(tmp_path, records, "shape.pattern", "shape.format")

    @pytest.mark.parametrize("text", ["20230314", "2023-W11-2", "2023-073"])
    def test_instant(self, tmp_path: Path, text: str) -> None:
        """Dates Python's fromisoformat reads but the schema refuses: both refuse them."""
        records = _records()
        span = records[0]["published"]
        span["earliest"] = text
        _refused(tmp_path, records, "shape.any-of", "shape.pattern")

    def test_patterns_are_the_schemas(self) -> None:
        """The codec's forms and the records' patterns are the schemas' own."""
        defs = schema("common")["$defs"]
        assert defs["date"]["pattern"] == DATE_PATTERN
        assert defs["datetime"]["pattern"] == DATETIME_PATTERN
        assert defs["id"]["pattern"] == ID_PATTERN
        assert defs["language"]["pattern"] == LANG_PATTERN


class TestVersion:
    """Case 2: version "1" was refused by validate and read by load."""

    @pytest.mark.parametrize("version", ["1", "1.0.1", "1.x", "1.", "1.٣", 1.0])
    def test_refused(self, tmp_path: Path, version: Any) -> None:
        """Both want ``1.<digits>``, as the schema says."""
        document = _write(tmp_path, _records(), version=version)[0]
        found, error = _verdicts(document)
        assert found == ["file.version"] and error is not None

    def test_minor_versions(self, tmp_path: Path) -> None:
        """A later minor version is read by both."""
        assert _verdicts(_write(tmp_path, _records(), version="1.12")[0]) == ([], None)


class TestEdtf:
    """Case 2: ``edtf: "hello"`` beside valid bounds passed both."""

    @pytest.mark.parametrize("edtf", ["hello", "2014-03-14", "2023-03", "2023-03-14/..", " "])
    def test_refused(self, tmp_path: Path, edtf: str) -> None:
        """The EDTF must read and stand for the bounds (2023-03-14..2023-03-14)."""
        records = _records()
        records[0]["published"]["edtf"] = edtf
        _refused(tmp_path, records, "meaning.time-edtf")

    def test_constructor_and_rule(self) -> None:
        """TimeSpan raises with the rule; from_edtf spans and open ends agree with themselves."""
        day = dt.date(2023, 3, 14)
        with pytest.raises(ValueError, match="not an EDTF"):
            TimeSpan(earliest=day, latest=day, precision="day", edtf="hello")
        with pytest.raises(ValueError, match="stands for earliest 2014-01-01"):
            TimeSpan(earliest=day, latest=day, precision="day", edtf="2014")
        for edtf in ("2023-03-14", "2023-03/..", "../2023", "201X", "2023-21", "XXXX"):
            span = TimeSpan.from_edtf(edtf)
            assert time_edtf_bounds(edtf, span.earliest, span.latest) is None
        moment = dt.datetime(2022, 10, 12, 9, 30, tzinfo=dt.timezone.utc)
        assert time_edtf_bounds("2022-10-12T09:30:00Z", moment, moment) is None
        later = moment + dt.timedelta(hours=1)
        assert time_edtf_bounds("2022-10-12T09:30:00Z", later, later) is not None
        assert time_edtf_bounds("-0500", None, None) is None  # valid EDTF beyond Python dates


class TestIds:
    """Case 7: a final newline passed Python's ``$``; ids had no length limit."""

    @pytest.mark.parametrize("suffix", ["\n", "\r", " ", "\u2028"])
    def test_line_end_in_an_id(self, tmp_path: Path, suffix: str) -> None:
        """``actor:x`` and ``actor:x\\n`` no longer coexist: the second is refused by both."""
        records = _records()
        twin = copy.deepcopy(_first(records, "actor"))
        twin["id"] += suffix
        records.append(twin)
        _refused(tmp_path, records, "shape.pattern", "meaning.invalid")

    def test_line_end_in_a_reference(self, tmp_path: Path) -> None:
        """A reference with a final newline is refused too."""
        records = _records()
        claim = _first(records, "claim")
        claim["subject"] += "\n"
        _refused(tmp_path, records, "shape.pattern", "meaning.invalid", "ref.missing")

    def test_language_with_a_newline(self, tmp_path: Path) -> None:
        """``en\\n`` is no language tag."""
        records = _records()
        records[0]["language"] = "en\n"
        _refused(tmp_path, records, "shape.pattern", "meaning.invalid")

    def test_too_long(self, tmp_path: Path) -> None:
        """An id over MAX_ID_LENGTH is ``id.too-long`` for validate and a LoadError for load."""
        records = _records()
        actor = _first(records, "actor")
        actor["id"] = "actor:" + "a" * (MAX_ID_LENGTH - len("actor:") + 1)
        _refused(tmp_path, records, "id.too-long")

    def test_longest_allowed(self, tmp_path: Path) -> None:
        """An id of exactly MAX_ID_LENGTH characters is accepted by both."""
        records = _records()
        records.append(
            {
                "type": "actor",
                "id": "actor:" + "b" * (MAX_ID_LENGTH - len("actor:")),
                "kind": "person",
                "name": "Long Name",
            }
        )
        _accepted(tmp_path, records)

    def test_schema_limit_is_the_limit(self) -> None:
        """Every id pattern in the schemas carries maxLength MAX_ID_LENGTH."""
        found = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if str(node.get("pattern", "")).endswith(":[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?$"):
                    found.append(node.get("maxLength"))
                for item in node.values():
                    walk(item)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        for name in ("common", "source", "statement", "actor", "event", "claim", "review"):
            walk(schema(name))
        assert len(found) >= 7 and set(found) == {MAX_ID_LENGTH}

    def test_rule(self) -> None:
        """One rule for the constructors, the codec and the reference walks."""
        assert is_id("actor:x") and not is_id("actor:x\n") and not is_id("actor:x", "source")
        assert id_problem("a" * 300) is not None and "at most" in str(
            id_problem("actor:" + "a" * 300)
        )
        with pytest.raises(ValueError, match="must be an id like"):
            ddfacts.Actor(id="actor:x\n", kind="person", name="X")


class TestCommands:
    """What both refuse, every command refuses with exit 1 or 2, not a traceback."""

    @pytest.mark.parametrize("command", ["check", "query", "summary"])
    def test_huge_bound(
        self, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Case 2's file: the commands that crashed with OverflowError exit 1 or 2."""
        records = TestHugeNumbers()._huge(10**309)
        document = _write(tmp_path, records)[0]
        assert main([command, str(document)]) in (1, 2)
        assert "Traceback" not in capsys.readouterr().err
