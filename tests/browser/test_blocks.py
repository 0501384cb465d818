"""gr.Blocks apps as Gradio users write them, in Chromium: tabs, an accordion, a .then chain,
cancels=, a decorator listener, select, focus / blur and a js= listener."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from reactive.cli import background_server, load_app
from tests.browser.conftest import open_app

APP = """
import asyncio
import reactive as gr

with gr.Blocks(title="Blocks tour") as demo:
    gr.Markdown("# Tour", elem_id="head")
    with gr.Tab("Greet"):
        with gr.Row():
            name = gr.Textbox(label="Name", elem_id="name")
            greeting = gr.Textbox(label="Greeting", elem_id="greeting")
        greet = gr.Button("Greet", elem_id="greet")
        shouted = gr.Textbox(label="Shouted", elem_id="shouted")
        greet.click(lambda n: f"Hello {n}!", name, greeting).then(
            lambda g: g.upper(), greeting, shouted
        )
    with gr.Tab("Work") as work_tab:
        result = gr.Textbox(label="Result", elem_id="result")
        start = gr.Button("Start", elem_id="start")
        stop = gr.Button("Stop", elem_id="stop")

        async def slow():
            for i in range(1000):
                yield f"step {i}"
                await asyncio.sleep(0.05)

        job = start.click(slow, None, result)
        opened = gr.Textbox(label="Opened", elem_id="opened")

        def on_open(evt: gr.SelectData):
            return f"opened tab {evt.index}: {evt.value}"

        work_tab.select(on_open, None, opened)
        stop.click(None, None, None, cancels=[job])
    with gr.Accordion("Pick", open=False):
        colour = gr.Radio(["red", "green", "blue"], label="Colour", elem_id="colour")
        table = gr.Dataframe([[1, 2], [3, 4]], headers=["a", "b"], elem_id="table")
        picked = gr.Textbox(label="Picked", elem_id="picked")

        @colour.select(outputs=picked)
        def on_colour(evt: gr.SelectData):
            return f"colour {evt.index} {evt.value}"

        def on_cell(evt: gr.SelectData):
            return f"cell {evt.index} {evt.value}"

        table.select(on_cell, None, picked)
    focus_log = gr.Textbox(label="Focus", elem_id="focus_log")
    name.focus(lambda: "focused", None, focus_log)
    name.blur(lambda: "blurred", None, focus_log)
    mirror = gr.Textbox(label="Mirror", elem_id="mirror")
    gr.Button("Reverse", elem_id="reverse").click(
        None, name, mirror, js="(n) => n.split('').reverse().join('')"
    )
    more = gr.Checkbox(label="More options", elem_id="more")
    with gr.Column(visible=False, elem_id="options") as options:
        gr.Textbox(label="Option", elem_id="option")
    more.change(lambda on: gr.update(visible=on), more, options)
    fewer = gr.Checkbox(label="Fewer options", elem_id="fewer")
    with gr.Column(elem_id="extras") as extras:
        gr.Textbox(label="Extra", elem_id="extra")
    fewer.change(lambda on: gr.Column(visible=not on), fewer, extras)  # a block as an update
    gr.Button("Rename", elem_id="rename").click(lambda: gr.Textbox(label="Renamed"), None, mirror)
    visits = gr.BrowserState(0, elem_id="visits")
    count = gr.Textbox(label="Count", elem_id="count")
    gr.Button("Count", elem_id="count_btn").click(
        lambda n: (n + 1, str(n + 1)), visits, [visits, count]
    )

if __name__ == "__main__":
    demo.launch()
"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    source = Path(tmp_path_factory.mktemp("blocks")) / "app.py"
    source.write_text(APP)
    with background_server(load_app(str(source))) as served:
        yield served


def test_no_heading_the_title_names_the_tab_and_tabs_switch(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page).to_have_title("Blocks tour")
    expect(page.locator(".rx-title")).to_have_count(0)
    expect(page.locator("#head h1")).to_have_text("Tour")
    expect(page.locator("#greet")).to_be_visible()
    expect(page.locator("#start")).to_be_hidden()
    page.get_by_role("tab", name="Work").click()
    expect(page.locator("#start")).to_be_visible()
    expect(page.locator("#greet")).to_be_hidden()
    expect(page.locator("#opened .rx-value")).to_have_value("opened tab 1: Work")  # tab.select


def test_a_click_then_its_chained_listener(page: Page, url: str) -> None:
    open_app(page, url)
    page.locator("#name textarea, #name input").first.fill("Ada")
    page.locator("#greet button").click()
    expect(page.locator("#greeting .rx-value")).to_have_value("Hello Ada!")
    expect(page.locator("#shouted .rx-value")).to_have_value("HELLO ADA!")


def test_stop_cancels_the_running_listener(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("tab", name="Work").click()
    page.locator("#start button").click()
    value = page.locator("#result .rx-value")
    expect(value).to_have_value(re.compile(r"step [1-9]"))
    page.locator("#stop button").click()
    expect(page.locator("#result")).to_have_attribute("data-status", "idle")
    stopped_at = value.input_value()
    # No event to wait for when nothing happens: watch eight steps' time, in which a run still
    # going would have moved on.
    page.wait_for_timeout(400)
    assert value.input_value() == stopped_at


def test_select_on_a_radio_and_a_table_cell(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_text("Pick", exact=True).click()
    page.get_by_role("radio", name="green").check()
    expect(page.locator("#picked .rx-value")).to_have_value("colour 1 green")
    page.locator("#table tbody tr").nth(1).locator("td").nth(0).click()
    expect(page.locator("#picked .rx-value")).to_have_value("cell [1, 0] 3")


def test_focus_blur_and_a_js_listener(page: Page, url: str) -> None:
    open_app(page, url)
    field = page.locator("#name textarea, #name input").first
    field.focus()
    expect(page.locator("#focus_log .rx-value")).to_have_value("focused")
    field.fill("abc")
    page.locator("#reverse button").click()
    expect(page.locator("#mirror .rx-value")).to_have_value("cba")
    expect(page.locator("#focus_log .rx-value")).to_have_value("blurred")


def test_browser_state_outlives_the_session(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page.locator("#visits")).to_be_hidden()
    page.locator("#count_btn button").click()
    expect(page.locator("#count .rx-value")).to_have_value("1")
    later = page.context.new_page()  # a new tab: a new session, the same localStorage
    open_app(later, url)
    later.locator("#count_btn button").click()
    expect(later.locator("#count .rx-value")).to_have_value("2")


def test_a_column_shown_and_hidden_by_a_listener(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page.locator("#option")).to_be_hidden()
    page.locator("#more input").check()
    expect(page.locator("#option")).to_be_visible()
    page.locator("#more input").uncheck()
    expect(page.locator("#option")).to_be_hidden()


def test_a_returned_block_and_component_change_what_they_name(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page.locator("#extra")).to_be_visible()
    page.locator("#fewer input").check()
    expect(page.locator("#extra")).to_be_hidden()
    page.locator("#fewer input").uncheck()
    expect(page.locator("#extra")).to_be_visible()
    page.locator("#rename button").click()
    expect(page.locator("#mirror .rx-label")).to_have_text("Renamed")
