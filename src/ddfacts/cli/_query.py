"""``ddfacts query``: the records that pass every filter, as a table or as JSON.

Exit 0 when the query ran (even if nothing matched: "no records match" is an
answer, not a problem); 2 for a usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json

from .._describe import describe_value
from .._escape import for_terminal
from ..errors import TimeParseError
from ..jsonio._files import to_json
from ..query import claim_matches, record_times
from ..records import Actor, Certainty, Claim, Event, Record, Review, Source, Statement
from ..times._parse import parse_time
from ._base import EXIT_OK, CommandError, arguments, load_all, register, write_out
from ._db import add_db_option, facts_or_db

#: Longest quote shown in the table before it is cut with an ellipsis.
QUOTE_WIDTH = 60


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FACTS", help="fact files or folders")
    add_db_option(parser)
    parser.add_argument("--type", metavar="TYPE", help="record type: claim, event, statement…")
    parser.add_argument("--subject", metavar="ID", help="what the records are about")
    parser.add_argument("--property", metavar="P", help="claim property, e.g. followers")
    parser.add_argument("--source", metavar="ID", help="the source that carries the records")
    parser.add_argument("--speaker", metavar="ID", help="the actor who asserts the claims")
    parser.add_argument(
        "--at", metavar="WHEN", help='a time the records overlap: "2022-10", "December 2014"…'
    )
    parser.add_argument(
        "--certainty",
        choices=[c.value for c in Certainty],
        help="claims asserted this firmly (a claim without attribution is certain)",
    )
    parser.add_argument(
        "--proposition",
        metavar="WORDS",
        nargs="?",
        const="",
        help="claims whose proposition holds these words (alone: any proposition)",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"


def _claim_line(claim: Claim) -> str:
    """A claim's triple and/or proposition, speaker, hedge, source and chain of hops."""
    parts = []
    if claim.subject is not None:
        parts.append(f"{claim.subject} {claim.property} = {describe_value(claim.value)}")
    if claim.proposition is not None:
        parts.append(f"proposition: {_cut(claim.proposition.text)}")
    line = "; ".join(parts) or "-"
    if claim.speaker:
        line += f"; speaker {claim.speaker}"
    attribution = claim.attribution
    if attribution is not None:
        if attribution.hedged or attribution.negated:
            words = attribution.certainty.value + (", negated" if attribution.negated else "")
            hedge = f" “{attribution.hedge}”" if attribution.hedge else ""
            line += f"; {words}{hedge}"
        line += f"; {attribution.mode.value} in {attribution.source}"
        if attribution.hops:
            line += " via " + " -> ".join(hop.by for hop in attribution.hops)
    return line


def describe(record: Record) -> str:
    """One line saying what a record holds, for the table's last column."""
    if isinstance(record, Claim):
        return _claim_line(record)
    if isinstance(record, Statement):
        return f"{record.source}: “{_cut(record.anchor.exact)}”"
    if isinstance(record, Event):
        who = ", ".join(f"{p.role} {p.actor}" for p in record.participants)
        return f"{record.event_type}: {who}" if who else record.event_type
    if isinstance(record, Actor):
        return f"{record.kind}: {record.name}"
    if isinstance(record, Source):
        return record.title or record.url or "-"
    if isinstance(record, Review):
        verdict = record.rating.label or f"{record.rating.value}"
        return f"{record.claim} rated {verdict} by {record.reviewer}"
    return "-"


def render_table(records: tuple[Record, ...]) -> str:
    """The records as an aligned table: id, type, time, what."""
    if not records:
        return "no records match\n"
    rows = [("ID", "TYPE", "WHEN", "WHAT")]
    for record in records:
        times = record_times(record)
        when = times[0].edtf if times else "-"
        rows.append((for_terminal(record.id), record.type, when, for_terminal(describe(record))))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        lines.append("  ".join([*cells, row[3]]) + "\n")
    return "".join(lines)


@register("query", "Find records by type, subject, property, source, speaker, time and certainty.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    at = None
    if args.at is not None:
        try:
            at = parse_time(args.at)
        except TimeParseError as error:
            raise CommandError(f"--at: {error}") from None
    with facts_or_db(args, load_all) as facts:
        found = facts.query(
            type=args.type,
            subject=args.subject,
            property=args.property,
            source=args.source,
            speaker=args.speaker,
            at=at,
        )
    found = tuple(
        record
        for record in found
        if claim_matches(record, certainty=args.certainty, proposition=args.proposition)
    )
    if args.format == "json":
        text = json.dumps([to_json(r) for r in found], ensure_ascii=False, indent=2) + "\n"
        write_out(text, None)
    else:
        write_out(render_table(found), None)
    return EXIT_OK
