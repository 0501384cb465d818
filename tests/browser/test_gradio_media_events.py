"""Image.select and Gallery events in Chromium: a click on a picture sends the pixel under the
pointer; a film in a Gallery is a <video>, and opening and closing its preview reach
preview_open / preview_close."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def media_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        picture = gr.Image(np.zeros((100, 200, 3), dtype=np.uint8), elem_id="picture")
        where = gr.Textbox(label="Where", elem_id="where")

        def clicked(evt: gr.SelectData) -> str:
            return f"{evt.index[0]},{evt.index[1]}"

        picture.select(clicked, None, where)
        gallery = gr.Gallery([gr.get_video("world.mp4"), gr.get_image("cheetah.jpg")],
                             elem_id="gallery")  # fmt: skip
        opened = gr.Textbox(label="Preview", elem_id="opened")
        gallery.preview_open(lambda: "open", None, opened)
        gallery.preview_close(lambda: "closed", None, opened)
    return demo


def test_a_click_on_a_picture_and_a_film_in_a_gallery(page: Page, serve: Serve) -> None:
    open_app(page, serve(media_app()))
    img = page.locator("#picture img.rx-value")
    expect(img).to_be_visible()
    box = img.bounding_box()
    assert box is not None
    img.click(position={"x": box["width"] * 0.75, "y": box["height"] * 0.5})
    expect(page.locator("#where .rx-value")).to_have_value("150,50")
    film = page.locator("#gallery figure.rx-thumb").first.locator("video")
    expect(film).to_have_count(1)
    expect(page.locator("#gallery figure.rx-thumb").nth(1).locator("img")).to_have_count(1)
    page.locator("#gallery figure.rx-thumb").first.click()
    expect(page.locator(".rx-lightbox video")).to_have_attribute("controls", "")
    expect(page.locator("#opened .rx-value")).to_have_value("open")
    page.keyboard.press("Escape")
    expect(page.locator(".rx-lightbox")).to_have_count(0)
    expect(page.locator("#opened .rx-value")).to_have_value("closed")
