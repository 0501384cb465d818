"""``rx.Client`` against a real server on loopback: calls, streams, cancel, files, media, resume."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import reactive as rx
from reactive.cli import background_server
from reactive.client.state import FunctionInfo, Parameter, RunRecord, SessionState
from reactive.client.values import wav_bytes
from reactive.errors import CallCancelled, CallError, ClientError
from tests.client.apps import RATE, Seen, api_app


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, Seen]]:
    seen = Seen()
    with background_server(api_app(seen)) as url:
        yield url, seen


@pytest.fixture
def client(served: tuple[str, Seen], tmp_path: Path) -> Iterator[rx.Client]:
    with rx.Client(served[0], download_dir=tmp_path) as client:
        yield client


def test_functions_lists_each_exposed_function_with_its_types(client: rx.Client) -> None:
    functions = client.functions()
    assert "private" not in functions
    shout = functions["shout"]
    assert [(p.type, p.label) for p in shout.inputs] == [("textbox", "text")]
    assert [(p.type, p.label) for p in shout.outputs] == [("text", "loud")]
    assert [p.type for p in functions["invert"].inputs] == ["image"]


def test_call_returns_the_final_output(client: rx.Client) -> None:
    assert client.call("shout", "hi") == "HI"
    assert client.call("repeat", "ab", 3) == ("ababab", 6)


def test_a_failing_run_raises_with_the_servers_message(client: rx.Client) -> None:
    with pytest.raises(CallError, match="cannot take 'x'"):
        client.call("fail", "x")


def test_a_bad_input_is_refused_naming_it(client: rx.Client) -> None:
    with pytest.raises(ClientError, match="input 1") as caught:
        client.call("repeat", "ab", "three")
    assert caught.value.code == "bad_value"


def test_unknown_and_private_functions_are_refused(client: rx.Client) -> None:
    with pytest.raises(ClientError, match="no API function 'private'"):
        client.call("private", "x")


def test_stream_yields_each_update_as_it_arrives(client: rx.Client) -> None:
    assert list(client.stream("steps", 4)) == [1, 2, 3, 4]


def test_stream_assembles_growing_text(client: rx.Client) -> None:
    updates = list(client.stream("count", 5))
    assert updates[-1] == "0 1 2 3 4 "  # whether it came as one update or appends
    assert all(b.startswith(a) for a, b in itertools.pairwise(updates))


def test_appends_are_assembled_and_a_delta_that_does_not_fit_is_dropped() -> None:
    state = SessionState()
    state.welcome({"components": {"out": {"type": "text", "props": {"value": None}}}})
    info = FunctionInfo("f", [], [Parameter("out", "text", None)])
    record = RunRecord(info, 3)
    state.track(record)
    state.apply({"t": "update", "c": "out", "r": 3, "f": "f", "v": "ab"})
    state.apply({"t": "append", "c": "out", "r": 3, "f": "f", "d": "cd", "at": 2})
    state.apply({"t": "append", "c": "out", "r": 3, "f": "f", "d": "zz", "at": 9})  # no fit
    state.apply({"t": "append", "c": "out", "r": 2, "f": "f", "d": "old", "at": 4})  # stale
    assert record.values["out"] == "abcd"
    state.apply({"t": "status", "f": "f", "r": 3, "s": "done"})
    assert record.state == "done"


def test_cancel_stops_the_run_on_the_server(served: tuple[str, Seen], client: rx.Client) -> None:
    _, seen = served
    for event in (seen.started, seen.stopped, seen.finished):
        event.clear()
    job = client.submit("slow", 30)
    assert seen.started.wait(10)
    job.cancel()
    assert seen.stopped.wait(10), "the server's run did not stop"
    assert not seen.finished.is_set()
    with pytest.raises(CallCancelled):
        job.result(5)


def test_submit_then_result(client: rx.Client) -> None:
    job = client.submit("slow", 0.01)
    assert job.result(10) == "slept"
    assert job.done()


def test_pictures_go_up_as_numpy_and_come_back_as_a_path(client: rx.Client) -> None:
    picture = np.zeros((4, 6, 3), dtype=np.uint8)
    picture[0, 0] = (10, 20, 30)
    path = client.call("invert", picture)
    back = np.asarray(Image.open(path))
    assert back.shape == (4, 6, 3)
    assert tuple(back[0, 0]) == (245, 235, 225)


def test_numpy_results_on_request(served: tuple[str, Seen], tmp_path: Path) -> None:
    with rx.Client(served[0], numpy=True, download_dir=tmp_path) as client:
        back = client.call("invert", np.full((2, 2, 3), 5, dtype=np.uint8))
    assert isinstance(back, np.ndarray)
    assert int(back[1, 1, 2]) == 250


def test_files_go_up_from_a_path_and_come_back_as_one(
    served: tuple[str, Seen], client: rx.Client, tmp_path: Path
) -> None:
    source = tmp_path / "notes.bin"
    source.write_bytes(b"abc\x00def")
    result = Path(client.call("reverse", source))
    assert result.read_bytes() == b"fed\x00cba"
    assert served[1].received[-1] == b"abc\x00def"


def test_audio_goes_up_as_rate_and_samples(client: rx.Client) -> None:
    samples = np.array([0, 1200, -3000, 5], dtype=np.int16)
    assert client.call("loudest", (8000, samples)) == 3000


def test_a_file_over_the_message_limit_goes_up_in_parts(client: rx.Client, tmp_path: Path) -> None:
    samples = (np.arange(9_000_000) % 2000 - 1000).astype(np.int16)  # 18 MB: over 16 MiB
    source = tmp_path / "long.wav"
    source.write_bytes(wav_bytes(RATE, samples))
    assert client.call("size_of", source) == source.stat().st_size


def test_streamed_audio_arrives_as_rate_and_samples_chunks(client: rx.Client) -> None:
    chunks = list(client.stream("tones", 3))
    assert [rate for rate, _ in chunks] == [RATE] * 3
    assert [int(samples[0]) for _, samples in chunks] == [1000, 2000, 3000]
    rate, whole = client.call("tones", 2)
    assert rate == RATE
    assert whole.shape == (1600,)


def test_the_client_resumes_its_session_after_the_socket_drops(client: rx.Client) -> None:
    session = client.session
    job = client.submit("slow", 0.5)
    socket = client.aio._socket
    assert socket is not None

    async def drop() -> None:  # on the client's own loop: the network drops, no close frame
        socket.transport.abort()

    client._run(drop())
    assert job.result(10) == "slept"  # the run went on and its result arrived after the resume
    assert client.session == session
    assert client.call("shout", "back") == "BACK"


async def test_async_client_calls_and_streams(served: tuple[str, Seen], tmp_path: Path) -> None:
    async with rx.AsyncClient(served[0], download_dir=tmp_path) as client:
        assert await client.call("shout", "hey") == "HEY"
        updates = [value async for value in client.stream("count", 3)]
        assert updates[-1] == "0 1 2 "
        loud, repeated = await asyncio.gather(
            client.call("shout", "a"), client.call("repeat", "b", 2)
        )
        assert (loud, repeated) == ("A", ("bb", 4))


def test_a_server_that_is_not_there_is_a_clear_error() -> None:
    with pytest.raises(ClientError, match="Cannot reach"):
        rx.Client("http://127.0.0.1:9", timeout=5)


def test_importing_the_client_loads_no_server() -> None:
    code = (
        "import sys, reactive.client; "
        "print(sorted(m for m in sys.modules if m.startswith(('starlette', 'uvicorn', "
        "'reactive.session', 'reactive.server'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_leaving_a_stream_early_stops_the_run(served: tuple[str, Seen], client: rx.Client) -> None:
    _, seen = served
    seen.ticker_stopped.clear()
    updates = client.stream("ticker", 1)
    assert [next(updates), next(updates)] == [1, 2]
    updates.close()
    assert seen.ticker_stopped.wait(10), "the run went on after the stream was left"
