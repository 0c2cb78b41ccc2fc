"""Rewrite a format 1.0 fact file as format 1.1: the 1.0 attribution members become hops.

Format 1.0 said who relayed a claim with an attribution's ``via`` (the
outlet that first carried the words), ``via_source`` (that outlet's Source)
and ``translated_by`` (who translated them).  Format 1.1 says it with a
``chain`` of :class:`~ddfacts.records.Hop`: ``via`` becomes a hop in mode
``reports`` with ``via_source`` as its source, then ``translated_by`` a hop
in mode ``translates``, in the language of the attribution's source when
that Source record gives one.  Everything else is kept as it is; a 1.1 file
comes out as it went in.  The file is read by the one strict reader
(:func:`~ddfacts.jsonio.load`) and written atomically (:func:`~ddfacts.jsonio.dump`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import IO

import attrs

from ..factset import FactSet
from ..records import Attribution, Claim, Hop, Mode, Record, Source
from ._files import PathOrFile, dump, load

__all__ = ["migrate", "migrate_records"]


def _languages(records: Iterable[Record]) -> dict[str, str]:
    """The language of each Source record that gives one, by id."""
    return {
        record.id: record.language
        for record in records
        if isinstance(record, Source) and record.language is not None
    }


def _chain(attribution: Attribution, languages: Mapping[str, str]) -> tuple[Hop, ...]:
    """The hops of a 1.0 attribution, the translator's in the source's language."""
    hops = list(attribution.hops)
    if attribution.translated_by is not None and hops and hops[-1].mode is Mode.TRANSLATES:
        language = languages.get(attribution.source)
        if language is not None:
            hops[-1] = attrs.evolve(hops[-1], language=language)
    return tuple(hops)


def _migrated(record: Record, languages: Mapping[str, str]) -> Record:
    if not isinstance(record, Claim) or record.attribution is None:
        return record
    attribution = record.attribution
    if (
        attribution.via is None
        and attribution.via_source is None
        and (attribution.translated_by is None)
    ):
        return record
    chain = _chain(attribution, languages)
    if attribution.via is None and attribution.via_source is not None:
        # 1.0 allowed a relayed Source without the outlet's actor: no hop can hold it.
        raise ValueError(
            f"{record.id}: the attribution names a 'via_source' but no 'via' outlet; "
            "add the outlet's actor id as 'via' first"
        )
    new = attrs.evolve(attribution, via=None, via_source=None, translated_by=None, chain=chain)
    return attrs.evolve(record, attribution=new)


def migrate_records(records: Iterable[Record]) -> list[Record]:
    """*records* with every 1.0 attribution (``via``, ``translated_by``) rewritten as a chain.

    Raises:
        ValueError: a claim's attribution names a ``via_source`` without a ``via``.
    """
    kept = list(records)
    languages = _languages(kept)
    return [_migrated(record, languages) for record in kept]


def migrate(source: PathOrFile, out: str | os.PathLike[str] | IO[str] | None = None) -> FactSet:
    """Read the fact file *source* (format 1.0 or 1.1) and give its records as format 1.1.

    With *out*, also write them there (a path is written atomically, JSON
    Lines when its name ends in ``.jsonl``; *out* may be *source* itself).

    Raises:
        LoadError: *source* cannot be read or holds an invalid record.
        ValueError: a claim's attribution names a ``via_source`` without a ``via``.

    .. versionadded:: 0.2.0
    """
    migrated = FactSet(migrate_records(load(source)))
    if out is not None:
        dump(migrated, out)
    return migrated
