"""Gymnasium ids for the bundled scenarios: ``shopfloor/JobShop-<instance>-v0`` and ``shopfloor/DemoFactory-v0``.

``gymnasium.make("shopfloor/JobShop-ft10-v0")`` is ``ShopfloorEnv({"jobshop": "ft10"}, slots="product")``:
one action per job (slot i is job i whatever the queue order). Keyword arguments of ``gymnasium.make``
are env options (``illegal_action="penalty"`` …). The instance names are those of the repository's
``data/jobshop`` folder (Fisher & Thompson, Lawrence, Adams–Balas–Zawack, Applegate–Cook, Taillard).
"""

from __future__ import annotations

import gymnasium as gym

#: Names of the bundled job-shop instances (abz5–9, ft06/10/20, la01–40, orb01–10, ta01–80).
JOBSHOP_INSTANCES: tuple[str, ...] = (
    *(f"abz{i}" for i in range(5, 10)),
    "ft06",
    "ft10",
    "ft20",
    *(f"la{i:02d}" for i in range(1, 41)),
    *(f"orb{i:02d}" for i in range(1, 11)),
    *(f"ta{i:02d}" for i in range(1, 81)),
)

_ENTRY = "shopfloor_gym.env:ShopfloorEnv"


def register_envs() -> None:
    """Registers every id (again, harmlessly, when already registered)."""
    for name in JOBSHOP_INSTANCES:
        env_id = f"shopfloor/JobShop-{name}-v0"
        if env_id not in gym.registry:
            gym.register(
                id=env_id,
                entry_point=_ENTRY,
                kwargs={"scenario": {"jobshop": name}, "slots": "product"},
            )
    if "shopfloor/DemoFactory-v0" not in gym.registry:
        gym.register(
            id="shopfloor/DemoFactory-v0",
            entry_point=_ENTRY,
            kwargs={"scenario": {"example": "demo-factory"}},
        )
