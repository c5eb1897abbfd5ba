"""Steps per second from Python on ft10 with a random masked policy, side by side in one run:

- shopfloor_gym.ShopfloorEnv (one env, one Node worker),
- shopfloor_gym.VectorEnv with 16 envs in one worker (env-steps/s),
- job_shop_lib's Gymnasium env (SingleJobShopGraphEnv, disjunctive graph, IS_READY feature) as the peer.

The random masked policy picks uniformly among the legal actions: for one env with Python's
``random.Random`` over ``mask.nonzero()`` (about 1 µs; numpy's ``Generator.integers`` alone costs more
than that per call), for the vector env with numpy over the whole batch (the largest random key where the
mask is set). Each contender first warms up for ``WARM_UP_STEPS`` steps: the Node worker's JIT compiler
(V8's TurboFan) needs some 40,000 steps to reach its steady state, which is what a training run sees.

A step is one decision. shopfloor takes decisions with a single candidate by itself (about 33 per ft10
episode), job_shop_lib asks for every operation (100 per episode), so whole episodes (schedules) per
second are reported too. Rounds alternate between the three; each figure is the median over rounds.

On a shared, loaded machine a client/worker pair waits for the scheduler at every exchange, so wall-clock
figures mostly measure the load. Each figure therefore also comes per CPU-second: steps divided by the CPU
time (user + system) that the Python process and its Node worker used together (read from /proc), which
is what the figures would approach on an idle machine with a core for each. (The clients poll for answers
before they sleep — ``VectorEnv`` for up to 1 ms — and that polling counts as CPU time: on an idle machine
the vector env's wall-clock figure is above its per-CPU-second one.)
Prints one JSON object on its last line. ``--quick``: shorter rounds.

Run by ``npm run bench`` (bench/rl-python.ts) with the project's .venv; alone:
``.venv/bin/python bench/rl_python.py [--quick]``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time

import numpy as np

from shopfloor_gym import ShopfloorEnv, VectorEnv

#: Steps each contender runs before the measured rounds (``--quick``: a fifth).
WARM_UP_STEPS = 60_000

_TICK = os.sysconf("SC_CLK_TCK")


def cpu_s(*pids: int) -> float:
    """User + system CPU time of the given processes so far, s (from /proc/<pid>/stat)."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / _TICK


def measured(run, pids, *args):  # type: ignore[no-untyped-def]
    """(steps/s, episodes/s, steps per CPU-second, CPU µs per step of each pid) of one round of ``run``."""
    before = [cpu_s(pid) for pid in pids]
    start = time.perf_counter()
    steps, episodes = run(*args)
    elapsed = time.perf_counter() - start
    each = [cpu_s(pid) - b for pid, b in zip(pids, before)]
    cpu = max(sum(each), 1 / _TICK)
    return steps / elapsed, episodes / elapsed, steps / cpu, *(1e6 * c / steps for c in each)


def run_single(env: ShopfloorEnv, seconds: float, rng: random.Random, min_steps: int = 0) -> tuple[int, int]:
    _, info = env.reset()
    mask = info["action_mask"]
    steps = episodes = 0
    start = time.perf_counter()
    while True:
        legal = mask.nonzero()[0]
        _, _, terminated, truncated, info = env.step(int(legal[rng.randrange(len(legal))]))
        mask = info["action_mask"]
        steps += 1
        if terminated or truncated:
            episodes += 1
            _, info = env.reset()
            mask = info["action_mask"]
            if steps >= min_steps and time.perf_counter() - start > seconds:
                break
    return steps, episodes


def run_vector(venv: VectorEnv, seconds: float, rng: np.random.Generator, min_steps: int = 0) -> tuple[int, int]:
    venv.reset()
    masks = venv.action_masks()
    steps = episodes = 0
    start = time.perf_counter()
    while steps < min_steps or time.perf_counter() - start < seconds:
        # Uniform among the legal slots: the largest random key where the mask is set (0 when none is).
        keys = rng.random(masks.shape)
        keys[~masks] = -1.0
        _, _, terminated, truncated, infos = venv.step(keys.argmax(axis=1))
        masks = infos["action_mask"]
        steps += venv.num_envs
        episodes += int(terminated.sum() + truncated.sum())
    return steps, episodes


def make_job_shop_lib_env():  # type: ignore[no-untyped-def]
    from job_shop_lib.benchmarking import load_benchmark_instance
    from job_shop_lib.dispatching.feature_observers import FeatureObserverType
    from job_shop_lib.graphs import build_disjunctive_graph
    from job_shop_lib.reinforcement_learning import SingleJobShopGraphEnv

    instance = load_benchmark_instance("ft10")
    return SingleJobShopGraphEnv(
        build_disjunctive_graph(instance), feature_observer_configs=[FeatureObserverType.IS_READY]
    )


def run_job_shop_lib(env, seconds: float, rng: random.Random, min_steps: int = 0) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    _, info = env.reset()
    steps = episodes = 0
    start = time.perf_counter()
    while True:
        available = info["available_operations_with_ids"]
        _, machine, job = available[rng.randrange(len(available))]
        _, _, done, _, info = env.step((job, machine))
        steps += 1
        if done:
            episodes += 1
            _, info = env.reset()
            if steps >= min_steps and time.perf_counter() - start > seconds:
                break
    return steps, episodes


def main() -> None:
    quick = "--quick" in sys.argv
    seconds, rounds = (0.5, 3) if quick else (2.0, 5)
    warm_up = WARM_UP_STEPS // 5 if quick else WARM_UP_STEPS
    load_before = os.getloadavg()[0]
    rng = np.random.default_rng(1)
    pick = random.Random(1)
    single = ShopfloorEnv({"jobshop": "ft10"}, slots="product", seed=1)
    vector = VectorEnv({"jobshop": "ft10"}, num_envs=16, slots="product", seed=1)
    try:
        peer = make_job_shop_lib_env()
        peer_error = None
    except Exception as error:  # not installed: the figures say so instead of a ratio
        peer, peer_error = None, f"{type(error).__name__}: {error}"
    figures: dict[str, list[tuple[float, ...]]] = {"single": [], "vector16": [], "jobShopLib": []}
    me = os.getpid()
    try:
        run_single(single, 0.0, pick, warm_up)
        run_vector(vector, 0.0, rng, warm_up)
        if peer is not None:
            run_job_shop_lib(peer, 0.0, random.Random(1), warm_up // 20)
        for _ in range(rounds):
            figures["single"].append(measured(run_single, (me, single.worker_pid), single, seconds, pick))
            figures["vector16"].append(measured(run_vector, (me, vector.worker_pid), vector, seconds, rng))
            if peer is not None:
                figures["jobShopLib"].append(measured(run_job_shop_lib, (me,), peer, seconds, random.Random(1)))
    finally:
        single.close()
        vector.close()

    def median(name: str, k: int) -> float | None:
        values = [f[k] for f in figures[name]]
        return statistics.median(values) if values else None

    out: dict[str, object] = {
        "instance": "ft10",
        "policy": "random masked",
        "rounds": rounds,
        "secondsPerRound": seconds,
        "warmUpSteps": warm_up,
        # The 1-minute load average at the start and at the end: what the wall-clock figures were measured under.
        "loadAverage": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "singleStepsPerS": median("single", 0),
        "singleEpisodesPerS": median("single", 1),
        "vector16EnvStepsPerS": median("vector16", 0),
        "vector16EpisodesPerS": median("vector16", 1),
        "jobShopLibStepsPerS": median("jobShopLib", 0),
        "jobShopLibEpisodesPerS": median("jobShopLib", 1),
        "singleStepsPerCpuS": median("single", 2),
        "vector16EnvStepsPerCpuS": median("vector16", 2),
        "jobShopLibStepsPerCpuS": median("jobShopLib", 2),
        "jobShopLibError": peer_error,
        # CPU time per (env-)step of the Python process and of its Node worker, µs (polling for answers included).
        "singlePythonCpuUsPerStep": median("single", 3),
        "singleNodeCpuUsPerStep": median("single", 4),
        "vector16PythonCpuUsPerEnvStep": median("vector16", 3),
        "vector16NodeCpuUsPerEnvStep": median("vector16", 4),
    }
    if peer is not None:
        out["singleVsJobShopLibSteps"] = out["singleStepsPerS"] / out["jobShopLibStepsPerS"]  # type: ignore[operator]
        out["singleVsJobShopLibEpisodes"] = out["singleEpisodesPerS"] / out["jobShopLibEpisodesPerS"]  # type: ignore[operator]
        out["vector16VsJobShopLibSteps"] = out["vector16EnvStepsPerS"] / out["jobShopLibStepsPerS"]  # type: ignore[operator]
        out["singleVsJobShopLibStepsPerCpuS"] = out["singleStepsPerCpuS"] / out["jobShopLibStepsPerCpuS"]  # type: ignore[operator]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
