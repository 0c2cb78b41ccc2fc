"""Every problem ddfacts reports is made through the one registry, one code per defect.

The source tree is read with :mod:`ast`: no module outside ``problems/``
constructs a :class:`~ddfacts.problems.Problem` itself, and every literal
that names a code is a registered one.  Then ``check`` and ``validate`` are
run on the same defects and must give the same codes.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.check import check
from ddfacts.problems import CODES, Location, Severity, problem
from ddfacts.validation import validate

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ddfacts"
#: The areas codes start with: a string literal ``<area>.<rule>`` in the source is a code.
AREAS = frozenset(code.split(".", 1)[0] for code in CODES)
_CODE = re.compile(r"[a-z]+\.[a-z]+(?:-[a-z]+)*")


def _trees() -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


TREES = _trees()


def _constructs_problem(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return name == "Problem"


class TestOneRegistry:
    """Problems are made only by problem(), with registered codes."""

    def test_scan_sees_the_tree(self) -> None:
        """The scan reads the package, problem() itself included (so it cannot pass empty)."""
        inside = [path for path, tree in TREES if any(map(_constructs_problem, ast.walk(tree)))]
        assert [path.relative_to(PACKAGE).as_posix() for path in inside] == ["problems/_codes.py"]

    def test_no_problem_built_outside_problems(self) -> None:
        """No module outside problems/ calls Problem(...): they call problem(code, ...)."""
        found = [
            f"{path.relative_to(PACKAGE)}:{node.lineno}"
            for path, tree in TREES
            if path.parent.name != "problems"
            for node in ast.walk(tree)
            if _constructs_problem(node)
        ]
        assert found == []

    def test_every_code_literal_is_registered(self) -> None:
        """Every string in the source that reads like a code is registered, and the reverse."""
        literals = {
            (node.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
            for path, tree in TREES
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _CODE.fullmatch(node.value)
            and node.value.split(".", 1)[0] in AREAS
        }
        assert sorted(item for item in literals if item[0] not in CODES) == []
        assert set(CODES) - {code for code, _ in literals} == set(), "registered, never reported"

    def test_unregistered_code_refused(self) -> None:
        """problem() refuses a code that is not registered."""
        with pytest.raises(KeyError):
            problem("check.role", "a message", Location())

    def test_severity_is_the_registry_s(self) -> None:
        """A code's severity comes from the registry; a graver one only where registered."""
        made = problem("check.contradiction", "m", Location(), severity=Severity.ERROR)
        assert made.severity is Severity.ERROR
        assert problem("check.contradiction", "m", Location()).severity is Severity.WARNING
        assert CODES["check.contradiction"].severities == (Severity.WARNING, Severity.ERROR)
        assert CODES["check.unsupported"].severities == (Severity.ERROR,)
        with pytest.raises(ValueError, match=r"check\.unsupported is never a warning"):
            problem("check.unsupported", "m", Location(), severity=Severity.WARNING)


class _Texts:
    """A text store backed by a dict, for tests."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def text_for(self, source: d.Source) -> str:
        if source.id not in self.texts:
            raise d.TextStoreError(source.id)
        return self.texts[source.id]

    def get(self, source: d.Source) -> str | None:
        return self.texts.get(source.id)


def _claim(ident: str, **fields: object) -> d.Claim:
    return d.Claim(id=ident, subject="actor:a", property="position", value="envoy", **fields)


def _derived(target: str) -> d.Provenance:
    return d.Provenance(derived_from=[d.Derivation(kind="derived_from", target=target)])


def _evidence(quote: str, text: str) -> tuple[d.FactSet, _Texts]:
    anchor = d.Anchor(start=0, end=len(quote), exact=quote)
    records = [
        d.Actor(id="actor:a", name="A", kind="person"),
        d.Source(id="source:a"),
        d.Statement(id="statement:a/1", source="source:a", anchor=anchor),
        _claim("claim:a", evidence=["statement:a/1"]),
    ]
    return d.FactSet(records), _Texts({"source:a": text})


class TestOneCodePerDefect:
    """check gives a defect validation also finds validation's code."""

    def test_cycle(self) -> None:
        """Claims derived from each other: meaning.cycle from both."""
        facts = d.FactSet(
            [
                d.Actor(id="actor:a", name="A", kind="person"),
                _claim("claim:a", provenance=_derived("claim:b")),
                _claim("claim:b", provenance=_derived("claim:a")),
            ]
        )
        assert validate(facts, levels=["meaning"]).codes() == ["meaning.cycle"]
        assert check(facts).codes() == ["meaning.cycle"]

    def test_moved_quote(self) -> None:
        """A quote away from its offsets: anchor.mismatch from both."""
        facts, texts = _evidence("envoy", "the envoy")
        assert validate(facts, texts=texts, levels=["anchors"]).codes() == ["anchor.mismatch"]
        assert check(facts, texts=texts).codes() == ["anchor.mismatch"]

    def test_quote_past_the_end(self) -> None:
        """Offsets past the end of the text: anchor.out-of-range from both."""
        facts, texts = _evidence("envoy", "env")
        assert validate(facts, texts=texts, levels=["anchors"]).codes() == ["anchor.out-of-range"]
        (found,) = check(facts, texts=texts)
        assert (found.code, found.records) == ("anchor.out-of-range", ("claim:a", "statement:a/1"))
        assert "0..5 of source:a's text, which has 3 code points" in found.message

    def test_role(self) -> None:
        """A role the event type does not allow: vocab.role-not-allowed from both."""
        event = d.Event(
            id="event:e",
            event_type="summons",
            participants=[d.Participant(actor="actor:a", role="interviewer")],
        )
        facts = d.FactSet([d.Actor(id="actor:a", name="A", kind="person"), event])
        assert validate(facts, levels=["meaning"]).codes() == ["vocab.role-not-allowed"]
        assert check(facts).codes() == ["vocab.role-not-allowed"]

    def test_check_codes_are_registered(self) -> None:
        """Every code the check module documents is registered, at its severities."""
        module = importlib.import_module("ddfacts.check")  # ddfacts.check is also the function
        documented = re.findall(r"^``([a-z.-]+)``\s+(\w+)", module.__doc__ or "", re.MULTILINE)
        assert len(documented) == 7
        for code, severity in documented:
            assert severity == CODES[code].severity.value, code
