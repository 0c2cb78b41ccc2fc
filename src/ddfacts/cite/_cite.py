"""Citations: where a Statement or a Claim's evidence stands, and a link that opens it.

The public names are re-exported by :mod:`ddfacts.cite`, whose docstring explains them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from .._describe import describe_claim, describe_factuality
from .._escape import for_terminal, markdown_text, markdown_url
from ..errors import CiteError, TextStoreError
from ..factset import FactSet
from ..records import (
    Actor,
    Attribution,
    Claim,
    Source,
    Statement,
)
from ..textstore import TextLookup
from ._fragments import (
    TextDirective,
    TextDirectiveError,
    build_directive,
    link_with,
)

__all__ = [
    "Citation",
    "CiteError",
    "Passage",
    "TextDirective",
    "TextDirectiveError",
    "cite",
    "text_fragment",
]


def text_fragment(
    quote: str, text: str | None = None, *, position: int | None = None
) -> TextDirective:
    """The text directive that opens a page at *quote*.

    With the page's *text* (and the quote's *position* in it, else its first
    occurrence), prefix and suffix words are added until the directive
    matches that occurrence only.  ``str()`` of the result is the encoded
    directive, to put after ``#:~:`` in a URL.

    .. versionadded:: 0.1.0
    """
    return build_directive(quote, text, position)[0]


@attrs.frozen(kw_only=True)
class Passage:
    """One quote and the source it stands in, ready to cite."""

    #: The Statement's id.
    statement: str
    #: The Source's id.
    source: str
    #: The quote, exactly as the text has it.
    quote: str
    #: The source's title.
    title: str | None = None
    #: The authors' names, in byline order.
    authors: tuple[str, ...] = ()
    #: The publisher's name.
    publisher: str | None = None
    #: When the source was published, in EDTF (``2022-10-13``).
    published: str | None = None
    #: The source's URL.
    url: str | None = None
    #: The text directive that opens the page at the quote.
    fragment: TextDirective
    #: Whether the directive matches the quote and nothing else in the text
    #: (None: no text was at hand to tell).
    unique: bool | None = None

    @property
    def link(self) -> str | None:
        """The source's URL with the text fragment, or None without a URL."""
        return link_with(self.url, self.fragment) if self.url else None

    def to_json(self) -> dict[str, Any]:
        """The passage as a JSON object."""
        return {
            "statement": self.statement,
            "source": self.source,
            "title": self.title,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "quote": self.quote,
            "fragment": str(self.fragment),
            "link": self.link,
            "unique": self.unique,
        }


@attrs.frozen(kw_only=True)
class Citation:
    """What to cite for a Statement or a Claim: its passages, and for a claim who said it.

    .. versionadded:: 0.1.0
    """

    #: The id of the cited record.
    id: str
    #: ``statement`` or ``claim``.
    type: str
    #: The quotes, one per Statement (a claim's evidence, in order).
    passages: tuple[Passage, ...] = ()
    #: For a claim: the claim in words.
    claim: str | None = None
    #: For a claim: the speaker's name.
    speaker: str | None = None
    #: For a claim: how the source carries it (``quotes``, ``reports``…).
    mode: str | None = None
    #: For a claim: the name of the outlet the source relays (a chain: each hop's, in order).
    via: str | None = None
    #: For a claim asserted less than certainly or negated: how, with the hedge as written.
    certainty: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The citation as a JSON object."""
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.type == "claim":
            out.update(claim=self.claim, speaker=self.speaker, mode=self.mode, via=self.via)
            if self.certainty is not None:
                out["certainty"] = self.certainty
        out["passages"] = [passage.to_json() for passage in self.passages]
        return out

    def render_json(self) -> str:
        """The citation as JSON text, with a newline at the end."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def render_text(self) -> str:
        """The citation for people: the claim, then each quote with its source and link.

        Every value is made safe for a terminal (:func:`~ddfacts._escape.for_terminal`):
        a line break or a control character in a quote or a title is shown as an
        escape (``\\n``, ``\\x1b``), so each value stays on its own line.
        """
        lines = self._claim_lines(for_terminal, for_terminal)
        for number, passage in enumerate(self.passages):
            if number:
                lines.append("")
            quote = for_terminal(passage.quote)
            lines += [f"“{quote}”", f"  {_byline(passage, for_terminal, '“', '”')}"]
            if passage.url:
                lines.append(f"  {for_terminal(passage.url)}")
            lines.append(f"  {for_terminal(passage.link or '#:~:' + str(passage.fragment))}")
        return "\n".join(lines) + "\n"

    def render_markdown(self) -> str:
        """The citation as Markdown: block quotes with a source line and a link to the quote.

        Text is escaped so that it renders as written, never as markup, HTML
        or a link (:func:`~ddfacts._escape.markdown_text`); only an ``http`` or
        ``https`` URL becomes a link, any other is shown as text.
        """
        lines = self._claim_lines(lambda text: f"**{markdown_text(text)}**", markdown_text)
        if lines:
            lines.append("")
        for passage in self.passages:
            lines += [*(f"> {markdown_text(line)}" for line in passage.quote.splitlines()), ">"]
            byline = _byline(passage, markdown_text, "*", "*")
            link = markdown_url(passage.link) if passage.link else None
            if link is not None:
                byline += f" [Open at the quote]({link})"
            elif passage.link:
                byline += f" {markdown_text(passage.link)}"
            else:
                byline += f" `#:~:{passage.fragment}`"
            lines += [f"> — {byline}", ""]
        return "\n".join(lines).rstrip("\n") + "\n"

    def _claim_lines(self, strong: Callable[[str], str], escape: Callable[[str], str]) -> list[str]:
        """The claim (through *strong*) and who said it (each name through *escape*)."""
        if self.type != "claim":
            return []
        lines = [strong(self.claim or self.id)]
        said = [f"said by {escape(self.speaker)}"] if self.speaker else []
        if self.certainty:
            said.append(escape(self.certainty))
        if self.mode:
            said.append(f"the source {escape(self.mode)} it")
        if self.via:
            said.append(f"via {escape(self.via)}")
        if said:
            lines.append(f"({'; '.join(said)})")
        if not self.passages:
            lines.append("(no evidence to quote)")
        return lines


def _byline(
    passage: Passage, escape: Callable[[str], str], open_title: str, close_title: str
) -> str:
    """Authors, title, publisher and date, each through *escape*; else the source id."""
    parts = []
    if passage.authors:
        parts.append(", ".join(escape(author) for author in passage.authors))
    if passage.title:
        parts.append(f"{open_title}{escape(passage.title)}{close_title}")
    if passage.publisher:
        parts.append(escape(passage.publisher))
    if passage.published:
        parts.append(escape(passage.published))
    return ", ".join(parts) or escape(passage.source)


def _name(factset: FactSet, actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    actor = factset.get(actor_id, Actor)
    return actor.name if actor is not None else actor_id


def _claim_words(factset: FactSet, claim: Claim) -> str:
    return describe_claim(claim, lambda record_id: _name(factset, record_id) or record_id)


def _passage(factset: FactSet, statement: Statement, texts: TextLookup | None) -> Passage:
    source = factset.get(statement.source, Source)
    quote = statement.anchor.exact
    text = None
    if texts is not None and source is not None:
        try:
            text = texts.text_for(source)
        except TextStoreError:
            text = None
    position: int | None = statement.anchor.start
    if text is not None and not statement.anchor.verify(text):
        found = text.find(quote)
        position = found if found >= 0 else None
    directive, unique = build_directive(quote, text, position)
    if text is not None and position is None:
        unique = False
    return Passage(
        statement=statement.id,
        source=statement.source,
        quote=quote,
        title=source.title if source else None,
        authors=tuple(_name(factset, a) or a for a in source.authors) if source else (),
        publisher=_name(factset, source.publisher) if source else None,
        published=source.published.edtf if source and source.published else None,
        url=source.url if source else None,
        fragment=directive,
        unique=unique,
    )


def cite(factset: FactSet, record_id: str, *, texts: TextLookup | None = None) -> Citation:
    """The citation of a Statement, or of a Claim through its evidence Statements.

    Raises:
        CiteError: no record has *record_id*, or it is neither a Statement
            nor a Claim.

    .. versionadded:: 0.1.0
    """
    record = factset.get(record_id)
    if record is None:
        raise CiteError(f"no record has the id {record_id!r}")
    if isinstance(record, Statement):
        return Citation(
            id=record.id, type="statement", passages=(_passage(factset, record, texts),)
        )
    if not isinstance(record, Claim):
        raise CiteError(
            f"{record_id} is of type {record.type!r}; only statements and claims are cited"
        )
    statements = [factset.get(i, Statement) for i in record.evidence]
    attribution = record.attribution
    return Citation(
        id=record.id,
        type="claim",
        passages=tuple(_passage(factset, s, texts) for s in statements if s is not None),
        claim=_claim_words(factset, record),
        speaker=_name(factset, record.speaker),
        mode=attribution.mode.value if attribution else None,
        via=_via(factset, attribution),
        certainty=_certainty(attribution),
    )


def _via(factset: FactSet, attribution: Attribution | None) -> str | None:
    """The outlet a 1.0 attribution relays, or every hop of a chain: "TASS → the embassy"."""
    if attribution is None:
        return None
    if attribution.chain:
        return " → ".join(_name(factset, hop.by) or hop.by for hop in attribution.chain)
    return _name(factset, attribution.via)


def _certainty(attribution: Attribution | None) -> str | None:
    """How firmly, when less than certainly or negated: ``probable: “apparently”``."""
    return describe_factuality(attribution) or None
