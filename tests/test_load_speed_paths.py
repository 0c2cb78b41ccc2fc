"""The fast loading path builds exactly what the codec builds, and gives way to it otherwise."""

from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from dateutil.parser import isoparse
from hypothesis import given
from hypothesis import strategies as st

import ddfacts
from ddfacts.jsonio._codec import StructureError, structure
from ddfacts.jsonio._fast._build import parse_datetime, source_of
from ddfacts.jsonio._fast._load import WARM_UP, Warming, structure_fast
from ddfacts.records import RECORD_CLASSES

from .test_fastshape import RECORDS, mutated


def _codec(value: Any) -> Any:
    try:
        return structure(value)
    except StructureError as error:
        return error


class TestStructureFast:
    """structure_fast against the codec."""

    @given(RECORDS)
    def test_valid_records_equal(self, record: ddfacts.Record) -> None:
        """A generated record comes back equal, field for field, by both paths."""
        value = ddfacts.to_json(record)
        fast = structure_fast(value)
        assert fast == record == structure(value)
        assert ddfacts.to_json(fast) == value  # type: ignore[arg-type]

    @given(mutated())
    def test_mutated_records(self, value: Any) -> None:
        """When the fast path builds a record, the codec builds the same one; else it says why."""
        fast = structure_fast(value)
        slow = _codec(value)
        if fast is not None:
            assert fast == slow
            assert type(fast) is type(slow)

    @pytest.mark.parametrize(
        ("path", "bad"),
        [
            (("anchor", "end"), 4),  # the quote's length disagrees with the span
            (("anchor", "start"), 0.0),  # an integral float: valid JSON Schema, not an int
            (("x-extra",), {"kept": True}),  # an extension: built, and kept
        ],
    )
    def test_checks_beyond_the_schema(self, path: tuple[str, ...], bad: Any) -> None:
        """Checks the schema does not imply give the codec's answer."""
        value: dict[str, Any] = {
            "type": "statement",
            "id": "statement:a",
            "source": "source:s",
            "anchor": {"start": 0, "end": 3, "exact": "abc"},
        }
        target = value
        for token in path[:-1]:
            target = target[token]
        target[path[-1]] = bad
        fast = structure_fast(value)
        slow = _codec(value)
        assert fast is None if isinstance(slow, StructureError) else fast == slow

    @pytest.mark.parametrize("edtf", [" ", "\t"])
    def test_blank_edtf_goes_to_the_codec(self, edtf: str) -> None:
        """A blank EDTF passes the schema's minLength but not the TimeSpan: the codec decides."""
        value = {
            "type": "event",
            "id": "event:e",
            "event_type": "summons",
            "time": {"precision": "year", "edtf": edtf},
        }
        assert structure_fast(value) is None
        assert isinstance(_codec(value), StructureError)

    @pytest.mark.parametrize("kind", sorted(RECORD_CLASSES))
    def test_builders_match_the_classes(self, kind: str) -> None:
        """Every field of every record class is set by its builder, which follows the class."""
        source = source_of(RECORD_CLASSES[kind])
        assert source.count("(obj, ") == len(attrs.fields(RECORD_CLASSES[kind]))
        for field in attrs.fields(RECORD_CLASSES[kind]):
            assert f"'{field.name}'" in source or field.name == "extensions"


class TestDatetime:
    """The fast date-time parser against dateutil's isoparse."""

    @given(
        st.datetimes(
            min_value=dt.datetime(1900, 1, 1),
            timezones=st.one_of(
                st.none(),
                st.just(dt.timezone.utc),
                st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
            ),
        ),
        st.sampled_from(["seconds", "milliseconds", "microseconds", "minutes"]),
    )
    def test_same_as_isoparse(self, moment: dt.datetime, timespec: str) -> None:
        """The same value and the same kind of tzinfo as isoparse."""
        text = moment.isoformat(timespec=timespec).replace("+00:00", "Z")
        fast = parse_datetime(text)
        slow = isoparse(text)
        assert fast == slow
        assert repr(fast) == repr(slow)


class TestWarming:
    """Warming: the codec first, the fast path after the warm-up."""

    def test_warm_up(self) -> None:
        """The first calls answer None, later ones build the record."""
        value = {"type": "source", "id": "source:s"}
        fast = Warming(2)
        assert [fast(value) is None for _ in range(3)] == [True, True, False]


def _jsonl(tmp_path: Path, values: list[Any]) -> Path:
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(value) + "\n" for value in values), encoding="utf-8")
    return path


class TestLoad:
    """ddfacts.load on files long enough to take the fast path."""

    def _values(self, count: int) -> list[dict[str, Any]]:
        return [
            {
                "type": "claim",
                "id": f"claim:c{index}",
                "subject": "actor:a",
                "property": "followers",
                "value": {"quantity": {"amount": index, "qualifier": "at_least", "lower": index}},
                "provenance": {"recorded": "2020-01-01T10:00:00+03:00", "method": "rule"},
            }
            for index in range(count)
        ]

    def test_fast_and_codec_load_alike(self, tmp_path: Path) -> None:
        """A long file loads into the same records as each value built by the codec."""
        values = self._values(WARM_UP + 50)
        facts = ddfacts.load(_jsonl(tmp_path, values))
        assert list(facts) == [structure(value) for value in values]

    def test_late_error_is_the_codecs(self, tmp_path: Path) -> None:
        """A bad record after the warm-up raises the codec's message with its line."""
        values = self._values(WARM_UP + 10)
        values[-1]["value"]["quantity"]["lower"] = 1e9
        with pytest.raises(ddfacts.LoadError) as caught:
            ddfacts.load(_jsonl(tmp_path, values))
        assert str(caught.value).startswith(f"{tmp_path / 'facts.jsonl'}:{WARM_UP + 10}: ")
        assert "lower == amount" in str(caught.value)

    def test_collector_restored(self, tmp_path: Path) -> None:
        """The garbage collector runs again after a load, also after a failed one."""
        values = self._values(3)
        values.append({"type": "claim"})
        assert gc.isenabled()
        with pytest.raises(ddfacts.LoadError):
            ddfacts.load(_jsonl(tmp_path, values))
        assert gc.isenabled()
        ddfacts.load(_jsonl(tmp_path, values[:3]))
        assert gc.isenabled()
