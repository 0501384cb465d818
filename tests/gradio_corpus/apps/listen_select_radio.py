"""radio.select: choosing 'green' shows '1:green' (SelectData index and value)."""

import reactive as gr

with gr.Blocks() as demo:
    colour = gr.Radio(["red", "green", "blue"], label="Colour", elem_id="colour")
    picked = gr.Textbox(label="Picked", elem_id="picked")

    def on_select(evt: gr.SelectData):
        return f"{evt.index}:{evt.value}"

    colour.select(on_select, None, picked)

CHECK = [("input", "colour", "green"), ("expect", "picked", "1:green")]
