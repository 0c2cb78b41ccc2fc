"""The reference pages, generated from the code each time the site is built.

Each ``*_page()`` function returns reStructuredText made from one origin: the
JSON Schemas (:mod:`ddfacts.schemas`), the vocabulary data files
(``ddfacts/vocab/*.json``), the problem-code registry
(:data:`ddfacts.problems.CODES`), the command line's parsers
(:func:`ddfacts.cli.build_parser`) and the public modules' ``__all__`` and
docstrings.  Nothing is copied by hand, so a name added to the code appears
in the next build.  This module imports no Sphinx: ``tests/test_docs.py``
compares its output with the origins without the docs toolchain.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import ddfacts
from ddfacts.cli import build_parser
from ddfacts.problems import CODES
from ddfacts.schemas import SCHEMA_FILES, schema

__all__ = [
    "PAGES",
    "RECORD_SCHEMAS",
    "api_page",
    "cli_page",
    "codes_page",
    "commands",
    "public_modules",
    "rst_text",
    "schema_page",
    "vocabulary_files",
    "vocabulary_page",
]

#: The schemas of the records, in the order of the flow, then the file envelope.
RECORD_SCHEMAS = ("source", "statement", "actor", "event", "claim", "review", "factfile")
_SHARED = "common"
_RST_SPECIAL = re.compile(r"([\\`*_|<>\[\]:])")
_META_KEYS = frozenset({"$schema", "ddfacts_vocabulary", "description"})


#: Letters that reST reads as a list's enumerator at the start of a paragraph.
_ENUMERATOR = re.compile(r"[A-Za-z]+[.)](?:\s|$)")


def rst_text(text: str) -> str:
    """*text* as reST inline text that reads as it is written and can start no markup.

    Lines are joined (no titles, tables or indented blocks), inline markup
    characters are escaped, and a first character that is not a letter, or that
    starts an enumerator (``A) …``, ``iv. …``), is escaped too, so that text from
    a docstring, a help string or a data file cannot start a directive
    (``.. raw::``), a list or a comment.
    """
    escaped = _RST_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    starts_markup = not escaped[:1].isalpha() or _ENUMERATOR.match(escaped)
    if escaped and not escaped.startswith("\\") and starts_markup:
        escaped = "\\" + escaped
    return escaped


def _literal(text: str) -> str:
    """*text* as a reST inline literal that cannot end early."""
    if not text or "`" in text or text != text.strip() or "\n" in text:
        return rst_text(repr(text))
    return f"``{text}``"


def _heading(title: str, mark: str) -> list[str]:
    return [title, mark * len(title), ""]


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: str) -> list[str]:
    """A reST list-table: cells are already reST."""
    lines = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", ""]
    for row in [header, *rows]:
        lines.append(f"   * - {row[0] or ' '}")
        lines.extend(f"     - {cell or ' '}" for cell in row[1:])
    return [*lines, ""]


# -- Schemas -----------------------------------------------------------------------------


def _ref_type(ref: str) -> str:
    """A link to the section of what *ref* names: a shared definition or a record schema."""
    if "#/$defs/" in ref:
        name = ref.rsplit("/", 1)[-1]
        return f":ref:`{name} <schema-def-{name}>`"
    filename = ref.split("#", 1)[0]
    name = next((key for key, value in SCHEMA_FILES.items() if value == filename), filename)
    if name in RECORD_SCHEMAS:
        return f":ref:`{name} <schema-{name}>`"
    return f"{rst_text(schema(name).get('title', name))} (``{filename}``)"


def _type_of(node: dict[str, Any] | bool) -> str:
    """What a schema node accepts, in a few reST words."""
    if isinstance(node, bool):
        return "any value" if node else "nothing"
    if "$ref" in node:
        return _ref_type(node["$ref"])
    if "const" in node:
        return f"the constant {_literal(json.dumps(node['const']))}"
    if "enum" in node:
        return "one of " + ", ".join(_literal(json.dumps(v)) for v in node["enum"])
    for key in ("oneOf", "anyOf"):
        if key in node:
            return " or ".join(_type_of(option) for option in node[key])
    kind = node.get("type", "any value")
    if kind == "array":
        return "array of " + _type_of(node.get("items", {}))
    return rst_text(" or ".join(kind) if isinstance(kind, list) else kind)


_CONSTRAINTS = (
    ("pattern", "Matches {}"),
    ("format", "Format {}"),
    ("minLength", "At least {} characters"),
    ("maxLength", "At most {} characters"),
    ("minimum", "At least {}"),
    ("maximum", "At most {}"),
    ("exclusiveMinimum", "More than {}"),
    ("exclusiveMaximum", "Less than {}"),
    ("minItems", "At least {} items"),
    ("maxItems", "At most {} items"),
    ("minProperties", "At least {} members"),
    ("maxProperties", "At most {} members"),
)


def _describe(node: dict[str, Any] | bool) -> str:
    """The node's description and constraints, as one reST cell."""
    if isinstance(node, bool):
        return ""
    parts = [rst_text(node["description"])] if "description" in node else []
    if node == {}:
        parts.append("Any JSON value.")
    for key, form in _CONSTRAINTS:
        if key in node:
            value = node[key]
            shown = str(value) if isinstance(value, (int, float)) else _literal(str(value))
            parts.append(form.format(shown) + ".")
    if node.get("uniqueItems"):
        parts.append("Items are unique.")
    return " ".join(parts)


def _fields(node: dict[str, Any], prefix: str) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(dotted path, node, required) for every member under *node*, depth first."""
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, child, name in required
        yield from _nested(child, path)
    for pattern, child in node.get("patternProperties", {}).items():
        name = "x-…" if pattern == "^x-" else f"<{pattern}>"
        yield f"{prefix}{name}", child, False
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        yield f"{prefix}<any name>", extra, False
        yield from _nested(extra, f"{prefix}<any name>")


def _nested(node: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any], bool]]:
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        yield from _fields(node["items"], f"{path}[].")
    elif "properties" in node or isinstance(node.get("additionalProperties"), dict):
        yield from _fields(node, f"{path}.")


def _field_rows(node: dict[str, Any]) -> list[tuple[str, ...]]:
    return [
        (f"``{path}``", _type_of(child), "yes" if needed else "", _describe(child))
        for path, child, needed in _fields(node, "")
    ]


def _schema_section(name: str, node: dict[str, Any], label: str, mark: str) -> list[str]:
    title = rst_text(node.get("title", name))
    lines = [f".. _{label}:", "", *_heading(title, mark)]
    if "description" in node:
        lines += [rst_text(node["description"]), ""]
    if "$ref" in node or "enum" in node or "const" in node:
        lines += [f"Accepts {_type_of(node)}.", ""]
    rows = _field_rows(node)
    if rows:
        lines += _table(("Field", "Type", "Required", "Meaning"), rows, "22 22 8 48")
    return lines


def schema_page() -> str:
    """The fact-file format: every field of every record schema, then the shared parts."""
    lines: list[str] = []
    for name in RECORD_SCHEMAS:
        node = schema(name)
        lines += _schema_section(name, node, f"schema-{name}", "-")
        lines += [f"Schema file: ``{SCHEMA_FILES[name]}``, ``$id`` ``{node['$id']}``.", ""]
    lines += _heading("Shared definitions", "-")
    shared = schema(_SHARED)
    lines += [f"From ``{SCHEMA_FILES[_SHARED]}``, referred to by the records above.", ""]
    for name, node in shared["$defs"].items():
        lines += _schema_section(name, {"title": name, **node}, f"schema-def-{name}", "~")
    return "\n".join(lines)


# -- Vocabulary --------------------------------------------------------------------------


def vocabulary_files() -> dict[str, dict[str, Any]]:
    """Every vocabulary data file shipped in ``ddfacts/vocab``, by file name."""
    folder = resources.files("ddfacts") / "vocab"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json") and not entry.name.endswith(".schema.json"):
            found[entry.name] = json.loads(entry.read_text(encoding="utf-8"))
    return found


def _vocab_cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_literal(str(item)) for item in value)
    if isinstance(value, (dict, bool, int, float)) or value is None:
        return _literal(json.dumps(value, ensure_ascii=False))
    return rst_text(value)


def _vocab_section(filename: str, data: dict[str, Any]) -> list[str]:
    (key,) = (name for name in data if name not in _META_KEYS)
    entries: dict[str, dict[str, Any]] = data[key]
    columns = sorted({column for entry in entries.values() for column in entry} - {"description"})
    lines = [f".. _vocab-{key}:", "", *_heading(key.replace("_", " ").capitalize(), "-")]
    lines += [rst_text(data.get("description", "")), "", f"Data file: ``{filename}``.", ""]
    rows = [
        (
            f"``{name}``",
            *(_vocab_cell(entry.get(c, "")) for c in columns),
            rst_text(entry.get("description", "")),
        )
        for name, entry in entries.items()
    ]
    width = max(10, 50 // max(1, len(columns)))
    widths = " ".join(["18", *([str(width)] * len(columns)), "40"])
    header = ("Name", *(column.replace("_", " ") for column in columns), "Meaning")
    return lines + _table(header, rows, widths)


def vocabulary_page() -> str:
    """The vocabulary: every entry of every data file, with its attributes."""
    lines: list[str] = []
    for filename, data in vocabulary_files().items():
        lines += _vocab_section(filename, data)
    return "\n".join(lines)


# -- Problem codes -----------------------------------------------------------------------


def codes_page() -> str:
    """Every registered problem code, with its level, severity and meaning."""
    rows = []
    for code, info in sorted(CODES.items()):
        severity = getattr(info.severity, "value", str(info.severity))
        graver = getattr(info, "graver", None)
        meaning = rst_text(info.meaning)
        if graver is not None:
            meaning += f" (an error when {rst_text(str(graver))})"
        rows.append((f"``{code}``", rst_text(info.level), rst_text(severity), meaning))
    return "\n".join(_table(("Code", "Level", "Severity", "Meaning"), rows, "24 10 10 56"))


# -- Command line ------------------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                if all(child is not seen for seen in found.values()):
                    found[name] = child
    return found


def commands(
    parser: argparse.ArgumentParser | None = None,
) -> dict[str, argparse.ArgumentParser]:
    """Every command and sub-command, by its full name (``"ddfacts db build"``)."""
    parser = parser or build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for child in _subparsers(parser).values():
        found[child.prog] = child
        found.update(commands(child))
    return found


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    return parser._get_formatter()._expand_help(action)


def _argument_row(parser: argparse.ArgumentParser, action: argparse.Action) -> tuple[str, ...]:
    names = ", ".join(f"``{option}``" for option in action.option_strings)
    if not names:
        names = f"``{action.metavar or action.dest}``"
    value = ""
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        value = "one of " + ", ".join(_literal(str(choice)) for choice in action.choices)
    elif action.option_strings and action.nargs != 0:
        value = _literal(str(action.metavar or action.dest.upper()))
    if action.nargs in ("*", "+"):
        value += " (one or more)" if action.nargs == "+" else " (any number)"
    return names, value, rst_text(_help(parser, action))


def _command_section(name: str, parser: argparse.ArgumentParser) -> list[str]:
    label = "cli-" + name.replace(" ", "-")
    lines = [f".. _{label}:", "", *_heading(rst_text(name), "-")]
    if parser.description:
        lines += [rst_text(parser.description), ""]
    usage = parser.format_usage().strip()
    lines += ["::", "", *(f"   {line}" for line in usage.splitlines()), ""]
    rows = [
        _argument_row(parser, action)
        for action in parser._actions
        if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction))
    ]
    if rows:
        lines += _table(("Argument", "Value", "Meaning"), rows, "25 20 55")
    if parser.epilog:
        lines += [rst_text(parser.epilog), ""]
    return lines


def cli_page() -> str:
    """Every command of ``ddfacts``, its usage and every argument, from the parsers."""
    top = build_parser()
    lines = [rst_text(top.description or ""), ""]
    for name, parser in commands(top).items():
        lines += _command_section(name, parser)
    return "\n".join(lines)


# -- Python API --------------------------------------------------------------------------


def public_modules() -> list[str]:
    """Every public module of the package (no part of its dotted name starts with ``_``)."""
    root = Path(ddfacts.__file__).resolve().parent
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = ["ddfacts", *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        if not any(part.startswith("_") for part in parts):
            found.append(".".join(parts))
    return ["ddfacts", *sorted(set(found) - {"ddfacts"})]


def _directive(qualified: str, value: Any) -> list[str]:
    if inspect.isclass(value):
        kind = "autoexception" if issubclass(value, BaseException) else "autoclass"
        return [f".. {kind}:: {qualified}", "   :members:", ""]
    if inspect.isroutine(value):
        return [f".. autofunction:: {qualified}", ""]
    if inspect.ismodule(value):
        return [f"``{qualified}``: the module :mod:`{value.__name__}`.", ""]
    return [f".. autodata:: {qualified}", "   :no-value:", ""]


def _identity(name: str, value: Any) -> object:
    """Classes, functions and modules are the same object wherever exported; data by name too."""
    if inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value):
        return id(value)
    return (id(value), name)


def _module_section(module: str, first: dict[object, str]) -> list[str]:
    loaded = importlib.import_module(module)
    lines = [*_heading(f"``{module}``", "-"), f".. automodule:: {module}"]
    parent, _, leaf = module.rpartition(".")
    if parent and leaf in getattr(importlib.import_module(parent), "__all__", ()):
        # ``ddfacts.check`` is both this module and the function exported by ``ddfacts``:
        # the function keeps the name in the index.
        lines.append("   :no-index:")
    lines.append("")
    elsewhere = []
    for name in sorted(getattr(loaded, "__all__", ())):
        value = getattr(loaded, name)
        home = first.setdefault(_identity(name, value), f"{module}.{name}")
        if home == f"{module}.{name}":
            lines += _directive(home, value)
        else:
            elsewhere.append(f":py:obj:`{name} <{home}>`")
    if elsewhere:
        lines += ["Also exported here, documented above: " + ", ".join(elsewhere) + ".", ""]
    return lines


def api_page() -> str:
    """Every public module: its docstring, then each name of its ``__all__``, documented once."""
    first: dict[object, str] = {}
    lines: list[str] = []
    for module in public_modules():
        lines += _module_section(module, first)
    return "\n".join(lines)


#: Page generators by the name the ``ddfacts-reference`` directive takes.
PAGES = {
    "schemas": schema_page,
    "vocabulary": vocabulary_page,
    "codes": codes_page,
    "cli": cli_page,
    "api": api_page,
}
