"""The problem-code table in docs/problems.md lists exactly the registered codes."""

from __future__ import annotations

import re
from pathlib import Path

from ddfacts.validation import CODES

DOC = Path(__file__).resolve().parent.parent / "docs" / "problems.md"
_ROW = re.compile(r"^\| `([a-z]+\.[a-z-]+)` \| (\w+) \| (\w+) \|", re.MULTILINE)


class TestProblemTable:
    """docs/problems.md and ddfacts.validation.CODES agree."""

    def test_same_codes(self) -> None:
        """The table lists every registered code once, and no other."""
        rows = _ROW.findall(DOC.read_text(encoding="utf-8"))
        codes = [code for code, *_ in rows]
        assert sorted(codes) == sorted(CODES)
        assert len(codes) == len(set(codes))

    def test_same_levels_and_severities(self) -> None:
        """Each row's level and severity are the registry's."""
        for code, level, severity in _ROW.findall(DOC.read_text(encoding="utf-8")):
            assert (level, severity) == (CODES[code].level, CODES[code].severity.value), code

    def test_codes_are_area_rule(self) -> None:
        """Every code has the form area.rule."""
        assert all(re.fullmatch(r"[a-z]+\.[a-z]+(-[a-z]+)*", code) for code in CODES)
