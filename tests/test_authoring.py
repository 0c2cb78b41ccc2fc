"""ddfacts.authoring.Document: from a text to records that cite it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

import ddfacts
from ddfacts import Qualifier, Quantity, Rating, Ref, Source, TimeSpan
from ddfacts.authoring import AmbiguousQuoteError, Document, combine
from ddfacts.errors import DuplicateIdError, TextStoreError

TEXT = (
    "The Harbour Ledger | Lindholm | Tuesday, 14 March 2023\n"
    "By Mira Halden\n"
    "The embassy account now has more than 12,500 followers, Tomas Brell said last week.\n"
    "Brell, 31, runs the account alone. The ministry summoned the ambassador on Monday.\n"
    "\u201cWe will stay open,\u201d Brell said.\n"
)


class _Texts:
    """Texts by source id, as check reads them."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def get(self, source: Source) -> str | None:
        return self.texts.get(source.id)

    def text_for(self, source: Source) -> str:
        return self.texts[source.id]


@pytest.fixture
def doc() -> Document:
    """A small article published on 14 March 2023."""
    return Document(TEXT, id="source:ledger", title="A press office", published="14 March 2023")


class TestSource:
    """The Source a Document makes."""

    def test_sha256_and_length_are_computed(self, doc: Document) -> None:
        """The identity is the text's, computed, not typed."""
        assert doc.source.sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
        assert doc.source.length == len(TEXT)

    def test_published_phrase_is_parsed(self, doc: Document) -> None:
        """A publication date given as a phrase becomes a TimeSpan and the reference."""
        assert doc.source.published is not None
        assert doc.source.published.earliest == dt.date(2023, 3, 14)
        assert doc.reference is not None

    def test_bare_id_gets_the_prefix(self) -> None:
        """``id="ledger"`` is ``source:ledger``."""
        assert Document("x", id="ledger").source.id == "source:ledger"

    def test_from_file_reads_utf8_as_stored(self, tmp_path: Path) -> None:
        """from_file keeps the bytes' newlines and refuses other encodings."""
        path = tmp_path / "a.txt"
        path.write_bytes("caf\u00e9\r\nline".encode())
        assert Document.from_file(path, id="source:a").text == "caf\u00e9\r\nline"
        path.write_bytes("caf\u00e9".encode("latin-1"))
        with pytest.raises(TextStoreError, match="invalid UTF-8"):
            Document.from_file(path, id="source:a")


class TestStatement:
    """doc.statement: one occurrence, never guessed."""

    def test_unique_quote_gets_the_default_id(self, doc: Document) -> None:
        """A quote occurring once needs nothing more."""
        made = doc.statement("By Mira Halden")
        assert made.id == "statement:ledger/by-mira-halden"
        assert made.anchor.verify(TEXT)

    def test_ambiguous_quote_is_refused_with_occurrences(self, doc: Document) -> None:
        """A quote occurring three times lists all three with context."""
        with pytest.raises(AmbiguousQuoteError) as caught:
            doc.statement("Brell")
        message = str(caught.value)
        assert "occurs 3 times" in message
        assert "occurrence=1" in message and "occurrence=3" in message
        assert "Tomas [Brell] said" in message
        assert len(caught.value.starts) == 3

    def test_occurrence_and_after_pick_one(self, doc: Document) -> None:
        """occurrence= counts in the text; after= counts from a quote or offset."""
        second = doc.statement("Brell", occurrence=2)
        assert TEXT[second.anchor.start :].startswith("Brell, 31")
        assert doc.statement("Brell", after="stay open").anchor.start > second.anchor.start
        assert doc.statement("Brell", after=second.anchor.end).anchor.start > second.anchor.start

    def test_same_quote_gives_the_same_statement(self, doc: Document) -> None:
        """Citing a quote twice makes one record."""
        assert doc.statement("By Mira Halden") is doc.statement("By Mira Halden")
        assert len(doc.records()) == 2

    def test_missing_quote_and_occurrence(self, doc: Document) -> None:
        """A quote not in the text, or an occurrence too far, is an error."""
        with pytest.raises(ddfacts.QuoteNotFoundError, match="not in the text"):
            doc.statement("Veloria")
        with pytest.raises(ddfacts.QuoteNotFoundError, match="no occurrence 4"):
            doc.statement("Brell", occurrence=4)

    def test_plain_space_matches_no_break_space(self) -> None:
        """A quote typed with a space cites the text's no-break space."""
        doc = Document("on 9\u00a0May it rained", id="source:x")
        assert doc.statement("9 May").anchor.exact == "9\u00a0May"


class TestClaim:
    """doc.claim: values read as the property takes them."""

    def test_quantity_phrase(self, doc: Document) -> None:
        """A quantity phrase is parsed, its unit the property's."""
        account = doc.actor("ledger-account", "account", "@acct", operated_by="actor:someone")
        claim = doc.claim(
            account,
            "followers",
            "more than 12,500 followers",
            as_of="14 March 2023",
            evidence=["more than 12,500 followers"],
        )
        assert isinstance(claim.value, Quantity)
        assert (claim.value.qualifier, claim.value.amount) == (Qualifier.MORE_THAN, 12500)
        assert claim.id == "claim:ledger/ledger-account-followers"
        assert claim.evidence == ("statement:ledger/more-than-12-500-followers",)

    def test_time_phrase_uses_the_publication_date(self, doc: Document) -> None:
        """ "last week" is read against the publication date and records it."""
        span = doc.time("last week")
        assert isinstance(span, TimeSpan)
        assert span.earliest == dt.date(2023, 3, 6)
        assert span.resolved_against is not None

    def test_entity_value_and_statement_evidence(self, doc: Document) -> None:
        """An entity property takes an id; evidence may be a Statement."""
        quote = doc.statement("Tomas Brell said")
        claim = doc.claim("actor:brell", "member_of", "actor:embassy", evidence=[quote])
        assert claim.value == Ref(id="actor:embassy")
        assert claim.evidence == (quote.id,)

    def test_vocabulary_problems_raise_at_the_call(self, doc: Document) -> None:
        """Unknown names and roles raise with the validator's "did you mean"."""
        with pytest.raises(ddfacts.VocabularyError, match="did you mean 'followers'"):
            doc.claim("actor:a", "folowers", "3")
        with pytest.raises(ddfacts.VocabularyError, match="did you mean 'person'"):
            doc.actor("a", "persn", "A")
        with pytest.raises(ddfacts.VocabularyError, match="not allowed in a 'summons'"):
            doc.event("e", "summons", participants=[("actor:a", "speaker")])
        with pytest.raises(ddfacts.VocabularyError, match="takes a quantity value"):
            doc.claim("actor:a", "followers", Ref(id="actor:b"))

    def test_second_claim_on_the_same_property_gets_a_number(self, doc: Document) -> None:
        """Default claim ids never collide."""
        first = doc.claim("actor:a", "followers", "900 followers", id=None)
        second = doc.claim("actor:a", "followers", "1,000 followers")
        assert second.id == first.id + "-2"


class TestWholeDocument:
    """records(), factset(), combine(): what validate and check accept."""

    def _declare(self, doc: Document) -> None:
        ledger = doc.actor("ledger", "newspaper", "The Harbour Ledger")
        ministry = doc.actor("ministry", "ministry", "The ministry")
        ambassador = doc.actor("ambassador", "person", "The ambassador")
        doc.event(
            "summons",
            "summons",
            time="Monday",
            participants=[(ministry, "agent"), (ambassador, "target")],
            evidence=["The ministry summoned the ambassador on Monday."],
        )
        claim = doc.claim(
            ledger,
            "followers",
            "more than 12,500 followers",
            evidence=["more than 12,500 followers"],
            id="ledger-followers",
        )
        doc.review(claim, rating=Rating(value=3, best=5, worst=1), reviewer=ledger)

    def test_records_validate_and_check(self, doc: Document) -> None:
        """A whole annotation validates and passes check against its text."""
        self._declare(doc)
        facts = doc.factset()
        assert ddfacts.validate(facts).ok
        report = ddfacts.check(facts, texts=_Texts({doc.source.id: doc.text}))
        assert report.ok, report
        assert [r.type for r in doc.records()][:2] == ["source", "actor"]

    def test_round_trip(self, doc: Document) -> None:
        """The records dump and load back equal."""
        self._declare(doc)
        facts = doc.factset()
        assert ddfacts.loads(ddfacts.dumps(facts)) == facts

    def test_combine_keeps_shared_actors_once(self) -> None:
        """Two documents naming the same actor give one record; different ones clash."""
        first, second = Document("A said", id="source:a"), Document("B said", id="source:b")
        first.actor("x", "person", "X")
        second.actor("x", "person", "X")
        assert len(combine(first, second).actors) == 1
        second.actor("y", "person", "Y")
        first.actor("y", "person", "Why")
        with pytest.raises(DuplicateIdError):
            combine(first, second)


@pytest.mark.parametrize(
    ("quote", "slug"),
    [
        ("Мы не отступим, сказал Щербаков", "my-ne-otstupim-skazal-shcherbakov"),
        ("Ёжик в тумане, й", "ezhik-v-tumane-y"),
        ("20 мая 1945 года", "20-maya-1945-goda"),
        ("Київ і Їжак", "kiyiv-i-yizhak"),
        ("Ο Πρωθυπουργός είπε ότι", "o-prothypoyrgos-eipe-oti"),
        ("more than 9,000 followers", "more-than-9-000-followers"),
        ("Café au lait — naïve", "cafe-au-lait-naive"),
        ("A post shared by МИД России / Russia's MFA", "a-post-shared-by-russias-mfa"),
    ],
)
def test_ids_of_cyrillic_and_greek_quotes_are_readable(quote: str, slug: str) -> None:
    """Mostly Cyrillic or Greek quotes are romanized; mostly Latin ones keep their old id."""
    text = f"Before. {quote}. After."
    doc = Document(text, id="source:t")
    assert doc.statement(quote).id == f"statement:t/{slug}"


def test_a_quote_with_no_letters_to_read_gets_a_hash_id() -> None:
    """Scripts without a romanization here (CJK) still get ``q`` and a hash."""
    doc = Document("他说：我们不会后退。", id="source:t")
    assert re.fullmatch(r"statement:t/q[0-9a-f]{10}", doc.statement("我们不会后退").id)
