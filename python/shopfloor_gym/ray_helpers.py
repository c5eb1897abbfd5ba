"""Scale-out on Ray: simulation runs as Ray tasks, and an RLlib PPO configuration for ShopfloorEnv.

- :func:`run_json` runs ``shopfloor run FILE --json`` once (no Ray needed) and returns its JSON report.
- :func:`ray_runs` runs many of them as Ray tasks (replications, seeds, scenarios …) and gathers the
  reports in the order given. Each run is a pure function of (scenario, flags, seed), so where it runs does
  not change its result. The scenario files must be readable at the same path on every Ray node.
- :func:`rllib_ppo_config` is a PPO configuration of RLlib's new API stack whose env runners each host
  ``num_envs_per_env_runner`` :class:`ShopfloorEnv`\\ s (each with its own Node worker).

Ray is imported only inside these functions: ``pip install shopfloor-gym[ray]``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._command import run_command
from .env import ShopfloorEnv
from .worker import find_cli

#: Name under which :func:`rllib_ppo_config` registers the environment with Ray Tune.
RLLIB_ENV_NAME = "shopfloor"


def run_json(
    scenario: str | os.PathLike[str],
    *,
    seed: int | None = None,
    replications: int | None = None,
    args: Sequence[str] = (),
    cli: str | Sequence[str] | None = None,
    timeout_s: float = 3600.0,
) -> dict[str, Any]:
    """``shopfloor run SCENARIO --json [--seed N] [--replications N] ARGS…``: the parsed JSON report.

    Raises :class:`ShopfloorError` with the CLI's exit code and stderr when the run fails (exit code 2:
    invalid scenario or flag; 3: deadlock), or when it takes longer than ``timeout_s`` seconds.
    """
    command = [*find_cli(cli), "run", os.fspath(scenario), "--json", "--quiet"]
    if seed is not None:
        command += ["--seed", str(int(seed))]
    if replications is not None:
        command += ["--replications", str(int(replications))]
    command += list(args)
    return json.loads(run_command(command, "run_json", timeout_s))  # type: ignore[no-any-return]


def _run_one(spec: Mapping[str, Any]) -> dict[str, Any]:
    return run_json(**spec)


def ray_runs(runs: Iterable[Mapping[str, Any]], *, num_cpus_per_run: float = 1.0) -> list[dict[str, Any]]:
    """Runs every ``run_json(**spec)`` as a Ray task and returns the reports in the order of ``runs``.

    ``spec`` keys: ``scenario`` (an absolute path on every node), ``seed``, ``replications``, ``args``,
    ``cli``, ``timeout_s``. Uses the Ray instance already initialised, or starts a local one.
    A failed run raises its :class:`ShopfloorError` (as ``ray.exceptions.RayTaskError``).
    """
    import ray

    if not ray.is_initialized():
        ray.init()
    task = ray.remote(num_cpus=num_cpus_per_run)(_run_one)
    specs = [dict(s) for s in runs]
    for s in specs:
        s["scenario"] = os.path.abspath(os.fspath(s["scenario"]))
    return list(ray.get([task.remote(s) for s in specs]))


def _make_env(config: Mapping[str, Any]) -> ShopfloorEnv:
    options = dict(config)
    return ShopfloorEnv(options.pop("scenario"), **options)


def rllib_ppo_config(
    scenario: Any,
    *,
    num_env_runners: int = 1,
    num_envs_per_env_runner: int = 1,
    **env_options: Any,
) -> Any:
    """A ``PPOConfig`` (RLlib's new API stack) training on ``ShopfloorEnv(scenario, **env_options)``.

    Plain PPO samples unmasked actions, so ``illegal_action`` defaults to ``"penalty"`` here (an illegal
    action earns ``-penalty`` and changes nothing). Change anything further on the returned config
    (``.training(...)``, ``.learners(...)``) before ``.build_algo()``.
    """
    from ray.rllib.algorithms.ppo import PPOConfig
    from ray.tune.registry import register_env

    register_env(RLLIB_ENV_NAME, _make_env)
    if isinstance(scenario, (str, os.PathLike)):
        scenario = os.path.abspath(os.fspath(scenario))
    env_config = {"scenario": scenario, "illegal_action": "penalty", **env_options}
    return (
        PPOConfig()  # type: ignore[no-untyped-call]
        .api_stack(enable_rl_module_and_learner=True, enable_env_runner_and_connector_v2=True)
        .environment(RLLIB_ENV_NAME, env_config=env_config)
        .env_runners(num_env_runners=num_env_runners, num_envs_per_env_runner=num_envs_per_env_runner)
        .framework("torch")
    )
