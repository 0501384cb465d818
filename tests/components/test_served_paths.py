"""A path a function returns is served only from where the app allows (issue 9, item 6).

A Textbox value passed straight through to a File, Image, Audio, Video or Gallery output must
not serve /etc/hostname, /proc/self/environ or ``../../etc/hostname``; the output says why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import reactive as rx
from reactive.media.image import array_to_pil, encode_pil
from reactive.testing import AppTester

Output = Callable[[], rx.Component]
HOSTNAME = Path("/etc/hostname").read_bytes()

OUTPUTS: dict[str, Output] = {
    "file": lambda: rx.File(),
    "image": lambda: rx.Image(),
    "audio": lambda: rx.Audio(),
    "video": lambda: rx.Video(),
    "gallery": lambda: rx.Gallery(),
    "streaming_audio": lambda: rx.Audio(streaming=True),
}


def passthrough_app(make: Output, **options: Any) -> rx.App:
    app = rx.App(**options)
    gallery = make().type == "gallery"

    @app.fn(inputs=rx.Textbox(elem_id="path"), outputs=make(), trigger=rx.Button(elem_id="go"))
    def show(path: str) -> Any:
        return [path] if gallery else path

    return app


async def error_of(app: rx.App, value: str) -> str:
    async with AppTester(app) as page:
        await page.input("path", value)
        await page.click("go")
        assert await page.wait_status("show", "error"), page.page.status
        sent = [e for e in page.events if e.get("t") in ("update", "chunk")]
        assert sent == []  # nothing of the file reached the page
        return str(page.page.status["show"]["msg"])


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return work


@pytest.mark.parametrize("kind", list(OUTPUTS))
@pytest.mark.parametrize(
    "value", ["/etc/hostname", "/proc/self/environ", "../" * 12 + "etc/hostname"]
)
async def test_a_returned_path_outside_the_allowed_folders_is_refused(
    cwd: Path, kind: str, value: str
) -> None:
    message = await error_of(passthrough_app(OUTPUTS[kind]), value)
    assert "allowed_paths" in message or "never served" in message
    assert value.split("/")[-1] in message or "environ" in message


async def test_a_symlink_to_a_secret_is_refused(cwd: Path) -> None:
    (cwd / "report.txt").symlink_to("/etc/hostname")
    message = await error_of(passthrough_app(OUTPUTS["file"]), "report.txt")
    assert "rx.App(allowed_paths=" in message


async def test_a_dotfile_is_refused(cwd: Path) -> None:
    (cwd / ".env").write_text("TOKEN=secret")
    assert "hidden" in await error_of(passthrough_app(OUTPUTS["file"]), ".env")


async def test_blocked_paths_are_refused_and_name_the_setting(cwd: Path) -> None:
    (cwd / "keys").mkdir()
    (cwd / "keys" / "k.txt").write_text("k")
    app = passthrough_app(OUTPUTS["file"], blocked_paths=["keys"])
    assert "blocked_paths" in await error_of(app, "keys/k.txt")


async def test_files_in_the_working_directory_and_allowed_paths_are_served(
    cwd: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    picture = np.zeros((4, 6, 3), dtype=np.uint8)
    (cwd / "pic.png").write_bytes(encode_pil(array_to_pil(picture), "png", 90)[1])
    app = passthrough_app(OUTPUTS["image"], allowed_paths=["/etc"])
    async with AppTester(app) as page:
        await page.input("path", "pic.png")
        await page.click("go")
        assert await page.wait_status("show", "done")
        assert page.page.values[app.functions[0].outputs[0].id]["w"] == 6
    file_app = passthrough_app(OUTPUTS["file"], allowed_paths=["/etc"])
    async with AppTester(file_app) as page:
        await page.input("path", "/etc/hostname")
        await page.click("go")
        assert await page.wait_status("show", "done")
        shown = page.page.values[file_app.functions[0].outputs[0].id]
        assert shown["name"] == "hostname"
        assert shown["data"] == HOSTNAME


def test_a_value_the_author_gave_is_not_checked(cwd: Path) -> None:
    app = rx.App()
    output = rx.File(value="/etc/hostname", elem_id="f")
    app.fn(inputs=rx.Textbox(), outputs=output)(lambda text: text)
    assert app.describe()["components"]["f"]["props"]["value"]["name"] == "hostname"
