"""Event data and the request, injected by annotation and not counted as inputs."""

from __future__ import annotations

import io

from PIL import Image as PILImage

import reactive as gr
from reactive.testing import AppTester


async def test_select_on_a_radio_follows_from_its_value() -> None:
    with gr.Blocks() as demo:
        radio = gr.Radio(["red", "green", "blue"], elem_id="radio")
        out = gr.Textbox(elem_id="out")

        def picked(evt: gr.SelectData) -> str:
            return f"{evt.index}:{evt.value}:{evt.selected}:{evt.target is radio}"

        radio.select(picked, None, out)
    assert "listen" not in demo.describe()  # the page sends nothing more than the value
    async with AppTester(demo) as page:
        await page.input("radio", "green")
        assert await page.wait_value("out", "1:green:True:True")


async def test_select_on_a_multiselect_dropdown_names_the_toggled_choice() -> None:
    with gr.Blocks() as demo:
        tags = gr.Dropdown(["a", "b", "c"], multiselect=True, elem_id="tags")
        out = gr.Textbox(elem_id="out")

        def toggled(chosen: list[str], evt: gr.SelectData) -> str:
            return f"{evt.value} {'on' if evt.selected else 'off'} -> {','.join(chosen)}"

        tags.select(toggled, tags, out)
    async with AppTester(demo) as page:
        await page.input("tags", ["a", "c"])
        assert await page.wait_value("out", "c on -> a,c")
        await page.input("tags", ["c"])
        assert await page.wait_value("out", "a off -> c")


async def test_page_sent_select_like_and_edit_data() -> None:
    with gr.Blocks() as demo:
        table = gr.Dataframe(value=[[1, 2], [3, 4]], elem_id="table")
        chat = gr.Chatbot(elem_id="chat")
        out = gr.Textbox(elem_id="out")
        table.select(lambda: "selected", None, out)

        def liked(data: gr.LikeData) -> str:
            return f"liked {data.index} {data.liked}"

        def edited(data: gr.EditData) -> str:
            return f"edited {data.index} to {data.value}"

        chat.like(liked, None, out)
        chat.edit(edited, None, out)
        table.select(None, None, None)  # a second listener on the same event is fine
    spec = demo.describe()
    assert spec["listen"] == {"table": ["select"], "chat": ["like", "edit"]}
    assert spec["components"]["chat"]["props"]["events"] == ["like", "edit"]  # for its view
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "chat", "e": "like",
                         "d": {"index": 3, "value": "hi", "liked": False}})  # fmt: skip
        assert await page.wait_value("out", "liked 3 False")
        await page.send({"t": "trigger", "c": "chat", "e": "edit",
                         "d": {"index": 1, "value": "new", "previous_value": "old"}})  # fmt: skip
        assert await page.wait_value("out", "edited 1 to new")


async def test_select_data_on_a_cell_and_event_data_with_inputs() -> None:
    with gr.Blocks() as demo:
        table = gr.Dataframe(value=[[1, 2], [3, 4]], elem_id="table")
        label = gr.Textbox(value="cell", elem_id="label")
        out = gr.Textbox(elem_id="out")

        def cell(prefix: str, evt: gr.SelectData) -> str:
            return f"{prefix} {evt.index} = {evt.value}"

        table.select(cell, label, out)
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "table", "e": "select",
                         "d": {"index": [1, 0], "value": 3, "selected": True}})  # fmt: skip
        assert await page.wait_value("out", "cell [1, 0] = 3")


async def test_request_and_event_data_in_a_chain() -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        host = gr.Textbox(elem_id="host")
        btn = gr.Button("Go", elem_id="go")

        def first(evt: gr.EventData) -> str:
            return f"from {evt.target.id}"

        def second(text: str, request: gr.Request) -> str:
            return f"{text} in session {request.session_hash == page.session.id}"  # type: ignore[union-attr]

        btn.click(first, None, out).then(second, out, host)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_value("out", "from go")
        assert await page.wait_value("host", "from go in session True")


async def test_upload_and_clear_follow_a_file_value() -> None:
    with gr.Blocks() as demo:
        picture = gr.Image(elem_id="picture")
        out = gr.Textbox(elem_id="out")
        picture.upload(lambda img: f"got {img.shape[1]}x{img.shape[0]}", picture, out)
        picture.clear(lambda: "cleared", None, out)
    buffer = io.BytesIO()
    PILImage.new("RGB", (2, 1), "red").save(buffer, "PNG")
    png = {"mime": "image/png", "name": "red.png", "data": buffer.getvalue()}
    async with AppTester(demo) as page:
        await page.input("picture", png)
        assert await page.wait_value("out", "got 2x1")
        await page.input("picture", None)
        assert await page.wait_value("out", "cleared")


async def test_tab_select_names_the_opened_tab() -> None:
    with gr.Blocks() as demo:
        opened = gr.Textbox(elem_id="opened")
        with gr.Tab("First"):
            gr.Markdown("one")
        with gr.Tab("Second", elem_id="second") as second:
            gr.Markdown("two")

        def on_open(evt: gr.SelectData) -> str:
            return f"{evt.index}:{evt.value}"

        second.select(on_open, None, opened)
    spec = demo.describe()
    stand_in = next(c for c, s in spec["components"].items() if s["type"] == "layoutblock")
    assert spec["components"][stand_in]["props"]["target"] == "second"
    assert spec["listen"] == {stand_in: ["select"]}
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": stand_in, "e": "select",
                         "d": {"index": 1, "value": "Second", "selected": True}})  # fmt: skip
        assert await page.wait_value("opened", "1:Second")
