"""gr.HTML templates in Chromium: the template is filled from the value and props, a returned
prop redraws it, js_on_load's trigger('click', data) reaches the listener, and components made
inside `with gr.HTML(...)` are drawn where the template says @children. A redraw keeps the
nodes (and the listeners js_on_load gave them)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app

ON_LOAD = """
    element.querySelectorAll('.pick').forEach((b) =>
        b.addEventListener('click', () => trigger('click', {clicked: b.innerText})));
    element.querySelector('.send')?.addEventListener('click', () => trigger('submit'));
"""


def template_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        picks = gr.HTML(
            ["A", "B"],
            html_template=(
                "<h3 style='color: ${color}'>Pick</h3>"
                "{{#each value}}<button class='pick'>{{this}}</button>{{/each}}"
            ),
            js_on_load=ON_LOAD, color="red", elem_id="picks",
        )  # fmt: skip
        clicked = gr.Textbox(label="Clicked", elem_id="clicked")

        def picked(evt: gr.EventData) -> tuple[str, object]:
            return evt.clicked, gr.HTML(color="blue")

        picks.click(picked, None, [clicked, picks])
        with gr.HTML(html_template="<h4>Form</h4>@children<button class='send'>Send</button>",
                     js_on_load=ON_LOAD, elem_id="form") as form:  # fmt: skip
            name = gr.Textbox(label="Name", elem_id="name")
        said = gr.Textbox(label="Said", elem_id="said")
        form.submit(lambda n: f"Hi {n}", name, said)
    return demo


def test_a_template_its_events_and_its_children(page: Page, serve: Serve) -> None:
    open_app(page, serve(template_app()))
    heading = page.locator("#picks h3")
    expect(heading).to_have_css("color", "rgb(255, 0, 0)")
    expect(page.locator("#picks button.pick")).to_have_count(2)
    page.locator("#picks button.pick", has_text="B").click()
    expect(page.locator("#clicked .rx-value")).to_have_value("B")
    expect(page.locator("#picks h3")).to_have_css("color", "rgb(0, 0, 255)")  # props redrew it
    page.locator("#picks button.pick", has_text="A").click()  # its listener survived the redraw
    expect(page.locator("#clicked .rx-value")).to_have_value("A")
    field = page.locator("#form #name input, #form #name textarea").first  # inside the template
    field.fill("Ann")
    page.locator("#form button.send").click()
    expect(page.locator("#said .rx-value")).to_have_value("Hi Ann")
