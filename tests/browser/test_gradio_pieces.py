"""Gradio pieces in Chromium: an UploadButton's files, a File's × (.delete), a FileExplorer's
tree, a Navbar, a Dropdown's key_up, a Timer stopped and started, and media events (played to
the end, a recording started and stopped) sent from the media element and the recorder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app
from tests.media import generate


def files_app(root: Path) -> gr.Blocks:
    def deleted(count: float, data: gr.DeletedFileData) -> tuple[float, str]:
        return count + 1, data.file.orig_name or ""

    with gr.Blocks() as demo:
        shown = gr.File(file_count="multiple", elem_id="shown")
        button = gr.UploadButton("Upload notes", file_count="multiple", elem_id="up")
        button.upload(lambda files: [f.name for f in files], button, shown)
        picked = gr.File(file_count="multiple", elem_id="picked")
        count = gr.Number(0, elem_id="count")
        gone = gr.Textbox(elem_id="gone")
        picked.delete(deleted, count, [count, gone])
        explorer = gr.FileExplorer("**/*.txt", root_dir=root, elem_id="fe")
        chosen = gr.Textbox(elem_id="chosen")
        explorer.change(lambda paths: ",".join(Path(p).name for p in paths), explorer, chosen)
    return demo


def test_upload_button_file_delete_and_file_explorer(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "a.txt").write_text("a")
    (root / "b.txt").write_text("b")
    (root / "skip.py").write_text("no")
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("1")
    two.write_text("2")
    open_app(page, serve(files_app(root)))

    expect(page.locator("#up button")).to_have_text("Upload notes")
    page.set_input_files("#up input[type=file]", [str(one), str(two)])
    expect(page.locator("#shown a.rx-download")).to_have_text(["one.txt", "two.txt"])

    page.set_input_files("#picked input[type=file]", [str(one), str(two)])
    expect(page.locator("#picked .rx-files li")).to_have_count(2)
    page.locator("#picked .rx-files li").first.locator(".rx-file-remove").click()
    expect(page.locator("#picked .rx-files li")).to_have_count(1)
    expect(page.locator("#count input")).to_have_value("1")
    expect(page.locator("#gone .rx-value")).to_have_value("one.txt")

    tree = page.locator("#fe .rx-tree")
    expect(tree.locator(".rx-tree-name")).to_have_text(["notes", "a.txt", "b.txt"])  # no .py
    tree.locator("summary").first.click()  # open the folder
    page.get_by_label("notes/a.txt").check()
    page.get_by_label("b.txt").check()
    expect(page.locator("#chosen .rx-value")).to_have_value("a.txt,b.txt")


def nav_app() -> gr.Blocks:
    def keys(data: gr.KeyUpData) -> dict[str, Any]:
        return {"key": data.key, "typed": data.input_value}

    with gr.Blocks() as demo:
        nav = gr.Navbar([("Docs", "https://example.com/docs")], main_page_name="Home",
                        elem_id="nav")  # fmt: skip
        gr.Button("Hide", elem_id="hide").click(lambda: gr.Navbar(visible=False), None, nav)
        choice = gr.Dropdown(["abc", "def"], allow_custom_value=True, elem_id="dd")
        typed = gr.JSON(elem_id="typed")
        choice.key_up(keys, None, typed)
        timer = gr.Timer(0.1)
        ticks = gr.Number(0, elem_id="ticks")
        timer.tick(lambda n: n + 1, ticks, ticks)
        gr.Button("Stop", elem_id="stop").click(lambda: gr.Timer(active=False), None, timer)
        gr.Button("Start", elem_id="start").click(lambda: gr.Timer(active=True), None, timer)
        count = gr.Slider(1, 5, value=2, step=1, elem_id="count")
        listing: Any = lambda n: ", ".join(str(i) for i in range(int(n)))  # noqa: E731
        gr.Textbox(listing, inputs=[count], elem_id="listing")  # Gradio's value function
    return demo


def _ticks(page: Page) -> float:
    return float(page.locator("#ticks input").input_value() or 0)


def test_navbar_key_up_a_timer_stopped_and_started_and_a_value_function(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(nav_app()))
    expect(page.locator("#listing .rx-value")).to_have_value("0, 1")  # filled as the page opens
    page.locator("#count input").press("ArrowRight")
    expect(page.locator("#listing .rx-value")).to_have_value("0, 1, 2")  # its input changed
    links = page.locator("#nav nav a")
    expect(links).to_have_text(["Home", "Docs"])
    expect(links.nth(1)).to_have_attribute("target", "_blank")
    page.locator("#hide button").click()
    expect(page.locator("#nav")).to_be_hidden()

    page.locator("#dd input").press_sequentially("ab")
    expect(page.locator("#typed")).to_contain_text('"typed": "ab"')
    expect(page.locator("#typed")).to_contain_text('"key": "b"')

    page.wait_for_function("() => Number(document.querySelector('#ticks input').value) >= 2")
    page.locator("#stop button").click()
    expect(page.locator("#stop")).to_have_attribute("data-status", "idle")
    page.locator("#start button").click()
    after = _ticks(page)
    page.wait_for_function(
        f"() => Number(document.querySelector('#ticks input').value) >= {after + 2}"
    )


def media_app(sound: Path) -> gr.Blocks:
    def log(text: str, event: str) -> str:
        return f"{text} {event}".strip()

    with gr.Blocks() as demo:
        player = gr.Audio(str(sound), elem_id="player")
        for event in ("play", "end", "stop"):  # one output each: they fire together at the end
            heard = gr.Textbox(elem_id=f"heard-{event}")
            getattr(player, event)(lambda e=event: f"{e} heard", None, heard)
        mic = gr.Audio(sources=["microphone"], elem_id="mic")
        recorded = gr.Textbox(elem_id="recorded")
        mic.start_recording(lambda t: log(t, "start"), recorded, recorded)
        mic.pause_recording(lambda t: log(t, "pause"), recorded, recorded)
        mic.stop_recording(lambda t: log(t, "stop"), recorded, recorded)
    return demo


def test_media_events_come_from_the_player_and_the_recorder(
    fpage: Page, serve: Serve, tmp_path: Path
) -> None:
    sound = generate.write_wav(tmp_path / "beep.wav", 16000, 0.3)
    open_app(fpage, serve(media_app(sound)))
    audio = fpage.locator("#player audio")
    expect(audio).to_have_attribute("src", re.compile(r"^blob:"))
    audio.evaluate("(a) => a.play()")
    for event in ("play", "end", "stop"):  # the 0.3 s sound played to its end
        expect(fpage.locator(f"#heard-{event} .rx-value")).to_have_value(f"{event} heard")

    recorder = fpage.locator("#mic .rx-recorder")
    recorder.locator(".rx-rec-record").click()
    expect(recorder).to_have_attribute("data-state", "recording")
    expect(fpage.locator("#recorded .rx-value")).to_have_value("start")
    recorder.locator(".rx-rec-pause").click()
    expect(recorder).to_have_attribute("data-paused", "true")
    expect(fpage.locator("#recorded .rx-value")).to_have_value("start pause")
    recorder.locator(".rx-rec-pause").click()  # resume
    expect(recorder).to_have_attribute("data-paused", "false")
    recorder.locator(".rx-rec-stop").click()
    expect(fpage.locator("#recorded .rx-value")).to_have_value("start pause stop")
    expect(recorder).to_have_attribute("data-state", "recorded")
