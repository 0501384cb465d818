"""A Column shown or hidden by a Checkbox; unticking it hides the column (visible=False)."""

import reactive as gr

with gr.Blocks() as demo:
    show = gr.Checkbox(value=True, label="Show details", elem_id="show")
    with gr.Column() as details:
        gr.Markdown("Details")
    show.change(lambda s: gr.update(visible=s), show, details)

CHECK = [("input", "show", False), ("expect_prop_of_block", "details", "visible", False)]
