"""Reporters: render a :class:`~ddfacts.problems.Report` for people or programs.

``--format`` takes its choices from :data:`REPORTERS`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..problems import Problem, Report

__all__ = ["REPORTERS", "render"]


def _where(problem: Problem) -> str:
    where = f"line {problem.location.line}"
    if problem.location.column is not None:
        where += f", column {problem.location.column}"
    return where


def _text(report: Report) -> str:
    """For people: grouped by file, then by line, each JSON Lines line shown once.

    ``file`` / ``  line N: <the line>`` / ``    error: /pointer: message [code]``.
    """
    if not report.problems:
        return "no problems\n"
    lines: list[str] = []
    current_file: str | None = None
    current_line: tuple[int | None, int | None] | None = None
    for problem in report:
        file = problem.location.file or "<input>"
        if file != current_file:
            lines.append(file)
            current_file, current_line = file, None
        indent = "  "
        if problem.location.line is not None:
            key = (problem.location.line, problem.location.column)
            if key != current_line:
                shown = f" {problem.excerpt}" if problem.excerpt else ""
                lines.append(f"  {_where(problem)}:{shown}")
                current_line = key
            indent = "    "
        else:
            current_line = None
        pointer = problem.location.pointer or "/"
        lines.append(
            f"{indent}{problem.severity.value}: {pointer}: {problem.message} [{problem.code}]"
        )
        for sub in problem.context:
            lines.append(f"{indent}  - {sub.location.pointer or '/'}: {sub.message} [{sub.code}]")
    files = len({problem.location.file for problem in report})
    errors, warnings = len(report.errors), len(report.warnings)
    lines.append(
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        f" in {files} file{'s' * (files != 1)}"
    )
    return "\n".join(lines) + "\n"


def _json(report: Report) -> str:
    return report.render_json()


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _github_line(problem: Problem) -> str:
    level = "error" if problem.is_error else "warning"
    props = []
    if problem.location.file:
        props.append(f"file={_escape_property(problem.location.file)}")
    if problem.location.line is not None:
        props.append(f"line={problem.location.line}")
    if problem.location.column is not None:
        props.append(f"col={problem.location.column}")
    props.append(f"title={_escape_property(problem.code)}")
    message = f"{problem.location.pointer or '/'}: {problem.message}"
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def _github(report: Report) -> str:
    """GitHub Actions workflow commands, one annotation a problem."""
    return "".join(_github_line(problem) + "\n" for problem in report)


#: Reporters by ``--format`` name.
REPORTERS: dict[str, Callable[[Report], str]] = {"text": _text, "json": _json, "github": _github}


def render(report: Report, fmt: str) -> str:
    """The report rendered by the reporter named *fmt*."""
    return REPORTERS[fmt](report)
