"""A Checkbox: ticking it shows 'on'."""

import reactive as gr

with gr.Blocks() as demo:
    agree = gr.Checkbox(label="Agree", elem_id="agree")
    out = gr.Textbox(label="Out", elem_id="out")
    agree.change(lambda v: "on" if v else "off", agree, out)

CHECK = [("input", "agree", True), ("expect", "out", "on")]
