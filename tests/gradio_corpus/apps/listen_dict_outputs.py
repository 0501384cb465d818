"""A dict of outputs with gr.skip(): dividing by 0 shows the error and leaves the result as it was
('old').
"""

import reactive as gr

with gr.Blocks() as demo:
    x = gr.Number(value=1, label="x", elem_id="x")
    result = gr.Textbox(value="old", label="Result", elem_id="result")
    note = gr.Textbox(label="Note", elem_id="note")

    def invert(v):
        if v == 0:
            return {note: "cannot divide by zero", result: gr.skip()}
        return {result: f"{1 / v:g}", note: ""}

    x.change(invert, x, [result, note])

CHECK = [
    ("input", "x", 0),
    ("expect", "note", "cannot divide by zero"),
    ("expect", "result", "old"),
]
