"""``shopfloor_gym.sweep``: a sweep and its shards from Python give the CLI's bytes; bad arguments are named.

Real ``shopfloor sweep`` and ``shopfloor merge`` processes (about 6 s on 2 cores). Ray's tasks are in
test_ray.py, which starts Ray once for all its tests.
"""

from __future__ import annotations

import json

import pytest

from shopfloor_gym.errors import ShopfloorError
from shopfloor_gym.sweep import merge_shards, ray_sweep, sweep

SETS = ["buffers.oven-in.capacity=1..3", "buffers.adjust-in.capacity=1,4"]
OPTIONS = {"replications": 2, "horizon": "1d", "warmup": "2h"}


def test_shards_run_from_python_merge_to_the_bytes_of_the_whole_sweep(repo, tmp_path):
    scenario = repo / "scenarios" / "demo-factory.yaml"
    whole = sweep(scenario, SETS, out=tmp_path / "whole", workers=1, **OPTIONS)
    assert whole == tmp_path / "whole" / "sweep.json"
    files = [sweep(scenario, SETS, out=tmp_path / f"s{i}", shard=(i, 2), workers=1, **OPTIONS) for i in (1, 2)]
    assert [f.name for f in files] == ["shard-1-of-2.json", "shard-2-of-2.json"]
    table = merge_shards(files, out=tmp_path / "merged")
    assert (tmp_path / "merged" / "sweep.json").read_bytes() == whole.read_bytes()
    assert (tmp_path / "merged" / "sweep.csv").read_bytes() == (tmp_path / "whole" / "sweep.csv").read_bytes()
    assert len(table["rows"]) == 6 and table["best"]["point"] in range(6)
    # The settings matter in this sweep: a table of identical rows would not show a wrong merge.
    assert len({row["kpis"]["kpis.throughputPerHour"]["mean"] for row in table["rows"]}) > 1


def test_policies_reach_every_point_a_model_taking_the_first_slot_gives_the_fifo_rows(repo, tmp_path):
    scenario = repo / "scenarios" / "machine-shop.yaml"
    sets = ["buffers.mill-queue.capacity=2,6"]
    options = {"replications": 2, "horizon": "1d", "warmup": "4h", "kpis": ["kpis.throughputPerHour", "kpis.wip"], "workers": 1}
    model = repo / "test" / "rl" / "fixtures" / "machine-shop-first.onnx"
    onnx = json.loads(sweep(scenario, sets, out=tmp_path / "onnx", policies=[f"dispatch={model}"], **options).read_text())
    fifo = json.loads(sweep(scenario, sets, out=tmp_path / "fifo", policies=["dispatch=fifo"], **options).read_text())
    own = json.loads(sweep(scenario, sets, out=tmp_path / "own", **options).read_text())
    assert onnx["rows"] == fifo["rows"]
    assert own["rows"] != fifo["rows"]  # the scenario's own rules (edd, spt) decide otherwise
    assert fifo["manifest"]["policies"] == [{"kind": "dispatch", "rule": "fifo"}]
    assert "policies" not in own["manifest"]


def test_a_refused_setting_comes_back_with_the_clis_message(repo, tmp_path):
    with pytest.raises(ShopfloorError, match=r"exited with code 2: .*buffers\.no-such-buffer"):
        sweep(repo / "scenarios" / "demo-factory.yaml", ["buffers.no-such-buffer.capacity=1..3"], out=tmp_path)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: sweep(p, "buffers.b.capacity=1..3", out="x"), "sets must be a non-empty list"),
        (lambda p: sweep(p, [], out="x"), "sets must be a non-empty list"),
        (lambda p: sweep(p, SETS, out="x", shard=(0, 3)), r"1 <= i <= n"),
        (lambda p: sweep(p, SETS, out="x", shard=(4, 3)), r"1 <= i <= n"),
        (lambda p: sweep(p, SETS, out="x", shard="1/3"), "shard must be a tuple"),
        (lambda p: sweep(p, SETS, out="x", replications=2.5), "replications must be an integer"),
        (lambda p: sweep(p, SETS, out="x", workers=0), "workers must be an integer >= 1"),
        (lambda p: sweep(p, SETS, out="x", kpis="kpis.wip"), "kpis must be a list"),
        (lambda p: sweep(p, SETS, out="x", policies="dispatch=spt"), "policies must be a list"),
        (lambda p: ray_sweep(p, SETS, shards=2, out="x", policies=[""]), "policies must be a list"),
        (lambda p: merge_shards([], out="x"), "files must be a non-empty list"),
        (lambda p: ray_sweep(p, SETS, shards=0, out="x"), "shards must be an integer >= 1"),
        (lambda p: ray_sweep(p, SETS, shards=2, out="x", workers=2), "'workers' is set by ray_sweep"),
        (lambda p: ray_sweep(p, SETS, shards=2, out="x", replication=3), "unknown option"),
    ],
)
def test_arguments_of_the_wrong_shape_are_named_before_anything_runs(repo, tmp_path, call, message):
    with pytest.raises(ValueError, match=message):
        call(repo / "scenarios" / "demo-factory.yaml")
