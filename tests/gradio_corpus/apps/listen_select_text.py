"""textbox.select: selecting 'world' in 'hello world' shows 'world at [6, 11]'."""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(value="hello world", label="Text", elem_id="text")
    chosen = gr.Textbox(label="Chosen", elem_id="chosen")

    def on_select(evt: gr.SelectData):
        return f"{evt.value} at {evt.index}"

    text.select(on_select, None, chosen)

CHECK = [
    ("trigger", "text", "select", {"index": [6, 11], "value": "world", "selected": True}),
    ("expect", "chosen", "world at [6, 11]"),
]
