"""Gymnasium environments backed by the shopfloor factory simulator.

``ShopfloorEnv`` (one environment) and ``VectorEnv`` (N environments in one Node worker) talk to
``shopfloor env-server`` over its standard input and output. Importing this package registers the
Gymnasium ids ``shopfloor/JobShop-<instance>-v0`` and ``shopfloor/DemoFactory-v0``.
"""

from __future__ import annotations

from .env import ShopfloorEnv
from .errors import InvalidActionError, ProtocolError, ServerError, ShopfloorError, WorkerError
from .onnx_export import export_onnx
from .registration import JOBSHOP_INSTANCES, register_envs
from .vector import VectorEnv

__all__ = [
    "JOBSHOP_INSTANCES",
    "InvalidActionError",
    "ProtocolError",
    "ServerError",
    "ShopfloorEnv",
    "ShopfloorError",
    "VectorEnv",
    "WorkerError",
    "export_onnx",
    "register_envs",
]

register_envs()
