"""Pieces Gradio's demos use, as a person sees them: ``js=`` text beside a Python ``fn``
(navbar_query_params: the page's JavaScript runs first and its result is the function's
input), the copy buttons of a Textbox, a Markdown and a Chatbot's messages (copy_events:
``gr.CopyData``), and an Interface's examples given new samples by a listener (image_mod:
``examples_handler``), and a templated HTML calling Python from its JavaScript
(html_server_functions: ``server_functions``), and one sending a file (html_upload:
``upload(file)``)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app

#: Writes the text into the page's address, then hands it on upper-cased.
TO_URL = "(t) => { history.replaceState({}, '', '?t=' + t); return t.toUpperCase(); }"


def js_fn_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox("abc", elem_id="text")
        out = gr.Textbox(elem_id="out")
        gr.Button("Go", elem_id="go").click(lambda t: f"Python got {t}", text, out, js=TO_URL)
        gr.Button("Bad", elem_id="bad").click(
            lambda a, b: a + b, [text, out], out, js="(a, b) => undefined"
        )
    return demo


def test_the_page_s_javascript_runs_first_and_feeds_the_python_fn(page: Page, serve: Serve) -> None:
    open_app(page, serve(js_fn_app()))
    page.locator("#go button").click()
    expect(page.locator("#out .rx-value")).to_have_value("Python got ABC")
    assert page.evaluate("location.search") == "?t=abc"
    expect(page.locator("#text .rx-value")).to_have_value("abc")  # the input keeps its text


def test_javascript_that_returns_too_few_inputs_is_shown_and_fn_does_not_run(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(js_fn_app()))
    page.locator("#bad button").click()
    expect(page.locator(".rx-toast")).to_contain_text("returned 0 value(s) for 2 input(s)")
    expect(page.locator("#out .rx-value")).to_have_value("")


def server_change_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        src = gr.Textbox(elem_id="src")
        shown, called = gr.Textbox(elem_id="shown"), gr.Textbox(elem_id="called")
        gr.Button("Fill", elem_id="fill").click(lambda: "from py", None, src)
        src.change(None, src, shown, js="(t) => t + '!'")
        src.change(lambda t: f"fn got {t}", src, called, js="(t) => t + '?'")
    return demo


def test_a_value_a_function_writes_runs_the_js_change_listeners_in_the_page(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(server_change_app()))
    page.locator("#fill button").click()
    expect(page.locator("#shown .rx-value")).to_have_value("from py!")
    expect(page.locator("#called .rx-value")).to_have_value("fn got from py?")


#: navbar_query_params: the choice goes into the address and on to the Python function.
CHOICE_TO_URL = """(choice) => {
    const url = new URL(window.location);
    url.searchParams.set('option', choice);
    window.history.replaceState({}, '', url);
    return choice;
}"""


def navbar_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        navbar = gr.Navbar(value=[("Main Page", ""), ("Page 2", "second")], elem_id="nav")
        choice = gr.Dropdown(["America", "Canada"], value=None, elem_id="choice")

        def links(chosen: str) -> list[tuple[str, str]]:
            return [("Main Page", f"?option={chosen}"), ("Page 2", f"second?option={chosen}")]

        choice.change(links, choice, navbar, js=CHOICE_TO_URL)
    return demo


def test_a_choice_written_into_the_address_by_js_then_into_the_navbar_by_python(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(navbar_app()))
    page.locator("#choice select").select_option("Canada")
    links = page.locator("#nav nav a")
    expect(links.filter(has_text="Page 2")).to_have_attribute("href", "second?option=Canada")
    assert page.evaluate("location.search") == "?option=Canada"


def copy_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        md = gr.Markdown("This is **bold** text.", buttons=["copy"], elem_id="md")
        text = gr.Textbox("Write here", buttons=["copy"], interactive=True, elem_id="text")

        def copied(data: gr.CopyData) -> str:
            return f"copied: {data.value}"

        gr.on([md.copy, text.copy], copied, outputs=out)
    return demo


def test_a_copy_button_s_press_reaches_the_listener_with_what_it_copied(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(copy_app()))
    expect(page.locator("#md strong")).to_have_text("bold")
    page.locator("#md .rx-copy").click()
    expect(page.locator("#out .rx-value")).to_have_value("copied: This is **bold** text.")
    page.locator("#text .rx-value").fill("edited")
    page.locator("#text .rx-copy").click()
    expect(page.locator("#out .rx-value")).to_have_value("copied: edited")


def chat_copy_app() -> gr.Blocks:
    history = [
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "World"},
        {"role": "user", "content": "Goodbye"},
    ]
    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        chat = gr.Chatbot(history, buttons=["copy"], elem_id="chat")

        def copied(data: gr.CopyData) -> str:
            return f"copied: {data.value}"

        chat.copy(copied, outputs=out)
    return demo


def test_a_chat_message_s_copy_button_reaches_the_listener_with_its_text(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(chat_copy_app()))
    rows = page.locator("#chat .rx-msg-row")
    rows.nth(1).get_by_role("button", name="Copy").click()
    expect(page.locator("#out .rx-value")).to_have_value("copied: World")
    rows.nth(2).get_by_role("button", name="Copy").click()
    expect(page.locator("#out .rx-value")).to_have_value("copied: Goodbye")


def examples_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        face = gr.Interface(
            lambda t: t.upper(), gr.Textbox(elem_id="in"), "text", examples=["cheetah", "lion"]
        )
        gr.Button("Update Examples", elem_id="more").click(
            lambda: gr.Dataset(samples=[["logo"], ["tower"]]),
            None,
            face.examples_handler.dataset,
        )
    return demo


def test_an_interface_s_examples_take_new_samples_and_fill_the_input(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(examples_app()))
    rows = page.locator(".rx-example")
    expect(rows).to_have_text(["cheetah", "lion"])
    rows.nth(1).click()
    expect(page.locator("#in .rx-value")).to_have_value("lion")
    page.locator("#more button").click()
    expect(rows).to_have_text(["logo", "tower"])
    rows.nth(1).click()
    expect(page.locator("#in .rx-value")).to_have_value("tower")


LIST_ON_CLICK = """
const tree = element.querySelector('.tree');
element.querySelector('.load').addEventListener('click', async () => {
    try {
        const names = await server.names(props.value, 3);
        tree.textContent = names.join(', ');
    } catch (e) {
        tree.textContent = 'failed: ' + e.message;
    }
});
element.querySelector('.bad').addEventListener('click', () => {
    server.names(props.value, -1).catch((e) => { tree.textContent = 'failed: ' + e.message; });
});
"""


def server_app() -> gr.Blocks:
    def names(prefix: str, count: int) -> list[str]:
        if count < 0:
            raise gr.Error("count must not be negative")
        return [f"{prefix}{i}" for i in range(count)]

    with gr.Blocks() as demo:
        gr.HTML(
            "file",
            html_template=(
                "<p>${value}</p><div class='tree'></div>"
                "<button class='load'>Load</button><button class='bad'>Bad</button>"
            ),
            js_on_load=LIST_ON_CLICK,
            server_functions=[names],
            elem_id="files",
        )
    return demo


def test_the_page_s_javascript_awaits_a_python_function_s_result(page: Page, serve: Serve) -> None:
    open_app(page, serve(server_app()))
    page.locator("#files .load").click()
    expect(page.locator("#files .tree")).to_have_text("file0, file1, file2")
    page.locator("#files .bad").click()
    expect(page.locator("#files .tree")).to_contain_text("failed: names: count must not be")


#: html_upload's js_on_load: the chosen file goes to the server, its path becomes the value.
UPLOAD_ON_LOAD = """
    const input = element.querySelector('#file-input');
    element.querySelector('#upload-btn').addEventListener('click', async () => {
        try {
            const { path, url } = await upload(input.files[0]);
            props.shown = url.slice(0, 5);
            props.value = path;
        } catch (e) {
            props.shown = String(e);
        }
    });
"""


def upload_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        html = gr.HTML(
            html_template=(
                "<input type='file' id='file-input'><button id='upload-btn'>Upload</button>"
                "<span id='url'>${shown}</span>"
            ),
            js_on_load=UPLOAD_ON_LOAD,
            shown="",
            elem_id="up",
        )
        content = gr.Textbox(elem_id="content")
        gr.Button("View", elem_id="view").click(
            lambda path: f"{Path(path).name}: {Path(path).read_text()}", html, content
        )
    return demo


def test_upload_in_js_on_load_sends_the_file_and_gives_its_path(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    open_app(page, serve(upload_app()))
    page.locator("#up #upload-btn").click()  # no file chosen: the promise rejects by name
    expect(page.locator("#up #url")).to_contain_text("upload(file) takes a File")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello from a file")
    page.locator("#up #file-input").set_input_files(notes)
    page.locator("#up #upload-btn").click()
    expect(page.locator("#up #url")).to_have_text("blob:")
    page.locator("#view button").click()
    expect(page.locator("#content .rx-value")).to_have_value("notes.txt: hello from a file")
