"""``ddfacts source``: a Source record for a text file or an HTML page, its text stored.

A plain text is read as strict UTF-8; an HTML page (by its name or first
bytes) goes through :meth:`ddfacts.Document.from_html`, which needs the
``authoring`` extra.  The Source (and an Actor for each author the page
names) is printed as a fact file; with ``--texts DIR`` the text is stored as
``DIR/<sha256>.txt``, where a :class:`~ddfacts.TextStore` finds it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..authoring import Document
from ..errors import DdfactsError
from ..jsonio._files import write_atomic
from ..textstore import TEXT_SUFFIX
from ._base import EXIT_OK, CommandError, arguments, output_path, register, write_records


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE_OR_HTML", help="a UTF-8 text file or an HTML page")
    parser.add_argument("--id", required=True, help="the Source's id (source:...)")
    parser.add_argument("--url", help="where the document was read")
    parser.add_argument("--title", help="the title (an HTML page's own title otherwise)")
    parser.add_argument("--published", help="the publication date (the page's otherwise)")
    parser.add_argument("--language", help="the text's language (BCP 47)")
    parser.add_argument("--texts", metavar="DIR", help="store the text here under its sha256")
    parser.add_argument("-o", "--output", metavar="FILE", type=output_path, help="write here")


def _document(args: argparse.Namespace) -> Document:
    given = {"title": args.title, "published": args.published, "language": args.language}
    metadata = {key: value for key, value in given.items() if value is not None}
    try:
        return Document.from_file(args.file, html=None, id=args.id, url=args.url, **metadata)
    except OSError as error:
        raise CommandError(f"{args.file}: cannot read: {error.strerror}") from None
    except ImportError as error:
        raise CommandError(f"{args.file}: {error}") from None
    except (DdfactsError, ValueError, TypeError) as error:
        message = str(error)
        named = message if message.startswith(args.file) else f"{args.file}: {message}"
        raise CommandError(named) from None


def _store(doc: Document, folder: str) -> None:
    where = Path(folder)
    try:
        where.mkdir(parents=True, exist_ok=True)
        write_atomic(where / f"{doc.source.sha256}{TEXT_SUFFIX}", doc.text)
    except OSError as error:
        raise CommandError(f"--texts {folder}: cannot store the text: {error.strerror}") from None


@register("source", "make a Source record for a text file or an HTML page, and store its text")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    """Print the Source (and the page's authors) and store the text with ``--texts``."""
    doc = _document(args)
    if args.texts is not None:
        _store(doc, args.texts)
    write_records(doc.records(), args.output)
    return EXIT_OK
