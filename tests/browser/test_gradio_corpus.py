"""A representative part of the Gradio-style corpus (``tests/gradio_corpus/apps``) in Chromium:
each app served on its own, its interaction done as a person does it, and what they then see
checked: layouts, chains, chat streaming, select events, a streaming generator, media outputs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from reactive.cli import background_server, load_app
from tests.browser.conftest import open_app

APPS = Path(__file__).parent.parent / "gradio_corpus" / "apps"


def value(page: Page, cid: str) -> Locator:
    return page.locator(f"#{cid} .rx-value")


def click(page: Page, cid: str) -> None:
    page.locator(f"#{cid} button").click()


def row_greeter(page: Page) -> None:
    page.locator("#name textarea, #name input").first.fill("Ada")
    click(page, "greet")
    expect(value(page, "greeting")).to_have_value("Hello Ada!")


def tabs(page: Page) -> None:
    expect(page.locator("#press")).to_be_hidden()
    page.get_by_role("tab", name="Two").click()
    click(page, "press")
    page.get_by_role("tab", name="One").click()
    expect(value(page, "shown")).to_have_value("second tab")


def visibility(page: Page) -> None:
    expect(page.get_by_text("Details", exact=True)).to_be_visible()
    page.locator("#show input").uncheck()
    expect(page.get_by_text("Details", exact=True)).to_be_hidden()


def nested(page: Page) -> None:
    click(page, "double")
    expect(page.locator("#y input")).to_have_value("42")


def chain_then(page: Page) -> None:
    click(page, "greet")
    expect(value(page, "greeting")).to_have_value("HELLO ANN")


def three_steps(page: Page) -> None:
    click(page, "run")
    expect(page.locator("#n input")).to_have_value("5")


def blocks_chat(page: Page) -> None:
    field = page.locator("#msg textarea, #msg input").first
    field.fill("hello")
    field.press("Enter")
    expect(field).to_have_value("")
    expect(page.locator("#chat")).to_contain_text("You said: hello")


def chat_interface(page: Page) -> None:
    field = page.locator("#textbox textarea, #textbox input").first
    field.fill("abc")
    field.press("Enter")
    expect(page.locator("#chatbot")).to_contain_text("abc")


def metadata(page: Page) -> None:
    click(page, "think")
    expect(page.locator("#chat")).to_contain_text("Using the calculator")
    expect(page.locator("#chat")).to_contain_text("The answer is 4.")


def select_radio(page: Page) -> None:
    page.get_by_role("radio", name="green").check()
    expect(value(page, "picked")).to_have_value("1:green")


def select_cell(page: Page) -> None:
    page.locator("#table tbody tr").nth(1).locator("td").nth(0).click()
    expect(value(page, "cell")).to_have_value("[1, 0] = 3")


def generator(page: Page) -> None:
    click(page, "count")
    expect(value(page, "out")).to_have_value("1 2 3")


def image_output(page: Page) -> None:
    click(page, "draw")
    expect(page.locator("#image img")).to_be_visible()


def gallery_output(page: Page) -> None:
    click(page, "show")
    expect(page.locator("#gallery img")).to_have_count(2)


def load_event(page: Page) -> None:
    expect(value(page, "greeting")).to_have_value("Welcome!")


def error_shown(page: Page) -> None:
    click(page, "fail")
    expect(page.locator("body")).to_contain_text("Nope: try again")


def dict_outputs(page: Page) -> None:
    page.locator("#x input").fill("0")
    expect(value(page, "note")).to_have_value("cannot divide by zero")
    expect(value(page, "result")).to_have_value("old")


def cancels(page: Page) -> None:
    click(page, "start")
    expect(value(page, "status")).to_have_value("counting")
    click(page, "stop")
    expect(value(page, "status")).to_have_value("stopped")


def on_inputs(page: Page) -> None:
    page.locator("#a input").fill("2")
    page.locator("#b input").fill("3")
    expect(page.locator("#total input")).to_have_value("5")


CASES: dict[str, Callable[[Page], None]] = {
    "layout_row_greeter": row_greeter,
    "layout_tabs": tabs,
    "layout_visibility": visibility,
    "layout_nested": nested,
    "chain_then": chain_then,
    "chain_three_steps": three_steps,
    "chat_blocks_stream": blocks_chat,
    "chat_interface_stream": chat_interface,
    "chat_message_metadata": metadata,
    "listen_select_radio": select_radio,
    "listen_select_dataframe": select_cell,
    "stream_generator": generator,
    "media_image_output": image_output,
    "media_gallery_output": gallery_output,
    "listen_load": load_event,
    "error_message": error_shown,
    "listen_dict_outputs": dict_outputs,
    "cancels_stop": cancels,
    "listen_on_inputs": on_inputs,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_app_in_chromium(page: Page, name: str) -> None:
    with background_server(load_app(str(APPS / f"{name}.py"))) as url:
        open_app(page, url)
        CASES[name](page)
