"""ddfacts.html: the static site's pages, their escaping, and byte-identical builds."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("jinja2")

import ddfacts
from ddfacts.cli import main
from ddfacts.html import SiteError, build
from ddfacts.html._blocks import Mark, blocks, slug

from ._facts11 import facts11
from .conftest import ROOT

DEMO = ROOT / "examples" / "demo"


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_demo_site_is_byte_identical_twice(tmp_path: Path) -> None:
    """Two builds of the same facts write the same files with the same bytes."""
    facts = ddfacts.load(DEMO / "demo.facts.json")
    build(facts, ddfacts.TextStore(DEMO), tmp_path / "a")
    build(facts, ddfacts.TextStore(DEMO), tmp_path / "b")
    first = _tree(tmp_path / "a")
    assert first == _tree(tmp_path / "b")
    assert {"index.html", "claims.html", "timeline.html", "charts.html"} <= set(first)
    assert "sources/source.demo.html" in first


def _hostile(tmp_path: Path) -> tuple[ddfacts.FactSet, str]:
    text = 'He said "<script>alert(1)</script> & more" 🎉.\r\n\r\nПривет мир — שלום עולם 😀 end.'
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x.txt").write_bytes(text.encode("utf-8"))
    quotes = [
        "<script>alert(1)</script> & more",
        "😀 end",
        "Привет мир — שלום",
        "🎉.\r\n\r\nПривет",
    ]
    records: list[ddfacts.Record] = [ddfacts.Source(id="source:x", title="<b>T</b> & co")]
    for number, quote in enumerate(quotes):
        anchor = ddfacts.Anchor.from_quote(text, quote)
        records.append(
            ddfacts.Statement(id=f"statement:x/{number}", source="source:x", anchor=anchor)
        )
    return ddfacts.FactSet(records), text


def test_quotes_with_markup_astral_and_rtl_text_are_escaped(tmp_path: Path) -> None:
    """Markup in texts and titles is escaped; emoji, Cyrillic, Hebrew and CR are kept."""
    facts, _ = _hostile(tmp_path)
    build(facts, ddfacts.TextStore(tmp_path / "texts"), tmp_path / "site")
    page = (tmp_path / "site" / "sources" / "source.x.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "&lt;b&gt;T&lt;/b&gt; &amp; co" in page
    assert "😀" in page and "Привет" in page and "שלום" in page
    assert "&#13;" in page and "\r" not in page


def test_overlapping_and_paragraph_spanning_marks_nest() -> None:
    """Crossing marks split into parts; every piece lies in one block; text is kept whole."""
    text = "one two three\n\nfour five"
    marks = [Mark("a", 0, 7), Mark("b", 4, 13), Mark("c", 8, 19)]
    result = blocks(text, marks)
    rebuilt = "".join("".join(p.text for p in b.pieces) + b.gap for b in result)
    assert rebuilt == text
    firsts = [p.mark.statement for b in result for p in b.pieces if p.kind == "open" and p.first]
    assert sorted(firsts) == ["a", "b", "c"]
    for block in result:
        depth = 0
        for piece in block.pieces:
            depth += {"open": 1, "close": -1}.get(piece.kind, 0)
            assert depth >= 0
        assert depth == 0


def test_slugs_are_one_to_one_and_safe() -> None:
    """Different ids give different slugs made of URL-safe characters only."""
    ids = ["a:b/c", "a:b_c", "a.b/c", "a:b/C", "a:b/ç", "x:" + "y" * 500, "x:" + "y" * 499 + "z"]
    slugs = [slug(i) for i in ids]
    assert len(set(slugs)) == len(ids)
    assert all(len(s) <= 120 and s.isascii() and "/" not in s for s in slugs)


def test_the_cli_refuses_a_folder_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ddfacts html`` exits 2 rather than replace a folder that is not a site."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("x")
    code = main(
        ["html", str(DEMO / "demo.facts.json"), "--texts", str(DEMO), "-o", str(tmp_path / "mine")]
    )
    assert code == 2
    assert (tmp_path / "mine" / "keep.txt").read_text() == "x"
    assert (
        main(
            ["html", str(DEMO / "demo.facts.json"), "--texts", str(DEMO), "-o", str(tmp_path / "s")]
        )
        == 0
    )
    assert (
        main(
            ["html", str(DEMO / "demo.facts.json"), "--texts", str(DEMO), "-o", str(tmp_path / "s")]
        )
        == 0
    )
    with pytest.raises(SiteError):
        build(ddfacts.FactSet(), None, tmp_path / "mine")


def test_claim_rows_say_the_1_1_parts_in_words(tmp_path: Path) -> None:
    """Propositions, hedges, members, conditions, ranks and chains show in the claim's row."""
    build(facts11(), None, tmp_path / "site")
    page = (tmp_path / "site" / "claims.html").read_text(encoding="utf-8")
    assert "<li>probable: “apparently”</li>" in page
    assert "passed on by TASS (reports, in ru) → Embassy of Russia (translates, in en)" in page
    assert "about each member of Russian missions, except Embassy in Kuwait" in page
    assert "counting only members with followers: more than 100" in page
    assert "Embassy of Russia: rank 4th of Russian missions by followers, descending" in page
    assert "<li>negated</li>" in page
    assert ">None<" not in page and 'data-subject="None' not in page
    assert 'data-subject="actor:canada Canada"' in page


def test_the_problem_store_keeps_order_groups_and_drops_repeats() -> None:
    """Problems come back by record in report order; check's repeats of validate's are dropped."""
    from ddfacts.html._problems import ProblemStore
    from ddfacts.problems import Location, Problem

    def problem(code: str, message: str, *, records: tuple[str, ...] = (), at: str = "") -> Problem:
        return Problem(
            code=code,
            severity="error",
            message=message,
            location=Location(pointer=at),
            records=records,
        )

    with ProblemStore() as store:
        folder = Path(store._folder.name)
        store.name(0, "claim:z")
        store.name(1, "Claim:B")
        store.add(
            [
                problem("a.one", "first", at="/records/1"),
                problem("a.two", "both", records=("claim:b", "claim:a")),
                problem("a.three", "nowhere"),
            ],
        )
        store.add(
            [problem("a.two", "both", at="/records/0"), problem("c.new", "fresh", at="/records/0")],
            fresh_only=True,
        )
        store.seal()
        assert store.of("claim:z") == [("c.new", "error", "fresh")]
        assert [record for record, _ in store.grouped()] == [
            "claim:a",
            "Claim:B",
            "claim:b",
            "claim:z",
        ]
        assert store.unplaced() == [("a.three", "error", "nowhere")]
        assert store.total == 5
    assert not folder.exists()


def test_pages_are_written_as_they_are_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No page is rendered whole in memory: every template is streamed into its file."""
    import jinja2

    def whole(*args: object, **kwargs: object) -> str:
        raise AssertionError("a page was rendered whole")

    monkeypatch.setattr(jinja2.Template, "render", whole)
    build(ddfacts.load(DEMO / "demo.facts.json"), ddfacts.TextStore(DEMO), tmp_path / "site")
    claims = (tmp_path / "site" / "claims.html").read_text(encoding="utf-8")
    assert claims.count("<tr id=") == len(ddfacts.load(DEMO / "demo.facts.json").claims)
