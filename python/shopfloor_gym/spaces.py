"""The server's space descriptions (``src/rl/spaces.ts``) as ``gymnasium.spaces``, one to one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from gymnasium import spaces

from .errors import ProtocolError


def to_space(desc: Mapping[str, Any]) -> spaces.Space[Any]:
    """``box`` → ``Box(low, high, float32)``, ``discrete`` → ``Discrete(n)``, ``multi-binary`` → ``MultiBinary(n)``."""
    kind = desc.get("type")
    if kind == "box":
        shape = tuple(int(d) for d in desc["shape"])
        low = np.asarray(desc["low"], dtype=np.float32).reshape(shape)
        high = np.asarray(desc["high"], dtype=np.float32).reshape(shape)
        return spaces.Box(low=low, high=high, shape=shape, dtype=np.float32)
    if kind == "discrete":
        return spaces.Discrete(int(desc["n"]))
    if kind == "multi-binary":
        return spaces.MultiBinary(int(desc["n"]))
    raise ProtocolError(f"space: unknown type {kind!r} in {dict(desc)!r}")
