"""The env server's frames (``src/rl/server/PROTOCOL.md``), as pure functions over bytes.

A frame is ``u32le N`` then N bytes: ``u32le H``, a UTF-8 JSON header of H bytes padded with spaces so
that ``4 + H`` is a multiple of 8, then the raw little-endian bodies of the arrays the header's
``arrays`` lists, each padded with zeros to a multiple of 8 bytes. Arrays are read with
``numpy.frombuffer`` (no per-element parsing) as views into the frame's own buffer.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import ProtocolError

#: Largest frame accepted (the N of a frame), bytes: 64 MiB, as the server's.
MAX_FRAME_BYTES = 64 * 1024 * 1024

#: Element types a frame's array may have.
DTYPES: Mapping[str, np.dtype[Any]] = {
    "float32": np.dtype("<f4"),
    "float64": np.dtype("<f8"),
    "uint8": np.dtype("u1"),
    "int32": np.dtype("<i4"),
}

_NAMES = {np.dtype(v).str: k for k, v in DTYPES.items()}


def _pad8(n: int) -> int:
    return (n + 7) & ~7


def encode_frame(header: Mapping[str, Any], arrays: Mapping[str, npt.NDArray[Any]] | None = None) -> bytes:
    """One whole frame (length prefix included) for ``header`` and named arrays (C order, as they are)."""
    specs = []
    bodies = []
    for name, a in (arrays or {}).items():
        dt = _NAMES.get(a.dtype.newbyteorder("<").str if a.dtype.byteorder == ">" else a.dtype.str)
        if dt is None:
            raise TypeError(f"encode_frame: array {name!r} has dtype {a.dtype}; allowed: {', '.join(DTYPES)}")
        data = np.ascontiguousarray(a, dtype=DTYPES[dt]).tobytes()
        specs.append({"name": name, "dtype": dt, "shape": list(a.shape)})
        bodies.append(data + b"\0" * (_pad8(len(data)) - len(data)))
    full = dict(header)
    if specs:
        full["arrays"] = specs
    js = json.dumps(full, separators=(",", ":"), allow_nan=False).encode()
    h = _pad8(4 + len(js)) - 4
    payload = b"".join([h.to_bytes(4, "little"), js, b" " * (h - len(js)), *bodies])
    if len(payload) > MAX_FRAME_BYTES:
        raise ValueError(f"encode_frame: frame of {len(payload)} bytes exceeds {MAX_FRAME_BYTES}")
    return len(payload).to_bytes(4, "little") + payload


def decode_frame(body: bytes | bytearray | memoryview) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """Decodes the N bytes of one frame (after its length prefix) into its header and its arrays.

    The arrays are views into ``body`` (writable when ``body`` is a ``bytearray``).
    Raises :class:`ProtocolError` when the bytes are not a frame.
    """
    n = len(body)
    if n < 4:
        raise ProtocolError(f"frame: {n} bytes is too short for a header length")
    h = int.from_bytes(body[:4], "little")
    if h > n - 4:
        raise ProtocolError(f"frame: header length {h} exceeds the frame's {n - 4} remaining bytes")
    try:
        header = json.loads(body[4 : 4 + h])
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProtocolError(f"frame: header is not UTF-8 JSON ({error})") from None
    if not isinstance(header, dict):
        raise ProtocolError(f"frame: header must be a JSON object (got {type(header).__name__})")
    specs = header.pop("arrays", [])
    if not isinstance(specs, list):
        raise ProtocolError("frame: header.arrays must be a list")
    arrays: dict[str, npt.NDArray[Any]] = {}
    at = 4 + h
    for i, spec in enumerate(specs):
        try:
            name = spec["name"]
            dtype = DTYPES[spec["dtype"]]
            shape = tuple(int(d) for d in spec["shape"])
        except (KeyError, TypeError, ValueError):
            raise ProtocolError(f"frame: header.arrays[{i}] is not {{name, dtype, shape}}: {spec!r}") from None
        count = math.prod(shape)
        size = count * dtype.itemsize
        if at + size > n:
            raise ProtocolError(f"frame: array {name!r} ({size} bytes at {at}) runs past the frame's {n} bytes")
        arrays[name] = np.frombuffer(body, dtype, count, at).reshape(shape)
        at += _pad8(size)
    if at != n:
        raise ProtocolError(f"frame: {n} bytes, but header ({h} bytes) and arrays make {at}")
    return header, arrays
