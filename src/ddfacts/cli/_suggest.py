"""``ddfacts suggest``: what each text says that is worth citing and no Statement covers.

Reads the fact files (none for a fresh start) and every ``*.txt`` text in
``--texts DIR`` (UTF-8; a text whose sha256 matches a Source takes its id),
and prints the suggestions, as text for people or as a JSON list, with one
coverage line per source.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._escape import for_terminal, json_text
from ..errors import TextStoreError
from ..factset import FactSet
from ..limits import MAX_LINE_BYTES
from ..suggest import Suggestion, coverage, suggest
from ..textstore import decode_text
from ._base import EXIT_OK, CommandError, arguments, load_all, register, write_out


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FACTS", help="fact files or folders")
    parser.add_argument("--texts", metavar="DIR", required=True, help="folder of the texts (*.txt)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--uncovered", action="store_true", help="list only uncovered suggestions")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def _read_texts(folder: str) -> dict[str, str]:
    where = Path(folder)
    if not where.is_dir():
        raise CommandError(f"--texts: {folder} is not a folder")
    texts: dict[str, str] = {}
    for path in sorted(where.glob("*.txt")):
        try:
            if path.stat().st_size > MAX_LINE_BYTES:
                raise CommandError(f"{path}: larger than {MAX_LINE_BYTES} bytes; not a text")
            texts[path.name] = decode_text(path.read_bytes(), str(path))
        except TextStoreError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"{path}: cannot read: {error.strerror}") from None
    return texts


def _text_line(item: Suggestion) -> str:
    mark = "covered" if item.covered else "NEW"
    speaker = f" (speaker: {item.speaker})" if item.speaker else ""
    shown = for_terminal(item.text + speaker)
    return f"{for_terminal(item.source)}:{item.start}-{item.end}: {item.kind} {mark}: {shown}\n"


def _coverage_lines(found: tuple[Suggestion, ...]) -> str:
    return "".join(
        f"{for_terminal(c.source)}: {c.covered} of {c.total} suggestions covered by Statements\n"
        for c in coverage(found)
    )


@register("suggest", "list figures, dates, quotations and roles no Statement cites yet")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    """Print the suggestions and a coverage line per source."""
    facts = load_all(args.files) if args.files else FactSet()
    found = suggest(facts, _read_texts(args.texts))
    shown = [item for item in found if not (args.uncovered and item.covered)]
    if args.format == "json":
        text = json_text([item.to_json() for item in shown], indent=1) + "\n"
    else:
        text = "".join(_text_line(item) for item in shown) + _coverage_lines(found)
    write_out(text, args.output)
    return EXIT_OK
