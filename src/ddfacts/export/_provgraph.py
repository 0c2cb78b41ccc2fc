"""A PROV-JSON document under construction, written with XML QName identifiers."""

from __future__ import annotations

import json
from typing import Any

from ._provnames import qname_of

__all__ = ["PROV_PREFIXES", "Graph"]

#: The namespace prefixes every PROV-JSON export declares.
PROV_PREFIXES = {
    "actor": "urn:ddfacts:actor:",
    "claim": "urn:ddfacts:claim:",
    "ddfacts": "urn:ddfacts:",
    "review": "urn:ddfacts:review:",
    "schema": "https://schema.org/",
    "source": "urn:ddfacts:source:",
    "statement": "urn:ddfacts:statement:",
}

#: The relation members that name a node.
_NODE_MEMBERS = frozenset(
    {
        "prov:activity",
        "prov:agent",
        "prov:delegate",
        "prov:entity",
        "prov:generatedEntity",
        "prov:responsible",
        "prov:usedEntity",
    }
)


def _as_qnames(key: str, value: Any) -> Any:
    """A node name or a ``prov:QUALIFIED_NAME`` value written as an XML QName."""
    if key in _NODE_MEMBERS and isinstance(value, str):
        return qname_of(value)
    if isinstance(value, dict) and value.get("type") == "prov:QUALIFIED_NAME":
        return {**value, "$": qname_of(value["$"])}
    return value


def _written(record: dict[str, Any]) -> dict[str, Any]:
    return {key: _as_qnames(key, record[key]) for key in sorted(record)}


class Graph:
    """A PROV-JSON document under construction; relations are numbered when rendered."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, dict[str, Any]]] = {
            "entity": {},
            "agent": {},
            "activity": {},
        }
        self.relations: dict[str, list[dict[str, Any]]] = {}
        self._seen: set[tuple[str, str]] = set()

    def node(self, kind: str, name: str, **attributes: Any) -> str:
        existing = self.nodes[kind].setdefault(name, {})
        for key, value in attributes.items():
            if value is not None:
                existing.setdefault(key, value)
        return name

    def relate(self, kind: str, **members: Any) -> None:
        record = {key: value for key, value in members.items() if value is not None}
        key = (kind, json.dumps(record, sort_keys=True))
        if key not in self._seen:
            self._seen.add(key)
            self.relations.setdefault(kind, []).append(record)

    def render(self) -> dict[str, Any]:
        document: dict[str, Any] = {"prefix": dict(sorted(PROV_PREFIXES.items()))}
        for kind in ("entity", "agent", "activity"):
            if self.nodes[kind]:
                names = {qname_of(name): name for name in self.nodes[kind]}
                document[kind] = {
                    name: _written(self.nodes[kind][names[name]]) for name in sorted(names)
                }
        for kind in sorted(self.relations):
            ordered = sorted((_written(r) for r in self.relations[kind]), key=_relation_key)
            document[kind] = {
                f"_:{kind}{number}": record for number, record in enumerate(ordered, start=1)
            }
        return document


def _relation_key(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True)
