"""``reactive run``: loading apps, clear errors, and a real server on loopback."""

from __future__ import annotations

import contextlib
import os
import re
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
import re
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


def test_a_taken_port_names_the_next_free_one(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["run", "app.py", "--port", str(port)]) == 2  # checked before the file
    err = capsys.readouterr().err
    found = re.search(r"Port (\d+) is free: run again with --port \1", err)
    assert found is not None, err
    assert f"Port {port} on 127.0.0.1 is already in use" in err
    offered = int(found.group(1))
    assert offered > port
    check_port("127.0.0.1", offered)  # it really is free: no error


def wait_for_line(process: subprocess.Popen[str], pattern: str) -> re.Match[str]:
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(pattern, line)
        if found:
            return found
    raise AssertionError(f"the server ended without printing {pattern!r}")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reactive", "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        start_new_session=True,
    )


def stop(process: subprocess.Popen[str]) -> str:
    """Stop the server; returns what it printed after the lines already read."""
    stop_server(process)
    assert process.stdout is not None
    rest = process.stdout.read()
    process.stdout.close()
    return rest


def test_port_0_picks_a_free_port_and_prints_the_real_url(tmp_path: Path) -> None:
    process = run_cli(str(write(tmp_path, "app.py", APP_SOURCE)), "--port", "0")
    try:
        url = wait_for_line(process, r"at (http://127\.0\.0\.1:(\d+)/)")
        assert int(url.group(2)) > 0
        with urllib.request.urlopen(url.group(1), timeout=10) as response:
            assert "cli test" in response.read().decode()
    finally:
        stop(process)


def test_open_hands_the_url_to_the_browser(tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    fake = write(tmp_path, "fake-browser.sh", f'#!/bin/sh\necho "$1" > {opened}\n')
    fake.chmod(0o755)
    app = str(write(tmp_path, "app.py", APP_SOURCE))
    # webbrowser runs $BROWSER with the URL: a fake browser that writes it down.
    process = run_cli(app, "--port", "0", "--open", env={"BROWSER": str(fake)})
    try:
        url = wait_for_line(process, r"at (http://\S+/)").group(1)
        deadline = time.monotonic() + 10
        while not (opened.exists() and opened.read_text().strip()):
            assert time.monotonic() < deadline, "the browser was never asked to open the page"
            time.sleep(0.02)
        assert opened.read_text().strip() == url
    finally:
        stop(process)


def test_without_open_no_browser_is_asked(tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    fake = write(tmp_path, "fake-browser.sh", f'#!/bin/sh\necho "$1" > {opened}\n')
    fake.chmod(0o755)
    process = run_cli(
        str(write(tmp_path, "app.py", APP_SOURCE)), "--port", "0", env={"BROWSER": str(fake)}
    )
    try:
        url = wait_for_line(process, r"at (http://\S+/)").group(1)
        with urllib.request.urlopen(url, timeout=10):
            pass
    finally:
        stop(process)
    assert not opened.exists()


@pytest.mark.parametrize(("level", "shown"), [("info", True), (None, False)])
def test_log_level_sets_how_much_the_server_says(
    tmp_path: Path, level: str | None, shown: bool
) -> None:
    flags = ["--log-level", level] if level else []
    process = run_cli(str(write(tmp_path, "app.py", APP_SOURCE)), "--port", "0", *flags)
    try:
        url = wait_for_line(process, r"at (http://\S+/)").group(1)
        with urllib.request.urlopen(url, timeout=10):
            pass
    finally:
        printed = stop(process)
    assert ("GET / HTTP/1.1" in printed) is shown, printed  # uvicorn's access log is info


def test_reactive_new_writes_an_app_and_a_test_that_pass(tmp_path: Path) -> None:
    folder = tmp_path / "my_app"
    assert main(["new", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["app.py", "conftest.py", "test_app.py"]
    assert load_app(str(folder / "app.py")).title == "My app"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_app.py"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_reactive_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "keep.txt", "mine")
    assert main(["new", str(tmp_path)]) == 2
    assert "already exists and is not empty" in capsys.readouterr().err
    assert (tmp_path / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize(("answer", "accepted"), [("", True), ("y", True), ("n", False)])
def test_at_a_terminal_the_free_port_is_offered(
    monkeypatch: pytest.MonkeyPatch, answer: str, accepted: bool
) -> None:
    from reactive import cli

    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return answer

    monkeypatch.setattr("builtins.input", ask)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        if accepted:
            chosen = cli._port_or_offer("127.0.0.1", port)
            assert chosen > port
            assert asked == [
                f"Port {port} on 127.0.0.1 is already in use. Serve on port {chosen}? [Y/n] "
            ]
        else:
            with pytest.raises(AppLoadError, match="is free: run again with --port"):
                cli._port_or_offer("127.0.0.1", port)
