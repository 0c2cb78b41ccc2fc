"""``ddfacts check`` streams JSON Lines: the FactSet path's report, and no records kept.

The CLI feeds records one by one to :class:`ddfacts.check.CheckRun`;
:func:`ddfacts.check` feeds a FactSet's records to the same run.  These
tests compare the CLI's report on JSON Lines with :func:`ddfacts.check` on
the loaded FactSet, relocated by hand (record *n* of a file written without
blank lines is on line *n* + 1), on the demo and seed fact files and on
generated records shuffled so that evidence comes after the claims citing it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddfacts
from ddfacts.check import CheckRun
from ddfacts.check._sorted import SortedProblems
from ddfacts.cli import main
from ddfacts.cli._check import _check_files
from ddfacts.cli._reporters import REPORTERS, STREAMERS
from ddfacts.problems import CODES, Location, Problem, Report, pointer_of
from ddfacts.problems._report import sort_bytes
from ddfacts.records import Record
from ddfacts.textstore import TextStore
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _generate  # noqa: E402 - the benchmark folder is not a package

SEEDS = ROOT.parent / "shared" / "seeds"
FACT_FILES = sorted(
    [*(ROOT / "examples" / "seeds").glob("*.facts.json"), ROOT / "examples/demo/demo.facts.json"]
)


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", *argv, "--format", "json"])
    return code, out.getvalue()


def _expected(path: Path, texts: Any = None) -> str:
    """The FactSet path's report on a JSON Lines file with no blank lines, located by line."""
    report = ddfacts.check(ddfacts.load(path), texts=texts)
    relocated = []
    for problem in report:
        pointer = problem.location.pointer
        _, _, ordinal, *rest = pointer.split("/", 3)
        where = Location(
            file=str(path), line=int(ordinal) + 1, pointer="/" + rest[0] if rest else ""
        )
        relocated.append(attrs.evolve(problem, location=where))
    return REPORTERS["json"](Report(relocated))


def _as_jsonl(records: list[Record], path: Path) -> Path:
    path.write_text(ddfacts.dumps(records, jsonl=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", FACT_FILES, ids=lambda p: p.name)
def test_fact_files_as_json_lines(source: Path, tmp_path: Path) -> None:
    path = _as_jsonl(list(ddfacts.load(source)), tmp_path / (source.stem + ".jsonl"))
    _code, out = _cli(str(path))
    assert out == _expected(path)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_seed_files_with_texts(tmp_path: Path) -> None:
    records = [record for source in FACT_FILES[:-1] for record in ddfacts.load(source)]
    random.Random(3).shuffle(records)  # sources and statements after the claims citing them
    path = _as_jsonl(records, tmp_path / "seeds.jsonl")
    _code, out = _cli(str(path), "--texts", str(SEEDS))
    assert out == _expected(path, TextStore(SEEDS))


def test_moved_evidence_with_texts(tmp_path: Path) -> None:
    document = json.loads((ROOT / "examples/demo/demo.facts.json").read_text(encoding="utf-8"))
    records = document["records"]
    moved = [record for record in records if record["type"] == "statement"][:2]
    for record in moved:
        record["anchor"]["start"] += 1
        record["anchor"]["end"] += 1
    random.Random(1).shuffle(records)
    path = tmp_path / "moved.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    _code, out = _cli(str(path), "--texts", str(ROOT / "examples/demo"))
    assert "anchor.mismatch" in out
    assert out == _expected(path, TextStore(ROOT / "examples/demo"))


def _generated(count: int, seed: int) -> list[Record]:
    return [ddfacts.from_json(value) for value in _generate.records(count, seed=seed)]


@pytest.mark.parametrize("seed", [0, 1])
def test_generated_records_shuffled(seed: int, tmp_path: Path) -> None:
    records = _generated(3000, seed)
    random.Random(seed).shuffle(records)
    path = _as_jsonl(records, tmp_path / "generated.jsonl")
    code, out = _cli(str(path))
    problems = json.loads(out)
    assert problems, "the generated records should give the rules something to find"
    assert {item["code"] for item in problems} >= {"check.unsupported"}
    assert out == _expected(path)
    assert code == (1 if any(p["severity"] == "error" for p in problems) else 0)


def test_derivation_cycles(tmp_path: Path) -> None:
    values = list(_generate.records(400, seed=6))
    ids = [value["id"] for value in values]
    # a -> b -> c -> a, a self-loop, a link out of any cycle, and records derived from nothing.
    links = {ids[10]: [ids[50]], ids[50]: [ids[90]], ids[90]: [ids[10]], ids[120]: [ids[120]]}
    links[ids[130]] = [ids[10]]
    for value in values:
        provenance = value.setdefault("provenance", {})
        provenance["derived_from"] = [
            {"kind": "derived_from", "target": target} for target in links.get(value["id"], [])
        ]
    records = [ddfacts.from_json(value) for value in values]
    random.Random(6).shuffle(records)
    path = _as_jsonl(records, tmp_path / "cycles.jsonl")
    _code, out = _cli(str(path))
    assert out.count("meaning.cycle") == 2
    assert out == _expected(path)


def test_files_in_order_match_one_factset(tmp_path: Path) -> None:
    """Records split over a document and JSON Lines: located in their own files."""
    records = _generated(600, 2)
    first = tmp_path / "a.json"
    first.write_text(ddfacts.dumps(records[:250]), encoding="utf-8")
    second = _as_jsonl(records[250:], tmp_path / "b.jsonl")
    _code, out = _cli(str(first), str(second))
    report = ddfacts.check(ddfacts.FactSet(records))
    expected = []
    for problem in report:
        _, _, ordinal, *rest = problem.location.pointer.split("/", 3)
        number, tail = int(ordinal), "/" + rest[0] if rest else ""
        where = (
            Location(file=str(first), pointer=f"/records/{number}{tail}")
            if number < 250
            else Location(file=str(second), line=number - 250 + 1, pointer=tail)
        )
        expected.append(attrs.evolve(problem, location=where))
    assert out == REPORTERS["json"](Report(expected))


def test_duplicates_are_refused_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _generated(50, 4)
    within = _as_jsonl([*records, records[3]], tmp_path / "within.jsonl")
    assert main(["check", str(within)]) == 2
    assert f"duplicate record id {records[3].id!r}" in capsys.readouterr().err
    other = _as_jsonl(records[3:5], tmp_path / "other.jsonl")
    alone = _as_jsonl(records, tmp_path / "alone.jsonl")
    assert main(["check", str(alone), str(other)]) == 2
    assert f"duplicate record id {records[3].id!r}" in capsys.readouterr().err


def _reachable_records(root: object) -> list[Record]:
    """Every record object reachable from *root* through references."""
    seen: set[int] = set()
    stack = [root]
    found: list[Record] = []
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type):
            continue
        seen.add(id(item))
        if isinstance(item, Record):
            found.append(item)
            continue
        stack.extend(gc.get_referents(item))
    return found


def test_the_run_holds_no_records(tmp_path: Path) -> None:
    records = _generated(2000, 5)
    random.Random(5).shuffle(records)
    path = _as_jsonl(records, tmp_path / "generated.jsonl")
    del records
    run = CheckRun(None, default_vocabulary())
    origins = _check_files([str(path)], run)
    assert _reachable_records(run) == []
    assert _reachable_records(origins) == []
    assert run.finish()


# The report streamed (issue 19): problems sorted on disk, rendered a piece at a time.

MARCH = ddfacts.TimeSpan(
    earliest=dt.date(2017, 3, 1), latest=dt.date(2017, 3, 31), precision="month", edtf="2017-03"
)
NETWORK = "actor:missions"
#: Every code ``check`` reports: its own level's, and the ones it shares with validation.
EVERY_CODE = {code for code, info in CODES.items() if info.level == "check"} | {
    "vocab.role-not-allowed",
    "anchor.mismatch",
    "anchor.out-of-range",
    "anchor.text-refused",
    "meaning.cycle",
}


TEXTS = {"source:a": "now: 9,000 followers", "source:b": "short"}


class _Texts:
    """Texts by source id (:data:`TEXTS`); a source named ``refused`` is refused."""

    def text_for(self, source: ddfacts.Source) -> str:
        text = self.get(source)
        if text is None:
            raise ddfacts.TextStoreError(source.id)
        return text

    def get(self, source: ddfacts.Source) -> str | None:
        if "refused" in source.id:
            raise ddfacts.TextStoreError(f"{source.id}: the hash does not match")
        return TEXTS.get(source.id)


def _exact(amount: int, unit: str = "follower") -> ddfacts.Quantity:
    return ddfacts.Quantity(amount=amount, lower=amount, upper=amount, qualifier="exact", unit=unit)


def _claim(ident: str, **fields: Any) -> ddfacts.Claim:
    values: dict[str, Any] = {
        "subject": "actor:account",
        "property": "followers",
        "value": _exact(9000),
        "as_of": MARCH,
        "attribution": ddfacts.Attribution(source="source:a"),
    }
    values.update(fields)
    return ddfacts.Claim(id=ident, **values)


def _statement(ident: str, source: str, quote: str = "9,000 followers") -> ddfacts.Statement:
    anchor = ddfacts.Anchor(start=0, end=len(quote), exact=quote)
    return ddfacts.Statement(id=ident, source=source, anchor=anchor)


def _count(ident: str, amount: int, **fields: Any) -> ddfacts.Claim:
    where = ddfacts.Condition(
        property="followers",
        value=ddfacts.Quantity(amount=5000, lower=5000, qualifier="more_than", unit="follower"),
    )
    return _claim(
        ident,
        subject=NETWORK,
        property="members",
        value=_exact(amount, "member"),
        where=where,
        **fields,
    )


def _rank(ident: str, subject: str) -> ddfacts.Claim:
    ranking = ddfacts.Ranking(of=NETWORK, measure="impact")
    value = ddfacts.Rank(position=1, ranking=ranking)
    return _claim(ident, subject=subject, property="rank", value=value, as_of=None)


def _derived(target: str) -> ddfacts.Provenance:
    return ddfacts.Provenance(derived_from=[ddfacts.Derivation(kind="derived_from", target=target)])


def _every_code() -> list[Record]:
    """Records giving a problem of every code ``check`` reports, some more than once."""
    hedge = ddfacts.Attribution(source="source:a", certainty="probable")
    quotes = ddfacts.Attribution(source="source:b", mode="quotes")
    event = ddfacts.Event(
        id="event:e",
        event_type="summons",
        participants=[ddfacts.Participant(actor="actor:envoy", role="interviewer")],
    )
    return [
        ddfacts.Source(id="source:a"),
        ddfacts.Source(id="source:b"),
        ddfacts.Source(id="source:refused"),
        _statement("statement:a/1", "source:a"),  # moved: the text has "now: " before it
        _statement("statement:b/1", "source:b"),  # past the end of "short"
        _statement("statement:r/1", "source:refused"),
        _statement("statement:a/2", "source:a", "no figure here"),
        _claim("claim:a", evidence=["statement:a/1", "statement:b/1", "statement:r/1"]),
        _claim("claim:b", value=_exact(5000), evidence=["statement:a/2"]),  # two problems
        _claim("claim:c", value=_exact(7000)),  # clashes with a and b at one place
        _claim("claim:h", value=_exact(10), attribution=hedge),
        _rank("claim:uk", "actor:uk"),
        _rank("claim:us", "actor:us"),
        _count("claim:16", 16, refines="claim:15"),
        _count("claim:15", 15),
        _claim("claim:said", subject="actor:other", speaker="actor:envoy"),
        _claim("claim:nobody", subject="actor:third", attribution=quotes),
        event,
        _claim("claim:x", subject="actor:x", provenance=_derived("claim:y")),
        _claim("claim:y", subject="actor:y", provenance=_derived("claim:x")),
    ]


def _streamed(problems: Iterable[Problem], fmt: str) -> str:
    with SortedProblems() as found:
        for problem in problems:
            found.add(problem)
        return "".join(STREAMERS[fmt](found))


@pytest.mark.parametrize("fmt", sorted(STREAMERS))
def test_streamed_report_equals_the_report_in_memory(fmt: str) -> None:
    records = _every_code()
    expected = ddfacts.check(ddfacts.FactSet(records), texts=_Texts())
    assert set(expected.codes()) == EVERY_CODE
    for spill in (False, True):
        run = CheckRun(_Texts(), default_vocabulary(), spill=spill)
        for record in records:
            run.add(record)
        assert _streamed(run.problems(), fmt) == REPORTERS[fmt](expected)


@pytest.mark.parametrize("fmt", sorted(STREAMERS))
@pytest.mark.parametrize("document", [False, True], ids=["jsonl", "json"])
def test_streamed_report_in_files(fmt: str, document: bool, tmp_path: Path) -> None:
    """Problems located in two files, by line and by pointer: the order the Report has."""
    records = _every_code()
    random.Random(fmt).shuffle(records)
    first = tmp_path / ("a.json" if document else "a.jsonl")
    first.write_text(ddfacts.dumps(records[:7], jsonl=not document), encoding="utf-8")
    second = _as_jsonl(records[7:], tmp_path / "b.jsonl")
    run = CheckRun(_Texts(), default_vocabulary(), spill=True)
    origins = _check_files([str(first), str(second)], run)
    problems = [origins.relocate(problem) for problem in run.problems()]
    assert len({problem.location.file for problem in problems}) == 2
    assert _streamed(problems, fmt) == REPORTERS[fmt](Report(problems))


def test_nothing_found() -> None:
    for fmt in STREAMERS:
        assert _streamed([], fmt) == REPORTERS[fmt](Report([]))


def test_ties_keep_the_order_they_came_in() -> None:
    """Problems at one place with one code keep their order, as a stable sort does."""
    at = Location(file="a.jsonl", line=3, pointer="/value")
    problems = [
        Problem(code="check.contradiction", severity="warning", message=str(n), location=at)
        for n in (3, 1, 2)
    ]
    assert [p.message for p in _sorted_on_disk(problems)] == ["3", "1", "2"]


def _sorted_on_disk(problems: Iterable[Problem]) -> list[Problem]:
    with SortedProblems() as found:
        for problem in problems:
            found.add(problem)
        return list(found)


_TOKENS = st.one_of(
    st.integers(0, 10**25).map(str),
    st.sampled_from(["records", "value", "007", "", "a/b", "~", "\x00", "é", "\udcff", "10"]),
    st.text(max_size=4),
)
_LOCATIONS = st.builds(
    Location,
    file=st.one_of(st.none(), st.sampled_from(["a", "a\x00", "b", "", "\udc80", "é"]), st.text()),
    line=st.one_of(st.none(), st.integers(0, 2**40)),
    column=st.one_of(st.none(), st.integers(0, 300)),
    pointer=st.lists(_TOKENS, max_size=4).map(pointer_of),
)


_PLACES = st.lists(
    st.tuples(_LOCATIONS, st.sampled_from(["check.contradiction", "check", "anchor.mismatch"])),
    max_size=30,
)


def _at(places: list[tuple[Location, str]]) -> list[Problem]:
    return [
        Problem(code=code, severity="error", message=str(number), location=location)
        for number, (location, code) in enumerate(places)
    ]


@settings(max_examples=150)
@given(_PLACES)
def test_sort_bytes_sort_as_the_report_sorts(places: list[tuple[Location, str]]) -> None:
    problems = _at(places)
    assert sorted(problems, key=sort_bytes) == list(Report(problems))


@settings(max_examples=1)
@given(st.lists(_PLACES, min_size=20, max_size=20))
def test_sorted_on_disk_as_the_report_sorts(batches: list[list[tuple[Location, str]]]) -> None:
    """SQLite's ORDER BY on the bytes, ties in the order added: the Report's order."""
    problems = _at([place for places in batches for place in places])
    assert _sorted_on_disk(problems) == list(Report(problems))


@pytest.mark.parametrize("fmt", sorted(STREAMERS))
def test_cli_writes_the_same_report_to_a_file(fmt: str, tmp_path: Path) -> None:
    records = _generated(400, 8)
    path = _as_jsonl(records, tmp_path / "generated.jsonl")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(path), "--format", fmt])
    target = tmp_path / "report.out"
    target.write_text("the old report\n", encoding="utf-8")
    assert main(["check", str(path), "--format", fmt, "-o", str(target)]) == code
    assert target.read_text(encoding="utf-8") == out.getvalue()
    assert [item.name for item in tmp_path.iterdir() if item.name.startswith(".")] == []


def test_cli_output_unwritable_keeps_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _as_jsonl(_generated(50, 9), tmp_path / "generated.jsonl")
    assert main(["check", str(path), "-o", str(tmp_path / "missing" / "report.txt")]) == 2
    assert "cannot write" in capsys.readouterr().err
    target = tmp_path / "report.txt"
    target.write_text("the old report\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "nothing.jsonl"), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "the old report\n"
