"""A ColorPicker: picking #ff0000 shows 'red is #ff0000'."""

import reactive as gr

with gr.Blocks() as demo:
    colour = gr.ColorPicker(label="Colour", elem_id="colour")
    out = gr.Textbox(label="Out", elem_id="out")
    colour.change(lambda c: f"red is {c}", colour, out)

CHECK = [("input", "colour", "#ff0000"), ("expect", "out", "red is #ff0000")]
