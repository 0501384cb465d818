"""checkboxgroup.select: ticking 'y' after 'x' shows 'y selected'."""

import reactive as gr

with gr.Blocks() as demo:
    boxes = gr.CheckboxGroup(["x", "y", "z"], label="Boxes", elem_id="boxes")
    said = gr.Textbox(label="Said", elem_id="said")

    def on_select(evt: gr.SelectData):
        return f"{evt.value} {'selected' if evt.selected else 'unselected'}"

    boxes.select(on_select, None, said)

CHECK = [
    ("input", "boxes", ["x"]),
    ("input", "boxes", ["x", "y"]),
    ("expect", "said", "y selected"),
]
