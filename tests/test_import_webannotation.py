"""from_webannotation() turns W3C and Hypothesis annotations into anchored Statements."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.export import to_webannotation
from ddfacts.imports import from_webannotation, source_id_for_iri
from ddfacts.offsets import to_utf16
from ddfacts.problems import CODES, Severity
from ddfacts.textstore import sha256_of

from ._export_facts import GAZETTE, WIRE, build

URL = "https://gazette.example/2023/03/followers"


class DictStore:
    """A text store backed by a dict of source id to text."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def get(self, source: d.Source) -> str | None:
        return self.texts.get(source.id)

    def text_for(self, source: d.Source) -> str:
        text = self.get(source)
        if text is None:
            raise d.TextStoreError(f"{source.id}: no text")
        return text


STORE = DictStore({"source:gazette": GAZETTE, "source:wire": WIRE})


def _hypothesis(text: str, quote: str, *, uri: str = URL, shift: int = 0) -> dict[str, Any]:
    """An annotation as the Hypothesis API gives it: UTF-16 offsets, a user, a text."""
    start = text.index(quote)
    return {
        "id": "Zq0Qmm6WEe-4_gNx6L-9Ow",
        "created": "2023-03-11T08:30:00.000000+00:00",
        "user": "acct:alice@hypothes.is",
        "uri": uri,
        "text": "Check this figure.",
        "target": [
            {
                "source": uri,
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0,
                     "endContainer": "/p[1]", "endOffset": 5},
                    {"type": "TextPositionSelector",
                     "start": to_utf16(text, start) + shift,
                     "end": to_utf16(text, start + len(quote)) + shift},
                    {"type": "TextQuoteSelector", "exact": quote,
                     "prefix": text[max(0, start - 32) : start],
                     "suffix": text[start + len(quote) : start + len(quote) + 32]},
                ],
            }
        ],
    }  # fmt: skip


def _statements(result: Any) -> dict[str, d.Statement]:
    return {r.id: r for r in result.records if isinstance(r, d.Statement)}


class TestRoundTrip:
    def test_export_then_import_keeps_every_anchor_and_id(self) -> None:
        """Every statement comes back with its id, source and anchor."""
        facts = build()
        result = from_webannotation(to_webannotation(facts), STORE, sources=facts.sources)
        assert result.report.ok
        back = _statements(result)
        assert {s.id: (s.source, s.anchor) for s in back.values()} == {
            s.id: (s.source, s.anchor) for s in facts.statements
        }
        assert back["statement:gazette/followers"].note == "The embassy's own figure."

    def test_import_records_how_and_who(self) -> None:
        """Provenance keeps the creator and time, method import, and how it was anchored."""
        facts = build()
        result = from_webannotation(to_webannotation(facts), STORE, sources=facts.sources)
        provenance = _statements(result)["statement:gazette/followers"].provenance
        assert provenance is not None
        assert (provenance.agent, provenance.method) == ("actor:ana", d.Method.IMPORT)
        assert provenance.recorded is not None and provenance.recorded.isoformat() == (
            "2023-03-10T12:00:00+00:00"
        )
        assert provenance.history[0].note == (
            "Imported from a Web Annotation (urn:ddfacts:statement:gazette/followers); "
            "anchored by position in code points."
        )

    def test_plain_list_and_page_forms_import_too(self) -> None:
        """A JSON array of annotations and a lone AnnotationPage give the same statements."""
        facts = build()
        listed = from_webannotation(
            to_webannotation(facts, collection=False), STORE, sources=facts.sources
        )
        page = from_webannotation(to_webannotation(facts)["first"], STORE, sources=facts.sources)
        assert listed.records == page.records
        assert len(listed.records) == 3

    @given(data=st.data())
    def test_any_span_round_trips(self, data: st.DataObject) -> None:
        """Any span of any text, astral characters included, survives export and import."""
        alphabet = st.sampled_from("ab c.\n🐟é𝄞\u200d")
        text = data.draw(st.text(alphabet, min_size=1, max_size=60))
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        anchor = d.Anchor.from_span(text, start, end)
        facts = d.FactSet([d.Statement(id="statement:t/s", source="source:t", anchor=anchor)])
        result = from_webannotation(to_webannotation(facts), DictStore({"source:t": text}))
        assert result.report.ok
        assert _statements(result)["statement:t/s"].anchor == anchor


class TestHypothesis:
    def test_utf16_offsets_outside_the_bmp_import_correctly(self) -> None:
        """A Hypothesis annotation counting UTF-16 units lands on the right code points."""
        quote = "The ministry said the count was 4,000."
        document = {"total": 1, "rows": [_hypothesis(GAZETTE, quote)]}
        sources = [d.Source(id="source:gazette", url=URL)]
        result = from_webannotation(document, STORE, sources=sources)
        assert result.report.ok
        (statement,) = _statements(result).values()
        start = GAZETTE.index(quote)
        assert (statement.anchor.start, statement.anchor.end) == (start, start + len(quote))
        assert to_utf16(GAZETTE, start) == start + 3  # three fish before the quote
        assert statement.id == "statement:gazette/the-ministry-said-the-count-was"
        assert statement.note == "Check this figure."
        provenance = statement.provenance
        assert provenance is not None and provenance.agent == "acct:alice@hypothes.is"
        assert provenance.history[0].note is not None
        assert provenance.history[0].note.endswith("by position in UTF-16 code units.")

    @given(data=st.data())
    def test_any_utf16_span_lands_on_its_code_points(self, data: st.DataObject) -> None:
        """Hypothesis-style UTF-16 offsets on any text convert to the same span."""
        text = data.draw(st.text(st.sampled_from("xy 🐟𝄞ß"), min_size=1, max_size=50))
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        annotation = _hypothesis(text, text[start:end], uri="urn:ddfacts:source:t")
        selectors = annotation["target"][0]["selector"]
        selectors[1].update(start=to_utf16(text, start), end=to_utf16(text, end))
        selectors[2].update(prefix=text[max(0, start - 32) : start], suffix=text[end : end + 32])
        result = from_webannotation(annotation, DictStore({"source:t": text}))
        (statement,) = _statements(result).values()
        assert (statement.anchor.start, statement.anchor.end) == (start, end)

    def test_wrong_offsets_are_reanchored_by_quote(self) -> None:
        """Offsets that fit neither reading are replaced by the quote's place, and said so."""
        quote = "more than 9,000 followers"
        result = from_webannotation(
            _hypothesis(GAZETTE, quote, shift=7),
            STORE,
            sources=[d.Source(id="source:gazette", url=URL)],
        )
        (statement,) = _statements(result).values()
        assert statement.anchor.exact == quote
        assert statement.anchor.start == GAZETTE.index(quote)
        assert statement.provenance is not None
        assert "re-anchored by quote (exact" in (statement.provenance.history[0].note or "")


class TestProblems:
    def test_a_quote_not_in_the_text_is_orphaned(self) -> None:
        """An annotation whose quote is nowhere in the text is reported, not guessed."""
        annotation = _hypothesis(GAZETTE, "more than 9,000 followers")
        annotation["target"][0]["selector"][2]["exact"] = "twelve thousand readers"
        sources = [d.Source(id="source:gazette", url=URL)]
        result = from_webannotation([annotation], STORE, sources=sources, file="in.json")
        assert result.records == ()
        (problem,) = result.report
        assert (problem.code, str(problem.location)) == ("import.orphaned", "in.json: /0")

    def test_missing_text_is_reported(self) -> None:
        """A target whose text is not in the store is reported with its IRI."""
        result = from_webannotation(
            _hypothesis(GAZETTE, "ministry", uri="https://x.example/a"), STORE
        )
        (problem,) = result.report
        assert problem.code == "import.no-text"
        assert problem.message.startswith("no text for https://x.example/a:")

    def test_annotation_without_selectors_is_reported(self) -> None:
        """A target that is only an IRI cannot be anchored."""
        result = from_webannotation({"type": "Annotation", "target": {"source": URL}}, STORE)
        assert result.report.codes() == ["import.no-selector"]

    def test_annotation_without_target_is_reported(self) -> None:
        """An object with no target source is not an annotation we can use."""
        result = from_webannotation([{"type": "Annotation"}, 3], STORE)
        assert result.report.codes() == ["import.no-target", "import.not-annotation"]

    def test_two_annotations_naming_one_statement(self) -> None:
        """The second annotation naming a statement id already made is reported, not merged."""
        annotation = _hypothesis(GAZETTE, "ministry")
        annotation["id"] = "urn:ddfacts:statement:gazette/1"
        sources = [d.Source(id="source:gazette", url=URL)]
        result = from_webannotation([annotation, annotation], STORE, sources=sources)
        assert [record.id for record in result.records] == ["statement:gazette/1"]
        (problem,) = result.report
        assert (problem.code, problem.location.pointer, problem.message) == (
            "import.duplicate-id",
            "/1",
            "a second annotation is statement:gazette/1",
        )

    def test_same_quote_twice_gets_numbered_ids(self) -> None:
        """Two annotations of one passage without statement ids get the default id, numbered."""
        annotation = _hypothesis(GAZETTE, "ministry")
        sources = [d.Source(id="source:gazette", url=URL)]
        result = from_webannotation([annotation, annotation], STORE, sources=sources)
        first, second = (record.id for record in result.records)
        assert second == f"{first}-2"
        assert not result.report

    def test_every_problem_is_an_error_with_a_registered_code(self) -> None:
        """Each import problem's code is registered at level import, with its severity."""
        result = from_webannotation(
            [{"type": "Annotation"}, 3, {"type": "Annotation", "target": {"source": URL}}], STORE
        )
        assert result.report.problems
        for problem in result.report:
            assert CODES[problem.code].level == "import"
            assert problem.severity is CODES[problem.code].severity is Severity.ERROR


class TestSources:
    def test_unknown_iri_makes_a_source_with_its_hash(self) -> None:
        """A target no source names gets a Source with an id from the IRI, its hash and length."""
        store = DictStore({"source:gazette.example/2023/03/followers": GAZETTE})
        result = from_webannotation(_hypothesis(GAZETTE, "ministry"), store)
        source, statement = result.records
        assert source == d.Source(
            id="source:gazette.example/2023/03/followers",
            url=URL,
            sha256=sha256_of(GAZETTE),
            length=len(GAZETTE),
        )
        assert isinstance(statement, d.Statement) and statement.source == source.id

    @pytest.mark.parametrize(
        ("iri", "expected"),
        [
            ("urn:ddfacts:source:wire", "source:wire"),
            (
                "https://Gazette.example/2023/03/followers",
                "source:gazette.example/2023/03/followers",
            ),
            ("https://x.example/a?id=7#top", "source:x.example/a/id/7"),
            ("http://x.example/", "source:x.example"),
            ("https://", "source:unnamed"),
        ],
    )
    def test_source_id_for_iri(self, iri: str, expected: str) -> None:
        """Source ids from IRIs are lower-case host and path segments."""
        assert source_id_for_iri(iri) == expected
