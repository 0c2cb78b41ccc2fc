"""Run one benchmark step in a fresh child process and read its peak memory.

Each benchmark that measures memory runs its steps as ``python SCRIPT --child
STEP ARGS...``: the child prints one JSON object as its last line, and the
parent takes the child's peak resident set size from ``os.wait4``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run_child(script: str, step: str, *args: str) -> dict[str, Any]:
    """The JSON the child ``script --child step *args`` printed last, plus ``peak_mb``."""
    argv = [sys.executable, script, "--child", step, *args]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE)
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{step} failed with status {status}")
    result: dict[str, Any] = json.loads(output.decode().strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024  # Linux reports kilobytes
    return result
