"""The streaming pass: the fast per-record proof and the compact whole-set checker.

The fast pass may only call a record clean when the exact checks find
nothing; the run checker must give what the summary-based oracle
(``tests/_oracle.py``) gives.
Both are checked here against the exact path, on the fixtures and on
mutated records.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddfacts.problems import Location, Problem, Report
from ddfacts.validation import check_record, validate
from ddfacts.validation._checker import RunChecker
from ddfacts.validation._record import _meaning_of, meaning_text
from ddfacts.validation._rows import Facts, facts_of_summary
from ddfacts.validation._scan import Scanner
from ddfacts.vocabulary import default_vocabulary

from ._oracle import SetChecker

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VOCAB = default_vocabulary()
SCANNER = Scanner(VOCAB)


def _records() -> list[Any]:
    found: list[Any] = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    found.append(json.loads(line))
                except ValueError:
                    continue
        elif path.suffix == ".json":
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                continue
            if isinstance(document, dict) and isinstance(document.get("records"), list):
                found.extend(document["records"])
    return found


RECORDS = _records()
VALID = [value for value in RECORDS if SCANNER.facts(value) is not None]


def _comparable(facts: Facts, location: Location) -> Any:
    """The facts with every reference's place as a pointer and the claim's value as text."""
    refs = [
        (
            target,
            site.expected,
            site.role,
            site.where.pointer
            if isinstance(site.where, Location)
            else location.child(*site.where).pointer,
        )
        for target, site in zip(facts.targets, facts.sites, strict=True)
    ]
    claim = facts.claim
    if claim is not None and not claim.ready:
        text = json.dumps(_meaning_of(claim.value), sort_keys=True, ensure_ascii=False)
        assert meaning_text(claim.value) == text
        claim = claim._replace(value=text, ready=True)
    return (*facts._replace(targets=[], sites=[], claim=claim), refs)


def _agrees(value: Any) -> None:
    """Clean by the fast pass means no problem by the exact checks, and the same facts."""
    facts = SCANNER.facts(value)
    if facts is None:
        return
    location = Location(file="f.jsonl", line=7)
    result = check_record(value, location, VOCAB)
    assert result.problems == ()
    assert _comparable(facts, location) == _comparable(facts_of_summary(result.summary), location)


class TestScanner:
    """The fast pass against the exact per-record checks."""

    def test_fixtures(self) -> None:
        """Every fixture record the fast pass calls clean is clean, with the same facts."""
        assert len(VALID) > 20
        for value in RECORDS:
            _agrees(value)

    def test_problems_are_never_clean(self) -> None:
        """A record the exact checks find a problem in is never called clean."""
        location = Location()
        for value in RECORDS:
            if check_record(value, location, VOCAB).problems:
                assert SCANNER.facts(value) is None

    def test_unsure_cases(self) -> None:
        """Date-times, float offsets and blank EDTF go to the exact checks."""
        base = {
            "type": "claim",
            "id": "claim:c",
            "subject": "actor:a",
            "property": "born",
            "value": {
                "time": {
                    "earliest": "2020-01-01T10:00:00Z",
                    "latest": "2020-01-01T09:00:00Z",
                    "precision": "day",
                    "edtf": "2020-01-01",
                }
            },
        }
        assert SCANNER.facts(base) is None
        location = Location()
        assert [p.code for p in check_record(base, location, VOCAB).problems] == ["meaning.invalid"]
        statement = {
            "type": "statement",
            "id": "statement:s",
            "source": "source:x",
            "anchor": {"start": 0.0, "end": 3, "exact": "abc"},
        }
        assert SCANNER.facts(statement) is None

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_mutations(self, data: st.DataObject) -> None:
        """Records with a value changed, dropped or added agree with the exact checks."""
        value = copy.deepcopy(data.draw(st.sampled_from(VALID)))
        node = value
        for _ in range(data.draw(st.integers(0, 3))):
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = data.draw(st.sampled_from(keys))
            if not isinstance(node[key], (dict, list)) or data.draw(st.booleans()):
                break
            node = node[key]
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
            choice = data.draw(st.integers(0, 2))
            if choice == 0:
                del node[key]
            else:
                node[key] = data.draw(
                    st.one_of(
                        st.integers(-3, 10_000),
                        st.floats(allow_nan=False, allow_infinity=False),
                        st.sampled_from(
                            [
                                "",
                                " ",
                                "2014-02-30",
                                "2014-02-03",
                                "2014-02-03T25:00",
                                "2014-02-03T10:00:00+01:00",
                                "actor:x",
                                "source:y",
                                "statement:z",
                                "account",
                                "person",
                                "followers",
                                "exact",
                                "between",
                                "day",
                                "month",
                                "unknown",
                            ]
                        ),
                        st.none(),
                        st.booleans(),
                    )
                )
        _agrees(value)


def _reference(values: list[Any], folder: Path) -> list[dict[str, Any]]:
    """The report of the summary-based whole-set pass (what validate gave before streaming)."""
    checker = SetChecker(VOCAB, frozenset(__import__("ddfacts").validation.Level))
    found: list[Problem] = []
    for number, value in enumerate(values, start=1):
        result = check_record(value, Location(file=str(folder / "run.jsonl"), line=number), VOCAB)
        found.extend([*result.problems, *checker.add(result.summary)])
    found.extend(checker.finish())
    return Report(found).to_json()


def _streamed(values: list[Any], folder: Path) -> list[dict[str, Any]]:
    path = folder / "run.jsonl"
    path.write_text("".join(json.dumps(value) + "\n" for value in values), encoding="utf-8")
    report = validate(path)
    return report.to_json()


def _actor(number: int, kind: str = "person") -> dict[str, Any]:
    return {"type": "actor", "id": f"actor:a{number}", "kind": kind, "name": f"A {number}"}


def _claim(number: int, subject: str, amount: int) -> dict[str, Any]:
    return {
        "type": "claim",
        "id": f"claim:c{number}",
        "subject": subject,
        "property": "followers",
        "value": {
            "quantity": {
                "amount": amount,
                "qualifier": "exact",
                "lower": amount,
                "upper": amount,
                "unit": "follower",
            }
        },
    }


class TestRunChecker:
    """The compact whole-set pass against the summary-based one."""

    def test_fixture_runs(self, tmp_path: Path) -> None:
        """All fixture records in one run: the same problems as the summary-based pass."""
        assert _streamed(RECORDS, tmp_path) == _reference(RECORDS, tmp_path)

    def test_forward_references(self, tmp_path: Path) -> None:
        """References met before their targets: resolved, mistyped or missing as before."""
        values = [
            _claim(1, "actor:a2", 5),
            {**_claim(2, "claim:c3", 5), "speaker": "event:e1"},
            _claim(3, "actor:nobody", 5),
            _actor(2),
            {**_actor(4, "account"), "operated_by": "claim:c1"},
            {
                "type": "event",
                "id": "event:e1",
                "event_type": "post",
                "participants": [{"actor": "actor:a9", "role": "author"}],
            },
            _actor(9),
        ]
        streamed = _streamed(values, tmp_path)
        assert streamed == _reference(values, tmp_path)
        assert {item["code"] for item in streamed} >= {"ref.missing", "ref.wrong-type"}

    def test_far_apart_duplicates(self, tmp_path: Path) -> None:
        """Two records with one id thousands of lines apart: one duplicate-id problem."""
        values = [_actor(0), *(_actor(n) for n in range(1, 3000)), _actor(0)]
        streamed = _streamed(values, tmp_path)
        assert streamed == _reference(values, tmp_path)
        assert [(p["code"], p["line"]) for p in streamed] == [("ref.duplicate-id", 3001)]
        assert "line 1" in streamed[0]["message"]

    def test_single_valued_and_cycles(self, tmp_path: Path) -> None:
        """Contradictions and cycles, as the summary-based pass reports them."""
        values = [
            _actor(1),
            _claim(1, "actor:a1", 5),
            _claim(2, "actor:a1", 6),
            {**_actor(2, "account"), "operated_by": "actor:a3"},
            {**_actor(3, "account"), "operated_by": "actor:a2"},
        ]
        assert _streamed(values, tmp_path) == _reference(values, tmp_path)

    def test_memory_holds_ids_not_records(self) -> None:
        """After many records whose references resolve, only the id index is held."""
        checker = RunChecker(VOCAB, frozenset(__import__("ddfacts").validation.Level))
        for number in range(2000):
            # each claim refers forward to the actor after it
            claim = SCANNER.facts(_claim(number, f"actor:a{number}", 5))
            actor = SCANNER.facts(_actor(number))
            assert claim is not None and actor is not None
            assert checker.add(claim, "f.jsonl", 2 * number + 1, "") == []
            assert checker.add(actor, "f.jsonl", 2 * number + 2, "") == []
        assert len(checker._index) == 4000
        assert not checker._waiting and not checker._claims_waiting
        assert checker._found == [] and not checker._derived
        assert checker.finish() == []
