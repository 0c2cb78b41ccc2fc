"""Check the exports of the seed examples with the readers users have, and count the gaps.

Run ``python benchmarks/export_standards.py``.  It loads ``examples/seeds``
and prints, side by side with the figures before issue 18's export fixes
(from the issue, measured on the same seeds):

- PROV: how many agents get a ``prov:type``; whether the ``prov`` package's
  PROV-XML validates against the ``prov.xsd`` it ships (found next to the
  installed package, skipped when absent); whether every identifier is an
  XML QName; that PROV-N and PROV-JSON round-trip through ``prov``;
- ClaimReview: reviews exported, and reviews left out for lack of ``url``;
- Web Annotation: annotations without a body, a ``last`` on the collection,
  targets with a ``language``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import ddfacts as d
from ddfacts.export import to_claimreview, to_prov_json, to_webannotation

ROOT = Path(__file__).resolve().parent.parent
#: An XML QName: NCName ':' NCName (ASCII subset, which ddfacts ids keep to).
QNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*:[A-Za-z_][A-Za-z0-9._-]*\Z")
#: The figures before the fix (issue 18, on the same seeds).
BEFORE = {"agents typed": "59 of 98", "PROV-XML valid": "no", "annotations without body": "7"}


def _seeds() -> d.FactSet:
    records: list[d.Record] = []
    for path in sorted((ROOT / "examples" / "seeds").glob("*.facts.json")):
        records.extend(d.load(path))
    return d.FactSet(records)


def _xsd_valid(document: Any) -> str:
    import prov
    from lxml import etree

    xsd = Path(prov.__file__).parent / "tests" / "schemas" / "prov.xsd"
    if not xsd.is_file():
        return "prov.xsd absent"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    ok = schema.validate(etree.fromstring(document.serialize(format="xml").encode("utf-8")))
    return "yes" if ok else f"no ({len(schema.error_log)} errors)"


def _prov(facts: d.FactSet) -> dict[str, str]:
    from prov.model import ProvDocument

    exported = to_prov_json(facts)
    agents = exported["agent"]
    names = [name for key, group in exported.items() if key != "prefix" for name in group]
    bad = [name for name in names if not name.startswith("_:") and not QNAME.match(name)]
    document = ProvDocument.deserialize(content=json.dumps(exported), format="json")
    provn = document.serialize(format="provn")
    again = ProvDocument.deserialize(content=document.serialize(format="json"), format="json")
    return {
        "agents typed": f"{sum('prov:type' in a for a in agents.values())} of {len(agents)}",
        "PROV-XML valid": _xsd_valid(document),
        "ids not QNames": str(len(bad)),
        "PROV-N lines": str(len(provn.splitlines())),
        "PROV-JSON round trip": "yes" if again == document else "no",
    }


def _webannotation(facts: d.FactSet) -> dict[str, str]:
    collection = to_webannotation(facts)
    items = collection["first"]["items"]
    return {
        "annotations without body": str(sum("body" not in item for item in items)),
        "collection has last": "yes" if "last" in collection else "no",
        "targets with language": f"{sum('language' in i['target'] for i in items)} of {len(items)}",
    }


def main() -> int:
    """Print each figure, after the fix and before it."""
    facts = _seeds()
    skipped: list[str] = []
    reviews = to_claimreview(facts, skip_incomplete=True, on_skip=skipped.append)
    figures = {
        **_prov(facts),
        "ClaimReviews written": str(len(reviews)),
        "reviews left out (no url)": str(len(skipped)),
        **_webannotation(facts),
    }
    print(f"{'figure':<28} {'after':<22} before")
    for name, value in figures.items():
        print(f"{name:<28} {value:<22} {BEFORE.get(name, '-')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
