"""number.submit: Enter in a Number holding 4 shows its square 16."""

import reactive as gr

with gr.Blocks() as demo:
    n = gr.Number(label="n", elem_id="n")
    square = gr.Number(label="n squared", elem_id="square")
    n.submit(lambda v: v * v, n, square)

CHECK = [("input", "n", 4), ("submit", "n"), ("expect", "square", 16)]
