"""Reporters: render a :class:`~ddfacts.problems.Report` for people or programs.

``--format`` takes its choices from :data:`REPORTERS`.
"""

from __future__ import annotations

from collections.abc import Callable

from .._escape import for_terminal, github_data, github_property
from ..problems import Problem, Report

__all__ = ["REPORTERS", "render"]


def _where(problem: Problem) -> str:
    where = f"line {problem.location.line}"
    if problem.location.column is not None:
        where += f", column {problem.location.column}"
    return where


def _said(problem: Problem) -> str:
    """``/pointer: message [code]``, safe for a terminal."""
    said = f"{problem.location.pointer or '/'}: {problem.message} [{problem.code}]"
    return for_terminal(said)


def _text(report: Report) -> str:
    """For people: grouped by file, then by line, each JSON Lines line shown once.

    ``file`` / ``  line N: <the line>`` / ``    error: /pointer: message [code]``.
    Every value from the input (file name, line, pointer, message) is made
    safe for a terminal or log (:func:`~ddfacts._escape.for_terminal`): one
    line each, no control characters.
    """
    if not report.problems:
        return "no problems\n"
    lines: list[str] = []
    current_file: str | None = None
    current_line: tuple[int | None, int | None] | None = None
    for problem in report:
        file = for_terminal(problem.location.file or "<input>")
        if file != current_file:
            lines.append(file)
            current_file, current_line = file, None
        indent = "  "
        if problem.location.line is not None:
            key = (problem.location.line, problem.location.column)
            if key != current_line:
                shown = f" {for_terminal(problem.excerpt)}" if problem.excerpt else ""
                lines.append(f"  {_where(problem)}:{shown}")
                current_line = key
            indent = "    "
        else:
            current_line = None
        lines.append(f"{indent}{problem.severity.value}: {_said(problem)}")
        for sub in problem.context:
            lines.append(f"{indent}  - {_said(sub)}")
    files = len({problem.location.file for problem in report})
    errors, warnings = len(report.errors), len(report.warnings)
    lines.append(
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        f" in {files} file{'s' * (files != 1)}"
    )
    return "\n".join(lines) + "\n"


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


def _github(report: Report) -> str:
    """GitHub Actions workflow commands, one annotation a problem."""
    return "".join(_github_line(problem) + "\n" for problem in report)


#: Reporters by ``--format`` name.
REPORTERS: dict[str, Callable[[Report], str]] = {"text": _text, "json": _json, "github": _github}


def render(report: Report, fmt: str) -> str:
    """The report rendered by the reporter named *fmt*."""
    return REPORTERS[fmt](report)
