"""gr.on without triggers runs on every input's change: 2 and 3 show 5."""

import reactive as gr

with gr.Blocks() as demo:
    a = gr.Number(value=0, label="a", elem_id="a")
    b = gr.Number(value=0, label="b", elem_id="b")
    total = gr.Number(label="a + b", elem_id="total")
    gr.on(fn=lambda x, y: x + y, inputs=[a, b], outputs=total)

CHECK = [("input", "a", 2), ("input", "b", 3), ("expect", "total", 5)]
