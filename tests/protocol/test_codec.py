"""The codec against the golden frames shared with the TypeScript client, and its limits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgpack
import pytest

from reactive.errors import LocalProtocolError, RemoteProtocolError
from reactive.protocol import codec
from reactive.protocol.limits import Limits
from reactive.protocol.messages import Append, Batch, Chunk, End, Props, Received, Status, Update

GOLDEN = Path(__file__).parent.parent / "golden"
MANIFEST = json.loads((GOLDEN / "frames.json").read_text())


def from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$bin"}:
            return bytes.fromhex(value["$bin"])
        return {k: from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_json(v) for v in value]
    return value


@pytest.mark.parametrize("frame", MANIFEST, ids=[f["name"] for f in MANIFEST])
def test_golden_frame_decodes_to_its_value(frame: dict[str, Any]) -> None:
    data = (GOLDEN / frame["file"]).read_bytes()
    assert codec.decode(data) == from_json(frame["value"])


@pytest.mark.parametrize("frame", MANIFEST, ids=[f["name"] for f in MANIFEST])
def test_golden_frame_encodes_byte_for_byte(frame: dict[str, Any]) -> None:
    assert codec.encode(from_json(frame["value"])) == (GOLDEN / frame["file"]).read_bytes()


def test_bytes_travel_as_msgpack_bin_not_base64() -> None:
    payload = bytes(range(256)) * 4
    data = codec.encode({"t": "x", "v": payload})
    assert payload in data  # raw bytes, verbatim
    assert b"\xc5\x04\x00" in data  # bin16 header for 1024 bytes


def test_encode_rejects_unpackable_values() -> None:
    with pytest.raises(LocalProtocolError, match="Cannot encode"):
        codec.encode({"t": "x", "v": object()})


@pytest.mark.parametrize(
    "data",
    [b"", b"\xc1", b"\x92\x01", b"\x81\xa1t"],
    ids=["empty", "never-used-byte", "truncated-array", "truncated-map"],
)
def test_garbage_is_a_bad_frame(data: bytes) -> None:
    with pytest.raises(RemoteProtocolError) as info:
        codec.decode(data)
    assert info.value.code == "bad_frame"


def test_two_values_in_one_frame_are_refused() -> None:
    with pytest.raises(RemoteProtocolError, match="exactly one message"):
        codec.decode(msgpack.packb(1) + msgpack.packb(2))


def test_extension_types_are_refused() -> None:
    with pytest.raises(RemoteProtocolError, match="extension type 5"):
        codec.decode(msgpack.packb(msgpack.ExtType(5, b"xx")))


def test_non_string_map_keys_are_refused() -> None:
    with pytest.raises(RemoteProtocolError):
        codec.decode(msgpack.packb({1: 2}))


@pytest.mark.parametrize(
    ("value", "limits"),
    [
        ("x" * 101, Limits(max_str_bytes=100)),
        (b"x" * 101, Limits(max_bin_bytes=100)),
        (list(range(11)), Limits(max_container_len=10)),
        ({str(i): i for i in range(11)}, Limits(max_container_len=10)),
    ],
    ids=["str", "bin", "array", "map"],
)
def test_values_over_their_limit_are_too_large(value: Any, limits: Limits) -> None:
    with pytest.raises(RemoteProtocolError) as info:
        codec.decode(msgpack.packb(value, use_bin_type=True), limits)
    assert info.value.code == "too_large"


def test_deep_nesting_is_refused_without_recursion() -> None:
    nested: Any = 0
    for _ in range(40):
        nested = [nested]
    with pytest.raises(RemoteProtocolError, match="deeper than 32"):
        codec.decode(msgpack.packb(nested))


def test_typed_server_events_encode_to_the_golden_batches() -> None:
    """Every event of a function's run names it in ``f``; an example's fill names none."""
    image = {"mime": "image/jpeg", "data": b"\xff\xd8\xff", "w": 2, "h": 1}
    batch = Batch(
        3,
        [
            Update("n", 6, 3),
            Status("count", 7, "running"),
            Update("count", 7, "0", "count"),
            Append("count", 7, " tokens", 1, "count"),
            Update("img", 7, image, "count"),
            Status("count", 7, "queued", position=2),
            Status("count", 7, "error", message="ValueError: boom"),
        ],
    )
    assert codec.encode(batch.to_wire()) == (GOLDEN / "batch.msgpack").read_bytes()
    pcm = {"k": "pcm", "sr": 24000, "ch": 1, "data": b"\x00\x01\xff\x7f"}
    fmp4 = {"k": "fmp4", "mime": 'video/mp4; codecs="avc1.42C01E"', "data": b"\x00"}
    media = Batch(
        5,
        [
            Chunk("out", 3, pcm, "speak"),
            Chunk("vid", 3, fmp4, "speak"),
            End("out", 3, "speak"),
            Received("clip", 7, 1048576),
        ],
    )
    assert codec.encode(media.to_wire()) == (GOLDEN / "batch_media.msgpack").read_bytes()
    props = Props("pick", 9, {"choices": [["Red", "r"]], "visible": True}, "work")
    assert codec.encode(props.to_wire()) in (GOLDEN / "batch_components.msgpack").read_bytes()
