"""``VectorEnv``: N shopfloor environments in ONE Node worker, as a ``gymnasium.vector.VectorEnv``."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
import numpy.typing as npt
from gymnasium.vector import AutoresetMode
from gymnasium.vector.utils import batch_space

from ._options import ScenarioSpec, make_options, scenario_spec
from .env import step_frame_head, to_action
from .protocol import encode_frame
from .replies import Layout, VectorInfos, check_made
from .spaces import to_space
from .worker import DEFAULT_TIMEOUT_S, VECTOR_SPIN_S, Worker

_ids = itertools.count()



class VectorEnv(gym.vector.VectorEnv[npt.NDArray[np.float32], npt.NDArray[np.int64], npt.NDArray[Any]]):
    """``num_envs`` copies of one scenario stepped together in one Node worker, with batched arrays.

    - Seeds: ``reset(seed=s)`` seeds sub-environment i with ``s + i`` (a list ``[s, s+1, …]`` is
      accepted too); without a seed each continues its own deterministic sequence.
    - Autoreset: Gymnasium 1.x ``NEXT_STEP`` mode. The step that ends env i's episode returns its terminal
      observation, reward and flags; the next ``step`` resets env i (its action is ignored) and returns
      its first observation with reward 0.
    - ``action_masks()``: a ``(num_envs, max_candidates)`` bool array (all False for an env about to
      be autoreset); ``infos["action_mask"]`` too.
    - Options: as :class:`shopfloor_gym.ShopfloorEnv`'s.
    """

    metadata: dict[str, Any] = {"render_modes": [], "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(
        self,
        scenario: ScenarioSpec,
        num_envs: int,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        cli: str | Sequence[str] | None = None,
        **env_options: Any,
    ) -> None:
        if not (isinstance(num_envs, (int, np.integer)) and num_envs >= 1):
            raise ValueError(f"VectorEnv: num_envs must be an integer >= 1 (got {num_envs!r})")
        spec = scenario_spec(scenario)
        options = make_options(env_options)
        self._id = f"vec{next(_ids)}-{os.getpid()}"
        self._worker = Worker(cli, timeout)
        try:
            made, _ = self._worker.request(
                {"op": "make", "id": self._id, "scenario": spec, "options": options, "numEnvs": int(num_envs)}
            )
        except BaseException:
            self._worker.close()
            raise
        try:
            kinds = check_made(made, self._worker.describe)
        except BaseException:
            self._worker.close()
            raise
        self.description: dict[str, Any] = made
        self.num_envs = int(num_envs)
        self.single_observation_space = to_space(made["observationSpace"])
        self.single_action_space = to_space(made["actionSpace"])
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self.max_candidates: int = int(made["maxCandidates"])
        self.observation_feature_names: list[str] = list(made["observationFeatureNames"])
        # Poll through the answer of a whole batch (see VECTOR_SPIN_S).
        self._worker.spin_s = VECTOR_SPIN_S
        self._worker.spin_yield = True
        self._worker.spin_adaptive = self._worker.spin_s > 0
        self._head = step_frame_head(self._id, self.num_envs)
        self._pad = b"\0" * (((4 * self.num_envs + 7) & ~7) - 4 * self.num_envs)
        self._masks = np.zeros((self.num_envs, self.max_candidates), dtype=bool)
        self._vector_infos = VectorInfos(self.num_envs, kinds)
        self._layouts: dict[str, Layout] = {}

    @property
    def worker_pid(self) -> int:
        """Process id of the Node worker that runs every sub-environment."""
        return self._worker.pid

    def reset(
        self, *, seed: int | Sequence[int] | None = None, options: dict[str, Any] | None = None
    ) -> tuple[npt.NDArray[np.float32], dict[str, Any]]:
        first: int | None
        if seed is None or isinstance(seed, (int, np.integer)):
            first = None if seed is None else int(seed)
        else:
            seeds = [int(s) for s in seed]
            if len(seeds) != self.num_envs or any(s != seeds[0] + i for i, s in enumerate(seeds)):
                raise ValueError(
                    f"VectorEnv.reset: seeds must be one integer s (env i gets s + i) or [s, s+1, …] "
                    f"of length {self.num_envs} (got {seeds})"
                )
            first = seeds[0]
        super().reset(seed=first)
        request: dict[str, Any] = {"op": "reset", "id": self._id}
        if first is not None:
            request["seed"] = first
        body = self._worker.exchange(encode_frame(request), "reset")
        layout, texts = self._layout(body, "reset")
        return layout.array(body, "observations", np.float32), self._infos(layout, body, texts)

    def step(
        self, actions: Any
    ) -> tuple[
        npt.NDArray[np.float32], npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_], dict[str, Any]
    ]:
        a = np.asarray(actions)
        if a.shape != (self.num_envs,):
            a = a.reshape(-1)
            if a.shape != (self.num_envs,):
                raise ValueError(f"VectorEnv.step: expected {self.num_envs} actions (got shape {np.shape(actions)})")
        if a.dtype != np.int32:
            # NOTE: min/max of a short list beat numpy's reductions (about 2 µs each) at these sizes.
            values = a.tolist() if np.issubdtype(a.dtype, np.integer) else None
            if values and min(values) >= -(2**31) and max(values) < 2**31:
                a = a.astype(np.int32)
            else:
                a = np.array([to_action(x) for x in a], dtype=np.int32)
        frame = self._head + a.astype("<i4", copy=False).tobytes() + self._pad
        body = self._worker.exchange(frame, "step")
        layout, texts = self._layout(body, "step")
        return (
            layout.array(body, "observations", np.float32),
            layout.array(body, "rewards", np.float64),
            layout.array(body, "terminated", np.bool_),
            layout.array(body, "truncated", np.bool_),
            self._infos(layout, body, texts),
        )

    def action_masks(self) -> npt.NDArray[np.bool_]:
        """The legal actions of every sub-environment now: ``(num_envs, max_candidates)`` bool."""
        return self._masks.copy()

    def schedule(self, index: int = 0) -> str:
        """Sub-environment ``index``'s current schedule as CSV (needs ``record_schedule=True``)."""
        header, _ = self._worker.request({"op": "schedule", "id": self._id, "index": int(index)})
        return str(header["csv"])

    def close_extras(self, **kwargs: Any) -> None:
        worker = getattr(self, "_worker", None)
        if worker is not None:
            worker.close()

    def _layout(self, body: bytearray, op: str) -> tuple[Layout, list[dict[str, Any]] | None]:
        """As ``ShopfloorEnv._layout``: the known layout of a reply with the usual header, else the reply
        decoded in full (errors raised here), its layout kept when it has no texts."""
        known = self._layouts.get(op)
        if known is not None and known.matches(body):
            return known, None
        header, _ = self._worker.answer(body, op)
        h = int.from_bytes(body[:4], "little")
        layout = Layout(body, h, json.loads(bytes(body[4 : 4 + h]))["arrays"])
        texts = header.get("texts")
        if texts is None:
            self._layouts[op] = layout
        return layout, texts

    def _infos(self, layout: Layout, body: bytearray, texts: list[dict[str, Any]] | None) -> dict[str, Any]:
        """Gymnasium's vector info: one array per key and a ``_key`` bool array of the envs that have it."""
        # The masks' bytes are 0 or 1: read as bools in place (the reply's buffer is this step's own).
        self._masks = layout.array(body, "action_masks", np.bool_)
        out = self._vector_infos(layout.array(body, "infos", np.float64), texts)
        out["action_mask"] = self._masks.copy()
        out["_action_mask"] = self._vector_infos.all
        return out
