"""Errors of the client. Each says what went wrong and, for a worker, why (exit code, last stderr lines)."""

from __future__ import annotations


class ShopfloorError(Exception):
    """Base class of every error raised by ``shopfloor_gym``."""


class WorkerError(ShopfloorError):
    """The Node worker died, timed out, or could not be started. The environment cannot go on."""


class ProtocolError(ShopfloorError):
    """Bytes from the worker that are not a frame of the protocol (the stream cannot be resynchronised)."""


class ServerError(ShopfloorError):
    """The env server answered ``ok: false``. ``code`` is the server's (``INVALID_ACTION``, ``SCENARIO`` …)."""

    def __init__(self, code: str, message: str, fatal: bool = False) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.fatal = fatal


class InvalidActionError(ServerError, ValueError):
    """An illegal action with ``illegal_action="raise"``: nothing changed in the environment."""
