"""Shared fixtures. The session ends with a check that no worker process is left behind (no zombie)."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def child_processes() -> list[tuple[int, str, str]]:
    """(pid, state, command) of every live or zombie child of this process, read from /proc."""
    me = os.getpid()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        # Fields after the command name (which may hold spaces): state, ppid, …
        rest = stat[stat.rindex(")") + 2 :].split()
        if int(rest[1]) == me:
            found.append((int(entry.name), rest[0], cmd))
    return found


@pytest.fixture(scope="session", autouse=True)
def no_processes_left_behind():
    """After the whole session: no env-server child alive and no zombie child at all."""
    yield
    gc.collect()
    deadline = time.monotonic() + 10
    while True:
        left = [p for p in child_processes() if p[1] == "Z" or "env-server" in p[2]]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert left == [], f"processes left behind by the session (pid, state, command): {left}"


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository checkout (scenarios/, data/)."""
    return REPO
