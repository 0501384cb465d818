"""gr.Timer as an output (started, stopped, sped up per session), gr.Timer(active=False) at
start, and Gradio's value functions (value=fn with inputs= and every=)."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.testing import AppTester


def _count(page: AppTester) -> float:
    value = page.page.values.get("count")
    return float(value) if isinstance(value, int | float) else 0.0


async def _quiet(page: AppTester, seconds: float) -> None:
    """Take the page's messages for ``seconds`` (a stopped timer must send none)."""
    await page.wait_until(lambda: False, seconds)


async def test_a_listener_stops_and_starts_a_timer_for_its_session() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(0.05)
        count = gr.Number(0, elem_id="count")
        timer.tick(lambda n: n + 1, count, count)
        gr.Button("Stop", elem_id="stop").click(lambda: gr.Timer(active=False), None, timer)
        gr.Button("Start", elem_id="start").click(lambda: gr.Timer(active=True), None, timer)
    async with AppTester(demo) as page:
        assert await page.wait_until(lambda: _count(page) >= 2)
        await page.click("stop")
        assert await page.wait_status(demo.functions[1].id, "done")
        await _quiet(page, 0.2)  # a tick already running may still land
        stopped = _count(page)
        await _quiet(page, 0.4)
        assert _count(page) == stopped
        await page.click("start")
        assert await page.wait_until(lambda: _count(page) >= stopped + 2)


async def test_a_timer_made_inactive_starts_stopped_and_a_number_sets_its_interval() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(30, active=False)
        count = gr.Number(0, elem_id="count")
        timer.tick(lambda n: n + 1, count, count)
        gr.Button("Go", elem_id="go").click(lambda: gr.Timer(active=True), None, timer)
        gr.Button("Fast", elem_id="fast").click(lambda: 0.05, None, timer)
    async with AppTester(demo) as page:
        await page.click("fast")  # a 0.05 s interval, still stopped
        await _quiet(page, 0.3)
        assert _count(page) == 0
        await page.click("go")
        assert await page.wait_until(lambda: _count(page) >= 3)


async def test_a_value_function_runs_on_load_on_its_inputs_and_on_its_timer() -> None:
    calls: list[str] = []
    with gr.Blocks() as demo:
        size = gr.Slider(1, 5, value=2, step=1, elem_id="size")
        gr.JSON(lambda n: list(range(int(n))), inputs=[size], elem_id="listed")
        timer = gr.Timer(0.05)

        def stamp() -> str:
            calls.append("tick")
            return f"call {len(calls)}"

        gr.Textbox(stamp, every=timer, elem_id="stamp")  # type: ignore[arg-type]  # value=fn
    assert demo.describe()["components"]["listed"]["props"]["value"] is None
    async with AppTester(demo) as page:
        assert await page.wait_value("listed", [0, 1])  # on load
        await page.input("size", 4)
        assert await page.wait_value("listed", [0, 1, 2, 3])  # on an input's change
        assert await page.wait_until(lambda: len(calls) >= 3)  # on load, then every tick


def test_every_and_inputs_without_a_value_function_do_nothing_as_in_gradio() -> None:
    with gr.Blocks() as demo, pytest.warns(gr.CompatibilityWarning, match="every"):
        gr.Textbox("plain", every=1)
    assert demo.functions == []


async def test_a_value_function_works_in_an_interface_too() -> None:
    demo = gr.Interface(lambda a, b: f"{a}{b}", [gr.Textbox(lambda: "x"), "text"], "text")  # type: ignore[arg-type]  # value=fn
    value_function = demo.functions[0]  # bound as the Interface placed its input
    assert value_function.inputs == []
    box = value_function.outputs[0].id
    async with AppTester(demo) as page:
        assert await page.wait_value(box, "x")


async def test_a_value_function_replaces_a_value_its_component_would_check() -> None:
    with gr.Blocks() as demo:
        seven: Any = lambda: 7  # noqa: E731  # (the components' annotations say plain values)
        red: Any = lambda: "#ff0000"  # noqa: E731
        gr.Slider(0, 10, value=seven, elem_id="s")  # a Slider compares its value to its range
        gr.ColorPicker(value=red, elem_id="c")  # a colour is never None
    props = demo.describe()["components"]
    assert props["s"]["props"]["value"] == 0  # until the function fills it
    async with AppTester(demo) as page:
        assert await page.wait_value("s", 7)
        assert await page.wait_value("c", "#ff0000")
