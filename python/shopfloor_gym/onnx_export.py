"""``export_onnx``: a trained PPO / MaskablePPO actor as an ONNX file the simulator runs itself.

The file holds the actor only (features extractor, policy MLP, action head): it maps a float32
observation ``[batch, size]`` to one logit per action slot ``[batch, max_candidates]``. The action is the
masked argmax of the logits: the highest logit among the slots the action mask allows, the lowest such
slot on a tie — what ``MaskablePPO.predict(obs, action_masks=mask, deterministic=True)`` returns. The mask
is applied by whoever runs the model (``shopfloor run FILE --policy dispatch=policy.onnx`` does), so the
graph has no mask input.

The model's ``metadata_props`` carry, under the key ``shopfloor.policy``, a JSON object describing what
the policy was trained on, so that a run can refuse a scenario that gives other observations::

    {"format": 1, "input": "observation", "output": "logits", "action": "masked-argmax",
     "observation": {"size", "layoutVersion", "featureNames", "agent", "slots", "maxCandidates", "scales"},
     "scenario": {"fingerprint", "name"}, "producer": {...}}

The observation spec comes from the environment the model was trained on (``model.get_env()``, or the
``env`` argument): a :class:`shopfloor_gym.ShopfloorEnv` or :class:`shopfloor_gym.VectorEnv`, possibly
inside SB3's ``DummyVecEnv`` / ``SubprocVecEnv`` and Gymnasium wrappers.

Needs the ``[onnx]`` and ``[sb3]`` extras (onnx, torch, stable-baselines3; sb3-contrib for MaskablePPO).
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

#: Key of the JSON description in the ONNX model's ``metadata_props``.
METADATA_KEY = "shopfloor.policy"
#: Version of that JSON object.
METADATA_FORMAT = 1
#: ONNX operator set of the exported graph (onnxruntime-web 1.2x runs it).
DEFAULT_OPSET = 17

_SPEC_KEYS = ("observationFeatureNames", "agent", "slots", "maxCandidates", "scales", "layoutVersion")


def export_onnx(
    model: Any,
    path: str | os.PathLike[str],
    *,
    env: Any = None,
    opset: int = DEFAULT_OPSET,
    verify: bool = True,
) -> dict[str, Any]:
    """Writes the greedy actor of ``model`` to ``path`` as ONNX, with its observation spec in the metadata.

    Args:
        model: a trained ``stable_baselines3.PPO`` or ``sb3_contrib.MaskablePPO`` (any on-policy algorithm
            with an ``ActorCriticPolicy`` over a flat ``Box`` observation and a ``Discrete`` action).
        path: the ``.onnx`` file to write (its folder must exist).
        env: the shopfloor environment the model was trained on, when ``model.get_env()`` is not it
            (e.g. a model loaded from disk without an env).
        opset: ONNX operator set.
        verify: run the written file with onnxruntime on a few observations and check that its logits
            match the PyTorch actor's (float tolerance) and its masked argmax is the same action.

    Returns:
        The metadata object written under ``shopfloor.policy``.

    Raises:
        TypeError: for a model that is not an actor-critic policy over a flat Box / Discrete space
            (DQN, SAC, a recurrent policy, a Dict observation …), naming what it got.
        ValueError: when the environment's description cannot be found, does not match the model's
            spaces, or the environment normalises observations outside the policy (VecNormalize).
    """
    import onnx
    import torch

    policy = _actor_critic_policy(model)
    description = _description(model, env)
    size = len(description["observationFeatureNames"])
    slots = int(description["maxCandidates"])
    _check_spaces(policy, size, slots)
    metadata = {
        "format": METADATA_FORMAT,
        "input": "observation",
        "output": "logits",
        "action": "masked-argmax",
        "observation": {
            "size": size,
            "layoutVersion": int(description["layoutVersion"]),
            "featureNames": list(description["observationFeatureNames"]),
            "agent": list(description["agent"]),
            "slots": description["slots"],
            "maxCandidates": slots,
            "scales": {k: float(v) for k, v in description["scales"].items()},
        },
        "scenario": {
            "fingerprint": description.get("scenarioFingerprint"),
            "name": description.get("scenarioName"),
        },
        "producer": _producer(model),
    }

    actor = _Actor(policy).eval()
    example = torch.zeros((1, size), dtype=torch.float32)
    # The exporter writes to a path (its typed, documented target); the metadata is added to a copy that
    # is written to the user's path, so a failed export leaves no half-written file there.
    with tempfile.TemporaryDirectory(prefix="shopfloor-onnx-") as folder:
        raw = os.path.join(folder, "actor.onnx")
        with torch.no_grad(), warnings.catch_warnings():
            # The TorchScript-based exporter: it needs nothing beyond torch (the newer exporter needs
            # onnxscript) and writes an MLP exactly. Its deprecation notice says nothing the user can act on.
            warnings.filterwarnings("ignore", category=DeprecationWarning)
            torch.onnx.export(
                actor,
                (example,),
                raw,
                dynamo=False,
                input_names=["observation"],
                output_names=["logits"],
                dynamic_axes={"observation": {0: "batch"}, "logits": {0: "batch"}},
                opset_version=opset,
            )
        proto = onnx.load(raw)
    onnx.helper.set_model_props(proto, {METADATA_KEY: json.dumps(metadata)})
    proto.producer_name = "shopfloor_gym.export_onnx"
    onnx.checker.check_model(proto)
    onnx.save(proto, os.fspath(path))
    if verify:
        _verify(path, actor, size, slots)
    return metadata


def masked_argmax(logits: np.ndarray, mask: np.ndarray) -> int:
    """The slot with the highest logit among those ``mask`` allows (the lowest on a tie)."""
    allowed = np.asarray(mask).astype(bool)
    if not allowed.any():
        raise ValueError("masked_argmax: the mask allows no action")
    values = np.where(allowed, np.asarray(logits, dtype=np.float64), -np.inf)
    return int(np.argmax(values))


def read_metadata(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The ``shopfloor.policy`` metadata of an exported model (raises ``KeyError`` when it has none)."""
    import onnx

    proto = onnx.load(os.fspath(path), load_external_data=False)
    for prop in proto.metadata_props:
        if prop.key == METADATA_KEY:
            return json.loads(prop.value)  # type: ignore[no-any-return]
    raise KeyError(f"{os.fspath(path)}: no {METADATA_KEY!r} in the model's metadata_props")


def _actor_critic_policy(model: Any) -> Any:
    try:
        from stable_baselines3.common.policies import ActorCriticPolicy
    except ImportError as error:  # pragma: no cover - the [sb3] extra is missing
        raise ImportError("export_onnx needs stable-baselines3: pip install 'shopfloor-gym[sb3,onnx]'") from error
    supported: tuple[type[Any], ...] = (ActorCriticPolicy,)
    try:
        from sb3_contrib.common.maskable.policies import MaskableActorCriticPolicy

        supported += (MaskableActorCriticPolicy,)
    except ImportError:
        pass
    policy = getattr(model, "policy", None)
    name = type(model).__name__
    if not isinstance(policy, supported):
        raise TypeError(
            f"export_onnx: {name} is not supported: it needs an actor-critic policy (PPO, MaskablePPO, A2C), "
            f"got policy {type(policy).__name__}"
        )
    if hasattr(policy, "lstm_actor"):
        raise TypeError(f"export_onnx: {name} has a recurrent policy; only feed-forward policies are supported")
    import gymnasium as gym

    if not isinstance(policy.action_space, gym.spaces.Discrete):
        raise TypeError(
            f"export_onnx: {name}'s action space is {policy.action_space}; a shopfloor policy picks one slot "
            "(Discrete)"
        )
    obs = policy.observation_space
    if not (isinstance(obs, gym.spaces.Box) and len(obs.shape) == 1):
        raise TypeError(f"export_onnx: {name}'s observation space is {obs}; expected a flat Box (the env's)")
    return policy


def _check_spaces(policy: Any, size: int, slots: int) -> None:
    if policy.observation_space.shape != (size,):
        raise ValueError(
            f"export_onnx: the model takes observations of shape {policy.observation_space.shape}, "
            f"the environment gives {size} features: is it the environment the model was trained on?"
        )
    if int(policy.action_space.n) != slots:
        raise ValueError(
            f"export_onnx: the model has {policy.action_space.n} actions, the environment {slots} slots"
        )


def _description(model: Any, env: Any) -> Mapping[str, Any]:
    """The env server's description of the training environment (``ShopfloorEnv.description``)."""
    target = env if env is not None else model.get_env()
    if target is None:
        raise ValueError(
            "export_onnx: the model has no environment (loaded from disk?): pass env=, a ShopfloorEnv made with "
            "the scenario and options it was trained on"
        )
    try:
        from stable_baselines3.common.vec_env import unwrap_vec_normalize

        if unwrap_vec_normalize(target) is not None:
            raise ValueError(
                "export_onnx: the environment is wrapped in VecNormalize, whose observation scaling is not part of "
                "the policy; the exported model would see other numbers in the simulator"
            )
    except ImportError:  # pragma: no cover
        pass
    description = _find_description(target)
    if description is None:
        raise ValueError(
            f"export_onnx: cannot find a shopfloor environment in {type(target).__name__}; pass env=, a "
            "shopfloor_gym.ShopfloorEnv or VectorEnv made with the scenario and options used in training"
        )
    missing = [k for k in _SPEC_KEYS if k not in description]
    if missing:
        raise ValueError(
            f"export_onnx: the env server's description lacks {', '.join(missing)}: the shopfloor CLI the "
            "environment runs is older than this package (rebuild it: npm run build)"
        )
    return description


def _find_description(target: Any) -> Mapping[str, Any] | None:
    seen: set[int] = set()
    while target is not None and id(target) not in seen:
        seen.add(id(target))
        found = target.__dict__.get("description") if hasattr(target, "__dict__") else None
        if isinstance(found, Mapping):
            return found
        if hasattr(target, "get_attr") and hasattr(target, "num_envs") and not hasattr(target, "venv"):
            # An SB3 VecEnv (DummyVecEnv, SubprocVecEnv): ask its first sub-environment.
            try:
                value = target.get_attr("description", [0])[0]
            except Exception:  # noqa: BLE001 - any failure means "not there"
                value = None
            return value if isinstance(value, Mapping) else None
        target = getattr(target, "venv", None) or getattr(target, "env", None)
    return None


def _producer(model: Any) -> dict[str, Any]:
    import torch

    producer: dict[str, Any] = {"library": type(model).__module__.split(".")[0], "algorithm": type(model).__name__}
    try:
        import stable_baselines3

        producer["stableBaselines3"] = stable_baselines3.__version__
    except ImportError:  # pragma: no cover
        pass
    try:
        import sb3_contrib

        producer["sb3Contrib"] = sb3_contrib.__version__
    except ImportError:
        pass
    producer["torch"] = torch.__version__
    producer["exporter"] = "shopfloor_gym.export_onnx"
    return producer


def _Actor(policy: Any) -> Any:  # noqa: N802 - reads as the class it builds
    """Observation → logits of the policy's action distribution (before any mask), as a torch module.

    Defined here so that importing this package does not import torch.
    """
    import torch

    class Actor(torch.nn.Module):
        def __init__(self, policy: Any) -> None:
            super().__init__()
            self.policy = policy

        def forward(self, observation: torch.Tensor) -> torch.Tensor:
            p = self.policy
            features = p.extract_features(observation, p.pi_features_extractor)
            logits: torch.Tensor = p.action_net(p.mlp_extractor.forward_actor(features))
            return logits

    return Actor(policy)


def _verify(path: str | os.PathLike[str], actor: Any, size: int, slots: int) -> None:
    """Runs the file with onnxruntime and compares it with the PyTorch actor on random observations."""
    import onnxruntime
    import torch

    session = onnxruntime.InferenceSession(os.fspath(path), providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    observations = rng.uniform(0.0, 1.0, size=(16, size)).astype(np.float32)
    (onnx_logits,) = session.run(["logits"], {"observation": observations})
    with torch.no_grad():
        torch_logits = actor(torch.from_numpy(observations)).numpy()
    if not np.allclose(onnx_logits, torch_logits, rtol=1e-4, atol=1e-5):
        worst = float(np.max(np.abs(onnx_logits - torch_logits)))
        raise RuntimeError(f"export_onnx: the ONNX file's logits differ from the policy's (max |Δ| {worst:g})")
    masks = rng.uniform(size=(16, slots)) < 0.5
    masks[:, 0] |= ~masks.any(axis=1)
    for o, t, m in zip(onnx_logits, torch_logits, masks):
        if masked_argmax(o, m) != masked_argmax(t, m):
            raise RuntimeError("export_onnx: the ONNX file's masked argmax differs from the policy's")
