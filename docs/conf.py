"""Sphinx configuration of the ddfacts documentation (``sphinx-build -W docs site``)."""

from __future__ import annotations

import sys
from pathlib import Path

import ddfacts

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "ddfacts"
author = "The ddfacts developers"
copyright = "the ddfacts developers"
release = ddfacts.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "ddfacts_sphinx",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
myst_heading_anchors = 3

# Everything is local: no intersphinx, no remote images, nothing fetched.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# ``type[R]`` in a signature is a link to the builtin ``type``; the records' ``type``
# attributes make it ambiguous.  Only this category is silenced: a missing target,
# a bad docstring or a broken page still fails the build.
suppress_warnings = ["ref.python"]

html_theme = "alabaster"
html_title = f"ddfacts {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
