"""The site build's one pass keeps no per-statement summaries: the anchors level spills them.

``problems_of(..., spill=True)`` (what :mod:`ddfacts.html._gather` runs) must
give the anchors level's problems of ``spill=False``, in the same order, while
holding no summary in memory once a record has gone by.  Compared here on the
fixtures, the demo and the seeds, and on generated sets where statements
come before their source, name a source no record has, or share a source id
with a duplicate source.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sys
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddfacts
from ddfacts.check import _spill, _texts
from ddfacts.html import _problems as html_problems
from ddfacts.html import _sitedb
from ddfacts.html._gather import gather
from ddfacts.html._problems import ProblemStore
from ddfacts.html._sitedb import SiteIndex
from ddfacts.jsonio._codec import unstructure
from ddfacts.jsonio._reader import Parsed
from ddfacts.problems import ALL_LEVELS, Location, Problem
from ddfacts.validation import _anchorspill, _linkspill, _spillmap
from ddfacts.validation._anchorspill import AnchorSpill
from ddfacts.validation._cycles import FirstLinks
from ddfacts.validation._pass import rows
from ddfacts.validation._places import Places, Runs
from ddfacts.validation._record import RecordSummary, summarize
from ddfacts.validation._run import parse_levels, problems_of
from ddfacts.vocabulary import default_vocabulary

from .test_validation_stream import _records as _fixture_records

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = ROOT / "examples" / "demo"
SEED_FACTS = ROOT / "examples" / "seeds"
VOCAB = default_vocabulary()
LEVELS = parse_levels(ALL_LEVELS)

TEXT = "The embassy said it has more than 9,000 followers. Привет <script>&amp;</script> 🙂."


class Texts:
    """A text store over a dict: source id -> text (None: no text)."""

    def __init__(self, texts: dict[str, str | None]) -> None:
        self._texts = texts

    def get(self, source: ddfacts.Source) -> str | None:
        return self._texts.get(source.id)


def _parsed(values: Iterable[Any]) -> Iterator[Parsed]:
    for ordinal, value in enumerate(values):
        yield Parsed(value, None, None, f"/records/{ordinal}", None)


def _problems(values: list[Any], texts: Any, *, spill: bool) -> list[Problem]:
    checked = rows(_parsed(values), VOCAB, LEVELS, True)
    return list(problems_of(checked, VOCAB, LEVELS, store=texts, spill=spill))


def _same(values: list[Any], texts: Any) -> list[Problem]:
    kept = _problems(values, texts, spill=False)
    assert _problems(values, texts, spill=True) == kept
    return kept


def _jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_fixtures_spilled_alike() -> None:
    """Every anchors fixture, as one run with a text per source: the same problems."""
    values = [v for p in sorted((FIXTURES / "anchors").glob("*.jsonl")) for v in _jsonl(p)]
    texts: dict[str, str | None] = {"source:freedonia": "The Consuls of Freedonia say so."}
    found = _same(values, Texts(texts))
    assert {p.code for p in found} >= {"source.hash-mismatch"}


@pytest.mark.parametrize("batch", [3, 10_000])
def test_every_fixture_record_spilled_alike(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """All fixture records as one run (duplicate ids, forward and dangling references,
    single-valued clashes, refinements, cycles): the spilled whole-set pass agrees, its
    writes read back from the disk (a batch of 3) or still waiting (a batch of 10,000)."""
    monkeypatch.setattr(_spillmap, "_BATCH", batch)
    monkeypatch.setattr(_anchorspill, "_BATCH", batch)
    values = _fixture_records()
    found = _same(values, None)
    codes = {p.code for p in found}
    assert {"ref.duplicate-id", "ref.missing"} <= codes
    _same(values[::-1], None)


def test_demo_and_seeds_spilled_alike() -> None:
    """The demo and the seed fact files (with their texts when present): the same problems."""
    demo = [unstructure(r) for r in ddfacts.load(DEMO / "demo.facts.json")]
    _same(demo, ddfacts.TextStore(DEMO))
    seeds = ROOT.parent / "shared" / "seeds"
    values = [
        unstructure(r) for p in sorted(SEED_FACTS.glob("*.facts.json")) for r in ddfacts.load(p)
    ]
    _same(values, ddfacts.TextStore(seeds) if seeds.is_dir() else Texts({}))


def _source(source_id: str, text: str | None, *, length: int | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"type": "source", "id": source_id, "title": "t"}
    if text is not None:
        record["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        record["length"] = len(text) if length is None else length
    return record


def _statement(n: int, source_id: str, start: int, end: int) -> dict[str, Any]:
    exact = TEXT[start:end] or "x"
    anchor = {"start": start, "end": end, "exact": exact, "prefix": TEXT[max(0, start - 3) : start]}
    return {"type": "statement", "id": f"statement:s{n}", "source": source_id, "anchor": anchor}


SOURCE_IDS = ["source:a", "source:b", "source:c", "source:\ud800x", "nosource", "source:a"]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spill batches of 3 rows, so that small runs read their answers back from the disk."""
    monkeypatch.setattr(_spillmap, "_BATCH", 3)
    monkeypatch.setattr(_anchorspill, "_BATCH", 3)


@st.composite
def anchored_sets(draw: st.DrawFn) -> tuple[list[Any], dict[str, str | None]]:
    """Sources and statements in any order: duplicates, orphans, bad ids, wrong spans."""
    texts: dict[str, str | None] = {"source:a": TEXT, "source:b": TEXT[:-3], "source:c": None}
    texts["source:\ud800x"] = TEXT
    values: list[Any] = []
    for source_id in draw(st.lists(st.sampled_from(SOURCE_IDS), max_size=5)):
        length = draw(st.one_of(st.none(), st.integers(0, 200)))
        values.append(_source(source_id, texts.get(source_id) or TEXT, length=length))
    spans = st.tuples(st.integers(0, len(TEXT) + 5), st.integers(0, 8))
    for n, (source_id, (start, width)) in enumerate(
        draw(st.lists(st.tuples(st.sampled_from(SOURCE_IDS), spans), max_size=8))
    ):
        values.append(_statement(n, source_id, start, start + width))
    return draw(st.permutations(values)), texts


@settings(max_examples=80)
@given(anchored_sets())
def test_any_order_spilled_alike(case: tuple[list[Any], dict[str, str | None]]) -> None:
    """Whatever the order of sources and statements: the same problems, in the same order."""
    values, texts = case
    _same(values, Texts(texts))


def _summaries_alive() -> int:
    gc.collect()
    return sum(1 for item in gc.get_objects() if isinstance(item, RecordSummary))


def test_spill_holds_no_summary() -> None:
    """Once the last record has gone into a spilled run, no summary is left in memory."""
    values = [_source("source:a", TEXT)] + [_statement(n, "source:a", 4, 11) for n in range(300)]
    before = _summaries_alive()
    seen: list[int] = []

    def watched() -> Iterator[Parsed]:
        yield from _parsed(values)
        seen.append(_summaries_alive() - before)

    checked = rows(watched(), VOCAB, LEVELS, True)
    found = list(problems_of(checked, VOCAB, LEVELS, store=Texts({"source:a": TEXT}), spill=True))
    assert found == []
    assert len(seen) == 1 and seen[0] <= 1  # the row being read, at most


def test_spill_groups_one_source_at_a_time() -> None:
    """The spill gives back each source with its own statements only, sources in order."""
    spill = AnchorSpill()
    try:
        location = Location(pointer="/records/0")
        for value in [_statement(0, "source:b", 0, 3), _source("source:a", TEXT)]:
            spill.add(_summary_of(value, location))
        groups = [(source_id, len(statements)) for source_id, _, statements in spill.groups()]
    finally:
        spill.close()
    assert groups == [("source:a", 0), ("source:b", 1)]


def _summary_of(value: Any, location: Location) -> RecordSummary:
    return summarize(value, location)


# --- What the site build's one pass holds in memory, as the set grows -------------------------

sys.path.insert(0, str(ROOT / "benchmarks"))

import html_site  # noqa: E402 - the benchmark folder is not a package

#: The containers the pass may hold.
_SIZED = (list, dict, set, array, bytearray, Runs)
#: The packages of the pass: the containers of their objects are counted.
_PASS = ("ddfacts.validation.", "ddfacts.check.", "ddfacts.html.")
#: Rows a spill or index writes at once, in this test (every batch, made small).
_SMALL_BATCH = 64


def _entries(item: object) -> int:
    """How many entries a container holds (one level down, for a dict of lists; runs)."""
    if isinstance(item, Runs):
        return item.runs()
    if isinstance(item, dict):
        inner = [len(v) for v in item.values() if isinstance(v, _SIZED)]
        return len(item) + sum(inner)
    return len(item)  # type: ignore[arg-type]


def _held() -> dict[str, int]:
    """The entries in each container attribute of every live holder, largest per name."""
    gc.collect()
    held: dict[str, int] = {}
    for item in gc.get_objects():
        module = vars(type(item)).get("__module__")  # a class's own, if it says
        if isinstance(module, str) and module.startswith(_PASS) and hasattr(item, "__dict__"):
            for name, value in vars(item).items():
                if isinstance(value, _SIZED):
                    key = f"{type(item).__name__}.{name}"
                    held[key] = max(held.get(key, 0), _entries(value))
    return held


def _pass_holds(count: int, work: Path) -> dict[str, int]:
    """What the one pass holds when the last of *count* generated records has gone in."""
    facts, texts = work / f"gen-{count}.jsonl", work / f"texts-{count}"
    html_site.write_generated(count, 0, facts, texts)
    factset = ddfacts.load(facts)
    seen: list[dict[str, int]] = []

    def watched() -> Iterator[ddfacts.Record]:
        yield from factset
        seen.append(_held())

    with ProblemStore() as problems, SiteIndex() as site:
        gather(watched(), ddfacts.TextStore(texts), problems, site)  # type: ignore[arg-type]
    assert len(seen) == 1
    return seen[0]


@pytest.fixture
def small_write_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every spill and index of the pass writes :data:`_SMALL_BATCH` rows at a time."""
    for module in (_spillmap, _anchorspill, _linkspill, _sitedb, html_problems):
        monkeypatch.setattr(module, "_BATCH", _SMALL_BATCH)
    monkeypatch.setattr(_spill, "BATCH", _SMALL_BATCH)


@pytest.mark.usefixtures("small_write_batches")
def test_the_pass_holds_no_more_as_the_set_grows(tmp_path: Path) -> None:
    """Four times the records: no container of the pass holds more than a batch more.

    Counted when the last record has gone in (validation, check and the site
    index still hold what they keep): the id index, claim groups, links,
    summaries, places and problems of the set are on disk, so what is left
    in memory is batches, caches bounded by what the vocabulary has, and
    what one record or one source brings.
    """
    small, large = _pass_holds(1500, tmp_path), _pass_holds(6000, tmp_path)
    grown = {
        k: (small.get(k, 0), n) for k, n in large.items() if n > small.get(k, 0) + _SMALL_BATCH
    }
    assert grown == {}
    watched = {"Places.lines", "LinkSpill._nodes", "SpillSorted._pending", "SpillMap._pending",
               "AnchorSpill._statements", "SpillKeeper._rows", "SiteIndex._pending"}  # fmt: skip
    assert watched <= set(large)  # the count sees the pass's own holders


# --- Validation's links on disk: the cycles a dict of first links gives ---------------------

_link_ids = st.sampled_from([f"actor:a{number}" for number in range(10)])


@settings(max_examples=80)
@given(
    st.lists(st.tuples(_link_ids, st.lists(_link_ids, min_size=1, max_size=3)), max_size=25),
    st.sampled_from([1, 3, 2000]),
    st.sampled_from([1, 32]),
)
def test_spilled_links_give_the_cycles_of_first_links(
    links: list[tuple[str, list[str]]], batch: int, wide: int
) -> None:
    """Random graphs (an id given links twice keeps its first, self-loops, dangling targets),
    written a few rows at a time or all at the end, pruned round after round or not: the
    same cycles in the same order as ``find_cycles`` over the dict validation keeps."""
    saved = _linkspill._BATCH, _linkspill.WIDE
    _linkspill._BATCH, _linkspill.WIDE = batch, wide
    memory, disk = FirstLinks(), _linkspill.LinkSpill()
    try:
        for ordinal, (record_id, targets) in enumerate(links):
            memory.add(record_id, ordinal, targets)
            disk.add(record_id, ordinal, targets)
        assert list(disk.cycles()) == list(memory.cycles())
        assert len(disk) == len(links)
    finally:
        _linkspill._BATCH, _linkspill.WIDE = saved
        disk.close()


def test_a_run_without_links_opens_no_link_database() -> None:
    """No links, no database: the cycles are none and closing costs nothing."""
    links = _linkspill.LinkSpill()
    assert list(links.cycles()) == []
    links.close()
    assert links._db is None


@settings(max_examples=80)
@given(st.lists(st.one_of(st.integers(-1, 6), st.just(10**18 - 1)), max_size=40))
def test_runs_give_back_what_was_appended(values: list[int]) -> None:
    """Lines and pointer numbers kept as arithmetic runs read back as a list would."""
    runs = Runs()
    for value in values:
        runs.append(value)
    assert [runs[index] for index in range(len(runs))] == values
    assert runs.runs() <= max(1, (len(values) + 1) // 2) if values else runs.runs() == 0
    with pytest.raises(IndexError):
        runs[len(values)]


def test_a_json_lines_run_is_one_run_of_lines() -> None:
    """A line a record (JSON Lines) and ``/records/N`` pointers: one run each, any length."""
    places = Places()
    for seq in range(5000):
        places.add(seq, "f.jsonl", seq + 1, f"/records/{seq}")
    assert places.lines.runs() == 1 and places._numbers.runs() == 1
    assert places[4321] == ("f.jsonl", 4322, "/records/4321")


# --- Check's evidence rule keeps a few texts, not every text it read ------------------------


class _CountingTexts:
    """Texts by source id; one refused; counts the reads."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.reads = 0

    def get(self, source: ddfacts.Source) -> str | None:
        self.reads += 1
        if source.id == "source:refused":
            raise ddfacts.errors.TextStoreError("its hash does not match")
        return self.texts.get(source.id)


_RealTexts = _texts._Texts


def _moved(monkeypatch: pytest.MonkeyPatch, keep: int) -> tuple[list[Problem], int, int]:
    """The evidence rule over claims that hop between six sources, keeping *keep* texts."""
    monkeypatch.setattr(_texts, "KEEP_TEXTS", keep)
    names = ["a", "b", "c", "d", "refused", "none"]
    sources = {f"source:{n}": ddfacts.Source(id=f"source:{n}", title=n) for n in names}
    quotes: dict[str, _texts.Quote | str] = {}
    cited = []
    for n in range(60):
        source = f"source:{names[n * 7 % 6]}"
        start = 0 if n % 5 else 2  # every fifth quote no longer stands at its offsets
        quotes[f"statement:s{n}"] = _texts.Quote(TEXT[:9], source, start, start + 9)
        cited.append(_texts.Cited(n, f"claim:c{n}", (f"statement:s{n}",)))
    lookup = _CountingTexts({f"source:{n}": TEXT for n in names[:4]})
    run = _RealTexts(lookup, sources, {})
    monkeypatch.setattr(_texts, "_Texts", lambda *args: run)
    found = list(_texts.moved_evidence(cited, quotes, sources, lookup, {}))
    return found, lookup.reads, len(run._read)


def test_the_evidence_rule_keeps_a_few_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two texts kept or all of them: the same problems (a refused text once); few kept."""
    every, reads_once, kept_all = _moved(monkeypatch, 100)
    few, reads_again, kept_few = _moved(monkeypatch, 2)
    assert few == every
    assert [p.code for p in every].count("anchor.text-refused") == 1
    assert {p.code for p in every} >= {"anchor.mismatch"}
    assert (reads_once, kept_all) == (6, 6)
    assert kept_few == 2 and reads_again > reads_once
