"""``--reload`` in process: each load swaps in a new app; a broken file swaps in its error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reactive.cli import load_app, reloading
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
        assert "RuntimeError: half-written" in capsys.readouterr().err
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
