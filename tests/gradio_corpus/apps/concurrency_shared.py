"""concurrency_limit= and concurrency_id= on two listeners sharing a limiter; each button still
answers: 'left' then 'right'.
"""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Left", elem_id="left").click(
        lambda: "left", None, out, concurrency_limit=2, concurrency_id="gpu"
    )
    gr.Button("Right", elem_id="right").click(lambda: "right", None, out, concurrency_id="gpu")

CHECK = [
    ("click", "left"),
    ("expect", "out", "left"),
    ("click", "right"),
    ("expect", "out", "right"),
]
