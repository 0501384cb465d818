"""focus and blur: focusing the box shows 'editing', leaving it 'done'."""

import reactive as gr

with gr.Blocks() as demo:
    box = gr.Textbox(label="Box", elem_id="box")
    state = gr.Textbox(label="State", elem_id="state")
    box.focus(lambda: "editing", None, state)
    box.blur(lambda: "done", None, state)

CHECK = [
    ("trigger", "box", "focus", None),
    ("expect", "state", "editing"),
    ("trigger", "box", "blur", None),
    ("expect", "state", "done"),
]
