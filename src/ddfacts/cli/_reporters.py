"""Reporters: render a :class:`~ddfacts.problems.Report` for people or programs.

``--format`` takes its choices from :data:`REPORTERS`; :data:`STREAMERS`
renders the same text a piece at a time, from problems read in report order
(``ddfacts check`` streams its report).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .._escape import for_terminal, github_data, github_property
from ..problems import Problem, Report
from ..problems._report import json_chunks

__all__ = ["REPORTERS", "STREAMERS", "render"]


def _where(problem: Problem) -> str:
    where = f"line {problem.location.line}"
    if problem.location.column is not None:
        where += f", column {problem.location.column}"
    return where


def _said(problem: Problem) -> str:
    """``/pointer: message [code]``, safe for a terminal."""
    said = f"{problem.location.pointer or '/'}: {problem.message} [{problem.code}]"
    return for_terminal(said)


def _text_chunks(problems: Iterable[Problem]) -> Iterator[str]:
    """For people: grouped by file, then by line, each JSON Lines line shown once.

    ``file`` / ``  line N: <the line>`` / ``    error: /pointer: message [code]``.
    Every value from the input (file name, line, pointer, message) is made
    safe for a terminal or log (:func:`~ddfacts._escape.for_terminal`): one
    line each, no control characters.  *problems* come in report order and
    go out one at a time (lines ending in a newline), counted on the way.
    """
    errors = warnings = 0
    files: set[str | None] = set()
    current_file: str | None = None
    current_line: tuple[int | None, int | None] | None = None
    for problem in problems:
        errors, warnings = errors + problem.is_error, warnings + (not problem.is_error)
        files.add(problem.location.file)
        file = for_terminal(problem.location.file or "<input>")
        if file != current_file:
            yield file + "\n"
            current_file, current_line = file, None
        indent = "  "
        if problem.location.line is not None:
            key = (problem.location.line, problem.location.column)
            if key != current_line:
                shown = f" {for_terminal(problem.excerpt)}" if problem.excerpt else ""
                yield f"  {_where(problem)}:{shown}\n"
                current_line = key
            indent = "    "
        else:
            current_line = None
        yield f"{indent}{problem.severity.value}: {_said(problem)}\n"
        for sub in problem.context:
            yield f"{indent}  - {_said(sub)}\n"
    if not files:
        yield "no problems\n"
        return
    yield (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        f" in {len(files)} file{'s' * (len(files) != 1)}\n"
    )


def _text(report: Report) -> str:
    return "".join(_text_chunks(report))


def _json(report: Report) -> str:
    return report.render_json()


def _github_line(problem: Problem) -> str:
    level = "error" if problem.is_error else "warning"
    props = []
    if problem.location.file:
        props.append(f"file={github_property(problem.location.file)}")
    if problem.location.line is not None:
        props.append(f"line={problem.location.line}")
    if problem.location.column is not None:
        props.append(f"col={problem.location.column}")
    props.append(f"title={github_property(problem.code)}")
    message = f"{problem.location.pointer or '/'}: {problem.message}"
    return f"::{level} {','.join(props)}::{github_data(message)}"


def _github_chunks(problems: Iterable[Problem]) -> Iterator[str]:
    """GitHub Actions workflow commands, one annotation a problem."""
    return (_github_line(problem) + "\n" for problem in problems)


def _github(report: Report) -> str:
    return "".join(_github_chunks(report))


#: Reporters by ``--format`` name.
REPORTERS: dict[str, Callable[[Report], str]] = {"text": _text, "json": _json, "github": _github}
#: The same reporters as streams: problems in report order in, pieces of the text out.
STREAMERS: dict[str, Callable[[Iterable[Problem]], Iterator[str]]] = {
    "text": _text_chunks,
    "json": json_chunks,
    "github": _github_chunks,
}


def render(report: Report, fmt: str) -> str:
    """The report rendered by the reporter named *fmt*."""
    return REPORTERS[fmt](report)
