"""A generator listener streams its partial results: Count shows 1, 2, then '1 2 3'."""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Counting", elem_id="out")

    def count():
        text = ""
        for n in range(1, 4):
            text = f"{text} {n}".strip()
            yield text

    gr.Button("Count", elem_id="count").click(count, None, out)

CHECK = [("click", "count"), ("expect", "out", "1 2 3")]
