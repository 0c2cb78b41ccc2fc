"""The version of ddfacts, in one place: modules that need it import it from here.

``pyproject.toml`` reads the package's version from here (``dynamic``), and a
test compares it with the installed package's metadata.
"""

from __future__ import annotations

__all__ = ["__version__"]

#: The version of this package (PEP 440).
__version__ = "0.1.0"
