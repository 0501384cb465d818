"""Tabs with a button in the second tab; clicking it shows 'second tab' in the first tab's box."""

import reactive as gr

with gr.Blocks() as demo:
    with gr.Tabs(selected="one"):
        with gr.Tab("One", id="one"):
            shown = gr.Textbox(label="Shown", elem_id="shown")
        with gr.TabItem("Two", id="two"):
            go = gr.Button("Press", elem_id="press")
    go.click(lambda: "second tab", None, shown)

CHECK = [("click", "press"), ("expect", "shown", "second tab")]
