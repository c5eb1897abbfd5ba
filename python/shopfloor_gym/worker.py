"""One Node worker (``shopfloor env-server``) and the request/response exchange with it.

How the worker is found (first that applies):

1. the ``cli`` argument, or the ``SHOPFLOOR_CLI`` environment variable: a command line that runs the
   shopfloor CLI, e.g. ``shopfloor`` or ``node /opt/shopfloor/dist/src/cli/main.js``
   (``env-server`` is appended);
2. the repository checkout this package sits in (``pip install -e ./python`` or running from
   ``python/``): ``node <repo>/dist/src/cli/main.js``, so the client always talks to the simulator
   built beside it (``npm run build`` first);
3. ``shopfloor`` on ``PATH`` (``npm install -g shopfloor``).

The worker runs with ``--max-semi-space-size=32`` added to ``NODE_OPTIONS`` (see
:data:`NODE_SEMI_SPACE_MIB`; a ``NODE_OPTIONS`` that sets it already is left as it is).

Every read and write has a deadline (``timeout`` seconds); a worker that exits, hangs or writes
something that is not a frame becomes a :class:`WorkerError` / :class:`ProtocolError` naming the cause
(exit code or signal, last lines of its stderr). ``close()`` ends and reaps the process and may be
called any number of times; a worker never closed is reaped when its owner is garbage-collected or
the interpreter exits.
"""

from __future__ import annotations

import io
import os
import select
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import numpy.typing as npt

from .errors import InvalidActionError, ProtocolError, ServerError, WorkerError
from .protocol import MAX_FRAME_BYTES, decode_frame, encode_frame

#: Default deadline of one request, seconds (a make of a large scenario included).
DEFAULT_TIMEOUT_S = 60.0

#: V8's young generation for the worker, MiB per semi-space (Node's default is 16). An RL worker builds a
#: plant per episode that lives for the whole episode (16 of them at once in a ``VectorEnv(16)``); with
#: 16 MiB most of it survives two scavenges and is copied again and again, which was half of a vector
#: env's time per step in the worker. 32 MiB lets an episode's objects die young.
NODE_SEMI_SPACE_MIB = 32


#: How long a read of an answer polls before it sleeps, s: the answer to a single env's step takes some
#: 10-30 µs, being woken up again as long (more on a busy machine).
SPIN_S = float(os.environ.get("SHOPFLOOR_SPIN_S", "60e-6"))

#: Reads that sleep at once after an answer came later than the spin (a vector env's answers take longer).
SPIN_BACKOFF = 8

#: Exchanges per round of the adaptive polling of a ``VectorEnv`` (``Worker._choose``), and those of each
#: trial (polling, then sleeping) at the start of a round.
ADAPT_ROUND = 512
ADAPT_TRIAL = 24

#: How long a ``VectorEnv``'s reads poll before they sleep, s, yielding the core between polls. Its answers
#: take a few hundred µs (16 envs of ft10: about 230 µs); a client that sleeps through them is woken up late
#: and on a cold core, and the worker's next step runs slower too. The yield (``os.sched_yield``) gives the
#: core to any other thread that waits for it, the worker included, so the polling only uses a core nobody
#: else wants; and it only polls while that pays (``Worker._choose``: short trials of both ways now and
#: then, the faster one kept). ``SHOPFLOOR_VECTOR_SPIN_S=0`` turns it off.
VECTOR_SPIN_S = float(os.environ.get("SHOPFLOOR_VECTOR_SPIN_S", "1e-3"))


def worker_poll_flags(base: Mapping[str, str] | None = None) -> list[str]:
    """``env-server`` flags from ``SHOPFLOOR_WORKER_POLL_US`` in ``base`` (default ``os.environ``): how long
    the worker polls its stdin for the next request before it sleeps, µs (0: never; unset: the worker's
    default, 300 µs, polling only while requests come that quickly)."""
    value = (os.environ if base is None else base).get("SHOPFLOOR_WORKER_POLL_US", "").strip()
    if value == "":
        return []
    if not value.isdigit():
        raise ValueError(f"SHOPFLOOR_WORKER_POLL_US must be a whole number of µs >= 0 (got {value!r})")
    return ["--poll-us", value]


def worker_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The worker's environment: ``base`` (default ``os.environ``) with ``--max-semi-space-size`` added to
    ``NODE_OPTIONS``, unless it sets one already."""
    env = dict(os.environ if base is None else base)
    options = env.get("NODE_OPTIONS", "")
    if "--max-semi-space-size" not in options:
        env["NODE_OPTIONS"] = f"{options} --max-semi-space-size={NODE_SEMI_SPACE_MIB}".strip()
    return env


def find_cli(cli: str | Sequence[str] | None = None) -> list[str]:
    """The command line that runs the shopfloor CLI (without ``env-server``); see the module doc."""
    if cli is None:
        cli = os.environ.get("SHOPFLOOR_CLI") or None
    if cli is not None:
        parts = shlex.split(cli) if isinstance(cli, str) else list(cli)
        if not parts:
            raise WorkerError("shopfloor CLI: SHOPFLOOR_CLI / cli is empty")
        return parts
    for folder in Path(__file__).resolve().parents:
        if (folder / "package.json").is_file() and (folder / "src" / "cli" / "main.ts").is_file():
            main = folder / "dist" / "src" / "cli" / "main.js"
            if not main.is_file():
                raise WorkerError(
                    f"shopfloor CLI: the checkout {folder} is not built ({main} is missing): run `npm run build` there"
                )
            node = shutil.which("node")
            if node is None:
                raise WorkerError("shopfloor CLI: `node` (Node.js >= 20.19) is not on PATH")
            return [node, str(main)]
    exe = shutil.which("shopfloor")
    if exe is not None:
        return [exe]
    raise WorkerError(
        "shopfloor CLI not found: set SHOPFLOOR_CLI (e.g. 'node /path/to/shopfloor/dist/src/cli/main.js'), "
        "or install the npm package so that `shopfloor` is on PATH"
    )


def _reap(proc: subprocess.Popen[bytes], stderr: IO[bytes]) -> None:
    """Ends ``proc`` (EOF on stdin first: the server closes its envs and exits 0), then waits for it."""
    try:
        if proc.poll() is None:
            try:
                if proc.stdin is not None:
                    proc.stdin.close()
            except OSError:
                pass
            try:
                proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5.0)
        else:
            proc.wait()
    finally:
        for f in (proc.stdin, proc.stdout, stderr):
            try:
                if f is not None:
                    f.close()
            except OSError:
                pass


class Worker:
    """A ``shopfloor env-server`` process and the framed exchange with it (one request at a time)."""

    def __init__(
        self,
        cli: str | Sequence[str] | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        if not (timeout > 0):
            raise ValueError(f"Worker: timeout must be > 0 s (got {timeout})")
        self.timeout = float(timeout)
        self.command = [*find_cli(cli), "env-server", *worker_poll_flags()]
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                bufsize=0,
                cwd=cwd,
                env=worker_environment(),
                close_fds=True,
            )
        except OSError as error:
            self._stderr.close()
            raise WorkerError(f"shopfloor worker: cannot start {shlex.join(self.command)}: {error}") from None
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._win = self._proc.stdin.fileno()
        # bufsize=0: stdout is a raw FileIO, read with readinto (no copy through a Python buffer).
        self._rout: io.RawIOBase = self._proc.stdout  # type: ignore[assignment]
        os.set_blocking(self._win, False)
        os.set_blocking(self._rout.fileno(), False)
        self._poll_in = select.poll()
        self._poll_in.register(self._rout.fileno(), select.POLLIN | select.POLLERR | select.POLLHUP)
        self._poll_out = select.poll()
        self._poll_out.register(self._win, select.POLLOUT | select.POLLERR | select.POLLHUP)
        # Receive buffer: bytes [start, end) are read but not yet handed out.
        self._buf = bytearray(1 << 16)
        self._view = memoryview(self._buf)
        self._start = 0
        self._end = 0
        self._broken: str | None = None
        self._closed = False
        #: How long a read polls without sleeping before it waits to be woken, s (see ``_fill``).
        self.spin_s = SPIN_S
        #: Yield the core between polls (``os.sched_yield``): set for long polls (a vector env's).
        self.spin_yield = False
        #: Long polls only while they pay (see ``_choose``): set for a vector env's.
        self.spin_adaptive = False
        self._round = 0
        self._polling = True
        self._took: tuple[list[float], list[float]] = ([], [])
        self._last_trial: bool | None = None
        self._last_start = 0.0
        self._spin_hits = 0
        self._finalizer = weakref.finalize(self, _reap, self._proc, self._stderr)

    @property
    def pid(self) -> int:
        """Process id of the worker."""
        return self._proc.pid

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Ends the worker and reaps it. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._view.release()
        self._finalizer()

    # ---- the exchange ---------------------------------------------------------------------------

    def request(
        self, header: Mapping[str, Any], arrays: Mapping[str, npt.NDArray[Any]] | None = None
    ) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
        """Sends one request and returns the response's header and arrays (``ok`` true).

        Raises :class:`ServerError` (or :class:`InvalidActionError`) for an ``ok: false`` answer,
        :class:`WorkerError` when the worker died or did not answer in time, :class:`ProtocolError`
        when it wrote something that is not a frame.
        """
        return self.request_raw(encode_frame(header, arrays), str(header.get("op")))

    def request_raw(self, frame: bytes, op: str = "request") -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
        """Like :meth:`request` for a frame already encoded (the step path reuses its header bytes)."""
        return self.answer(self.exchange(frame, op), op)

    def exchange(self, frame: bytes, op: str = "request") -> bytearray:
        """Sends one whole frame and returns the N bytes of the reply, undecoded (a fresh buffer).

        The step path reads replies whose header it knows at fixed offsets (``replies.Layout``) and calls
        :meth:`answer` for any other. Raises :class:`WorkerError` / :class:`ProtocolError` as
        :meth:`request` does.
        """
        self._check_usable(op)
        deadline = time.monotonic() + self.timeout
        if not self.spin_adaptive:
            self._send(frame, op, deadline)
            return self._receive(op, deadline)
        # The time from one exchange to the next (the client's own work included: the worker steps faster
        # or slower with it, and so does the client), counted for how the earlier one waited.
        start = time.perf_counter()
        if self._last_trial is not None:
            self._took[0 if self._last_trial else 1].append(start - self._last_start)
        trial = self._round < 2 * ADAPT_TRIAL
        polling = self._choose()
        self._last_trial = polling if trial else None
        self._last_start = start
        self._send(frame, op, deadline)
        return self._receive(op, deadline)

    def _choose(self) -> bool:
        """Whether this exchange polls: rounds of ``ADAPT_ROUND`` exchanges, the first ``ADAPT_TRIAL`` polling,
        the next ``ADAPT_TRIAL`` sleeping at once, the rest as the faster of the two (median time from one
        exchange to the next). Polling pays on an idle machine (no wake-up) and may cost on a busy one (the
        worker or other programs want the core the client polls on): the times say which holds now."""
        r = self._round
        self._round = (r + 1) % ADAPT_ROUND
        if r < ADAPT_TRIAL:
            self._polling = True
        elif r < 2 * ADAPT_TRIAL:
            self._polling = False
        elif r == 2 * ADAPT_TRIAL:
            polled, slept = (sorted(t) for t in self._took)
            self._polling = bool(polled) and (not slept or polled[len(polled) // 2] <= slept[len(slept) // 2])
            self._took = ([], [])
        return self._polling

    def answer(self, body: bytearray, op: str = "request") -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
        """Decodes a reply from :meth:`exchange`: its header and arrays when ``ok``, else the error raised."""
        try:
            header, arrays = decode_frame(body)
        except ProtocolError as error:
            self._fail(f"{error} (answering {op})")
            raise ProtocolError(self._describe(f"wrote a bad frame answering {op}: {error}")) from None
        if header.get("ok") is True:
            return header, arrays
        err = header.get("error")
        if not isinstance(err, dict) or header.get("ok") is not False:
            self._fail(f"answer without ok/error to {op}")
            raise ProtocolError(self._describe(f"answered {op} with a header that has no ok/error: {header!r}"))
        code = str(err.get("code", "UNKNOWN"))
        message = str(err.get("message", ""))
        fatal = bool(err.get("fatal", False))
        if fatal:
            self._fail(f"{code}: {message}", grace_s=2.0)  # the server exits by itself after a fatal error
            raise ServerError(code, self._describe(f"reported a fatal error answering {op}: {message}"), True)
        if code == "INVALID_ACTION":
            raise InvalidActionError(code, message)
        raise ServerError(code, message)

    def _check_usable(self, op: str) -> None:
        if self._closed:
            raise WorkerError(f"shopfloor worker: {op} after close()")
        if self._broken is not None:
            raise WorkerError(f"shopfloor worker: {op} on a worker that already failed ({self._broken})")

    def _fail(self, why: str, grace_s: float = 0.0) -> None:
        """Marks the worker unusable and ends it, after ``grace_s`` to exit on its own (its exit code stays
        readable for messages)."""
        self._broken = why
        if grace_s > 0:
            try:
                self._proc.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                pass
        if self._proc.poll() is None:
            self._proc.kill()
        try:
            self._proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:
            pass

    def describe(self, what: str) -> str:
        """``shopfloor worker (pid …) <what>; <exit status>; last stderr lines: …``: for error messages."""
        return self._describe(what)

    def _describe(self, what: str) -> str:
        """``shopfloor worker (pid …) <what>; <exit status>; last stderr lines: …``."""
        code = self._proc.poll()
        if code is None:
            status = "still running"
        elif code < 0:
            try:
                status = f"killed by signal {signal.Signals(-code).name}"
            except ValueError:
                status = f"killed by signal {-code}"
        else:
            status = f"exit code {code}"
        tail = self.stderr_tail()
        lines = f"; last stderr lines:\n  {tail}" if tail else "; nothing on stderr"
        return f"shopfloor worker (pid {self._proc.pid}, {shlex.join(self.command)}) {what}; {status}{lines}"

    def stderr_tail(self, lines: int = 10) -> str:
        """The last ``lines`` lines the worker wrote on stderr."""
        try:
            self._stderr.flush()
            size = self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(0, size - 8192))
            text = self._stderr.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        return "\n  ".join(text.rstrip("\n").splitlines()[-lines:])

    def _dead(self, op: str, what: str) -> WorkerError:
        try:
            self._proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            pass
        self._fail(what)
        return WorkerError(self._describe(f"{what} while answering {op}"))

    def _send(self, data: bytes, op: str, deadline: float) -> None:
        try:
            # Nearly always one write takes the whole request (a pipe holds 64 KiB).
            n = os.write(self._win, data)
            if n == len(data):
                return
        except BlockingIOError:
            n = 0
        except (BrokenPipeError, ConnectionResetError):
            raise self._dead(op, "closed its input (it died)") from None
        view = memoryview(data)[n:]
        while view:
            try:
                n = os.write(self._win, view)
                view = view[n:]
                continue
            except BlockingIOError:
                pass
            except (BrokenPipeError, ConnectionResetError):
                raise self._dead(op, "closed its input (it died)") from None
            left = deadline - time.monotonic()
            if left <= 0 or not self._poll_out.poll(left * 1000):
                self._fail(f"timeout writing {op}")
                raise WorkerError(self._describe(f"did not read the {op} request within {self.timeout:g} s"))

    def _receive(self, op: str, deadline: float) -> bytearray:
        """The N bytes of the next frame (a fresh bytearray: arrays decoded from it stay valid)."""
        while True:
            have = self._end - self._start
            if have >= 4:
                n = int.from_bytes(self._view[self._start : self._start + 4], "little")
                if n > MAX_FRAME_BYTES:
                    self._fail(f"frame length {n}")
                    raise ProtocolError(
                        self._describe(
                            f"wrote a frame length of {n} bytes (> 64 MiB) answering {op}: not the env-server protocol"
                            f" (first bytes {bytes(self._view[self._start : self._start + 16])!r})"
                        )
                    )
                if have >= 4 + n:
                    at = self._start + 4
                    body = bytearray(self._view[at : at + n])
                    self._start = at + n
                    if self._start == self._end:
                        self._start = self._end = 0
                    return body
                need = 4 + n
            else:
                need = 4
            if self._start + need > len(self._buf):
                # Move what is pending to the front, growing the buffer when the frame does not fit.
                pending = bytes(self._view[self._start : self._end])
                if need > len(self._buf):
                    self._view.release()
                    self._buf = bytearray(max(need, 2 * len(self._buf)))
                    self._view = memoryview(self._buf)
                self._buf[: len(pending)] = pending
                self._start, self._end = 0, len(pending)
            self._fill(op, deadline)

    def _fill(self, op: str, deadline: float) -> None:
        if self.spin_s > 0 and self._spin_hits >= 0 and self._polling:
            # Poll without sleeping for a moment: a quick answer (a single env's step) is then read without
            # waiting to be woken up, which costs more than the answer itself on a busy or power-saving CPU.
            # After an answer later than the spin, the next SPIN_BACKOFF reads sleep at once.
            until = time.perf_counter() + self.spin_s
            while True:
                got = self._rout.readinto(self._view[self._end :])
                if got is not None:
                    if got == 0:
                        raise self._dead(op, "closed its output (it exited)")
                    self._end += got
                    return
                if time.perf_counter() > until:
                    self._spin_hits = -SPIN_BACKOFF
                    break
                if self.spin_yield:
                    # Hands the core to any other thread waiting for it (on a busy machine that may be the
                    # worker itself); on an idle core it returns at once and the polling goes on.
                    os.sched_yield()
        elif self._spin_hits < 0:
            self._spin_hits += 1
        # Wait, then read (a read with nothing there returns None).
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self._fail(f"timeout answering {op}")
                raise WorkerError(self._describe(f"did not answer {op} within {self.timeout:g} s (timeout)"))
            if not self._poll_in.poll(max(left * 1000, 1)):
                continue
            try:
                got = self._rout.readinto(self._view[self._end :])
            except BlockingIOError:
                continue
            if got is None:
                continue
            if got == 0:
                raise self._dead(op, "closed its output (it exited)")
            self._end += got
            return
