"""gr.update(label=, interactive=): clicking Lock relabels the box 'Locked' and makes it read-
only.
"""

import reactive as gr

with gr.Blocks() as demo:
    box = gr.Textbox(label="Open", elem_id="box")
    gr.Button("Lock", elem_id="lock").click(
        lambda: gr.update(label="Locked", interactive=False), None, box
    )

CHECK = [
    ("click", "lock"),
    ("expect_prop", "box", "label", "Locked"),
    ("expect_prop", "box", "interactive", False),
]
