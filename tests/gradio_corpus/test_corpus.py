"""Every app of the corpus (``apps/*.py``, Gradio-style with ``import reactive as gr``) loads as
``reactive run`` loads it, and its interaction (the module's ``CHECK``, which its docstring
describes) gives the expected output, driven in memory with :class:`reactive.testing.AppTester`.

A step is a tuple: ``("input", id, value)``, ``("click", id)``, ``("submit", id)``,
``("trigger", id, event, data)``, ``("select_tab", variable, data)``, ``("audio_chunk", id,
samples)``, ``("webcam_frame", id, width, height)``, or an expectation: ``("expect", id,
value)``, ``("expect_has", id, text)`` (the value's text contains it), ``("expect_set", id)``,
``("expect_len", id, n)``, ``("expect_prop", id, name, value)``, ``("expect_prop_has", id,
name, item)``, ``("expect_prop_of_block", variable, name, value)``, ``("expect_error", text)``
(a run ended with it), ``("expect_toast", text)``, ``("expect_function", id)``,
``("expect_js", id)``. An ``id`` is a component's id (its ``elem_id``); a ``variable`` names a
layout block in the app's module.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as gr
from reactive.cli import load_app
from reactive.testing import AppTester

APPS = Path(__file__).parent / "apps"
NAMES = sorted(path.stem for path in APPS.glob("*.py"))
TIMEOUT = 5.0


def load(name: str) -> tuple[gr.App, ModuleType]:
    import sys

    app = load_app(str(APPS / f"{name}.py"))
    return app, sys.modules[name]


def png(width: int, height: int) -> dict[str, Any]:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "red").save(buffer, "PNG")
    return {"mime": "image/png", "name": "red.png", "data": buffer.getvalue()}


def value_of(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "png":
        return png(value[1], value[2])
    return value


def stand_in(app: gr.App, module: ModuleType, variable: str) -> str:
    """The id of the component that stands for a layout block (a tab, a column)."""
    output = getattr(module, variable).output
    assert output is not None, variable
    assert output.id in app.describe()["components"], variable
    return str(output.id)


def test_the_corpus_is_large_and_every_app_documents_its_check() -> None:
    assert len(NAMES) >= 60
    for name in NAMES:
        source = (APPS / f"{name}.py").read_text()
        assert source.startswith('"""'), name
        assert "import reactive as gr" in source, name
        assert "\nCHECK = [" in source, name


@pytest.mark.parametrize("name", NAMES)
async def test_app(name: str) -> None:
    app, module = load(name)
    assert module.__doc__
    assert isinstance(module.demo, gr.App)
    async with AppTester(app) as page:
        for step in module.CHECK:
            await run_step(page, app, module, step)


async def run_step(page: AppTester, app: gr.App, module: ModuleType, step: tuple[Any, ...]) -> None:
    kind, *rest = step
    values = page.page.values
    if kind == "input":
        await page.input(rest[0], value_of(rest[1]))
    elif kind == "click":
        await page.click(rest[0])
    elif kind == "submit":
        await page.submit(rest[0])
    elif kind == "trigger":
        message = {"t": "trigger", "c": rest[0], "e": rest[1]}
        await page.send(message if rest[2] is None else {**message, "d": rest[2]})
    elif kind == "select_tab":
        await page.send({"t": "trigger", "c": stand_in(app, module, rest[0]), "e": "select",
                         "d": rest[1]})  # fmt: skip
    elif kind == "audio_chunk":
        data = np.asarray(rest[1], dtype="<i2").tobytes()
        await page.send({"t": "stream", "c": rest[0], "s": 1, "i": 0, "k": "pcm", "sr": 16000,
                         "d": data})  # fmt: skip
    elif kind == "webcam_frame":
        frame = png(rest[1], rest[2])
        await page.send({"t": "stream", "c": rest[0], "s": 1, "i": 0, "k": "image",
                         "mime": frame["mime"], "d": frame["data"]})  # fmt: skip
    elif kind == "expect":
        assert await page.wait_value(rest[0], rest[1], TIMEOUT), (step, values.get(rest[0]))
    elif kind == "expect_has":
        found = await page.wait_until(lambda: rest[1] in str(values.get(rest[0])), TIMEOUT)
        assert found, (step, values.get(rest[0]))
    elif kind == "expect_set":
        assert await page.wait_until(lambda: values.get(rest[0]) not in (None, ""), TIMEOUT), step
    elif kind == "expect_len":
        assert await page.wait_until(lambda: len(values.get(rest[0]) or ()) == rest[1], TIMEOUT), (
            step,
            values.get(rest[0]),
        )
    elif kind == "expect_prop":
        props = page.page.props
        assert await page.wait_until(
            lambda: props.get(rest[0], {}).get(rest[1], object()) == rest[2], TIMEOUT
        ), (step, props.get(rest[0]))
    elif kind == "expect_prop_has":
        props = page.page.props
        assert await page.wait_until(
            lambda: rest[2] in str(props.get(rest[0], {}).get(rest[1])), TIMEOUT
        ), (step, props.get(rest[0]))
    elif kind == "expect_prop_of_block":
        await run_step(
            page, app, module, ("expect_prop", stand_in(app, module, rest[0]), *rest[1:])
        )
    elif kind == "expect_error":
        status = page.page.status  # a run's error is its status, shown beside its outputs
        assert await page.wait_until(lambda: rest[0] in str(status), TIMEOUT), (step, status)
    elif kind == "expect_toast":
        toasts = page.page.toasts
        assert await page.wait_until(lambda: rest[0] in str(toasts), TIMEOUT), (step, toasts)
    elif kind == "expect_function":
        assert any(f.id == rest[0] and f.api for f in app.functions), step
    elif kind == "expect_js":
        assert any(f.js and f.triggers[0].component == rest[0] for f in app.functions), step
    else:
        raise AssertionError(f"unknown step {step!r}")


def test_the_docs_name_the_corpus_as_it_is() -> None:
    docs = (Path(__file__).parent.parent.parent / "docs" / "gradio.md").read_text()
    assert f"{len(NAMES)} Gradio-style apps" in docs
    from tests.browser.test_gradio_corpus import CASES

    assert f"{len(CASES)} of them in Chromium" in docs
    assert set(CASES) <= set(NAMES)
