"""ddfacts.suggest: figures, dates, quotations and roles worth citing, and their coverage."""

from __future__ import annotations

from pathlib import Path

import ddfacts
from ddfacts import Quantity, TimeSpan
from ddfacts.authoring import Document
from ddfacts.suggest import coverage, suggest

from .test_examples import _MONTHS, _NUMBERS, SEED_TEXTS, _exempt, _read, _seed_facts

TEXT = (
    "Published on 14 March 2023. The account has more than 12,500 followers.\n"
    '"We answer every question," Tomas Brell said last week.\n'
    "Anna Berg, the press secretary of the Velorian Embassy, declined to comment.\n"
)


def _kinds(found: tuple[ddfacts.suggest.Suggestion, ...]) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for item in found:
        kinds.setdefault(item.kind, []).append(item.text)
    return kinds


class TestSuggest:
    """What one small text yields."""

    def test_each_kind_is_found(self) -> None:
        """A figure, dates, a quotation with its speaker and a role."""
        found = suggest(ddfacts.FactSet(), {"a": TEXT})
        kinds = _kinds(found)
        assert "more than 12,500 followers" in kinds["figure"]
        assert {"14 March 2023", "last week"} <= set(kinds["date"])
        assert kinds["quote"] == ['"We answer every question,"']
        assert [i.speaker for i in found if i.kind == "quote"] == ["Tomas Brell"]
        assert any("press secretary" in text for text in kinds["role"])

    def test_parsed_values_and_json(self) -> None:
        """Figures and dates carry the parser's value, in JSON as fact files write it."""
        found = suggest(ddfacts.FactSet(), {"a": TEXT})
        figure = next(i for i in found if i.kind == "figure")
        assert isinstance(figure.parsed, Quantity) and figure.parsed.amount == 12500
        date = next(i for i in found if i.text == "14 March 2023")
        assert isinstance(date.parsed, TimeSpan)
        as_json = figure.to_json()
        assert as_json["parsed"]["quantity"]["amount"] == 12500
        assert (as_json["start"], as_json["end"]) == (figure.start, figure.end)
        assert TEXT[figure.start : figure.end] == as_json["text"]

    def test_coverage_counts_statements(self) -> None:
        """A Statement around a suggestion covers it; the text is matched by its sha256."""
        doc = Document(TEXT, id="source:a", published="14 March 2023")
        doc.statement("The account has more than 12,500 followers.")
        found = suggest(doc.factset(), {"any-name.txt": TEXT})
        covered = [i.text for i in found if i.covered]
        assert covered == ["more than 12,500 followers"]
        assert {i.source for i in found} == {"source:a"}
        (line,) = coverage(found)
        assert (line.covered, line.total) == (1, len(found))

    def test_relative_dates_use_the_publication_day(self) -> None:
        """ "last week" is resolved against the Source's publication day."""
        doc = Document(TEXT, id="source:a", published="14 March 2023")
        found = suggest(doc.factset(), {"source:a": TEXT})
        week = next(i for i in found if i.text == "last week")
        assert isinstance(week.parsed, TimeSpan) and week.parsed.resolved_against is not None


class TestSeeds:
    """On the seed corpus: what the completeness scan finds, and the committed coverage."""

    def test_every_number_and_month_is_suggested(self, seeds_dir: Path) -> None:
        """With no facts, each number and month name lies inside a figure or date suggestion."""
        texts = {sid: _read(seeds_dir / name) for sid, name in SEED_TEXTS.items()}
        found = suggest(ddfacts.FactSet(), texts)
        missing = []
        for source_id, text in texts.items():
            spans = [
                (i.start, i.end)
                for i in found
                if i.source == source_id and i.kind in ("figure", "date")
            ]
            for match in [*_NUMBERS.finditer(text), *_MONTHS.finditer(text)]:
                start, end = match.span()
                if _exempt(source_id, text, start, end):
                    continue
                if not any(a <= start and end <= b for a, b in spans):
                    missing.append(f"{source_id}:{start}: {text[start - 20 : end + 20]!r}")
        assert not missing, "\n".join(missing)

    def test_seed_facts_cover_every_figure_and_date(self, seeds_dir: Path) -> None:
        """The committed fact files cover every figure and date but "today" (a figure of speech)."""
        texts = {sid: _read(seeds_dir / name) for sid, name in SEED_TEXTS.items()}
        found = suggest(_seed_facts(), texts)
        left = [(i.source, i.text) for i in found if i.kind in ("figure", "date") and not i.covered]
        assert left == [("source:rabble-kalinin", "today")]
