"""A static site of a fact set: sources with their statements highlighted, actors, claims,
a timeline and charts (the extra ``ddfacts[html]``, which brings Jinja2).

``build(facts, texts, out)`` writes the site into the folder *out*: no network
at build or view time, readable without JavaScript, byte-identical for the
same input.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from ._build import SiteError, build

__all__ = ["SiteError", "build"]
