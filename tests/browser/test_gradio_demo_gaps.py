"""What Gradio's demos needed at their first click, as a person sees it: a tab a function
enables and opens (blocks_flashcards), a hidden JSON written by the page's JavaScript
(hidden_change), a player moved by playback_position, a deep link that carries the inputs,
and a multipage app's pages with their links."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def tabs_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("Word Bank"):
                go = gr.Button("Start", elem_id="go")
            with gr.Tab("Practice", interactive=False, id=1, elem_id="practice") as practice:
                gr.Textbox("card", elem_id="front")

        def start() -> list[Any]:
            return [gr.Tab("Practice", interactive=True, id=1), gr.Tabs(selected=1)]

        go.click(start, outputs=[practice, tabs])
    return demo


def test_a_disabled_tab_is_enabled_and_opened_by_a_function(page: Page, serve: Serve) -> None:
    open_app(page, serve(tabs_app()))
    title = page.get_by_role("tab", name="Practice")
    expect(title).to_be_disabled()
    title.click(force=True)  # a disabled title does not open its tab
    expect(page.locator("#practice")).to_be_hidden()
    page.locator("#go button").click()
    expect(title).to_be_enabled()
    expect(page.locator("#practice")).to_be_visible()
    expect(title).to_have_attribute("aria-selected", "true")


def hidden_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        data = gr.JSON(visible=False)
        shown = gr.Textbox(elem_id="shown")
        demo.load(None, js="() => ({ n: 7 })", outputs=[data])
        data.change(lambda d: f"JS says {d['n']}", inputs=data, outputs=shown)
    return demo


def test_a_hidden_json_the_page_s_javascript_fills_reaches_python(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(hidden_app()))
    expect(page.locator("#shown .rx-value")).to_have_value("JS says 7")


def player_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        video = gr.Video(gr.get_video("world.mp4"), playback_position=1.5, elem_id="video")
        gr.Button("Seek", elem_id="seek").click(
            lambda: gr.Video(playback_position=0.5), outputs=video
        )
    return demo


def test_playback_position_places_the_player_and_a_function_moves_it(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(player_app()))
    at = "(t) => document.querySelector('#video video').currentTime === t"
    page.wait_for_function(at, arg=1.5)
    page.locator("#seek button").click()
    page.wait_for_function(at, arg=0.5)  # the film lasts 2 s


def link_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        name = gr.Textbox(elem_id="name")
        count = gr.Slider(0, 10, step=1, elem_id="count")
        greeting = gr.Textbox(elem_id="greeting")
        gr.on([name.change, count.change], lambda n, c: f"{n} x{c:g}", [name, count], greeting)
        gr.DeepLinkButton(elem_id="share")
    return demo


def test_a_deep_link_carries_the_inputs_into_a_new_page(page: Page, serve: Serve) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    url = serve(link_app())
    open_app(page, url)
    page.locator("#count input").fill("3")
    page.locator("#name input").fill("Ada")
    expect(page.locator("#greeting .rx-value")).to_have_value("Ada x3")
    page.locator("#share button").click()
    expect(page.locator("#share button")).to_have_text("Link Copied!")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert "deep_link=" in link
    assert "session" not in link  # the values travel, never the session
    expect(page.locator("#share button")).to_have_text("Share via Link")

    other = page.context.new_page()
    open_app(other, link)
    expect(other.locator("#name input")).to_have_value("Ada")
    expect(other.locator("#count input")).to_have_value("3")
    expect(other.locator("#greeting .rx-value")).to_have_value("Ada x3")  # run on them
    other.close()


def site() -> gr.Blocks:
    with gr.Blocks(title="Site") as demo:
        gr.Navbar(main_page_name="Dashboard", elem_id="nav")
        gr.Markdown("Main page", elem_id="main")
    with demo.route("Up") as up:
        num = gr.Number(elem_id="num")
        up.load(lambda: 20, None, num)
        gr.Button("Increase", elem_id="inc").click(lambda x: x + 1, num, num)
    return demo


def test_a_multipage_app_s_pages_link_to_each_other(page: Page, serve: Serve) -> None:
    url = serve(site())
    open_app(page, url)
    links = page.locator("#nav nav a")
    expect(links).to_have_text(["Dashboard", "Up"])
    links.nth(1).click()
    page.wait_for_url("**/up/")
    page.wait_for_selector("html[data-rx-state=ready]")
    expect(page.locator("#num input")).to_have_value("20")
    page.locator("#inc button").click()
    expect(page.locator("#num input")).to_have_value("21")
    bar = page.locator("header nav.rx-navbar a")
    expect(bar).to_have_text(["Dashboard", "Up"])
    expect(bar.nth(1)).to_have_attribute("aria-current", "page")
    bar.nth(0).click()
    expect(page.locator("#main")).to_contain_text("Main page")
