"""Two Tabs; opening the second (tab.select) shows '1:Second' (SelectData's index and label)."""

import reactive as gr

with gr.Blocks() as demo:
    opened = gr.Textbox(label="Opened", elem_id="opened")
    with gr.Tab("First"):
        gr.Markdown("one")
    with gr.Tab("Second") as second:
        gr.Markdown("two")

    def on_open(evt: gr.SelectData):
        return f"{evt.index}:{evt.value}"

    second.select(on_open, None, opened)

CHECK = [
    ("select_tab", "second", {"index": 1, "value": "Second", "selected": True}),
    ("expect", "opened", "1:Second"),
]
