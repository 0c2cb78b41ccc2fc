"""The documentation site: its generated references are complete, and its examples run.

The reference pages are made by ``docs/_ext/ddfacts_pages.py`` from the code;
these tests compare each page's entries with its origin, read here
independently: the schemas, the vocabulary files, the code registry, the
command line's parsers and the public modules.  The tutorial, how-to and
explanation pages are run block by block, in order, as a reader would:
``python`` blocks are executed in one namespace per page, ``console`` blocks
hold ``$ ddfacts …`` lines followed by the exact output (and optionally
``[exit N]``).  Building the site itself needs the ``docs`` extra, and is
done by ``.ci/run``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ddfacts.cli import build_parser, main
from ddfacts.problems import CODES
from ddfacts.schemas import schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VOCAB = ROOT / "src" / "ddfacts" / "vocab"
#: Pages whose code blocks are run (``problems.md`` and ``store.md`` have their own tests).
RUN_PAGES = sorted(
    path.relative_to(DOCS).as_posix()
    for path in DOCS.rglob("*.md")
    if path.name not in {"problems.md", "store.md", "changelog.md"}
)
_BLOCK = re.compile(r"^```(console|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _load_pages() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ddfacts_pages", DOCS / "_ext" / "ddfacts_pages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = _load_pages()


def _section(page: str, title: str, mark: str = "-") -> str:
    """The text of the section titled *title* (underlined with *mark*) in a generated page."""
    page, title = "\n" + page, PAGES.rst_text(title) if "`" not in title else title
    start = page.index(f"\n{title}\n{mark * len(title)}\n")
    following = re.search(rf"\n[^\n]+\n{re.escape(mark)}{{3,}}\n", page[start + 1 :])
    end = start + 1 + following.start() if following else len(page)
    return page[start:end]


def _property_names(node: Any) -> Iterator[str]:
    """Every member name declared anywhere under a schema node (``properties`` keys)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            if key != "$defs":
                yield from _property_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _property_names(value)


class TestSchemaReference:
    """Every member of every schema has a row in the format reference."""

    @pytest.mark.parametrize("name", ["source", "statement", "actor", "event", "claim", "review"])
    def test_every_member_of_a_record(self, name: str) -> None:
        """Each member a record schema declares, at any depth, is a field of its section."""
        node = schema(name)
        section = _section(PAGES.schema_page(), node["title"])
        fields = set(re.findall(r"\* - ``([^`]+)``", section))
        leaves = {re.split(r"\[\]\.|\.", field)[-1] for field in fields}
        missing = set(_property_names(node)) - leaves
        assert not missing, f"{name}: not in the reference: {sorted(missing)}"
        assert set(node["required"]) <= {f for f in fields if "." not in f}

    def test_every_shared_definition(self) -> None:
        """Each definition of the common schema has a section with its own members."""
        page = PAGES.schema_page()
        for name, node in schema("common")["$defs"].items():
            section = _section(page, name, "~")
            for member in _property_names(node):
                assert f"``{member}" in section or f".{member}``" in section, (name, member)

    def test_records_are_in_the_flow_order(self) -> None:
        """The page covers the record types the record schema dispatches on, and the file."""
        types = schema("record")["properties"]["type"]["enum"]
        assert [*types, "factfile"] == list(PAGES.RECORD_SCHEMAS)


class TestVocabularyReference:
    """Every entry of every vocabulary file has a row."""

    @pytest.mark.parametrize(
        "path",
        sorted(p for p in VOCAB.glob("*.json") if not p.name.endswith(".schema.json")),
        ids=lambda p: p.name,
    )
    def test_every_entry(self, path: Path) -> None:
        """The file's entries, in order, are the rows of its section, each with its description."""
        data = json.loads(path.read_text(encoding="utf-8"))
        (key,) = (k for k in data if k not in {"$schema", "ddfacts_vocabulary", "description"})
        section = _section(PAGES.vocabulary_page(), key.replace("_", " ").capitalize())
        assert re.findall(r"^   \* - ``([^`]+)``", section, re.MULTILINE) == list(data[key])
        for entry in data[key].values():
            words = entry.get("description", "").split()[:3]
            assert all(PAGES.rst_text(word).removeprefix("\\") in section for word in words)

    def test_every_file(self) -> None:
        """The page has one section per data file, and no other."""
        files = sorted(p.name for p in VOCAB.glob("*.json") if not p.name.endswith(".schema.json"))
        assert sorted(PAGES.vocabulary_files()) == files
        assert len(re.findall(r"^Data file: ", PAGES.vocabulary_page(), re.MULTILINE)) == len(files)


class TestCodesReference:
    """Every registered problem code has one row with its level and severity."""

    def test_rows_are_the_registry(self) -> None:
        """The rows' codes, levels and severities are exactly those of ``CODES``."""
        rows = re.findall(
            r"^   \* - ``([^`]+)``\n     - (\S+)\n     - (\S+)$", PAGES.codes_page(), re.MULTILINE
        )
        expected = [(c, i.level, i.severity.value) for c, i in sorted(CODES.items())]
        assert rows == expected


def _all_commands(
    parser: argparse.ArgumentParser, prefix: str = "ddfacts"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield f"{prefix} {name}", child
                yield from _all_commands(child, f"{prefix} {name}")


class TestCliReference:
    """Every command and every argument of the parsers is in the CLI reference."""

    def test_every_command_and_argument(self) -> None:
        """Each command has a section listing each of its options and positionals."""
        page = PAGES.cli_page()
        found = list(_all_commands(build_parser()))
        assert found, "the parser has no commands"
        for name, parser in found:
            section = _section(page, name)
            for action in parser._actions:
                if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                    continue
                names = action.option_strings or [str(action.metavar or action.dest)]
                assert all(f"``{n}``" in section for n in names), (name, names)

    def test_no_command_left_out(self) -> None:
        """The sections are exactly the commands, and each shows its usage line."""
        page = PAGES.cli_page()
        titles = re.findall(r"^(ddfacts [^\n]+)\n-{5,}$", page, re.MULTILINE)
        assert sorted(titles) == sorted({name for name, _ in _all_commands(build_parser())})
        assert page.count("usage: ddfacts ") == len(titles)


class TestApiReference:
    """Every public module and every name of its ``__all__`` is documented or linked."""

    def test_every_public_module(self) -> None:
        """The public modules are those of the source tree whose names have no ``_`` part."""
        src = ROOT / "src"
        expected = set()
        for path in (src / "ddfacts").rglob("*.py"):
            parts = list(path.relative_to(src).with_suffix("").parts)
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            if not any(part.startswith("_") for part in parts):
                expected.add(".".join(parts))
        assert set(PAGES.public_modules()) == expected

    def test_every_exported_name(self) -> None:
        """Each ``__all__`` name has an autodoc directive or a link to where it is documented."""
        page = PAGES.api_page()
        for module in PAGES.public_modules():
            assert f".. automodule:: {module}\n" in page
            section = _section(page, f"``{module}``")
            for name in importlib.import_module(module).__all__:
                documented = re.search(
                    rf"^\.\. auto\w+:: {re.escape(module)}\.{name}$", section, re.M
                )
                linked = f":py:obj:`{name} <" in section or f"``{module}.{name}``" in section
                assert documented or linked, f"{module}.{name}"


def _steps(page: str) -> list[tuple[str, str]]:
    return _BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))


def _console(body: str) -> Iterator[tuple[str, str, int]]:
    """(command, expected stdout, exit code) for each ``$`` line of a console block."""
    command: str | None = None
    output: list[str] = []
    for line in [*body.splitlines(), "$ "]:
        if line.startswith("$ "):
            if command:
                code = 0
                if output and re.fullmatch(r"\[exit \d\]", output[-1]):
                    code = int(output.pop()[6])
                yield command, "".join(f"{out}\n" for out in output), code
            command, output = line[2:], []
        elif command is not None:
            output.append(line)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder holding a copy of ``examples/``, where the pages' paths start."""
    shutil.copytree(
        ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("*.pyc")
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run_page(page: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """Run *page*'s blocks in order; return the namespace its Python blocks share."""
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for number, (kind, body) in enumerate(_steps(page)):
        if kind == "python":
            exec(compile(body, f"{page} block {number}", "exec"), namespace)
            capsys.readouterr()
            continue
        for command, expected, code in _console(body):
            argv = shlex.split(command)
            assert argv[0] == "ddfacts", f"{page}: only ddfacts commands run: {command}"
            assert main(argv[1:]) == code, f"{page}: {command}"
            assert capsys.readouterr().out == expected, f"{page}: {command}"
    return namespace


@pytest.mark.usefixtures("workdir")
@pytest.mark.parametrize("page", RUN_PAGES)
def test_page_runs(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each page's blocks run in order: Python without raising, commands with the output shown."""
    _run_page(page, capsys)


def test_tutorial_ends_with_a_valid_cited_file(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After the tutorial's steps the reader has a fact file that validates and a citation."""
    import ddfacts

    namespace = _run_page("tutorial.md", capsys)
    made = sorted(workdir.glob("*.facts.json"))
    assert [path.name for path in made] == ["ledger.facts.json"]
    report = ddfacts.validate(made[0], texts=ddfacts.TextStore(workdir / "texts"))
    assert report.ok and not report.problems, report
    facts = ddfacts.load(made[0])
    assert facts.get("statement:ledger/now-has-more-than-12-500", ddfacts.Statement) is not None
    citation = namespace["citation"]
    assert isinstance(citation, ddfacts.Citation) and citation.passages


def test_readme_links_resolve() -> None:
    """Every relative link of the README and the pages points at a file that exists."""
    for page in [ROOT / "README.md", *DOCS.rglob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: {target}"


def test_license_matches_the_metadata() -> None:
    """The licence file is the MIT licence the package declares."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
