"""The gaps Gradio's own demos hit at their first interaction: a tab enabled and opened by a
returned ``gr.Tab(..., id=)`` (blocks_flashcards), a JSON a page's JavaScript wrote read by a
Python function (hidden_change), Audio and Video ``playback_position`` (playback_position)."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.testing import AppTester


def flashcards() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Tabs(elem_id="tabs") as tabs:
            with gr.Tab("Word Bank"):
                go = gr.Button("Start", elem_id="go")
            with gr.Tab("Practice", interactive=False, id=1, elem_id="practice") as practice:
                gr.Textbox(elem_id="front")

        def start() -> list[Any]:
            return [gr.Tab("Practice", interactive=True, id=1), gr.Tabs(selected=1)]

        go.click(start, outputs=[practice, tabs])
        gr.Button("Bad", elem_id="bad").click(lambda: gr.Tab(id=2), outputs=practice)
    return demo


def _tab_props(demo: gr.Blocks) -> dict[str, Any]:
    tabs = demo.describe()["layout"]["children"][0]
    return dict(tabs["children"][1]["props"])


def test_a_tab_made_not_interactive_is_drawn_disabled() -> None:
    assert _tab_props(flashcards())["interactive"] is False


async def test_a_returned_tab_with_its_own_id_enables_it_and_tabs_open_it() -> None:
    async with AppTester(flashcards()) as page:
        await page.click("go")
        props = page.page.props
        assert await page.wait_until(lambda: len(props) == 2)
        tab, tabs = (p for name, p in sorted(props.items()) if name.startswith("layoutblock"))
        assert tab == {"label": "Practice", "interactive": True}
        assert tabs == {"selected": 1}  # the tab with id=1 is the second


async def test_a_returned_tab_naming_another_id_is_an_error_saying_ids_are_fixed() -> None:
    async with AppTester(flashcards()) as page:
        await page.click("bad")
        assert await page.wait_status("<lambda>", "error")
        assert "a tab's id is fixed" in page.page.status["<lambda>"]["msg"]


def hidden_json() -> gr.Blocks:
    with gr.Blocks() as demo:
        data = gr.JSON(visible=False, elem_id="data")
        shown = gr.Textbox(elem_id="shown")
        demo.load(None, js="() => ({ n: 1 })", outputs=[data])
        data.change(lambda d: f"n={d['n']}", inputs=data, outputs=shown)
    return demo


async def test_a_display_only_output_of_page_javascript_takes_its_value_from_the_page() -> None:
    async with AppTester(hidden_json()) as page:
        await page.input("data", {"n": 1})  # what the page sends once the js= ran
        assert await page.wait_value("shown", "n=1")


async def test_a_display_only_component_no_javascript_writes_still_refuses_page_input() -> None:
    with gr.Blocks() as demo:
        data = gr.JSON(elem_id="data")
        out = gr.Textbox(elem_id="out")
        gr.Button("Go", elem_id="go").click(lambda d: str(d), data, out)
        gr.Button("Fill", elem_id="fill").click(lambda: {"a": 1}, None, data)
    async with AppTester(demo) as page:
        await page.input("data", {"n": 1})
        error = await page.wait_error()
        assert "does not take input from the page" in error["msg"]


def _audio_position(a: gr.Audio) -> float:
    return float(a.playback_position)  # the parameter gets the component's properties


def _video_position(v: gr.Video) -> float:
    return float(v.playback_position)


def playback(kind: type[gr.Audio] | type[gr.Video], value: str) -> gr.Blocks:
    with gr.Blocks() as demo:
        media = kind(value=value, playback_position=2.0, elem_id="media")
        where = gr.Number(elem_id="where")
        read = _audio_position if kind is gr.Audio else _video_position
        gr.Button("Get", elem_id="get").click(read, inputs=media, outputs=where)
        gr.Button("Set", elem_id="set").click(lambda: kind(playback_position=10.0), outputs=media)
    return demo


@pytest.mark.parametrize(
    ("kind", "sample"), [(gr.Audio, "sax.wav"), (gr.Video, "world.mp4")], ids=["audio", "video"]
)
async def test_playback_position_is_drawn_set_by_a_returned_component_and_read(
    kind: type[gr.Audio] | type[gr.Video], sample: str
) -> None:
    getter = gr.get_audio if kind is gr.Audio else gr.get_video
    demo = playback(kind, getter(sample))
    assert demo.describe()["components"]["media"]["props"]["playback_position"] == 2.0
    async with AppTester(demo) as page:
        await page.click("get")
        assert await page.wait_value("where", 2.0)
        await page.click("set")
        assert await page.wait_until(lambda: "media" in page.page.props)
        assert page.page.props["media"] == {"playback_position": 10.0}
        await page.click("get")
        assert await page.wait_value("where", 10.0)


def test_a_negative_playback_position_is_refused() -> None:
    with gr.Blocks(), pytest.raises(gr.DefinitionError, match="playback_position must be"):
        gr.Audio(playback_position=-1)


def test_a_listened_or_returned_tab_left_enabled_stays_enabled() -> None:
    # Its stand-in says so outright: a stand-in's own default reads as disabled on the page.
    with gr.Blocks() as demo:
        with gr.Tab("Work") as work:
            gr.Textbox()
        with gr.Tab("Off", interactive=False, id=3) as off:
            gr.Textbox()
        work.select(lambda: None)
        gr.Button().click(lambda: gr.Tab(interactive=True, id=3), None, off)
    stand_ins = [c for c in demo.describe()["components"].values() if c["type"] == "layoutblock"]
    assert [c["props"]["interactive"] for c in stand_ins] == [True, False]
