"""``ddfacts cite``: the citation of every demo statement opens the page at its quote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.cite import TextDirective
from ddfacts.cli import main

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "demo"
DEMO = str(FOLDER / "demo.facts.json")
TEXT = (FOLDER / "demo.txt").read_text(encoding="utf-8")
STATEMENTS = [s.id for s in d.load(DEMO).statements]


class TestCiteCommand:
    """The command's output and exit code."""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A repeated quote is cited with context that makes it unique."""
        args = ["cite", DEMO, "statement:demo/we-answer-every-question-2", "--texts", str(FOLDER)]
        assert main(args) == 0
        assert capsys.readouterr().out == (
            "“We answer every question”\n"
            "  Mira Halden, “A one-man press office wins followers for Veloria, and a summons "
            "for its ambassador”, The Harbour Ledger, 2023-03-14\n"
            "  #:~:text=%22-,We%20answer%20every%20question,-%2C%22\n"
        )

    def test_markdown_claim(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A claim in Markdown names the speaker and mode, then block-quotes its evidence."""
        assert main(["cite", DEMO, "claim:demo/account-tweets", "--format", "markdown"]) == 0
        assert capsys.readouterr().out == (
            "**The account has posted 4,312 tweets since January 2020, its press attaché says.**\n"
            "(said by Tomas Brell; the source paraphrases it)\n"
            "\n"
            "> Since then it has posted 4,312 tweets, Brell told the Ledger in an interview "
            "last week.\n"
            ">\n"
            "> — Mira Halden, *A one-man press office wins followers for Veloria, and a summons "
            "for its ambassador*, The Harbour Ledger, 2023-03-14 `#:~:text=Since%20then%20it%20"
            "has%20posted%204%2C312%20tweets%2C%20Brell%20told%20the%20Ledger%20in%20an%20"
            "interview%20last%20week.`\n"
        )

    @pytest.mark.parametrize("statement", STATEMENTS)
    def test_every_demo_statement(self, statement: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The fragment, decoded, matches the statement's quote and nothing else in the text."""
        assert main(["cite", DEMO, statement, "--texts", str(FOLDER), "--format", "json"]) == 0
        (passage,) = json.loads(capsys.readouterr().out)["passages"]
        anchor = next(s for s in d.load(DEMO).statements if s.id == statement).anchor
        quote = TEXT[anchor.start : anchor.end]
        start = anchor.start + len(quote) - len(quote.lstrip())
        assert passage["unique"] is True
        assert TextDirective.parse(passage["fragment"]).matches(TEXT) == [
            (start, start + len(quote.strip()))
        ]

    def test_claim_without_evidence(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A claim with nothing to quote is printed, and exits 1."""
        path = tmp_path / "f.json"
        claim = {"type": "claim", "id": "claim:c", "subject": "actor:a", "property": "stance",
                 "value": {"text": "x"}, "text": "A is x."}  # fmt: skip
        path.write_text(json.dumps({"ddfacts": "1.0", "records": [claim]}), encoding="utf-8")
        assert main(["cite", str(path), "claim:c"]) == 1
        captured = capsys.readouterr()
        assert captured.out == "A is x.\n(no evidence to quote)\n"
        assert captured.err == "ddfacts cite: claim:c has no evidence statement to quote\n"

    def test_unknown_id(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown id is a usage error."""
        assert main(["cite", DEMO, "statement:nope"]) == 2
        assert capsys.readouterr().err == "ddfacts cite: no record has the id 'statement:nope'\n"

    def test_not_citable(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An actor is not cited."""
        assert main(["cite", DEMO, "actor:demo-veloria"]) == 2
        assert capsys.readouterr().err == (
            "ddfacts cite: actor:demo-veloria is of type 'actor'; only statements and claims "
            "are cited\n"
        )
