"""A Dataframe input: summing [[1, 2], [3, 4]] shows 10."""

import reactive as gr

with gr.Blocks() as demo:
    table = gr.Dataframe(value=[[1, 2], [3, 4]], headers=["a", "b"], type="array", elem_id="table")
    total = gr.Number(label="Total", elem_id="total")
    gr.Button("Sum", elem_id="sum").click(lambda rows: sum(sum(r) for r in rows), table, total)

CHECK = [("click", "sum"), ("expect", "total", 10)]
