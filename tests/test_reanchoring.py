"""Tests for ddfacts.reanchoring: rehash, reanchor_statement and reanchor, without the CLI."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from ddfacts import Activity, Anchor, Provenance, Record, Source, Statement, TextStore
from ddfacts._version import __version__
from ddfacts.anchors import relocate_all
from ddfacts.reanchoring import (
    AGENT,
    METHODS,
    ReanchorMethod,
    ReanchorResult,
    ReanchorRow,
    reanchor,
    reanchor_statement,
    rehash,
)
from ddfacts.strategies._anchors import statements
from ddfacts.textstore import sha256_of

TEXT = "The embassy has 2,400 followers.\n\nIts press secretary tweets daily.\n"
MOVED = "Correction added.\n\n" + TEXT
CUT = "The embassy has 2,400 followers.\n"
AT = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone.utc)


def _source(source_id: str = "source:demo", text: str = TEXT) -> Source:
    return Source(id=source_id, sha256=sha256_of(text), length=len(text))


def _statement(
    quote: str, statement_id: str = "statement:demo/q", source: str = "source:demo"
) -> Statement:
    start = TEXT.index(quote)
    anchor = Anchor.from_span(TEXT, start, start + len(quote))
    return Statement(id=statement_id, source=source, anchor=anchor)


class _CountingTexts(Mapping[str, str]):
    """Texts by source id that count how often each is asked for."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.asked: dict[str, int] = {}

    def __getitem__(self, key: str) -> str:
        self.asked[key] = self.asked.get(key, 0) + 1
        return self.texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


class TestRehash:
    def test_same_text(self) -> None:
        """Against the text it records, a source comes back as it is."""
        source = _source()
        assert rehash(source, TEXT) is source

    def test_changed_text(self) -> None:
        """A changed text gives the new hash and length and a text-updated activity."""
        source = _source()
        new = rehash(source, MOVED, agent="me", at=AT)
        assert (new.id, new.sha256, new.length) == (source.id, sha256_of(MOVED), len(MOVED))
        assert new.provenance is not None
        assert new.provenance.history == (
            Activity(
                activity="text-updated",
                at=AT,
                agent="me",
                note=f"sha256 {source.sha256} -> {sha256_of(MOVED)}",
            ),
        )

    def test_keeps_history(self) -> None:
        """The activity is appended to the provenance the source already has."""
        earlier = Activity(activity="imported")
        source = attrs.evolve(_source(), provenance=Provenance(agent="someone", history=(earlier,)))
        new = rehash(source, MOVED, at=AT)
        assert new.provenance is not None
        assert new.provenance.agent == "someone"
        assert [a.activity for a in new.provenance.history] == ["imported", "text-updated"]

    def test_no_recorded_hash(self) -> None:
        """A source that records no sha256 claims no identity to update: unchanged."""
        source = Source(id="source:demo")
        assert rehash(source, MOVED) is source

    def test_default_agent_and_time(self) -> None:
        """By default the agent is ddfacts with its version, at the current second in UTC."""
        before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        new = rehash(_source(), MOVED)
        assert new.provenance is not None
        activity = new.provenance.history[-1]
        assert activity.agent == AGENT == f"ddfacts {__version__}"
        assert activity.at is not None and activity.at.tzinfo is not None
        assert activity.at.microsecond == 0
        assert before <= activity.at <= dt.datetime.now(dt.timezone.utc)


class TestReanchorStatement:
    def test_moved(self) -> None:
        """A moved quote gets its new anchor and a reanchored activity; the id stays."""
        statement = _statement("press secretary")
        new, relocation = reanchor_statement(statement, MOVED, agent="me", at=AT)
        assert (new.id, new.anchor.start, new.anchor.end) == ("statement:demo/q", 57, 72)
        assert new.anchor == Anchor.from_span(MOVED, 57, 72)
        assert relocation.method == "exact"
        assert new.provenance is not None
        assert new.provenance.history == (
            Activity(
                activity="reanchored",
                at=AT,
                agent="me",
                note="method=exact, score=1.00, 38..53 -> 57..72",
            ),
        )

    def test_unchanged(self) -> None:
        """A quote still in place leaves the statement as it is."""
        statement = _statement("press secretary")
        new, relocation = reanchor_statement(statement, TEXT)
        assert new is statement
        assert relocation.method == "position"

    def test_orphaned(self) -> None:
        """A deleted quote leaves the statement as it is, and the relocation says orphaned."""
        statement = _statement("Its press secretary tweets daily.")
        new, relocation = reanchor_statement(statement, CUT)
        assert new is statement
        assert relocation.orphaned

    def test_old_length(self) -> None:
        """The old length reaches the relocation, as Anchor.relocate takes it."""
        statement = _statement("press secretary")
        _, relocation = reanchor_statement(statement, MOVED, old_length=len(TEXT))
        assert relocation == statement.anchor.relocate(MOVED, old_length=len(TEXT))


class TestReanchor:
    def test_rows_and_records(self) -> None:
        """Each statement has a typed row; records keep their order; sources are rehashed."""
        other = Source(id="source:other")
        records: list[Record] = [
            _statement("press secretary"),
            _source(),
            other,
            _statement("Its press secretary tweets daily.", "statement:demo/also"),
        ]
        result = reanchor(records, {"source:demo": MOVED}, agent="me", at=AT)
        assert [record.id for record in result.records] == [record.id for record in records]
        assert result.records[2] is other
        moved, source, _, also = result.records
        assert isinstance(moved, Statement) and moved.anchor.start == 57
        assert isinstance(source, Source) and source.sha256 == sha256_of(MOVED)
        assert isinstance(also, Statement) and also.anchor.start == 53
        first, second = result.rows
        assert (first.statement, first.method) == ("statement:demo/q", "exact")
        assert first.relocation is not None and first.score == first.relocation.score
        assert (first.old, first.new, first.placed, first.orphaned) == (
            (38, 53),
            (57, 72),
            True,
            False,
        )
        assert first.relocation is not None and first.reason == first.relocation.reason
        assert (second.method, second.new, second.placed, second.orphaned) == (
            "exact",
            (53, 86),
            True,
            False,
        )
        assert result.ok

    def test_orphaned_row(self) -> None:
        """A deleted quote gives an orphaned row with the relocation's reason; not ok."""
        records: list[Record] = [_source(), _statement("Its press secretary tweets daily.")]
        result = reanchor(records, {"source:demo": CUT})
        (row,) = result.rows
        assert (row.method, row.new, row.placed, row.orphaned) == ("orphaned", None, False, True)
        assert row.relocation is not None and row.reason == row.relocation.reason
        assert result.records[1] is records[1]
        assert not result.ok

    def test_unchecked_rows(self) -> None:
        """No Source record, or no text for it: unchecked, with why, and the statement kept."""
        records: list[Record] = [
            Source(id="source:elsewhere"),
            _statement("press secretary", "statement:demo/a", "source:nobody"),
            _statement("press secretary", "statement:demo/b", "source:elsewhere"),
        ]
        result = reanchor(records, {})
        assert [(row.method, row.score, row.new, row.reason) for row in result.rows] == [
            ("unchecked", None, None, "no Source record source:nobody"),
            ("unchecked", None, None, "no text for source:elsewhere"),
        ]
        assert result.records == tuple(records)
        assert not result.ok

    def test_text_store(self, tmp_path: Path) -> None:
        """From a TextStore: the file named after the id, whatever its hash; or why not."""
        (tmp_path / "demo.txt").write_text(MOVED, encoding="utf-8")
        (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
        records: list[Record] = [
            _source(),
            _source("source:bom"),
            _source("source:absent"),
            _statement("press secretary", "statement:demo/a"),
            _statement("press secretary", "statement:demo/b", "source:bom"),
            _statement("press secretary", "statement:demo/c", "source:absent"),
        ]
        result = reanchor(records, TextStore(tmp_path), at=AT)
        moved, bom, absent = result.rows
        assert (moved.method, moved.new) == ("exact", (57, 72))
        assert bom.method == "unchecked" and "byte-order mark" in bom.reason
        assert absent.reason == f"no text for source:absent in {tmp_path}"
        assert result.records[1:3] == tuple(records[1:3])  # no text: not rehashed

    def test_old_length_from_source(self) -> None:
        """Relocation is told the Source's recorded length, the old text's (all of a
        source's statements together, as relocate_all places them)."""
        statement = _statement("press secretary")
        result = reanchor([_source(), statement], {"source:demo": MOVED})
        (row,) = result.rows
        assert row.relocation == relocate_all([statement.anchor], MOVED, old_length=len(TEXT))[0]
        alone = statement.anchor.relocate(MOVED, old_length=len(TEXT))
        assert row.relocation is not None
        assert (row.relocation.start, row.relocation.end) == (alone.start, alone.end)

    def test_one_time_for_the_run(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every activity of one run carries the same time, read from the clock once."""
        ticks = iter(AT + dt.timedelta(seconds=n) for n in range(100))
        monkeypatch.setattr("ddfacts.reanchoring._now", lambda: next(ticks))
        records: list[Record] = [
            _source(),
            _statement("press secretary"),
            _statement("2,400", "statement:demo/n"),
        ]
        result = reanchor(records, {"source:demo": MOVED})
        times = [
            activity.at
            for record in result.records
            if record.provenance is not None
            for activity in record.provenance.history
        ]
        assert times == [AT, AT, AT]

    def test_each_text_once(self) -> None:
        """A text is looked up once, however many statements cite it."""
        texts = _CountingTexts({"source:demo": MOVED})
        records: list[Record] = [
            _source(),
            _statement("press secretary"),
            _statement("2,400", "statement:demo/n"),
        ]
        reanchor(records, texts)
        assert texts.asked == {"source:demo": 1}

    def test_counts(self) -> None:
        """Counts go in METHODS order, zeros left out."""
        methods: list[ReanchorMethod] = ["unchecked", "exact", "position", "exact"]
        rows = tuple(
            ReanchorRow(
                statement=f"statement:x/{i}", method=m, score=None, old=(0, 1), new=None, reason=""
            )
            for i, m in enumerate(methods)
        )
        result = ReanchorResult(records=(), rows=rows)
        assert list(result.counts().items()) == [("position", 1), ("exact", 2), ("unchecked", 1)]
        assert METHODS == (
            "position",
            "exact",
            "normalized",
            "fuzzy",
            "landmarks",
            "orphaned",
            "unchecked",
        )

    def test_nothing_to_do(self) -> None:
        """Without statements there are no rows, and that is ok."""
        result = reanchor([_source()], {"source:demo": TEXT})
        assert result.rows == () and result.ok and result.counts() == {}

    @given(statements())
    def test_same_text_changes_nothing(self, case: tuple[str, Statement]) -> None:
        """Against the text they were made in, records come back unchanged, all by position."""
        text, statement = case
        source = Source(id=statement.source, sha256=sha256_of(text), length=len(text))
        result = reanchor([source, statement], {statement.source: text})
        assert result.records == (source, statement)
        assert [row.method for row in result.rows] == ["position"]


def test_anchors_package_stays_below_the_records() -> None:
    """No module of ddfacts.anchors imports the records or what builds on them.

    The records import the Anchor class from ddfacts.anchors, so an import the
    other way would make a cycle through the package's ``__init__``.
    """
    above = ("records", "reanchoring", "textstore", "provenance", "factset", "jsonio")
    package = Path(__file__).resolve().parent.parent / "src" / "ddfacts" / "anchors"
    found = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level != 2 or not node.module:
                continue
            if node.module.split(".")[0] in above:
                found.append(f"{path.name}: {node.module}")
    assert found == []
