"""One wording for a rank and for how firmly a claim is asserted, shared by every output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import ddfacts as d
from ddfacts._describe import describe_claim, describe_factuality, describe_rank, ordinal
from ddfacts.export._common import claim_sentence
from ddfacts.html import build
from ddfacts.html._claimwords import claim_details

NAMES = {"actor:missions": "Russian missions", "actor:uk": "UK", "actor:us": "US"}


def _name(record_id: str) -> str:
    return NAMES.get(record_id, record_id)


def _rank(position: int = 4, tied: bool = False, **ranking: Any) -> d.Rank:
    ranking.setdefault("measure", "followers")
    return d.Rank(position=position, tied=tied, ranking=d.Ranking(of="actor:missions", **ranking))


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (21, "21st"), (22, "22nd"), (111, "111th"), (1001, "1,001st")],
)  # fmt: skip
def test_ordinal(number: int, words: str) -> None:
    """Positions read as English ordinals, the teens included."""
    assert ordinal(number) == words


class TestRank:
    """A rank in words: an ordinal, what is ranked, by what, in which order, among, as of."""

    def test_ids_by_default(self) -> None:
        assert describe_rank(_rank()) == "4th of actor:missions by followers, descending"

    def test_names_tied_order_among_and_time(self) -> None:
        rank = _rank(
            1,
            tied=True,
            order="ascending",
            among=("actor:uk", "actor:us"),
            as_of=d.parse_time("2014-12"),
        )
        assert describe_rank(rank, _name) == (
            "tied 1st of Russian missions by followers, ascending, among UK, US, as of 2014-12"
        )

    def test_no_parentheses_so_it_sits_in_a_sentence(self) -> None:
        assert "(" not in describe_rank(_rank(as_of=d.parse_time("2014")), _name)

    def test_a_claim_words_its_rank_the_same_way(self) -> None:
        claim = d.Claim(id="claim:r", subject="actor:uk", property="rank", value=_rank())
        assert describe_claim(claim, _name) == (
            "UK: rank 4th of Russian missions by followers, descending"
        )


def _said(**fields: Any) -> d.Attribution:
    return d.Attribution(source="source:a", **fields)


class TestFactuality:
    """How firmly a claim is asserted, with the hedge as written; nothing when certain."""

    @pytest.mark.parametrize(
        ("attribution", "words"),
        [
            (None, ""),
            (_said(), ""),
            (_said(certainty="probable", hedge="apparently"), "probable: “apparently”"),
            (_said(certainty="possible"), "possible"),
            (_said(negated=True), "negated"),
            (_said(negated=True, certainty="possible", hedge="may"), "negated, possible: “may”"),
        ],
    )
    def test_words(self, attribution: d.Attribution | None, words: str) -> None:
        assert describe_factuality(attribution) == words

    def test_exports_and_html_say_the_same(self, tmp_path: Path) -> None:
        """The export's sentence and the HTML row word a hedge and a negation alike."""
        attribution = _said(negated=True, certainty="probable", hedge="reportedly")
        claim = d.Claim(
            id="claim:h",
            subject="actor:uk",
            property="on_platform",
            value="Twitter",
            attribution=attribution,
        )
        facts = d.FactSet([d.Actor(id="actor:uk", name="UK", kind="state"), claim])
        words = describe_factuality(attribution)
        assert claim_sentence(claim, facts).endswith(f"({words})")
        assert words in claim_details(facts, claim)

    def test_a_sentence_that_says_the_hedge_keeps_it_once(self) -> None:
        claim = d.Claim(
            id="claim:h",
            text=None,
            proposition=d.Proposition(text="Canada apparently isolates itself"),
            attribution=_said(certainty="probable", hedge="apparently"),
        )
        assert claim_sentence(claim, d.FactSet([claim])) == "Canada apparently isolates itself"


class TestHtmlRankLine:
    """The HTML row shows a rank line only when the claim's words do not already show it."""

    def _facts(self, text: str | None) -> tuple[d.FactSet, d.Claim]:
        claim = d.Claim(id="claim:r", subject="actor:uk", property="rank", value=_rank(), text=text)
        actors = [d.Actor(id=i, name=n, kind="state") for i, n in NAMES.items()]
        return d.FactSet([*actors, claim]), claim

    def test_words_show_the_triple(self) -> None:
        facts, claim = self._facts(None)
        assert claim_details(facts, claim) == []

    def test_a_text_of_its_own(self, tmp_path: Path) -> None:
        facts, claim = self._facts("The UK is fourth")
        line = "rank: 4th of Russian missions by followers, descending"
        assert claim_details(facts, claim) == [line]
        build(facts, None, tmp_path / "site")
        assert line in (tmp_path / "site" / "claims.html").read_text(encoding="utf-8")
