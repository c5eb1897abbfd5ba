"""The ONNX round trip: a MaskablePPO policy trained briefly on ft06 through the client, exported with
``export_onnx``, then run by the simulator itself (onnxruntime-web inside Node, `shopfloor run --policy`)
takes the same actions on the same observations as the Python policy, and gives the same makespan.

About 20–40 s on 2 cores (512 training steps, one Node process per check).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch
from sb3_contrib import MaskablePPO

from shopfloor_gym import ShopfloorEnv, export_onnx
from shopfloor_gym.onnx_export import masked_argmax, read_metadata
from shopfloor_gym.ray_helpers import run_json
from shopfloor_gym.worker import find_cli

SEED = 1
FT06 = "scenarios/jobshop-ft06.yaml"

# Runs the policy inside the simulator from TypeScript and prints every decision it took, and the makespan.
NODE_DECISIONS = """
const [index, scenarioFile, policyFile] = process.argv.slice(1);
const sf = await import(index);
const loaded = sf.loadScenarioFile(scenarioFile);
const policies = await sf.loadPolicies([`dispatch=${policyFile}`]);
const decisions = [];
const result = await sf.runScenarioWithPolicies(loaded.scenario, policies, {
  seed: Number(process.env.SEED), replications: 1,
  onDecision: (d) => decisions.push({ observation: Array.from(d.observation), mask: Array.from(d.mask),
                                      logits: Array.from(d.logits), action: d.action }),
});
process.stdout.write(JSON.stringify({ decisions, makespanS: result.kpis.cycleTimeMaxS.mean }));
"""


def node() -> str:
    exe = shutil.which("node")
    assert exe is not None, "node (Node.js >= 20.19) must be on PATH"
    return exe


@pytest.fixture(scope="module")
def trained(tmp_path_factory, repo: Path):
    """A briefly trained MaskablePPO on ft06 (product slots), its export, and its greedy episode in Python."""
    torch.set_num_threads(1)
    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product", reward_scale=1 / 60)
    try:
        model = MaskablePPO(
            "MlpPolicy", env, seed=0, n_steps=256, batch_size=64, n_epochs=4, gamma=1.0, device="cpu"
        )
        model.learn(512)
        path = tmp_path_factory.mktemp("onnx") / "ft06.onnx"
        metadata = export_onnx(model, path)
        observations, masks, actions = [], [], []
        obs, info = env.reset(seed=SEED)
        while True:
            mask = env.action_masks()
            action = int(model.predict(obs, action_masks=mask, deterministic=True)[0])
            observations.append(np.array(obs, copy=True))
            masks.append(mask)
            actions.append(action)
            obs, _, terminated, truncated, info = env.step(action)
            if terminated or truncated:
                break
        assert terminated, "an ft06 episode ends with every job finished"
        episode = {
            "observations": np.stack(observations),
            "masks": np.stack(masks),
            "actions": actions,
            "makespan_s": info["makespan_s"],
        }
        yield model, path, metadata, episode
    finally:
        env.close()


def test_the_export_records_the_observation_spec_and_masked_argmax(trained):
    model, path, metadata, _ = trained
    assert read_metadata(path) == metadata
    o = metadata["observation"]
    assert metadata["action"] == "masked-argmax" and metadata["input"] == "observation"
    assert o["size"] == model.observation_space.shape[0] == len(o["featureNames"])
    assert o["maxCandidates"] == model.action_space.n == 6  # one slot per ft06 job
    assert o["slots"] == "product" and o["agent"] == ["dispatch"] and o["layoutVersion"] >= 1
    assert "slot5.dispatch.processTime" in o["featureNames"]
    assert metadata["scenario"]["name"] == "job shop ft06" and len(metadata["scenario"]["fingerprint"]) == 64
    assert metadata["producer"]["algorithm"] == "MaskablePPO"


def test_the_simulator_takes_the_python_policys_actions_on_the_same_observations(trained, repo: Path):
    model, path, _, episode = trained
    index = (repo / "dist" / "src" / "index.js").as_uri()
    done = subprocess.run(
        [node(), "--input-type=module", "-e", NODE_DECISIONS, index, FT06, str(path)],
        cwd=repo, capture_output=True, text=True, timeout=120, env={**os.environ, "SEED": str(SEED)},
    )
    assert done.returncode == 0, done.stderr
    ts = json.loads(done.stdout)
    decisions = ts["decisions"]
    ts_obs = np.array([d["observation"] for d in decisions], dtype=np.float32)
    ts_logits = np.array([d["logits"] for d in decisions], dtype=np.float32)
    # The same episode: the same observations, bit for bit (one observation builder), and masks.
    assert ts_obs.shape == episode["observations"].shape
    np.testing.assert_array_equal(ts_obs, episode["observations"])
    np.testing.assert_array_equal(np.array([d["mask"] for d in decisions]).astype(bool), episode["masks"])
    # onnxruntime-web's logits are the PyTorch actor's within float tolerance, and the actions are equal.
    with torch.no_grad():
        obs_tensor = torch.from_numpy(episode["observations"])
        features = model.policy.extract_features(obs_tensor, model.policy.pi_features_extractor)
        torch_logits = model.policy.action_net(model.policy.mlp_extractor.forward_actor(features)).numpy()
    np.testing.assert_allclose(ts_logits, torch_logits, rtol=1e-4, atol=1e-5)
    assert [d["action"] for d in decisions] == episode["actions"]
    assert [masked_argmax(t, m) for t, m in zip(torch_logits, episode["masks"])] == episode["actions"]
    print(f"ft06: {len(decisions)} decisions, same actions; makespan {ts['makespanS'] / 60:.0f} min in both")
    assert ts["makespanS"] == episode["makespan_s"]


def test_shopfloor_run_with_the_onnx_policy_gives_the_python_makespan(trained, repo: Path):
    _, path, _, episode = trained
    report = run_json(repo / FT06, seed=SEED, replications=1, args=["--policy", f"dispatch={path}"])
    assert report["manifest"]["policies"] == [f"dispatch={path}"]
    assert report["kpis"]["cycleTimeMaxS"]["mean"] == episode["makespan_s"]


def test_a_scenario_with_other_observations_is_refused_with_exit_code_2(trained, repo: Path):
    _, path, _, _ = trained
    done = subprocess.run(
        [*find_cli(), "run", "scenarios/flexible-jobshop.yaml", "--policy", f"dispatch={path}"],
        cwd=repo, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "does not fit this scenario" in done.stderr and "features only in the model" in done.stderr


def test_unsupported_models_and_missing_environments_are_clear_errors(trained, tmp_path: Path):
    model, _, _, _ = trained
    from stable_baselines3 import DQN, PPO
    from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize

    env = ShopfloorEnv({"jobshop": "ft06"}, slots="product")
    try:
        with pytest.raises(TypeError, match="DQN is not supported"):
            export_onnx(DQN("MlpPolicy", env, device="cpu"), tmp_path / "dqn.onnx")
        with pytest.raises(ValueError, match="VecNormalize"):
            export_onnx(PPO("MlpPolicy", VecNormalize(DummyVecEnv([lambda: env])), device="cpu"), tmp_path / "n.onnx")
        saved = tmp_path / "model.zip"
        model.save(saved)
        loaded = MaskablePPO.load(saved, device="cpu")
        with pytest.raises(ValueError, match="has no environment"):
            export_onnx(loaded, tmp_path / "loaded.onnx")
        # Given the environment it was trained on, a loaded model exports; PPO (no masks) too.
        assert export_onnx(loaded, tmp_path / "loaded.onnx", env=env)["observation"]["maxCandidates"] == 6
        assert export_onnx(PPO("MlpPolicy", env, device="cpu"), tmp_path / "ppo.onnx")["producer"]["algorithm"] == "PPO"
    finally:
        env.close()


def test_the_environment_description_is_found_through_wrappers_and_vector_envs():
    from shopfloor_gym.onnx_export import _find_description

    description = {"observationFeatureNames": ["time"], "maxCandidates": 1}

    class Env:  # a ShopfloorEnv stand-in: the server's description as an attribute
        def __init__(self):
            self.description = description

    class Wrapper:  # a Gymnasium wrapper: .env
        def __init__(self, env):
            self.env = env

    class SubprocLike:  # an SB3 VecEnv whose sub-environments live elsewhere: only get_attr reaches them
        num_envs = 2

        def get_attr(self, name, indices=None):
            assert name == "description" and indices == [0]
            return [description]

    class VecWrapper:  # an SB3 VecEnvWrapper (VecMonitor…): .venv
        def __init__(self, venv):
            self.venv = venv

    assert _find_description(Wrapper(Wrapper(Env()))) is description
    assert _find_description(VecWrapper(SubprocLike())) is description
    assert _find_description(Wrapper(object())) is None
