"""The problem-code table in docs/problems.md lists exactly the registered codes."""

from __future__ import annotations

import re
from pathlib import Path

from ddfacts.problems import CODES, Level
from ddfacts.validation import CODES as VALIDATION_CODES

DOC = Path(__file__).resolve().parent.parent / "docs" / "problems.md"
_ROW = re.compile(r"^\| `([a-z]+\.[a-z-]+)` \| (\w+) \| (\w+(?: or \w+)?) \|", re.MULTILINE)


class TestProblemTable:
    """docs/problems.md and ddfacts.problems.CODES agree."""

    def test_same_codes(self) -> None:
        """The table lists every registered code once, and no other."""
        rows = _ROW.findall(DOC.read_text(encoding="utf-8"))
        codes = [code for code, *_ in rows]
        assert sorted(codes) == sorted(CODES)
        assert len(codes) == len(set(codes))

    def test_same_levels_and_severities(self) -> None:
        """Each row's level and severities ("warning or error") are the registry's."""
        for code, level, severity in _ROW.findall(DOC.read_text(encoding="utf-8")):
            info = CODES[code]
            expected = " or ".join(item.value for item in info.severities)
            assert (level, severity) == (info.level, expected), code

    def test_codes_are_area_rule(self) -> None:
        """Every code has the form area.rule."""
        assert all(re.fullmatch(r"[a-z]+\.[a-z]+(-[a-z]+)*", code) for code in CODES)

    def test_known_levels(self) -> None:
        """Every code belongs to validation's input or a level, to check, or to an importer."""
        levels = {"input", *(level.value for level in Level), "check", "import"}
        assert {info.level for info in CODES.values()} == levels

    def test_one_registry(self) -> None:
        """ddfacts.validation.CODES is the one registry, not a copy."""
        assert VALIDATION_CODES is CODES
