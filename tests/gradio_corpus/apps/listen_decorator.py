"""A listener used as a decorator (@btn.click(inputs=, outputs=)): clicking with 'Bo' shows 'Hi
Bo'.
"""

import reactive as gr

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name", elem_id="name")
    out = gr.Textbox(label="Out", elem_id="out")
    btn = gr.Button("Hi", elem_id="hi")

    @btn.click(inputs=name, outputs=out)
    def hello(n):
        return f"Hi {n}"


CHECK = [("input", "name", "Bo"), ("click", "hi"), ("expect", "out", "Hi Bo")]
