"""What Gradio's demos most often hit: a missing name or listener fails naming it; the cheap
gaps are filled (a theme's ``.set``, ``.stream`` on a plain microphone or webcam, one app under
two names, ``gr.on`` with ``tab.select``, ``gr.Request`` in an Interface)."""

from __future__ import annotations

from pathlib import Path

import pytest

import reactive as gr
from reactive.cli import load_app
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def test_a_missing_gradio_name_is_named_as_a_gradio_feature_reactive_lacks() -> None:
    with pytest.raises(AttributeError, match=r"gr\.Workflow is a Gradio feature"):
        gr.Workflow  # noqa: B018
    with pytest.raises(AttributeError, match=r"has no attribute '_private'$"):
        gr._private  # noqa: B018
    with pytest.raises(AttributeError, match=r"calls? that web API over the network"):
        gr.load_openapi  # noqa: B018
    with pytest.raises(AttributeError, match=r"node-graph editor .* \.then\(\.\.\.\)"):
        gr.Workflow  # noqa: B018


@pytest.mark.parametrize("event", ["expand", "download"])  # copy, retry, undo: sent now
def test_a_gradio_listener_the_page_never_sends_is_refused_by_name(event: str) -> None:
    with gr.Blocks():
        video = gr.Video()
        with pytest.raises(DefinitionError, match=rf"Video\.{event}\(\.\.\.\) is a Gradio event"):
            getattr(video, event)(lambda: None, None, None)


def test_retry_and_undo_are_a_chatbots_only() -> None:
    with gr.Blocks():
        video = gr.Video()
        for event in ("retry", "undo"):
            with pytest.raises(DefinitionError, match=rf"{event} comes from chatbot components"):
                getattr(video, event)(lambda: None, None, None)


def test_stream_on_a_plain_microphone_or_webcam_streams_it() -> None:
    with gr.Blocks():
        mic = gr.Audio(sources=["microphone"])
        camera = gr.Image(sources="webcam")
        out = gr.Textbox()
        assert (mic.captures, camera.captures) == (None, None)
        mic.stream(lambda chunk: "", mic, out)
        camera.stream(lambda frame: "", camera, out)
    assert (mic.captures, camera.captures) == ("every", "latest")
    assert camera.sources == ["webcam"]


def test_a_webcam_image_without_stream_is_warned_about_when_drawn() -> None:
    with gr.Blocks() as demo:
        gr.Image(sources=["webcam"], elem_id="camera")
    with pytest.warns(gr.CompatibilityWarning, match="without streaming"):
        demo.describe()


def test_a_theme_objects_set_returns_the_theme_and_names_what_is_not_drawn() -> None:
    with pytest.warns(gr.CompatibilityWarning, match="block_title_text_weight"):
        theme = gr.themes.Soft().set(
            button_primary_background_fill="#f00", block_title_text_weight="600"
        )
    assert theme == {**gr.themes.Soft(), "button-primary": "#f00"}
    assert theme.set() is theme


def test_one_app_under_two_names_loads(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(
        "import reactive as gr\nblocks = gr.Blocks()\nwith blocks as demo:\n    gr.Textbox()\n"
    )
    assert isinstance(load_app(str(path)), gr.Blocks)
    path.write_text("import reactive as gr\na = gr.Blocks()\nb = gr.Blocks()\n")
    with pytest.raises(Exception, match="several apps"):
        load_app(str(path))


async def test_gr_on_takes_a_tabs_select() -> None:
    with gr.Blocks() as demo:
        with gr.Tab("One") as one:
            gr.Markdown("1")
        with gr.Tab("Two") as two:
            gr.Markdown("2")
        opened = gr.Textbox(elem_id="opened")

        def show(evt: gr.SelectData) -> str:
            return str(evt.value)

        gr.on(triggers=[one.select, two.select], fn=show, outputs=opened)
    assert two.output is not None
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": two.output.id, "e": "select",
                         "d": {"index": 1, "value": "Two", "selected": True}})  # fmt: skip
        assert await page.wait_value("opened", "Two")


async def test_an_interface_injects_the_request_by_annotation() -> None:
    def tag(text: str, request: gr.Request) -> str:
        return f"{text}:{request.session_hash is not None}"

    demo = gr.Interface(tag, gr.Textbox(elem_id="text"), gr.Textbox(elem_id="out"))
    async with AppTester(demo) as page:
        await page.input("text", "a")
        await page.click("button-2")
        assert await page.wait_value("out", "a:True")


def test_queue_default_concurrency_limit_limits_listeners_without_their_own() -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox()
        before = gr.Button().click(lambda: "a", None, out)
        own = gr.Button().click(lambda: "b", None, out, concurrency_limit=None)
    assert demo.queue(default_concurrency_limit=2) is demo
    with demo:
        after = gr.Button().click(lambda: "c", None, out)
    limits = [d.function.limiter for d in (before, own, after)]
    assert limits[1] is None
    assert [limiter.limit if limiter else None for limiter in (limits[0], limits[2])] == [2, 2]
    with pytest.raises(DefinitionError, match="default_concurrency_limit"):
        demo.queue(default_concurrency_limit=0)


def test_a_chat_interface_rendered_in_blocks_is_refused_by_name() -> None:
    chat = gr.ChatInterface(lambda message, history: message, type="messages")
    with pytest.raises(DefinitionError, match=r"call it inside `with gr\.Blocks"):
        chat.render()  # outside any Blocks
    with gr.Blocks() as demo, pytest.raises(DefinitionError, match=r"parameter .x. has no input"):
        demo.unload(lambda x: None)


def test_interface_additional_inputs_sit_in_an_accordion_after_the_inputs() -> None:
    demo = gr.Interface(
        lambda text, times: text * int(times),
        gr.Textbox(elem_id="text"),
        gr.Textbox(elem_id="out"),
        additional_inputs=[gr.Slider(1, 5, value=2, elem_id="times")],
        additional_inputs_accordion="More",
    )
    (bound, _clear) = demo.functions
    assert [c.id for c in bound.inputs] == ["text", "times"]
    layout = str(demo.describe()["layout"])
    assert "'More'" in layout
    assert layout.index("'More'") < layout.index("'times'")


async def test_gradios_text_in_blocks_is_a_textbox() -> None:
    # Gradio's gr.Text is a Textbox: inside a Blocks it is one (an editable input); outside, in
    # an rx.App, rx.Text stays display-only text (an Interface input: test_interface.py).
    with gr.Blocks() as demo:
        word = gr.Text(label="Word", elem_id="w")
        shout = gr.Text(elem_id="s")
        word.submit(str.upper, word, shout)
    assert isinstance(word, gr.Textbox)
    assert word.label == "Word"
    assert isinstance(shout, gr.Textbox)
    assert type(gr.Text()) is gr.Text
    async with AppTester(demo) as page:
        await page.input("w", "hi")
        await page.submit("w")
        assert await page.wait_value("s", "HI")


async def test_tabs_select_fires_for_any_of_its_tabs() -> None:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("One") as one:
                gr.Markdown("1")
            with gr.Tab("Two") as two:
                gr.Markdown("2")
        opened = gr.Textbox(elem_id="opened")

        def show(evt: gr.SelectData) -> str:
            return f"{evt.index}:{evt.value}"

        tabs.select(show, None, opened)
        with pytest.raises(DefinitionError, match=r"after `with gr\.Tabs"), gr.Tabs() as empty:
            empty.select(show, None, opened)
    assert one.output is not None
    assert two.output is not None
    async with AppTester(demo) as page:
        for tab, index, label in ((two, 1, "Two"), (one, 0, "One")):
            assert tab.output is not None
            await page.send({"t": "trigger", "c": tab.output.id, "e": "select",
                             "d": {"index": index, "value": label, "selected": True}})  # fmt: skip
            assert await page.wait_value("opened", f"{index}:{label}")


async def test_demo_clear_starts_the_page_afresh() -> None:
    demo = gr.Blocks()
    with demo:
        gr.Textbox("old", elem_id="old")
        gr.Button("Old").click(lambda: None, None, None)
    with demo.clear():
        out = gr.Textbox(elem_id="out")
        gr.Button("Go", elem_id="go").click(lambda: "new", None, out)
    assert set(demo.describe()["components"]) == {"out", "go"}
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_value("out", "new")
