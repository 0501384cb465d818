"""Typed protocol messages (docs/protocol.md) and the strict parser of client messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from reactive.errors import RemoteProtocolError
from reactive.protocol.limits import MAX_STREAM_CHUNK_BYTES, MAX_STREAM_RATE, MIN_STREAM_RATE
from reactive.protocol.names import check_file_name, check_file_value

PROTOCOL_VERSION = 1

# Messages are values: nothing changes one once made. Most are frozen dataclasses; the few made
# for every keystroke (Input, Update, Append, Status, Batch) are not, because a frozen
# dataclass's __init__ costs about six times as much (0.9 µs against 0.15).

RunState = Literal["queued", "running", "done", "error", "cancelled"]
TriggerEvent = Literal[
    "click", "submit", "select", "release", "focus", "blur", "like", "edit",
    "option_select", "example_select", "double_click", "preview_open", "preview_close", "keypress",
    "key_up", "play", "pause", "stop", "end", "start_recording", "pause_recording",
    "stop_recording", "retry", "undo", "copy",
]  # fmt: skip
TRIGGER_EVENTS: tuple[TriggerEvent, ...] = (
    "click", "submit", "select", "release", "focus", "blur", "like", "edit",
    "option_select", "example_select", "double_click", "preview_open", "preview_close", "keypress",
    "key_up", "play", "pause", "stop", "end", "start_recording", "pause_recording",
    "stop_recording", "retry", "undo", "copy",
)  # fmt: skip

# ---------------------------------------------------------------- client -> server


@dataclass(frozen=True, slots=True)
class Hello:
    version: int
    session: str | None


@dataclass(slots=True)  # not frozen (see the note at the top): one per keystroke
class Input:
    component: str
    value: Any


@dataclass(frozen=True, slots=True)
class Trigger:
    component: str
    event: TriggerEvent
    data: Any = None  # the event's data (``gr.SelectData``, ``gr.LikeData``, ...), if any


@dataclass(frozen=True, slots=True)
class Cancel:
    function: str


@dataclass(frozen=True, slots=True)
class Ack:
    seq: int


@dataclass(frozen=True, slots=True)
class Example:
    function: str
    index: int


@dataclass(frozen=True, slots=True)
class Upload:
    """One part of a file the page uploads (parts in order; the first names the file)."""

    component: str
    upload: int  # the page's id of this upload; a new id for the same component replaces it
    index: int
    data: bytes
    last: bool
    name: str | None = None  # name, mime and size come with part 0
    mime: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Call:
    """Run function ``function`` once with ``args`` (one wire value per input): the API's call.

    ``call`` is the client's own id for it, echoed in the :class:`Called` answer. ``uploads``
    pairs an input's index with the ``upload`` (sent in parts before the call) that is its value;
    that input's place in ``args`` is then nil.
    """

    call: int
    function: str
    args: list[Any]
    uploads: tuple[tuple[int, int], ...] = ()


StreamKind = Literal["pcm", "image"]
STREAM_IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")


@dataclass(frozen=True, slots=True)
class StreamChunk:
    """One piece of a streaming input (microphone PCM, a webcam frame), in capture order."""

    component: str
    stream: int  # the page's id of this capture; a new id starts a new stream
    index: int  # 0, 1, 2, ... within the stream
    kind: StreamKind
    data: bytes  # pcm: mono int16 little-endian; image: the encoded picture
    rate: int | None = None  # pcm: samples per second
    mime: str | None = None  # image: one of STREAM_IMAGE_TYPES


@dataclass(frozen=True, slots=True)
class StreamEnd:
    """The page stopped capturing stream ``stream`` of ``component``."""

    component: str
    stream: int


ClientMessage = (
    Hello | Input | Trigger | Cancel | Ack | Example | Upload | Call | StreamChunk | StreamEnd
)

# ---------------------------------------------------------------- server -> client


def _head(kind: str, component: str, run: int, function: str | None) -> dict[str, Any]:
    """``t``, ``c``, ``r`` and, for a function's run, ``f``: staleness is judged per function."""
    wire: dict[str, Any] = {"t": kind, "c": component, "r": run}
    if function is not None:
        wire["f"] = function
    return wire


@dataclass(slots=True)  # not frozen (see the note at the top): one per keystroke
class Update:
    component: str
    run: int
    value: Any
    function: str | None = None  # the function whose run this is; None for an example's fill

    def to_wire(self) -> dict[str, Any]:
        return _head("update", self.component, self.run, self.function) | {"v": self.value}


@dataclass(slots=True)  # not frozen (see the note at the top): one per keystroke
class Append:
    component: str
    run: int
    delta: str
    at: int  # the length (in UTF-16 code units, as the browser counts) the text must have
    function: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire = _head("append", self.component, self.run, self.function)
        return wire | {"d": self.delta, "at": self.at}


@dataclass(slots=True)  # not frozen (see the note at the top): one per keystroke
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


ToastLevel = Literal["info", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Props:
    """New properties of a component (``rx.update(visible=False, choices=[...])``)."""

    component: str
    run: int
    props: Mapping[str, Any]
    function: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return _head("props", self.component, self.run, self.function) | {"p": dict(self.props)}


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a run has got: ``fraction`` in [0, 1] (None: unknown), ``index`` of ``total``."""

    function: str
    run: int
    fraction: float | None
    message: str | None = None
    index: int | None = None
    total: int | None = None
    unit: str | None = None
    eta: float | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"t": "progress", "f": self.function, "r": self.run}
        optional = {
            "p": self.fraction,
            "msg": self.message,
            "i": self.index,
            "n": self.total,
            "u": self.unit,
            "eta": self.eta,
        }
        wire.update({k: v for k, v in optional.items() if v is not None})
        return wire


@dataclass(frozen=True, slots=True)
class Toast:
    """A notice for the person at the page (``rx.Info``, ``rx.Warning``)."""

    level: ToastLevel
    message: str
    run: int | None = None
    duration: float | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"t": "toast", "l": self.level, "msg": self.message}
        if self.run is not None:
            wire["r"] = self.run
        if self.duration is not None:
            wire["d"] = self.duration
        return wire


@dataclass(frozen=True, slots=True)
class Chunk:
    """The next piece of a streaming output (audio PCM, video fMP4): in order, never dropped."""

    component: str
    run: int
    value: Any
    function: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return _head("chunk", self.component, self.run, self.function) | {"v": self.value}


@dataclass(frozen=True, slots=True)
class End:
    """A streaming output's run sent its last chunk."""

    component: str
    run: int
    function: str | None = None

    def to_wire(self) -> dict[str, Any]:
        return _head("end", self.component, self.run, self.function)


@dataclass(frozen=True, slots=True)
class Received:
    """How many bytes of upload ``upload`` to ``component`` the server has stored."""

    component: str
    upload: int
    received: int

    def to_wire(self) -> dict[str, Any]:
        return {"t": "received", "c": self.component, "u": self.upload, "n": self.received}


@dataclass(frozen=True, slots=True)
class Called:
    """The answer to a :class:`Call`: its run id, or why it was refused (``code``, ``message``)."""

    call: int
    function: str
    run: int | None = None
    code: str | None = None
    message: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"t": "called", "k": self.call, "f": self.function}
        optional = {"r": self.run, "code": self.code, "msg": self.message}
        wire.update({k: v for k, v in optional.items() if v is not None})
        return wire


Event = Update | Append | Status | Props | Progress | Toast | Chunk | End | Received | Called


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


@dataclass(slots=True)  # not frozen (see the note at the top): one per keystroke
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
    component = _field(obj, "c", str, "input")
    check_file_value(obj["v"], component)
    return Input(component, obj["v"])


def _parse_trigger(obj: Mapping[str, Any]) -> Trigger:
    event = _field(obj, "e", str, "trigger")
    for known in TRIGGER_EVENTS:
        if event == known:
            return Trigger(_field(obj, "c", str, "trigger"), known, obj.get("d"))
    raise RemoteProtocolError(
        "bad_frame", f"'trigger' event must be one of {', '.join(TRIGGER_EVENTS)}, got {event!r}."
    )


def _parse_cancel(obj: Mapping[str, Any]) -> Cancel:
    return Cancel(_field(obj, "f", str, "cancel"))


def _parse_ack(obj: Mapping[str, Any]) -> Ack:
    return Ack(_field(obj, "n", int, "ack"))


def _parse_example(obj: Mapping[str, Any]) -> Example:
    index = _field(obj, "i", int, "example")
    if index < 0:
        raise RemoteProtocolError("bad_frame", f"'example' index must be >= 0: {index}.")
    return Example(_field(obj, "f", str, "example"), index)


def _parse_upload(obj: Mapping[str, Any]) -> Upload:
    upload, index = _field(obj, "u", int, "upload"), _field(obj, "i", int, "upload")
    if upload < 0 or index < 0:
        raise RemoteProtocolError("bad_frame", "'upload' fields 'u' and 'i' must be >= 0.")
    part = Upload(
        _field(obj, "c", str, "upload"),
        upload,
        index,
        _field(obj, "d", bytes, "upload"),
        _field(obj, "last", bool, "upload"),
    )
    if index > 0:
        return part
    size = _field(obj, "size", int, "upload")
    if size < 0:
        raise RemoteProtocolError("bad_frame", "'upload' field 'size' must be >= 0.")
    name, mime = _field(obj, "name", str, "upload"), _field(obj, "mime", str, "upload")
    check_file_name(name, part.component)
    return Upload(part.component, upload, 0, part.data, part.last, name, mime, size)


def _parse_call(obj: Mapping[str, Any]) -> Call:
    call, function = _field(obj, "k", int, "call"), _field(obj, "f", str, "call")
    args = _field(obj, "a", list, "call")
    pairs = _field(obj, "u", list, "call") if "u" in obj else []
    uploads: list[tuple[int, int]] = []
    for pair in pairs:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(type(n) is int and n >= 0 for n in pair)
            and pair[0] < len(args)
        ):
            raise RemoteProtocolError(
                "bad_frame", "'call' field 'u' must list [input index, upload id] pairs."
            )
        uploads.append((pair[0], pair[1]))
    return Call(call, function, args, tuple(uploads))


def _parse_stream(obj: Mapping[str, Any]) -> StreamChunk:
    component = _field(obj, "c", str, "stream")
    stream, index = _field(obj, "s", int, "stream"), _field(obj, "i", int, "stream")
    if stream < 0 or index < 0:
        raise RemoteProtocolError("bad_frame", "'stream' fields 's' and 'i' must be >= 0.")
    data = _field(obj, "d", bytes, "stream")
    if len(data) > MAX_STREAM_CHUNK_BYTES:
        raise RemoteProtocolError(
            "too_large",
            f"A stream chunk may hold at most {MAX_STREAM_CHUNK_BYTES} bytes, got {len(data)}: "
            f"send smaller chunks (a shorter stream_every, or smaller frames).",
            component,
        )
    kind = _field(obj, "k", str, "stream")
    if kind == "pcm":
        rate = _field(obj, "sr", int, "stream")
        if not MIN_STREAM_RATE <= rate <= MAX_STREAM_RATE or len(data) % 2:
            raise RemoteProtocolError(
                "bad_frame",
                f"'stream' pcm needs a rate in [{MIN_STREAM_RATE}, {MAX_STREAM_RATE}] and "
                f"whole int16 samples; got sr={rate}, {len(data)} bytes.",
                component,
            )
        return StreamChunk(component, stream, index, "pcm", data, rate=rate)
    if kind == "image":
        mime = _field(obj, "mime", str, "stream")
        if mime not in STREAM_IMAGE_TYPES:
            raise RemoteProtocolError(
                "bad_frame", f"'stream' image mime must be one of {STREAM_IMAGE_TYPES}.", component
            )
        return StreamChunk(component, stream, index, "image", data, mime=mime)
    raise RemoteProtocolError("bad_frame", f"'stream' kind must be pcm or image, got {kind!r}.")


def _parse_stream_end(obj: Mapping[str, Any]) -> StreamEnd:
    stream = _field(obj, "s", int, "stream_end")
    if stream < 0:
        raise RemoteProtocolError("bad_frame", "'stream_end' field 's' must be >= 0.")
    return StreamEnd(_field(obj, "c", str, "stream_end"), stream)


_PARSERS: dict[str, Callable[[Mapping[str, Any]], ClientMessage]] = {
    "hello": _parse_hello,
    "input": _parse_input,
    "trigger": _parse_trigger,
    "cancel": _parse_cancel,
    "ack": _parse_ack,
    "example": _parse_example,
    "upload": _parse_upload,
    "call": _parse_call,
    "stream": _parse_stream,
    "stream_end": _parse_stream_end,
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
