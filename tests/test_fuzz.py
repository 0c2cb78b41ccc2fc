"""Fuzzing validation: random bytes, random JSON and mutated fact files never crash it.

For every input, ``ddfacts.validate`` returns a report whose problems all have a
registered code, a location and a message, and ``ddfacts validate`` exits 0, 1
or 2.  Under ``HYPOTHESIS_PROFILE=ci`` the three properties run 2,100 examples.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddfacts import Report, validate
from ddfacts.cli import main
from ddfacts.validation import CODES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_CI = settings.default.max_examples >= 500
#: Examples per property: 3 x 700 = 2,100 in CI, the profile's count elsewhere.
EXAMPLES = 700 if _CI else settings.default.max_examples
_FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
_WORK = Path(tempfile.mkdtemp(prefix="ddfacts-fuzz-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)  # hypothesis: no tmp_path
_VALID_LINES = (FIXTURES / "valid" / "freedonia.facts.jsonl").read_text().splitlines()
_VALID_RECORDS = [json.loads(line) for line in _VALID_LINES]

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(
    [
        "type",
        "id",
        "kind",
        "name",
        "source",
        "anchor",
        "start",
        "end",
        "exact",
        "subject",
        "property",
        "value",
        "quantity",
        "time",
        "earliest",
        "latest",
        "precision",
        "edtf",
        "qualifier",
        "lower",
        "upper",
        "amount",
        "unit",
        "participants",
        "role",
        "operated_by",
        "evidence",
        "provenance",
        "derived_from",
        "target",
        "rating",
        "best",
        "worst",
        "proposition",
        "about",
        "members",
        "scope",
        "named",
        "excluding",
        "where",
        "refines",
        "chain",
        "by",
        "certainty",
        "negated",
        "hedge",
        "via",
        "via_source",
        "translated_by",
        "rank",
        "ranking",
        "position",
        "rounded_to",
        "x-a",
    ]
)


def _check(report: Report) -> None:
    for problem in report:
        assert problem.code in CODES
        assert problem.severity is CODES[problem.code].severity
        assert problem.message.strip()
        assert problem.location.pointer == "" or problem.location.pointer.startswith("/")
        assert problem.location.file


def _cli(data: bytes, suffix: str) -> None:
    path = _WORK / f"input{suffix}"
    path.write_bytes(data)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["validate", str(path), "--format", "json", "--texts", str(FIXTURES / "texts")])
    assert code in (0, 1, 2)
    problems = json.loads(out.getvalue())
    assert (code == 0) == all(p["severity"] == "warning" for p in problems)


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """A valid fact file with values replaced, members dropped or added, bytes damaged."""
    records: list[Any] = json.loads(json.dumps(_VALID_RECORDS))
    for _ in range(draw(st.integers(1, 4))):
        record = draw(st.sampled_from(records))
        node: Any = record
        for _depth in range(draw(st.integers(0, 3))):
            children = list(node.items()) if isinstance(node, dict) else []
            if not children:
                break
            node = draw(st.sampled_from(children))[1]
            if not isinstance(node, dict):
                node = record
                break
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "add" or not node:
            node[draw(_keys)] = draw(_json)
        elif action == "drop":
            del node[draw(st.sampled_from(sorted(node)))]
        else:
            node[draw(st.sampled_from(sorted(node)))] = draw(_json)
    if draw(st.booleans()):
        data = "".join(json.dumps(r) + "\n" for r in records).encode()
    else:
        version = draw(st.sampled_from(["1.0", "1.1"]))
        data = json.dumps({"ddfacts": version, "records": records}).encode()
    if draw(st.integers(0, 4)) == 0 and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=3)) + data[at + 1 :]
    return data


class TestFuzz:
    """No input makes validation raise; every problem is complete."""

    @_FUZZ
    @given(data=st.binary(max_size=200), suffix=st.sampled_from([".json", ".jsonl", ".txt"]))
    def test_random_bytes(self, data: bytes, suffix: str) -> None:
        """Random bytes give a report, through the API and the CLI."""
        _check(validate(io.BytesIO(data)))
        _cli(data, suffix)

    @_FUZZ
    @given(value=_json, envelope=st.booleans())
    def test_random_json(self, value: Any, envelope: bool) -> None:
        """Random JSON, as a record of a fact file or as a JSON Lines line, gives a report."""
        document = {"ddfacts": "1.0", "records": [value]} if envelope else value
        data = json.dumps(document).encode() + b"\n"
        _check(validate(io.BytesIO(data)))
        _cli(data, ".json" if envelope else ".jsonl")

    @_FUZZ
    @given(data=_mutated(), suffix=st.sampled_from([".json", ".jsonl"]))
    def test_mutated_fact_files(self, data: bytes, suffix: str) -> None:
        """A damaged valid fact file gives a report, through the API and the CLI."""
        _check(validate(io.BytesIO(data), texts=FIXTURES / "texts"))
        _cli(data, suffix)
