"""rx.Interface: Gradio-shaped apps, string shortcuts, clear warnings, served like any App."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import reactive as gr
from reactive.cli import load_app
from reactive.errors import AppLoadError, CompatibilityWarning, DefinitionError
from reactive.gradio.interface import component_from, media_class
from reactive.testing import AppTester


@pytest.mark.parametrize(
    ("name", "kind", "extra"),
    [
        ("text", gr.Textbox, {}),
        ("Textbox", gr.Textbox, {}),
        ("textarea", gr.Textbox, {"lines": 7}),
        ("number", gr.Number, {}),
        ("slider", gr.Slider, {}),
        ("checkbox", gr.Checkbox, {}),
        ("image", gr.Image, {"image_type": "numpy"}),
        ("pil", gr.Image, {"image_type": "pil"}),
        ("json", gr.JSON, {}),
        ("label", gr.Label, {}),
        ("dropdown", gr.Dropdown, {}),
        ("radio", gr.Radio, {}),
        ("html", gr.HTML, {}),
        ("file", gr.File, {}),
        ("dataframe", gr.DataFrame, {}),
        ("chatbot", gr.Chatbot, {}),
        ("state", gr.State, {}),
        ("gallery", gr.Gallery, {}),
        ("plot", gr.Plot, {}),
    ],
)
def test_string_shortcuts_make_components(name: str, kind: type, extra: dict[str, Any]) -> None:
    component = component_from(name)
    assert isinstance(component, kind)
    for attribute, value in extra.items():
        assert getattr(component, attribute) == value


def test_unknown_shortcut_lists_the_known_ones() -> None:
    with pytest.raises(DefinitionError, match=r"Unknown component name 'crayon'.*textbox"):
        component_from("crayon")


@pytest.mark.parametrize("name", ["audio", "video"])
def test_media_shortcuts_are_wired_or_explained(name: str) -> None:
    try:
        kind = media_class(name.capitalize())
    except DefinitionError:
        with pytest.raises(DefinitionError, match="not available"):
            component_from(name)
        with pytest.raises(AttributeError, match="not available"):
            getattr(gr, name.capitalize())
    else:
        assert isinstance(component_from(name), kind)


def test_playable_video_is_a_video_always_given_as_mp4() -> None:
    component = component_from("playable_video")
    assert isinstance(component, gr.Video)
    assert component.format == "mp4"


def greet(name: str) -> str:
    return "Hello " + name + "!"


def test_interface_lays_out_inputs_buttons_and_outputs() -> None:
    demo = gr.Interface(fn=greet, inputs="text", outputs="text", title="Greeter")
    assert isinstance(demo, gr.App)
    described = demo.describe()
    assert described["title"] == "Greeter"
    row = described["layout"]["children"][0]
    left, right = row["children"]
    assert left["children"][0] == "textbox"
    buttons = left["children"][1]["children"]
    assert [described["components"][b]["props"]["value"] for b in buttons] == ["Clear", "Submit"]
    assert right["children"] == ["textbox-2"]
    assert described["components"]["textbox"]["props"]["label"] == "name"
    # as Gradio labels an unlabelled output
    assert described["components"]["textbox-2"]["props"]["label"] == "output"


def test_live_interfaces_have_no_submit_button() -> None:
    demo = gr.Interface(greet, "text", "text", live=True)
    types = [c["type"] for c in demo.describe()["components"].values()]
    assert types.count("button") == 1  # Clear only


async def test_submit_enter_and_clear() -> None:
    demo = gr.Interface(greet, gr.Textbox(elem_id="name"), gr.Textbox(elem_id="out"))
    async with AppTester(demo) as page:
        await page.input("name", "Ada")
        await page.submit("name")
        assert await page.wait_value("out", "Hello Ada!")
        clear = next(c for c, s in page.welcome["app"]["components"].items()
                     if s["props"]["value"] == "Clear")  # fmt: skip
        await page.click(clear)
        assert await page.wait_until(
            lambda: page.page.values["out"] == "" and page.page.values["name"] == ""
        )


async def test_gr_text_as_an_input_is_the_textbox_it_is_in_gradio() -> None:
    demo = gr.Interface(lambda w: w[::-1], gr.Text(label="Word", elem_id="w"), gr.Text(elem_id="r"))
    word = demo.components["w"]
    assert isinstance(word, gr.Textbox)
    assert word.label == "Word"
    assert type(demo.components["r"]) is gr.Text  # an output stays display-only text
    async with AppTester(demo) as page:
        await page.input("w", "abc")
        await page.submit("w")
        assert await page.wait_value("r", "cba")


def test_unsupported_gradio_arguments_are_named_in_a_warning() -> None:
    with pytest.warns(CompatibilityWarning, match="ignores .*allow_flagging.*cache_examples"):
        gr.Interface(greet, "text", "text", allow_flagging="never", cache_examples=True)
    with pytest.warns(CompatibilityWarning, match="theme"):
        gr.Interface(greet, "text", "text", theme=object())


def test_launch_does_nothing_when_the_module_is_imported() -> None:
    demo = gr.Interface(greet, "text", "text").queue()
    demo.launch()  # called from a test module, not __main__: returns at once


def test_reactive_run_finds_an_interface(tmp_path: Path) -> None:
    path = tmp_path / "hello.py"
    path.write_text(
        "import reactive as gr\n"
        "def greet(name):\n    return 'Hello ' + name\n"
        "demo = gr.Interface(fn=greet, inputs='text', outputs='text')\n"
        "demo.launch()\n"
    )
    assert isinstance(load_app(str(path)), gr.Interface)


def test_reactive_run_finds_an_app_launched_without_a_name(tmp_path: Path) -> None:
    path = tmp_path / "unnamed.py"
    path.write_text(
        "import reactive as gr\n"
        "gr.Interface(lambda name: 'Hello ' + name, 'text', 'text', title='Unnamed').launch()\n"
    )
    app = load_app(str(path))
    assert isinstance(app, gr.Interface)
    assert app.title == "Unnamed"


def test_a_file_without_an_app_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.py"
    path.write_text("x = 1\n")
    with pytest.raises(AppLoadError, match=r"defines no rx\.App"):
        load_app(str(path))


# ---------------------------------------------------------------- the seed's examples


def count(x: int) -> Iterator[int]:
    for i in range(x):
        time.sleep(0.01)
        yield i


def fake_diffusion(steps: int) -> Iterator[np.ndarray]:
    rng = np.random.default_rng()
    for _ in range(steps):
        time.sleep(0.01)
        yield rng.random((600, 600, 3))
    yield np.ones((600, 600, 3)) * np.array([1.0, 0.55, 0.0])


async def test_the_counting_generator_runs_unchanged() -> None:
    demo = gr.Interface(count, gr.Number(elem_id="x"), gr.Number(elem_id="out"))
    async with AppTester(demo) as page:
        await page.input("x", 5)
        await page.click("button-2")
        assert await page.wait_status("count", "done")
        assert page.page.values["out"] == 4


async def test_fake_diffusion_runs_unchanged() -> None:
    demo = gr.Interface(fake_diffusion, inputs=gr.Slider(1, 10, 3, step=1), outputs="image")
    async with AppTester(demo) as page:
        await page.input("slider", 2)
        await page.click("button-2")
        assert await page.wait_status("fake_diffusion", "done", timeout=10)
        image = page.page.values["image"]
        assert (image["w"], image["h"]) == (600, 600)


def test_examples_fill_an_interface() -> None:
    demo = gr.Interface(greet, "text", "text", examples=[["Ada"], ["Bob"]])
    assert demo.describe()["fns"][0]["examples"]["rows"] == [["Ada"], ["Bob"]]


def test_gradio_themes_become_css_variables() -> None:
    demo = gr.Interface(greet, "text", "text", theme=gr.themes.Soft())
    assert demo.describe()["theme"]["accent"] == "light-dark(#4f46e5, #818cf8)"  # indigo
    assert gr.themes.Soft(primary_hue="blue")["accent"] == "light-dark(#2563eb, #60a5fa)"
    with pytest.warns(CompatibilityWarning, match=r"themes.Soft\(\) ignores .*shiny"):
        gr.themes.Soft(shiny=True)


def test_code_languages_and_an_examples_handler() -> None:
    assert "python" in gr.Code.languages
    demo = gr.Interface(greet, "text", "text", examples=[["Ada"]])
    table = demo.examples_handler  # the examples as a gr.Examples (test_examples_handler.py)
    assert table.samples == [["Ada"]]
    assert demo.examples_handler is table
