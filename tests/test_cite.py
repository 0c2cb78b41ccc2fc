"""Citations and text fragments: the fragment, decoded, finds the quote and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.cite import CiteError, TextDirective, TextDirectiveError, cite, text_fragment
from ddfacts.cite._fragments import build_directive

from ._facts11 import facts11

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
DEMO_TEXT = (DEMO / "demo.txt").read_text(encoding="utf-8")
WORD_STARTS = [m.start() for m in re.finditer(r"(?<!\S)\S", DEMO_TEXT)]
WORD_ENDS = [m.end() for m in re.finditer(r"\S(?!\S)", DEMO_TEXT)]


def _target(text: str, start: int, end: int) -> tuple[int, int]:
    """The span a browser highlights for text[start:end]: without outer whitespace."""
    quote = text[start:end]
    return start + len(quote) - len(quote.lstrip()), start + len(quote.rstrip())


class TestTextDirective:
    """Encoding, decoding and matching of text directives."""

    def test_encoding(self) -> None:
        """Dashes, commas, ampersands, spaces and non-ASCII are percent-encoded."""
        directive = TextDirective(start="a-b, c&d é", prefix="x", suffix="y")
        assert str(directive) == "text=x-,a%2Db%2C%20c%26d%20%C3%A9,-y"

    def test_range_form(self) -> None:
        """start and end are separated by a comma."""
        assert str(TextDirective(start="first words", end="last")) == "text=first%20words,last"

    @given(
        st.lists(st.text(min_size=1).filter(lambda s: bool(s.split())), min_size=1, max_size=4).map(
            lambda terms: [" ".join(term.split()) for term in terms]
        )
    )
    def test_round_trip(self, terms: list[str]) -> None:
        """Parsing an encoded directive gives back its terms."""
        names = ("start", "end", "prefix", "suffix")
        directive = TextDirective(**dict(zip(names, terms, strict=False)))
        assert TextDirective.parse(str(directive)) == directive

    def test_parse_url(self) -> None:
        """A directive is found in a full URL after the fragment directive delimiter."""
        url = "https://example.org/a#top:~:text=x-,nine%20thousand,-y&other=1"
        assert TextDirective.parse(url) == TextDirective(
            start="nine thousand", prefix="x", suffix="y"
        )

    @pytest.mark.parametrize("bad", ["#:~:other=1", "text=", "text=a,b,c", "text=%20"])
    def test_parse_errors(self, bad: str) -> None:
        """Strings that hold no well-formed directive are refused."""
        with pytest.raises(TextDirectiveError):
            TextDirective.parse(bad)

    def test_matches_case_and_space(self) -> None:
        """Matching ignores case and treats any whitespace run as one space."""
        assert TextDirective(start="new york").matches("In New\n  York today") == [(3, 13)]

    def test_matches_word_bounded(self) -> None:
        """A term does not match inside a word."""
        assert TextDirective(start="cat").matches("concatenate a cat") == [(14, 17)]

    def test_prefix_and_suffix(self) -> None:
        """Context terms pick one occurrence of a repeated quote."""
        text = "we said yes. they said yes. we said no."
        directive = TextDirective(start="said", prefix="they", suffix="yes")
        assert directive.matches(text) == [(18, 22)]


class TestTextFragment:
    """text_fragment picks the shortest directive that opens the page at the quote."""

    def test_without_text(self) -> None:
        """Without a text, the directive is the quote, whitespace folded."""
        assert str(text_fragment("more than\n9,000")) == "text=more%20than%209%2C000"

    def test_repeated_quote(self) -> None:
        """A quote that occurs twice gets context until it matches once."""
        start = DEMO_TEXT.rindex("We answer every question")
        directive = text_fragment("We answer every question", DEMO_TEXT, position=start)
        assert directive.prefix is not None or directive.suffix is not None
        assert directive.matches(DEMO_TEXT) == [(start, start + 24)]

    def test_long_quote_uses_range(self) -> None:
        """A long quote is cited by its first and last words."""
        start = DEMO_TEXT.index("The Twitter account of the Embassy")
        end = DEMO_TEXT.index("took it over.") + len("took it over.")
        directive = text_fragment(DEMO_TEXT[start:end], DEMO_TEXT, position=start)
        assert directive.end is not None
        assert directive.matches(DEMO_TEXT) == [(start, end)]

    def test_empty_quote(self) -> None:
        """A quote with no word in it is refused."""
        with pytest.raises(TextDirectiveError):
            text_fragment("  ")

    @given(st.data())
    def test_any_word_span_of_the_demo(self, data: st.DataObject) -> None:
        """For any span of whole words of the demo text, the directive finds it alone."""
        start = data.draw(st.sampled_from(WORD_STARTS))
        end = data.draw(st.sampled_from([e for e in WORD_ENDS if e > start][:60]))
        directive = text_fragment(DEMO_TEXT[start:end], DEMO_TEXT, position=start)
        assert TextDirective.parse(str(directive)).matches(DEMO_TEXT) == [
            _target(DEMO_TEXT, start, end)
        ]

    def test_seed_repeated_words(self, seeds_dir: Path) -> None:
        """Every occurrence of words repeated in the seed texts gets a unique directive,
        but one: a caption repeated word for word as the next paragraph, which no
        directive can tell apart (context may not reach across a blank line)."""
        not_unique = []
        for path in sorted(seeds_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for word in ("Russia", "Twitter", "Canada", "embassy", "said"):
                for match in re.finditer(rf"\b{word}\b", text):
                    directive, unique = build_directive(word, text, match.start())
                    decoded = TextDirective.parse(str(directive))
                    if unique:
                        assert decoded.matches(text) == [match.span()], (path.name, match.start())
                    else:
                        assert match.span() in decoded.matches(text)
                        not_unique.append((path.name[:3], match.start()))
        assert not_unique == [("001", 741)]


@pytest.fixture
def demo() -> d.FactSet:
    """The demo fact file."""
    return d.load(DEMO / "demo.facts.json")


class TestCite:
    """cite() gathers source metadata, the quote and the fragment."""

    def test_every_demo_statement(self, demo: d.FactSet) -> None:
        """Each demo statement's fragment, decoded, matches its quote and nothing else."""
        store = d.TextStore(DEMO)
        for statement in demo.statements:
            (passage,) = cite(demo, statement.id, texts=store).passages
            anchor = statement.anchor
            decoded = TextDirective.parse(str(passage.fragment))
            assert passage.unique is True, statement.id
            assert decoded.matches(DEMO_TEXT) == [_target(DEMO_TEXT, anchor.start, anchor.end)]

    def test_every_seed_statement(self, seeds_dir: Path) -> None:
        """Each seed statement's fragment, decoded, matches its quote (or is flagged not unique)."""
        records = [  # one FactSet across the folder's files, as validate reads them
            record
            for path in sorted((DEMO.parent / "seeds").glob("*.facts.json"))
            for record in d.load(path)
        ]
        facts = d.FactSet(records)
        store = d.TextStore(seeds_dir)
        texts = {source.id: store.text_for(source) for source in facts.sources}
        not_unique = []
        for statement in facts.statements:
            (passage,) = cite(facts, statement.id, texts=store).passages
            text, anchor = texts[statement.source], statement.anchor
            matches = TextDirective.parse(str(passage.fragment)).matches(text)
            if passage.unique:
                assert matches == [_target(text, anchor.start, anchor.end)], statement.id
            else:
                not_unique.append(statement.id)
        # Quotes that start or end inside a word cannot be targeted by a text fragment.
        assert not_unique == [], not_unique

    def test_statement_metadata(self, demo: d.FactSet) -> None:
        """A statement's passage names the source's title, authors, publisher and date."""
        statement = demo.statements[2]
        (passage,) = cite(demo, statement.id).passages
        source = demo.get(statement.source, d.Source)
        assert source is not None and source.published is not None
        assert (passage.title, passage.authors, passage.publisher, passage.published) == (
            source.title,
            ("Mira Halden",),
            "The Harbour Ledger",
            source.published.edtf,
        )
        assert passage.unique is None

    def test_link(self) -> None:
        """With a URL, the link carries the fragment after #:~:."""
        facts = d.FactSet(
            [
                d.Source(id="source:a", url="https://example.org/a"),
                d.Statement(
                    id="statement:a/1",
                    source="source:a",
                    anchor=d.Anchor(start=0, end=9, exact="9,000-odd"),
                ),
            ]
        )
        (passage,) = cite(facts, "statement:a/1").passages
        assert passage.link == "https://example.org/a#:~:text=9%2C000%2Dodd"

    def test_claim(self, demo: d.FactSet) -> None:
        """A claim's citation names the speaker and mode, with one passage per evidence."""
        claim = next(c for c in demo.claims if c.speaker is not None and c.evidence)
        citation = cite(demo, claim.id)
        speaker = demo.get(claim.speaker or "", d.Actor)
        assert speaker is not None and claim.attribution is not None
        assert (citation.type, citation.speaker, citation.mode) == (
            "claim",
            speaker.name,
            claim.attribution.mode.value,
        )
        assert [p.statement for p in citation.passages] == list(claim.evidence)

    def test_unknown_id(self, demo: d.FactSet) -> None:
        """An id no record has is refused."""
        with pytest.raises(CiteError, match="no record has the id 'claim:nope'"):
            cite(demo, "claim:nope")

    def test_wrong_type(self, demo: d.FactSet) -> None:
        """Only statements and claims are cited."""
        with pytest.raises(CiteError, match="only statements and claims are cited"):
            cite(demo, demo.actors[0].id)


def test_a_proposition_only_claim_cites_with_its_hedge_and_chain() -> None:
    """A claim with no triple cites by its proposition; the hedge and the hops are said."""
    citation = cite(facts11(), "claim:words")
    assert citation.claim == "Canada isolates itself"
    assert citation.via == "TASS → Embassy of Russia"
    assert citation.certainty == "probable: “apparently”"
    assert citation.to_json()["certainty"] == "probable: “apparently”"
    text = citation.render_text()
    assert "said by Oleg Stepanov; probable: “apparently”; the source reports it" in text
    assert "certainty" not in cite(facts11(), "claim:relayed").to_json()
    assert cite(facts11(), "claim:relayed").via == "TASS"
