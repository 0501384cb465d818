"""Every component, layout and helper of reactive on one page.

Run it with ``reactive run demos/gallery.py`` and open the printed URL.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

import reactive as rx

app = rx.App(
    title="Component gallery",
    description="Every component of **reactive**, wired to small functions. "
    "Inputs on the left, what the function returns on the right.",
    footer="Made with reactive · light and dark follow your system.",
)

FRUITS = ["apple", "banana", "cherry", "durian"]


def _sunset(size: int = 160) -> np.ndarray:
    y, x = np.mgrid[0:size, 0:size] / size
    return np.stack([0.9 + 0.1 * x, 0.35 + 0.5 * y, 0.3 * (1 - y) + 0.2 * x], axis=-1)


with app.tabs():
    # ------------------------------------------------------------------ choices and numbers
    with app.tab("Inputs"), app.row():
        with app.column():
            text = rx.Textbox(label="Textbox", placeholder="Type here", elem_id="g-text")
            number = rx.Number(3, label="Number", minimum=0, maximum=10, elem_id="g-number")
            slider = rx.Slider(0, 100, 40, label="Slider", elem_id="g-slider")
            check = rx.Checkbox(True, label="Checkbox", elem_id="g-check")
        with app.column():
            radio = rx.Radio(FRUITS, "banana", label="Radio", elem_id="g-radio")
            group = rx.CheckboxGroup(FRUITS, ["apple"], label="CheckboxGroup", elem_id="g-group")
            dropdown = rx.Dropdown(
                FRUITS, ["cherry"], multiselect=True, label="Dropdown", elem_id="g-dropdown"
            )
            color = rx.ColorPicker("#e8590c", label="ColorPicker", elem_id="g-color")
        with app.column():
            summary = rx.JSON(label="JSON: what the function received", elem_id="g-json")
            shown = rx.Label(label="Label", elem_id="g-label", num_top_classes=3)

    @app.fn(
        inputs=[text, number, slider, check, radio, group, dropdown, color],
        outputs=[summary, shown],
        live=True,
        trigger="load",
    )
    def describe(
        text: str,
        number: float | None,
        slider: int,
        check: bool,
        radio: str | None,
        group: list[str],
        dropdown: list[str],
        color: str,
    ) -> tuple[dict[str, Any], dict[str, float]]:
        values: dict[str, Any] = {"text": text, "number": number, "slider": slider, "check": check}
        values |= {"radio": radio, "group": group, "dropdown": dropdown, "color": color}
        received = {name: f"{v!r} ({type(v).__name__})" for name, v in values.items()}
        votes = {fruit: 1.0 + (fruit in group) + (fruit == radio) for fruit in FRUITS}
        total = sum(votes.values())
        return received, {fruit: n / total for fruit, n in votes.items()}

    # ------------------------------------------------------------------ text and media
    with app.tab("Text and media"), app.row():
        with app.column():
            source = rx.Textbox(
                "# Hello\nSome *Markdown* with `code`.\n\n```python\nprint('hi')\n```",
                lines=6,
                label="Markdown source",
                elem_id="g-source",
            )
            picture = rx.Image(_sunset(), label="Image (upload or paste)", elem_id="g-image")
        with app.column():
            markdown = rx.Markdown(label="Markdown", elem_id="g-markdown")
            html = rx.HTML(label="HTML (sanitized)", elem_id="g-html")
            mirrored = rx.Image(label="Image, mirrored", elem_id="g-mirror")

    @app.fn(inputs=source, outputs=[markdown, html], live=True, trigger="load")
    def render(source: str) -> tuple[str, str]:
        return source, f"<b>{len(source)}</b> characters <script>alert(1)</script>"

    @app.fn(inputs=picture, outputs=mirrored, live=True, trigger="load")
    def mirror(image: np.ndarray | None) -> np.ndarray | None:
        return None if image is None else image[:, ::-1]

    with app.tab("Collections"), app.row():
        with app.column():
            count = rx.Slider(1, 8, 4, label="Images", elem_id="g-count")
            table = rx.DataFrame(
                [["apple", 3], ["banana", 5]],
                headers=["fruit", "count"],
                datatype=["str", "number"],
                interactive=True,
                type="array",
                label="DataFrame (edit a cell)",
                elem_id="g-table",
            )
            upload = rx.File(label="File", elem_id="g-file")
        with app.column():
            gallery = rx.Gallery(label="Gallery", columns=4, elem_id="g-gallery")
            totals = rx.Text(label="Table total", elem_id="g-total")
            download = rx.File(label="Download", elem_id="g-download")

    @app.fn(inputs=count, outputs=gallery, live=True, trigger="load")
    def tiles(n: int) -> list[tuple[np.ndarray, str]]:
        base = _sunset(64)
        return [(np.roll(base, 8 * i, axis=1), f"tile {i + 1}") for i in range(n)]

    @app.fn(inputs=table, outputs=totals, live=True, trigger="load")
    def total(rows: list[list[Any]]) -> str:
        return f"{sum(float(r[1] or 0) for r in rows):g} fruit in {len(rows)} rows"

    @app.fn(inputs=upload, outputs=download, live=True)
    def echo_file(path: str | None) -> str | None:
        if path is None:
            return None
        out = Path(path).with_suffix(".upper.txt")
        out.write_text(Path(path).read_text(errors="replace").upper())
        return str(out)

    # ------------------------------------------------------------------ chat, progress, state
    with app.tab("Chat and progress"), app.row():
        with app.column(scale=2):
            chat = rx.Chatbot(label="Chatbot", elem_id="g-chat", height=280)
            message = rx.Textbox(
                label="Message", placeholder="Say something and press Enter", elem_id="g-msg"
            )
        with app.column():
            steps = rx.Slider(5, 40, 20, label="Steps", elem_id="g-steps")
            work = rx.Button("Work", elem_id="g-work")
            result = rx.Text(label="Progress", elem_id="g-result")
            clicks = rx.State(0)
            counter = rx.Number(label="Clicks this session (rx.State)", elem_id="g-clicks")

    @app.fn(inputs=[message, chat], outputs=[message, chat], trigger=message)
    def reply(text: str, history: list[dict[str, str]]) -> Iterator[Any]:
        history = [*history, {"role": "user", "content": text}]
        answer = f"You said **{text or 'nothing'}**. In code:\n\n```python\nprint({text!r})\n```"
        history.append({"role": "assistant", "content": ""})
        for word in answer.split(" "):
            history[-1]["content"] += ("" if not history[-1]["content"] else " ") + word
            time.sleep(0.02)
            yield "", history

    @app.fn(inputs=[steps, clicks], outputs=[result, clicks, counter], trigger=work)
    def slow(
        n: int,
        clicked: int,
        progress: rx.Progress = rx.Progress(),  # noqa: B008
    ) -> tuple[str, int, int]:
        for _ in progress.tqdm(range(n), desc="Working"):
            time.sleep(0.05)
        rx.Info(f"Finished {n} steps.")
        return f"done {n} steps", clicked + 1, clicked + 1

    # ------------------------------------------------------------------ updates and examples
    with app.tab("Updates and examples"):
        with app.row():
            with app.column():
                kind = rx.Radio(["fruit", "colour"], "fruit", label="Choices", elem_id="g-kind")
                show = rx.Checkbox(True, label="Show the dropdown", elem_id="g-show")
            with app.column():
                picker = rx.Dropdown(FRUITS, label="Updated dropdown", elem_id="g-picker")
        with app.accordion("Examples", open=True), app.row():
            a = rx.Number(label="a", elem_id="g-a")
            b = rx.Number(label="b", elem_id="g-b")
            product = rx.Number(label="a × b", elem_id="g-product")

        with app.row():
            plot = rx.Plot(label="Plot (a matplotlib figure, when matplotlib is installed)")
            plot_button = rx.Button("Plot", variant="secondary", elem_id="g-plot-go")

    @app.fn(inputs=[], outputs=plot, trigger=plot_button)
    def draw() -> Any:
        try:
            figure = importlib.import_module("matplotlib.figure").Figure(figsize=(5, 3))
        except ImportError:
            raise rx.Error("matplotlib is not installed: pip install matplotlib") from None
        axes = figure.subplots()
        xs = np.linspace(0, 6.3, 100)
        axes.plot(xs, np.sin(xs))
        return figure

    @app.fn(inputs=[kind, show], outputs=picker, live=True, trigger="load")
    def choices(kind: str, show: bool) -> Any:
        options = FRUITS if kind == "fruit" else ["red", "green", "blue"]
        return rx.update(choices=options, value=options[0], visible=show)

    @app.fn(inputs=[a, b], outputs=product, live=True, examples=[[2, 3], [4, 5], [6, 7]])
    def multiply(a: float | None, b: float | None) -> float | None:
        if a is None or b is None:
            return None
        if a < 0 or b < 0:
            raise rx.Error("Only non-negative numbers, please.")
        return a * b
