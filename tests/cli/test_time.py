"""Tests for ``ddfacts time`` and ``ddfacts quantity``."""

from __future__ import annotations

import pytest

from ddfacts.cli import main


class TestTime:
    """``ddfacts time``."""

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form of a resolved date, one line, exit 0."""
        assert main(["time", "Dec. 9", "--relative-to", "2022-12-15"]) == 0
        out = capsys.readouterr()
        assert out.out == (
            '{"earliest": "2022-12-09", "latest": "2022-12-09", "precision": "day", '
            '"edtf": "2022-12-09", "expression": "Dec. 9", '
            '"resolved_against": {"date": "2022-12-15"}}\n'
        )
        assert out.err == ""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text form shows the EDTF, bounds, flags and reference with its basis."""
        argv = ["time", "late June", "--relative-to", "2016-12-30", "--basis", "publication"]
        assert main([*argv, "--format", "text"]) == 0
        assert capsys.readouterr().out == (
            "late June\n"
            "  edtf       2016-06-~21/2016-06-30\n"
            "  earliest   2016-06-21\n"
            "  latest     2016-06-30\n"
            "  precision  month\n"
            "  flags      approximate\n"
            "  resolved   against 2016-12-30 (publication)\n"
        )

    def test_open_end_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An open end prints as a dash."""
        assert main(["time", "since 1956", "--format", "text"]) == 0
        assert capsys.readouterr().out == (
            "since 1956\n"
            "  edtf       1956/..\n"
            "  earliest   1956-01-01\n"
            "  latest     -\n"
            "  precision  year\n"
        )

    def test_unreadable_expression(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An expression that is not a time is reported on stderr, the rest still print, exit 1."""
        assert main(["time", "nonsense", "2016"]) == 1
        out = capsys.readouterr()
        assert out.out == (
            '{"earliest": "2016-01-01", "latest": "2016-12-31", "precision": "year", '
            '"edtf": "2016", "expression": "2016"}\n'
        )
        assert out.err == (
            "ddfacts time: 'nonsense' is not a time expression ddfacts understands\n"
        )

    def test_bad_reference_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A reference date that is not YYYY-MM-DD is a usage error, exit 2."""
        assert main(["time", "Dec. 9", "--relative-to", "15/12/2022"]) == 2
        assert "expected a date YYYY-MM-DD, got '15/12/2022'" in capsys.readouterr().err


class TestQuantity:
    """``ddfacts quantity``."""

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form of an open interval."""
        assert main(["quantity", "more than 9,000 followers"]) == 0
        assert capsys.readouterr().out == (
            '{"amount": 9000, "lower": 9000, "qualifier": "more_than", "unit": "follower", '
            '"expression": "more than 9,000 followers"}\n'
        )

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text form marks an excluded bound."""
        assert main(["quantity", "more than 9,000 followers", "--format", "text"]) == 0
        assert capsys.readouterr().out == (
            "more than 9,000 followers\n"
            "  qualifier  more_than\n"
            "  amount     9,000\n"
            "  lower      9,000 (excluded)\n"
            "  upper      -\n"
            "  unit       follower\n"
        )

    def test_no_number(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Text without a number is reported on stderr, exit 1."""
        assert main(["quantity", "many followers"]) == 1
        out = capsys.readouterr()
        assert out.out == ""
        assert out.err == (
            "ddfacts quantity: 'many followers' holds no number ddfacts understands\n"
        )

    def test_missing_argument(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No text at all is a usage error, exit 2."""
        assert main(["quantity"]) == 2
        assert "the following arguments are required: TEXT" in capsys.readouterr().err
