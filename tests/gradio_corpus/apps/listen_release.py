"""slider.release: letting go of the slider at 30 shows 'released at 30'."""

import reactive as gr

with gr.Blocks() as demo:
    amount = gr.Slider(0, 100, value=0, step=10, label="Amount", elem_id="amount")
    said = gr.Textbox(label="Said", elem_id="said")
    amount.release(lambda v: f"released at {int(v)}", amount, said)

CHECK = [
    ("input", "amount", 30),
    ("trigger", "amount", "release", None),
    ("expect", "said", "released at 30"),
]
