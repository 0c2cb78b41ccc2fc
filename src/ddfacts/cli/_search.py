"""``ddfacts search "words" --db facts.sqlite``: has this been said, or checked, before?

Every word must occur in a statement's quote, a claim's text or
proposition, or an actor's name or alias; hits come best first (the
shortest text holding every word: BM25's order for words that occur once)
with the text that matched and the source it comes from.  Exit 0 when the
search ran (no hit is an answer); 2 for a usage error or an unreadable store.
"""

from __future__ import annotations

import argparse
import json

from .._escape import for_terminal
from ..store import SearchHit, StoreError
from ._base import EXIT_OK, CommandError, arguments, register, write_out
from ._db import open_db


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("words", metavar="WORDS", help="the words to look for, all of them")
    parser.add_argument("--db", required=True, metavar="STORE", help="the fact store to search")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _as_json(hit: SearchHit) -> dict[str, object]:
    source = hit.source
    return {
        "id": hit.id,
        "type": hit.record.type,
        "field": hit.field,
        "text": hit.text,
        "score": hit.score,
        "source": None
        if source is None
        else {"id": source.id, "title": source.title, "url": source.url},
    }


def _as_text(hits: tuple[SearchHit, ...]) -> str:
    if not hits:
        return "no records match\n"
    lines = []
    for hit in hits:
        lines.append(f"{for_terminal(hit.id)}  [{hit.field}]  {for_terminal(hit.text)}\n")
        source = hit.source
        if source is not None:
            where = " ".join(part for part in (source.title, source.url) if part) or source.id
            lines.append(f"    {for_terminal(where)}\n")
    return "".join(lines)


@register("search", "Full-text search of quotes, claims and actor names in a fact store.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    with open_db(args.db) as store:
        try:
            hits = store.search(args.words, limit=args.limit)
        except StoreError as error:
            raise CommandError(str(error)) from None
    if args.format == "json":
        write_out(
            json.dumps([_as_json(h) for h in hits], ensure_ascii=False, indent=2) + "\n", None
        )
    else:
        write_out(_as_text(hits), None)
    return EXIT_OK
