"""Source: one document, its metadata and its identity (sha256 and length)."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ..times._span import TimeSpan
from ._fields import (
    extensions_field,
    id_of,
    ids,
    instances_of,
    language,
    optional_id,
    optional_str,
    to_tuple,
)
from ._provenance import Provenance

__all__ = ["LinkKind", "Source", "SourceLink"]

_SHA256 = re.compile(r"[0-9a-f]{64}").fullmatch


class LinkKind(str, enum.Enum):
    """How one source relates to another document."""

    #: The same text also appears at another place ("also appears on").
    ALSO_APPEARS_AT = "also_appears_at"
    #: This source republishes another (syndication).
    SYNDICATES = "syndicates"
    #: This source is a wire copy of another.
    WIRE_COPY_OF = "wire_copy_of"
    #: This source translates another.
    TRANSLATION_OF = "translation_of"
    #: This source quotes another.
    QUOTES = "quotes"
    #: This source is a corrected or updated version of another.
    REVISION_OF = "revision_of"


@attrs.frozen(kw_only=True)
class SourceLink:
    """A link from a source to another document: a Source record, a URL, or both."""

    #: How the two relate.
    kind: LinkKind = attrs.field(converter=LinkKind)
    #: The other Source's id, when it is recorded.
    source: str | None = attrs.field(default=None, validator=optional_id)
    #: The other document's URL.
    url: str | None = attrs.field(default=None, validator=optional_str)
    #: Evidence Statements for the link (e.g. "This post also appears on …").
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)

    def __attrs_post_init__(self) -> None:
        if self.source is None and self.url is None:
            raise ValueError("a source link needs a source id, a url, or both")


def _sha256(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or _SHA256(value) is None):
        raise ValueError(f"sha256 must be 64 lower-case hex digits, got {value!r}")


def _length(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"length must be a non-negative integer, got {value!r}")


@attrs.frozen(kw_only=True)
class Source:
    """One document: its metadata, and its identity as ``sha256`` and ``length``.

    ``sha256`` is the hex digest of the text's UTF-8 bytes; ``length`` counts
    code points.  Both are None when no text is kept for the source.

    .. versionadded:: 0.1.0
    """

    #: ``source:…``
    id: str = attrs.field(validator=id_of("source"))
    #: The document's title.
    title: str | None = attrs.field(default=None, validator=optional_str)
    #: Actor ids of the authors, in byline order.
    authors: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Actor id of the publisher (outlet, site, ministry).
    publisher: str | None = attrs.field(default=None, validator=optional_id)
    #: Where the document was read.
    url: str | None = attrs.field(default=None, validator=optional_str)
    #: When it was published (an interval: the text may only imply it).
    published: TimeSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TimeSpan))
    )
    #: Language of the text (BCP 47).
    language: str | None = attrs.field(default=None, validator=language)
    #: What kind of document: ``news_article``, ``blog_post``, ``press_release``…
    kind: str | None = attrs.field(default=None, validator=optional_str)
    #: Hex SHA-256 of the text's UTF-8 bytes.
    sha256: str | None = attrs.field(default=None, validator=_sha256)
    #: Length of the text in code points.
    length: int | None = attrs.field(default=None, validator=_length)
    #: Links to other documents (syndication, wire copy, translation…).
    links: tuple[SourceLink, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(SourceLink)
    )
    #: Who recorded this record, how and from what.
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance))
    )
    #: Unknown ``x-…`` members, kept as they came.
    extensions: Mapping[str, Any] = extensions_field()

    @property
    def type(self) -> str:
        """The record type, ``"source"``."""
        return "source"
