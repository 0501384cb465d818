"""Typed protocol messages (docs/protocol.md) and the strict parser of client messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from reactive.errors import RemoteProtocolError

PROTOCOL_VERSION = 1

RunState = Literal["queued", "running", "done", "error", "cancelled"]
TriggerEvent = Literal["click", "submit"]

# ---------------------------------------------------------------- client -> server


@dataclass(frozen=True, slots=True)
class Hello:
    version: int
    session: str | None


@dataclass(frozen=True, slots=True)
class Input:
    component: str
    value: Any


@dataclass(frozen=True, slots=True)
class Trigger:
    component: str
    event: TriggerEvent


@dataclass(frozen=True, slots=True)
class Cancel:
    function: str


@dataclass(frozen=True, slots=True)
class Ack:
    seq: int


ClientMessage = Hello | Input | Trigger | Cancel | Ack

# ---------------------------------------------------------------- server -> client


@dataclass(frozen=True, slots=True)
class Update:
    component: str
    run: int
    value: Any

    def to_wire(self) -> dict[str, Any]:
        return {"t": "update", "c": self.component, "r": self.run, "v": self.value}


@dataclass(frozen=True, slots=True)
class Append:
    component: str
    run: int
    delta: str
    at: int  # the length (in UTF-16 code units, as the browser counts) the text must have

    def to_wire(self) -> dict[str, Any]:
        return {"t": "append", "c": self.component, "r": self.run, "d": self.delta, "at": self.at}


@dataclass(frozen=True, slots=True)
class Status:
    function: str
    run: int
    state: RunState
    position: int | None = None
    message: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"t": "status", "f": self.function, "r": self.run, "s": self.state}
        if self.position is not None:
            wire["pos"] = self.position
        if self.message is not None:
            wire["msg"] = self.message
        return wire


Event = Update | Append | Status


@dataclass(frozen=True, slots=True)
class Welcome:
    session: str
    resumed: bool
    app: Mapping[str, Any]

    def to_wire(self) -> dict[str, Any]:
        return {
            "t": "welcome",
            "v": PROTOCOL_VERSION,
            "session": self.session,
            "resumed": self.resumed,
            "app": self.app,
        }


@dataclass(frozen=True, slots=True)
class Batch:
    seq: int
    events: list[Event] = field(default_factory=list)

    def to_wire(self) -> dict[str, Any]:
        return {"t": "batch", "n": self.seq, "e": [event.to_wire() for event in self.events]}


@dataclass(frozen=True, slots=True)
class ErrorMessage:
    code: str
    message: str
    component: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"t": "error", "code": self.code, "msg": self.message}
        if self.component is not None:
            wire["c"] = self.component
        return wire


ServerMessage = Welcome | Batch | ErrorMessage

# ---------------------------------------------------------------- parsing


def _field(obj: Mapping[str, Any], name: str, kind: type | tuple[type, ...], what: str) -> Any:
    if name not in obj:
        raise RemoteProtocolError("bad_frame", f"'{what}' message is missing field '{name}'.")
    value = obj[name]
    # bool is an int subclass; never accept it where a number or string is meant.
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        raise RemoteProtocolError(
            "bad_frame",
            f"'{what}' field '{name}' must be {_kind_name(kind)}, got {type(value).__name__}.",
        )
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    return " or ".join("nil" if k is type(None) else k.__name__ for k in _as_tuple(kind))


def _parse_hello(obj: Mapping[str, Any]) -> Hello:
    return Hello(_field(obj, "v", int, "hello"), _field(obj, "session", (str, type(None)), "hello"))


def _parse_input(obj: Mapping[str, Any]) -> Input:
    if "v" not in obj:
        raise RemoteProtocolError("bad_frame", "'input' message is missing field 'v'.")
    return Input(_field(obj, "c", str, "input"), obj["v"])


def _parse_trigger(obj: Mapping[str, Any]) -> Trigger:
    event = _field(obj, "e", str, "trigger")
    if event not in ("click", "submit"):
        raise RemoteProtocolError(
            "bad_frame", f"'trigger' event must be click or submit, got {event!r}."
        )
    return Trigger(_field(obj, "c", str, "trigger"), event)


def _parse_cancel(obj: Mapping[str, Any]) -> Cancel:
    return Cancel(_field(obj, "f", str, "cancel"))


def _parse_ack(obj: Mapping[str, Any]) -> Ack:
    return Ack(_field(obj, "n", int, "ack"))


_PARSERS: dict[str, Callable[[Mapping[str, Any]], ClientMessage]] = {
    "hello": _parse_hello,
    "input": _parse_input,
    "trigger": _parse_trigger,
    "cancel": _parse_cancel,
    "ack": _parse_ack,
}


def parse_client_message(obj: Any) -> ClientMessage:
    """Turn a decoded msgpack value into a typed client message, or raise RemoteProtocolError."""
    if not isinstance(obj, dict):
        raise RemoteProtocolError(
            "bad_frame", f"A message must be a map, got {type(obj).__name__}."
        )
    kind = obj.get("t")
    parser = _PARSERS.get(kind) if isinstance(kind, str) else None
    if parser is None:
        raise RemoteProtocolError("bad_frame", f"Unknown message type {kind!r}.")
    return parser(obj)
