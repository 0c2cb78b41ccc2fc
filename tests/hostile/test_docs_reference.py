"""Text from the code that goes into the documentation site is text, never markup.

The generated reference pages (``docs/_ext/ddfacts_pages.py``) put docstring
summaries, help strings, vocabulary descriptions and schema descriptions into
reStructuredText. Whatever those hold, the page shows them as written: a
description cannot start a directive (``.. raw:: html``), a list, a
substitution or a link, and escaping is linear in the text.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ._timing import assert_near_linear

PAGES_FILE = Path(__file__).resolve().parents[2] / "docs" / "_ext" / "ddfacts_pages.py"

HOSTILE = [
    ".. raw:: html\n\n   <script>alert(1)</script>",
    ".. include:: /etc/passwd",
    "- a list item",
    "1. an enumerated item",
    "#. auto-numbered",
    "| a line block",
    ">>> doctest",
    "*emphasis* **strong** `interpreted` ``literal`` :role:`x`",
    "a link_ and `another <https://example.invalid>`_ and [1]_ and |sub|",
    "`unclosed",
    "ends with a backslash \\",
    "Title\n=====",
    "::\n\n    indented",
    "\u202e right-to-left override and \x1b[31m escape",
]


def _pages() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ddfacts_pages_hostile", PAGES_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = _pages()


def _rendered(text: str) -> tuple[str, list[str]]:
    """The plain text of *text* parsed as reST, and the node types it made."""
    core = pytest.importorskip("docutils.core", reason="the docs extra (docutils) is not installed")
    tree = core.publish_doctree(
        text,
        settings_overrides={"report_level": 5, "halt_level": 5, "file_insertion_enabled": False},
    )
    return tree.astext(), sorted({node.tagname for node in tree.findall()})


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_written(text: str) -> None:
    """Each hostile string escaped by rst_text renders as one paragraph of its own words."""
    shown, kinds = _rendered(PAGES.rst_text(text))
    assert shown == " ".join(text.split())
    assert set(kinds) <= {"document", "paragraph", "#text"}, kinds


#: Documentation text: any character but controls (docutils drops NUL) and lone surrogates.
_CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs"))


@settings(max_examples=80)  # each example runs the docutils parser (~25 ms)
@given(st.text(_CHARACTERS, max_size=60))
def test_any_text_renders_as_written(text: str) -> None:
    """Any string, escaped, renders as its words and makes no markup."""
    pytest.importorskip("docutils.core", reason="the docs extra (docutils) is not installed")
    escaped = PAGES.rst_text(text)
    shown, kinds = _rendered(escaped)
    assert shown.split() == text.split()
    assert set(kinds) <= {"document", "paragraph", "#text"}, kinds


def test_escaping_is_linear() -> None:
    """rst_text is one pass over the text: 10x the text takes about 10x the time."""
    assert_near_linear(lambda n: lambda: PAGES.rst_text("*`_|.. raw:: " * n), 5_000)
