"""The version of ddfacts, in one place: modules that need it import it from here.

Keep it equal to ``project.version`` in ``pyproject.toml`` (a test compares the
two through the installed package's metadata).
"""

from __future__ import annotations

__all__ = ["__version__"]

#: The version of this package (PEP 440).
__version__ = "0.1.0"
