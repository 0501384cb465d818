"""MultimodalTextbox(sources=["microphone", "upload"]) in Chromium: the microphone button opens
the recorder; the recording is attached as a WAV chip and sent with the text, and a message whose
content is a list of parts (Gradio 6: the file, then the text) shows a player and the text."""

from __future__ import annotations

import wave
from typing import Any

import numpy as np
from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app, screenshot
from tests.browser.test_capture import TONE_HZ, peak_hz, record


def test_a_recording_is_attached_and_sent_with_the_message(fpage: Page, serve: Serve) -> None:
    heard: list[tuple[str, int, np.ndarray[Any, Any]]] = []

    def heard_it(message: dict[str, Any]) -> str:
        for path in message["files"]:
            with wave.open(path) as recording:
                rate = recording.getframerate()
                frames = recording.readframes(recording.getnframes())
                channels = recording.getnchannels()
                samples = np.frombuffer(frames, np.int16).reshape(-1, channels)
            heard.append((path, rate, samples))
        return f"{message['text']} + {len(message['files'])} file(s)"

    def add_message(history: list[Any], message: dict[str, Any]) -> list[Any]:
        parts: list[Any] = [{"path": path} for path in message["files"]]
        return [*history, {"role": "user", "content": [*parts, message["text"]]}]

    with gr.Blocks() as demo:
        box = gr.MultimodalTextbox(
            elem_id="box", file_count="multiple", sources=["microphone", "upload"]
        )
        out = gr.Textbox(elem_id="out")
        chat = gr.Chatbot(elem_id="chat")
        box.submit(heard_it, box, out)
        box.submit(add_message, [chat, box], chat)
    open_app(fpage, serve(demo))
    mic = fpage.get_by_role("button", name="Record audio")
    expect(fpage.locator("#box .rx-mm-attach input[type=file]")).to_have_count(1)  # upload too
    expect(fpage.locator("#box .rx-recorder")).to_be_hidden()
    mic.click()
    expect(mic).to_have_attribute("aria-expanded", "true")
    expect(fpage.locator("#box .rx-recorder")).to_be_visible()
    screenshot(fpage, "multimodal-microphone-open")
    record(fpage, "#box", 1.0)
    chip = fpage.locator("#box .rx-mm-file")
    expect(chip).to_have_text("microphone.wav×", timeout=10_000)
    expect(fpage.locator("#box .rx-recorder")).to_be_hidden()
    fpage.locator("#box textarea").fill("listen")
    fpage.locator("#box textarea").press("Enter")
    expect(fpage.locator("#out .rx-value")).to_have_value("listen + 1 file(s)")
    user = fpage.locator("#chat .rx-msg[data-role=user]")
    expect(user).to_have_count(1)  # one message of two parts: the recording, then the text
    expect(user.locator("audio")).to_have_count(1)
    expect(user).to_contain_text("listen")
    [(path, rate, samples)] = heard
    assert path.endswith("microphone.wav")
    assert abs(len(samples) / rate - 1.0) < 0.15
    assert abs(peak_hz(rate, samples) - TONE_HZ) < 5
