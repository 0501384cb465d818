"""``--reload`` in process: each load swaps in a new app; a broken file swaps in its error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reactive.cli import load_app, reloading
from reactive.errors import AppLoadError
from reactive.reload import ERROR_ID, ReloadingApp, forget_modules_in

APP = """
import reactive as rx
from helper import GREETING

app = rx.App(title=GREETING)

@app.fn(inputs=rx.Textbox(elem_id="name"), outputs=rx.Text(elem_id="out"), live=True)
def greet(name):
    return GREETING + name
"""


def write(path: Path, text: str) -> None:
    path.write_text(text)  # a few bytes: no need to leave the loop for it


def current_app_title(reloader: ReloadingApp) -> str:
    assert reloader._current is not None
    title: str = reloader._current.starlette.state.sessions.app.title
    return title


def current_components(reloader: ReloadingApp) -> set[str]:
    assert reloader._current is not None
    return set(reloader._current.starlette.state.sessions.app.components)


@pytest.fixture
def app_file(tmp_path: Path) -> Path:
    (tmp_path / "helper.py").write_text("GREETING = 'first'\n")
    path = tmp_path / "app.py"
    path.write_text(APP)
    return path


async def test_a_reload_imports_the_app_and_its_sibling_modules_afresh(app_file: Path) -> None:
    reloader = reloading(str(app_file), [], "127.0.0.1")
    await reloader.start()
    try:
        assert current_app_title(reloader) == "first"
        write(app_file.parent / "helper.py", "GREETING = 'second'\n")
        await reloader.reload()
        assert current_app_title(reloader) == "second"
    finally:
        await reloader.stop()
    assert reloader._current is None


async def test_a_broken_file_is_shown_and_the_next_good_save_recovers(
    app_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reloader = reloading(str(app_file), [], "127.0.0.1")
    await reloader.start()
    try:
        write(app_file, "import reactive as rx\nraise RuntimeError('half-written')\n")
        await reloader.reload()
        assert current_components(reloader) == {ERROR_ID}
        assert current_app_title(reloader) == "Reload failed: app.py"
        err = capsys.readouterr().err
        assert "RuntimeError: half-written" in err
        assert f'File "{app_file}", line 2' in err  # the user's own line
        assert "reactive/cli.py" not in err  # not the loader's frames
        assert "<frozen" not in err
        write(app_file, APP)
        await reloader.reload()
        assert current_components(reloader) == {"name", "out"}
    finally:
        await reloader.stop()


def test_only_modules_from_the_folder_are_forgotten(tmp_path: Path) -> None:
    (tmp_path / "only_here.py").write_text("X = 1\n")
    app_file = tmp_path / "app.py"
    app_file.write_text("import only_here\nimport reactive as rx\napp = rx.App()\n")
    load_app(str(app_file))
    assert "only_here" in sys.modules
    forget_modules_in(tmp_path)
    assert "only_here" not in sys.modules
    assert "reactive" in sys.modules
    assert "pytest" in sys.modules


def test_a_missing_file_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(AppLoadError, match="No such file"):
        reloading(str(tmp_path / "nope.py"), [], "127.0.0.1")


def test_a_first_load_that_does_not_import_is_served_as_its_error(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text("import reactive as rx\napp = rx.App(\n")
    reloader = reloading(str(path), [], "127.0.0.1")
    assert reloader.title == "Reload failed: app.py"


def test_reactive_itself_is_never_forgotten(tmp_path: Path) -> None:
    import reactive

    loaded = dict(sys.modules)
    try:
        forget_modules_in(Path(reactive.__file__).parent.parent)  # a folder holding the package
        assert sys.modules["reactive"] is reactive
        assert "reactive.definition.app" in sys.modules
        assert "tests.test_reload" not in sys.modules  # while the repository's own tests go
    finally:
        sys.modules.update(loaded)


RUNNING = """
import time
import reactive as rx

app = rx.App(title="{title}")

@app.fn(inputs=[], outputs=rx.Text(elem_id="ticks"), trigger=rx.Button("Tick", elem_id="tick"))
def tick():
    try:
        for n in range(1_000_000):
            yield str(n)
            time.sleep(0.02)
    finally:
        with open({mark!r}, "a") as out:
            out.write("closed;")

def sleeper(seconds):
    time.sleep(seconds)
    return "slept"

app.fn(inputs=rx.Number(30, elem_id="seconds"), outputs=rx.Text(elem_id="slept"),
       trigger=rx.Button("Sleep", elem_id="sleep"), run_in="process")(sleeper)
"""


def test_a_reload_ends_the_old_apps_runs_and_worker_processes(tmp_path: Path) -> None:
    import msgpack
    from starlette.testclient import TestClient

    from tests.session.census import children_by_pid

    mark = tmp_path / "closed.txt"
    app_file = tmp_path / "running_app.py"
    app_file.write_text(RUNNING.format(title="old", mark=str(mark)))
    before = set(children_by_pid())
    reloader = reloading(str(app_file), [], "127.0.0.1")

    def pack(message: dict[str, object]) -> bytes:
        packed: bytes = msgpack.packb(message)
        return packed

    with (
        TestClient(reloader, base_url="http://127.0.0.1:8000") as client,
        client.websocket_connect("ws://127.0.0.1:8000/ws") as ws,
    ):
        ws.send_bytes(pack({"t": "hello", "v": 1, "session": None}))
        assert msgpack.unpackb(ws.receive_bytes())["t"] == "welcome"
        workers = set(children_by_pid()) - before
        assert workers, "the old app's worker processes should have started with it"
        ws.send_bytes(pack({"t": "trigger", "c": "tick", "e": "click"}))
        ws.send_bytes(pack({"t": "trigger", "c": "sleep", "e": "click"}))
        seen: list[object] = []
        while "3" not in seen:  # the generator is running in its thread
            batch = msgpack.unpackb(ws.receive_bytes())
            seen += [event.get("v") for event in batch["e"]]
            ws.send_bytes(pack({"t": "ack", "n": batch["n"]}))
        app_file.write_text(RUNNING.format(title="new", mark=str(mark)))
        assert client.portal is not None
        client.portal.call(reloader.reload)
        assert current_app_title(reloader) == "new"
        assert mark.read_text() == "closed;"  # the old run's generator was closed
        alive = set(children_by_pid())
        assert not workers & alive, "a worker process of the old app outlived the reload"
