"""Three chained steps (.then twice): clicking Run on 2 shows 2 -> 3 -> 6 -> 5: '5'."""

import reactive as gr

with gr.Blocks() as demo:
    n = gr.Number(value=2, label="n", elem_id="n")
    run = gr.Button("Run", elem_id="run")
    run.click(lambda v: v + 1, n, n).then(lambda v: v * 2, n, n).then(lambda v: v - 1, n, n)

CHECK = [("click", "run"), ("expect", "n", 5)]
