"""Document: a text and its Source, and the records that cite it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..anchors import Anchor, statement_id
from ..anchors._anchor import _slug
from ..errors import TextStoreError
from ..factset import FactSet
from ..limits import MAX_FILE_BYTES
from ..provenance import Provenance
from ..records import (
    Actor,
    Event,
    Identifier,
    Name,
    Participant,
    Record,
    Role,
    Source,
    SourceLink,
    Statement,
)
from ..textstore import decode_text, sha256_of
from ..times import TimeSpan
from ..vocabulary import Vocabulary, default_vocabulary
from ._claims import ClaimMaking, Evidence
from ._html import extract_article, extraction_provenance, looks_like_html
from ._order import ordered
from ._quotes import locate
from ._values import (
    Referable,
    Reference,
    check_actor_kind,
    check_event,
    id_of,
    read_as,
    reference_of,
    time_of,
)

__all__ = ["Document", "Evidence"]


class Document(ClaimMaking):
    """A text and its Source, with methods that make records citing it.

    Times may be given as phrases (parsed with :func:`~ddfacts.parse_time`
    against the publication date), dates or TimeSpans.  Every record made
    here gets *provenance* when given.  Vocabulary problems (an unknown
    property, actor type, event type or role) raise
    :class:`~ddfacts.VocabularyError` at the call.

    Example::

        doc = Document(text, id="source:ledger", published="14 March 2023")
        account = doc.actor("embassy-account", "account", "@VeloriaInOstr", operated_by=...)
        doc.claim(account, "followers", "more than 12,500 followers",
                  as_of="14 March 2023", evidence=["more than 12,500 followers"])
        facts = doc.factset()

    .. versionadded:: 0.2.0
    """

    def __init__(
        self,
        text: str,
        *,
        id: str,
        title: str | None = None,
        authors: Sequence[Referable] = (),
        publisher: Referable | None = None,
        url: str | None = None,
        published: str | TimeSpan | dt.date | None = None,
        language: str | None = None,
        kind: str | None = None,
        links: Sequence[SourceLink] = (),
        provenance: Provenance | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        #: The text, exactly as stored.
        self.text = text
        self._provenance = provenance
        self._vocab = vocabulary if vocabulary is not None else default_vocabulary()
        when = time_of(published, None) if published is not None else None
        #: The Source record of the text, its sha256 and length computed.
        self.source = Source(
            id=id_of(id, "source"),
            title=title,
            authors=tuple(id_of(a, "actor") for a in authors),
            publisher=id_of(publisher, "actor") if publisher is not None else None,
            url=url,
            published=when,
            language=language,
            kind=kind,
            sha256=sha256_of(text),
            length=len(text),
            links=tuple(links),
            provenance=provenance,
        )
        #: What relative times in the text resolve against.
        self.reference = reference_of(self.source.id, when)
        self._records: dict[str, Record] = {}
        self._by_span: dict[tuple[int, int], Statement] = {}

    @classmethod
    def from_file(
        cls, path: str | os.PathLike[str], *, html: bool | None = False, **metadata: Any
    ) -> Document:
        """The Document of a UTF-8 text file (no byte-order mark; newlines kept as they are),
        or of an HTML page (:meth:`from_html`) with ``html=True``, or ``None`` to
        decide by the file's name and first bytes.

        Raises:
            TextStoreError: the file is not UTF-8 text (or is binary).
            OSError: the file cannot be read.
            ValueError: the file is too large, or a page holds no article text.
        """
        where = Path(path)
        if where.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(f"{where}: the text is larger than {MAX_FILE_BYTES} bytes")
        data = where.read_bytes()
        if html or (html is None and looks_like_html(where.name, data)):
            return cls.from_html(data, **metadata)
        text = decode_text(data, str(where))
        if "\x00" in text:
            raise TextStoreError(f"{where}: a binary file (it holds NUL bytes), not a text")
        return cls(text, **metadata)

    @classmethod
    def from_html(cls, page: bytes | str, **metadata: Any) -> Document:
        """The Document of an HTML page's article: its main text, title, authors and date.

        Needs the ``authoring`` extra (trafilatura).  Metadata given here wins
        over the page's; the page's authors become ``person`` Actors unless
        *authors* is given.  The Source's provenance records the extractor.

        Raises:
            ImportError: trafilatura is not installed.
            ValueError: the page is not UTF-8, too large, or holds no article text.
        """
        found = extract_article(page, url=metadata.get("url"))
        people = {f"actor:{_slug(name)}": name for name in found.authors}
        metadata.setdefault("title", found.title)
        metadata.setdefault("published", found.published)
        metadata.setdefault("authors", tuple(people))
        given = metadata.pop("provenance", None)
        doc = cls(found.text, **metadata)
        doc.source = attrs.evolve(doc.source, provenance=extraction_provenance(found.method, given))
        for actor_id, name in people.items():
            if actor_id in doc.source.authors:
                doc.actor(actor_id, "person", name)
        return doc

    def __repr__(self) -> str:
        return f"Document(id={self.source.id!r}, length={len(self.text)})"

    # -- records ---------------------------------------------------------------

    def _add(self, record: Record) -> Any:
        if self._provenance is not None and getattr(record, "provenance", None) is None:
            record = attrs.evolve(record, provenance=self._provenance)
        if record.id in self._records and self._records[record.id] != record:
            raise ValueError(f"{record.id} is already a different record of this document")
        self._records[record.id] = record
        return record

    def records(self) -> tuple[Record, ...]:
        """The Source and every record made, in file order (statements by offset)."""
        return tuple(ordered([self.source, *self._records.values()]))

    def factset(self) -> FactSet:
        """A :class:`~ddfacts.FactSet` of :meth:`records`."""
        return FactSet(self.records())

    # -- statements --------------------------------------------------------------

    def statement(
        self,
        quote: str,
        *,
        occurrence: int | None = None,
        after: str | int | None = None,
        note: str | None = None,
        language: str | None = None,
    ) -> Statement:
        """The Statement citing *quote*, made on first use, with the default id.

        A quote that occurs more than once needs *occurrence* (1-based) or
        *after* (an offset, or a quote occurring once, that it follows).

        Raises:
            AmbiguousQuoteError: the quote occurs more than once, listed with context.
            QuoteNotFoundError: the quote (or that occurrence) is not in the text.
        """
        span = locate(self.text, quote, occurrence=occurrence, after=after)
        known = self._by_span.get(span)
        if known is not None and note is None and language is None:
            return known
        anchor = Anchor.from_span(self.text, *span)
        base = statement_id(self.source.id, self.text, anchor)
        made, number = base, 2
        while made in self._records and self._by_span.get(span) is None:
            made, number = f"{base}-x{number}", number + 1
        record = Statement(
            id=made, source=self.source.id, anchor=anchor, note=note, language=language
        )
        self._by_span[span] = self._add(record)
        return self._by_span[span]

    def evidence(self, items: Iterable[Evidence]) -> tuple[str, ...]:
        """Statement ids for quotes (each must occur once) and Statements."""
        if isinstance(items, str):
            raise TypeError("evidence is a list of quotes or Statements, not one string")
        return tuple(
            item.id if isinstance(item, Statement) else self.statement(item).id for item in items
        )

    # -- what the text says ----------------------------------------------------

    def time(
        self,
        phrase: str | TimeSpan | dt.date,
        *,
        edtf: str | None = None,
        relative_to: Reference = None,
    ) -> TimeSpan:
        """A time phrase read against the publication date (or *relative_to*).

        A phrase the parser cannot read ("since then", "in three months") is
        given its meaning as *edtf*: the span keeps the phrase as written and,
        when given, *relative_to* (a date or a ResolvedAgainst, such as
        :attr:`reference`) as what it was resolved against.

        Raises:
            TimeParseError: the parser cannot read the phrase and no *edtf* is given.
            ValueError: *edtf* is not EDTF.
        """
        if edtf is not None:
            if not isinstance(phrase, str) or isinstance(relative_to, TimeSpan):
                raise TypeError("edtf= reads a phrase, resolved against a date if at all")
            return read_as(phrase, edtf, relative_to)
        return time_of(phrase, self.reference if relative_to is None else relative_to)

    def actor(
        self,
        id: str,
        kind: str,
        name: str,
        *,
        evidence: Iterable[Evidence] = (),
        names: Iterable[Name | tuple[str, str | None, str | None]] = (),
        identifiers: Iterable[Identifier | tuple[str, str]] = (),
        roles: Iterable[Role] = (),
        operated_by: Referable | None = None,
        **fields: Any,
    ) -> Actor:
        """An Actor ``actor:<id>`` of a kind the vocabulary knows."""
        check_actor_kind(self._vocab, kind, operated_by is not None)
        return self._add(  # type: ignore[no-any-return]
            Actor(
                id=id_of(id, "actor"),
                kind=kind,
                name=name,
                names=[
                    n if isinstance(n, Name) else Name(text=n[0], language=n[1], kind=n[2])
                    for n in names
                ],
                identifiers=[
                    i if isinstance(i, Identifier) else Identifier(scheme=i[0], value=i[1])
                    for i in identifiers
                ],
                roles=tuple(roles),
                operated_by=id_of(operated_by, "actor") if operated_by is not None else None,
                evidence=self.evidence(evidence),
                **fields,
            )
        )

    def role(
        self,
        position: str,
        organization: Referable | None = None,
        during: str | TimeSpan | None = None,
        *,
        evidence: Iterable[Evidence] = (),
    ) -> Role:
        """A Role held in *organization* *during* a time, shown by *evidence*."""
        return Role(
            position=position,
            organization=id_of(organization, "actor") if organization is not None else None,
            during=self.time(during) if during is not None else None,
            evidence=self.evidence(evidence),
        )

    def event(
        self,
        id: str,
        event_type: str,
        *,
        time: str | TimeSpan | dt.date | None = None,
        participants: Iterable[Participant | tuple[Referable, str]] = (),
        evidence: Iterable[Evidence] = (),
        about: Iterable[Referable] = (),
        **fields: Any,
    ) -> Event:
        """An Event ``event:<id>`` with ``(actor, role)`` participants the vocabulary allows."""
        people = [
            p if isinstance(p, Participant) else Participant(actor=id_of(p[0], "actor"), role=p[1])
            for p in participants
        ]
        check_event(self._vocab, event_type, [p.role for p in people])
        return self._add(  # type: ignore[no-any-return]
            Event(
                id=id_of(id, "event"),
                event_type=event_type,
                time=self.time(time) if time is not None else None,
                participants=people,
                about=[id_of(a, "actor") for a in about],
                evidence=self.evidence(evidence),
                **fields,
            )
        )
