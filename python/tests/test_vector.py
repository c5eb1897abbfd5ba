"""VectorEnv: N environments in one worker, batched arrays, Gymnasium 1.x next-step autoreset; and the
single env inside Gymnasium's AsyncVectorEnv and Stable-Baselines3's SubprocVecEnv."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.vector import AsyncVectorEnv, AutoresetMode

from shopfloor_gym import ShopfloorEnv, VectorEnv

N = 4


@pytest.fixture(scope="module")
def venv():
    v = VectorEnv({"jobshop": "ft06"}, num_envs=N, slots="product")
    yield v
    v.close()


def first_legal(masks: np.ndarray) -> np.ndarray:
    return np.where(masks.any(axis=1), masks.argmax(axis=1), 0)


def test_batched_spaces_and_arrays_have_one_row_per_env(venv):
    assert venv.num_envs == N
    assert venv.metadata["autoreset_mode"] == AutoresetMode.NEXT_STEP
    assert venv.single_action_space == gym.spaces.Discrete(6)
    assert venv.action_space == gym.spaces.MultiDiscrete([6] * N)
    obs, infos = venv.reset(seed=10)
    assert obs.shape == (N, venv.single_observation_space.shape[0]) and obs.dtype == np.float32
    assert obs in venv.observation_space
    masks = venv.action_masks()
    assert masks.shape == (N, 6) and masks.dtype == np.bool_
    assert np.array_equal(masks, infos["action_mask"]) and infos["_action_mask"].all()
    assert list(infos["seed"]) == [10, 11, 12, 13]
    obs, rewards, terminated, truncated, infos = venv.step(first_legal(masks))
    assert rewards.shape == (N,) and rewards.dtype == np.float64
    assert terminated.dtype == np.bool_ and truncated.dtype == np.bool_


def test_sub_env_i_is_the_single_env_seeded_seed_plus_i():
    v = VectorEnv({"jobshop": "ft06"}, num_envs=2, slots="product")
    single = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    try:
        obs, infos = v.reset(seed=5)
        o1, i1 = single.reset(seed=6)
        assert np.array_equal(obs[1], o1)
        for _ in range(5):
            a = first_legal(v.action_masks())
            obs, r, *_ = v.step(a)
            o1, r1, *_ = single.step(int(a[1]))
            assert np.array_equal(obs[1], o1) and r[1] == r1
    finally:
        v.close()
        single.close()


def test_next_step_autoreset_returns_the_terminal_step_then_a_fresh_episode_with_reward_zero(venv):
    venv.reset(seed=1)
    for _ in range(500):
        obs, rewards, terminated, truncated, infos = venv.step(first_legal(venv.action_masks()))
        if terminated[0]:
            break
    else:
        pytest.fail("env 0 never terminated")
    assert infos["finished"][0] == 6 and infos["_makespan_s"][0] and infos["makespan_s"][0] >= 55 * 60
    assert not venv.action_masks()[0].any()  # the env about to be reset has nothing to choose
    obs, rewards, terminated, truncated, infos = venv.step(np.full(N, 5))  # env 0's action is ignored
    assert rewards[0] == 0 and not terminated[0] and not truncated[0]
    assert infos["step"][0] == 0 and infos["finished"][0] == 0
    assert venv.action_masks()[0].any()


def test_a_list_of_consecutive_seeds_is_accepted_and_others_are_refused(venv):
    a, _ = venv.reset(seed=[3, 4, 5, 6])
    b, _ = venv.reset(seed=3)
    assert np.array_equal(a, b)
    with pytest.raises(ValueError, match="s \\+ i"):
        venv.reset(seed=[1, 1, 1, 1])


def make_ft06():
    return ShopfloorEnv({"jobshop": "ft06"}, slots="product", illegal_action="penalty")


def test_the_single_env_runs_inside_gymnasium_async_vector_env():
    envs = AsyncVectorEnv([make_ft06, make_ft06], autoreset_mode=AutoresetMode.NEXT_STEP)
    try:
        obs, infos = envs.reset(seed=0)
        assert obs.shape[0] == 2 and infos["action_mask"].shape == (2, 6)
        done = np.zeros(2, dtype=bool)
        for _ in range(200):
            obs, r, te, tr, infos = envs.step(first_legal(infos["action_mask"]))
            done |= te
            if done.all():
                break
        assert done.all()
    finally:
        envs.close()


def test_the_single_env_runs_inside_sb3_subproc_vec_env_with_masks_from_env_method():
    from sb3_contrib.common.maskable.utils import get_action_masks
    from stable_baselines3.common.vec_env import SubprocVecEnv

    envs = SubprocVecEnv([make_ft06, make_ft06])
    try:
        envs.seed(0)
        envs.reset()
        finished = 0
        for _ in range(200):
            masks = get_action_masks(envs)
            assert masks.shape == (2, 6) and masks.any(axis=1).all()
            _, _, dones, infos = envs.step(first_legal(masks))
            finished += int(dones.sum())
            if finished >= 2:
                break
        assert finished >= 2
    finally:
        envs.close()


def test_a_vector_env_polls_for_answers_only_while_polling_is_the_faster_way(venv):
    """The adaptive polling (worker.py ``Worker._choose``): after a trial of each way, the faster one (by
    median time from one exchange to the next) is kept for the rest of the round."""
    from shopfloor_gym.worker import ADAPT_ROUND, ADAPT_TRIAL

    w = venv._worker
    assert w.spin_adaptive and w.spin_yield and w.spin_s >= 1e-3
    saved = (w._round, w._took, w._polling)
    try:
        for polled, slept, expected in (([1.0, 1.0, 9.0], [2.0, 2.0], True), ([3.0, 3.0, 0.1], [2.0, 2.0], False)):
            w._round, w._took = 2 * ADAPT_TRIAL, (list(polled), list(slept))
            assert w._choose() is expected
            assert w._took == ([], [])
            # The rest of the round keeps the choice; the next round starts with a polling trial.
            w._round = ADAPT_ROUND - 1
            assert w._choose() is expected
            assert w._choose() is True and w._round == 1
    finally:
        w._round, w._took, w._polling = saved
    obs, *_ = venv.reset(seed=1)
    for _ in range(3 * ADAPT_TRIAL):  # through both trials: the env answers whichever way it waits
        venv.step(first_legal(venv.action_masks()))
