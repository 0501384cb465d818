"""Property-based fuzzing (hypothesis) of every client message type (issue 9, "How it is shown").

Random msgpack values, well-formed messages of every type with random fields, mutated messages
(a field dropped, replaced or added) and mutated bytes (flipped, cut, spliced) go into a
:class:`ServerConnection` and into a live :class:`Session` through :class:`AppTester`. The
properties: nothing but :class:`RemoteProtocolError` (with a client-fault code) ever leaves the
connection; the session never raises, never closes the socket, answers only with client-fault
error codes (never ``server_error``), and still answers a normal keystroke afterwards.

The suite runs a bounded number of examples; a longer run::

    REACTIVE_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/protocol/test_fuzz.py
"""

from __future__ import annotations

import asyncio
import os
import uuid
from typing import Any

import msgpack
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import reactive as rx
from reactive.errors import RemoteProtocolError
from reactive.protocol.connection import CLOSE_HANDSHAKE, ConnectionState, ServerConnection
from reactive.protocol.messages import (
    Ack,
    Call,
    Cancel,
    ClientMessage,
    Example,
    Hello,
    Input,
    Trigger,
    Update,
    Upload,
)
from reactive.testing import AppTester

#: Examples per property: a few seconds in the suite, as many as you like from the environment.
EXAMPLES = int(os.environ.get("REACTIVE_FUZZ_EXAMPLES", "0")) or None
FUZZ = settings(
    max_examples=EXAMPLES or 100,
    deadline=1000,  # ms per example
    database=None,  # nothing written in the working tree
    suppress_health_check=[HealthCheck.too_slow],
)
FUZZ_SESSION = settings(FUZZ, max_examples=EXAMPLES or 50, deadline=5000)

#: The codes that blame the page; ``server_error`` (a bug in the server) is not among them.
CLIENT_CODES = {"bad_frame", "bad_value", "too_large", "unknown_component", "unknown_function"}
HANDSHAKE_CODES = CLIENT_CODES | {"version"}

KINDS = ["hello", "input", "trigger", "cancel", "ack", "example", "upload", "call"]
COMPONENTS = ["ping", "pong", "num", "slider", "check", "drop", "multi", "radio", "group"]
COMPONENTS += ["color", "img", "doc", "docs", "clip", "film", "table", "go", "nowhere"]
FUNCTIONS = ["echo", "describe", "press", "nothing"]


def pack(message: Any) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


# ---------------------------------------------------------------- strategies

ints = st.integers(min_value=-(2**63), max_value=2**64 - 1)  # what msgpack can carry
scalars = st.one_of(
    st.none(),
    st.booleans(),
    ints,
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.binary(max_size=64),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.one_of(st.text(max_size=8), ints), inner, max_size=6),
    ),
    max_leaves=30,
)
small_ints = st.one_of(st.integers(min_value=-3, max_value=12), ints)
names = st.one_of(
    st.sampled_from(["a.wav", "clip.mp4", "notes.txt", "..", "a/..", "nul\x00.wav", "é" * 200]),
    st.text(max_size=30),
)
file_values = st.fixed_dictionaries(
    {"name": names, "mime": st.text(max_size=20), "data": st.binary(max_size=256)}
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e7a5a5f60000000049454e44ae426082"
)
input_values = st.one_of(
    values,
    file_values,
    st.lists(file_values, max_size=3),
    st.just({"name": "pixel.png", "mime": "image/png", "data": PNG}),
    st.sampled_from(["a", "b", "#ff0000", "#zzzzzz", ["a", "b"], ["a", "zz"]]),
    st.fixed_dictionaries(
        {
            "headers": st.lists(values, max_size=3),
            "data": st.lists(st.lists(values, max_size=3), max_size=3),
        }
    ),
)
component_ids = st.one_of(st.sampled_from(COMPONENTS), st.text(max_size=10), values)
function_ids = st.one_of(st.sampled_from(FUNCTIONS), st.text(max_size=10), values)


def valid(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """A message of ``kind`` with every field of its type (values still random)."""
    component = st.sampled_from(COMPONENTS)
    function = st.sampled_from(FUNCTIONS)
    index = st.integers(min_value=0, max_value=4)
    fields: dict[str, st.SearchStrategy[Any]] = {
        "hello": {"v": st.just(1), "session": st.one_of(st.none(), st.text(max_size=24))},
        "input": {"c": component, "v": input_values},
        "trigger": {"c": component, "e": st.sampled_from(["click", "submit"])},
        "cancel": {"f": function},
        "ack": {"n": st.integers(min_value=-2, max_value=3)},
        "example": {"f": function, "i": index},
        "upload": {
            "c": component,
            "u": index,
            "i": index,
            "d": st.binary(max_size=512),
            "last": st.booleans(),
            "name": names,
            "mime": st.sampled_from(["audio/wav", "video/mp4", ""]),
            "size": st.one_of(
                st.integers(min_value=0, max_value=1024), ints.filter(lambda n: n >= 0)
            ),
        },
        "call": {"k": index, "f": function, "a": st.lists(input_values, max_size=15)},
    }[kind]
    return st.fixed_dictionaries({"t": st.just(kind), **fields})


def loose(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """A message of ``kind`` whose fields may be missing or of any type."""
    fields: dict[str, st.SearchStrategy[Any]] = {
        "hello": {"v": st.one_of(small_ints, values), "session": values},
        "input": {"c": component_ids, "v": input_values},
        "trigger": {"c": component_ids, "e": values},
        "cancel": {"f": function_ids},
        "ack": {"n": st.one_of(small_ints, values)},
        "example": {"f": function_ids, "i": st.one_of(small_ints, values)},
        "upload": {
            key: st.one_of(small_ints, values) for key in ("c", "u", "i", "d", "last", "size")
        }
        | {"name": st.one_of(names, values), "mime": values},
        "call": {"k": st.one_of(small_ints, values), "f": function_ids, "a": values, "u": values},
    }[kind]
    return st.fixed_dictionaries({"t": st.just(kind)}, optional=fields)


def well_formed(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(valid(kind), loose(kind))


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A well-formed message with one field dropped, replaced by any value, or one added."""
    message = dict(draw(st.sampled_from(KINDS).flatmap(well_formed)))
    how = draw(st.sampled_from(["drop", "replace", "add"]))
    key = draw(st.sampled_from(sorted(message, key=str)))
    if how == "drop":
        del message[key]
    elif how == "replace":
        message[key] = draw(values)
    else:
        message[draw(st.text(max_size=6))] = draw(values)
    return message


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    """An encoded message with bytes flipped, cut off or spliced in."""
    data = bytearray(pack(draw(st.sampled_from(KINDS).flatmap(well_formed))))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        how = draw(st.sampled_from(["flip", "cut", "insert"]))
        at = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
        if how == "flip" and data:
            data[at] ^= draw(st.integers(min_value=1, max_value=255))
        elif how == "cut":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


def encoded(messages: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    return messages.map(pack)


#: Files sent as input values, whose names the connection judges (often badly named).
file_inputs = st.fixed_dictionaries(
    {"t": st.just("input"), "c": st.sampled_from(["doc", "docs"]), "v": file_values}
)
frames = st.one_of(
    encoded(st.sampled_from(KINDS).flatmap(well_formed)),
    encoded(file_inputs),
    encoded(mutated()),
    encoded(values),  # any msgpack value, rarely a map
    mutated_bytes(),
    st.binary(max_size=128),
)
frame_lists = st.lists(st.one_of(frames, st.text(max_size=10)), min_size=1, max_size=12)

# ---------------------------------------------------------------- the connection


def check_message(message: Any) -> None:
    """A message the connection let through is typed as docs/protocol.md says."""
    assert isinstance(message, Input | Trigger | Cancel | Ack | Example | Upload | Call), message
    if isinstance(message, Call):
        assert isinstance(message.call, int)
        assert isinstance(message.function, str)
        assert isinstance(message.args, list)
    if isinstance(message, Input | Trigger | Upload):
        assert isinstance(message.component, str)
    if isinstance(message, Trigger):
        assert message.event in ("click", "submit")
    if isinstance(message, Cancel | Example):
        assert isinstance(message.function, str)
    if isinstance(message, Example):
        assert isinstance(message.index, int)
        assert message.index >= 0
    if isinstance(message, Ack):
        assert isinstance(message.seq, int)
    if isinstance(message, Upload):
        assert isinstance(message.data, bytes)
        assert isinstance(message.last, bool)
        assert message.upload >= 0
        assert message.index >= 0
        if message.index == 0:
            assert isinstance(message.name, str)
            assert isinstance(message.mime, str)
            assert isinstance(message.size, int)
            assert message.size >= 0


def take(connection: ServerConnection, frame: bytes | str) -> ClientMessage | RemoteProtocolError:
    """What the connection makes of ``frame``: a message, or the error it raised (nothing else
    may escape: any other exception fails the test)."""
    try:
        return connection.receive(frame)
    except RemoteProtocolError as exc:
        return exc


@FUZZ
@given(first=st.one_of(frames, st.text(max_size=10)))
@example(first="")  # found by this test: a text frame first was refused but left open
def test_the_first_frame_is_a_hello_or_refused_with_4400(first: bytes | str) -> None:
    connection = ServerConnection()
    message = take(connection, first)
    if isinstance(message, RemoteProtocolError):
        assert message.code in HANDSHAKE_CODES
        assert message.close_code == CLOSE_HANDSHAKE
        assert connection.state is ConnectionState.AWAITING_HELLO
        assert msgpack.unpackb(connection.send_error(message))["t"] == "error"
        return
    assert isinstance(message, Hello)
    assert message.version == 1
    assert connection.state is ConnectionState.OPEN


@FUZZ
@given(frame_list=frame_lists)
def test_after_hello_every_frame_is_a_typed_message_or_a_client_fault(
    frame_list: list[bytes | str],
) -> None:
    connection = ServerConnection()
    connection.receive(pack({"t": "hello", "v": 1, "session": None}))
    for frame in frame_list:
        message = take(connection, frame)
        if isinstance(message, RemoteProtocolError):
            assert message.code in CLIENT_CODES, message
            assert message.close_code is None  # small frames: the socket stays open
            error = msgpack.unpackb(connection.send_error(message))
            assert error["t"] == "error"
            assert error["code"] == message.code
        else:
            check_message(message)
    assert connection.state is ConnectionState.OPEN
    assert connection.receive(pack({"t": "input", "c": "ping", "v": "x"})) == Input("ping", "x")


def outcome(frame: bytes | str) -> str:
    """What an open connection makes of ``frame``: the message's kind, or the error's code."""
    connection = ServerConnection()
    connection.receive(pack({"t": "hello", "v": 1, "session": None}))
    connection.send_batch([Update("pong", 1, "x")])  # so that an ack of batch 1 is fine
    message = take(connection, frame)
    return message.code if isinstance(message, RemoteProtocolError) else type(message).__name__


ACCEPTED = ["Input", "Trigger", "Cancel", "Ack", "Example", "Upload", "Call"]


def test_the_frames_reach_every_message_type_and_every_refusal() -> None:
    """Not vacuous: the frames include accepted messages of every type, and each refusal."""
    seen: set[str] = set()

    @settings(FUZZ, max_examples=800, derandomize=True)
    @given(frame=frames)
    def sample(frame: bytes) -> None:
        seen.add(outcome(frame))

    # Hypothesis draws constants from the loaded modules, so which rare kinds 400 draws reach
    # shifts with what else the run imported: top up with draws of each kind's own branch of
    # ``frames`` (its well-formed messages), which reach them whatever was imported.
    def sample_kind(kind: str) -> None:
        @settings(FUZZ, max_examples=60, derandomize=True)
        @given(frame=encoded(well_formed(kind)))
        def draw(frame: bytes) -> None:
            seen.add(outcome(frame))

        draw()

    sample()
    for kind in KINDS:
        sample_kind(kind)
    assert seen >= {*ACCEPTED, "bad_frame", "bad_value"}, seen


# ---------------------------------------------------------------- a live session


def fuzz_app() -> rx.App:
    """One input of every kind the protocol names, each live; a button with examples."""
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="ping"), outputs=rx.Text(elem_id="pong"), live=True)
    def echo(text: str) -> str:
        return text

    inputs = [
        rx.Number(elem_id="num"),
        rx.Slider(0, 10, elem_id="slider"),
        rx.Checkbox(elem_id="check"),
        rx.Dropdown(["a", "b"], elem_id="drop"),
        rx.Dropdown(["a", "b"], multiselect=True, elem_id="multi"),
        rx.Radio(["a", "b"], elem_id="radio"),
        rx.CheckboxGroup(["a", "b"], elem_id="group"),
        rx.ColorPicker(elem_id="color"),
        rx.Image(elem_id="img"),
        rx.File(elem_id="doc"),
        rx.File(file_count="multiple", elem_id="docs"),
        rx.Audio(type="filepath", elem_id="clip"),
        rx.Video(elem_id="film"),
        rx.Dataframe(elem_id="table"),
    ]

    @app.fn(inputs=inputs, outputs=rx.Text(elem_id="kinds"), live=True)
    def describe(*args: Any) -> str:
        return ",".join(type(a).__name__ for a in args)

    @app.fn(
        inputs=rx.Textbox(elem_id="word"),
        outputs=rx.Text(elem_id="pressed"),
        trigger=rx.Button("Go", elem_id="go"),
        examples=[["one"], ["two"]],
    )
    def press(word: str) -> str:
        return f"pressed {word}"

    return app


APP = fuzz_app()


async def session_takes(frame_list: list[bytes | str]) -> None:
    async with AppTester(APP) as page:
        for frame in frame_list:
            # as the server pumps any frame, text too; nothing may be raised, whatever the frame
            page.session = await page.manager.feed(page.channel, page.session, frame)
            assert page.transport.close_code is None
        token = f"after-{uuid.uuid4().hex}"
        await page.input("ping", token)
        assert await page.wait_value("pong", token)  # the session goes on
        while not page.transport.messages.empty():  # whatever else was on its way
            await page.receive()
        assert page.transport.close_code is None
        codes = {error["code"] for error in page.page.errors}
        assert codes <= CLIENT_CODES, page.page.errors


@FUZZ_SESSION
@given(frame_list=frame_lists)
def test_a_live_session_answers_any_frames_and_goes_on(frame_list: list[bytes | str]) -> None:
    asyncio.run(session_takes(frame_list))


@FUZZ_SESSION
@given(messages=st.lists(st.sampled_from(KINDS).flatmap(well_formed), min_size=1, max_size=10))
def test_a_live_session_answers_well_formed_messages_of_every_type_and_goes_on(
    messages: list[dict[str, Any]],
) -> None:
    asyncio.run(session_takes([pack(m) for m in messages]))
