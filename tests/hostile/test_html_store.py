"""Hostile input to ``ddfacts html --db``: damaged stores, hostile ids and texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("jinja2")

import ddfacts
from ddfacts.cli import main
from ddfacts.html import build
from ddfacts.store import FactStore, StoreError, build_store

from ..conftest import ROOT
from ..test_html import _hostile, _tree

DEMO = ROOT / "examples" / "demo"


def _store(tmp_path: Path, facts: ddfacts.FactSet) -> Path:
    path = tmp_path / "facts.jsonl"
    ddfacts.dump(facts, path)
    build_store([path], tmp_path / "facts.sqlite")
    return tmp_path / "facts.sqlite"


def test_a_tampered_store_exits_2_and_writes_no_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record changed into bad JSON stops the build with one sentence; nothing is left."""
    store = _store(tmp_path, ddfacts.load(DEMO / "demo.facts.json"))
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE records SET json = '[[[[' WHERE type = 'claim'")
    connection.close()
    out = tmp_path / "out" / "site"
    code = main(["html", "--db", str(store), "--texts", str(DEMO), "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "holds a bad record" in err and "Traceback" not in err
    assert not out.exists()
    assert list((tmp_path / "out").iterdir()) == []  # no scratch folder left beside it
    with FactStore(store) as opened, pytest.raises(StoreError):
        build(opened, None, tmp_path / "again")
    assert not (tmp_path / "again").exists()


def test_markup_astral_and_rtl_from_a_store_match_the_set(tmp_path: Path) -> None:
    """Quotes with markup, emoji, RTL text and CR give the same escaped site from a store."""
    facts, _ = _hostile(tmp_path)
    from_set = build(facts, ddfacts.TextStore(tmp_path / "texts"), tmp_path / "a")
    with FactStore(_store(tmp_path, facts)) as store:
        from_store = build(store, ddfacts.TextStore(tmp_path / "texts"), tmp_path / "b")
    page = (from_store / "sources" / "source.x.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert _tree(from_store) == _tree(from_set)


def test_hostile_names_and_dangling_references_match_the_set(tmp_path: Path) -> None:
    """Names with markup, astral and bidi characters, and references to nothing: same site."""
    names = ['<b>"x"</b>&', "\U0001f600", "\u202eevil", "\ue000", "a\r\nb", "Z"]
    ids = ["a.b", "a/b", "a-b", "0", "z9", "a"]
    records: list[ddfacts.Record] = []
    for number, (tail, name) in enumerate(zip(ids, names, strict=True)):
        records.append(ddfacts.Actor(id=f"actor:{tail}", kind="person", name=f"<i>{name}</i>"))
        records.append(
            ddfacts.Claim(
                id=f"claim:{tail}",
                subject=f"actor:{tail}",
                property="followers",
                value=ddfacts.Quantity(
                    amount=number, lower=number, upper=number, qualifier="exact"
                ),
                speaker=f"actor:{ids[-1 - number]}" if number % 2 else "actor:missing",
                evidence=(f"statement:nowhere-{number}",),
            )
        )
    facts = ddfacts.FactSet(records)
    from_set = build(facts, None, tmp_path / "a")
    with FactStore(_store(tmp_path, facts)) as store:
        from_store = build(store, None, tmp_path / "b")
    assert _tree(from_store) == _tree(from_set)
    index = (from_store / "index.html").read_text(encoding="utf-8")
    assert "<i>" not in index and "&lt;i&gt;" in index
    assert "statement:nowhere-0" in index  # the dangling evidence is a problem on the index
