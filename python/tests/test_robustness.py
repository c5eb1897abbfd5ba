"""A worker that dies, hangs or talks garbage is a clear Python exception, never a hang; close() is idempotent."""

from __future__ import annotations

import os
import shlex
import signal
import sys
import time

import numpy as np
import pytest

from shopfloor_gym import ProtocolError, ServerError, ShopfloorEnv, VectorEnv, WorkerError
from shopfloor_gym.worker import Worker, find_cli


def fake_cli(code: str) -> str:
    """A CLI command line whose 'env-server' is a Python one-liner (argv[1] is 'env-server')."""
    return shlex.join([sys.executable, "-c", code])


def test_killing_the_worker_mid_episode_raises_a_worker_error_naming_the_signal():
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    try:
        _, info = env.reset(seed=0)
        env.step(int(np.flatnonzero(info["action_mask"])[0]))
        os.kill(env.worker_pid, signal.SIGKILL)
        started = time.monotonic()
        with pytest.raises(WorkerError, match="SIGKILL") as raised:
            env.step(int(np.flatnonzero(env.action_masks())[0]))
        assert time.monotonic() - started < 10
        assert "step" in str(raised.value)
        with pytest.raises(WorkerError, match="already failed"):
            env.reset()
    finally:
        env.close()


def test_a_vector_env_whose_worker_dies_raises_with_the_exit_code():
    v = VectorEnv({"jobshop": "ft06"}, num_envs=2, slots="product")
    try:
        v.reset(seed=0)
        os.kill(v.worker_pid, signal.SIGTERM)
        with pytest.raises(WorkerError, match="SIGTERM"):
            v.step(np.zeros(2, dtype=np.int64))
    finally:
        v.close()


def test_garbage_from_the_worker_is_a_protocol_error_quoting_the_bytes():
    cli = fake_cli("import sys; sys.stdin.buffer.read(8); sys.stdout.write('hello, this is not a frame'); sys.stdout.flush(); import time; time.sleep(30)")
    with pytest.raises(ProtocolError, match="not the env-server protocol") as raised:
        ShopfloorEnv({"jobshop": "ft06"}, cli=cli, timeout=10)
    assert "hello" in str(raised.value)


def test_a_worker_that_exits_at_once_is_a_worker_error_with_its_exit_code_and_stderr():
    cli = fake_cli("import sys; sys.stderr.write('cannot start: broken install\\n'); sys.exit(7)")
    with pytest.raises(WorkerError, match="exit code 7") as raised:
        ShopfloorEnv({"jobshop": "ft06"}, cli=cli, timeout=10)
    assert "broken install" in str(raised.value)


def test_a_worker_that_never_answers_times_out_with_a_worker_error():
    cli = fake_cli("import time; time.sleep(60)")
    started = time.monotonic()
    with pytest.raises(WorkerError, match="within 1 s"):
        ShopfloorEnv({"jobshop": "ft06"}, cli=cli, timeout=1)
    assert time.monotonic() - started < 8


def test_garbage_sent_to_the_server_is_a_fatal_bad_frame_and_the_server_exits_3():
    w = Worker()
    try:
        garbage = (16).to_bytes(4, "little") + b"\x04\x00\x00\x00nope" + b"\0" * 8
        with pytest.raises(ServerError, match="BAD_FRAME") as raised:
            w.request_raw(garbage, "garbage")
        assert raised.value.fatal and "exit code 3" in str(raised.value)
        with pytest.raises(WorkerError, match="already failed"):
            w.request({"op": "ping"})
    finally:
        w.close()


def test_close_twice_is_fine_and_using_a_closed_env_is_a_clear_error():
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    pid = env.worker_pid
    env.close()
    env.close()
    with pytest.raises(WorkerError, match="after close"):
        env.reset()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_a_missing_cli_is_a_clear_error():
    with pytest.raises(WorkerError, match="cannot start"):
        Worker(cli="/no/such/shopfloor-cli")
    assert find_cli("shopfloor --x") == ["shopfloor", "--x"]
