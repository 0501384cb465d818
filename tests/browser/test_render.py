"""``@gr.render`` in Chromium: a todo list whose rows are rendered from a gr.State. A typed task
appears as a row with its own Delete button, and that button (a listener bound inside the render
function) removes its row."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def todo_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        tasks = gr.State([])
        new_task = gr.Textbox(label="Task", elem_id="new")
        new_task.submit(
            lambda items, name: ([*items, name], ""), [tasks, new_task], [tasks, new_task]
        )

        @gr.render(inputs=tasks)
        def show(items: list[str]) -> None:
            gr.Markdown(f"{len(items)} open", elem_id="open")
            for item in items:
                with gr.Row(elem_classes="task"):
                    gr.Textbox(item, show_label=False, elem_classes="name")
                    delete = gr.Button("Delete", elem_classes="delete")

                    def remove(item: str = item) -> list[str]:
                        return [other for other in items if other != item]

                    delete.click(remove, None, tasks)

    return demo


def test_a_typed_task_appears_with_a_delete_button_that_removes_it(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(todo_app()))
    expect(page.locator("#open")).to_contain_text("0 open")
    field = page.locator("#new .rx-value")
    rows = page.locator(".task")
    for count, name in enumerate(("milk", "eggs"), start=1):
        field.fill(name)
        field.press("Enter")
        expect(rows).to_have_count(count)
        expect(rows.nth(count - 1).locator(".name .rx-value")).to_have_value(name)
    expect(page.locator("#open")).to_contain_text("2 open")
    expect(field).to_have_value("")
    rows.first.locator(".delete button").click()
    expect(page.locator("#open")).to_contain_text("1 open")
    expect(rows).to_have_count(1)
    expect(rows.first.locator(".name .rx-value")).to_have_value("eggs")
    rows.first.locator(".delete button").click()
    expect(page.locator("#open")).to_contain_text("0 open")
    expect(rows).to_have_count(0)


def typing_app() -> gr.Blocks:
    """Every keystroke in a keyed box inside the render re-renders it (one box per letter)."""
    with gr.Blocks() as demo:
        count = gr.State(0)

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            note = gr.Textbox(label="Note", key="note", elem_classes="note")
            for i in range(n):
                gr.Textbox(str(i), label=f"Letter {i}", elem_classes="letter")
            note.input(len, note, count)

    return demo


def test_a_keyed_box_keeps_its_text_and_the_focus_while_its_render_is_redrawn(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(typing_app()))
    note = page.locator(".note .rx-value")
    note.click()
    note.press_sequentially("abcd", delay=60)
    expect(page.locator(".letter")).to_have_count(4)
    expect(note).to_have_value("abcd")
    expect(note).to_be_focused()


def chat_app() -> gr.Blocks:
    """A chat rendered from a slider; a click on one of its messages reports which (select)."""
    with gr.Blocks() as demo:
        count = gr.Slider(1, 4, value=2, step=1, elem_id="count")
        picked = gr.Textbox(label="Picked", elem_id="picked")

        @gr.render(inputs=count)
        def chat(n: float) -> None:
            history = [{"role": "user", "content": f"message {i}"} for i in range(int(n))]
            log = gr.Chatbot(history, elem_classes="log")
            log.select(_index_and_value, None, picked)

    return demo


def _index_and_value(evt: gr.SelectData) -> str:
    return f"{evt.index}: {evt.value}"


def test_a_click_on_a_rendered_chat_message_reports_its_index(page: Page, serve: Serve) -> None:
    open_app(page, serve(chat_app()))
    messages = page.locator(".log .rx-msg-row")
    expect(messages).to_have_count(2)
    messages.nth(1).locator(".rx-msg").click()
    expect(page.locator("#picked .rx-value")).to_have_value("1: message 1")
