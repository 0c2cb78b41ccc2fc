"""Cite and import on hostile input: linear text fragments, texts read once, refused offsets."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.cite import text_fragment
from ddfacts.cite._fragments import TextDirective, _candidates, build_directive
from ddfacts.cli import main
from ddfacts.imports import from_webannotation, source_id_for_iri
from ddfacts.imports._anchoring import SplitCharacter, Utf16Index
from ddfacts.limits import MAX_ID_LENGTH
from ddfacts.offsets import from_utf16

from ._timing import assert_near_linear

#: A long quote (the ``start,end`` form) whose first words repeat all through the text.
QUOTE = "word " * 40 + "and then the rest of a long quote ends here"


def _pattern(term: str, *, head: bool = True, tail: bool = True) -> str:
    """*term* as a pattern, on a word boundary at its *head* and *tail* where asked."""
    words = term.split()
    body = r"\s+".join(re.escape(word) for word in words)
    before = r"(?<!\w)" if head and re.match(r"\w", words[0]) else ""
    after = r"(?!\w)" if tail and re.search(r"\w$", words[-1]) else ""
    return before + body + after


def regex_matches(directive: TextDirective, text: str) -> list[tuple[int, int]]:
    """The matching of ddfacts 0.1 (a ``.*?`` pattern tried from every position): the oracle.

    Word boundaries as the specification's find algorithm asks of each role
    (the rule :class:`ddfacts.cite._match.Term` states): a prefix starts on
    one, a suffix ends on one, the start term starts on one unless a prefix
    stands before it and ends on one when an end term follows or no suffix
    does, the end term starts on one and ends on one unless a suffix follows.
    """
    prefix, end, suffix = directive.prefix, directive.end, directive.suffix
    hit = _pattern(directive.start, head=prefix is None, tail=end is not None or suffix is None)
    if end is not None:
        hit += r".*?" + _pattern(end, tail=suffix is None)
    pattern = f"(?P<hit>{hit})"
    if prefix is not None:
        pattern = _pattern(prefix, tail=False) + r"\s*" + pattern
    if suffix is not None:
        pattern += r"\s*" + _pattern(suffix, head=False)
    spans: list[tuple[int, int]] = []
    for match in re.compile(f"(?={pattern})", re.IGNORECASE | re.DOTALL).finditer(text):
        if match.span("hit") not in spans:
            spans.append(match.span("hit"))
    return spans


def regex_build(quote: str, text: str, position: int) -> tuple[TextDirective, bool]:
    """build_directive of ddfacts 0.1, on the oracle's matching."""
    lead = len(quote) - len(quote.lstrip())
    target = (position + lead, position + len(quote.rstrip()))
    forms = _candidates(quote)
    best = forms[-1]
    before, after = text[: target[0]].split(), text[target[1] :].split()
    for form in forms:
        for step in range(25):
            size_before, size_after = (step + 1) // 2, step // 2
            candidate = attrs.evolve(
                form,
                prefix=" ".join(before[-size_before:]) if size_before and before else None,
                suffix=" ".join(after[:size_after]) if size_after and after else None,
            )
            spans = regex_matches(candidate, text)
            if spans == [target]:
                return candidate, True
            if target not in spans:
                break
            best = candidate
    return best, False


LETTERS = ["a", "A", "b", "ab", "-", ",", "ς", "Σ", "İ", "i", "ı", "ſ", "s", "_", "1", "é"]
terms = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=3).map("".join)
phrases = st.lists(terms, min_size=1, max_size=3).map(" ".join)
texts = st.lists(st.sampled_from([*LETTERS, " ", "\n", "  ", "\t"]), max_size=40).map("".join)


class TestSameMatchesAsBefore:
    """The linear matcher answers what the regular expression answered, on any text."""

    @given(
        text=texts,
        start=phrases,
        end=st.none() | phrases,
        prefix=st.none() | phrases,
        suffix=st.none() | phrases,
    )
    def test_matches(
        self, text: str, start: str, end: str | None, prefix: str | None, suffix: str | None
    ) -> None:
        """Every directive highlights the spans the 0.1 pattern highlighted."""
        directive = TextDirective(start=start, end=end, prefix=prefix, suffix=suffix)
        assert directive.matches(text) == regex_matches(directive, text)

    @given(
        words=st.lists(st.sampled_from(["word", "Word", "a", "b,", "c-d", "x"]), min_size=3),
        gaps=st.lists(st.sampled_from([" ", "\n", "  "]), min_size=200, max_size=200),
        data=st.data(),
    )
    def test_build(self, words: list[str], gaps: list[str], data: st.DataObject) -> None:
        """The directive built for a quote, and whether it is unique, are as in 0.1."""
        text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
        spans = [match.span() for match in re.finditer(r"\S+", text)]
        first = data.draw(st.integers(0, len(spans) - 1))
        last = data.draw(st.integers(first, len(spans) - 1))
        quote = text[spans[first][0] : spans[last][1]]
        built = build_directive(quote, text, spans[first][0])
        assert built == regex_build(quote, text, spans[first][0])

    def test_repeated_first_words(self) -> None:
        """The hostile case itself: the range form, made unique, as before."""
        text = "word " * 60 + QUOTE + " tail."
        position = text.index(QUOTE)
        assert build_directive(QUOTE, text, position) == regex_build(QUOTE, text, position)


class TestLinearTime:
    """Text fragments and imports grow linearly with their input."""

    def test_text_fragment_with_repeated_first_words(self) -> None:
        """10x the text whose words repeat the quote's first words: at most 20x the time."""

        def make(size: int) -> Callable[[], object]:
            text = "word " * size + QUOTE + " tail."
            position = text.index(QUOTE)
            return lambda: text_fragment(QUOTE, text, position=position)

        assert_near_linear(make, 4_000)

    def test_cite_with_repeated_first_words(self, tmp_path: Path) -> None:
        """``cite`` with texts, 10x the text: at most 20x the time, and a unique fragment."""

        def make(size: int) -> Callable[[], object]:
            folder = tmp_path / str(size)
            facts = _quote_facts(folder, "word " * size + QUOTE + " tail.", QUOTE)
            facts_set = d.load(facts)
            store = d.TextStore(folder / "texts")
            return lambda: d.cite(facts_set, "statement:q", texts=store)

        assert_near_linear(make, 4_000)
        citation = d.cite(d.load(tmp_path / "4000" / "facts.json"), "statement:q")
        assert citation.passages[0].fragment.start.startswith("word word")

    def test_import_many_annotations(self, tmp_path: Path) -> None:
        """10x the annotations on one text: at most 20x the time (the text is read once)."""
        lines = [f"alpha beta gamma delta sentence {n}.\n" for n in range(2_000)]
        text = "".join(lines)
        starts = [text.index(line) for line in lines]
        store = _store(tmp_path, {"big": text})

        def make(count: int) -> Callable[[], object]:
            document = [
                _annotation(text, starts[n % len(lines)], len(lines[n % len(lines)]) - 1)
                for n in range(count)
            ]
            return lambda: from_webannotation(document, store)

        assert_near_linear(make, 1_000)


def _quote_facts(folder: Path, text: str, quote: str) -> Path:
    texts = folder / "texts"
    texts.mkdir(parents=True)
    (texts / "t.txt").write_text(text, encoding="utf-8")
    start = text.index(quote)
    records = [
        {
            "type": "source",
            "id": "source:t",
            "url": "https://example.org/t",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "length": len(text),
        },
        {
            "type": "statement",
            "id": "statement:q",
            "source": "source:t",
            "anchor": {"start": start, "end": start + len(quote), "exact": quote},
        },
    ]
    path = folder / "facts.json"
    path.write_text(json.dumps({"ddfacts": "1.0", "records": records}), encoding="utf-8")
    return path


def _store(folder: Path, texts: dict[str, str]) -> d.TextStore:
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return d.TextStore(folder)


def _annotation(text: str, start: int, size: int, source: str = "big") -> dict[str, Any]:
    return {
        "target": {
            "source": f"urn:ddfacts:source:{source}",
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": start + size},
                {"type": "TextQuoteSelector", "exact": text[start : start + size]},
            ],
        }
    }


class _Counting:
    """A text lookup that counts how often it is asked."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.asked = 0

    def text_for(self, source: d.Source) -> str:
        self.asked += 1
        return self.texts[source.id]

    def get(self, source: d.Source) -> str | None:
        return self.texts.get(source.id)


class TestImport:
    """Import refuses what it cannot read, and never guesses an offset."""

    def test_text_read_once(self) -> None:
        """Many annotations on one source ask the text store once."""
        text = "one two three four five six seven eight nine ten " * 10
        lookup = _Counting({"source:big": text})
        document = [_annotation(text, n, 9) for n in range(0, 300, 10)]
        result = from_webannotation(document, lookup)
        assert lookup.asked == 1
        assert len(result.records) == 1 + len(document)

    @pytest.mark.parametrize(
        ("document", "got"),
        [("42", "a number"), ('"hello"', "a string"), ("null", "null"), ("true", "true or false")],
    )
    def test_not_annotations(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str, got: str
    ) -> None:
        """A document that is a number or a string imports nothing, with a problem and exit 1."""
        path = tmp_path / "in.json"
        path.write_text(document, encoding="utf-8")
        (tmp_path / "texts").mkdir()
        assert main(["import", "webannotation", str(path), "--texts", str(tmp_path / "texts")]) == 1
        err = capsys.readouterr().err
        assert f"{path}: /: expected an annotation object" in err
        assert f"got {got} [import.not-annotation]" in err
        assert "Traceback" not in err

    def test_utf16_offset_inside_a_surrogate_pair(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A Hypothesis offset that splits an emoji is refused, naming it; never read as code
        points."""
        texts = tmp_path / "texts"
        texts.mkdir()
        (texts / "emoji.txt").write_text("\U0001f600 E and more text", encoding="utf-8")
        selector = {"type": "TextPositionSelector", "start": 1, "end": 3}
        target = {"source": "urn:ddfacts:source:emoji", "selector": [selector]}
        path = tmp_path / "hyp.json"
        path.write_text(json.dumps({"rows": [{"user": "acct:x", "target": [target]}]}))
        assert main(["import", "webannotation", str(path), "--texts", str(texts)]) == 1
        out, err = capsys.readouterr()
        assert json.loads(out)["records"] == []
        assert f"{path}: /rows/0: " in err
        assert "UTF-16 offset 1 falls inside the surrogate pair" in err
        assert "[import.orphaned]" in err

    def test_split_pair_with_a_quote_is_found_by_quote(self) -> None:
        """With a quote the position's split is no guess: the quote places the statement."""
        text = "\U0001f600 E and more text"
        annotation = _annotation(text, 1, 2, "emoji") | {"user": "acct:x"}
        annotation["target"]["selector"][0].update(start=1, end=3)
        result = from_webannotation([annotation], _Counting({"source:emoji": text}))
        statement = result.records[-1]
        assert isinstance(statement, d.Statement)
        assert statement.anchor.exact == " E"
        assert (statement.anchor.start, statement.anchor.end) == (1, 3)

    def test_long_iri_gets_an_id_within_the_limit(self) -> None:
        """A source named by a long URL gets an id within MAX_ID_LENGTH, unique by hash."""
        first = source_id_for_iri("https://example.org/" + "abc/" * 100 + "x")
        second = source_id_for_iri("https://example.org/" + "abc/" * 100 + "y")
        assert len(first) <= MAX_ID_LENGTH
        assert first != second
        d.Source(id=first)

    def test_long_urn_source_id_is_a_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A ``urn:ddfacts:source:`` IRI naming an id too long to be one is a problem."""
        path = tmp_path / "in.json"
        target = {"source": "urn:ddfacts:source:" + "a" * 300, "selector": {"type": "x"}}
        target["selector"] = {"type": "TextQuoteSelector", "exact": "a"}
        path.write_text(json.dumps([{"target": target}]))
        (tmp_path / "texts").mkdir()
        assert main(["import", "webannotation", str(path), "--texts", str(tmp_path / "texts")]) == 1
        err = capsys.readouterr().err
        assert f"{path}: /0/target: no source can be named for urn:ddfacts:source:aaa" in err
        assert "[import.no-text]" in err


class TestUtf16Index:
    """The per-text UTF-16 index converts as :func:`ddfacts.offsets.from_utf16` does."""

    @given(
        text=st.text(st.sampled_from("ab\U0001f600\u00e9\U00010000"), max_size=30),
        offset=st.integers(-2, 70),
    )
    def test_agrees(self, text: str, offset: int) -> None:
        """Same code point, or a refusal where from_utf16 refuses; splits named as such."""
        index = Utf16Index(text)
        try:
            expected = from_utf16(text, offset)
        except ValueError as error:
            with pytest.raises(ValueError) as caught:
                index.code_point(offset)
            assert isinstance(caught.value, SplitCharacter) == ("surrogate pair" in str(error))
        else:
            assert index.code_point(offset) == expected
