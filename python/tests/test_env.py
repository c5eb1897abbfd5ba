"""ShopfloorEnv against the contracts its users rely on: Gymnasium's and Stable-Baselines3's env checkers,
spaces, masks, illegal actions, registered ids and clear errors for bad input."""

from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env as gym_check_env
from stable_baselines3.common.env_checker import check_env as sb3_check_env

import shopfloor_gym
from shopfloor_gym import InvalidActionError, ServerError, ShopfloorEnv


@pytest.fixture(scope="module")
def ft06():
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    yield env
    env.close()


@pytest.mark.parametrize("env_id", ["shopfloor/JobShop-ft06-v0", "shopfloor/DemoFactory-v0"])
def test_gymnasium_check_env_passes_with_the_penalty_for_unmasked_actions(env_id):
    env = gym.make(env_id, illegal_action="penalty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning of the checker is a failure here
            gym_check_env(env.unwrapped, skip_render_check=True)
    finally:
        env.close()


@pytest.mark.parametrize("env_id", ["shopfloor/JobShop-ft06-v0", "shopfloor/DemoFactory-v0"])
def test_stable_baselines3_check_env_passes_with_the_penalty_for_unmasked_actions(env_id):
    env = gym.make(env_id, illegal_action="penalty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            sb3_check_env(env.unwrapped, warn=True)
    finally:
        env.close()


def test_spaces_come_from_the_server_description(ft06):
    assert isinstance(ft06.observation_space, gym.spaces.Box)
    assert ft06.observation_space.dtype == np.float32
    assert ft06.observation_space.shape == (ft06.description["observationSize"],)
    assert ft06.action_space == gym.spaces.Discrete(6)  # slots: product, one per job
    assert len(ft06.observation_feature_names) == ft06.observation_space.shape[0]


def test_the_mask_is_a_bool_array_equal_in_info_and_action_masks_and_every_masked_action_is_accepted(ft06):
    obs, info = ft06.reset(seed=7)
    assert obs in ft06.observation_space
    steps = 0
    while True:
        mask = ft06.action_masks()
        assert mask.dtype == np.bool_ and mask.shape == (6,)
        assert np.array_equal(mask, info["action_mask"]) and mask.any()
        obs, reward, terminated, truncated, info = ft06.step(int(np.flatnonzero(mask)[-1]))
        assert obs in ft06.observation_space and isinstance(reward, float)
        steps += 1
        if terminated or truncated:
            break
    assert terminated and not truncated and info["finished"] == 6
    assert not info["action_mask"].any()
    assert info["makespan_s"] >= 55 * 60  # ft06's optimum, 55 min


def test_the_makespan_reward_sums_to_minus_the_makespan(ft06):
    _, info = ft06.reset(seed=1)
    total = 0.0
    while True:
        _, r, te, tr, info = ft06.step(int(np.flatnonzero(info["action_mask"])[0]))
        total += r
        if te or tr:
            break
    assert total == pytest.approx(-info["makespan_s"])


def test_an_illegal_action_raises_and_changes_nothing_by_default(ft06):
    obs, info = ft06.reset(seed=3)
    illegal = int(np.flatnonzero(~info["action_mask"])[0])
    with pytest.raises(InvalidActionError, match="legal"):
        ft06.step(illegal)
    legal = int(np.flatnonzero(info["action_mask"])[0])
    after, *_ = ft06.step(legal)
    fresh = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    try:
        fresh.reset(seed=3)
        expected, *_ = fresh.step(legal)
    finally:
        fresh.close()
    assert np.array_equal(after, expected)


def test_with_the_penalty_an_illegal_action_returns_minus_penalty_and_the_same_observation():
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product", illegal_action="penalty", penalty=2.5)
    try:
        obs, info = env.reset(seed=3)
        illegal = int(np.flatnonzero(~info["action_mask"])[0])
        obs2, reward, te, tr, info2 = env.step(illegal)
        assert reward == -2.5 and not te and not tr
        assert np.array_equal(obs, obs2) and np.array_equal(info["action_mask"], info2["action_mask"])
        assert "illegal" in info2["illegal_action"] or str(illegal) in info2["illegal_action"]
        for bad in (99, -1, 1.5, "x"):
            assert env.step(bad)[1] == -2.5
    finally:
        env.close()


def test_registered_ids_cover_every_bundled_job_shop_instance_by_name():
    ids = set(gym.registry)
    for name in ("ft06", "ft10", "ft20", "la01", "la40", "ta01", "ta80", "abz5", "orb10"):
        assert f"shopfloor/JobShop-{name}-v0" in ids
    assert "shopfloor/DemoFactory-v0" in ids
    assert len(shopfloor_gym.JOBSHOP_INSTANCES) == 138
    env = gym.make("shopfloor/JobShop-ta01-v0")
    try:
        assert env.action_space == gym.spaces.Discrete(15)  # ta01: 15 jobs × 15 machines
        _, info = env.reset(seed=0)
        assert info["action_mask"].any()
    finally:
        env.close()


def test_a_scenario_file_path_works_like_its_text(repo):
    env = ShopfloorEnv(repo / "scenarios" / "jobshop-ft06.yaml", slots="product")
    try:
        assert env.action_space == gym.spaces.Discrete(6)
    finally:
        env.close()


def test_an_invalid_scenario_is_a_server_error_naming_the_path_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nstations:\n  - id: a\n    servers: -1\n")
    with pytest.raises(ServerError) as raised:
        ShopfloorEnv(bad)
    assert raised.value.code == "SCENARIO"
    assert "line" in raised.value.message and "bad.yaml" in raised.value.message


def test_unknown_options_and_instances_are_clear_errors():
    with pytest.raises(TypeError, match="unknown env option 'slot'"):
        ShopfloorEnv({"jobshop": "ft06"}, slot="product")
    with pytest.raises(ServerError, match="unknown instance"):
        ShopfloorEnv({"jobshop": "ft07"})
    with pytest.raises(FileNotFoundError, match="does not exist"):
        ShopfloorEnv("no/such/file.yaml")


def test_info_values_keep_one_type_each_from_reset_to_the_end_so_vector_wrappers_can_stack_them(ft06):
    _, info = ft06.reset(seed=2)
    types = {k: type(v) for k, v in info.items()}
    assert info["makespan_s"] == -1.0 and info["deadlock"] == "" and info["illegal_action"] == ""
    while True:
        _, _, te, tr, info = ft06.step(int(np.flatnonzero(info["action_mask"])[0]))
        assert {k: type(v) for k, v in info.items()} == types
        if te or tr:
            break
    assert info["makespan_s"] > 0 and info["decision_kind"] == ""
