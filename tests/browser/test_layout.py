"""Layouts render where declared; progress, toasts, rx.update and examples in Chromium."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import reactive as rx
from reactive.cli import background_server
from tests.browser.conftest import open_app


def layout_app() -> rx.App:
    app = rx.App(title="layout", description="A *described* page.", footer="the footer")
    with app.row():
        with app.column(scale=2):
            a = rx.Textbox(elem_id="a")
        with app.column():
            b = rx.Text(elem_id="b")
    with app.tabs():
        with app.tab("First"):
            rx.Markdown("one", elem_id="one")
        with app.tab("Second"):
            rx.Markdown("two", elem_id="two")
    with app.accordion("More", open=False):
        rx.Markdown("hidden inside", elem_id="inside")

    @app.fn(inputs=a, outputs=b, live=True)
    def shout(text: str) -> str:
        return text.upper()

    with app.row():
        steps = rx.Number(value=6, elem_id="steps")
        result = rx.Text(elem_id="result")

    @app.fn(inputs=steps, outputs=result, trigger=rx.Button("Work", elem_id="work"))
    def work(n: float, progress: rx.Progress = rx.Progress()) -> str:  # noqa: B008
        for _ in progress.tqdm(range(int(n)), desc="crunching"):
            time.sleep(0.15)
        rx.Info("All done.")
        return "finished"

    with app.row():
        kind = rx.Radio(["fruit", "colour"], "fruit", elem_id="kind")
        show = rx.Checkbox(True, elem_id="show")
        pick = rx.Dropdown(["apple"], elem_id="pick")

    @app.fn(inputs=[kind, show], outputs=pick, live=True)
    def update(kind: str, show: bool) -> Any:
        options = ["apple", "pear"] if kind == "fruit" else ["red", "blue"]
        return rx.update(choices=options, value=options[-1], visible=show, label=f"A {kind}")

    with app.row():
        x = rx.Number(elem_id="x")
        y = rx.Number(elem_id="y")
        total = rx.Number(elem_id="total")

    @app.fn(inputs=[x, y], outputs=total, examples=[[1, 2], [30, 12]], run_on_click=True)
    def add(x: float, y: float) -> float:
        return x + y

    @app.fn(inputs=rx.Textbox(elem_id="boom-in"), outputs=rx.Text(elem_id="boom"), live=True)
    def boom(q: str) -> str:
        raise ValueError("secret details")

    return app


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with background_server(layout_app()) as served:
        yield served


def test_a_row_shares_its_top_edge_and_scale_sets_widths(page: Page, url: str) -> None:
    open_app(page, url)
    a, b = page.locator("#a").bounding_box(), page.locator("#b").bounding_box()
    assert a is not None
    assert b is not None
    assert abs(a["y"] - b["y"]) < 1
    assert a["x"] < b["x"]
    assert a["width"] > 1.6 * b["width"]  # scale=2 against scale=1


def test_title_description_and_footer(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page.locator(".rx-title")).to_have_text("layout")
    expect(page.locator(".rx-description em")).to_have_text("described")
    expect(page.locator(".rx-footer")).to_have_text("the footer")


def test_tabs_switch_by_click_and_keyboard(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page.locator("#one")).to_be_visible()
    expect(page.locator("#two")).to_be_hidden()
    page.get_by_role("tab", name="Second").click()
    expect(page.locator("#two")).to_be_visible()
    expect(page.locator("#one")).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("tab", name="First")).to_be_focused()
    expect(page.locator("#one")).to_be_visible()


def test_an_accordion_opens(page: Page, url: str) -> None:
    open_app(page, url)
    expect(page.locator("#inside")).to_be_hidden()
    page.get_by_text("More").click()
    expect(page.locator("#inside")).to_be_visible()


def test_progress_bar_with_eta_then_a_toast(page: Page, url: str) -> None:
    open_app(page, url)
    page.locator("#work button").click()
    bar = page.locator("#result .rx-progress")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("crunching")
    expect(bar).to_contain_text(" left")
    expect(page.locator("#result .rx-value")).to_have_text("finished", timeout=5000)
    expect(bar).to_be_hidden()
    toast = page.locator(".rx-toast[data-level=info]")
    expect(toast).to_have_text("All done.×")


def test_update_changes_choices_label_and_visibility(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("radio", name="colour").check()
    expect(page.locator("#pick select")).to_have_value("1")
    expect(page.locator("#pick option")).to_have_text(["red", "blue"])
    expect(page.locator("#pick label.rx-label")).to_have_text("A colour")
    page.locator("#show input").uncheck()
    expect(page.locator("#pick")).to_be_hidden()
    page.locator("#show input").check()
    expect(page.locator("#pick")).to_be_visible()


def test_an_example_click_fills_the_inputs_and_runs(page: Page, url: str) -> None:
    open_app(page, url)
    rows = page.locator(".rx-examples .rx-example")
    expect(rows).to_have_count(2)
    rows.nth(1).click()
    expect(page.locator("#x input")).to_have_value("30")
    expect(page.locator("#y input")).to_have_value("12")
    expect(page.locator("#total input")).to_have_value("42")
    rows.nth(0).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#total input")).to_have_value("3")


def test_an_exception_shows_a_generic_message_without_its_details(page: Page, url: str) -> None:
    open_app(page, url)
    page.locator("#boom-in input").fill("x")
    error = page.locator("#boom .rx-error")
    expect(error).to_have_text("Error in boom(). The server log has the details.")
    assert "secret" not in page.content()
