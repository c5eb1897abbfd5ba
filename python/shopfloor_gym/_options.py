"""Environment options: Python keyword names → the protocol's ``make`` options, and scenario specs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Union

#: What a scenario may be: a path to a YAML/JSON file, or a mapping (a scenario as a dict,
#: ``{"text": yaml, "fileName": name}``, ``{"jobshop": "ft10"}`` or ``{"example": "demo-factory"}``).
ScenarioSpec = Union[str, "os.PathLike[str]", Mapping[str, Any]]

#: Keyword option → protocol key. Units are in the names: seconds for ``horizon_s``.
OPTION_KEYS: Mapping[str, str] = {
    "agent": "agent",
    "reward": "reward",
    "reward_scale": "rewardScale",
    "cost_weights": "costWeights",
    "max_steps": "maxSteps",
    "horizon_s": "horizonS",
    "slots": "slots",
    "max_candidates": "maxCandidates",
    "illegal_action": "illegalAction",
    "penalty": "penalty",
    "ask_trivial": "askTrivial",
    "seed": "seed",
    "scales": "scales",
    "record_schedule": "recordSchedule",
}

#: Info keys of the protocol → the keys of ``info`` in Python. The worker's ``episode`` counter is left out:
#: it would make two episodes of the same seed differ (Gymnasium's checker compares infos), and
#: Stable-Baselines3's Monitor writes its own ``info["episode"]``.
INFO_KEYS: Mapping[str, str] = {
    "decisionKind": "decision_kind",
    "nowS": "now_s",
    "step": "step",
    "seed": "seed",
    "done": "done",
    "finished": "finished",
    "makespanS": "makespan_s",
    "illegalAction": "illegal_action",
    "deadlock": "deadlock",
}


def scenario_spec(scenario: ScenarioSpec) -> Any:
    """What the ``make`` request carries: an absolute path (so the worker's folder does not matter) or the mapping."""
    if isinstance(scenario, (str, os.PathLike)):
        path = os.fspath(scenario)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"shopfloor_gym: scenario file {path!r} does not exist")
        return os.path.abspath(path)
    if isinstance(scenario, Mapping):
        return dict(scenario)
    raise TypeError(
        f"shopfloor_gym: scenario must be a path or a mapping (got {type(scenario).__name__}); "
        'e.g. "scenarios/machine-shop.yaml", {"jobshop": "ft10"} or {"example": "demo-factory"}'
    )


def make_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The protocol options for keyword ``options`` (``None`` values left out). Unknown names: TypeError."""
    out: dict[str, Any] = {}
    for key, value in options.items():
        if key not in OPTION_KEYS:
            raise TypeError(f"shopfloor_gym: unknown env option {key!r}; options: {', '.join(OPTION_KEYS)}")
        if value is None:
            continue
        if key == "agent" and isinstance(value, str):
            value = [value]
        elif key == "agent":
            value = list(value)
        out[OPTION_KEYS[key]] = value
    return out


#: ``info["makespan_s"]`` before the episode terminated.
NO_MAKESPAN = -1.0


def convert_info(info: Mapping[str, Any]) -> dict[str, Any]:
    """A protocol ``info`` with Python key names and values of one type each, whatever the step.

    Type-stable so that vector wrappers (Gymnasium's ``SyncVectorEnv``/``AsyncVectorEnv``, RLlib's env
    runners) can stack them: times are floats (``makespan_s`` is -1.0 until the episode terminated: not
    NaN, which never equals itself and so fails the checkers' determinism test), counts ints, texts strings
    (``""`` when absent).
    """
    makespan = info.get("makespanS")
    return {
        "decision_kind": info.get("decisionKind") or "",
        "now_s": float(info["nowS"]),
        "step": int(info["step"]),
        "seed": int(info["seed"]),
        "done": bool(info["done"]),
        "finished": int(info["finished"]),
        "makespan_s": NO_MAKESPAN if makespan is None else float(makespan),
        "illegal_action": info.get("illegalAction") or "",
        "deadlock": info.get("deadlock") or "",
    }
