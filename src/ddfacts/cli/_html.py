"""``ddfacts html``: build a static site of fact files with their source texts.

``html FACTS... --texts DIR -o SITE`` writes the site into the folder SITE
(replaced whole when the build succeeds); ``html --db STORE --texts DIR -o
SITE`` builds it from a fact store (``ddfacts db build``) without loading the
set, byte for byte the site of the files the store was built from.  Exit 0
when the site is written; 2 when the input or the store is unreadable, the
extra ``ddfacts[html]`` is missing, or SITE is a file or a folder that is not
a site ddfacts wrote.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._escape import for_terminal
from ..textstore import TextStore
from ._base import EXIT_OK, CommandError, arguments, load_all, output_path, register
from ._db import add_db_option, facts_or_db


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FACTS", help="fact files or folders")
    add_db_option(parser)
    parser.add_argument("--texts", metavar="DIR", help="folder of the sources' texts")
    parser.add_argument(
        "-o",
        "--output",
        metavar="SITE",
        type=output_path,
        required=True,
        help="the folder to write the site into",
    )


@register("html", "Build a static site: sources with statements highlighted, actors, claims.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    try:
        from ..html import SiteError, build
    except ModuleNotFoundError as error:
        if error.name != "jinja2":
            raise
        raise CommandError("ddfacts html needs Jinja2: pip install 'ddfacts[html]'") from None
    texts = None
    if args.texts is not None:
        if not Path(args.texts).is_dir():
            raise CommandError(f"--texts: {args.texts} is not a folder")
        texts = TextStore(args.texts)
    if args.output == "-":
        raise CommandError("-o: a site is a folder; name it")
    with facts_or_db(args, load_all) as facts:
        try:
            out = build(facts, texts, args.output)
        except SiteError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"{args.output}: cannot write: {error.strerror}") from None
    sys.stderr.write(f"ddfacts html: wrote {for_terminal(str(out))}\n")
    return EXIT_OK
