"""The format-1.1 parts of a claim written as a person writes them (for :class:`Document`).

A proposition is its words (and what it is about); a condition a
``(property, phrase)`` pair ("followers", "more than 5,000"); members a scope
name or a :class:`~ddfacts.Members`; a chain a list of hops, each a
:class:`~ddfacts.Hop` or ``(actor, mode)`` / ``(actor, mode, language)``.
Each is checked at the call, with the vocabulary's sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..anchors._anchor import _slug
from ..errors import VocabularyError
from ..quantities import Quantity
from ..records import (
    Claim,
    Condition,
    Hop,
    Members,
    Proposition,
    Rating,
    Record,
    Review,
    Source,
    Statement,
)
from ..times import TimeSpan
from ..vocabulary import Vocabulary
from ._order import slug_of
from ._values import Referable, Reference, attribution_of, claim_value, id_of, property_of

__all__ = ["ClaimMaking", "Evidence", "HopLike", "claim_parts", "hops_of"]

#: Evidence: a quote in the document's text, or a Statement (or its id).
Evidence = str | Statement

#: A hop of a chain: a Hop, or ``(actor, mode)``, or ``(actor, mode, language)``.
HopLike = Hop | tuple[Referable, str] | tuple[Referable, str, str]


def hops_of(chain: Iterable[HopLike]) -> tuple[Hop, ...]:
    """The Hops of *chain*, actors given as records or ids."""
    hops = []
    for hop in chain:
        if isinstance(hop, Hop):
            hops.append(hop)
            continue
        by, mode, *rest = hop
        hops.append(Hop(by=id_of(by, "actor"), mode=mode, language=rest[0] if rest else None))
    return tuple(hops)


def _condition(vocab: Vocabulary, where: Condition | tuple[str, str]) -> Condition:
    if isinstance(where, Condition):
        return where
    name, phrase = where
    value = claim_value(property_of(vocab, name), phrase, None)
    if not isinstance(value, Quantity):
        raise VocabularyError(
            f"a condition compares a figure, but property {name!r} takes a {type(value).__name__}"
        )
    return Condition(property=name, value=value)


def claim_parts(
    vocab: Vocabulary,
    *,
    proposition: str | Proposition | None,
    about: Sequence[Referable],
    language: str | None,
    members: Members | str | None,
    where: Condition | tuple[str, str] | None,
    refines: Claim | str | None,
) -> dict[str, Any]:
    """The Claim fields of the 1.1 parts given (None left out)."""
    parts: dict[str, Any] = {}
    if isinstance(proposition, Proposition):
        parts["proposition"] = proposition
    elif proposition is not None:
        parts["proposition"] = Proposition(
            text=proposition, about=[id_of(a, "actor") for a in about], language=language
        )
    if members is not None:
        parts["members"] = members if isinstance(members, Members) else Members(scope=members)
    if where is not None:
        parts["where"] = _condition(vocab, where)
    if refines is not None:
        parts["refines"] = refines.id if isinstance(refines, Claim) else id_of(refines, "claim")
    return parts


class ClaimMaking:
    """The methods of :class:`~ddfacts.Document` that make claims and reviews."""

    _vocab: Vocabulary
    _records: dict[str, Record]
    source: Source
    reference: Reference

    if TYPE_CHECKING:

        def _add(self, record: Record) -> Any: ...

        def time(self, phrase: str | TimeSpan | dt.date) -> TimeSpan: ...

        def evidence(self, items: Iterable[Evidence]) -> tuple[str, ...]: ...

    def claim(
        self,
        subject: Referable,
        property: str,
        value: object,
        *,
        id: str | None = None,
        evidence: Iterable[Evidence] = (),
        as_of: str | TimeSpan | dt.date | None = None,
        speaker: Referable | None = None,
        mode: str = "states",
        via: Referable | None = None,
        unit: str | None = None,
        qualifiers: Mapping[str, str] | None = None,
        text: str | None = None,
        proposition: str | Proposition | None = None,
        members: Members | str | None = None,
        where: Condition | tuple[str, str] | None = None,
        refines: Claim | str | None = None,
        chain: Iterable[HopLike] = (),
        **attribution: Any,
    ) -> Claim:
        """A Claim carried by this document: *value* read as *property* takes it.

        *value* may be a quantity phrase ("more than 9,000 followers"), a time
        phrase (read against the publication date), an id, a record, a Rank,
        text or a value.  The id defaults to ``claim:<source slug>/<subject
        slug>-<property>``.  *members* is a scope name or a Members; *where* a
        Condition or ``(property, phrase)``; *chain* the hops from the speaker to
        this source (Hops or ``(actor, mode[, language])``); *attribution* takes
        ``certainty``, ``negated``, ``hedge``, ``original_language`` (and the
        1.0 ``via_source``, ``translated_by``).
        """
        prop = property_of(self._vocab, property)
        subject_id = id_of(subject, "actor")
        key = self.source.id.split(":", 1)[1]
        made = self._new_id("claim", id, f"claim:{key}/{slug_of(subject_id)}-{property}")
        parts = claim_parts(
            self._vocab, proposition=proposition, about=(), language=None,
            members=members, where=where, refines=refines,
        )  # fmt: skip
        return self._claim(
            made, speaker, mode, via, chain, attribution, evidence, as_of,
            subject=subject_id, property=property, text=text, qualifiers=qualifiers or {},
            value=claim_value(prop, value, self.reference, unit), **parts,
        )  # fmt: skip

    def says(
        self,
        words: str,
        /,
        *,
        about: Sequence[Referable] = (),
        id: str | None = None,
        evidence: Iterable[Evidence] = (),
        speaker: Referable | None = None,
        mode: str = "states",
        language: str | None = None,
        as_of: str | TimeSpan | dt.date | None = None,
        chain: Iterable[HopLike] = (),
        text: str | None = None,
        qualifiers: Mapping[str, str] | None = None,
        **attribution: Any,
    ) -> Claim:
        """A Claim whose content is a proposition: the speaker's *words*, on the *about* records.

        For what no property says ("information attacks by the West").  The id
        defaults to ``claim:<source slug>/<slug of the words>``; *text* is the
        claim in the annotator's words and *qualifiers* its circumstances
        (``{"venue": "Twitter"}``), as for :meth:`claim`; *attribution* as
        for :meth:`claim` (``certainty="probable"``, ``hedge="apparently"``).
        """
        key = self.source.id.split(":", 1)[1]
        made = self._new_id("claim", id, f"claim:{key}/{_slug(words)[:48].strip('-')}")
        parts = claim_parts(
            self._vocab, proposition=words, about=about, language=language,
            members=None, where=None, refines=None,
        )  # fmt: skip
        return self._claim(
            made, speaker, mode, None, chain, attribution, evidence, as_of,
            text=text, qualifiers=qualifiers or {}, **parts,
        )  # fmt: skip

    def _claim(
        self,
        made: str,
        speaker: Referable | None,
        mode: str,
        via: Referable | None,
        chain: Iterable[HopLike],
        attribution: dict[str, Any],
        evidence: Iterable[Evidence],
        as_of: str | TimeSpan | dt.date | None,
        **fields: Any,
    ) -> Claim:
        hops = hops_of(chain)
        if hops:
            attribution["chain"] = hops
        return self._add(  # type: ignore[no-any-return]
            Claim(
                id=made,
                as_of=self.time(as_of) if as_of is not None else None,
                speaker=id_of(speaker, "actor") if speaker is not None else None,
                attribution=attribution_of(self.source.id, mode, via, attribution),
                evidence=self.evidence(evidence),
                **fields,
            )
        )

    def _new_id(self, kind: str, given: str | None, default: str) -> str:
        """*given* (an id, or a slug under this source's key), else a free id from *default*."""
        if given is None:
            return self._free(default)
        return given if ":" in given else f"{kind}:{self.source.id.split(':', 1)[1]}/{given}"

    def _free(self, base: str) -> str:
        made, number = base, 2
        while made in self._records:
            made, number = f"{base}-{number}", number + 1
        return made

    def review(
        self,
        claim: Claim | str,
        *,
        rating: Rating,
        reviewer: Referable,
        id: str | None = None,
        evidence: Iterable[Evidence] = (),
        **fields: Any,
    ) -> Review:
        """A Review of *claim* by *reviewer*; the id defaults to ``review:<claim's path>``."""
        claim_id = claim.id if isinstance(claim, Claim) else id_of(claim, "claim")
        made = self._new_id("review", id, "review:" + claim_id.split(":", 1)[1])
        return self._add(  # type: ignore[no-any-return]
            Review(
                id=made,
                claim=claim_id,
                rating=rating,
                reviewer=id_of(reviewer, "actor"),
                evidence=self.evidence(evidence),
                **fields,
            )
        )
