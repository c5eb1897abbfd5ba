"""Reading the worker's ``reset`` and ``step`` replies fast (protocol version 2, ``src/rl/server/PROTOCOL.md``).

Every reply of an environment's steps carries the same header (``{"ok":true,"id":…,"arrays":[…]}``)
unless a text is set (an illegal action's message, a deadlock). So the header is parsed once: a
:class:`Layout` remembers its bytes and where each array lies, and a later reply that starts with the
same bytes and has the same length is read at those offsets, without JSON. Arrays are
``numpy.frombuffer`` views into the reply's own fresh buffer (valid for as long as they are kept);
scalars are read with ``struct``.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import WorkerError
from .protocol import DTYPES

#: The protocol this client speaks; the worker says its own in ``make`` and ``ping`` replies.
PROTOCOL_VERSION = 2

#: The columns of the float64 ``info`` / ``infos`` array of reset and step replies.
INFO_COLUMNS = ("nowS", "step", "episode", "seed", "done", "finished", "makespanS", "decisionKind")

#: ``info["makespan_s"]`` before the episode terminated.
NO_MAKESPAN = -1.0

_INFO = struct.Struct(f"<{len(INFO_COLUMNS)}d")
_F64 = struct.Struct("<d")


def check_made(made: Mapping[str, Any], describe: Any) -> list[str]:
    """Checks a ``make`` reply's protocol version and info columns; returns the decision kinds by code."""
    version = made.get("protocol")
    if version != PROTOCOL_VERSION or tuple(made.get("infoColumns") or ()) != INFO_COLUMNS:
        raise WorkerError(
            describe(
                f"speaks env-server protocol {version!r}, this client needs {PROTOCOL_VERSION} "
                "(the Python package and the shopfloor CLI are of different versions: rebuild with `npm run build`"
                " or reinstall one of them)"
            )
        )
    return [str(k) for k in made["decisionKinds"]]


class Layout:
    """Where the arrays of replies with one given header lie: ``at[name] = (offset, count)``, bytes / elements."""

    __slots__ = ("prefix", "size", "at", "shapes")

    def __init__(self, body: bytearray, header_bytes: int, specs: Sequence[Mapping[str, Any]]) -> None:
        #: The header's bytes (with their length): a reply starting with them has this layout.
        self.prefix = bytes(body[: 4 + header_bytes])
        self.size = len(body)
        self.at: dict[str, tuple[int, int]] = {}
        self.shapes: dict[str, tuple[int, ...]] = {}
        at = 4 + header_bytes
        for spec in specs:
            shape = tuple(int(d) for d in spec["shape"])
            count = math.prod(shape)
            self.at[spec["name"]] = (at, count)
            self.shapes[spec["name"]] = shape
            at += (count * DTYPES[spec["dtype"]].itemsize + 7) & ~7

    def matches(self, body: bytearray) -> bool:
        return len(body) == self.size and body.startswith(self.prefix)

    def array(self, body: bytearray, name: str, dtype: Any) -> npt.NDArray[Any]:
        offset, count = self.at[name]
        shape = self.shapes[name]
        a = np.frombuffer(body, dtype, count, offset)
        return a if len(shape) == 1 else a.reshape(shape)

    def float64(self, body: bytearray, name: str) -> float:
        return float(_F64.unpack_from(body, self.at[name][0])[0])

    def flag(self, body: bytearray, name: str) -> bool:
        return body[self.at[name][0]] != 0

    def info_row(self, body: bytearray) -> tuple[float, ...]:
        return _INFO.unpack_from(body, self.at["info"][0])


def single_info(row: Sequence[float], kinds: Sequence[str], texts: Mapping[str, Any] | None) -> dict[str, Any]:
    """One env's ``info`` (without ``action_mask``) from its info row and texts.

    Type-stable so that vector wrappers (Gymnasium's ``SyncVectorEnv``/``AsyncVectorEnv``, RLlib's env
    runners) can stack them: times are floats (``makespan_s`` is -1.0 until the episode terminated: not
    NaN, which never equals itself and so fails the checkers' determinism test), counts ints, texts
    strings (``""`` when absent). The worker's ``episode`` counter is left out: it would make two
    episodes of the same seed differ (Gymnasium's checker compares infos), and Stable-Baselines3's
    Monitor writes its own ``info["episode"]``.
    """
    now, step, _episode, seed, done, finished, makespan, kind = row
    return {
        "decision_kind": kinds[int(kind)] if kind >= 0 else "",
        "now_s": now,
        "step": int(step),
        "seed": int(seed),
        "done": done != 0,
        "finished": int(finished),
        "makespan_s": NO_MAKESPAN if makespan != makespan else makespan,
        "illegal_action": (texts.get("illegalAction") or "") if texts else "",
        "deadlock": (texts.get("deadlock") or "") if texts else "",
    }


class VectorInfos:
    """Gymnasium's vector info of ``n`` envs from the ``infos`` rows: one array per key and a ``_key`` bool
    array of the envs that have it. Arrays that are the same at every step without texts (all-True masks,
    empty texts) are shared and read-only; the others are fresh."""

    def __init__(self, n: int, kinds: Sequence[str]) -> None:
        self.n = n
        #: ``["", *decision kinds]``: indexed by the kind's code + 1.
        self.kinds = np.array(["", *kinds], dtype=object)
        self.all = self._frozen(np.ones(n, dtype=bool))
        self.none = self._frozen(np.zeros(n, dtype=bool))
        self.empty = self._frozen(np.full(n, "", dtype=object))

    @staticmethod
    def _frozen(a: npt.NDArray[Any]) -> npt.NDArray[Any]:
        a.flags.writeable = False
        return a

    def __call__(self, rows: npt.NDArray[np.float64], texts: Sequence[Mapping[str, Any]] | None) -> dict[str, Any]:
        cols = rows.T.copy()  # one contiguous row per column
        ints = cols[1:6].astype(np.int64)  # step, episode, seed, done, finished
        makespan = cols[6]
        has_makespan = makespan == makespan  # not NaN
        makespan[~has_makespan] = NO_MAKESPAN
        code = cols[7].astype(np.int64)
        all_ = self.all
        out: dict[str, Any] = {
            "step": ints[0],
            "_step": all_,
            "seed": ints[2],
            "_seed": all_,
            "finished": ints[4],
            "_finished": all_,
            "now_s": cols[0],
            "_now_s": all_,
            "makespan_s": makespan,
            "_makespan_s": has_makespan,
            "done": cols[4] != 0,
            "_done": all_,
            "decision_kind": self.kinds[code + 1],
            "_decision_kind": code >= 0,
            "illegal_action": self.empty,
            "_illegal_action": self.none,
            "deadlock": self.empty,
            "_deadlock": self.none,
        }
        for key, name in (("illegalAction", "illegal_action"), ("deadlock", "deadlock")):
            present = [t for t in texts or () if t.get(key)]
            if present:
                values = np.full(self.n, "", dtype=object)
                has = np.zeros(self.n, dtype=bool)
                for t in present:
                    values[int(t["env"])] = t[key]
                    has[int(t["env"])] = True
                out[name] = values
                out["_" + name] = has
        return out
