"""Issue 14: the differential fuzzer: ``validate`` and ``load`` agree; every command survives.

Fact files are generated as mutations of the valid fact files in
``tests/fixtures/valid/`` and ``examples/demo/``: a member replaced by a
hostile value (numbers no float holds, surrogate escapes, control characters,
ids ending in a newline, deep nesting, odd dates and EDTF), dropped or added,
or the envelope's version changed; as a JSON document or as JSON Lines.

* :class:`TestAgreement` (many examples): what ``validate`` accepts, ``load``
  accepts; what ``load`` accepts, ``validate`` accepts, but for what ``load``
  does not check by design (:data:`NOT_LOADS_JOB`: references between records,
  the vocabulary, and cycles, which are whole-set checks).
* :class:`TestCommands` (fewer examples, a run of every command costs more):
  on the same files, every CLI command (``check``, ``query``, ``export`` in
  each format, ``cite``, ``summary``, ``reanchor``, ``validate --format`` each)
  exits with a documented code (0, 1 or 2) and no exception escapes
  :func:`ddfacts.cli.main`.

Under ``HYPOTHESIS_PROFILE=ci``: 1,200 + 60 examples, about 40 s of CPU (with
``tests/test_fuzz.py``'s 2,100 and the other hostile properties, over 3,000 a run).
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ddfacts
from ddfacts import LoadError
from ddfacts.cli import main
from ddfacts.export import FORMATS
from ddfacts.limits import MAX_DEPTH, MAX_ID_LENGTH

ROOT = Path(__file__).resolve().parents[2]
_CI = settings.default.max_examples >= 500
AGREEMENT_EXAMPLES = 1200 if _CI else settings.default.max_examples
COMMAND_EXAMPLES = 60 if _CI else max(5, settings.default.max_examples // 5)
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

#: Codes of the whole-set levels that load does not check, by design: load reads a
#: part of a set (references may point into other files), and knows no vocabulary.
NOT_LOADS_JOB = ("ref.missing", "ref.wrong-type", "vocab.", "meaning.cycle", "meaning.operated-by")


def _seed_records(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    records: list[dict[str, Any]] = json.loads(path.read_text())["records"]
    return records


#: Each seed: its records and the folder of its texts.
SEEDS = [
    (
        _seed_records(ROOT / "tests/fixtures/valid/freedonia.facts.jsonl"),
        ROOT / "tests/fixtures/texts",
    ),
    (_seed_records(ROOT / "examples/demo/demo.facts.json"), ROOT / "examples/demo"),
]
_WORK = Path(tempfile.mkdtemp(prefix="ddfacts-differential-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)  # hypothesis: no tmp_path


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


_HOSTILE = st.sampled_from(
    [
        10**309,
        -(10**309),
        10**63,
        1.7976931348623157e308,
        5e-324,
        -0.0,
        2**53 + 1,
        "\ud800",
        "a\udcffb",
        "\x1b[31m\n::add-mask::x\n",
        "\x00",
        "\u2028",
        "actor:x\n",
        "source:x\n",
        "statement:x\r",
        "actor:" + "a" * MAX_ID_LENGTH,
        "en\n",
        "2020-02-30",
        "20200101",
        "2020-W01-1",
        "2020-01-01T25:00",
        "2020-01-01T12",
        "2026-11-27",
        "hello",
        "2020~",
        "../..",
        "-0500",
        "XXXX",
        "2020-21",
        "201X",
        "1999-XX",
        "2019/2018",
        "",
        " ",
        _deep(MAX_DEPTH + 2),
        _deep(MAX_DEPTH - 8),
        {"quantity": {"qualifier": "exact", "amount": 10**309, "lower": 10**309, "upper": 10**309}},
        {"earliest": "2020-01-01", "latest": "2020-12-31", "precision": "year", "edtf": "2021"},
        None,
        True,
        [],
        {},
    ]
).map(copy.deepcopy)  # a fresh copy each draw: one list put inside itself is a cycle
_PLAIN = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
)
_VERSIONS = st.sampled_from(["1.0", "1.0", "1.0", "1", "1.1", "1.0.1", "2.0", 1, None, "1.\n"])


def _edit(draw: st.DrawFn, records: list[dict[str, Any]]) -> None:
    """Replace, drop or add one member somewhere in one record (nested objects included)."""
    node: Any = draw(st.sampled_from(records))
    for _ in range(draw(st.integers(0, 3))):
        children = [
            v
            for v in (node.values() if isinstance(node, dict) else node)
            if isinstance(v, (dict, list)) and v
        ]
        if not children:
            break
        node = draw(st.sampled_from(children))
    if isinstance(node, list):
        node[draw(st.integers(0, len(node) - 1))] = draw(_HOSTILE | _PLAIN)
        return
    action = draw(st.sampled_from(["replace", "replace", "suffix", "drop", "add"]))
    key = draw(st.sampled_from(sorted(node))) if node else "x-new"
    if action == "drop" and key in node:
        del node[key]
    elif action == "suffix" and isinstance(node.get(key), str):
        node[key] += draw(st.sampled_from(["\n", "\r\n", " ", "X", "\x1b", "\u0661"]))
    elif action == "add":
        node[draw(st.sampled_from(["x-extra", "edtf", "language", "amount", "upper", "id"]))] = (
            draw(_HOSTILE | _PLAIN)
        )
    else:
        node[key] = draw(_HOSTILE | _PLAIN)


@st.composite
def fact_files(draw: st.DrawFn) -> tuple[bytes, str, Path]:
    """A mutated fact file: its bytes, its suffix, and the folder of its seed's texts."""
    seed, texts = draw(st.sampled_from(SEEDS))
    records: list[dict[str, Any]] = json.loads(json.dumps(seed))
    for _ in range(draw(st.integers(1, 3))):
        _edit(draw, records)
    if draw(st.booleans()):
        body = "".join(json.dumps(r) + "\n" for r in records)
        return body.encode("utf-8", "surrogatepass"), ".jsonl", texts
    document = {"ddfacts": draw(_VERSIONS), "records": records}
    return json.dumps(document).encode("utf-8", "surrogatepass"), ".json", texts


def _write(data: bytes, suffix: str) -> Path:
    path = _WORK / f"case.facts{suffix}"
    path.write_bytes(data)
    return path


def _loads(path: Path) -> str | None:
    """None when load reads the file, else its error (any other exception fails the test)."""
    try:
        ddfacts.load(path)
    except LoadError as error:
        return str(error)
    return None


class TestAgreement:
    """What validate accepts, load accepts, and the other way round."""

    @settings(max_examples=AGREEMENT_EXAMPLES, suppress_health_check=_HEALTH)
    @given(case=fact_files())
    def test_validate_and_load_agree(self, case: tuple[bytes, str, Path]) -> None:
        """The same file: no error from validate exactly when load reads it (but NOT_LOADS_JOB)."""
        path = _write(case[0], case[1])
        errors = [p.code for p in ddfacts.validate(path) if p.is_error]
        refused = _loads(path)
        if not errors:
            assert refused is None, f"validate accepts, load refuses: {refused}"
        if refused is None:
            left = [code for code in errors if not code.startswith(NOT_LOADS_JOB)]
            assert not left, f"load accepts, validate refuses: {left}"


def _run(args: list[str]) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    assert "Traceback" not in err.getvalue(), (args, err.getvalue())
    return code


def _first_citable(path: Path) -> str:
    try:
        for record in ddfacts.load(path):
            if record.type in ("statement", "claim"):
                return str(record.id)
    except LoadError:
        pass
    return "statement:none"


class TestCommands:
    """Every command on every generated file: a documented exit code, never a traceback."""

    @settings(max_examples=COMMAND_EXAMPLES, suppress_health_check=_HEALTH)
    @given(case=fact_files())
    def test_every_command(self, case: tuple[bytes, str, Path]) -> None:
        """check, query, export (each format), cite, summary, reanchor, validate (each format)."""
        data, suffix, texts = case
        path = _write(data, suffix)
        facts, out = str(path), _WORK / "out"
        commands = [
            ["check", facts, "--texts", str(texts)],
            ["query", facts, "--format", "json"],
            ["query", facts, "--at", "2023"],
            ["cite", facts, _first_citable(path), "--texts", str(texts)],
            ["cite", facts, _first_citable(path), "--format", "markdown"],
            ["summary", facts],
            ["reanchor", facts, "--texts", str(texts), "-o", str(_WORK / "re.facts.json")],
        ]
        commands += [["export", facts, "--to", name, "-o", str(out / name)] for name in FORMATS]
        commands += [["validate", facts, "--format", f] for f in ("text", "json", "github")]
        for args in commands:
            assert _run(args) in (0, 1, 2), args
