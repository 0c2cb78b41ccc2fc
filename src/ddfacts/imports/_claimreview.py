"""The ClaimReview importer: each schema.org ClaimReview to a Claim, a Review, Actors, Sources.

One ClaimReview gives:

- a **Claim**: its ``text`` is ``claimReviewed`` (else the reviewed item's
  ``name`` or ``text``); ``subject`` is the claim itself, ``property``
  ``characterized_as`` and ``value`` the text (a ClaimReview says what was
  claimed, not a structured proposition); ``speaker`` the reviewed item's
  first ``author`` (more authors in ``x-claimreview-speakers``);
  ``attribution`` the first appearance (``firstAppearance``, else the first
  of ``appearance``; an older ``CreativeWork`` item is itself the
  appearance), further appearances in ``x-claimreview-appearances``;
- a **Review**: ``reviewRating`` (value, best, worst, ``alternateName``),
  the first ``author`` as reviewer, ``datePublished``, ``reviewBody``, ``url``;
- **Actors** for reviewers and speakers (their ``url`` as an identifier) and
  **Sources** for appearances (url, ``datePublished``, ``name``).

Ids are stable: a ``urn:ddfacts:`` ``@id`` (a ddfacts export) gives its id
back; otherwise the review and claim ids are made from the review URL and a
hash of the claim text, actors' from their url or name, sources' from their url.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .._version import __version__
from ..limits import MAX_ID_LENGTH
from ..provenance import Activity, Method, Provenance
from ..records import Actor, Attribution, Claim, Identifier, Rating, Record, Review, Source
from ..times._span import TimeSpan
from . import _crfields as read
from ._crfields import Party, Trouble, Troubles
from ._webannotation import source_id_for_iri

__all__ = ["REVIEW_TYPES", "Made", "claimreview_records", "is_claimreview"]

#: The ``@type`` values of a ClaimReview node.
REVIEW_TYPES = frozenset(
    {
        "ClaimReview",
        "schema:ClaimReview",
        "http://schema.org/ClaimReview",
        "https://schema.org/ClaimReview",
    }
)
_URN = re.compile(
    r"^urn:ddfacts:((?:actor|claim|review|source):[a-z0-9](?:[a-z0-9._/-]*[a-z0-9])?)\Z"
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
#: Room for the readable part of a made id (the rest is "/" and a hash).
_SLUG_ROOM = MAX_ID_LENGTH - 40

#: What one ClaimReview made: records (new ones only once per import) and what it met.
Made = tuple[list[Record], Troubles]


def is_claimreview(node: object) -> bool:
    """Whether a JSON-LD node is typed ClaimReview."""
    if not isinstance(node, dict):
        return False
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind in REVIEW_TYPES for kind in kinds)


def _urn_id(iri: str | None, kind: str) -> str | None:
    match = _URN.match(iri or "")
    return match.group(1) if match and match.group(1).startswith(kind + ":") else None


def _digest(*parts: str) -> str:
    data = "\n".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:12]


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = _NOT_SLUG.sub("-", folded).strip("-")[:_SLUG_ROOM].strip("-")
    return slug or "h" + _digest(text)


@functools.lru_cache(maxsize=4096)
def _url_slug(url: str) -> str:
    slug = source_id_for_iri(url)[len("source:") :]
    return (
        slug if len(slug) <= _SLUG_ROOM else slug[:_SLUG_ROOM].rstrip("-._/") + "-" + _digest(url)
    )


def actor_id(party: Party) -> str:
    """A party's actor id: from a ``urn:ddfacts:actor:`` @id, its url, else its name."""
    found = _urn_id(party.iri, "actor")
    if found:
        return found
    if party.url:
        return "actor:" + _url_slug(party.url)
    return "actor:" + _slug(party.name or "unnamed")


def _actor(party: Party, kind: str, provenance: Provenance) -> Actor:
    identifiers = (Identifier(scheme="url", value=party.url),) if party.url else ()
    return Actor(
        id=actor_id(party),
        kind=kind,
        name=party.name or party.url or "unnamed",
        identifiers=identifiers,
        provenance=provenance,
    )


def _provenance() -> Provenance:
    return Provenance(
        tool="ddfacts",
        tool_version=__version__,
        method=Method.IMPORT,
        history=(
            Activity(
                activity="imported",
                agent=f"ddfacts {__version__}",
                note="Imported from schema.org ClaimReview markup.",
            ),
        ),
    )


def _source(
    work: dict[str, Any],
    base: str | None,
    met: Troubles,
    at: tuple[str | int, ...],
    provenance: Provenance,
) -> Source | None:
    url = read.absolute(work.get("url"), base, met, (*at, "url"))
    iri = read.text_of(work.get("@id"))
    source_id = _urn_id(iri, "source") or (source_id_for_iri(url) if url else None)
    if source_id is None and iri and ":" in iri and not iri.startswith("_:"):
        source_id, url = source_id_for_iri(iri), url or iri
    if source_id is None:
        met.append(Trouble("import.bad-appearance", "an appearance has no url to name it by", at))
        return None
    day = read.date_of(work.get("datePublished"), [], (*at, "datePublished"))
    return Source(
        id=source_id,
        url=url,
        title=read.text_of(work.get("name")) or read.text_of(work.get("headline")),
        published=TimeSpan.from_edtf(day.isoformat()) if day else None,
        provenance=provenance,
    )


def _works(
    item: dict[str, Any], met: Troubles
) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """The item's appearances, the first one first, each with its pointer below the item."""
    if not item:
        return []
    if not is_claim(item):
        met.append("item-creativework")
        return [(("itemReviewed",), item)] if item.get("url") or item.get("@id") else []
    found: list[tuple[tuple[str | int, ...], dict[str, Any]]] = []
    first = item.get("firstAppearance")
    if isinstance(first, dict):
        found.append((("itemReviewed", "firstAppearance"), first))
    listed = item.get("appearance")
    listed = listed if isinstance(listed, list) else [listed] if listed is not None else []
    for index, work in enumerate(listed):
        at: tuple[str | int, ...] = ("itemReviewed", "appearance", index)
        if isinstance(work, str):
            work = {"url": work}
        if isinstance(work, dict):
            found.append((at, work))
        else:
            met.append(
                Trouble("import.bad-appearance", "an appearance is not an object or a url", at)
            )
    return found


def is_claim(item: dict[str, Any]) -> bool:
    """Whether an itemReviewed is typed Claim (not the older CreativeWork)."""
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(kind in ("Claim", "schema:Claim") for kind in kinds)


class ClaimReviewReader:
    """Maps ClaimReview nodes to records, each shared actor and source made once."""

    def __init__(self, *, base_url: str | None = None) -> None:
        self._base = base_url
        self._provenance = _provenance()
        self._seen: set[str] = set()

    def _once(self, records: list[Record], record: Record) -> None:
        if record.id not in self._seen:
            self._seen.add(record.id)
            records.append(record)

    def read(self, node: dict[str, Any]) -> Made:
        """The records of one ClaimReview node, and what was met reading it."""
        met: Troubles = []
        base = read.absolute(node.get("url"), self._base, met, ("url",))
        if base is None and node.get("url") is None:
            met.append("url-missing")
        given = node.get("itemReviewed")
        item: dict[str, Any] = given if isinstance(given, dict) else {}
        text = (
            read.text_of(node.get("claimReviewed"))
            or read.text_of(item.get("name"))
            or read.text_of(item.get("text"))
        )
        if text is None:
            met.append(
                Trouble(
                    "import.no-claim-text", "the review names no claim text (claimReviewed)", ()
                )
            )
            return [], met
        records: list[Record] = []
        claim = self._claim(node, item, (text, base), records, met)
        review = self._review(node, claim.id, base, text, records, met)
        if review is not None:
            records.append(review)
        return records, met

    def _parties(
        self,
        value: object,
        at: tuple[str | int, ...],
        kind: str,
        base: str | None,
        records: list[Record],
        met: Troubles,
    ) -> list[str]:
        ids = []
        for party in read.parties(value, base, met, at):
            chosen = kind if party.kind != "Person" else "person"
            if party.kind == "Organization" and kind == "person":
                chosen = "organization"
            made = actor_id(party)
            if made not in self._seen:  # build each actor once per import
                self._once(records, _actor(party, chosen, self._provenance))
            ids.append(made)
        return ids

    def _claim(
        self,
        node: dict[str, Any],
        item: dict[str, Any],
        said: tuple[str, str | None],
        records: list[Record],
        met: Troubles,
    ) -> Claim:
        text, review_url = said
        url = review_url or ""
        base = review_url or self._base
        claim_id = _urn_id(read.text_of(item.get("@id")), "claim") or (
            f"claim:{_url_slug(url) if url else 'unpublished'}/{_digest(url, text)}"
        )
        speakers = self._parties(
            item.get("author"), ("itemReviewed", "author"), "person", base, records, met
        )
        sources = []
        for at, work in _works(item, met):
            source = _source(work, base, met, at, self._provenance)
            if source is not None and source.id not in sources:
                self._once(records, source)
                sources.append(source.id)
        extensions: dict[str, Any] = {}
        if len(speakers) > 1:
            extensions["x-claimreview-speakers"] = speakers[1:]
        if len(sources) > 1:
            extensions["x-claimreview-appearances"] = sources[1:]
        claim = Claim(
            id=claim_id,
            subject=claim_id,
            property="characterized_as",
            value=text,
            text=text,
            speaker=speakers[0] if speakers else None,
            attribution=Attribution(source=sources[0]) if sources else None,
            provenance=self._provenance,
            extensions=extensions,
        )
        self._once(records, claim)
        return claim

    def _review(
        self,
        node: dict[str, Any],
        claim_id: str,
        url: str | None,
        text: str,
        records: list[Record],
        met: Troubles,
    ) -> Review | None:
        rating = read.rating_of(node.get("reviewRating"), met, ("reviewRating",))
        reviewers = self._parties(
            node.get("author"), ("author",), "fact_checker", self._base, records, met
        )
        if not reviewers:
            met.append(
                Trouble(
                    "import.no-reviewer",
                    "the review names no author (the fact-checker)",
                    ("author",),
                )
            )
        published = read.date_of(node.get("datePublished"), met, ("datePublished",))
        if rating is None or not reviewers:
            return None
        review_id = _urn_id(read.text_of(node.get("@id")), "review") or (
            f"review:{_url_slug(url) if url else 'unpublished'}/{_digest(url or '', text)}"
        )
        value, best, worst, label = rating
        return Review(
            id=review_id,
            claim=claim_id,
            reviewer=reviewers[0],
            published=published,
            url=url,
            rating=Rating(value=value, best=best, worst=worst, label=label),
            explanation=read.text_of(node.get("reviewBody")),
            provenance=self._provenance,
            extensions={"x-claimreview-reviewers": reviewers[1:]} if len(reviewers) > 1 else {},
        )


def claimreview_records(
    nodes: Iterator[dict[str, Any]], reader: ClaimReviewReader
) -> Iterator[Made]:
    """What each ClaimReview node makes, in order."""
    for node in nodes:
        yield reader.read(node)
