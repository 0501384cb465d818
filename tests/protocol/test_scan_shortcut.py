"""The walk is skipped only for frames that cannot break a limit (``within_limits_unwalked``)."""

from __future__ import annotations

from typing import Any

import msgpack
from hypothesis import given, settings
from hypothesis import strategies as st

from reactive.errors import RemoteProtocolError
from reactive.protocol.limits import DEFAULT_LIMITS, Limits
from reactive.protocol.scan import measure, within_limits_unwalked

L = DEFAULT_LIMITS


def unwalked(data: bytes, limits: Limits = L) -> bool:
    return within_limits_unwalked(
        data, limits.max_objects, limits.max_depth, limits.max_expansion, limits.expansion_allowance
    )


def pack(value: Any) -> bytes:
    packed: bytes = msgpack.packb(value, use_bin_type=True)
    return packed


def test_a_keystroke_frame_skips_the_walk() -> None:
    assert unwalked(pack({"t": "input", "c": "text", "v": "hello wörld", "seq": 12}))


def test_deep_nesting_is_walked() -> None:
    bomb = b"\x91" * 40 + b"\xc0"  # 40 nested one-element arrays: 41 bytes
    assert not unwalked(bomb)


def test_a_frame_of_empty_maps_is_walked() -> None:
    assert not unwalked(b"\xdc\x13\x88" + b"\x80" * 5000)  # an array of 5000 empty maps


def test_a_large_frame_is_walked() -> None:
    assert not unwalked(pack("x" * 20_000), Limits(max_objects=10_000))


def _breaks_limits(data: bytes, limits: Limits) -> bool:
    try:
        footprint = measure(data, limits.max_objects, limits.max_depth)
    except RemoteProtocolError:
        return True
    return footprint.memory > limits.max_expansion * len(data) + limits.expansion_allowance


# Frames of bytes a hostile page might send: headers of every kind, densely, and tight limits
# so that the bound is tested near its edge.
_HEADERS = st.sampled_from([0x80, 0x81, 0x8F, 0x90, 0x91, 0x9F, 0xA0, 0xA1, 0xDC, 0xDE, 0xC0])
frames = st.lists(st.one_of(_HEADERS, st.integers(0, 255)), min_size=1, max_size=3000).map(bytes)
tight = st.builds(
    Limits,
    max_objects=st.integers(1, 4000),
    max_depth=st.integers(1, 40),
    max_expansion=st.integers(1, 12),
    expansion_allowance=st.integers(0, 200_000),
)


def _decodes(data: bytes) -> bool:
    """A well-formed frame: its headers' lengths are backed by bytes (else the decoder refuses
    it before allocating anything)."""
    try:
        msgpack.unpackb(data, raw=False, strict_map_key=False)
    except Exception:
        return False
    return True


values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**64 - 1),
        st.floats(),
        st.text(),
        st.binary(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=20), st.dictionaries(st.text(max_size=5), inner, max_size=20)
    ),
    max_leaves=200,
)


@settings(max_examples=400, deadline=None)
@given(data=frames, limits=tight)
def test_an_unwalked_frame_never_breaks_a_limit(data: bytes, limits: Limits) -> None:
    if unwalked(data, limits) and _decodes(data):
        assert not _breaks_limits(data, limits)


@settings(max_examples=400, deadline=None)
@given(value=values, limits=tight)
def test_an_unwalked_message_never_breaks_a_limit(value: Any, limits: Limits) -> None:
    data = pack(value)
    if unwalked(data, limits):
        assert not _breaks_limits(data, limits)
