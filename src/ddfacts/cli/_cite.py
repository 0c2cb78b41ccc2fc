"""``ddfacts cite``: cite a Statement or a Claim, with a link that opens the page at the quote.

Exit 0 when the citation is printed; 1 when the record is a claim with no
evidence statement to quote (the claim is still printed); 2 when the id is
unknown or not a statement or claim, or the input is unreadable.  A fragment
that cannot be made unique in the text is printed with a warning on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cite._cite import Citation, CiteError, cite
from ..textstore import TextStore
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    load_all,
    register,
    write_out,
)
from ._db import add_db_option, as_factset, facts_or_db

#: Renderers by ``--format`` name.
FORMATS = {
    "text": Citation.render_text,
    "json": Citation.render_json,
    "markdown": Citation.render_markdown,
}


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FACTS", help="fact files or folders")
    add_db_option(parser)
    parser.add_argument("record", metavar="ID", help="the statement or claim to cite")
    parser.add_argument(
        "--texts", metavar="DIR", help="folder of source texts: make each fragment unique"
    )
    parser.add_argument("--format", choices=tuple(FORMATS), default="text")


@register("cite", "Cite a statement or claim: source, quote, and a URL that opens at the quote.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    texts = None
    if args.texts is not None:
        if not Path(args.texts).is_dir():
            raise CommandError(f"--texts: {args.texts} is not a folder")
        texts = TextStore(args.texts)
    with facts_or_db(args, load_all) as facts:
        try:
            citation = cite(as_factset(facts), args.record, texts=texts)
        except CiteError as error:
            raise CommandError(str(error)) from None
    write_out(FORMATS[args.format](citation), None)
    for passage in citation.passages:
        if passage.unique is False:
            sys.stderr.write(
                f"ddfacts cite: warning: the fragment for {passage.statement} does not pick "
                "out its quote alone in the text\n"
            )
    if not citation.passages:
        sys.stderr.write(f"ddfacts cite: {citation.id} has no evidence statement to quote\n")
        return EXIT_PROBLEMS
    return EXIT_OK
