"""A Dataframe output: Table shows rows of n and n squared, with 9 in the last row."""

import reactive as gr

with gr.Blocks() as demo:
    table = gr.Dataframe(headers=["n", "n^2"], elem_id="table")
    gr.Button("Table", elem_id="make").click(lambda: [[n, n * n] for n in range(1, 4)], None, table)

CHECK = [("click", "make"), ("expect_has", "table", "9")]
