"""The README's examples run as written, so they never rot.

``console`` blocks hold ``$ ddfacts …`` lines, each followed by the exact
output expected (stdout), and optionally a last line ``[exit N]``.
``python`` blocks run as they are and must not raise.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from ddfacts.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"^```(console|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [
        body for lang, body in _BLOCK.findall(README.read_text(encoding="utf-8")) if lang == kind
    ]


def _sessions() -> list[tuple[str, str, int]]:
    """(command, expected stdout, expected exit code) for every ``$ ddfacts`` line."""
    sessions = []
    for body in _blocks("console"):
        command: str | None = None
        output: list[str] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    sessions.append(_session(command, output))
                command, output = line[2:], []
            elif command is not None:
                output.append(line)
        if command is not None:
            sessions.append(_session(command, output))
    return sessions


def _session(command: str, output: list[str]) -> tuple[str, str, int]:
    code = 0
    if output and re.fullmatch(r"\[exit \d\]", output[-1]):
        code = int(output.pop()[6])
    return command, "".join(line + "\n" for line in output), code


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository's root, where the README's paths are relative to."""
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("in_root")
@pytest.mark.parametrize(("command", "expected", "code"), _sessions(), ids=lambda v: str(v)[:60])
def test_console_examples(
    command: str, expected: str, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each README command prints exactly the output shown and exits as shown."""
    argv = shlex.split(command)
    assert argv[0] == "ddfacts"
    if "../shared/seeds" in command and not (ROOT.parent / "shared" / "seeds").is_dir():
        pytest.skip("the seed texts are absent (a fresh clone)")
    assert main(argv[1:]) == code
    assert capsys.readouterr().out == expected


@pytest.mark.usefixtures("in_root")
@pytest.mark.parametrize("index", range(len(_blocks("python"))))
def test_python_examples(index: int, tmp_path: Path) -> None:
    """Each README Python block runs without raising."""
    code = _blocks("python")[index].replace("/tmp/", f"{tmp_path}{os.sep}")
    exec(compile(code, f"README.md python block {index}", "exec"), {})


def test_readme_opens_with_the_two_commands() -> None:
    """The README's first block installs and runs the demo, then installs and runs the tests."""
    first = re.search(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert first is not None
    commands = [line for line in first.group(1).splitlines() if line and not line.startswith("#")]
    assert "examples/demo" in commands[0]
    assert "pytest" in commands[1]
