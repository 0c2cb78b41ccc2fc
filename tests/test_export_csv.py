"""write_csv() writes a folder of flattened CSV tables, one per record type, joinable by id."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.export import csv_tables, write_csv

from ._export_facts import build
from ._export_formats import check_csv
from ._facts11 import facts11


class TestCsvTables:
    def test_one_table_per_record_type_and_per_list(self) -> None:
        """Each record type has a table; each list member a child table."""
        assert sorted(csv_tables(build())) == [
            "actors.csv",
            "actors__identifiers.csv",
            "claims.csv",
            "claims__evidence.csv",
            "events.csv",
            "events__evidence.csv",
            "events__participants.csv",
            "reviews.csv",
            "reviews__evidence.csv",
            "sources.csv",
            "sources__authors.csv",
            "sources__provenance.derived_from.csv",
            "statements.csv",
        ]

    def test_nested_members_become_dotted_columns(self) -> None:
        """Anchors, values and provenance flatten into dotted columns, rows sorted by id."""
        assert csv_tables(build())["statements.csv"].splitlines()[:2] == [
            "id,type,source,anchor.start,anchor.end,anchor.exact,anchor.prefix,anchor.suffix,"
            "note,provenance.agent,provenance.tool,provenance.tool_version,provenance.recorded",
            "statement:gazette/count,statement,source:gazette,131,169,"
            '"The ministry said the count was 4,000.",""". The ministry disputed it. 🐟🐟 ",,,'
            "actor:ana,annotator,2.1,2023-03-10T12:00:00+00:00",
        ]

    def test_child_tables_hold_owner_index_and_value(self) -> None:
        """A list of ids is a table of (id, index, value); a list of objects spreads its keys."""
        tables = csv_tables(build())
        assert tables["claims__evidence.csv"] == (
            "id,index,value\n"
            "claim:followers,0,statement:gazette/followers\n"
            "claim:ministry-count,0,statement:gazette/count\n"
            "claim:ministry-count,1,statement:wire/count\n"
        )
        assert tables["events__participants.csv"] == (
            "id,index,actor,role\nevent:dispute,0,actor:embassy,target\n"
        )

    def test_empty_set_gives_headers_only(self) -> None:
        """Every record type's table is written even when empty, with a header."""
        tables = csv_tables(d.FactSet())
        assert set(tables.values()) == {"id,type\n"}
        assert len(tables) == 6


class TestWriteCsv:
    def test_folder_is_made_and_joins_hold(self, tmp_path: Path) -> None:
        """The folder is created; child rows join to their owners' ids."""
        written = write_csv(build(), tmp_path / "out" / "tables")
        assert len(written) == 13
        tables = check_csv(tmp_path / "out" / "tables")
        assert [row["id"] for row in tables["claims"]] == [
            "claim:followers",
            "claim:ministry-count",
        ]
        assert tables["claims"][0]["value.quantity.amount"] == "9000"

    def test_duckdb_reads_every_table_unconfigured(self, tmp_path: Path) -> None:
        """DuckDB's read_csv_auto loads each table with the right row count and a join works."""
        duckdb = pytest.importorskip("duckdb")
        write_csv(build(), tmp_path)
        con = duckdb.connect()
        for path in sorted(tmp_path.glob("*.csv")):
            lines = path.read_text(encoding="utf-8").count("\n") - 1
            (count,) = con.execute("SELECT count(*) FROM read_csv_auto(?)", [str(path)]).fetchone()
            assert count == lines, path.name
        joined = con.execute(
            'SELECT c.id, s."anchor.exact" FROM read_csv_auto(?) e '
            "JOIN read_csv_auto(?) c ON c.id = e.id "
            "JOIN read_csv_auto(?) s ON s.id = e.value ORDER BY c.id, e.index",
            [
                str(tmp_path / "claims__evidence.csv"),
                str(tmp_path / "claims.csv"),
                str(tmp_path / "statements.csv"),
            ],
        ).fetchall()
        assert joined[0] == ("claim:followers", "more than 9,000 followers")
        assert len(joined) == 3


def test_format_1_1_fields_have_columns(tmp_path: Path) -> None:
    """Proposition, certainty, negation, members, rank and the chain's hops are in the tables."""
    write_csv(facts11(), tmp_path)
    tables = check_csv(tmp_path)
    claims = {row["id"]: row for row in tables["claims"]}
    assert claims["claim:words"]["proposition.text"] == "Canada isolates itself"
    assert claims["claim:words"]["attribution.certainty"] == "probable"
    assert claims["claim:words"]["attribution.hedge"] == "apparently"
    assert claims["claim:each"]["attribution.negated"] == "true"
    assert claims["claim:each"]["members.scope"] == "each"
    assert claims["claim:each"]["where.property"] == "followers"
    assert claims["claim:rank"]["value.rank.position"] == "4"
    hops = [r for r in tables["claims__attribution.chain"] if r["id"] == "claim:words"]
    # As in the JSON, a member at its default (a hop's mode "reports") is left out.
    assert [(r["index"], r["by"], r["mode"]) for r in hops] == [
        ("0", "actor:tass", ""),
        ("1", "actor:embassy", "translates"),
    ]
    about = tables["claims__proposition.about"]
    assert [(r["id"], r["value"]) for r in about] == [("claim:words", "actor:canada")]
