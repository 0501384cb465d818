"""The Gradio shim in Chromium: the seed's examples and typical Gradio apps, import changed only."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PIL import Image as PILImage
from playwright.sync_api import FilePayload, Page, expect

from reactive.cli import load_app
from tests.browser.conftest import Serve, open_app, screenshot

DEMOS = Path(__file__).parent.parent.parent / "demos" / "gradio"


def open_demo(page: Page, serve: Serve, name: str) -> None:
    open_app(page, serve(load_app(str(DEMOS / f"{name}.py"))))


def test_counter_streams_every_number(page: Page, serve: Serve) -> None:
    open_demo(page, serve, "counter")
    page.get_by_role("button", name="Submit").click()
    output = page.locator("#number-2 input")
    seen: list[str] = []
    deadline = time.monotonic() + 5
    while (not seen or seen[-1] != "4") and time.monotonic() < deadline:
        value = output.input_value()
        if not seen or seen[-1] != value:
            seen.append(value)
        page.wait_for_timeout(40)
    assert seen[-1] == "4", seen
    assert len({"0", "1", "2", "3"} & set(seen)) >= 2, seen  # shown one by one, as yielded


def test_fake_diffusion_ends_with_an_orange_image(page: Page, serve: Serve) -> None:
    open_demo(page, serve, "fake_diffusion")
    page.locator("#slider input").fill("2")
    page.get_by_role("button", name="Submit").click()
    image = page.locator("#image img.rx-value")
    expect(page.locator("#image")).to_have_attribute("data-status", "running")
    expect(page.locator("#image")).to_have_attribute("data-status", "idle", timeout=10_000)
    expect(image).to_have_attribute("width", "600")
    pixel = page.evaluate("""() => {
        const img = document.querySelector('#image img.rx-value');
        const c = document.createElement('canvas'); c.width = 4; c.height = 4;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0, 4, 4);
        return Array.from(g.getImageData(1, 1, 1, 1).data.slice(0, 3));
    }""")
    red, green, blue = pixel
    assert red > 240, pixel
    assert 100 < green < 150, pixel
    assert blue < 20, pixel
    screenshot(page, "gradio-fake-diffusion")


def test_calculator_examples_submit_and_errors(page: Page, serve: Serve) -> None:
    open_demo(page, serve, "calculator")
    expect(page.locator(".rx-title")).to_have_text("Toy Calculator")
    page.locator(".rx-example").nth(0).click()
    expect(page.locator("#number input")).to_have_value("45")
    expect(page.get_by_role("radio", name="add")).to_be_checked()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#number-3 input")).to_have_value("48")
    page.get_by_role("radio", name="divide").check()
    page.locator("#number-2 input").fill("0")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#number-3 .rx-error")).to_have_text("Cannot divide by zero!")
    screenshot(page, "gradio-calculator")


def test_sepia_filters_an_uploaded_picture(page: Page, serve: Serve) -> None:
    open_demo(page, serve, "sepia")
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (40, 90, 200)).save(buffer, "PNG")
    page.locator("#image input[type=file]").set_input_files(
        files=[FilePayload(name="blue.png", mimeType="image/png", buffer=buffer.getvalue())]
    )
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#image-2 img.rx-value")).to_have_attribute("width", "40")


def test_chatbot_streams_the_answer(page: Page, serve: Serve) -> None:
    open_demo(page, serve, "chatbot")
    cards = page.locator(".rx-chat .rx-chat-example")  # the empty chat shows the examples
    expect(cards).to_have_count(2)
    cards.nth(0).click()
    answer = page.locator(".rx-msg[data-role=assistant]")
    expect(answer.nth(0)).to_contain_text("You typed: hello (message 1)", timeout=5000)
    expect(cards).to_have_count(0)  # as in Gradio: once the chat has begun, they are gone
    page.evaluate("""() => {
        window.__lengths = [];
        const log = document.querySelector('#chatbot .rx-chat');
        new MutationObserver(() => {
            const answers = log.querySelectorAll('.rx-msg[data-role=assistant]');
            if (answers.length > 1) window.__lengths.push(answers[1].textContent.length);
        }).observe(log, {subtree: true, childList: true, characterData: true});
    }""")
    box = page.get_by_placeholder("Type a message…")
    box.fill("hi there")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=user]").nth(1)).to_have_text("hi there")
    expect(box).to_have_value("")
    expect(answer.nth(1)).to_have_text("You typed: hi there (message 2)", timeout=5000)
    expect(answer.nth(1).locator("strong")).to_have_text("hi there")
    lengths = page.evaluate("window.__lengths")
    assert len(set(lengths)) > 5, lengths  # it grew in many steps, not all at once
    screenshot(page, "gradio-chatbot")


def test_live_text_updates_on_every_keystroke(page: Page, serve: Serve) -> None:
    open_demo(page, serve, "live_text")
    assert page.get_by_role("button", name="Submit").count() == 0
    page.get_by_label("Text").press_sequentially("abc")
    expect(page.locator("#textbox-2 textarea, #textbox-2 input")).to_have_value("cba")
    expect(page.locator("#json .rx-value")).to_contain_text('"words": 1')


# The seed's streaming audio and video demos record from the microphone and the webcam: they are
# tested with Chromium's fake devices in test_capture.py.
