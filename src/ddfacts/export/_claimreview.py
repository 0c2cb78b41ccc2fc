"""Reviews as schema.org ClaimReview (JSON-LD, context ``https://schema.org``).

One ClaimReview per Review, sorted by review id:

- ``claimReviewed``: the claim's ``text``, else its proposition, else a
  sentence made from it; a built sentence keeps the speaker's hedge or
  negation ("(probable: “apparently”)");
- ``about`` (and ``itemReviewed.about``): what the claim's proposition is
  about, actors as Person/Organization, other records as a named Thing;
- ``itemReviewed``: a ``Claim`` whose ``author`` is the speaker, whose
  ``appearance`` lists the sources that carry it (its attribution's source and
  the sources of its evidence statements, and those an import kept in
  ``x-claimreview-appearances``) and whose ``firstAppearance`` is the
  earliest published of them;
- ``reviewRating``: ``ratingValue``, ``bestRating``, ``worstRating``, and
  ``alternateName`` and ``name`` (both the rating's label, else "<value> on
  a scale from <worst> to <best>", since Google's guidelines require one);
- ``@id``: the review's ``urn:ddfacts:review:`` IRI, so an import gives the
  review its id back; ``url``: the fact-check article;
- ``author``: the reviewer; ``datePublished``, ``reviewBody`` from the review.

A Review without a ``url`` is refused (:class:`~ddfacts.errors.ExportError`
naming it): the search engines that read ClaimReview require the article's
URL.  With ``skip_incomplete=True`` such reviews are left out instead, each
reported to ``on_skip`` (by default a :class:`UserWarning`).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import Any

from ..errors import ExportError
from ..factset import FactSet
from ..records import Actor, Claim, Review, Source, Statement
from ..times._span import as_date
from ._common import claim_sentence, display_name, record_iri, sorted_by_id

__all__ = ["SCHEMA_CONTEXT", "claimreview_of", "incomplete_reason", "to_claimreview"]

#: The JSON-LD context of schema.org.
SCHEMA_CONTEXT = "https://schema.org"


def _number(value: float) -> float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _party(actor_id: str, facts: FactSet) -> dict[str, Any]:
    actor = facts.get(actor_id, Actor)
    if actor is None:
        return {"@type": "Thing", "@id": record_iri(actor_id), "name": actor_id}
    party: dict[str, Any] = {
        "@type": "Person" if actor.kind == "person" else "Organization",
        "@id": record_iri(actor.id),
        "name": actor.name,
    }
    urls = sorted(i.value for i in actor.identifiers if i.scheme == "url")
    if urls:
        party["url"] = urls[0]
    same_as = sorted(
        f"https://www.wikidata.org/wiki/{i.value}" if i.scheme == "wikidata" else i.value
        for i in actor.identifiers
        if i.scheme == "wikidata" or (i.scheme == "url" and i.value != party.get("url"))
    )
    if same_as:
        party["sameAs"] = same_as
    return party


def _thing(record_id: str, facts: FactSet) -> dict[str, Any]:
    """What a proposition is about: an actor as a party, any other record as a named Thing."""
    if facts.get(record_id, Actor) is not None:
        return _party(record_id, facts)
    return {"@type": "Thing", "@id": record_iri(record_id), "name": display_name(record_id, facts)}


def _published(source: Source) -> dt.date | None:
    if source.published is None or source.published.earliest is None:
        return None
    return as_date(source.published.earliest)


def _appearance(source: Source, facts: FactSet) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    work["@id"] = source.url or record_iri(source.id)
    if source.url:
        work["url"] = source.url
    if source.title:
        work["name"] = source.title
    published = source.published
    if published is not None and published.precision.value == "day" and published.earliest:
        work["datePublished"] = as_date(published.earliest).isoformat()
    if source.authors:
        work["author"] = [_party(author, facts) for author in source.authors]
    if source.publisher:
        work["publisher"] = _party(source.publisher, facts)
    return work


def _sources_of(claim: Claim, facts: FactSet) -> list[Source]:
    ids = set()
    if claim.attribution is not None:
        ids.add(claim.attribution.source)
    extra = claim.extensions.get("x-claimreview-appearances")
    if isinstance(extra, (list, tuple)):
        ids.update(item for item in extra if isinstance(item, str))
    for statement_id in claim.evidence:
        statement = facts.get(statement_id, Statement)
        if statement is not None:
            ids.add(statement.source)
    found = [facts.get(source_id, Source) for source_id in ids]
    return sorted_by_id(source for source in found if source is not None)


def _rating(review: Review) -> dict[str, Any]:
    rating = review.rating
    value, best, worst = _number(rating.value), _number(rating.best), _number(rating.worst)
    name = rating.label or f"{value} on a scale from {worst} to {best}"
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": best,
        "worstRating": worst,
        "alternateName": name,
        "name": name,
    }


def incomplete_reason(review: Review) -> str | None:
    """Why *review* cannot be a ClaimReview (it has no ``url``), or None when it can."""
    if review.url:
        return None
    return (
        f"{review.id}: no url: a ClaimReview needs the fact-check article's url "
        "(leave such reviews out with skip_incomplete=True, or --skip-incomplete)"
    )


def claimreview_of(review: Review, facts: FactSet) -> dict[str, Any]:
    """The ClaimReview of one Review (with ``@context``).

    Raises:
        KeyError: the reviewed claim is not in *facts*.
        ExportError: the review has no ``url``.
    """
    claim = facts.get(review.claim, Claim)
    if claim is None:
        raise KeyError(review.claim)
    reason = incomplete_reason(review)
    if reason is not None:
        raise ExportError(reason)
    item: dict[str, Any] = {"@type": "Claim", "@id": record_iri(claim.id)}
    if claim.speaker:
        item["author"] = _party(claim.speaker, facts)
    if claim.proposition is not None and claim.proposition.about:
        item["about"] = [_thing(record_id, facts) for record_id in claim.proposition.about]
    sources = _sources_of(claim, facts)
    if sources:
        item["appearance"] = [_appearance(source, facts) for source in sources]
        dated = [(d, source.id, source) for source in sources if (d := _published(source))]
        first = min(dated, key=lambda entry: entry[:2])[2] if dated else None
        if first is not None:
            item["firstAppearance"] = _appearance(first, facts)
            item["datePublished"] = item["firstAppearance"].get("datePublished")
            if item["datePublished"] is None:
                del item["datePublished"]
    document: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "@id": record_iri(review.id),
        "url": review.url,
    }
    if review.published is not None:
        document["datePublished"] = review.published.isoformat()
    document["author"] = _party(review.reviewer, facts)
    document["claimReviewed"] = claim_sentence(claim, facts)
    if "about" in item:
        document["about"] = item["about"]
    if review.explanation:
        document["reviewBody"] = review.explanation
    document["reviewRating"] = _rating(review)
    document["itemReviewed"] = item
    return document


def _warn(message: str) -> None:
    warnings.warn(message, UserWarning, stacklevel=4)


def to_claimreview(
    facts: FactSet,
    *,
    skip_incomplete: bool = False,
    on_skip: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """A ClaimReview for every Review whose claim is in *facts*, sorted by review id.

    Args:
        facts: the records to export.
        skip_incomplete: leave out a Review without ``url`` instead of refusing it.
        on_skip: told why each left-out review was left out; by default a
            :class:`UserWarning` is issued.

    Raises:
        ExportError: a Review has no ``url`` and *skip_incomplete* is false.
    """
    documents = []
    for review in sorted_by_id(facts.reviews):
        if facts.get(review.claim, Claim) is None:
            continue
        reason = incomplete_reason(review)
        if reason is not None and skip_incomplete:
            (on_skip or _warn)(reason)
            continue
        documents.append(claimreview_of(review, facts))
    return documents
