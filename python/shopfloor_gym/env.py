"""``ShopfloorEnv``: one shopfloor RL environment as a ``gymnasium.Env``, simulated by a Node worker."""

from __future__ import annotations

import itertools
import json
import os
import struct
from collections.abc import Sequence
from typing import Any, SupportsFloat

import gymnasium as gym
import numpy as np
import numpy.typing as npt

from ._options import ScenarioSpec, make_options, scenario_spec
from .replies import Layout, check_made, single_info
from .spaces import to_space
from .protocol import encode_frame
from .worker import DEFAULT_TIMEOUT_S, Worker

_INT32 = struct.Struct("<i4x")  # one int32 action, padded to 8 bytes
_ids = itertools.count()


def step_frame_head(env_id: str, count: int) -> bytes:
    """Length prefix, header length and header of a ``step`` frame with ``count`` int32 actions.

    The header is the same for every step, so it is encoded once; the actions' bytes follow it.
    """
    spec = {"op": "step", "id": env_id, "arrays": [{"name": "actions", "dtype": "int32", "shape": [count]}]}
    js = json.dumps(spec, separators=(",", ":")).encode()
    h = ((4 + len(js) + 7) & ~7) - 4
    body = (4 * count + 7) & ~7
    n = 4 + h + body
    return n.to_bytes(4, "little") + h.to_bytes(4, "little") + js + b" " * (h - len(js))


def to_action(action: Any) -> int:
    """An action as an int32 (anything that is not an integer in range becomes -1, which is illegal)."""
    if type(action) is int or isinstance(action, np.integer):
        value = int(action)
        return value if -(2**31) <= value < 2**31 else -1
    try:
        a = np.asarray(action)
        if a.size != 1 or not np.issubdtype(a.dtype, np.integer):
            if a.size == 1 and np.issubdtype(a.dtype, np.floating) and float(a.reshape(-1)[0]).is_integer():
                value = int(a.reshape(-1)[0])
            else:
                return -1
        else:
            value = int(a.reshape(-1)[0])
    except (TypeError, ValueError, OverflowError):
        return -1
    return value if -(2**31) <= value < 2**31 else -1


class ShopfloorEnv(gym.Env[npt.NDArray[np.float32], np.int64]):
    """A shopfloor scenario as a Gymnasium environment (observation: float32 box; action: a slot index).

    The simulation runs until the next decision of an agent kind, hands out the observation and the
    action mask (``info["action_mask"]``, ``action_masks()``), takes the action, and runs on. Episodes
    end ``terminated`` when every part is finished (or in a deadlock, ``info["deadlock"]``) and
    ``truncated`` at the horizon or ``max_steps``.

    Args:
        scenario: a scenario file path, a scenario as a dict, ``{"text": yaml}``, ``{"jobshop": "ft10"}``
            (a bundled job-shop instance) or ``{"example": "demo-factory"}`` (a bundled example).
        timeout: deadline of every exchange with the worker, seconds.
        cli: the command line of the shopfloor CLI (default: see ``shopfloor_gym.worker``).
        render_mode: only ``None`` (nothing is rendered; the 3D viewer is separate).
        **env_options: ``agent`` (decision kinds, default ``["dispatch"]``), ``reward`` (``makespan``,
            ``tardiness``, ``throughput``, ``cost``), ``reward_scale``, ``cost_weights``, ``max_steps``,
            ``horizon_s`` (s), ``slots`` (``queue`` or ``product``), ``max_candidates``,
            ``illegal_action`` (``"raise"``: an illegal action raises ``InvalidActionError`` and
            changes nothing; ``"penalty"``: reward ``-penalty``, same observation, same decision),
            ``penalty`` (default 1), ``ask_trivial``, ``seed`` (first episode's seed when ``reset`` gets
            none), ``scales``, ``record_schedule`` (keep each episode's schedule for ``schedule()``).
    """

    metadata: dict[str, Any] = {"render_modes": []}

    def __init__(
        self,
        scenario: ScenarioSpec,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        cli: str | Sequence[str] | None = None,
        render_mode: str | None = None,
        **env_options: Any,
    ) -> None:
        if render_mode is not None:
            raise ValueError(f"ShopfloorEnv: render_mode must be None (got {render_mode!r})")
        self.render_mode = render_mode
        spec = scenario_spec(scenario)
        options = make_options(env_options)
        self._id = f"env{next(_ids)}-{os.getpid()}"
        self._worker = Worker(cli, timeout)
        try:
            made, _ = self._worker.request({"op": "make", "id": self._id, "scenario": spec, "options": options})
        except BaseException:
            self._worker.close()
            raise
        try:
            self._kinds = check_made(made, self._worker.describe)
        except BaseException:
            self._worker.close()
            raise
        #: The server's description of the environment (spaces, options in force, feature names …).
        self.description: dict[str, Any] = made
        self.observation_space = to_space(made["observationSpace"])
        self.action_space = to_space(made["actionSpace"])
        self.max_candidates: int = int(made["maxCandidates"])
        self.observation_feature_names: list[str] = list(made["observationFeatureNames"])
        self.illegal_action: str = made["illegalAction"]
        self.penalty: float = float(made["penalty"])
        self._head = step_frame_head(self._id, 1)
        self._mask = np.zeros(self.max_candidates, dtype=bool)
        # Where the arrays of a reset / step reply without texts lie (learnt from the first such reply).
        self._reset_layout: Layout | None = None
        self._step_layout: Layout | None = None

    @property
    def worker_pid(self) -> int:
        """Process id of this environment's Node worker."""
        return self._worker.pid

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[npt.NDArray[np.float32], dict[str, Any]]:
        super().reset(seed=seed)
        request: dict[str, Any] = {"op": "reset", "id": self._id}
        if seed is not None:
            request["seed"] = int(seed)
        if options:
            request["options"] = options
        body = self._worker.exchange(encode_frame(request), "reset")
        layout, texts = self._layout(body, "reset")
        observation = layout.array(body, "observation", np.float32)
        return observation, self._info(layout, body, texts)

    def step(
        self, action: Any
    ) -> tuple[npt.NDArray[np.float32], SupportsFloat, bool, bool, dict[str, Any]]:
        body = self._worker.exchange(self._head + _INT32.pack(to_action(action)), "step")
        layout, texts = self._layout(body, "step")
        return (
            layout.array(body, "observation", np.float32),
            layout.float64(body, "reward"),
            layout.flag(body, "terminated"),
            layout.flag(body, "truncated"),
            self._info(layout, body, texts),
        )

    def action_masks(self) -> npt.NDArray[np.bool_]:
        """The legal actions now (True = legal), as sb3-contrib's MaskablePPO asks for them."""
        return self._mask.copy()

    def schedule(self) -> str:
        """The current episode's schedule as CSV text (``shopfloor run --schedule``'s columns).

        Needs ``record_schedule=True``.
        """
        header, _ = self._worker.request({"op": "schedule", "id": self._id})
        return str(header["csv"])

    def close(self) -> None:
        """Ends the worker. Any number of calls is fine."""
        worker = getattr(self, "_worker", None)
        if worker is not None:
            worker.close()

    def _layout(self, body: bytearray, op: str) -> tuple[Layout, dict[str, Any] | None]:
        """The layout of a reset / step reply and its texts: the known one when the reply has its header,
        else the reply decoded in full (errors raised here), its layout kept when it has no texts."""
        known = self._step_layout if op == "step" else self._reset_layout
        if known is not None and known.matches(body):
            return known, None
        header, _ = self._worker.answer(body, op)
        h = int.from_bytes(body[:4], "little")
        specs = json.loads(bytes(body[4 : 4 + h]))["arrays"]
        layout = Layout(body, h, specs)
        texts = header.get("texts")
        if texts is None:
            if op == "step":
                self._step_layout = layout
            else:
                self._reset_layout = layout
        return layout, texts

    def _info(self, layout: Layout, body: bytearray, texts: dict[str, Any] | None) -> dict[str, Any]:
        # The mask's bytes are 0 or 1: read as bools in place (the reply's buffer is this step's own).
        self._mask = layout.array(body, "action_mask", np.bool_)
        out = single_info(layout.info_row(body), self._kinds, texts)
        out["action_mask"] = self._mask.copy()
        return out
