"""Strict msgpack encoding and decoding of single protocol messages."""

from __future__ import annotations

from typing import Any

import msgpack

from reactive.errors import LocalProtocolError, RemoteProtocolError
from reactive.protocol.limits import DEFAULT_LIMITS, Limits, MiB
from reactive.protocol.scan import measure, within_limits_unwalked


def encode(message: Any) -> bytes:
    """Pack one message; bytes become msgpack ``bin``, never base64."""
    try:
        packed: bytes = msgpack.packb(message, use_bin_type=True, datetime=False)
    except (TypeError, ValueError, OverflowError) as exc:
        raise LocalProtocolError(f"Cannot encode message: {exc}") from exc
    return packed


def _reject_ext(code: int, data: bytes) -> Any:
    raise RemoteProtocolError("bad_frame", f"msgpack extension type {code} is not allowed.")


def decode(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Unpack exactly one msgpack value from ``data``, enforcing ``limits`` on its parts.

    The whole frame's size is the connection's to check (it closes the socket for it). Before
    anything is built, the frame's objects are counted and its decoded size estimated
    (:mod:`reactive.protocol.scan`), so no frame costs more than ``limits.max_objects`` steps.
    """
    _check_footprint(data, limits)
    try:
        value = msgpack.unpackb(
            data,
            raw=False,
            strict_map_key=True,
            ext_hook=_reject_ext,
            timestamp=0,
            max_str_len=limits.max_str_bytes,
            max_bin_len=limits.max_bin_bytes,
            max_array_len=limits.max_container_len,
            max_map_len=limits.max_container_len,
        )
    except RemoteProtocolError:
        raise
    except msgpack.ExtraData as exc:
        raise RemoteProtocolError("bad_frame", "A frame must hold exactly one message.") from exc
    except ValueError as exc:
        code = "too_large" if "exceeds max" in str(exc) else "bad_frame"
        raise RemoteProtocolError(code, f"Frame is not valid msgpack: {exc}") from exc
    except Exception as exc:  # msgpack raises several unrelated types for garbage input
        raise RemoteProtocolError("bad_frame", f"Frame is not valid msgpack: {exc}") from exc
    return value


def _check_footprint(data: bytes, limits: Limits) -> None:
    if within_limits_unwalked(
        data, limits.max_objects, limits.max_depth, limits.max_expansion, limits.expansion_allowance
    ):
        return  # small and shallow: it cannot break a limit, so the walk is skipped
    footprint = measure(data, limits.max_objects, limits.max_depth)
    budget = limits.max_expansion * len(data) + limits.expansion_allowance
    if footprint.memory > budget:
        raise RemoteProtocolError(
            "too_large",
            f"Message would take about {footprint.memory / MiB:.1f} MiB decoded, more than "
            f"{limits.max_expansion}x its size plus {limits.expansion_allowance / MiB:.0f} MiB; "
            "send fewer, larger values (large files go as uploads).",
        )
