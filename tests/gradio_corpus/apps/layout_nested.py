"""Row > Column > Group > Accordion nested; clicking Double with 21 shows 42."""

import reactive as gr

with gr.Blocks() as demo, gr.Row():
    with gr.Column(), gr.Group(), gr.Accordion("Number", open=True):
        x = gr.Number(value=21, label="x", elem_id="x")
    with gr.Column():
        y = gr.Number(label="2x", elem_id="y")
        gr.Button("Double", elem_id="double").click(lambda v: v * 2, x, y)

CHECK = [("click", "double"), ("expect", "y", 42)]
