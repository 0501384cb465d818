"""A sans-I/O server connection: bytes in, typed messages out; messages in, bytes out.

It owns the handshake state and the flow-control window (batches sent but not acknowledged);
the server only pumps bytes through it.
"""

from __future__ import annotations

from collections import deque
from enum import Enum

from reactive.errors import LocalProtocolError, RemoteProtocolError
from reactive.protocol import codec
from reactive.protocol.limits import DEFAULT_LIMITS, Limits, MiB
from reactive.protocol.messages import (
    PROTOCOL_VERSION,
    Ack,
    Batch,
    ClientMessage,
    ErrorMessage,
    Event,
    Hello,
    Welcome,
    parse_client_message,
)

CLOSE_HANDSHAKE = 4400
CLOSE_TOO_BIG = 1009
CLOSE_REPLACED = 4001  # a newer page resumed this session: do not reconnect
CLOSE_STALLED = 4408  # the page stopped reading (no ack, or a send made no progress)
CLOSE_RELOADED = 4002  # `reactive run --reload` re-imported the app: reconnect now, keep inputs
DEFAULT_WINDOW_BYTES = 4 * MiB


class ConnectionState(Enum):
    AWAITING_HELLO = "awaiting_hello"
    OPEN = "open"
    CLOSED = "closed"


class ServerConnection:
    """Protocol state of one WebSocket, seen from the server."""

    def __init__(
        self, limits: Limits = DEFAULT_LIMITS, window_bytes: int = DEFAULT_WINDOW_BYTES
    ) -> None:
        self.state = ConnectionState.AWAITING_HELLO
        self.limits = limits
        self.window_bytes = window_bytes
        self._next_seq = 1
        self._in_flight: deque[tuple[int, int]] = deque()  # (seq, size) not yet acknowledged
        self._unacked_bytes = 0

    # ---------------------------------------------------------------- inbound

    def receive(self, data: bytes | str) -> ClientMessage:
        """Decode one client frame (text frames arrive as ``str``).

        Raises RemoteProtocolError for anything malformed: the one judge of every frame, so
        the server only pumps. A frame over the size limit closes the socket (1009).
        """
        if self.state is ConnectionState.CLOSED:
            raise RemoteProtocolError("bad_frame", "The connection is closed.")
        if len(data) > self.limits.max_message_bytes:
            raise RemoteProtocolError(
                "too_large",
                f"Message of {len(data)} bytes is over the limit of "
                f"{self.limits.max_message_bytes}.",
                close_code=CLOSE_TOO_BIG,
            )
        try:
            if isinstance(data, str):  # before the hello too: anything but a hello closes 4400
                raise RemoteProtocolError("bad_frame", "Send binary msgpack frames, not text.")
            message = parse_client_message(codec.decode(data, self.limits))
        except RemoteProtocolError as exc:
            if self.state is ConnectionState.AWAITING_HELLO:
                exc.close_code = CLOSE_HANDSHAKE
            raise
        if self.state is ConnectionState.AWAITING_HELLO:
            return self._receive_hello(message)
        if isinstance(message, Hello):
            raise RemoteProtocolError("bad_frame", "'hello' may only be sent once.")
        if isinstance(message, Ack):
            self._acknowledge(message.seq)
        return message

    def _receive_hello(self, message: ClientMessage) -> Hello:
        if not isinstance(message, Hello):
            raise RemoteProtocolError(
                "bad_frame", "The first message must be 'hello'.", close_code=CLOSE_HANDSHAKE
            )
        if message.version != PROTOCOL_VERSION:
            raise RemoteProtocolError(
                "version",
                f"Protocol version {message.version} is not supported; this server speaks "
                f"{PROTOCOL_VERSION}. Reload the page to get a matching client.",
                close_code=CLOSE_HANDSHAKE,
            )
        self.state = ConnectionState.OPEN
        return message

    def _acknowledge(self, seq: int) -> None:
        if seq >= self._next_seq:
            raise RemoteProtocolError("bad_frame", f"Ack of batch {seq}, which was never sent.")
        while self._in_flight and self._in_flight[0][0] <= seq:
            self._unacked_bytes -= self._in_flight.popleft()[1]

    # ---------------------------------------------------------------- outbound

    def send_welcome(self, welcome: Welcome) -> bytes:
        self._require_open()
        return codec.encode(welcome.to_wire())

    def send_batch(self, events: list[Event]) -> bytes:
        """Encode events as the next batch and count its bytes against the window."""
        self._require_open()
        if not events:
            raise LocalProtocolError("A batch must hold at least one event.")
        data = codec.encode(Batch(self._next_seq, events).to_wire())
        self._in_flight.append((self._next_seq, len(data)))
        self._unacked_bytes += len(data)
        self._next_seq += 1
        return data

    @staticmethod
    def send_error(error: RemoteProtocolError) -> bytes:
        """An error message for the client; allowed in every state."""
        return codec.encode(ErrorMessage(error.code, str(error), error.component).to_wire())

    def close(self) -> None:
        self.state = ConnectionState.CLOSED

    def _require_open(self) -> None:
        if self.state is not ConnectionState.OPEN:
            raise LocalProtocolError(f"Expected an open connection, got {self.state.value}.")

    # ---------------------------------------------------------------- flow control

    @property
    def window_open(self) -> bool:
        """True while the client has acknowledged enough to take another batch."""
        return self._unacked_bytes < self.window_bytes

    @property
    def unacked_bytes(self) -> int:
        return self._unacked_bytes
