"""Names and agent types of the PROV export.

Qualified names.  PROV-XML writes every identifier as an XML QName, whose
local part is an NCName: no ``/``, and a letter or ``_`` first.  A ddfacts id
(``claim:demo/x``) is made one reversibly: ``/`` becomes ``_`` (ids never
hold ``_``), and a local part that starts with a digit, ``.`` or ``-`` gets a
leading ``_`` (ids never start with ``/``), so ``claim:demo/x`` is written
``claim:demo_x`` and ``source:2023/x`` is ``source:_2023_x``;
:func:`id_of_qname` gives the id back.

Agent types.  An actor's kind is typed by the vocabulary's ``broader``
chain: a kind under ``person`` is a ``prov:Person``, under ``organization``
(a ministry is a government body, which is an organization) a
``prov:Organization``, under ``account`` (an account run by software on a
platform) a ``prov:SoftwareAgent``; other kinds (a country, a group) stay
plain agents.
"""

from __future__ import annotations

import re
from functools import cache

from ..vocabulary import default_vocabulary

__all__ = ["agent_type", "id_of_qname", "qname_of"]

#: The PROV agent type of each broad actor kind, the most specific first.
_PROV_AGENT_TYPES = (
    ("person", "prov:Person"),
    ("account", "prov:SoftwareAgent"),
    ("organization", "prov:Organization"),
)
_NCNAME_START = re.compile(r"[A-Za-z_]")


def qname_of(name: str) -> str:
    """*name* (``prefix:local``) as an XML QName: ``/`` -> ``_``, ``_`` before a digit."""
    prefix, colon, local = name.partition(":")
    if not colon:
        return name
    local = local.replace("/", "_")
    if local and not _NCNAME_START.match(local):
        local = "_" + local
    return f"{prefix}:{local}"


def id_of_qname(qname: str) -> str:
    """The id a :func:`qname_of` name stands for (``claim:demo_x`` -> ``claim:demo/x``)."""
    prefix, colon, local = qname.partition(":")
    if not colon:
        return qname
    if local.startswith("_"):
        local = local[1:]
    return f"{prefix}:{local.replace('_', '/')}"


@cache
def agent_type(kind: str) -> str | None:
    """The ``prov:`` type of an actor kind, by its ``broader`` chain; None if none fits."""
    lineage = default_vocabulary().lineage(kind)
    for broad, prov_type in _PROV_AGENT_TYPES:
        if broad in lineage:
            return prov_type
    return None
