"""Statement: an anchored span of a Source, the unit other programs cite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..anchors._anchor import Anchor
from ._fields import (
    extensions_field,
    id_of,
    language,
    optional_str,
)
from ._provenance import Provenance

__all__ = ["Statement"]


@attrs.frozen(kw_only=True)
class Statement:
    """A span of a Source's text, anchored by position, quote and context.

    The id is made once, when the statement is created: re-anchoring moves
    the anchor, never the id, so citations to it stay valid.

    .. versionadded:: 0.1.0
    """

    #: ``statement:…``
    id: str = attrs.field(validator=id_of("statement"))
    #: The Source's id.
    source: str = attrs.field(validator=id_of("source"))
    #: Where the quote stands in the source's text.
    anchor: Anchor = attrs.field(validator=attrs.validators.instance_of(Anchor))
    #: Language of the quote, when it differs from the source's.
    language: str | None = attrs.field(default=None, validator=language)
    #: A remark of the annotator's.
    note: str | None = attrs.field(default=None, validator=optional_str)
    #: Who recorded this record, how and from what.
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance))
    )
    #: Unknown ``x-…`` members, kept as they came.
    extensions: Mapping[str, Any] = extensions_field()

    @property
    def type(self) -> str:
        """The record type, ``"statement"``."""
        return "statement"
