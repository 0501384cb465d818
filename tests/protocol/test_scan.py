"""Object bombs (issue 9, item 1): a frame's cost is bounded before anything is decoded.

The bounds are checked by counting (objects, estimated and traced memory), never by timing.
"""

from __future__ import annotations

import tracemalloc
from typing import Any

import msgpack
import pytest

from reactive.errors import RemoteProtocolError
from reactive.protocol import codec
from reactive.protocol.limits import DEFAULT_LIMITS, MiB
from reactive.protocol.scan import measure


def pack(value: Any) -> bytes:
    packed: bytes = msgpack.packb(value, use_bin_type=True)
    return packed


def count(value: Any) -> int:
    if isinstance(value, list):
        return 1 + sum(count(v) for v in value)
    if isinstance(value, dict):
        return 1 + sum(count(k) + count(v) for k, v in value.items())
    return 1


VALUES: list[Any] = [
    None,
    True,
    0,
    127,
    -1,
    -33,
    255,
    65_535,
    2**32,
    -(2**63),
    1.5,
    "",
    "a" * 31,
    "é" * 40,
    "x" * 300,
    "y" * 70_000,
    b"",
    b"z" * 300,
    b"w" * 70_000,
    [],
    list(range(20)),
    list(range(70_000 // 10)),
    {"t": "input", "c": "df", "v": {"headers": ["a", "b"], "data": [[1, 2.5], ["x", None]]}},
    {str(i): [i, {"k": [None] * 3}] for i in range(40)},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_the_count_is_exact_for_every_msgpack_type(value: Any) -> None:
    assert measure(pack(value), 10**9, 10**9).objects == count(value)


@pytest.mark.parametrize("value", VALUES[-3:], ids=range(3))
def test_truncated_frames_stop_the_walk_and_fail_in_the_decoder(value: Any) -> None:
    data = pack(value)
    for end in range(0, len(data), max(1, len(data) // 50)):
        measure(data[:end], 10**9, 10**9)  # no IndexError, no hang
        with pytest.raises(RemoteProtocolError):
            codec.decode(data[:end])


def empty_arrays(total: int) -> bytes:
    """The issue's bomb: arrays of empty arrays, about ``total`` objects, one byte each."""
    inner = 10_000
    return pack({"t": "input", "c": "x", "v": [[[]] * inner] * max(1, total // inner)})


def test_a_1_mib_frame_of_empty_arrays_is_refused_before_decoding() -> None:
    data = empty_arrays(1_100_000)
    assert len(data) > MiB
    with pytest.raises(RemoteProtocolError) as info:
        codec.decode(data)
    assert info.value.code == "too_large"
    assert f"more than {DEFAULT_LIMITS.max_objects} values" in str(info.value)


def test_the_walk_stops_at_the_object_limit_whatever_the_frame_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for total in (30_000, 1_000_000, 1_500_000):
        with pytest.raises(RemoteProtocolError):
            measure(empty_arrays(total), DEFAULT_LIMITS.max_objects, DEFAULT_LIMITS.max_depth)
    built: list[bytes] = []
    monkeypatch.setattr(msgpack, "unpackb", lambda data, **_: built.append(data))
    with pytest.raises(RemoteProtocolError):
        codec.decode(empty_arrays(1_000_000))
    assert built == []  # refused before the decoder built anything


def worst_frames() -> dict[str, bytes]:
    """Frames as heavy as the limits let through: the most objects, the costliest kinds."""
    n = DEFAULT_LIMITS.max_objects - 200

    def rows(cell: Any, width: int = 100) -> Any:
        return [[cell] * width] * (n // (width + 1))

    return {
        "empty arrays": pack({"t": "input", "c": "x", "v": rows([], 100)[: n // 200]}),
        "one-key maps": pack({"t": "input", "c": "x", "v": rows({"a": None}, 33)[: n // 300]}),
        "wide characters": pack({"t": "input", "c": "x", "v": rows("Ā")[: n // 200]}),
        "numbers": pack({"t": "input", "c": "x", "v": rows(1.5)}),
        "big ints": pack({"t": "input", "c": "x", "v": rows(2**40)}),
        "short strings": pack({"t": "input", "c": "x", "v": rows("abc")}),
        "a dataframe": pack(
            {"t": "input", "c": "x", "v": {"headers": ["a"] * 10, "data": rows("cell", 10)}}
        ),
        "one big bin": pack(
            {"t": "input", "c": "x", "v": b"\0" * (DEFAULT_LIMITS.max_bin_bytes - 64)}
        ),
    }


def decoded_memory(data: bytes) -> int:
    tracemalloc.start()
    try:
        value = codec.decode(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del value
    return peak


@pytest.mark.parametrize("name", list(worst_frames()))
def test_a_frame_under_the_limits_takes_at_most_10x_its_size_plus_1_mib(name: str) -> None:
    data = worst_frames()[name]
    footprint = measure(data, DEFAULT_LIMITS.max_objects, DEFAULT_LIMITS.max_depth)
    assert footprint.objects <= DEFAULT_LIMITS.max_objects
    bound = DEFAULT_LIMITS.max_expansion * len(data) + DEFAULT_LIMITS.expansion_allowance
    assert decoded_memory(data) <= min(footprint.memory, bound)  # the estimate errs high


def test_a_frame_that_would_expand_past_the_budget_is_refused() -> None:
    # 19,600 empty maps: under the object limit, but 20 KB expanding to 1.4 MiB.
    data = pack([[{}] * 98] * 200)
    with pytest.raises(RemoteProtocolError, match="MiB decoded"):
        codec.decode(data)


def test_a_frame_costs_at_most_the_object_limit_in_decoding_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frame's decoding work is bounded by counting, not timing: an accepted frame builds at
    most ``max_objects`` objects, and a refused one never reaches the decoder at all."""
    decoded: list[bytes] = []
    unpackb = msgpack.unpackb

    def spy(data: bytes, **options: Any) -> Any:
        decoded.append(data)
        return unpackb(data, **options)

    monkeypatch.setattr(msgpack, "unpackb", spy)  # the module codec calls
    for data in worst_frames().values():
        assert count(codec.decode(data)) <= DEFAULT_LIMITS.max_objects
    accepted = len(decoded)
    for bomb in (empty_arrays(1_000_000), empty_arrays(30_000), pack([[{}] * 98] * 200)):
        with pytest.raises(RemoteProtocolError, match=r"MiB decoded|values"):
            codec.decode(bomb)
    assert len(decoded) == accepted, "a refused frame was handed to the decoder"
