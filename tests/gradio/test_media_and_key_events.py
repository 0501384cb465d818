"""The page-sent listeners added for Gradio: media events (play, pause, stop, end, recording
started or stopped), a Dropdown's key_up (gr.KeyUpData) and a File's delete
(gr.DeletedFileData, derived from the files the page still sends)."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester

MEDIA_EVENTS = [
    "play", "pause", "stop", "end", "start_recording", "pause_recording", "stop_recording",
]  # fmt: skip


def _log(page: AppTester) -> str:
    return str(page.page.values.get("log", ""))


@pytest.mark.parametrize("kind", ["audio", "video"])
async def test_media_events_run_their_listeners_and_the_page_is_told_to_send_them(
    kind: str,
) -> None:
    with gr.Blocks() as demo:
        media = gr.Audio(elem_id="m") if kind == "audio" else gr.Video(elem_id="m")
        log = gr.Textbox(elem_id="log")
        for event in MEDIA_EVENTS:
            getattr(media, event)(lambda text, e=event: f"{text} {e}".strip(), log, log)
    assert sorted(demo.describe()["listen"]["m"]) == sorted(MEDIA_EVENTS)
    async with AppTester(demo) as page:
        for event in MEDIA_EVENTS:
            await page.send({"t": "trigger", "c": "m", "e": event})
            assert await page.wait_until(lambda: _log(page).endswith(event))  # noqa: B023
    assert page.page.values["log"] == " ".join(MEDIA_EVENTS)


def test_media_events_are_refused_on_components_that_never_play() -> None:
    with gr.Blocks():
        text = gr.Textbox()
        with pytest.raises(DefinitionError, match=r"Textbox\.play\(\.\.\.\) is not supported"):
            text.play(lambda: None, None, None)


async def test_key_up_on_a_dropdown_gives_the_key_and_the_typed_text() -> None:
    def report(value: Any, data: gr.KeyUpData) -> dict[str, Any]:
        return {"value": value, "key": data.key, "typed": data.input_value}

    with gr.Blocks() as demo:
        choice = gr.Dropdown(["abc", "def"], allow_custom_value=True, elem_id="d")
        out = gr.JSON(elem_id="out")
        choice.key_up(report, choice, out)
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "d", "e": "key_up", "d": {"key": "b",
                         "input_value": "ab"}})  # fmt: skip
        assert await page.wait_until(lambda: page.page.values.get("out") is not None)
        assert page.page.values["out"] == {"value": None, "key": "b", "typed": "ab"}


def _file(name: str) -> dict[str, Any]:
    return {"name": name, "mime": "text/plain", "data": name.encode()}


async def test_removing_one_of_several_files_runs_delete_with_its_path() -> None:
    seen: list[Any] = []

    def deleted(count: int, data: gr.DeletedFileData) -> int:
        seen.append(data.file)
        return count + 1

    uploads: list[int] = []
    with gr.Blocks() as demo:
        files = gr.File(file_count="multiple", elem_id="files")
        count = gr.Number(0, elem_id="count")
        files.delete(deleted, count, count)
        files.upload(lambda: uploads.append(1), None, None)
    async with AppTester(demo) as page:
        await page.input("files", [_file("a.txt"), _file("b.txt")])
        assert page.session is not None
        paths = page.session.values["files"]
        await page.input("files", [_file("b.txt")])  # the page's × on a.txt
        assert await page.wait_value("count", 1)
    assert [(f.orig_name, f.path) for f in seen] == [("a.txt", paths[0])]
    assert uploads == [1]  # taking a file out is not an upload


def test_delete_is_for_files_only() -> None:
    with gr.Blocks():
        image = gr.Image()
        with pytest.raises(DefinitionError, match=r"Image\.delete\(\.\.\.\) is not supported"):
            image.delete(lambda: None, None, None)
