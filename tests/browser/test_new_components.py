"""The components added for Gradio apps, as a person sees them in Chromium."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image as PILImage
from playwright.sync_api import Page, expect

import reactive as rx
from tests.browser.conftest import Serve, open_app, screenshot

SALES = pd.DataFrame(
    {
        "day": pd.date_range("2024-01-01", periods=6),
        "sales": [3, 5, 4, 8, 6, 9],
        "shop": ["north", "south"] * 3,
    }
)


def wait_until(condition: Callable[[], bool], page: Page, timeout: float = 5.0) -> None:
    """Poll a condition on the server side (what the test's function recorded)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the server"
        page.wait_for_timeout(20)  # lets the page and the server work between polls


def highlight_app() -> rx.App:
    app = rx.App(title="highlight")

    @app.fn(
        inputs=rx.Textbox(elem_id="words"),
        outputs=rx.HighlightedText(
            elem_id="tagged", color_map={"noun": "#22c55e"}, show_legend=True, combine_adjacent=True
        ),
        live=True,
    )
    def tag(text: str) -> list[tuple[str, str | None]]:
        return [(w + " ", "noun" if w.istitle() else None) for w in text.split()]

    return app


def test_highlighted_text_shows_labelled_spans_and_a_legend(serve: Serve, page: Page) -> None:
    open_app(page, serve(highlight_app()))
    page.fill("#words input, #words textarea", "Alice and Bob went to Paris Texas today")
    marks = page.locator("#tagged mark[data-label=noun]")
    expect(marks).to_have_count(3)  # Alice, Bob, "Paris Texas " merged by combine_adjacent
    expect(marks.nth(2)).to_contain_text("Paris Texas")
    expect(page.locator("#tagged .rx-legend")).to_contain_text("noun")
    colour = marks.first.evaluate("m => getComputedStyle(m).getPropertyValue('--rx-span')")
    assert colour.strip() == "#22c55e"
    screenshot(page, "highlighted-text")


def plots_app() -> rx.App:
    app = rx.App(title="plots")
    with app.column():
        button = rx.Button("Draw", elem_id="draw")
        line = rx.LinePlot(x="day", y="sales", color="shop", title="Sales", elem_id="line")
        bars = rx.BarPlot(x="shop", y="sales", y_aggregate="sum", elem_id="bars")
        dots = rx.ScatterPlot(x="sales", y="sales", tooltip="all", elem_id="dots")

    @app.fn(inputs=[], outputs=[line, bars, dots], trigger=button)
    def draw() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return SALES, SALES, SALES

    return app


def test_line_bar_and_scatter_plots_are_drawn_as_svg(serve: Serve, page: Page) -> None:
    open_app(page, serve(plots_app()))
    page.click("#draw")
    expect(page.locator("#line svg path")).to_have_count(2)  # a line per shop
    expect(page.locator("#line .rx-legend")).to_contain_text("north")
    expect(page.locator("#line .rx-chart-title")).to_have_text("Sales")
    expect(page.locator("#bars svg rect[data-row]")).to_have_count(2)
    expect(page.locator("#dots svg circle")).to_have_count(6)
    heights = page.locator("#bars rect[data-row]").evaluate_all(
        "rs => rs.map(r => Number(r.getAttribute('height')))"
    )
    assert heights[1] > heights[0]  # south sells 5+8+9 = 22, north 3+4+6 = 13
    page.locator("#dots circle").nth(3).hover()
    tip = page.locator("#dots .rx-chart-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("day: 2024-01-04")
    screenshot(page, "native-plots")


def clear_app(seen: list[str], file: Path) -> rx.App:
    app = rx.App(title="clear", allowed_paths=[str(file.parent)])
    with app.column():
        words = rx.Textbox("hello", elem_id="words")
        picks = rx.Dropdown(["a", "b", "c"], value=["a", "b"], multiselect=True, elem_id="picks")
        echo = rx.Text(elem_id="echo")
        rx.ClearButton([words, picks, echo], elem_id="clear")
        rx.DownloadButton("Get notes", value=str(file), elem_id="get")
        rx.DownloadButton(elem_id="nothing")

    @app.fn(inputs=[words, picks], outputs=echo, live=True)
    def show(text: str, chosen: list[str]) -> str:
        seen.append(text)
        return f"{text}|{','.join(chosen)}"

    return app


def test_clear_button_empties_its_components_and_inputs_send_it(
    serve: Serve, page: Page, tmp_path: Path
) -> None:
    seen: list[str] = []
    notes = tmp_path / "notes.txt"
    notes.write_text("remember the milk\n")
    open_app(page, serve(clear_app(seen, notes)))
    page.fill("#words input", "typed")
    expect(page.locator("#echo .rx-value")).to_have_text("typed|a,b")
    page.click("#clear button")
    expect(page.locator("#words input")).to_have_value("")
    expect(page.locator("#picks .rx-chip")).to_have_count(0)
    expect(page.locator("#echo .rx-value")).to_have_text("|")  # the live function ran on ""
    assert seen[-1] == ""
    screenshot(page, "clear-and-download")


def test_download_button_saves_its_file_and_is_disabled_without_one(
    serve: Serve, page: Page, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("remember the milk\n")
    open_app(page, serve(clear_app([], notes)))
    expect(page.locator("#nothing button")).to_be_disabled()
    expect(page.locator("#get button")).to_have_text("Get notes")
    with page.expect_download() as info:
        page.click("#get button")
    download = info.value
    assert download.suggested_filename == "notes.txt"
    assert Path(download.path()).read_text() == "remember the milk\n"


def test_dataframe_counts_and_dates_in_the_page(serve: Serve, page: Page) -> None:
    app = rx.App(title="table")
    seen: list[pd.DataFrame] = []
    with app.column():
        grid = rx.DataFrame(
            row_count=(2, "fixed"), col_count=(2, "dynamic"), interactive=True, elem_id="grid"
        )
        rx.DataFrame(SALES.head(2), interactive=False, elem_id="shown")

    @app.fn(inputs=grid, outputs=rx.Text(elem_id="shape"), live=True)
    def shape(frame: pd.DataFrame) -> str:
        seen.append(frame)
        return f"{frame.shape[0]}x{frame.shape[1]}"

    open_app(page, serve(app))
    expect(page.locator("#grid tbody tr")).to_have_count(2)
    expect(page.locator("#grid button", has_text="+ Row")).to_have_count(0)  # rows are fixed
    page.locator("#grid button", has_text="+ Column").click()
    expect(page.locator("#shape .rx-value")).to_have_text("2x3")
    expect(page.locator("#shown tbody tr").first).to_contain_text("2024-01-01 00:00:00")
    screenshot(page, "dataframe-counts")


def examples_app(runs: list[str]) -> rx.App:
    app = rx.App(title="examples")
    with app.column():
        word = rx.Textbox(elem_id="word")
        times = rx.Slider(1, 5, 1, elem_id="times")
        shout = rx.Text(elem_id="shout")

        def repeat(text: str, n: int) -> str:
            runs.append(text)
            return (text.upper() + " ") * n

        rx.Examples(
            [["hey", 2], ["ho", 3]],
            inputs=[word, times],
            outputs=shout,
            fn=repeat,
            run_on_click=True,
            elem_id="ex",
        )
        rx.Examples([["quiet", 1]], inputs=[word, times], elem_id="fill-only")
        samples = rx.Dataset(
            components=[rx.Textbox(visible=False)], samples=[["red"], ["blue"]], elem_id="colours"
        )
        picked = rx.Text(elem_id="picked")

    @app.fn(inputs=samples, outputs=picked, trigger=samples)
    def pick(sample: list[str]) -> str:
        return f"picked {sample[0]}"

    return app


def test_examples_fill_the_inputs_and_run_on_click(serve: Serve, page: Page) -> None:
    runs: list[str] = []
    open_app(page, serve(examples_app(runs)))
    expect(page.locator("#ex tbody tr")).to_have_count(2)
    page.locator("#ex tbody tr").nth(1).click()
    expect(page.locator("#word input")).to_have_value("ho")
    expect(page.locator("#shout .rx-value")).to_have_text("HO HO HO")
    page.locator("#ex tbody tr").nth(1).click()  # the same example again runs again
    wait_until(lambda: runs.count("ho") == 2, page)
    page.locator("#fill-only tbody tr").first.click()
    expect(page.locator("#word input")).to_have_value("quiet")
    expect(page.locator("#times input")).to_have_value("1")
    expect(page.locator("#shout .rx-value")).to_have_text("HO HO HO")  # fill only: no run
    assert runs.count("ho") == 2  # and the fill-only table ran nothing
    page.locator("#colours tbody tr").nth(1).click()
    expect(page.locator("#picked .rx-value")).to_have_text("picked blue")
    screenshot(page, "examples-and-dataset")


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (6, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_gallery_as_an_input_takes_uploads_removals_and_selection(serve: Serve, page: Page) -> None:
    app = rx.App(title="gallery")
    with app.column():
        pictures = rx.Gallery(interactive=True, allow_preview=False, elem_id="pics")
        summary = rx.Text(elem_id="summary")

    @app.fn(inputs=pictures, outputs=summary, live=True)
    def describe(pairs: list[tuple[str, str | None]] | None) -> str:
        return f"{len(pairs or [])} pictures: " + ",".join(Path(p).suffix for p, _ in pairs or [])

    open_app(page, serve(app))
    files = [
        {"name": f"{c}.png", "mimeType": "image/png", "buffer": _png(c)} for c in ("red", "blue")
    ]
    page.locator("#pics input[type=file]").set_input_files(files)  # type: ignore[arg-type]
    expect(page.locator("#summary .rx-value")).to_have_text("2 pictures: .png,.png")
    expect(page.locator("#pics figure")).to_have_count(2)
    page.locator("#pics figure").nth(1).click()
    expect(page.locator("#pics figure").nth(1)).to_have_attribute("data-selected", "")
    screenshot(page, "gallery-input")
    page.get_by_role("button", name="remove image 1").click()
    expect(page.locator("#summary .rx-value")).to_have_text("1 pictures: .png")
    expect(page.locator("#pics figure")).to_have_count(1)


@pytest.mark.parametrize("name", ["cube.obj", "cube.glb", "cube.gltf", "cube.stl"])
def test_model3d_draws_a_generated_model_with_three_js_from_our_static_folder(
    serve: Serve, page: Page, name: str
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    app = rx.App(title="model")
    with app.column():
        rx.Model3D(
            rx.media.get_model3d(f"test-{name}"), clear_color=[0.1, 0.2, 0.3, 1], elem_id="m"
        )
    url = serve(app)
    open_app(page, url)
    expect(page.locator("#m")).to_have_attribute("data-meshes", "1", timeout=15_000)
    canvas = page.locator("#m canvas")
    expect(canvas).to_be_visible()
    # the background colour was drawn: the corner pixel is (0.1, 0.2, 0.3) → about (26, 51, 77)
    corner = canvas.evaluate(
        """c => { const g = c.getContext('webgl2') || c.getContext('webgl');
                  const p = new Uint8Array(4); g.readPixels(1, 1, 1, 1, g.RGBA, g.UNSIGNED_BYTE, p);
                  return Array.from(p); }"""
    )
    assert abs(corner[0] - 26) < 6
    assert abs(corner[2] - 77) < 6
    centre = canvas.evaluate(
        """c => { const g = c.getContext('webgl2') || c.getContext('webgl');
                  const p = new Uint8Array(4);
                  g.readPixels(c.width >> 1, c.height >> 1, 1, 1, g.RGBA, g.UNSIGNED_BYTE, p);
                  return Array.from(p); }"""
    )
    assert centre[:3] != corner[:3]  # the cube covers the middle
    assert any(r.endswith("/static/model3d.js") for r in requests)
    assert all(r.startswith((url, "blob:", "data:")) for r in requests)  # no CDN
    screenshot(page, f"model3d-{name.replace('.', '-')}")
