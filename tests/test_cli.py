"""``reactive run``: loading apps, clear errors, and a real server on loopback."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgpack
import pytest

from reactive import __version__
from reactive.cli import check_port, load_app, main
from reactive.errors import AppLoadError

ROOT = Path(__file__).parent.parent


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


APP_SOURCE = """
import reactive as rx
app = rx.App(title="cli test")

@app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)
def echo(text):
    return text
"""


def test_load_app_finds_the_app_in_the_module(tmp_path: Path) -> None:
    app = load_app(str(write(tmp_path, "one.py", APP_SOURCE)))
    assert app.title == "cli test"


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AppLoadError, match=r"No such file: .*nope\.py"):
        load_app(str(tmp_path / "nope.py"))


def test_module_without_an_app_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(AppLoadError, match=r"defines no rx\.App.*app = rx\.App"):
        load_app(str(write(tmp_path, "empty.py", "x = 1\n")))


def test_several_apps_must_be_named(tmp_path: Path) -> None:
    source = "import reactive as rx\na = rx.App()\nb = rx.App(title='b')\n"
    path = write(tmp_path, "two.py", source)
    with pytest.raises(AppLoadError, match=r"several apps \(a, b\)"):
        load_app(str(path))
    assert load_app(f"{path}:b").title == "b"


def test_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(AppLoadError, match=f"Port {port} on 127.0.0.1 is already in use"):
            check_port("127.0.0.1", port)


def test_main_prints_the_error_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(tmp_path / "missing.py")]) == 2
    assert "reactive: No such file" in capsys.readouterr().err


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reactive {__version__}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reactive",
            "run",
            str(write(tmp_path, "app.py", APP_SOURCE)),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield process, port
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def test_reactive_run_prints_the_url_and_serves(served: tuple[subprocess.Popen[str], int]) -> None:
    process, port = served
    assert process.stdout is not None
    line = process.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in line
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                status, body = response.status, response.read().decode()
            break
        except OSError:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
    assert status == 200
    assert "cli test" in body


def start_server(app_file: Path, port: int, *flags: str) -> subprocess.Popen[str]:
    """``reactive run`` in its own process group (a reloader or workers start children)."""
    return subprocess.Popen(
        [sys.executable, "-m", "reactive", "run", str(app_file), "--port", str(port), *flags],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )


def stop_server(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def page_with(port: int, text: str, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                if text in response.read().decode():
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def test_reload_serves_the_edited_app(tmp_path: Path) -> None:
    app_file = write(tmp_path, "app.py", APP_SOURCE.replace("cli test", "first title"))
    port = free_port()
    process = start_server(app_file, port, "--reload")
    try:
        assert page_with(port, "first title")
        time.sleep(0.3)  # a later modification time than the first load
        app_file.write_text(APP_SOURCE.replace("cli test", "second title"))
        assert page_with(port, "second title")
    finally:
        stop_server(process)


def test_two_workers_serve_sessions(tmp_path: Path) -> None:
    from websockets.sync.client import connect

    port = free_port()
    process = start_server(write(tmp_path, "app.py", APP_SOURCE), port, "--workers", "2")
    try:
        assert page_with(port, "cli test")
        for _ in range(4):  # the kernel spreads them over both workers
            with connect(f"ws://127.0.0.1:{port}/ws") as ws:
                ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
                assert msgpack.unpackb(ws.recv(timeout=10))["t"] == "welcome"
    finally:
        stop_server(process)


def test_reload_with_workers_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app_file = write(tmp_path, "app.py", APP_SOURCE)
    assert main(["run", str(app_file), "--reload", "--workers", "2"]) == 2
    assert "--reload serves one process" in capsys.readouterr().err


def test_workers_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["run", "app.py", "--workers", "0"])
    assert info.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


STUCK_SOURCE = """
import threading
import reactive as rx

app = rx.App(title="stuck")
never = threading.Event()

@app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
def stuck_forever(q):
    print("call started", flush=True)
    never.wait()  # a call nobody can stop: shutdown must not wait for it forever
    return q
"""


def test_ctrl_c_stops_the_server_even_with_a_call_stuck_in_a_thread(tmp_path: Path) -> None:
    from websockets.sync.client import connect

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "reactive", "run", str(write(tmp_path, "app.py", STUCK_SOURCE)),
         "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    assert process.stdout is not None
    try:
        assert page_with(port, "stuck")
        with connect(f"ws://127.0.0.1:{port}/ws") as ws:
            ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
            ws.recv(5)
            ws.send(msgpack.packb({"t": "input", "c": "q", "v": "x"}))
            lines = iter(process.stdout.readline, "")
            assert any("call started" in line for line in lines)
            process.send_signal(signal.SIGINT)
            output = process.communicate(timeout=20)[0]  # the session's bound is 5 s
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert "stuck_forever()" in output  # the log names the call that would not end


def test_allowed_hosts_reach_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from starlette.testclient import TestClient

    from reactive.cli import APP_ENV, HOSTS_ENV, app_from_environment

    script = tmp_path / "hosted.py"
    script.write_text("import reactive as rx\napp = rx.App()\n")
    monkeypatch.setenv(APP_ENV, str(script))
    monkeypatch.setenv(HOSTS_ENV, "app.example.com")
    with TestClient(app_from_environment()) as client:
        assert client.get("/", headers={"host": "app.example.com"}).status_code == 200
        assert client.get("/", headers={"host": "other.example"}).status_code == 400


PID_SOURCE = """
import os
import reactive as rx

app = rx.App(title="pids")

@app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="pid"), live=True)
def which(q):
    return f"{q}:{os.getpid()}"
"""


def _ask(ws: Any, text: str) -> str:
    """Send one keystroke and read (acking) until its reply names the worker that ran it."""
    ws.send(msgpack.packb({"t": "input", "c": "q", "v": text}))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        message = msgpack.unpackb(ws.recv(timeout=10))
        if message["t"] != "batch":
            continue
        ws.send(msgpack.packb({"t": "ack", "n": message["n"]}))
        for event in message["e"]:
            if event["t"] == "update" and str(event["v"]).startswith(f"{text}:"):
                return str(event["v"]).split(":")[1]
    raise AssertionError(f"no reply to {text!r}")


def test_a_killed_worker_leaves_the_other_workers_sessions_untouched(tmp_path: Path) -> None:
    from websockets.sync.client import connect

    port = free_port()
    process = start_server(write(tmp_path, "app.py", PID_SOURCE), port, "--workers", "2")
    sockets = contextlib.ExitStack()
    try:
        assert page_with(port, "pids")
        by_worker: dict[str, list[tuple[Any, str]]] = {}
        for index in range(40):  # the kernel spreads connections over both workers
            ws = sockets.enter_context(connect(f"ws://127.0.0.1:{port}/ws"))
            ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
            welcome = msgpack.unpackb(ws.recv(timeout=10))
            by_worker.setdefault(_ask(ws, f"k{index}"), []).append((ws, welcome["session"]))
            if len(by_worker) == 2 and all(len(v) >= 2 for v in by_worker.values()):
                break
        assert len(by_worker) == 2, "all connections reached one worker"
        victim, survivor = sorted(by_worker)
        os.kill(int(victim), signal.SIGKILL)
        for ws, _ in by_worker[survivor]:
            assert _ask(ws, "still") == survivor  # same worker, same socket, same session
    finally:
        with contextlib.suppress(Exception):  # the victim's sockets are already gone
            sockets.close()
        stop_server(process)
