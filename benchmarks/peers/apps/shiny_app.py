"""The workloads as a Shiny for Python user writes them (Core): inputs, render functions, effects.

Run as Shiny's users run it: ``shiny run shiny_app.py``. Text inputs are debounced by Shiny's
client (250 ms), as every Shiny app's are. Images are streamed by an effect that shows one and
re-runs itself with ``reactive.invalidate_later`` (each re-run flushes the image to the page).
"""

import tempfile
import time
from pathlib import Path

import peer_common as common
from PIL import Image
from shiny import App, reactive, render, ui

app_ui = ui.page_fluid(
    ui.input_text("key_in", "key"),
    ui.output_text("key_out"),
    ui.input_text("typing_in", "typing"),
    ui.output_text("typing_out"),
    ui.input_action_button("stream_go", "Stream"),
    ui.output_markdown_stream("stream_out"),
    ui.input_action_button("images_go", "Images"),
    ui.input_action_button("images_paced_go", "Paced images"),
    ui.output_image("images_out", width="256px", height="256px"),
)


def server(input, output, session):
    @render.text
    def key_out():
        return input.key_in().upper()

    @render.text
    def typing_out():
        text = input.typing_in()
        common.count(b"s")
        time.sleep(common.SLOW_SECONDS)
        common.count(b"f")
        return text.upper()

    stream_out = ui.MarkdownStream("stream_out")

    def tokens():
        yield common.run_tag()
        yield from common.tokens()

    @reactive.effect
    @reactive.event(input.stream_go)
    async def _stream():
        await stream_out.stream(tokens())

    folder = Path(tempfile.mkdtemp())
    playing = {"frames": iter(()), "pace": 0.0, "index": 0}
    current = reactive.value(None)
    step = reactive.value(0)

    def start(pace):
        playing.update(frames=common.noise(), pace=pace)
        step.set(step.get() + 1)

    @reactive.effect
    @reactive.event(input.images_go)
    def _burst():
        start(0.0)

    @reactive.effect
    @reactive.event(input.images_paced_go)
    def _paced():
        start(common.PACE_SECONDS)

    @reactive.effect
    def _advance():
        step()
        image = next(playing["frames"], None)
        if image is None:
            return
        playing["index"] += 1
        path = folder / f"{playing['index']}.png"
        Image.fromarray(image).save(path)
        current.set(str(path))
        reactive.invalidate_later(playing["pace"])

    @render.image(delete_file=True)
    def images_out():
        path = current()
        return {"src": path, "width": "256px"} if path else None


app = App(app_ui, server)
