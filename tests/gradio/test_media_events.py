"""Image.select (the pixel clicked), a Gallery's preview events, and films in a Gallery."""

from __future__ import annotations

import numpy as np

import reactive as gr
from reactive.testing import AppTester


async def test_image_select_gives_the_clicked_pixel() -> None:
    with gr.Blocks() as demo:
        picture = gr.Image(np.zeros((4, 6, 3), dtype=np.uint8), elem_id="picture")
        out = gr.Textbox(elem_id="out")

        def clicked(img: np.ndarray, evt: gr.SelectData) -> str:
            x, y = evt.index
            return f"{x},{y} of {img.shape[1]}x{img.shape[0]}"

        picture.select(clicked, picture, out)
    assert demo.describe()["listen"] == {"picture": ["select"]}
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "picture", "e": "select",
                         "d": {"index": [5, 3], "value": None}})  # fmt: skip
        assert await page.wait_value("out", "5,3 of 6x4")


async def test_gallery_preview_events_and_a_film_among_pictures() -> None:
    film, picture = gr.get_video("world.mp4"), gr.get_image("cheetah.jpg")
    with gr.Blocks() as demo:
        gallery = gr.Gallery([film, (picture, "cat")], elem_id="gallery")
        opened = gr.Number(elem_id="opened")
        gallery.preview_open(lambda: 1, None, opened)
        gallery.preview_close(lambda: 0, None, opened)
    spec = demo.describe()
    assert spec["listen"] == {"gallery": ["preview_open", "preview_close"]}
    items = spec["components"]["gallery"]["props"]["value"]
    assert [item["mime"] for item in items] == ["video/mp4", "image/jpeg"]
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "gallery", "e": "preview_open", "d": {"index": 0}})
        assert await page.wait_value("opened", 1)
        await page.send({"t": "trigger", "c": "gallery", "e": "preview_close"})
        assert await page.wait_value("opened", 0)


async def test_an_edited_gallery_keeps_its_urls_and_films() -> None:
    with gr.Blocks() as demo:
        gallery = gr.Gallery(interactive=True, elem_id="gallery")
        out = gr.JSON(elem_id="out")
        gallery.change(
            lambda items: [[str(p).rsplit(".", 1)[-1], c] for p, c in items], gallery, out
        )
    async with AppTester(demo) as page:
        await page.input("gallery", [
            {"url": "https://example.com/a.jpg", "caption": "a"},
            {"mime": "video/mp4", "data": b"\0\0\0\x18ftypmp42", "name": "../clip.mp4"},
        ])  # fmt: skip
        assert await page.wait_value("out", [["jpg", "a"], ["mp4", None]])
