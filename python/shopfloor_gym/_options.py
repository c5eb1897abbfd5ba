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
