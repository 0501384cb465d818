"""gr.update(choices=): Load fills the Dropdown's choices with 'x', 'y'."""

import reactive as gr

with gr.Blocks() as demo:
    pick = gr.Dropdown(choices=[], label="Pick", elem_id="pick")
    gr.Button("Load", elem_id="load").click(
        lambda: gr.update(choices=["x", "y"], value="x"), None, pick
    )

CHECK = [("click", "load"), ("expect", "pick", "x"), ("expect_prop_has", "pick", "choices", "y")]
