"""The workloads as a NiceGUI user writes them: a page per client, handlers that set elements.

Run as NiceGUI's users run it: ``python nicegui_app.py``.
"""

import asyncio

import peer_common as common
from nicegui import ui
from PIL import Image


@ui.page("/")
def index() -> None:
    key_in = ui.input("key").classes("key_in")
    key_out = ui.label().classes("key_out")
    key_in.on_value_change(lambda event: key_out.set_text(event.value.upper()))

    async def slow_upper(event) -> None:
        common.count(b"s")
        await asyncio.sleep(common.SLOW_SECONDS)
        common.count(b"f")
        typing_out.set_text(event.value.upper())

    ui.input("typing", on_change=slow_upper).classes("typing_in")
    typing_out = ui.label().classes("typing_out")

    async def stream() -> None:
        text = common.run_tag()
        for token in common.tokens():
            text += token
            stream_out.set_text(text)
            await asyncio.sleep(0)  # let the update go out, as a streaming loop does

    ui.button("Stream", on_click=stream).classes("stream_go")
    stream_out = ui.label().classes("stream_out")

    async def images(pace: float) -> None:
        for array in common.noise():
            images_out.set_source(Image.fromarray(array))
            await asyncio.sleep(pace)

    ui.button("Images", on_click=lambda: images(0)).classes("images_go")
    ui.button("Paced images", on_click=lambda: images(common.PACE_SECONDS)).classes(
        "images_paced_go"
    )
    images_out = ui.image().classes("images_out").style("width: 256px")


ui.run(host=common.HOST, port=common.PORT, reload=False, show=False)
