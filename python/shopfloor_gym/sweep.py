"""Parameter sweeps from Python: ``shopfloor sweep`` (whole or one shard), ``shopfloor merge``, and the
shards of a sweep as Ray tasks.

- :func:`sweep` runs ``shopfloor sweep`` once (the whole sweep, or shard ``i`` of ``n``) and returns the
  path of the file it wrote (``sweep.json``, or ``shard-i-of-n.json``).
- :func:`merge_shards` runs ``shopfloor merge`` on shard files and returns the joined table.
- :func:`ray_sweep` runs the ``n`` shards of a sweep as Ray tasks, gathers their files, merges them and
  returns the table: the same bytes one machine's ``shopfloor sweep`` writes, because every replication's
  seed depends on its point and replication only, never on the shard or the node that runs it.

The CLI validates everything (paths into the scenario, levels, flags); its refusals (exit code 2) come
back as :class:`ShopfloorError` with its message. Ray is imported only inside :func:`ray_sweep`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._command import run_command
from .worker import find_cli


def _flags(
    sets: Sequence[str],
    *,
    design: str | None,
    samples: int | None,
    replications: int | None,
    seed: int | None,
    horizon: str | None,
    warmup: str | None,
    kpis: Sequence[str],
    objective: str | None,
    args: Sequence[str],
    policies: Sequence[str] = (),
) -> list[str]:
    """The ``shopfloor sweep`` flags after the scenario, shared by every shard (checked types only)."""
    if isinstance(sets, str) or not sets or not all(isinstance(s, str) and s for s in sets):
        raise ValueError(f"sweep: sets must be a non-empty list of 'path=levels' strings (got {sets!r})")
    if isinstance(kpis, str):
        raise ValueError(f"sweep: kpis must be a list of figure keys, not one string (got {kpis!r})")
    if isinstance(policies, str) or not all(isinstance(p, str) and p for p in policies):
        raise ValueError(f"sweep: policies must be a list of 'kind=rule' or 'kind=file.onnx' strings (got {policies!r})")
    flags: list[str] = []
    for s in sets:
        flags += ["--set", s]
    for name, value in (("design", design), ("horizon", horizon), ("warmup", warmup), ("objective", objective)):
        if value is not None:
            flags += [f"--{name}", str(value)]
    for name, number in (("samples", samples), ("replications", replications), ("seed", seed)):
        if number is not None:
            if isinstance(number, bool) or not isinstance(number, int):
                raise ValueError(f"sweep: {name} must be an integer (got {number!r})")
            flags += [f"--{name}", str(number)]
    for kpi in kpis:
        flags += ["--kpi", kpi]
    for policy in policies:
        flags += ["--policy", policy]
    return flags + list(args)


def _shard_flag(shard: tuple[int, int] | None) -> list[str]:
    if shard is None:
        return []
    if not (isinstance(shard, tuple) and len(shard) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in shard)):
        raise ValueError(f"sweep: shard must be a tuple (i, n) of integers (got {shard!r})")
    i, n = shard
    if not 1 <= i <= n:
        raise ValueError(f"sweep: shard (i, n) needs 1 <= i <= n (got {shard!r})")
    return ["--shard", f"{i}/{n}"]


def sweep(
    scenario: str | os.PathLike[str],
    sets: Sequence[str],
    *,
    out: str | os.PathLike[str],
    shard: tuple[int, int] | None = None,
    design: str | None = None,
    samples: int | None = None,
    replications: int | None = None,
    seed: int | None = None,
    horizon: str | None = None,
    warmup: str | None = None,
    kpis: Sequence[str] = (),
    objective: str | None = None,
    policies: Sequence[str] = (),
    workers: int | None = None,
    resume: bool = False,
    args: Sequence[str] = (),
    cli: str | Sequence[str] | None = None,
    timeout_s: float = 24 * 3600.0,
) -> Path:
    """``shopfloor sweep SCENARIO --set S… --out OUT --quiet [--shard i/n] …``: the path of the file written.

    ``sets`` are the factors (``"buffers.b1.capacity=1..8"``); ``horizon`` and ``warmup`` are durations as
    in the scenario (``"8h"``); ``kpis`` figure keys (``"kpis.throughputPerHour"``); ``objective``
    ``"FIGURE:max|min"``; ``policies`` who takes a kind of decision at every point (``"dispatch=spt"``,
    ``"dispatch=model.onnx"``, as ``--policy``); ``workers`` threads (default all cores); ``args`` further CLI flags. Returns
    ``OUT/sweep.json``, or ``OUT/shard-i-of-n.json`` with ``shard=(i, n)``. ``resume=True`` continues the
    journal in ``OUT`` after an interruption. Raises :class:`ShopfloorError` when the CLI refuses or fails
    (or takes longer than ``timeout_s`` seconds), ``ValueError`` for arguments of the wrong shape.
    """
    command = [*find_cli(cli), "sweep", os.fspath(scenario), "--out", os.fspath(out), "--quiet"]
    command += _flags(
        sets, design=design, samples=samples, replications=replications, seed=seed, horizon=horizon,
        warmup=warmup, kpis=kpis, objective=objective, args=args, policies=policies,
    )  # fmt: skip
    command += _shard_flag(shard)
    if workers is not None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ValueError(f"sweep: workers must be an integer >= 1 (got {workers!r})")
        command += ["--workers", str(workers)]
    if resume:
        command.append("--resume")
    run_command(command, "sweep", timeout_s)
    name = "sweep.json" if shard is None else f"shard-{shard[0]}-of-{shard[1]}.json"
    return Path(out, name)


def merge_shards(
    files: Sequence[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str],
    cli: str | Sequence[str] | None = None,
    timeout_s: float = 3600.0,
) -> dict[str, Any]:
    """``shopfloor merge FILES --out OUT``: writes ``OUT/sweep.json`` and ``OUT/sweep.csv`` and returns the
    parsed ``sweep.json`` (``manifest``, ``kpis``, ``rows``, ``best``). The CLI checks that every shard
    1…n is there once and that all come from the same sweep (:class:`ShopfloorError` otherwise)."""
    if isinstance(files, (str, os.PathLike)) or not files:
        raise ValueError(f"merge_shards: files must be a non-empty list of shard files (got {files!r})")
    run_command([*find_cli(cli), "merge", *(os.fspath(f) for f in files), "--out", os.fspath(out)], "merge_shards", timeout_s)
    return json.loads(Path(out, "sweep.json").read_text())  # type: ignore[no-any-return]


#: The options of :func:`sweep` that :func:`ray_sweep` passes on to every shard.
_SWEEP_OPTIONS = frozenset(
    {"design", "samples", "replications", "seed", "horizon", "warmup", "kpis", "objective", "policies", "args", "cli", "timeout_s"}
)


def _run_shard(scenario: str, sets: Sequence[str], shard: tuple[int, int], options: dict[str, Any]) -> tuple[str, str]:
    """One Ray task: the shard in a folder of its own on the node that runs it; returns (file name, text)."""
    folder = tempfile.mkdtemp(prefix="shopfloor-shard-")
    try:
        path = sweep(scenario, sets, out=folder, shard=shard, **options)
        return path.name, path.read_text()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ray_sweep(
    scenario: str | os.PathLike[str],
    sets: Sequence[str],
    *,
    shards: int,
    out: str | os.PathLike[str],
    workers_per_shard: int = 1,
    **options: Any,
) -> dict[str, Any]:
    """Runs the sweep as ``shards`` Ray tasks (shard i of n each, ``workers_per_shard`` threads and as many
    CPUs reserved per task), writes their files into ``out``, merges them there and returns the table
    (see :func:`merge_shards`); ``out/sweep.json`` is byte for byte what ``sweep(scenario, sets, …)``
    writes on one machine. ``options`` are :func:`sweep`'s (``replications``, ``horizon``, ``kpis``…).

    The scenario must be readable at the same absolute path on every node; the shard files travel back
    as task results, so the nodes need no shared disk. Uses the Ray instance already initialised, or
    starts a local one. A failed shard raises its :class:`ShopfloorError` (as ``ray.exceptions.RayTaskError``).
    """
    if isinstance(shards, bool) or not isinstance(shards, int) or shards < 1:
        raise ValueError(f"ray_sweep: shards must be an integer >= 1 (got {shards!r})")
    if isinstance(workers_per_shard, bool) or not isinstance(workers_per_shard, int) or workers_per_shard < 1:
        raise ValueError(f"ray_sweep: workers_per_shard must be an integer >= 1 (got {workers_per_shard!r})")
    for name in ("out", "shard", "workers", "resume"):
        if name in options:
            raise ValueError(f"ray_sweep: {name!r} is set by ray_sweep itself")
    unknown = sorted(set(options) - _SWEEP_OPTIONS)
    if unknown:
        raise ValueError(f"ray_sweep: unknown option(s) {', '.join(unknown)} (sweep() takes {', '.join(sorted(_SWEEP_OPTIONS))})")
    # Argument shapes are checked here, once; the CLI checks the rest (paths, levels) in each task, at its start.
    _flags(sets, **{k: options.get(k) for k in ("design", "samples", "replications", "seed", "horizon", "warmup", "objective")},
           kpis=options.get("kpis", ()), args=options.get("args", ()), policies=options.get("policies", ()))  # fmt: skip
    import ray

    if not ray.is_initialized():
        ray.init()
    path = os.path.abspath(os.fspath(scenario))
    task = ray.remote(num_cpus=workers_per_shard)(_run_shard)
    per_shard = {**options, "workers": workers_per_shard}
    results = ray.get([task.remote(path, list(sets), (i, shards), per_shard) for i in range(1, shards + 1)])
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, text in results:
        (folder / name).write_text(text)
        files.append(folder / name)
    return merge_shards(files, out=folder, cli=options.get("cli"))
