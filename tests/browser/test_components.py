"""Each component in Chromium: set a value in the page, the function receives the right Python
type, its result is drawn; bad values are refused on the input and the function is not called."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import msgpack
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image as PILImage
from playwright.sync_api import FilePayload, Page, WebSocketRoute, expect

import reactive as rx
from reactive.cli import background_server
from tests.browser.conftest import SOCKET_URL, open_app

FRUITS = ["apple", "banana", "cherry"]
received: dict[str, list[Any]] = {}


def record(name: str, value: Any) -> str:
    received.setdefault(name, []).append(value)
    return f"{type(value).__name__}: {value!r}"


def png(width: int = 4, height: int = 3) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "red").save(buffer, "PNG")
    return buffer.getvalue()


def line_figure() -> Figure:
    """A real matplotlib figure (no pyplot: safe in any thread)."""
    figure = Figure(figsize=(2, 1.5))
    figure.add_subplot().plot([0, 1, 2], [0, 1, 4], color="green")
    return figure


def echo(app: rx.App, name: str, component: rx.Component) -> None:
    @app.fn(inputs=component, outputs=rx.Text(elem_id=f"{name}-out"), live=True, name=name)
    def run(value: Any) -> str:
        return record(name, value)


def library_app() -> rx.App:
    app = rx.App(title="components")
    echo(app, "textbox", rx.Textbox(elem_id="textbox"))
    echo(app, "number", rx.Number(elem_id="number", minimum=0, maximum=10))
    echo(app, "slider", rx.Slider(0, 10, 4, elem_id="slider"))
    echo(app, "checkbox", rx.Checkbox(True, elem_id="checkbox"))
    echo(app, "radio", rx.Radio(FRUITS, elem_id="radio"))
    echo(app, "group", rx.CheckboxGroup(FRUITS, elem_id="group"))
    echo(app, "dropdown", rx.Dropdown(FRUITS, multiselect=True, elem_id="dropdown"))
    echo(app, "color", rx.ColorPicker(elem_id="color"))
    echo(app, "file", rx.File(elem_id="file"))
    echo(app, "table", rx.DataFrame([["a", 1]], headers=["k", "n"], datatype=["str", "number"],
                                    type="array", interactive=True, elem_id="table"))  # fmt: skip

    @app.fn(inputs=rx.Image(elem_id="image"), outputs=rx.Image(elem_id="image-out"), live=True)
    def image(value: np.ndarray) -> np.ndarray:
        record("image", value)
        return value[:, ::-1]

    @app.fn(
        inputs=[],
        outputs=[
            rx.Markdown(elem_id="md"),
            rx.HTML(elem_id="html"),
            rx.JSON(elem_id="json"),
            rx.Label(elem_id="label"),
            rx.Gallery(elem_id="gallery"),
            rx.Plot(elem_id="plot"),
            rx.File(elem_id="download"),
        ],
        trigger=rx.Button("Show", elem_id="show"),
    )
    def show() -> tuple[Any, ...]:
        return (
            "**bold** and `code`",
            '<b>safe</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
            {"a": [1, 2]},
            {"cat": 0.8, "dog": 0.2},
            [np.zeros((8, 8, 3)), (np.ones((8, 8, 3)), "white")],
            line_figure(),
            b"raw bytes",
        )

    return app


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with background_server(library_app()) as served:
        yield served


@pytest.fixture
def opened(page: Page, url: str) -> Page:
    received.clear()
    open_app(page, url)
    return page


def out(page: Page, name: str) -> Any:
    return expect(page.locator(f"#{name}-out .rx-value"))


def test_textbox_gives_str(opened: Page) -> None:
    opened.locator("#textbox input").fill("héllo")
    out(opened, "textbox").to_have_text("str: 'héllo'")


def test_number_gives_float(opened: Page) -> None:
    opened.locator("#number input").fill("7")
    out(opened, "number").to_have_text("float: 7.0")


def test_slider_gives_int(opened: Page) -> None:
    opened.locator("#slider input").press("ArrowRight")
    out(opened, "slider").to_have_text("int: 5")
    expect(opened.locator("#slider .rx-readout")).to_have_text("5")


def test_checkbox_gives_bool(opened: Page) -> None:
    opened.locator("#checkbox input").click()
    out(opened, "checkbox").to_have_text("bool: False")


def test_radio_gives_the_choice(opened: Page) -> None:
    opened.get_by_role("radio", name="cherry").check()
    out(opened, "radio").to_have_text("str: 'cherry'")


def test_checkbox_group_gives_a_list(opened: Page) -> None:
    group = opened.locator("#group")
    group.get_by_role("checkbox", name="apple").check()
    group.get_by_role("checkbox", name="cherry").check()
    out(opened, "group").to_have_text("list: ['apple', 'cherry']")


def test_dropdown_multiselect_gives_a_list(opened: Page) -> None:
    opened.locator("#dropdown select").select_option("banana")
    opened.locator("#dropdown select").select_option("cherry")
    out(opened, "dropdown").to_have_text("list: ['banana', 'cherry']")
    expect(opened.locator("#dropdown .rx-chip")).to_have_text(["banana×", "cherry×"])
    opened.get_by_role("button", name="remove banana").click()
    out(opened, "dropdown").to_have_text("list: ['cherry']")


def test_color_picker_gives_hex(opened: Page) -> None:
    opened.locator("#color input").fill("#00ff80")
    out(opened, "color").to_have_text("str: '#00ff80'")


def test_image_upload_gives_an_array_and_shows_the_result(opened: Page) -> None:
    opened.locator("#image input[type=file]").set_input_files(
        files=[FilePayload(name="red.png", mimeType="image/png", buffer=png(5, 3))]
    )
    expect(opened.locator("#image-out img.rx-value")).to_have_attribute("width", "5")
    value = received["image"][-1]
    assert isinstance(value, np.ndarray)
    assert value.shape == (3, 5, 3)


def test_a_pasted_image_is_uploaded(opened: Page) -> None:
    opened.evaluate(
        """(bytes) => {
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(bytes)], 'pasted.png', {type: 'image/png'}));
            const paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true});
            document.querySelector('#image .rx-drop').dispatchEvent(paste);
        }""",
        list(png(7, 2)),
    )
    expect(opened.locator("#image-out img.rx-value")).to_have_attribute("width", "7")
    assert received["image"][-1].shape == (2, 7, 3)


def test_file_upload_gives_a_path_with_the_name(opened: Page) -> None:
    opened.locator("#file input[type=file]").set_input_files(
        files=[FilePayload(name="notes.txt", mimeType="text/plain", buffer=b"hello")]
    )
    out(opened, "file").to_contain_text("NamedString: '/")  # a str that answers .name, as Gradio's
    path = received["file"][-1]
    assert path.endswith("/notes.txt")
    assert path.name == path


def test_dataframe_edit_gives_typed_rows(opened: Page) -> None:
    cell = opened.locator("#table td input").nth(1)
    cell.fill("41.5")
    cell.press("Enter")
    out(opened, "table").to_have_text("list: [['a', 41.5]]")


def test_outputs_are_drawn(opened: Page) -> None:
    opened.locator("#show button").click()
    expect(opened.locator("#md .rx-value strong")).to_have_text("bold")
    expect(opened.locator("#md .rx-value code")).to_have_text("code")
    expect(opened.locator("#html .rx-value b")).to_have_text("safe")
    assert opened.locator("#html script").count() == 0
    assert opened.locator("#html img").get_attribute("onerror") is None
    expect(opened.locator("#json .rx-value")).to_contain_text('"a": [')
    expect(opened.locator("#label .rx-label-top")).to_have_text("cat")
    expect(opened.locator("#label .rx-confidence-pct").first).to_have_text("80%")
    expect(opened.locator("#gallery img")).to_have_count(2)
    expect(opened.locator("#gallery figcaption")).to_have_text("white")
    expect(opened.locator("#plot img")).to_have_count(1)
    opened.wait_for_function("document.querySelector('#plot img').naturalWidth > 0")
    width = opened.evaluate("document.querySelector('#plot img').naturalWidth")
    assert 120 < width <= 200  # the 2-inch figure, decoded (100 dpi, tight bounding box)
    expect(opened.locator("#download a.rx-download")).to_have_attribute("download", "file")
    assert opened.evaluate("window.__pwned") is None


# ---------------------------------------------------------------- bad values from the page


def test_an_image_that_is_not_an_image_is_refused(opened: Page) -> None:
    opened.locator("#image input[type=file]").set_input_files(
        files=[FilePayload(name="fake.png", mimeType="image/png", buffer=b"not a png")]
    )
    expect(opened.locator("#image .rx-error")).to_contain_text("is not an image")
    assert "image" not in received


def test_a_number_that_is_not_a_number_in_a_table_is_refused(opened: Page) -> None:
    cell = opened.locator("#table td input").nth(1)
    cell.fill("lots")
    cell.press("Enter")
    expect(opened.locator("#table .rx-error")).to_contain_text("'lots' is not a number")
    assert all(row != [["a", "lots"]] for row in received.get("table", []))


def test_an_unknown_choice_is_refused(page: Page, url: str) -> None:
    received.clear()
    routes: list[WebSocketRoute] = []
    page.route_web_socket(SOCKET_URL, lambda route: routes.append(route.connect_to_server()))
    open_app(page, url)
    frame = msgpack.packb({"t": "input", "c": "radio", "v": "durian"}, use_bin_type=True)
    routes[0].send(frame)  # as if the page had sent it
    expect(page.locator("#radio .rx-error")).to_contain_text("'durian' is not one of the choices")
    assert "radio" not in received
