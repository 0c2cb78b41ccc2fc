"""A Sphinx extension: ``.. ddfacts-reference:: NAME`` inserts a page generated from the code.

``NAME`` is one of :data:`ddfacts_pages.PAGES` (``schemas``, ``vocabulary``,
``codes``, ``cli``, ``api``); the generated reStructuredText is parsed in
place, so the reference is made afresh from the installed package at every
build and cannot drift from it.
"""

from __future__ import annotations

import sys
from typing import Any

from ddfacts_pages import PAGES
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles


class ReferenceDirective(SphinxDirective):
    """Parse the generated reference page named by the argument in place."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in PAGES:
            raise self.error(f"unknown reference {name!r}; one of {', '.join(PAGES)}")
        content = StringList(PAGES[name]().splitlines(), source=f"<generated reference {name}>")
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, content, container)
        return list(container.children)


def _doc_comment(obj: object, name: str) -> list[str]:
    """The ``#:`` comment above the assignment of *obj* in whichever ddfacts module defines it."""
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("ddfacts") or getattr(module, name, None) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        except Exception:
            continue
        if ("", name) in docs:
            return list(docs[("", name)])
    return []


def _data_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """A constant re-exported from a private module: its ``#:`` comment, not its type's docstring.

    autodoc reads ``#:`` comments of the module that exports the name; for a
    dict such as ``ddfacts.problems.CODES`` defined in a private module it
    would fall back to ``dict.__doc__``.
    """
    own = type(obj).__doc__
    if what != "data" or not own or not lines:
        return
    if lines[0].strip() == own.strip().splitlines()[0].strip():
        lines[:] = _doc_comment(obj, name.rsplit(".", 1)[-1])


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and the docstring fix; the output depends only on the code."""
    app.add_directive("ddfacts-reference", ReferenceDirective)
    app.connect("autodoc-process-docstring", _data_docstring)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
