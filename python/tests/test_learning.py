"""Learning, for real: sb3-contrib's MaskablePPO trains on ft06 through the client and its greedy masked
policy beats a random masked policy and is no worse than FIFO; the same criterion fails for the untrained
policy, so the test can fail.

ft06 (6 jobs × 6 machines, optimum 55 min) has constant process times: a greedy policy gives one schedule,
so the evaluation set is the instance itself, under fixed seeds (30 episodes for the random policy).
FIFO's makespan comes from `shopfloor run scenarios/jobshop-ft06.yaml --json` (every machine dispatches
FIFO). About 30–60 s on 2 cores (2,048 training steps).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sb3_contrib import MaskablePPO

from shopfloor_gym import ShopfloorEnv
from shopfloor_gym.ray_helpers import run_json

TRAIN_STEPS = 2048
EVAL_SEEDS = range(1000, 1030)


def makespans_min(env: ShopfloorEnv, choose, seeds) -> np.ndarray:
    """Makespan of one episode per seed, minutes, with ``choose(obs, mask) -> action``."""
    out = []
    for seed in seeds:
        obs, info = env.reset(seed=seed)
        while True:
            obs, _, terminated, truncated, info = env.step(choose(obs, info["action_mask"]))
            if terminated or truncated:
                break
        assert terminated, "an ft06 episode ends with every job finished"
        out.append(info["makespan_s"] / 60)
    return np.array(out)


def greedy(model: MaskablePPO):
    return lambda obs, mask: int(model.predict(obs, action_masks=mask, deterministic=True)[0])


def passes(policy_min: float, random_min: float, fifo_min: float) -> bool:
    """The criterion: better than random masked, no worse than FIFO (mean makespans, minutes)."""
    return policy_min < random_min and policy_min <= fifo_min


@pytest.fixture(scope="module")
def baselines(repo):
    report = run_json(repo / "scenarios" / "jobshop-ft06.yaml", replications=1)
    fifo = report["kpis"]["cycleTimeMaxS"]["mean"] / 60  # every job released at 0: the last one's cycle time
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    try:
        rng = np.random.default_rng(0)
        random_mean = float(makespans_min(env, lambda o, m: int(rng.choice(np.flatnonzero(m))), EVAL_SEEDS).mean())
    finally:
        env.close()
    return fifo, random_mean


def make_model(env: ShopfloorEnv) -> MaskablePPO:
    torch.set_num_threads(1)
    return MaskablePPO(
        "MlpPolicy", env, seed=0, n_steps=512, batch_size=64, n_epochs=10, gamma=1.0, ent_coef=0.01, device="cpu"
    )


def test_maskable_ppo_trained_on_ft06_beats_random_masked_and_is_no_worse_than_fifo(baselines):
    fifo, random_mean = baselines
    train = ShopfloorEnv({"jobshop": "ft06"}, slots="product", reward_scale=1 / 60)
    evaluate = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    try:
        model = make_model(train)
        model.learn(TRAIN_STEPS)
        trained = float(makespans_min(evaluate, greedy(model), EVAL_SEEDS[:3]).mean())
    finally:
        train.close()
        evaluate.close()
    print(
        f"ft06 mean makespan: MaskablePPO ({TRAIN_STEPS} steps, greedy) {trained:.1f} min, "
        f"random masked {random_mean:.1f} min, FIFO {fifo:.1f} min (optimum 55)"
    )
    assert passes(trained, random_mean, fifo)


def test_the_untrained_policy_does_not_pass_the_same_criterion(baselines):
    fifo, random_mean = baselines
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product", reward_scale=1 / 60)
    try:
        untrained = float(makespans_min(env, greedy(make_model(env)), EVAL_SEEDS[:3]).mean())
    finally:
        env.close()
    print(f"ft06 mean makespan: untrained greedy {untrained:.1f} min, random {random_mean:.1f}, FIFO {fifo:.1f}")
    assert not passes(untrained, random_mean, fifo)
