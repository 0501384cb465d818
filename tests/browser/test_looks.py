"""How pages look: favicon, output labels, wrapping, chips, drop zones, failed runs, tabs on a
phone, matplotlib in dark mode. Each checked by what the page shows (and a screenshot)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image as PILImage
from playwright.sync_api import Browser, Page, expect

import reactive as rx
from tests.browser.conftest import Serve, open_app, screenshot

LONG = "a long answer " * 30


def looks_app(seen: list[Any]) -> rx.App:
    app = rx.App(title="looks")
    with app.tabs():
        with app.tab("Inputs and outputs"):
            number = rx.Number(elem_id="n")
            picks = rx.Dropdown(
                ["apple", "banana", "cherry"], value=["apple"], multiselect=True, elem_id="dd"
            )
            picture = rx.Image(elem_id="img")
            go = rx.Button("Go", elem_id="go")
            answer = rx.Textbox(elem_id="answer")
            rx.Textbox("مرحبا", rtl=True, text_align="right", elem_id="rtl")
            rx.Number(placeholder="how many?", elem_id="count")
        for name in ("Second", "Third tab here", "Fourth tab here", "Fifth tab here"):
            with app.tab(name):
                rx.Markdown(f"# {name}")

    @app.fn(inputs=[number, picks], outputs=answer, trigger=go)
    def run(n: float | None, fruit: list[str]) -> str:
        seen.append(n)
        if n is not None and n < 0:
            raise rx.Error("n must not be negative")
        return f"{n!r} {fruit} {LONG}"

    @app.fn(inputs=picture, outputs=rx.Text(elem_id="shape"), live=True)
    def shape(image: np.ndarray | None) -> str:
        return "none" if image is None else str(image.shape)

    return app


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_favicon_and_gradio_output_labels(serve: Serve, page: Page) -> None:
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    open_app(page, serve(looks_app([])))
    icon = page.evaluate("fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)")
    assert icon == 200
    assert missing == []
    expect(page.locator("#answer label.rx-label")).to_have_text("output")
    expect(page.locator("#rtl input")).to_have_css("direction", "rtl")
    expect(page.locator("#rtl input")).to_have_css("text-align", "right")
    expect(page.locator("#count input")).to_have_attribute("placeholder", "how many?")


def test_empty_number_gives_none_and_long_output_wraps(serve: Serve, page: Page) -> None:
    seen: list[Any] = []
    open_app(page, serve(looks_app(seen)))
    expect(page.locator("#n input")).to_have_value("0")  # as in Gradio: made empty, it shows 0
    page.locator("#n input").fill("")
    page.click("#go")
    expect(page.locator("#answer textarea")).to_have_value(f"None ['apple'] {LONG}")
    assert seen == [None]  # as in Gradio: a Number emptied in the page is None
    box = page.locator("#answer textarea")
    height = box.evaluate("t => t.getBoundingClientRect().height")
    assert height > 60  # several lines tall: the whole answer shows
    assert box.evaluate("t => t.scrollHeight <= t.clientHeight + 1")  # nothing cut or scrolled
    screenshot(page, "looks-wrapped-output")


def test_multiselect_dropdown_shows_chips(serve: Serve, page: Page) -> None:
    seen: list[Any] = []
    open_app(page, serve(looks_app(seen)))
    expect(page.locator("#dd .rx-chip")).to_have_text(["apple×"])
    page.locator("#dd select").select_option("cherry")
    expect(page.locator("#dd .rx-chip")).to_have_text(["apple×", "cherry×"])
    page.get_by_role("button", name="remove apple").click()
    page.click("#go")
    expect(page.locator("#answer textarea")).to_have_value(re.compile(re.escape("['cherry']")))
    screenshot(page, "looks-chips")


def test_media_input_has_a_styled_drop_zone_and_one_clear(serve: Serve, page: Page) -> None:
    open_app(page, serve(looks_app([])))
    zone = page.locator("#img .rx-drop")
    expect(zone).to_be_visible()
    assert zone.evaluate("z => z.getBoundingClientRect().height") >= 100
    chooser = page.locator("#img input[type=file]")
    assert chooser.evaluate("i => i.getBoundingClientRect().width") <= 1  # no bare "Choose file"
    expect(page.locator("#img .rx-clear")).to_be_hidden()  # nothing to clear yet
    png = _png()
    chooser.set_input_files({"name": "dot.png", "mimeType": "image/png", "buffer": png})
    expect(page.locator("#shape .rx-value")).to_have_text("(3, 4, 3)")
    expect(page.locator("#img .rx-clear")).to_have_count(1)
    expect(page.locator("#img .rx-clear")).to_be_visible()
    expect(zone).to_be_hidden()
    screenshot(page, "looks-image-picked")
    page.click("#img .rx-clear")
    expect(page.locator("#shape .rx-value")).to_have_text("none")
    expect(zone).to_be_visible()


def test_a_failed_run_dims_the_previous_output(serve: Serve, page: Page) -> None:
    open_app(page, serve(looks_app([])))
    page.fill("#n input", "2")
    page.click("#go")
    expect(page.locator("#answer textarea")).to_have_value(re.compile(re.escape("2")))
    page.fill("#n input", "-1")
    page.click("#go")
    expect(page.locator("#answer .rx-error")).to_have_text("n must not be negative")
    expect(page.locator("#answer")).to_have_class(re.compile(r"\brx-failed\b"))
    expect(page.locator("#answer .rx-value")).to_have_css("opacity", "0.35")  # dimmed
    screenshot(page, "looks-failed-run")
    page.fill("#n input", "3")
    page.click("#go")
    expect(page.locator("#answer textarea")).to_have_value(re.compile(re.escape("3")))
    expect(page.locator("#answer")).not_to_have_class(re.compile(r"\brx-failed\b"))


def test_tabs_scroll_on_a_phone_and_the_page_does_not(serve: Serve, phone: Page) -> None:
    open_app(phone, serve(looks_app([])))
    tabs = phone.locator(".rx-tablist")
    assert tabs.evaluate("t => t.scrollWidth > t.clientWidth")  # more tabs than fit ...
    assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth")  # ... page fits
    phone.get_by_role("tab", name="Fifth tab here").click()
    expect(phone.get_by_role("heading", name="Fifth tab here")).to_be_visible()
    assert tabs.evaluate("t => t.scrollLeft > 0")  # the chosen tab was scrolled into view
    screenshot(phone, "looks-phone-tabs")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_matplotlib_plot_follows_dark_mode(serve: Serve, browser: Browser, scheme: str) -> None:
    app = rx.App(title="plot")

    @app.fn(inputs=[], outputs=rx.Plot(elem_id="plot"), trigger="load")
    def draw() -> Figure:
        figure = Figure(figsize=(3, 2))
        figure.add_subplot().plot([0, 1, 2], [0, 1, 4], color="green")
        return figure

    context = browser.new_context(viewport={"width": 600, "height": 500}, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    open_app(page, serve(app))
    page.wait_for_function("document.querySelector('#plot img')?.naturalWidth > 0")
    filter_ = page.locator("#plot img").evaluate("i => getComputedStyle(i).filter")
    assert ("invert" in filter_) == (scheme == "dark")
    screenshot(page, f"looks-matplotlib-{scheme}")
    context.close()


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 3), "red").save(buffer, "PNG")
    return buffer.getvalue()
