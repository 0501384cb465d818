"""gr.on(triggers=[a.submit, btn.click]): clicking Go with 'x' shows 'got x'."""

import reactive as gr

with gr.Blocks() as demo:
    a = gr.Textbox(label="A", elem_id="a")
    btn = gr.Button("Go", elem_id="go")
    out = gr.Textbox(label="Out", elem_id="out")
    gr.on(triggers=[a.submit, btn.click], fn=lambda v: f"got {v}", inputs=a, outputs=out)

CHECK = [("input", "a", "x"), ("click", "go"), ("expect", "out", "got x")]
