"""Hostile text in ``ddfacts check``'s streamed report (issue 19): sorted on disk, same bytes.

The problems go to a temporary SQLite database keyed by bytes that sort as
the report sorts; the report is written a piece at a time.  File names and
pointers with NUL characters, lone surrogates, digits past any integer
size, terminal escapes and JSON-looking text sort and render exactly as the
report held in memory does; lone surrogates are written as U+FFFD with one
warning, and a report that cannot be written leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ddfacts.check._sorted import SortedProblems
from ddfacts.cli._base import CommandError
from ddfacts.cli._check import _write_stream
from ddfacts.cli._reporters import REPORTERS, STREAMERS
from ddfacts.problems import Location, Problem, Report, pointer_of

NASTY = ["\x00", "a\x00b", "\udcff", "\ud83d\ude00", "\x1b[31mred", "9" * 60, '"],[{', "~1/", ""]


def _problems() -> list[Problem]:
    found = []
    for number, text in enumerate(NASTY * 3):
        where = Location(
            file=NASTY[number % 4] or None,
            line=(number % 3) or None,
            pointer=pointer_of(["records", text, number % 2]),
        )
        context = (Problem(code="json.syntax", severity="error", message=text),)
        found.append(
            Problem(
                code="check.unsupported" if number % 2 else "check.contradiction",
                severity="error" if number % 3 else "warning",
                message=f"say {text}\n{text}",
                location=where,
                records=(text,),
                context=context if number % 5 == 0 else (),
                excerpt=text or None,
            )
        )
    return found


@pytest.mark.parametrize("fmt", sorted(STREAMERS))
def test_hostile_problems_stream_as_the_report_renders(fmt: str) -> None:
    problems = _problems()
    with SortedProblems() as found:
        for problem in problems:
            found.add(problem)
        assert list(found) == list(Report(problems))
        assert "".join(STREAMERS[fmt](found)) == REPORTERS[fmt](Report(problems))


def test_lone_surrogates_written_as_replacement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    _write_stream(STREAMERS["json"](Report(_problems())), str(target))
    text = target.read_text(encoding="utf-8")
    assert "\ufffd" in text and "\U0001f600" in text
    assert capsys.readouterr().err.count("lone surrogates") == 1


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "[\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(CommandError, match="cannot write: No space left"):
        _write_stream(pieces(), str(target))
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [item.name for item in tmp_path.iterdir()] == ["report.json"]
