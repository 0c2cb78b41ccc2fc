"""``ddfacts time`` and ``ddfacts quantity``: read expressions and print what they stand for.

Both print one JSON object a line (the form fact files carry) or, with
``--format text``, a short block for people.  An expression that cannot be
read is reported on stderr and makes the exit code 1; the others still print.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from .._escape import for_terminal
from ..errors import QuantityParseError, TimeParseError
from ..jsonio._codec import QUANTITY, TIME_SPAN
from ..quantities._parse import parse_quantity
from ..quantities._value import Quantity
from ..times._parse import parse_time
from ..times._span import ResolvedAgainst, TimeSpan
from ._base import EXIT_OK, EXIT_PROBLEMS, arguments, register, write_out


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _configure_time(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expressions", nargs="+", metavar="EXPRESSION", help='e.g. "Dec. 9"')
    parser.add_argument(
        "--relative-to",
        type=_date,
        metavar="DATE",
        help="reference date (YYYY-MM-DD) for relative expressions and dates without a year",
    )
    parser.add_argument(
        "--basis", metavar="TEXT", help="where the reference date comes from (kept in the output)"
    )
    parser.add_argument("--format", choices=("json", "text"), default="json")


def _configure_quantity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texts", nargs="+", metavar="TEXT", help='e.g. "more than 9,000 followers"')
    parser.add_argument("--format", choices=("json", "text"), default="json")


def _json_line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"


def _span_text(span: TimeSpan) -> str:
    flags = [name for name in ("approximate", "uncertain") if getattr(span, name)]
    rows = [
        ("edtf", span.edtf),
        ("earliest", span.earliest.isoformat() if span.earliest else "-"),
        ("latest", span.latest.isoformat() if span.latest else "-"),
        ("precision", span.precision.value),
    ]
    if flags:
        rows.append(("flags", ", ".join(flags)))
    if span.resolved_against is not None:
        against = span.resolved_against.date.isoformat()
        if span.resolved_against.basis:
            against += f" ({span.resolved_against.basis})"
        rows.append(("resolved", f"against {against}"))
    head = for_terminal(str(span.expression))
    return f"{head}\n" + "".join(f"  {key:<10} {value}\n" for key, value in rows)


def _bound(value: float | None) -> str:
    return "-" if value is None else f"{value:,}"


def _quantity_text(quantity: Quantity) -> str:
    rows = [
        ("qualifier", quantity.qualifier.value),
        ("amount", _bound(quantity.amount)),
        ("lower", _bound(quantity.lower) + ("" if quantity.lower_inclusive else " (excluded)")),
        ("upper", _bound(quantity.upper) + ("" if quantity.upper_inclusive else " (excluded)")),
        ("unit", quantity.unit or "-"),
    ]
    head = for_terminal(str(quantity.expression))
    return f"{head}\n" + "".join(f"  {key:<10} {value}\n" for key, value in rows)


@register("time", "Read time expressions into intervals with a precision and EDTF.")
@arguments(_configure_time)
def run_time(args: argparse.Namespace) -> int:
    reference = None
    if args.relative_to is not None:
        reference = ResolvedAgainst(date=args.relative_to, basis=args.basis)
    code = EXIT_OK
    for expression in args.expressions:
        try:
            span = parse_time(expression, reference)
        except TimeParseError as error:
            sys.stderr.write(f"ddfacts time: {for_terminal(str(error))}\n")
            code = EXIT_PROBLEMS
            continue
        text = _span_text(span) if args.format == "text" else _json_line(TIME_SPAN.dump(span))
        write_out(text, None)
    return code


@register("quantity", "Read quantities into bounds, a qualifier and a unit.")
@arguments(_configure_quantity)
def run_quantity(args: argparse.Namespace) -> int:
    code = EXIT_OK
    for text in args.texts:
        try:
            quantity = parse_quantity(text)
        except QuantityParseError as error:
            sys.stderr.write(f"ddfacts quantity: {for_terminal(str(error))}\n")
            code = EXIT_PROBLEMS
            continue
        out = (
            _quantity_text(quantity)
            if args.format == "text"
            else _json_line(QUANTITY.dump(quantity))
        )
        write_out(out, None)
    return code
