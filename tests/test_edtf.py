"""Tests for reading EDTF: ``TimeSpan.from_edtf`` against the LoC examples and our own cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from ddfacts import TimeSpan
from ddfacts.strategies._values import time_spans
from ddfacts.times import EdtfError, EdtfUnsupportedError, Precision

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"

#: Vectors whose python-edtf bounds differ from ours by a documented convention:
#: unknown ends have no bound (python-edtf pads 10 years), winter runs into
#: February (python-edtf: December only), a wholly unspecified year has no bounds.
CONVENTIONS = {
    "/2006": (None, "2006-12-31"),
    "2004-06-01/": ("2004-06-01", None),
    "1984-06-02?/": ("1984-06-02", None),
    "../2006": (None, "2006-12-31"),
    "2004-01-01/..": ("2004-01-01", None),
    "2010-24": ("2010-12-01", "2011-02-28"),
    "XXXX-XX-23": (None, None),
}


def _reference(name: str) -> Any:
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"the reference data is not here ({path} is absent)")
    return json.loads(path.read_text(encoding="utf-8"))


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()[:10]


class TestParseVectors:
    """python-edtf's parse vectors (strict bounds)."""

    def test_strict_bounds(self) -> None:
        """Every representable vector gives the spec's calendar bounds (or our documented ones)."""
        vectors = _reference("edtf_parse_vectors.json")["valid"]
        checked = 0
        for case in vectors:
            text = case["edtf"]
            expected = CONVENTIONS.get(text) or (
                case.get("lower_strict", case.get("strict")),
                case.get("upper_strict", case.get("strict")),
            )
            try:
                span = TimeSpan.from_edtf(text)
            except EdtfUnsupportedError:
                continue
            assert (_day(span.earliest), _day(span.latest)) == expected, text
            checked += 1
        assert checked >= 60

    def test_invalid(self) -> None:
        """Every invalid vector raises a ValueError."""
        for text in _reference("edtf_parse_vectors.json")["invalid"]:
            with pytest.raises(ValueError):
                TimeSpan.from_edtf(text)


class TestValidityVectors:
    """The Library of Congress examples, as collected by ProfessionalWiki/EDTF."""

    @pytest.mark.parametrize("level", ["level0", "level1", "level2"])
    def test_valid_strings_are_read_or_declared_unsupported(self, level: str) -> None:
        """Each valid string is read, or refused as unsupported (never as invalid)."""
        for text in _reference("edtf_validity_vectors.json")["valid"][level]:
            try:
                span = TimeSpan.from_edtf(text)
            except EdtfUnsupportedError:
                assert text.startswith(("Y", "-", "[", "{")) or "S" in text, text
                continue
            assert span.edtf == text

    def test_level0_and_level1_mostly_supported(self) -> None:
        """All of level 0 and all of level 1 but long and negative years are read."""
        valid = _reference("edtf_validity_vectors.json")["valid"]
        for text in valid["level0"]:
            TimeSpan.from_edtf(text)
        unsupported = []
        for text in valid["level1"]:
            try:
                TimeSpan.from_edtf(text)
            except EdtfUnsupportedError:
                unsupported.append(text)
        assert unsupported == ["Y170000002", "Y-170000002", "-1985"]

    def test_invalid_strings(self) -> None:
        """The listed invalid strings raise EdtfError (a ValueError)."""
        for case in _reference("edtf_validity_vectors.json")["invalid"]:
            with pytest.raises(EdtfError):
                TimeSpan.from_edtf(case["edtf"])

    def test_text_around_a_valid_string(self) -> None:
        """A valid string with text before or after it is rejected."""
        valid = _reference("edtf_validity_vectors.json")["valid"]
        for level in ("level0", "level1", "level2"):
            for text in valid[level]:
                for bad in (f"invalid {text}", f"{text}invalid"):
                    with pytest.raises(ValueError):
                        TimeSpan.from_edtf(bad)


class TestFromEdtf:
    """Our own table of EDTF forms and the span each stands for."""

    @pytest.mark.parametrize(
        ("edtf", "earliest", "latest", "precision", "approximate", "uncertain"),
        [
            ("2014-12", "2014-12-01", "2014-12-31", "month", False, False),
            ("1984?", "1984-01-01", "1984-12-31", "year", False, True),
            ("2004-06~", "2004-06-01", "2004-06-30", "month", True, False),
            ("2004-06-11%", "2004-06-11", "2004-06-11", "day", True, True),
            ("201X", "2010-01-01", "2019-12-31", "decade", False, False),
            ("20XX", "2000-01-01", "2099-12-31", "century", False, False),
            ("2004-XX", "2004-01-01", "2004-12-31", "month", False, False),
            ("1985-04-XX", "1985-04-01", "1985-04-30", "day", False, False),
            ("1984-1X", "1984-10-01", "1984-12-31", "month", False, False),
            ("156X-12-25", "1560-12-25", "1569-12-25", "day", False, False),
            ("XXXX-12-09", None, None, "day", False, False),
            ("XXXX", None, None, "unknown", False, False),
            ("2015-22", "2015-06-01", "2015-08-31", "season", False, False),
            ("2015-24", "2015-12-01", "2016-02-29", "season", False, False),
            ("2001-33", "2001-01-01", "2001-03-31", "season", False, False),
            ("1956/..", "1956-01-01", None, "year", False, False),
            ("1956/", "1956-01-01", None, "year", False, False),
            ("../1985-04", None, "1985-04-30", "month", False, False),
            ("2004-02-01/2005", "2004-02-01", "2005-12-31", "year", False, False),
            ("2016-06-~21/2016-06-30", "2016-06-21", "2016-06-30", "day", True, False),
            ("?2004-06-~11", "2004-06-11", "2004-06-11", "day", True, True),
        ],
    )
    def test_table(
        self,
        edtf: str,
        earliest: str | None,
        latest: str | None,
        precision: str,
        approximate: bool,
        uncertain: bool,
    ) -> None:
        """The string gives these bounds, precision and flags."""
        span = TimeSpan.from_edtf(edtf)
        assert (_day(span.earliest), _day(span.latest)) == (earliest, latest)
        assert span.precision is Precision(precision)
        assert (span.approximate, span.uncertain) == (approximate, uncertain)
        assert span.edtf == edtf

    def test_datetime_with_offset(self) -> None:
        """A date-time keeps its offset and has second precision."""
        span = TimeSpan.from_edtf("1985-04-12T23:20:30+04:30")
        offset = dt.timezone(dt.timedelta(hours=4, minutes=30))
        assert span.earliest == dt.datetime(1985, 4, 12, 23, 20, 30, tzinfo=offset)
        assert span.precision is Precision.SECOND

    def test_unknown(self) -> None:
        """``XXXX`` is the explicit unknown time."""
        assert TimeSpan.from_edtf("XXXX") == TimeSpan.unknown()

    @pytest.mark.parametrize(
        "edtf",
        ["", "2016-13", "2016-02-30", "1900-02-29", "2002/2001", "/", "../..", "2016-25-01",
         "1985-04-12T23:20:30/1986", "1985-04-12T23:20", "2016-1", "XXXX-02-30", "2001-42"],
    )  # fmt: skip
    def test_invalid(self, edtf: str) -> None:
        """Malformed strings raise an EdtfError naming the string."""
        with pytest.raises(EdtfError, match="is not an EDTF"):
            TimeSpan.from_edtf(edtf)

    def test_error_is_a_value_error(self) -> None:
        """EdtfError is a ValueError and keeps the string and the reason."""
        with pytest.raises(ValueError) as info:
            TimeSpan.from_edtf("2016-13")
        assert isinstance(info.value, EdtfError)
        assert info.value.edtf == "2016-13"
        assert "month" in info.value.reason

    @given(time_spans())
    def test_round_trip(self, span: TimeSpan) -> None:
        """Reading a generated span's EDTF gives the span back."""
        assert TimeSpan.from_edtf(span.edtf) == span
