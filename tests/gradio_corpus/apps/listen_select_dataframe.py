"""dataframe.select: selecting the cell at row 1, column 0 (value 3) shows '[1, 0] = 3'."""

import reactive as gr

with gr.Blocks() as demo:
    table = gr.Dataframe(value=[[1, 2], [3, 4]], headers=["a", "b"], elem_id="table")
    cell = gr.Textbox(label="Cell", elem_id="cell")

    def on_select(evt: gr.SelectData):
        return f"{evt.index} = {evt.value}"

    table.select(on_select, None, cell)

CHECK = [
    ("trigger", "table", "select", {"index": [1, 0], "value": 3, "selected": True}),
    ("expect", "cell", "[1, 0] = 3"),
]
