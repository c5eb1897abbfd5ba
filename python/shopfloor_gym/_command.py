"""Runs one shopfloor CLI command to its end (``run --json``, ``sweep``, ``merge``) for the helpers."""

from __future__ import annotations

import subprocess

from .errors import ShopfloorError


def run_command(command: list[str], what: str, timeout_s: float) -> str:
    """Runs ``command`` and returns its standard output.

    Raises :class:`ShopfloorError` naming ``what``, the command, its exit code and the end of its stderr
    when it fails (exit code 2: an invalid scenario, setting or flag; 3: a deadlock), or when it takes
    longer than ``timeout_s`` seconds (the process is killed then).
    """
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise ShopfloorError(f"{what}: {' '.join(command)} took longer than {timeout_s:g} s") from None
    if done.returncode != 0:
        raise ShopfloorError(
            f"{what}: {' '.join(command)} exited with code {done.returncode}: {done.stderr.strip()[-2000:]}"
        )
    return done.stdout
