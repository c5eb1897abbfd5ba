"""The frames of src/rl/server/PROTOCOL.md, in Python, without a worker."""

from __future__ import annotations

import numpy as np
import pytest

from shopfloor_gym.errors import ProtocolError, WorkerError
from shopfloor_gym.protocol import decode_frame, encode_frame


def test_a_frame_round_trips_header_and_arrays_with_every_body_on_an_8_byte_boundary():
    arrays = {
        "a": np.arange(3, dtype=np.float32),
        "b": np.array([[1, 2], [3, 4]], dtype=np.int32),
        "m": np.array([1, 0, 1], dtype=np.uint8),
        "r": np.array([-0.5], dtype=np.float64),
    }
    frame = encode_frame({"op": "x", "id": "e"}, arrays)
    n = int.from_bytes(frame[:4], "little")
    assert n == len(frame) - 4 and n % 8 == 0
    h = int.from_bytes(frame[4:8], "little")
    assert (4 + h) % 8 == 0
    header, out = decode_frame(bytearray(frame[4:]))
    assert header == {"op": "x", "id": "e"}
    for name, a in arrays.items():
        assert out[name].dtype == a.dtype and np.array_equal(out[name], a)


def test_decoded_arrays_are_views_into_the_frame_not_copies():
    body = bytearray(encode_frame({}, {"x": np.arange(4, dtype=np.float32)})[4:])
    _, out = decode_frame(body)
    body[-16:-12] = np.float32(9).tobytes()
    assert out["x"][0] == 9


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"\x01\x00", "too short"),
        (b"\xff\x00\x00\x00{}", "exceeds"),
        (b"\x04\x00\x00\x00nope", "not UTF-8 JSON"),
        (b"\x04\x00\x00\x00[1] ", "must be a JSON object"),
        (b'\x1c\x00\x00\x00{"arrays":[{"name":"x"}]}   ', "is not {name, dtype, shape}"),
    ],
)
def test_bytes_that_are_not_a_frame_raise_a_protocol_error_that_says_why(body, says):
    with pytest.raises(ProtocolError, match=says):
        decode_frame(body)


def test_an_array_running_past_the_frame_is_a_protocol_error():
    frame = bytearray(encode_frame({}, {"x": np.arange(4, dtype=np.float64)})[4:])
    with pytest.raises(ProtocolError, match="runs past"):
        decode_frame(frame[:-8])


def test_the_worker_gets_a_32_mib_young_generation_unless_node_options_set_one():
    from shopfloor_gym.worker import worker_environment

    assert worker_environment({})["NODE_OPTIONS"] == "--max-semi-space-size=32"
    assert worker_environment({"NODE_OPTIONS": "--trace-warnings"})["NODE_OPTIONS"] == (
        "--trace-warnings --max-semi-space-size=32"
    )
    assert worker_environment({"NODE_OPTIONS": "--max-semi-space-size=8"})["NODE_OPTIONS"] == "--max-semi-space-size=8"


def test_the_workers_poll_comes_from_shopfloor_worker_poll_us_and_a_bad_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from shopfloor_gym.worker import Worker, worker_poll_flags

    assert worker_poll_flags({}) == []
    assert worker_poll_flags({"SHOPFLOOR_WORKER_POLL_US": "0"}) == ["--poll-us", "0"]
    for bad in ("-5", "1e3", "fast"):
        with pytest.raises(ValueError, match="SHOPFLOOR_WORKER_POLL_US"):
            worker_poll_flags({"SHOPFLOOR_WORKER_POLL_US": bad})
    # A worker started with the flag answers as usual; one the server refuses says why.
    monkeypatch.setenv("SHOPFLOOR_WORKER_POLL_US", "0")
    worker = Worker()
    try:
        assert worker.command[-2:] == ["--poll-us", "0"]
        assert worker.request({"op": "ping"})[0]["ok"] is True
    finally:
        worker.close()
    monkeypatch.setenv("SHOPFLOOR_WORKER_POLL_US", "99999")
    worker = Worker()
    try:
        with pytest.raises(WorkerError, match="--poll-us must be an integer from 0 to 10000"):
            worker.request({"op": "ping"})
    finally:
        worker.close()
